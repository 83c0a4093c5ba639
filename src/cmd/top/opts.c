/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: top's options: the usage text, the option table and its parser. */
#include "config.h"

#include <stdint.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cmd/top/opts.h"
#include "cmd/top/panels.h"
#include "util/parse.h"

enum { OPT_NO_HEADER = CMD_OPT_FIRST_PRIVATE, OPT_RECORD, OPT_REPLAY, OPT_PANELS };

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_top_usage[] =
	"top [-b] [-n COUNT] [-d SECONDS] [--no-header] [--panels LIST] [--record DIR]\n"
	"    [--replay DIR]\n"
	"\n"
	"panels (keys 1-8): softirqs, softnet, interfaces, NAPI, drops, sockets,\n"
	"packet sockets, queues; keys: q space tab s < > r / h (see man sockeye-top)\n"
	"\n"
	"  -b, --batch          print snapshots as text or JSON instead of the live view\n"
	"  -n, --iterations N   stop after N snapshots (batch default 1)\n"
	"  -d, --delay SECONDS  time between snapshots (default 1)\n"
	"      --no-header      text without column headers\n"
	"      --panels LIST    only these panels (names, comma-separated): the others\n"
	"                       are neither collected nor shown\n"
	"      --record DIR     also save each raw sample under DIR (for replay tests)\n"
	"      --replay DIR     read samples saved by --record instead of the kernel\n";

static const struct option top_longopts[] = {
	{ "batch", no_argument, NULL, 'b' },
	{ "iterations", required_argument, NULL, 'n' },
	{ "delay", required_argument, NULL, 'd' },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	{ "record", required_argument, NULL, OPT_RECORD },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ "panels", required_argument, NULL, OPT_PANELS },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

int top_opts_parse(struct top_opts *o, int argc, char **argv)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	bool iterations_set = false;
	char bad[PANELS_BAD_LEN];
	int c;

	*o = (struct top_opts){ .delay_ns = 1000000000ull };
	cmd_shortopts(shortopts, sizeof(shortopts), "bn:d:h");
	while ((c = getopt_long(argc, argv, shortopts, top_longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			o->batch = true;
			break;
		case 'n':
			if (parse_u64(optarg, 1, UINT32_MAX, &o->iterations))
				return cmd_usage_error("-n %s: not a count from 1 to %u", optarg,
						       UINT32_MAX);
			iterations_set = true;
			break;
		case 'd':
			if (parse_duration_ns(optarg, 10000000ull, 86400000000000ull, &o->delay_ns))
				return cmd_usage_error("-d %s: not a delay from 0.01 to 86400 "
						       "seconds", optarg);
			break;
		case OPT_NO_HEADER:
			o->no_header = true;
			break;
		case OPT_RECORD:
			o->record_dir = optarg;
			break;
		case OPT_REPLAY:
			o->replay_dir = optarg;
			break;
		case OPT_PANELS:
			if (panels_select(optarg, NULL, bad))
				return cmd_usage_error("--panels %s: no panel %s (panels: %s)", optarg,
						       bad, panels_names());
			o->panels = optarg;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_usage(cmd_top_usage);
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_option_error("top", shortopts, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage_error("%s: unexpected argument", argv[optind]);
	if (o->record_dir && o->replay_dir)
		return cmd_usage_error("--record and --replay exclude each other");
	/* Without a terminal (or with JSON, or replaying) there is nothing to draw on: batches. */
	if (!o->batch && (cmd_globals.json || o->replay_dir || !isatty(STDIN_FILENO) ||
			  !isatty(STDOUT_FILENO)))
		o->batch = true;
	if (o->batch && !iterations_set)
		o->iterations = 1;
	return 0;
}
