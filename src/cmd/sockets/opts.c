/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: sockets' options: the usage text, the option table, its parser and the scan they select. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cmd/sockets/opts.h"
#include "cmd/sockets/view_sockets.h"
#include "util/parse.h"

enum {
	OPT_ALL_NETNS = CMD_OPT_FIRST_PRIVATE,
	OPT_WATCH,
	OPT_COUNT,
	OPT_DUMP_RAW,
	OPT_REPLAY,
	OPT_ROWS,
};

/* --watch keeps the fullest sockets only: memory for what is shown, not for the host's. */
#define SOCKETS_WATCH_ROWS 1000

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_sockets_usage[] =
	"sockets [options] [state STATE]... [FILTER EXPRESSION]\n"
	"\n"
	"which sockets (default: every table; connected sockets only):\n"
	"  -t, --tcp            TCP          -u, --udp      UDP          -w, --raw    RAW\n"
	"  -x, --unix           UNIX         -0, --packet   PACKET\n"
	"  -A, --query LIST     tables by name: all, inet, tcp, udp, raw, mptcp, sctp, unix,\n"
	"                       unix_stream, unix_dgram, unix_seqpacket, packet, packet_raw,\n"
	"                       packet_dgram (comma-separated)\n"
	"  -4, --ipv4           IPv4 only    -6, --ipv6     IPv6 only\n"
	"  -l, --listening      listening (and unconnected) sockets only\n"
	"  -a, --all            sockets in every state\n"
	"  -N, --netns NAME     the sockets of network namespace NAME\n"
	"      --all-netns      every namespace (named, and those processes are in), as a column\n"
	"columns:\n"
	"  -p, --processes      the processes holding each socket (comm, pid, fd)\n"
	"  -e, --extended       uid, inode, cookie, cgroup, device, mark, tos, shutdown\n"
	"  -o, --options        timers (retransmit, keepalive, time-wait) and their expiry\n"
	"  -m, --memory         socket memory (skmeminfo)\n"
	"  -i, --info           TCP info: rtt, rto, mss, cwnd, bytes, rates (more with -e)\n"
	"  -s, --summary        counts per table and state instead of sockets\n"
	"  -H, --no-header      text without column headers\n"
	"  -n, --numeric        raw numbers (addresses and ports are always numeric)\n"
	"live:\n"
	"      --watch[=SECONDS]  redraw every SECONDS (default 1), fullest Recv-Q first;\n"
	"                       with -b, -j or no terminal: a snapshot per interval\n"
	"  -b, --batch          with --watch: print snapshots instead of the live view\n"
	"      --count N        with --watch: stop after N snapshots\n"
	"      --rows N         with --watch: the N fullest sockets (default 1000, 0: all)\n"
	"recordings:\n"
	"      --dump-raw FILE  also save the sock_diag replies to FILE\n"
	"      --replay FILE    read replies saved by --dump-raw instead of the kernel\n"
	"\n"
	"filter: state NAME, exclude NAME, then an expression of src|dst [=|!=] HOST[/PREFIX][:PORT],\n"
	"sport|dport OP [HOST:]PORT (OP: = != < <= > >=), dev [=|!=] NAME, fwmark [=|!=] MARK[/MASK],\n"
	"autobound, joined by and, or, not and parentheses (see sockeye-sockets(8))\n";

