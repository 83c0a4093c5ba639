/* SPDX-License-Identifier: GPL-2.0-or-later */
/* top.c: `sockeye top`: the receive path from NIC rings to sockets, live or in batches. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/top/opts.h"
#include "cmd/top/run.h"

int cmd_top(int argc, char **argv)
{
	struct top_opts o;
	int ret = top_opts_parse(&o, argc, argv);

	if (ret)
		return ret < 0 ? 0 : ret;
	return top_run(&o);
}
