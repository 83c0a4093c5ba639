/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_top.c: `sockeye top`: the receive path from NIC rings to sockets, live or in batches. */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/top/top.h"
#include "out/tui.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/parse.h"
#include "cmd/top/view_kstat.h"
#include "cmd/top/view_packet_socks.h"
#include "cmd/top/view_top.h"

enum { OPT_NO_HEADER = CMD_OPT_FIRST_PRIVATE, OPT_RECORD, OPT_REPLAY };

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_top_usage[] =
	"top [-b] [-n COUNT] [-d SECONDS] [--no-header] [--record DIR] [--replay DIR]\n"
	"\n"
	"panels (keys 1-8): softirqs, softnet, interfaces, NAPI, drops, sockets,\n"
	"packet sockets, queues; keys: q space tab s < > r / h (see man sockeye-top)\n"
	"\n"
	"  -b, --batch          print snapshots as text or JSON instead of the live view\n"
	"  -n, --iterations N   stop after N snapshots (batch default 1)\n"
	"  -d, --delay SECONDS  time between snapshots (default 1)\n"
	"      --no-header      text without column headers\n"
	"      --record DIR     also save each raw sample under DIR (for replay tests)\n"
	"      --replay DIR     read samples saved by --record instead of the kernel\n";

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

#define WHY_LEN 256

static const struct kstat_sample *prev_of(const struct top *t)
{
	return t->has_prev ? &t->prev : NULL;
}

static void emit_softnet(struct fmt *f, const struct top *t, unsigned groups)
{
	view_softnet_emit(f, prev_of(t), &t->cur, groups);
}

static void emit_interfaces(struct fmt *f, const struct top *t, unsigned groups)
{
	view_interfaces_emit(f, prev_of(t), &t->cur, groups);
}

static void emit_packet_socks(struct fmt *f, const struct top *t, unsigned groups)
{
	view_packet_socks_emit(f, prev_of(t), &t->cur, groups);
}

static void emit_queues(struct fmt *f, const struct top *t, unsigned groups)
{
	view_queues_emit(f, prev_of(t), &t->cur, groups);
}

/* The panels, in screen order: the digit keys 1-8 toggle them. */
static const struct top_panel top_panels[] = {
	{ .name = "softirqs", .title = "softirqs", .key = '1',
	  .parts = KSTAT_SOFTIRQS | KSTAT_CPUSTAT, .collect = top_softirq_collect,
	  .emit = top_softirq_emit },
	{ .name = "softnet", .title = "softnet", .key = '2', .parts = KSTAT_SOFTNET,
	  .emit = emit_softnet },
	{ .name = "interfaces", .title = "interfaces", .key = '3',
	  .parts = KSTAT_LINKS | KSTAT_RINGS, .emit = emit_interfaces },
	{ .name = "napi", .title = "NAPI (BPF)", .key = '4', .needs_bpf = true, TOP_NAPI_FNS },
	{ .name = "drops", .title = "drops (BPF)", .key = '5', .needs_bpf = true, TOP_DROPS_FNS },
	{ .name = "sockets", .title = "sockets: fullest queues", .key = '6',
	  .open = top_sockets_open, .collect = top_sockets_collect, .emit = top_sockets_emit,
	  .close = top_sockets_close },
	{ .name = "packet_sockets", .title = "packet sockets", .key = '7', .parts = KSTAT_PACKET,
	  .needs = KSTAT_PACKET, .source = "packet_diag", .emit = emit_packet_socks },
	{ .name = "queues", .title = "queues", .key = '8', .parts = KSTAT_QUEUES,
	  .needs = KSTAT_QUEUES, .source = "ethtool statistics", .emit = emit_queues },
};
#define TOP_NPANELS (sizeof(top_panels) / sizeof(top_panels[0]))

/* A panel that cannot run shows one text-only line: JSON has its "NAME_error" instead. */
static const struct fmt_col note_cols[] = {
	{ "note", "NOTE", FMT_STR, FMT_LEFT, FMT_GROUP_TEXT, 0 },
};
static struct fmt_view note_views[TOP_NPANELS];

