/* SPDX-License-Identifier: GPL-2.0-or-later */
/* napi.c: `sockeye napi`: how NAPI polls: per instance and CPU, work against budget. */
#include "config.h"

#include "cli/bpf_opts.h"
#include "cli/cmd.h"
#include "cmd/napi/opts.h"
#include "cmd/napi/run.h"

int cmd_napi(int argc, char **argv)
{
#ifdef HAVE_BPF
	struct cmd_bpf_opts o;
	int ret = napi_opts_parse(&o, argc, argv);

	if (ret)
		return ret < 0 ? 0 : ret;
	return napi_run(&o);
#else
	return cmd_bpf_unavailable(cmd_napi_usage, argc, argv);
#endif
}
