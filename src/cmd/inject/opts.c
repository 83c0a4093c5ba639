/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: inject's command line, checked strictly before anything is opened. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cmd/inject/opts.h"
#include "cmd/inject/words.h"
#include "cmd/inject/workers.h"
#include "util/log.h"
#include "util/parse.h"

enum {
	OPT_LOOP = CMD_OPT_FIRST_PRIVATE,
	OPT_DURATION,
	OPT_SPEED,
	OPT_PPS,
	OPT_MBPS,
	OPT_TOPSPEED,
	OPT_VLAN,
	OPT_SRC_MAC,
	OPT_DST_MAC,
	OPT_CPUS,
	OPT_QDISC_BYPASS,
	OPT_TPACKET_VERSION,
	OPT_DUMP,
	OPT_STATS,
	OPT_LIST_WORDS,
	OPT_PRELOAD,
};

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_inject_usage[] =
	"inject -i IFACE [options] TEMPLATE\n"
	"       inject -i IFACE -r FILE [options] [FILTER EXPRESSION]\n"
	"       inject --dump | -w FILE [-i IFACE] [options] TEMPLATE | -r FILE [FILTER]\n"
	"\n"
	"source:\n"
	"  -r, --read FILE          replay a pcap or pcapng file (\"-\": standard input)\n"
	"      --loop N             replay the file N times (0: until stopped; default 1)\n"
	"      --preload SIZE       hold a file up to SIZE in memory (default with --loop:\n"
	"                           64M; 0: read it again each pass)\n"
	"  -c, --count N            send N packets (default: the whole file; a template: until\n"
	"                           stopped, 1 with --dump or -w)\n"
	"      --duration SECONDS   stop after SECONDS\n"
	"rate (default: the recorded timing with -r, --topspeed for a template):\n"
	"      --speed FACTOR       the recorded timing, FACTOR times as fast\n"
	"      --pps N              N packets per second\n"
	"      --mbps N             N megabits per second (frame bytes from the link header)\n"
	"      --topspeed           as fast as the ring goes\n"
	"link (generated packets):\n"
	"  -i, --interface IFACE    send on IFACE\n"
	"      --vlan ID            an 802.1Q tag with VLAN ID\n"
	"      --src-mac MAC        source MAC (default: the interface's)\n"
	"      --dst-mac MAC        destination MAC (default: the neighbour table's for dst,\n"
	"                           else broadcast)\n"
	"sending:\n"
	"      --cpus N             N workers, each with its own ring and socket, pinned to a CPU\n"
	"  -B, --buffer-size SIZE   ring size per worker (a bare number is KiB; default 4M)\n"
	"      --qdisc-bypass       hand frames to the driver past the qdisc layer\n"
	"      --tpacket-version N  TX ring version, 2 (default) or 3\n"
	"      --stats SECONDS      print statistics every SECONDS (always at exit)\n"
	"instead of sending:\n"
	"      --dump               print the packets through sniff's decoder\n"
	"  -x                       with --dump: a hex dump of each frame too\n"
	"  -w, --write FILE         write the packets to a pcap FILE (\"-\": standard output)\n"
	"\n"
	"TEMPLATE: udp|tcp|icmp|icmp6, then src ADDR[:PORT] dst ADDR[:PORT] sport N dport N\n"
	"len N payload N fill HEX|zero|random ttl N tos N ipid N seq N ackno N win N id N,\n"
	"TCP flags (syn ack fin rst psh urg ece cwr), echo|echo-reply; N-M and A-B ranges,\n"
	"A/PREFIX, then inc (default) or random (see sockeye-inject(8))\n";

static const struct option inject_longopts[] = {
	{ "interface", required_argument, NULL, 'i' },
	{ "read", required_argument, NULL, 'r' },
	{ "loop", required_argument, NULL, OPT_LOOP },
	{ "count", required_argument, NULL, 'c' },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "speed", required_argument, NULL, OPT_SPEED },
	{ "pps", required_argument, NULL, OPT_PPS },
	{ "mbps", required_argument, NULL, OPT_MBPS },
	{ "topspeed", no_argument, NULL, OPT_TOPSPEED },
	{ "vlan", required_argument, NULL, OPT_VLAN },
	{ "src-mac", required_argument, NULL, OPT_SRC_MAC },
	{ "dst-mac", required_argument, NULL, OPT_DST_MAC },
	{ "cpus", required_argument, NULL, OPT_CPUS },
	{ "buffer-size", required_argument, NULL, 'B' },
	{ "qdisc-bypass", no_argument, NULL, OPT_QDISC_BYPASS },
	{ "tpacket-version", required_argument, NULL, OPT_TPACKET_VERSION },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "write", required_argument, NULL, 'w' },
	{ "stats", required_argument, NULL, OPT_STATS },
	/* Hidden (not in the usage): the template words the shell completions offer next. */
	{ "list-words", no_argument, NULL, OPT_LIST_WORDS },
	{ "preload", required_argument, NULL, OPT_PRELOAD },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

