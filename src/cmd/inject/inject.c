/* SPDX-License-Identifier: GPL-2.0-or-later */
/* inject.c: `sockeye inject`: replay captures and generate packets through PACKET_TX_RING. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/inject/opts.h"
#include "cmd/inject/run.h"

int cmd_inject(int argc, char **argv)
{
	struct inject_opts o;
	int ret = inject_opts_parse(&o, argc, argv);

	if (!ret)
		ret = inject_run(&o);
	else if (ret < 0)
		ret = 0;	/* --help */
	inject_opts_free(&o);
	return ret;
}