/* Per run: which panels could not start, and why each cannot show this sample. */
struct top_run {
	struct top t;
	bool dead[TOP_NPANELS];		/* open failed: the note stays */
	char why[TOP_NPANELS][WHY_LEN];	/* empty: the panel shows */
};

/* A reason for a part the sample could not take, as the note says it. */
static void part_why(char *why, size_t len, const char *name, int err)
{
	if (err == -ENOENT && !strcmp(name, "packet_diag"))
		snprintf(why, len, "packet_diag: the kernel has no packet sock_diag "
			 "(modprobe af_packet_diag)");
	else if (err)
		snprintf(why, len, "%s: %s", name, strerror(-err));
	else
		snprintf(why, len, "%s: not in the recording", name);
}

/* Starts the panels' own collectors; a replay has none to start. */
static void panels_open(struct top_run *r)
{
	for (size_t i = 0; i < TOP_NPANELS; i++) {
		const struct top_panel *p = &top_panels[i];

		/* The live view toggles a panel by its place in the frame. */
		assert(p->key == (char)('1' + i));
		note_views[i] = (struct fmt_view){ .name = p->name, .title = p->title,
						   .cols = note_cols, .ncols = 1 };
#ifndef HAVE_BPF
		if (p->needs_bpf) {
			snprintf(r->why[i], WHY_LEN, "this build has no BPF support (%s)", NO_BPF_WHY);
			r->dead[i] = true;
			continue;
		}
#endif
		if (!p->open)
			continue;
		if (r->t.o->replay_dir) {
			snprintf(r->why[i], WHY_LEN, "not in the recording (live only)");
			r->dead[i] = true;
		} else if (p->open(&r->t, r->why[i], WHY_LEN)) {
			r->dead[i] = true;
		}
	}
}

static void panels_close(struct top_run *r)
{
	for (size_t i = 0; i < TOP_NPANELS; i++)
		if (!r->dead[i] && top_panels[i].close)
			top_panels[i].close(&r->t);
}

/* The kstat parts the shown panels want. */
static unsigned panels_parts(const bool *hidden)
{
	unsigned parts = KSTAT_CORE | KSTAT_HOST | KSTAT_CPUSTAT;

	for (size_t i = 0; i < TOP_NPANELS; i++)
		if (!hidden || !hidden[i])
			parts |= top_panels[i].parts;
	return parts;
}

/* Sample number i: live (saved under --record DIR/i) or read back from --replay DIR/i. */
static int take_sample(struct top_run *r, unsigned i, unsigned parts)
{
	const struct top_opts *o = r->t.o;
	char dir[4096];
	int err;

	if (o->replay_dir) {
		snprintf(dir, sizeof(dir), "%s/%u", o->replay_dir, i);
		err = kstat_sample_load(&r->t.cur, dir);
		if (err == -ENOENT)
			log_error("%s: no such sample (the recording has fewer samples than -n asks)",
				  dir);
		else if (err)
			log_error("%s: cannot load sample: %s", dir, strerror(-err));
		return err;
	}
	if (o->record_dir)
		snprintf(dir, sizeof(dir), "%s/%u", o->record_dir, i);
	err = kstat_sample_take(&r->t.cur, prev_of(&r->t), parts, o->record_dir ? dir : NULL);
	if (err)
		log_error("cannot read the kernel's counters: %s", strerror(-err));
	return err;
}

/* Runs the shown panels' collectors and decides which panels show a note this time. */
static void panels_collect(struct top_run *r, const bool *hidden)
{
	r->t.bpf_drops_per_s = -1;
	for (size_t i = 0; i < TOP_NPANELS; i++) {
		const struct top_panel *p = &top_panels[i];
		unsigned needs = p->needs;

		if (r->dead[i] || (hidden && hidden[i]))
			continue;
		r->why[i][0] = '\0';
		if (needs & ~r->t.cur.parts)
			part_why(r->why[i], WHY_LEN, p->source,
				 kstat_part_err(&r->t.cur, needs));
		else if (p->collect && p->collect(&r->t, r->why[i], WHY_LEN) && !r->why[i][0])
			snprintf(r->why[i], WHY_LEN, "cannot read the collector");
	}
}

