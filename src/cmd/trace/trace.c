/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trace.c: `sockeye trace`: packets followed hop by hop through the kernel, with each hop's time. */
#include "config.h"

#include "cli/bpf_opts.h"
#include "cli/cmd.h"
#include "cmd/trace/opts.h"
#include "cmd/trace/run.h"

int cmd_trace(int argc, char **argv)
{
#ifdef HAVE_BPF
	struct trace_cmd c;
	int ret = trace_opts_parse(&c, argc, argv);

	if (!ret)
		ret = trace_run(&c);
	trace_opts_free(&c);
	return ret < 0 ? 0 : ret;
#else
	return cmd_bpf_unavailable(cmd_trace_usage, argc, argv);
#endif
}
