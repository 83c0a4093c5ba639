/* SPDX-License-Identifier: GPL-2.0-or-later */
/* why.c: `sockeye why`: where packets are lost, layer by layer, and which knob to turn. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/why/opts.h"
#include "cmd/why/run.h"

int cmd_why(int argc, char **argv)
{
	struct why_opts o;
	int ret = why_opts_parse(&o, argc, argv);

	if (!ret)
		ret = why_run(&o);
	why_opts_free(&o);
	return ret < 0 ? 0 : ret;
}