/* A positive real number up to max, nothing after it. */
static int parse_real(const char *s, double max, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(*v) || *v <= 0 || *v > max)
		return -EINVAL;
	return 0;
}

static int parse_mac(const char *s, uint8_t mac[6])
{
	unsigned b[6];
	char tail;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) != 6 || strlen(s) != 17)
		return -EINVAL;
	for (int i = 0; i < 6; i++)
		mac[i] = (uint8_t)b[i];
	return 0;
}

static int set_pace(struct inject_opts *o, enum pace_mode mode, double rate, const char *opt)
{
	if (o->pace_set)
		return cmd_usage_error("%s: only one of --speed, --pps, --mbps and --topspeed",
				       opt);
	o->pace_set = true;
	o->pace = mode;
	o->rate = rate;
	return 0;
}

/* Joins the trailing words into one string, as the template and filter parsers take them. */
static char *join_words(int argc, char **argv)
{
	size_t len = 1;
	char *s;

	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = calloc(1, len);
	for (int i = 0; s && i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

static int check_combinations(struct inject_opts *o, bool has_words)
{
	bool replay = o->rfile != NULL, offline = o->dump || o->wfile;

	if (!o->ifname && !offline)
		return cmd_usage_error("-i IFACE is needed to send (or --dump, -w FILE to look)");
	if (!replay && !has_words)
		return cmd_usage_error("a packet template or -r FILE is needed (e.g. udp dst "
				       "10.0.0.2:9)");
	if (!replay && o->pace == PACE_RECORDED && o->pace_set)
		return cmd_usage_error("--speed needs -r FILE: generated packets have no "
				       "recorded timing");
	if (!replay && o->loops != 1)
		return cmd_usage_error("--loop needs -r FILE");
	if (replay && (o->vlan >= 0 || o->src_mac_set || o->dst_mac_set))
		return cmd_usage_error("--vlan, --src-mac and --dst-mac apply to generated "
				       "packets, not to -r");
	if (replay && !strcmp(o->rfile, "-") && (o->loops != 1 || o->cpus > 1))
		return cmd_usage_error("-r -: standard input can be read once, by one worker "
				       "(no --loop, no --cpus)");
	if (o->preload_set && (!replay || offline))
		return cmd_usage_error("--preload is for sending a file (-r FILE -i IFACE)");
	if (o->hex && !o->dump)
		return cmd_usage_error("-x needs --dump");
	if (o->dump && o->wfile && !strcmp(o->wfile, "-"))
		return cmd_usage_error("--dump with -w -: both would go to standard output");
	if (offline && (o->cpus > 1 || o->qdisc_bypass || o->ring_bytes || o->tpacket_version))
		return cmd_usage_error("--cpus, -B, --qdisc-bypass and --tpacket-version are for "
				       "sending, not for --dump or -w");
	return 0;
}

/* Options with numbers; 0 when c was one of them and its value is good. */
static int parse_number_opt(struct inject_opts *o, int c, const char *arg)
{
	uint64_t v;
	double d;

	switch (c) {
	case 'c':
		if (parse_u64(arg, 1, UINT64_MAX, &o->count))
			return cmd_usage_error("-c %s: not a packet count", arg);
		o->count_set = true;
		return 0;
	case OPT_LOOP:
		if (parse_u64(arg, 0, UINT64_MAX, &o->loops))
			return cmd_usage_error("--loop %s: a number of passes (0: until stopped)",
					       arg);
		return 0;
	case OPT_DURATION:
		if (parse_duration_ns(arg, 1000000ull, 31536000000000000ull, &o->duration_ns))
			return cmd_usage_error("--duration %s: a time from 1ms to a year", arg);
		return 0;
	case OPT_SPEED:
		if (parse_real(arg, 1e6, &d))
			return cmd_usage_error("--speed %s: a factor above 0 (2: twice as fast)",
					       arg);
		return set_pace(o, PACE_RECORDED, d, "--speed");
	case OPT_PPS:
		if (parse_real(arg, 1e9, &d))
			return cmd_usage_error("--pps %s: packets per second, above 0", arg);
		return set_pace(o, PACE_PPS, d, "--pps");
	case OPT_MBPS:
		if (parse_real(arg, 1e7, &d))
			return cmd_usage_error("--mbps %s: megabits per second, above 0", arg);
		return set_pace(o, PACE_BPS, d * 1e6, "--mbps");
	case OPT_VLAN:
		if (parse_u64(arg, 0, 4095, &v))
			return cmd_usage_error("--vlan %s: a VLAN id from 0 to 4095", arg);
		o->vlan = (int)v;
		return 0;
	case OPT_CPUS:
		if (parse_u64(arg, 1, INJECT_MAX_WORKERS, &v))
			return cmd_usage_error("--cpus %s: workers from 1 to %d", arg,
					       INJECT_MAX_WORKERS);
		o->cpus = (unsigned)v;
		return 0;
	case 'B':
		/* A bare number is KiB, as sniff's -B. */
		if (!parse_u64(arg, 1, UINT64_MAX / 1024, &v))
			v *= 1024;
		else if (parse_size(arg, 1, UINT64_MAX, &v))
			v = 0;
		if (v < 64 * 1024 || v > (4ull << 30))
			return cmd_usage_error("-B %s: ring size must be 64 KiB to 4 GiB (a bare "
					       "number is KiB)", arg);
		o->ring_bytes = v;
		return 0;
	case OPT_TPACKET_VERSION:
		if (parse_u64(arg, 2, 3, &v))
			return cmd_usage_error("--tpacket-version %s: 2 or 3", arg);
		o->tpacket_version = (int)v;
		return 0;
	case OPT_STATS:
		if (parse_duration_ns(arg, 100000000ull, 86400000000000ull, &o->stats_ns))
			return cmd_usage_error("--stats %s: an interval from 0.1 to 86400 s", arg);
		return 0;
	case OPT_PRELOAD:
		if (parse_size(arg, 0, 1ull << 40, &o->preload_bytes))
			return cmd_usage_error("--preload %s: a size up to 1T (64M; 0: never)", arg);
		o->preload_set = true;
		return 0;
	default:
		return -1;
	}
}

int inject_opts_parse(struct inject_opts *o, int argc, char **argv)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	bool list_words = false;
	int c, err;

	*o = (struct inject_opts){ .vlan = -1, .loops = 1, .cpus = 1 };
	cmd_shortopts(shortopts, sizeof(shortopts), "i:r:c:B:w:xh");
	while ((c = getopt_long(argc, argv, shortopts, inject_longopts, NULL)) != -1) {
		err = parse_number_opt(o, c, optarg);
		if (err >= 0) {
			if (err)
				return err;
			continue;
		}
		switch (c) {
		case 'i':
			o->ifname = optarg;
			break;
		case 'r':
			o->rfile = optarg;
			break;
		case OPT_TOPSPEED:
			err = set_pace(o, PACE_TOPSPEED, 0, "--topspeed");
			if (err)
				return err;
			break;
		case OPT_SRC_MAC:
		case OPT_DST_MAC:
			if (parse_mac(optarg, c == OPT_SRC_MAC ? o->src_mac : o->dst_mac))
				return cmd_usage_error("%s %s: a MAC address like "
						       "02:00:00:00:00:01",
						       c == OPT_SRC_MAC ? "--src-mac" : "--dst-mac",
						       optarg);
			*(c == OPT_SRC_MAC ? &o->src_mac_set : &o->dst_mac_set) = true;
			break;
		case OPT_QDISC_BYPASS:
			o->qdisc_bypass = true;
			break;
		case OPT_DUMP:
			o->dump = true;
			break;
		case 'x':
			o->hex = true;
			break;
		case OPT_LIST_WORDS:
			list_words = true;
			break;
		case 'w':
			o->wfile = optarg;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_usage(cmd_inject_usage);
			return -1;	/* not 1: that is EXIT_RUNTIME (out of memory below) */
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_option_error("inject", shortopts, c, argv);
		}
	}
	/* With -r the words are a filter, not a template: nothing to offer. */
	if (list_words) {
		if (!o->rfile && inject_words_next(stdout, argc - optind, argv + optind))
			return EXIT_RUNTIME;
		return -1;
	}
	err = check_combinations(o, optind < argc);
	if (err)
		return err;
	if (!o->pace_set)
		o->pace = o->rfile ? PACE_RECORDED : PACE_TOPSPEED;
	if (!o->pace_set && o->rfile)
		o->rate = 1;
	o->words = join_words(argc - optind, argv + optind);
	if (!o->words) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	return 0;
}

void inject_opts_free(struct inject_opts *o)
{
	free(o->words);
	o->words = NULL;
}
