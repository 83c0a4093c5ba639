/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_sockets.c: `sockeye sockets` (ss): sockets from sock_diag as text, JSON or a live view. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "diag/sockscan.h"
#include "diag/ssfilter.h"
#include "out/tui.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/parse.h"
#include "cmd/sockets/view_sockets.h"

enum {
	OPT_ALL_NETNS = CMD_OPT_FIRST_PRIVATE,
	OPT_WATCH,
	OPT_COUNT,
	OPT_DUMP_RAW,
	OPT_REPLAY,
};

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

struct sockets_opts {
	unsigned tables;	/* named by -t -u -w -x -0 -A */
	bool any_table;		/* -A all */
	bool v4, v6;
	bool listening, all;
	bool procs, ext, timers, mem, info, summary;
	bool batch, no_header, all_netns, watch;
	uint64_t watch_ns;
	uint64_t count;		/* --watch: stop after this many snapshots (0: never) */
	const char *dump_raw, *replay;
};

/* The state of one run: the formatter and the snapshot being written. */
struct run {
	struct sockets_opts *o;
	struct sockscan scan;
	struct ssfilter filter;
	struct fmt *f;
	unsigned groups;
	struct sock_summary *sum;
	bool begun;		/* the snapshot's document is open */
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

/*
 * Opens the snapshot's document and table at the first socket (or at the end
 * of an empty snapshot), so a snapshot that fails before any socket prints
 * nothing but its error.
 */
static void begin(struct run *run)
{
	if (run->begun)
		return;
	run->begun = true;
	fmt_doc_begin(run->f, "sockets");
	if (!run->o->replay)
		fmt_doc_u64(run->f, "ts_ns", clock_ns(CLOCK_REALTIME));
	if (!run->sum)
		fmt_table_begin(run->f, &view_sockets, run->groups);
}

static int emit_cb(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	struct run *run = arg;
	struct view_sockets_ctx c = {
		.netns = w->netns,
		.ifname = w->ifname,
		.ifname_arg = w->ifname_arg,
		.procs = w->procs,
	};

	if (run->sum) {
		view_sockets_summary_add(run->sum, r);
		return 0;
	}
	begin(run);
	view_sockets_emit(run->f, r, &c);
	return 0;
}

/* "sockeye: sockets: THING: why" for a failed snapshot; the exit status. */
static int scan_error(const struct run *run, int err)
{
	const char *what = run->scan.what;

	switch (err) {
	case -ENOENT:
		if (what[0] && strcmp(what, "--replay")) {
			log_error("%s: not supported by this kernel", what);
			return EXIT_RUNTIME;
		}
		break;
	case -ENODEV:
		log_error("dev %s: no such interface", what);
		return EXIT_USAGE;
	case -EPERM:
		if (what[0]) {
			log_error("%s: entering a network namespace needs CAP_SYS_ADMIN", what);
			return EXIT_RUNTIME;
		}
		break;
	case -EBADMSG:
	case -EPROTO:
		if (run->o->replay) {
			log_error("%s: %s", run->o->replay, err == -EPROTO ?
				  "recorded by another version or on a host of the other byte order" :
				  "not a sockeye recording, or cut short");
			return EXIT_RUNTIME;
		}
		break;
	}
	log_error("%s: %s", what[0] ? what : "sock_diag", strerror(-err));
	return EXIT_RUNTIME;
}

/* One snapshot into run->f as a document; 0 or an exit status. */
static int snapshot(struct run *run)
{
	struct sock_summary sum;
	int err;

	run->begun = false;
	if (run->o->summary) {
		memset(&sum, 0, sizeof(sum));
		run->sum = &sum;
	}
	err = sockscan_run(&run->scan, emit_cb, run);
	/* Failed half way: what was printed stays (fmt_free closes a JSON document). */
	if (err) {
		run->sum = NULL;
		return scan_error(run, err);
	}
	begin(run);
	if (run->sum)
		view_sockets_summary_emit(run->f, &sum, run->scan.seen);
	else
		fmt_table_end(run->f);
	run->sum = NULL;
	fmt_doc_end(run->f);
	return 0;
}

static int flush_out(struct fmt *f)
{
	int err = fmt_flush(f);

	if (err && err != -EPIPE)
		log_error("stdout: %s", strerror(-err));
	return err ? EXIT_RUNTIME : 0;
}

/* A snapshot per interval as text blocks or NDJSON lines, until a signal or --count. */
static int run_batch(struct run *run)
{
	uint64_t deadline = clock_ns(CLOCK_MONOTONIC);
	int ret = 0;

	signals_catch_stop();
	for (uint64_t i = 0; !run->o->count || i < run->o->count; i++) {
		if (i) {
			deadline += run->o->watch_ns;
			if (!clock_sleep_until(deadline, &signals_stop))
				break;
		}
		ret = snapshot(run);
		if (!ret)
			ret = flush_out(run->f);
		if (ret || signals_stop || !run->o->watch)
			break;
	}
	return ret;
}

static int run_live(struct run *run)
{
	struct fmt_opts fo = { .numeric = cmd_globals.numeric };
	struct fmt *batch_f = run->f;
	struct tui *t = NULL;
	char status[160];
	uint64_t deadline;
	int ret = 0;

	run->f = fmt_new(FMT_TUI, NULL, &fo);
	if (!run->f) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	ret = snapshot(run);
	if (ret)
		goto out;
	t = tui_open();
	if (!t) {
		log_error("cannot start the terminal view: %s (try -b)", strerror(errno));
		ret = EXIT_RUNTIME;
		goto out;
	}
	tui_set_default_sort(t, view_sockets.name, view_sockets_recvq_col, true);
	deadline = clock_ns(CLOCK_MONOTONIC) + run->o->watch_ns;
	for (uint64_t i = 1;;) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);
		enum tui_event ev;