static const struct option sockets_longopts[] = {
	{ "tcp", no_argument, NULL, 't' },
	{ "udp", no_argument, NULL, 'u' },
	{ "raw", no_argument, NULL, 'w' },
	{ "unix", no_argument, NULL, 'x' },
	{ "packet", no_argument, NULL, '0' },
	{ "ipv4", no_argument, NULL, '4' },
	{ "ipv6", no_argument, NULL, '6' },
	{ "listening", no_argument, NULL, 'l' },
	{ "all", no_argument, NULL, 'a' },
	{ "query", required_argument, NULL, 'A' },
	{ "processes", no_argument, NULL, 'p' },
	{ "extended", no_argument, NULL, 'e' },
	{ "options", no_argument, NULL, 'o' },
	{ "memory", no_argument, NULL, 'm' },
	{ "info", no_argument, NULL, 'i' },
	{ "summary", no_argument, NULL, 's' },
	{ "batch", no_argument, NULL, 'b' },
	{ "no-header", no_argument, NULL, 'H' },
	{ "all-netns", no_argument, NULL, OPT_ALL_NETNS },
	{ "watch", optional_argument, NULL, OPT_WATCH },
	{ "rows", required_argument, NULL, OPT_ROWS },
	{ "count", required_argument, NULL, OPT_COUNT },
	{ "dump-raw", required_argument, NULL, OPT_DUMP_RAW },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

#define T(x) (1u << SOCKTAB_##x)
#define UNIX_T (T(UNIX_STREAM) | T(UNIX_DGRAM) | T(UNIX_SEQPACKET))
#define PACKET_T (T(PACKET_RAW) | T(PACKET_DGRAM))
#define INET_T (T(TCP) | T(UDP) | T(RAW))

/* -A names, as ss spells them. */
static const struct {
	const char *name;
	unsigned tables;
} queries[] = {
	{ "all", 0 },	/* every table, none required */
	{ "inet", INET_T },
	{ "tcp", T(TCP) },
	{ "udp", T(UDP) },
	{ "raw", T(RAW) },
	{ "mptcp", T(MPTCP) },
	{ "sctp", T(SCTP) },
	{ "unix", UNIX_T },
	{ "unix_stream", T(UNIX_STREAM) },
	{ "unix_dgram", T(UNIX_DGRAM) },
	{ "unix_seqpacket", T(UNIX_SEQPACKET) },
	{ "packet", PACKET_T },
	{ "packet_raw", T(PACKET_RAW) },
	{ "packet_dgram", T(PACKET_DGRAM) },
};

static int parse_query(const char *arg, struct sockets_opts *o)
{
	char buf[256], *save = NULL, *tok;

	if (snprintf(buf, sizeof(buf), "%s", arg) >= (int)sizeof(buf))
		return cmd_usage_error("-A %s: too long", arg);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++)
			if (!strcmp(queries[i].name, tok))
				break;
		if (i == sizeof(queries) / sizeof(queries[0]))
			return cmd_usage_error("-A %s: unknown socket table (see sockeye sockets --help)",
					       tok);
		if (!queries[i].tables)
			o->any_table = true;
		o->tables |= queries[i].tables;
	}
	return 0;
}

static int parse_opts(int argc, char **argv, struct sockets_opts *o)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	int c, err;

	/*
	 * Options may follow filter words, as in ss: no filter word starts with a
	 * dash.  -N and -n are the global ones (cmd_common_option).
	 */
	cmd_shortopts(shortopts, sizeof(shortopts), "tuwx046laA:peomisbHh");
	while ((c = getopt_long(argc, argv, shortopts, sockets_longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			o->tables |= T(TCP);
			break;
		case 'u':
			o->tables |= T(UDP);
			break;
		case 'w':
			o->tables |= T(RAW);
			break;
		case 'x':
			o->tables |= UNIX_T;
			break;
		case '0':
			o->tables |= PACKET_T;
			break;
		case '4':
			o->v4 = true;
			break;
		case '6':
			o->v6 = true;
			break;
		case 'l':
			o->listening = true;
			break;
		case 'a':
			o->all = true;
			break;
		case 'A':
			err = parse_query(optarg, o);
			if (err)
				return err;
			break;
		case 'p':
			o->procs = true;
			break;
		case 'e':
			o->ext = true;
			break;
		case 'o':
			o->timers = true;
			break;
		case 'm':
			o->mem = true;
			break;
		case 'i':
			o->info = true;
			break;
		case 's':
			o->summary = true;
			break;
		case 'b':
			o->batch = true;
			break;
		case 'H':
			o->no_header = true;
			break;
		case OPT_ALL_NETNS:
			o->all_netns = true;
			break;
		case OPT_WATCH:
			o->watch = true;
			if (optarg && parse_duration_ns(optarg, 10000000ull, 86400000000000ull,
							&o->watch_ns))
				return cmd_usage_error("--watch=%s: not an interval from 0.01 to 86400 seconds",
						       optarg);
			break;
		case OPT_COUNT:
			if (parse_u64(optarg, 1, UINT32_MAX, &o->count))
				return cmd_usage_error("--count %s: not a count from 1 to %u", optarg,
						       UINT32_MAX);
			break;
		case OPT_ROWS:
			if (parse_u64(optarg, 0, UINT32_MAX, &o->rows))
				return cmd_usage_error("--rows %s: not a count from 0 to %u", optarg,
						       UINT32_MAX);
			o->rows_set = true;
			break;
		case OPT_DUMP_RAW:
			o->dump_raw = optarg;
			break;
		case OPT_REPLAY:
			o->replay = optarg;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_usage(cmd_sockets_usage);
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_option_error("sockets", shortopts, c, argv);
		}
	}
	return 0;
}

