/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_top.c: `sockeye top`: the receive path's counters, live (ncurses) or as batch snapshots. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "kstat/kstat.h"
#include "out/tui.h"
#include "util/log.h"
#include "util/parse.h"
#include "view/view_kstat.h"

enum { OPT_NO_HEADER = CMD_OPT_FIRST_PRIVATE, OPT_RECORD, OPT_REPLAY };

static const struct option top_longopts[] = {
	{ "batch", no_argument, NULL, 'b' },
	{ "iterations", required_argument, NULL, 'n' },
	{ "delay", required_argument, NULL, 'd' },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	{ "record", required_argument, NULL, OPT_RECORD },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

struct top_opts {
	bool batch;
	bool no_header;
	uint64_t iterations;	/* 0: until interrupted */
	uint64_t delay_ns;
	const char *record_dir;
	const char *replay_dir;
};

static volatile sig_atomic_t top_stop;

static void on_stop_signal(int sig)
{
	(void)sig;
	top_stop = 1;
}

static uint64_t mono_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Sleeps until the monotonic deadline; false when a stop signal cut it short. */
static bool sleep_until(uint64_t deadline_ns)
{
	struct timespec ts = {
		.tv_sec = (time_t)(deadline_ns / 1000000000ull),
		.tv_nsec = (long)(deadline_ns % 1000000000ull),
	};

	while (!top_stop) {
		int err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);

		if (!err)
			return true;
		if (err != EINTR)
			return false;
	}
	return false;
}

/* Sample number i: live (saved under --record DIR/i) or read back from --replay DIR/i. */
static int take_sample(const struct top_opts *o, unsigned i, struct kstat_sample *s)
{
	char dir[4096];
	int err;

	if (o->replay_dir) {
		snprintf(dir, sizeof(dir), "%s/%u", o->replay_dir, i);
		err = kstat_sample_load(s, dir);
		if (err == -ENOENT)
			log_error("%s: no such sample (the recording has fewer samples than -n asks)",
				  dir);
		else if (err)
			log_error("%s: cannot load sample: %s", dir, strerror(-err));
		return err;
	}
	if (o->record_dir)
		snprintf(dir, sizeof(dir), "%s/%u", o->record_dir, i);
	err = kstat_sample_take(s, o->record_dir ? dir : NULL);
	if (err)
		log_error("cannot read the kernel's counters: %s", strerror(-err));
	return err;
}

static void emit_snapshot(struct fmt *f, const struct kstat_sample *prev,
			  const struct kstat_sample *cur)
{
	fmt_doc_begin(f, "top");
	fmt_doc_u64(f, "ts_ns", cur->real_ns);
	if (prev)
		fmt_doc_u64(f, "interval_ns", cur->mono_ns - prev->mono_ns);
	view_softirqs_emit(f, prev, cur, 0);
	view_softnet_emit(f, prev, cur, 0);
	view_interfaces_emit(f, prev, cur, 0);
	fmt_doc_end(f);
}

