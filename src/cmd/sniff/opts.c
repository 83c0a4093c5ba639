/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: sniff's command line: tcpdump's options, checked strictly. */
#include "config.h"

#include <errno.h>
#include <linux/if_packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cmd/sniff/opts.h"
#include "decode/packettype.h"
#include "util/log.h"
#include "util/parse.h"

enum {
	OPT_LATENCY = CMD_OPT_FIRST_PRIVATE,
	OPT_IMMEDIATE,
	OPT_FANOUT,
	OPT_FANOUT_MODE,
	OPT_FANOUT_FILES,
	OPT_PCAPNG,
	OPT_NANO,
	OPT_STATS,
	OPT_PRINT,
	OPT_UTC,
	OPT_PROCESS,
	OPT_PID,
	OPT_CHILDREN,
	OPT_COMM,
	OPT_CGROUP,
	OPT_CONTAINER,
	OPT_DECODE_MORE,
};

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_sniff_usage[] =
	"sniff [-i IFACE]... [options] [FILTER EXPRESSION]\n"
	"\n"
	"capture:\n"
	"  -i, --interface IFACE    capture on IFACE (repeatable; \"any\": all, cooked);\n"
	"                           default: the first interface up that is not loopback\n"
	"  -p, --no-promiscuous-mode  do not put the interface in promiscuous mode\n"
	"  -s, --snapshot-length N  keep N bytes of each packet (0: 262144, the default)\n"
	"  -c, --count N            stop after N packets\n"
	"  -Q, --direction DIR      in, out or inout (default)\n"
	"  -F, --filter-file FILE   read the filter expression from FILE\n"
	"  -d, --dump-filter        print the compiled BPF program (one per -i) and exit\n"
	"  -B, --buffer-size SIZE   ring size (a bare number is KiB; default 32M)\n"
	"      --latency MS         deliver a partly filled ring block after MS (default 10)\n"
	"      --immediate          --latency 1\n"
	"      --fanout N           N sockets in one PACKET_FANOUT group per interface\n"
	"      --fanout-mode MODE   hash (default), lb, cpu, rollover, random or qm\n"
	"      --fanout-files       a thread and a file per worker (-w cap.pcap: cap.0.pcap, ...)\n"
	"  -Z, --relinquish-privileges USER  become USER once the sockets or -r file are open\n"
	"      --stats SECONDS      print capture statistics every SECONDS\n"
	"output:\n"
	"  -t, -tt, -ttt, -tttt, -ttttt  timestamp style as in tcpdump\n"
	"      --utc                timestamps in UTC instead of local time\n"
	"  -e                       print the link-layer header\n"
	"  -v                       more protocol detail\n"
	"  -q                       less protocol detail\n"
	"  -n                       numbers for hosts, ports and MAC addresses (without it: names)\n"
	"  -l                       accepted, ignored (lines are flushed per batch)\n"
	"  -S                       absolute TCP sequence numbers\n"
	"  -x, -X, -A               hex, hex and ASCII, or ASCII dump (-xx, -XX, -AA: from the link header)\n"
	"  -T, --type TYPE          decode every UDP/TCP payload as TYPE, ports aside (tcpdump's -T)\n"
	"  -#, --number             number the packets, as tcpdump\n"
	"  -b                       BGP AS numbers in asdot notation (1.10 for 65546), as tcpdump\n"
	"      --decode-more        also print what tcpdump does not decode (TLS, QUIC, WireGuard)\n"
	"files:\n"
	"  -w, --write FILE         write packets to FILE (\"-\": standard output)\n"
	"      --pcapng             write pcapng instead of pcap\n"
	"      --nano               nanosecond timestamps (pcap) and printing\n"
	"  -C, --file-size SIZE     start a new file past SIZE (a bare number is MB)\n"
	"  -G, --rotate-seconds N   start a new file every N seconds (FILE is an strftime pattern)\n"
	"  -W, --file-count N       with -C: a ring of N files; with -G: stop after N files\n"
	"      --print              print packets while writing them with -w\n"
	"  -r, --read FILE          read a pcap or pcapng file (\"-\": standard input)\n"
	"processes (live captures):\n"
	"      --process            a column with each packet's process (comm/pid); with -w\n"
	"                           --pcapng, a comment per packet: pid=N comm=NAME cgroup=PATH\n"
	"      --pid PID            only packets of process PID's sockets (repeatable)\n"
	"      --children           with --pid: and of its descendants\n"
	"      --comm NAME          only packets of processes named NAME (repeatable)\n"
	"      --cgroup PATH        only packets of sockets in cgroup v2 PATH or under it\n"
	"      --container ID       only packets of container ID (or an id prefix)\n"
	"      --exec CMD ARGS...   run CMD in a cgroup of its own, capture its packets only,\n"
	"                           stop when it exits (last option: the rest is CMD's)\n";

