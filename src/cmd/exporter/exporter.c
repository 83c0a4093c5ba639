/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exporter.c: `sockeye exporter`: the receive path's counters served to Prometheus. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/exporter/opts.h"
#include "cmd/exporter/run.h"

int cmd_exporter(int argc, char **argv)
{
	struct exporter_opts o;
	int ret = exporter_opts_parse(&o, argc, argv);

	if (ret)
		return ret < 0 ? 0 : ret;
	ret = exporter_run(&o);
	exporter_opts_free(&o);
	return ret;
}