static int run_batch(const struct top_opts *o)
{
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = o->no_header,
	};
	struct kstat_sample prev = { 0 }, cur = { 0 };
	struct sigaction sa = { .sa_handler = on_stop_signal };
	struct fmt *f;
	uint64_t deadline;
	int ret = 0, err;

	/* No SA_RESTART: a signal must end the sleep at once. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	f = fmt_new(cmd_globals.json ? FMT_JSON : FMT_TEXT, stdout, &fo);
	if (!f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	if (take_sample(o, 0, &prev)) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	deadline = mono_now_ns();
	for (unsigned i = 1; !o->iterations || i <= o->iterations; i++) {
		deadline += o->delay_ns;
		if (!o->replay_dir && !sleep_until(deadline))
			break;
		if (take_sample(o, i, &cur)) {
			ret = EXIT_RUNTIME;
			break;
		}
		emit_snapshot(f, &prev, &cur);
		kstat_sample_free(&prev);
		prev = cur;
		memset(&cur, 0, sizeof(cur));
		err = fmt_flush(f);
		if (err) {
			if (err != -EPIPE)
				log_error("stdout: %s", strerror(-err));
			ret = EXIT_RUNTIME;
			break;
		}
		if (top_stop)
			break;
	}
out:
	kstat_sample_free(&prev);
	fmt_free(f);
	return ret;
}

static int run_live(const struct top_opts *o)
{
	struct fmt_opts fo = { .numeric = cmd_globals.numeric };
	struct kstat_sample prev = { 0 }, cur = { 0 };
	struct fmt *f = NULL;
	struct tui *t = NULL;
	char status[128];
	uint64_t deadline;
	int ret = 0;

	f = fmt_new(FMT_TUI, NULL, &fo);
	if (!f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	if (take_sample(o, 0, &prev)) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	t = tui_open();
	if (!t) {
		log_error("cannot start the terminal view: %s (try -b)", strerror(errno));
		ret = EXIT_RUNTIME;
		goto out;
	}
	/* The first frame shows totals at once; rates appear with the second sample. */
	emit_snapshot(f, NULL, &prev);
	deadline = mono_now_ns() + o->delay_ns;
	for (unsigned i = 1;;) {
		uint64_t now = mono_now_ns();
		enum tui_event ev;

		snprintf(status, sizeof(status), "sockeye top  every %.3gs%s%s",
			 (double)o->delay_ns / 1e9, cmd_globals.netns ? "  netns " : "",
			 cmd_globals.netns ? cmd_globals.netns : "");
		tui_draw(t, fmt_tui_frame(f), status);
		ev = tui_wait(t, deadline > now ? (int)((deadline - now + 999999) / 1000000) : 0);
		if (ev == TUI_QUIT)
			break;
		if (ev == TUI_REDRAW)
			continue;
		deadline += o->delay_ns;
		if (deadline < mono_now_ns())	/* fell behind (suspended?): do not catch up in a burst */
			deadline = mono_now_ns() + o->delay_ns;
		if (take_sample(o, i++, &cur)) {
			ret = EXIT_RUNTIME;
			break;
		}
		/* Paused: keep sampling so rates stay right after resuming, but keep the frame. */
		if (!tui_is_paused(t))
			emit_snapshot(f, &prev, &cur);
		kstat_sample_free(&prev);
		prev = cur;
		memset(&cur, 0, sizeof(cur));
		if (o->iterations && i > o->iterations)
			break;
	}
out:
	/* Restore the terminal before any message reaches it. */
	tui_close(t);
	kstat_sample_free(&prev);
	fmt_free(f);
	return ret;
}

int cmd_top(int argc, char **argv)
{
	struct top_opts o = { .delay_ns = 1000000000ull };
	bool iterations_set = false;
	int c, err;

	while ((c = getopt_long(argc, argv, "+bn:d:h", top_longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			o.batch = true;
			break;
		case 'n':
			err = parse_u64(optarg, 1, UINT32_MAX, &o.iterations);
			if (err)
				return cmd_usage_error("-n %s: not a count from 1 to %u", optarg,
						       UINT32_MAX);
			iterations_set = true;
			break;
		case 'd':
			err = parse_duration_ns(optarg, 10000000ull, 86400000000000ull, &o.delay_ns);
			if (err)
				return cmd_usage_error("-d %s: not a delay from 0.01 to 86400 seconds",
						       optarg);
			break;
		case OPT_NO_HEADER:
			o.no_header = true;
			break;
		case OPT_RECORD:
			o.record_dir = optarg;
			break;
		case OPT_REPLAY:
			o.replay_dir = optarg;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_help(cmd_find(cmd_table, cmd_count, "top", &(bool){ false }));
			return 0;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_usage_error("%s: unknown option (see sockeye top --help)",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error("%s: unexpected argument", argv[optind]);
	if (o.record_dir && o.replay_dir)
		return cmd_usage_error("--record and --replay exclude each other");
	/* Without a terminal (or with JSON, or replaying) there is nothing to draw on: one batch snapshot. */
	if (!o.batch && (cmd_globals.json || o.replay_dir || !isatty(STDIN_FILENO) ||
			 !isatty(STDOUT_FILENO)))
		o.batch = true;
	if (o.batch && !iterations_set)
		o.iterations = 1;
	if (!o.replay_dir && cmd_enter_netns())
		return EXIT_RUNTIME;
	return o.batch ? run_batch(&o) : run_live(&o);
}