static const struct option sniff_longopts[] = {
	{ "interface", required_argument, NULL, 'i' },
	{ "no-promiscuous-mode", no_argument, NULL, 'p' },
	{ "snapshot-length", required_argument, NULL, 's' },
	{ "count", required_argument, NULL, 'c' },
	{ "direction", required_argument, NULL, 'Q' },
	{ "filter-file", required_argument, NULL, 'F' },
	{ "dump-filter", no_argument, NULL, 'd' },
	{ "buffer-size", required_argument, NULL, 'B' },
	{ "latency", required_argument, NULL, OPT_LATENCY },
	{ "immediate", no_argument, NULL, OPT_IMMEDIATE },
	{ "fanout", required_argument, NULL, OPT_FANOUT },
	{ "fanout-mode", required_argument, NULL, OPT_FANOUT_MODE },
	{ "fanout-files", no_argument, NULL, OPT_FANOUT_FILES },
	{ "relinquish-privileges", required_argument, NULL, 'Z' },
	{ "write", required_argument, NULL, 'w' },
	{ "read", required_argument, NULL, 'r' },
	{ "pcapng", no_argument, NULL, OPT_PCAPNG },
	{ "nano", no_argument, NULL, OPT_NANO },
	{ "file-size", required_argument, NULL, 'C' },
	{ "rotate-seconds", required_argument, NULL, 'G' },
	{ "file-count", required_argument, NULL, 'W' },
	{ "stats", required_argument, NULL, OPT_STATS },
	{ "print", no_argument, NULL, OPT_PRINT },
	{ "utc", no_argument, NULL, OPT_UTC },
	{ "process", no_argument, NULL, OPT_PROCESS },
	{ "pid", required_argument, NULL, OPT_PID },
	{ "children", no_argument, NULL, OPT_CHILDREN },
	{ "comm", required_argument, NULL, OPT_COMM },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	{ "container", required_argument, NULL, OPT_CONTAINER },
	{ "type", required_argument, NULL, 'T' },
	{ "number", no_argument, NULL, '#' },
	{ "decode-more", no_argument, NULL, OPT_DECODE_MORE },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

/* Joins the trailing arguments into one filter expression, as tcpdump does. */
static char *join_args(int argc, char **argv)
{
	size_t len = 1;
	char *s;

	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = calloc(1, len);
	if (!s)
		return NULL;
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

/* The expression in -F FILE, with '#' comments dropped like tcpdump. */
static int read_filter_file(const char *path, char **out)
{
	FILE *in = fopen(path, "r");
	char *buf, line[4096];
	size_t len = 0;
	int err;

	if (!in)
		return -errno;
	buf = calloc(1, 1);
	while (buf && fgets(line, sizeof(line), in)) {
		char *hash = strchr(line, '#'), *nb;

		if (hash)
			*hash = '\0';
		nb = realloc(buf, len + strlen(line) + 2);
		if (!nb) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = nb;
		strcpy(buf + len, line);
		len += strlen(line);
	}
	/* fopen takes a directory; its first read fails (EISDIR): no filter is not what -F said. */
	err = ferror(in) ? -(errno ? errno : EIO) : 0;
	fclose(in);
	if (!buf)
		return -ENOMEM;
	if (err) {
		free(buf);
		return err;
	}
	*out = buf;
	return 0;
}

/*
 * tcpdump's precedence of the dumps, whatever their order: -X over -x over
 * -A; the one that wins dumps the link header too when given twice.
 */
static void dump_choose(struct sniff_opts *o)
{
	static const enum hexdump_mode modes[] = {
		[DUMP_COUNT_x] = HEXDUMP_HEX, [DUMP_COUNT_X] = HEXDUMP_HEX_ASCII,
		[DUMP_COUNT_A] = HEXDUMP_ASCII,
	};
	static const enum dump_count order[] = { DUMP_COUNT_X, DUMP_COUNT_x, DUMP_COUNT_A };

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (o->dump_count[order[i]]) {
			o->show.dump = modes[order[i]];
			o->show.dump_link = o->dump_count[order[i]] > 1;
			return;
		}
	}
}

static int parse_fanout_mode(const char *s)
{
	static const struct {
		const char *name;
		int mode;
	} modes[] = {
		{ "hash", PACKET_FANOUT_HASH }, { "lb", PACKET_FANOUT_LB },
		{ "cpu", PACKET_FANOUT_CPU },	{ "rollover", PACKET_FANOUT_ROLLOVER },
		{ "random", PACKET_FANOUT_RND }, { "qm", PACKET_FANOUT_QM },
	};

	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(s, modes[i].name))
			return modes[i].mode;
	return -1;
}

