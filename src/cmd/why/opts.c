/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: why's options: the usage text, the option table and its parser. */
#include "config.h"

#include <string.h>

#include "cli/cmd.h"
#include "cmd/why/opts.h"
#include "util/parse.h"

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_why_usage[] =
	"why [-i IFACE] [-d SECONDS] [--pid PID | FILTER] [--watch [-c COUNT]] [-e]\n"
	"       [--no-header]\n"
	"\n"
	"  -i, --iface IFACE       the device layers (NIC, ring, qdisc) of this device only\n"
	"  -d, --duration SECONDS  how long to sample (default 1)\n"
	"      --pid PID           the socket layers narrowed to this process's sockets\n"
	"  FILTER                  the socket layers narrowed as in sockets: sport = :53, ...\n"
	"      --watch             a funnel every interval, live (text and JSON: one each)\n"
	"  -c, --count COUNT       with --watch: stop after COUNT funnels\n"
	"  -e, --extended          the devices, CPUs and sockets behind the funnel too\n"
	"      --no-header         text without column headers\n";

enum { OPT_PID = CMD_OPT_FIRST_PRIVATE, OPT_WATCH, OPT_NO_HEADER };

static const struct option why_longopts[] = {
	{ "iface", required_argument, NULL, 'i' },
	{ "duration", required_argument, NULL, 'd' },
	{ "pid", required_argument, NULL, OPT_PID },
	{ "watch", no_argument, NULL, OPT_WATCH },
	{ "count", required_argument, NULL, 'c' },
	{ "extended", no_argument, NULL, 'e' },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	{ "help", no_argument, NULL, 'h' },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

static int parse_args(struct why_opts *o, int argc, char **argv)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	uint64_t v;
	int c;

	cmd_shortopts(shortopts, sizeof(shortopts), "i:d:c:eh");
	while ((c = getopt_long(argc, argv, shortopts, why_longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (!*optarg || strlen(optarg) >= 16 || strchr(optarg, '/'))
				return cmd_usage_error("-i %s: not an interface name", optarg);
			o->iface = optarg;
			break;
		case 'd':
			if (parse_duration_ns(optarg, 10000000ull, 86400000000000ull,
					      &o->duration_ns))
				return cmd_usage_error("-d %s: a duration from 0.01 s to a day",
						       optarg);
			break;
		case OPT_PID:
			if (parse_u64(optarg, 1, 0x3fffffff, &v))
				return cmd_usage_error("--pid %s: not a process id", optarg);
			o->pid = (int)v;
			break;
		case OPT_WATCH:
			o->watch = true;
			break;
		case 'c':
			if (parse_u64(optarg, 1, UINT64_MAX, &o->count))
				return cmd_usage_error("-c %s: a count of 1 or more", optarg);
			break;
		case 'e':
			o->extended = true;
			break;
		case OPT_NO_HEADER:
			o->no_header = true;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_usage(cmd_why_usage);
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_option_error("why", shortopts, c, argv);
		}
	}
	return 0;
}

int why_opts_parse(struct why_opts *o, int argc, char **argv)
{
	char why[256];
	int ret;

	*o = (struct why_opts){ .duration_ns = 1000000000ull };
	ret = parse_args(o, argc, argv);
	if (!ret && o->count && !o->watch)
		ret = cmd_usage_error("-c goes with --watch");
	if (!ret && optind < argc) {
		if (o->pid)
			return cmd_usage_error("--pid and a FILTER exclude each other");
		if (ssfilter_parse(argc - optind, argv + optind, &o->filter, why, sizeof(why)))
			return cmd_usage_error("%s", why);
		o->has_filter = true;
	}
	return ret;
}

void why_opts_free(struct why_opts *o)
{
	if (o->has_filter)
		ssfilter_free(&o->filter);
}