/* The sample taken becomes the one before. */
static void sample_shift(struct top *t)
{
	if (t->has_prev)
		kstat_sample_free(&t->prev);
	t->prev = t->cur;
	t->has_prev = true;
	memset(&t->cur, 0, sizeof(t->cur));
}

static void emit_note(struct fmt *f, size_t i, const char *why)
{
	fmt_table_begin(f, &note_views[i], 0);
	if (fmt_is_shown(f, 0)) {
		fmt_row_begin(f);
		fmt_str(f, 0, why);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

/* One snapshot of every panel; summary: the summary table (batch) ahead of them. */
static void emit_snapshot(struct fmt *f, struct top_run *r, const struct top_summary *sum)
{
	const struct top *t = &r->t;
	char key[64];

	fmt_doc_begin(f, "top");
	fmt_doc_u64(f, "ts_ns", t->cur.real_ns);
	if (t->has_prev)
		fmt_doc_u64(f, "interval_ns", t->cur.mono_ns - t->prev.mono_ns);
	for (size_t i = 0; i < TOP_NPANELS; i++) {
		if (!r->why[i][0])
			continue;
		snprintf(key, sizeof(key), "%s_error", top_panels[i].name);
		fmt_doc_str(f, key, r->why[i]);
	}
	if (top_softirq_error(t))
		fmt_doc_str(f, "softirqs_time_error", top_softirq_error(t));
	if (sum)
		view_summary_emit(f, sum, 0);
	for (size_t i = 0; i < TOP_NPANELS; i++) {
		if (r->why[i][0])
			emit_note(f, i, r->why[i]);
		else
			top_panels[i].emit(f, t, 0);
	}
	fmt_doc_end(f);
}

static void summarize(struct top_run *r, struct top_summary *sum)
{
	view_summary_compute(sum, prev_of(&r->t), &r->t.cur, cmd_globals.netns,
			     r->t.bpf_drops_per_s);
}

static int run_batch(struct top_run *r)
{
	const struct top_opts *o = r->t.o;
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = o->no_header,
	};
	unsigned parts = panels_parts(NULL);
	struct top_summary sum;
	struct fmt *f;
	uint64_t deadline;
	int ret = 0, err;

	signals_catch_stop();
	f = cmd_fmt_new(stdout, &fo);
	if (!f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	if (take_sample(r, 0, parts)) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	panels_collect(r, NULL);
	sample_shift(&r->t);
	deadline = clock_ns(CLOCK_MONOTONIC);
	for (unsigned i = 1; !o->iterations || i <= o->iterations; i++) {
		deadline += o->delay_ns;
		if (!o->replay_dir && !clock_sleep_until(deadline, &signals_stop))
			break;
		if (take_sample(r, i, parts)) {
			ret = EXIT_RUNTIME;
			break;
		}
		panels_collect(r, NULL);
		summarize(r, &sum);
		emit_snapshot(f, r, &sum);
		sample_shift(&r->t);
		err = fmt_flush(f);
		if (err) {
			if (err != -EPIPE)
				log_error("stdout: %s", strerror(-err));
			ret = EXIT_RUNTIME;
			break;
		}
		if (signals_stop)
			break;
	}
out:
	fmt_free(f);
	return ret;
}

/* Which panels the live view hides now: their collectors may rest. */
static void hidden_panels(const struct tui *tv, bool *hidden)
{
	for (size_t i = 0; i < TOP_NPANELS; i++)
		hidden[i] = tui_panel_is_hidden(tv, top_panels[i].name);
}

/* A new frame: the header line from the summary, the panels into the formatter. */
static void live_frame(struct top_run *r, struct tui *tv, struct fmt *f)
{
	struct top_summary sum;
	char line[512];

	summarize(r, &sum);
	tui_set_header(tv, view_summary_line(&sum, line, sizeof(line)));
	emit_snapshot(f, r, NULL);
}

static int run_live(struct top_run *r)
{
	const struct top_opts *o = r->t.o;
	struct fmt_opts fo = { .numeric = cmd_globals.numeric };
	bool hidden[TOP_NPANELS] = { false };
	struct fmt *f = NULL;
	struct tui *tv = NULL;
	char status[128];
	uint64_t deadline;
	int ret = 0;

	f = fmt_new(FMT_TUI, NULL, &fo);
	if (!f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	if (take_sample(r, 0, panels_parts(NULL))) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	panels_collect(r, NULL);
	tv = tui_open();
	if (!tv) {
		log_error("cannot start the terminal view: %s (try -b)", strerror(errno));
		ret = EXIT_RUNTIME;
		goto out;
	}
	/* The first frame shows totals at once; rates appear with the second sample. */
	live_frame(r, tv, f);
	sample_shift(&r->t);
	snprintf(status, sizeof(status), "every %.3gs", (double)o->delay_ns / 1e9);
	deadline = clock_ns(CLOCK_MONOTONIC) + o->delay_ns;
	for (unsigned i = 1;;) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);
		enum tui_event ev;

		tui_draw(tv, fmt_tui_frame(f), status);
		ev = tui_wait(tv, deadline > now ? (int)((deadline - now + 999999) / 1000000) : 0);
		if (ev == TUI_QUIT)
			break;
		if (ev == TUI_REDRAW)
			continue;
		deadline += o->delay_ns;
		/* Fell behind (suspended?): do not catch up in a burst. */
		if (deadline < clock_ns(CLOCK_MONOTONIC))
			deadline = clock_ns(CLOCK_MONOTONIC) + o->delay_ns;
		hidden_panels(tv, hidden);
		if (take_sample(r, i++, panels_parts(hidden))) {
			ret = EXIT_RUNTIME;
			break;
		}
		panels_collect(r, hidden);
		/* Paused: keep sampling so rates stay right after resuming, but keep the frame. */
		if (!tui_is_paused(tv))
			live_frame(r, tv, f);
		sample_shift(&r->t);
		if (o->iterations && i > o->iterations)
			break;
	}
out:
	/* Restore the terminal before any message reaches it. */
	tui_close(tv);
	fmt_free(f);
	return ret;
}

static int parse_args(struct top_opts *o, int argc, char **argv)
{
	bool iterations_set = false;
	int c;

	while ((c = getopt_long(argc, argv, "+bn:d:h", top_longopts, NULL)) != -1) {
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
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_help(cmd_find(cmd_table, cmd_count, "top", &(bool){ false }));
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_usage_error("%s: unknown option (see sockeye top --help)",
					       argv[optind - 1]);
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

int cmd_top(int argc, char **argv)
{
	struct top_opts o = { .delay_ns = 1000000000ull };
	struct top_run *r;
	int ret;

	ret = parse_args(&o, argc, argv);
	if (ret)
		return ret < 0 ? 0 : ret;
	if (!o.replay_dir && cmd_enter_netns())
		return EXIT_RUNTIME;
	/* Big (the notes) and zeroed: on the heap. */
	r = calloc(1, sizeof(*r));
	if (!r) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	r->t.o = &o;
	r->t.bpf_drops_per_s = -1;
	panels_open(r);
	/* Not the panel's open: the panel shows without its BPF time. */
	top_softirq_open(&r->t);
	ret = o.batch ? run_batch(r) : run_live(r);
	top_softirq_close(&r->t);
	panels_close(r);
	if (r->t.has_prev)
		kstat_sample_free(&r->t.prev);
	kstat_sample_free(&r->t.cur);
	free(r);
	return ret;
}