enum timefmt_style sniff_opts_time_style(int t_count)
{
	static const enum timefmt_style styles[] = {
		TIMEFMT_LOCAL, TIMEFMT_NONE, TIMEFMT_EPOCH, TIMEFMT_DELTA_PREV, TIMEFMT_DATE,
		TIMEFMT_DELTA_FIRST,
	};

	return styles[t_count < 5 ? t_count : 5];
}

/* A bare number in `bare` units, or a size with a K/M/G suffix. */
static int parse_scaled(const char *s, uint64_t bare, uint64_t *v)
{
	if (!parse_u64(s, 1, UINT64_MAX / bare, v)) {
		*v *= bare;
		return 0;
	}
	return parse_size(s, 1, UINT64_MAX, v);
}

/*
 * Live captures attribute packets when asked, or for -j's packet records; -j -w FILE without
 * --print prints none, so it does not pay the start-up scan and the BPF attach.
 */
bool sniff_opts_attrib(const struct sniff_opts *o)
{
	bool json_records = cmd_globals.json && (!o->wfile || o->print);

	return !o->rfile && !o->dump_filter &&
	       (o->process || json_records || attrib_filter_active(&o->pf) || o->exec_argv);
}

/* The process options; 0 or an exit status. */
static int check_process(const struct sniff_opts *o)
{
	bool any = o->process || attrib_filter_active(&o->pf) || o->exec_argv || o->pf.children;

	if (o->pf.children && !o->pf.n_pids)
		return cmd_usage_error("--children needs --pid");
	if (!any)
		return 0;
	if (o->rfile)
		return cmd_usage_error("--process, --pid, --comm, --cgroup, --container and --exec "
				       "need a live capture: not with -r");
	if (o->fanout_files)
		return cmd_usage_error("--process and its filters need the merged stream: not with "
				       "--fanout-files");
	if (o->exec_argv && o->pf.n_cgroups)
		return cmd_usage_error("--exec captures its own cgroup: not with --cgroup");
	return 0;
}

/* Adds an owner filter value; 0 or an exit status. */
static int add_value(const char **v, unsigned *n, const char *opt, const char *arg)
{
	if (*n == ATTRIB_FILTER_MAX)
		return cmd_usage_error("%s: at most %d", opt, ATTRIB_FILTER_MAX);
	if (!*arg)
		return cmd_usage_error("%s: empty", opt);
	v[(*n)++] = arg;
	return 0;
}

/*
 * --exec: everything after it is the command, options of sniff included; the
 * parse sees argv up to it.  "--" before it ends sniff's options as always.
 */
static int split_exec(struct sniff_opts *o, int *argc, char **argv)
{
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (strcmp(argv[i], "--exec"))
			continue;
		if (i + 1 >= *argc)
			return cmd_usage_error("--exec needs a command");
		o->exec_argv = argv + i + 1;
		*argc = i;
		return 0;
	}
	return 0;
}

/* Options that name files and rotation; 0 or an exit status. */
static int check_combinations(const struct sniff_opts *o, int argc)
{
	if (o->filter_file && optind < argc)
		return cmd_usage_error("-F and a filter expression on the command line exclude each "
				       "other");
	if (o->rfile && o->n_ifnames)
		return cmd_usage_error("-r and -i exclude each other");
	if ((o->wo.rotate_bytes || o->wo.rotate_secs || o->wo.max_files) && !o->wfile)
		return cmd_usage_error("-C, -G and -W need -w FILE");
	if (o->wo.max_files && !o->wo.rotate_bytes && !o->wo.rotate_secs)
		return cmd_usage_error("-W needs -C or -G");
	if (o->wfile && !strcmp(o->wfile, "-") && (o->wo.rotate_bytes || o->wo.rotate_secs))
		return cmd_usage_error("-w -: standard output cannot rotate");
	if (o->wfile && !strcmp(o->wfile, "-") && o->print)
		return cmd_usage_error("--print with -w -: both would go to standard output");
	/* Only a written file has a format: without -w, --pcapng would be ignored in silence. */
	if (o->wo.format == SAVEFILE_PCAPNG && !o->wfile)
		return cmd_usage_error("--pcapng needs -w FILE");
	if (!o->fanout_files)
		return 0;
	/* Each worker thread writes its own file and prints nothing: one stream has one writer. */
	if (!o->fanout)
		return cmd_usage_error("--fanout-files needs --fanout N");
	if (o->rfile)
		return cmd_usage_error("--fanout-files captures live: not with -r");
	if (!o->wfile || !strcmp(o->wfile, "-"))
		return cmd_usage_error("--fanout-files needs -w FILE (a file per worker, not -)");
	if (o->print)
		return cmd_usage_error("--print needs the merged stream: not with --fanout-files");
	return 0;
}

