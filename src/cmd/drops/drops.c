/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops.c: `sockeye drops`: why packets die: a summary per reason and site, or each drop. */
#include "config.h"

#include "cli/bpf_opts.h"
#include "cli/cmd.h"
#include "cmd/drops/opts.h"
#include "cmd/drops/run.h"

int cmd_drops(int argc, char **argv)
{
#ifdef HAVE_BPF
	struct drops_cmd c;
	int ret = drops_opts_parse(&c, argc, argv);

	if (!ret)
		ret = drops_run(&c);
	drops_opts_free(&c);
	return ret < 0 ? 0 : ret;
#else
	return cmd_bpf_unavailable(cmd_drops_usage, argc, argv);
#endif
}
