/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: top's two loops: snapshots in batches (text or JSON), or the live view. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cli/stdout_check.h"
#include "cmd/top/panels.h"
#include "cmd/top/run.h"
#include "cmd/top/view_top.h"
#include "kstat/kstat.h"
#include "out/tui.h"
#include "util/clock.h"
#include "util/log.h"

static int run_batch(struct panels *p, const struct top_opts *o)
{
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = o->no_header,
	};
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
	if (panels_sample(p, 0, NULL)) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	panels_shift(p);
	deadline = clock_ns(CLOCK_MONOTONIC);
	for (unsigned i = 1; !o->iterations || i <= o->iterations; i++) {
		deadline += o->delay_ns;
		if (!o->replay_dir && !clock_sleep_until(deadline, &signals_stop))
			break;
		if (panels_sample(p, i, NULL)) {
			ret = EXIT_RUNTIME;
			break;
		}
		panels_summary(p, &sum);
		panels_emit(f, p, &sum);
		panels_shift(p);
		err = fmt_flush(f);
		if (err) {
			stdout_check_note(err);	/* main reports it, once (EPIPE: not at all) */
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
	for (size_t i = 0; i < PANELS_N; i++)
		hidden[i] = tui_panel_is_hidden(tv, panels_name(i));
}

/* A new frame: the header line from the summary, the panels into the formatter. */
static void live_frame(struct panels *p, struct tui *tv, struct fmt *f)
{
	struct top_summary sum;
	char line[512];

	panels_summary(p, &sum);
	tui_set_header(tv, view_summary_line(&sum, line, sizeof(line)));
	panels_emit(f, p, NULL);
}

static int run_live(struct panels *p, const struct top_opts *o)
{
	struct fmt_opts fo = { .numeric = cmd_globals.numeric };
	bool hidden[PANELS_N] = { false };
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
	if (panels_sample(p, 0, NULL)) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	tv = tui_open();
	if (!tv) {
		log_error("cannot start the terminal view: %s (try -b)", strerror(errno));
		ret = EXIT_RUNTIME;
		goto out;
	}
	/* The first frame shows totals at once; rates appear with the second sample. */
	live_frame(p, tv, f);
	panels_shift(p);
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
		if (panels_sample(p, i++, hidden)) {
			ret = EXIT_RUNTIME;
			break;
		}
		/* Paused: keep sampling so rates stay right after resuming, but keep the frame. */
		if (!tui_is_paused(tv))
			live_frame(p, tv, f);
		panels_shift(p);
		if (o->iterations && i > o->iterations)
			break;
	}
out:
	/* Restore the terminal before any message reaches it. */
	tui_close(tv);
	fmt_free(f);
	return ret;
}

/* --record DIR: a directory we can write, before any sample (and before -N). */
static int record_dir_check(const char *dir)
{
	int err = kstat_save_dir_prepare(dir);

	if (!err)
		return 0;
	if (err == -ENOTDIR)
		log_error("%s: not a directory", dir);
	else
		log_error("%s: cannot record there: %s", dir, strerror(-err));
	return EXIT_RUNTIME;
}

int top_run(const struct top_opts *o)
{
	struct panels *p;
	int ret;

	if (o->record_dir && record_dir_check(o->record_dir))
		return EXIT_RUNTIME;
	/* A replay too: a -N naming no namespace fails everywhere alike, not silently. */
	if (cmd_enter_netns())
		return EXIT_RUNTIME;
	p = panels_new(o);
	if (!p) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	ret = o->batch ? run_batch(p, o) : run_live(p, o);
	panels_free(p);
	return ret;
}