int sniff_opts_parse(struct sniff_opts *o, int argc, char **argv)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	uint64_t v;
	int c, err;

	*o = (struct sniff_opts){ .snaplen = SAVEFILE_MAX_SNAPLEN, .fanout_mode = PACKET_FANOUT_HASH };
	/* Options anywhere before "--", the filter's words around them, as in tcpdump. */
	cmd_shortopts(shortopts, sizeof(shortopts), "i:ps:c:Q:F:dB:Z:w:r:C:G:W:teqvSxXAnlhT:#b");
	err = split_exec(o, &argc, argv);
	if (err)
		return err;
	while ((c = getopt_long(argc, argv, shortopts, sniff_longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (o->n_ifnames == MAX_IFACES)
				return cmd_usage_error("-i: at most %d interfaces", MAX_IFACES);
			o->ifnames[o->n_ifnames++] = optarg;
			break;
		case 'p':
			o->no_promisc = true;
			break;
		case 's':
			if (parse_u64(optarg, 0, SAVEFILE_MAX_SNAPLEN, &v))
				return cmd_usage_error("-s %s: snaplen must be 0 to %u", optarg,
						       SAVEFILE_MAX_SNAPLEN);
			o->snaplen = v ? (unsigned)v : SAVEFILE_MAX_SNAPLEN;
			break;
		case 'c':
			if (parse_u64(optarg, 1, UINT64_MAX, &o->count))
				return cmd_usage_error("-c %s: not a packet count", optarg);
			break;
		case 'Q':
			if (!strcmp(optarg, "in"))
				o->dir = RING_RX_IN;
			else if (!strcmp(optarg, "out"))
				o->dir = RING_RX_OUT;
			else if (!strcmp(optarg, "inout"))
				o->dir = RING_RX_INOUT;
			else
				return cmd_usage_error("-Q %s: direction must be in, out or inout",
						       optarg);
			break;
		case 'F':
			o->filter_file = optarg;
			break;
		case 'd':
			o->dump_filter = true;
			break;
		case 'B':
			/* A bare number is KiB, as tcpdump's -B; K/M/G suffixes say otherwise. */
			if (parse_scaled(optarg, 1024, &v) || v < 64 * 1024 || v > (16ull << 30))
				return cmd_usage_error("-B %s: ring size must be 64 KiB to 16 GiB "
						       "(a bare number is KiB)", optarg);
			o->ring_bytes = v;
			break;
		case OPT_LATENCY:
			if (parse_u64(optarg, 1, 60000, &v))
				return cmd_usage_error("--latency %s: milliseconds from 1 to 60000",
						       optarg);
			o->latency_ms = (unsigned)v;
			break;
		case OPT_IMMEDIATE:
			o->latency_ms = 1;
			break;
		case OPT_FANOUT:
			if (parse_u64(optarg, 1, MAX_FANOUT, &v))
				return cmd_usage_error("--fanout %s: workers from 1 to %d", optarg,
						       MAX_FANOUT);
			o->fanout = (unsigned)v;
			break;
		case OPT_FANOUT_FILES:
			o->fanout_files = true;
			break;
		case OPT_FANOUT_MODE:
			o->fanout_mode = parse_fanout_mode(optarg);
			if (o->fanout_mode < 0)
				return cmd_usage_error("--fanout-mode %s: hash, lb, cpu, rollover, "
						       "random or qm", optarg);
			break;
		case 'Z':
			o->user = optarg;
			break;
		case 'w':
			o->wfile = optarg;
			break;
		case 'r':
			o->rfile = optarg;
			break;
		case OPT_PCAPNG:
			o->wo.format = SAVEFILE_PCAPNG;
			break;
		case OPT_NANO:
			o->nano = true;
			break;
		case 'C':
			/* tcpdump's -C counts millions of bytes; suffixes are 1024-based sizes. */
			if (parse_scaled(optarg, 1000000, &v))
				return cmd_usage_error("-C %s: not a file size (a bare number is MB)",
						       optarg);
			o->wo.rotate_bytes = v;
			break;
		case 'G':
			if (parse_u64(optarg, 1, UINT32_MAX, &v))
				return cmd_usage_error("-G %s: not a number of seconds", optarg);
			o->wo.rotate_secs = (uint32_t)v;
			break;
		case 'W':
			if (parse_u64(optarg, 1, 1000000, &v))
				return cmd_usage_error("-W %s: not a file count", optarg);
			o->wo.max_files = (unsigned)v;
			break;
		case OPT_STATS:
			if (parse_duration_ns(optarg, 100000000ull, 86400000000000ull, &o->stats_ns))
				return cmd_usage_error("--stats %s: an interval from 0.1 to 86400 s",
						       optarg);
			break;
		case OPT_PRINT:
			o->print = true;
			break;
		case OPT_UTC:
			o->utc = true;
			break;
		case OPT_PROCESS:
			o->process = true;
			o->show.process = true;
			break;
		case OPT_PID:
			if (o->pf.n_pids == ATTRIB_FILTER_MAX)
				return cmd_usage_error("--pid: at most %d", ATTRIB_FILTER_MAX);
			if (parse_u64(optarg, 1, INT32_MAX, &v))
				return cmd_usage_error("--pid %s: not a process id", optarg);
			o->pf.pids[o->pf.n_pids++] = (uint32_t)v;
			break;
		case OPT_CHILDREN:
			o->pf.children = true;
			break;
		case OPT_COMM:
			err = add_value(o->pf.comms, &o->pf.n_comms, "--comm", optarg);
			if (err)
				return err;
			break;
		case OPT_CGROUP:
			err = add_value(o->pf.cgroups, &o->pf.n_cgroups, "--cgroup", optarg);
			if (err)
				return err;
			break;
		case OPT_CONTAINER:
			err = add_value(o->pf.containers, &o->pf.n_containers, "--container", optarg);
			if (err)
				return err;
			break;
		case 't':
			o->t_count++;
			break;
		case 'e':
			o->show.link = true;
			break;
		case 'q':
			o->show.quiet = true;
			break;
		case 'v':
			o->show.verbose = true;
			/* no cap but the type's: tcpdump's ISAKMP shows more at -vvvv */
			if (o->show.verbosity < UINT8_MAX)
				o->show.verbosity++;
			break;
		case 'S':
			o->show.absolute_seq = true;
			break;
		case 'x':
			o->dump_count[DUMP_COUNT_x]++;
			dump_choose(o);
			break;
		case 'X':
			o->dump_count[DUMP_COUNT_X]++;
			dump_choose(o);
			break;
		case 'A':
			o->dump_count[DUMP_COUNT_A]++;
			dump_choose(o);
			break;
		case 'n':
			/*
			 * tcpdump 4.99's -n: no host names and no port names (-nn is the
			 * same); without it text lines name both, as tcpdump.
			 */
			o->numeric = true;
			break;
		case 'l':
			/* tcpdump's habit, already sniff's way: each batch of lines is flushed at once. */
			break;
		case 'T': {
			const struct packettype *t = packettype_find(optarg);

			if (!t)
				return cmd_usage_error("-T %s: unknown packet type", optarg);
			if (!t->decoded)
				return cmd_usage_error("-T %s: not decoded by sockeye (it decodes %s)",
						       optarg, packettype_decoded_list());
			o->show.packettype = packettype_index(t);
			break;
		}
		case '#':
			o->show.number = true;
			break;
		case OPT_DECODE_MORE:
			o->show.decode_more = true;
			break;
		case 'b':
			o->show.asdot = true;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_usage(cmd_sniff_usage);
			return -1;	/* not 1: that is EXIT_RUNTIME (an unreadable -F file) */
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_option_error("sniff", shortopts, c, argv);
		}
	}
	err = check_combinations(o, argc);
	if (!err)
		err = check_process(o);
	if (err)
		return err;
	if (o->filter_file) {
		err = read_filter_file(o->filter_file, &o->expr);
		if (err) {
			log_error("-F %s: %s", o->filter_file, strerror(-err));
			return EXIT_RUNTIME;
		}
	} else {
		o->expr = join_args(argc - optind, argv + optind);
		if (!o->expr) {
			log_error("out of memory");
			return EXIT_RUNTIME;
		}
	}
	if (o->nano && o->wo.format != SAVEFILE_PCAPNG)
		o->wo.format = SAVEFILE_PCAP_NANO;
	/* JSON stays numeric: names are for the text lines (sockeye -n sniff counts as -n too). */
	o->show.names = !o->numeric && !cmd_globals.numeric && !cmd_globals.json;
	return 0;
}

void sniff_opts_free(struct sniff_opts *o)
{
	attrib_filter_fini(&o->pf);
	free(o->expr);
	o->expr = NULL;
}
