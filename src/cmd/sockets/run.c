/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: sockets' run: one snapshot, a snapshot per interval, or the live view. */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cli/stdout_check.h"
#include "cmd/sockets/opts.h"
#include "cmd/sockets/run.h"
#include "cmd/sockets/view_sockets.h"
#include "diag/procs.h"
#include "diag/sockkeep.h"
#include "diag/sockscan.h"
#include "out/tui.h"
#include "util/clock.h"
#include "util/log.h"

/* The state of one run: the formatter and the snapshot being written. */
struct run {
	struct sockets_opts *o;
	struct sockscan scan;
	struct fmt *f;
	unsigned groups;
	struct sock_summary *sum;
	bool begun;		/* the snapshot's document is open */
	/*
	 * --watch: the fullest --rows sockets, copied compactly, and their owners
	 * looked up after the dump for them alone; without it (0: all), every
	 * socket goes to the formatter (and -p holds the whole dump until /proc
	 * has been read).
	 */
	bool keeping;
	struct sock_keep keep;
	struct procs *owners;
	char shown[64];		/* the live view's "1000 fullest of 100000" */
};

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
	if (run->keeping)
		return sock_keep_offer(&run->keep, r, w->netns,
				       r->ifindex && w->ifname ? w->ifname(r->ifindex, w->ifname_arg) :
								NULL);
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

static const char *kept_ifname(uint32_t ifindex, void *arg)
{
	const struct sock_kept *k = arg;

	return k->ifname[0] ? k->ifname : NULL;
}

/* The kept sockets' owners: one pass over /proc for those inodes only. */
static void find_owners(struct run *run)
{
	int err = 0;

	procs_clear(run->owners);
	for (size_t i = 0; !err && i < run->keep.n; i++)
		err = procs_want(run->owners, run->keep.v[i]->r.inode);
	if (!err && run->keep.n)
		err = procs_scan(run->owners, run->scan.proc_root);
	/* The sockets still show, without their processes. */
	if (err)
		procs_clear(run->owners);
}

/* The kept sockets, fullest first, after the totals (JSON: how many there were). */
static void emit_kept(struct run *run)
{
	sock_keep_sort(&run->keep);
	snprintf(run->shown, sizeof(run->shown), "%zu fullest of %llu", run->keep.n,
		 (unsigned long long)run->keep.offered);
	if (run->owners)
		find_owners(run);
	run->begun = true;
	fmt_doc_begin(run->f, "sockets");
	fmt_doc_u64(run->f, "ts_ns", clock_ns(CLOCK_REALTIME));
	fmt_doc_u64(run->f, "sockets_total", run->keep.offered);
	fmt_doc_u64(run->f, "sockets_shown", run->keep.n);
	fmt_table_begin(run->f, &view_sockets, run->groups);
	for (size_t i = 0; i < run->keep.n; i++) {
		const struct sock_kept *k = run->keep.v[i];
		struct view_sockets_ctx c = {
			.netns = k->netns[0] ? k->netns : NULL,
			.ifname = kept_ifname,
			.ifname_arg = (void *)k,
			.procs = run->owners,
		};

		view_sockets_emit(run->f, &k->r, &c);
	}
	sock_keep_clear(&run->keep);
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
		sock_keep_clear(&run->keep);
		return scan_error(run, err);
	}
	if (run->keeping && !run->sum)
		emit_kept(run);
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

	if (err)
		stdout_check_note(err);	/* main reports it, once (EPIPE: not at all) */
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

		snprintf(status, sizeof(status), "sockeye sockets  every %.3gs%s%s  %s",
			 (double)run->o->watch_ns / 1e9, cmd_globals.netns ? "  netns " : "",
			 cmd_globals.netns ? cmd_globals.netns : "", run->shown);
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

static FILE *open_file(const char *path, const char *mode)
{
	FILE *f = fopen(path, mode);

	if (!f)
		log_error("%s: %s", path, strerror(errno));
	return f;
}

/*
 * A one-shot listing receives its dumps on threads of their own when there is
 * a second CPU to run them: the kernel walks and fills the next datagrams
 * while this one prints (bench/RESULTS.md). --watch refreshes keep one thread.
 */
static bool cpus_to_spare(void)
{
	cpu_set_t set;

	return !sched_getaffinity(0, sizeof(set), &set) && CPU_COUNT(&set) > 1;
}

int sockets_run(struct sockets_opts *o)
{
	struct run run = { .o = o };
	struct fmt_opts fo;
	int ret = 0;

	sockscan_init(&run.scan);
	sockets_opts_select(o, &run.scan, &run.groups);
	run.scan.parallel = !o->watch && cpus_to_spare();
	/* A refresh walks the kernel's tables for every socket of the host: as few walks as can be. */
	run.scan.one_walk = o->watch;
	sock_keep_init(&run.keep, o->rows);
	run.keeping = o->watch && o->rows && !o->summary;
	if (run.keeping && run.scan.procs) {
		run.scan.procs = false;
		run.owners = procs_new();
		if (!run.owners) {
			log_error("out of memory");
			ret = EXIT_RUNTIME;
			goto out;
		}
	}
	/* A replay too: a -N naming no namespace fails everywhere alike, not silently. */
	if (cmd_enter_netns()) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	if (o->replay) {
		run.scan.replay = open_file(o->replay, "re");
		if (!run.scan.replay) {
			ret = EXIT_RUNTIME;
			goto out;
		}
	}
	if (o->dump_raw) {
		run.scan.record = open_file(o->dump_raw, "we");
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
		.no_header = o->no_header,
	};
	/* Snapshots per interval come fullest Recv-Q first, as the live view shows them. */
	if (o->watch) {
		fo.sort_view = view_sockets.name;
		fo.sort_col = view_sockets_recvq_col;
		fo.sort_desc = true;
	}
	run.f = cmd_fmt_new(stdout, &fo);
	if (!run.f) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	if (o->watch && !o->batch && !cmd_globals.json && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO))
		ret = run_live(&run);
	else
		ret = run_batch(&run);
	if (run.scan.record && fclose(run.scan.record) && !ret) {
		log_error("%s: %s", o->dump_raw, strerror(errno));
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
	sock_keep_free(&run.keep);
	procs_free(run.owners);
	return ret;
}
