/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockets.c: `sockeye sockets` (ss): sockets from sock_diag as text, JSON or a live view. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/sockets/opts.h"
#include "cmd/sockets/run.h"

int cmd_sockets(int argc, char **argv)
{
	struct sockets_opts o;
	int ret = sockets_opts_parse(&o, argc, argv);

	if (!ret)
		ret = sockets_run(&o);
	sockets_opts_free(&o);
	return ret < 0 ? 0 : ret;
}