		snprintf(status, sizeof(status), "sockeye sockets  every %.3gs%s%s",
			 (double)run->o->watch_ns / 1e9, cmd_globals.netns ? "  netns " : "",
			 cmd_globals.netns ? cmd_globals.netns : "");
		tui_draw(t, fmt_tui_frame(run->f), status);
		ev = tui_wait(t, deadline > now ? (int)((deadline - now + 999999) / 1000000) : 0);
		if (ev == TUI_QUIT)
			break;
		if (ev == TUI_REDRAW)
			continue;
		deadline += run->o->watch_ns;
		if (deadline < clock_ns(CLOCK_MONOTONIC))
			deadline = clock_ns(CLOCK_MONOTONIC) + run->o->watch_ns;
		/* Paused: the frame stays as it is. */
		if (tui_is_paused(t))
			continue;
		ret = snapshot(run);
		if (ret || (run->o->count && ++i >= run->o->count))
			break;
	}
out:
	/* Restore the terminal before any message reaches it. */
	tui_close(t);
	fmt_free(run->f);
	run->f = batch_f;
	return ret;
}

/* Tables, families, states and column groups from the options and the filter. */
static void select_sockets(struct run *run)
{
	struct sockets_opts *o = run->o;
	struct sockscan *s = &run->scan;
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
	if (o->listening)
		s->states = 1u << SOCK_ST_LISTEN | 1u << SOCK_ST_CLOSE;
	if (o->all || (o->summary && !o->listening))
		s->states = SOCK_STATES_ALL;
	if (run->filter.has_states)
		s->states = run->filter.states;
	s->filter = run->filter.expr ? &run->filter : NULL;
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
	run->groups = (n > 1 ? SOCK_GRP_NETID : 0) | (o->all_netns ? SOCK_GRP_NETNS : 0) |
		      (o->ext ? SOCK_GRP_EXT : 0) | (o->timers ? SOCK_GRP_TIMER : 0) |
		      (o->mem ? SOCK_GRP_MEM : 0) | (o->info ? SOCK_GRP_INFO : 0);
	if (o->procs)
		run->groups |= SOCK_GRP_PROC | (cmd_globals.json ? SOCK_GRP_PROC_JSON : 0);
	if (o->info && (o->ext || cmd_globals.json))
		run->groups |= SOCK_GRP_INFO_X;
}

static int parse_opts(int argc, char **argv, struct sockets_opts *o)
{
	int c, err;

	/* Options may follow filter words, as in ss: no filter word starts with a dash. */
	while ((c = getopt_long(argc, argv, "tuwx046laA:peomisbHN:nh", sockets_longopts,
				NULL)) != -1) {
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
		case 'N':
			cmd_globals.netns = optarg;
			break;
		case 'n':
			cmd_globals.numeric = true;
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
		case OPT_DUMP_RAW:
			o->dump_raw = optarg;
			break;
		case OPT_REPLAY:
			o->replay = optarg;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_help(cmd_find(cmd_table, cmd_count, "sockets", &(bool){ false }));
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_usage_error("%s: unknown option (see sockeye sockets --help)",
					       argv[optind - 1]);
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
	return 0;
}

static FILE *open_file(const char *path, const char *mode)
{
	FILE *f = fopen(path, mode);

	if (!f)
		log_error("%s: %s", path, strerror(errno));
	return f;
}

int cmd_sockets(int argc, char **argv)
{
	struct sockets_opts o = { .watch_ns = 1000000000ull };
	struct run run = { .o = &o };
	struct fmt_opts fo;
	char why[256];
	int ret;

	ret = parse_opts(argc, argv, &o);
	if (ret)
		return ret < 0 ? 0 : ret;
	ret = check_opts(&o);
	if (ret)
		return ret;
	sockscan_init(&run.scan);
	if (ssfilter_parse(argc - optind, argv + optind, &run.filter, why, sizeof(why))) {
		ret = cmd_usage_error("%s", why);
		goto out;
	}
	select_sockets(&run);
	if (o.replay) {
		run.scan.replay = open_file(o.replay, "re");
		if (!run.scan.replay) {
			ret = EXIT_RUNTIME;
			goto out;
		}
	} else if (cmd_enter_netns()) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	if (o.dump_raw) {
		run.scan.record = open_file(o.dump_raw, "we");
		if (!run.scan.record) {
			ret = EXIT_RUNTIME;
			goto out;
		}
	}
	signal(SIGPIPE, SIG_IGN);
	/* Large writes: a snapshot of many thousand lines is one stream. */
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	fo = (struct fmt_opts){
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = o.no_header,
	};
	run.f = cmd_fmt_new(stdout, &fo);
	if (!run.f) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	if (o.watch && !o.batch && !cmd_globals.json && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO))
		ret = run_live(&run);
	else
		ret = run_batch(&run);
	if (run.scan.record && fclose(run.scan.record) && !ret) {
		log_error("%s: %s", o.dump_raw, strerror(errno));
		ret = EXIT_RUNTIME;
	}
	run.scan.record = NULL;
out:
	if (run.scan.replay)
		fclose(run.scan.replay);
	if (run.scan.record)
		fclose(run.scan.record);
	fmt_free(run.f);
	sockscan_fini(&run.scan);
	ssfilter_free(&run.filter);
	return ret;
}