/* Option combinations that cannot work; the usage status or 0. */
static int check_opts(const struct sockets_opts *o)
{
	if (o->replay && o->dump_raw)
		return cmd_usage_error("--dump-raw and --replay exclude each other");
	if (o->replay && o->procs)
		return cmd_usage_error("-p: a recording holds no processes (drop -p or --replay)");
	if (o->replay && o->watch)
		return cmd_usage_error("--watch: a recording is one snapshot (drop --watch or --replay)");
	if (o->dump_raw && o->watch)
		return cmd_usage_error("--dump-raw records one snapshot (drop --watch)");
	if (o->all_netns && cmd_globals.netns)
		return cmd_usage_error("--all-netns and --netns exclude each other");
	if (o->count && !o->watch)
		return cmd_usage_error("--count goes with --watch");
	if (o->rows_set && !o->watch)
		return cmd_usage_error("--rows goes with --watch");
	return 0;
}

int sockets_opts_parse(struct sockets_opts *o, int argc, char **argv)
{
	char why[256];
	int ret;

	*o = (struct sockets_opts){ .watch_ns = 1000000000ull, .rows = SOCKETS_WATCH_ROWS };
	ret = parse_opts(argc, argv, o);
	if (!ret)
		ret = check_opts(o);
	if (!ret && ssfilter_parse(argc - optind, argv + optind, &o->filter, why, sizeof(why)))
		ret = cmd_usage_error("%s", why);
	return ret;
}

void sockets_opts_free(struct sockets_opts *o)
{
	ssfilter_free(&o->filter);
}

void sockets_opts_select(struct sockets_opts *o, struct sockscan *s, unsigned *groups)
{
	unsigned n = 0;

	if (o->tables && !o->any_table) {
		s->tables = o->tables;
		s->required = o->tables;
	} else if (o->any_table) {
		s->tables |= o->tables;
	}
	if (o->v4 || o->v6) {
		s->ipv4 = o->v4;
		s->ipv6 = o->v6;
		/* -4/-6 alone ask for inet sockets, as in ss. */
		if (!o->tables)
			s->tables &= ~(UNIX_T | PACKET_T);
	}
	/* ss's default: connected sockets only. */
	s->states = SOCK_STATES_ALL & ~(1u << SOCK_ST_LISTEN | 1u << SOCK_ST_CLOSE |
					1u << SOCK_ST_TIME_WAIT | 1u << SOCK_ST_SYN_RECV |
					1u << SOCK_ST_NEW_SYN_RECV);
	/*
	 * Packet sockets have no state (UNCONN): named, they come in the
	 * default selection, as ss -0 lists them.  As in ss the state is added
	 * to the selection, not to packet sockets only.
	 */
	if (o->tables & PACKET_T)
		s->states |= 1u << SOCK_ST_CLOSE;
	if (o->listening)
		s->states = 1u << SOCK_ST_LISTEN | 1u << SOCK_ST_CLOSE;
	if (o->all || (o->summary && !o->listening))
		s->states = SOCK_STATES_ALL;
	if (o->filter.has_states)
		s->states = o->filter.states;
	s->filter = o->filter.expr ? &o->filter : NULL;
	s->procs = o->procs;
	s->all_netns = o->all_netns;
	if (o->info)
		s->want |= SOCKDIAG_WANT_INFO;
	if (o->mem)
		s->want |= SOCKDIAG_WANT_MEM;
	if (o->ext || cmd_globals.json)
		s->want |= SOCKDIAG_WANT_EXT;

	for (unsigned t = 0; t < SOCKTAB_COUNT; t++)
		n += !!(s->tables & (1u << t));
	*groups = (n > 1 ? SOCK_GRP_NETID : 0) | (o->all_netns ? SOCK_GRP_NETNS : 0) |
		      (o->ext ? SOCK_GRP_EXT : 0) | (o->timers ? SOCK_GRP_TIMER : 0) |
		      (o->mem ? SOCK_GRP_MEM : 0) | (o->info ? SOCK_GRP_INFO : 0);
	if (o->procs)
		*groups |= SOCK_GRP_PROC | (cmd_globals.json ? SOCK_GRP_PROC_JSON : 0);
	if (o->info && (o->ext || cmd_globals.json))
		*groups |= SOCK_GRP_INFO_X;
}
