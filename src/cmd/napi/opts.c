/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: napi's options: the usage text, the option table and its parser. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/napi/opts.h"

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_napi_usage[] =
	"napi [-i SECONDS] [-c COUNT] [--duration SECONDS] [--iface NAME] [--attach METHOD]\n"
	"       [-e] [--no-header]\n"
	"\n"
	"  -i, --interval SECONDS  a snapshot every SECONDS (default 1)\n"
	"  -c, --count COUNT       stop after COUNT snapshots\n"
	"      --duration SECONDS  stop after SECONDS\n"
	"      --iface NAME        only this device's NAPI instances (backlog: the CPUs' backlog)\n"
	"      --attach METHOD     tp_btf, raw_tp, kprobe or auto (default: the first that works)\n"
	"  -e, --extended          more columns in text\n"
	"      --no-header         text without column headers\n";

#ifdef HAVE_BPF

static const struct option napi_longopts[] = {
	CMD_BPF_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

int napi_opts_parse(struct cmd_bpf_opts *o, int argc, char **argv)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	int c, ret;

	cmd_bpf_opts_init(o);
	cmd_shortopts(shortopts, sizeof(shortopts), CMD_BPF_SHORTOPTS);
	while ((c = getopt_long(argc, argv, shortopts, napi_longopts, NULL)) != -1) {
		ret = cmd_bpf_option(o, "napi", cmd_napi_usage, c, optarg, argv);
		if (ret)
			return ret;
	}
	if (optind < argc)
		return cmd_usage_error("%s: unexpected argument", argv[optind]);
	return 0;
}

#endif /* HAVE_BPF */
