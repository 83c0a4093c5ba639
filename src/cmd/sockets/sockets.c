/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockets.c: `sockeye sockets` (ss): sockets from sock_diag as text, JSON or a live view. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/sockets/opts.h"
#include "cmd/sockets/run.h"

int cmd_sockets(int argc, char **argv)
{
	struct sockets_opts o;
	int ret = cmd_sockets_parse(&o, argc, argv);

	if (!ret)
		ret = cmd_sockets_run(&o);
	cmd_sockets_free_opts(&o);
	return ret < 0 ? 0 : ret;
}
