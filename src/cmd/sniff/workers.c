/* SPDX-License-Identifier: GPL-2.0-or-later */
/* workers.c: sniff --fanout-files: a thread per fanout worker, each with its own file. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cmd/sniff/output.h"
#include "cmd/sniff/rings.h"
#include "cmd/sniff/stats.h"
#include "cmd/sniff/workers.h"
#include "util/clock.h"
#include "util/log.h"

/* Counters a worker publishes for the main thread's --stats lines (atomic loads and stores). */
struct worker_counts {
	uint64_t captured, matched, written;
};

/*
 * Everything a worker touches while it runs is its own: the sniff state
 * (counters, writer, line buffer; no printing, so no TCP sequence table and
 * no formatter), its copy of the interfaces and its rings.  Shared with the
 * other threads are only the user-space filters, read-only, the -c count
 * (atomic) and the stop descriptor.  Only the main thread reads the
 * kernel's ring counters (reading resets them).
 */
struct sniff_worker {
	struct sniff_run *r;
	unsigned id;
	pthread_t th;
	bool started;
	struct sniff s;
	struct sniff_iface ifaces[MAX_IFACES];
	struct sniff_ring *rings[MAX_IFACES];
	struct sniff_rings rs;
	struct worker_counts pub[MAX_IFACES];
	char path[PATH_MAX];
	int poll_err;			/* poll failed: -errno */
	uint64_t left;			/* packets left in open blocks at the end */
};

static void publish(struct sniff_worker *w)
{
	for (unsigned i = 0; i < w->s.n_ifaces; i++) {
		__atomic_store_n(&w->pub[i].captured, w->ifaces[i].captured, __ATOMIC_RELAXED);
		__atomic_store_n(&w->pub[i].matched, w->ifaces[i].matched, __ATOMIC_RELAXED);
		__atomic_store_n(&w->pub[i].written, w->ifaces[i].written, __ATOMIC_RELAXED);
	}
}

static void *worker_main(void *arg)
{
	struct sniff_worker *w = arg;
	int err = 0;

	while (!w->s.done && !w->rs.stopped && w->rs.failed < 0) {
		if (sniff_rings_drain(&w->rs, &w->s))
			publish(w);
		if (w->s.done)
			break;
		err = sniff_rings_wait(&w->rs, -1);
		if (err)
			break;
	}
	/* Its rings take no more packets, so the counters main reads after the join add up. */
	sniff_rings_end_intake(&w->rs);
	if (!w->s.done && !err)
		w->left = sniff_rings_linger(&w->rs, &w->s, sniff_run_linger_ms(w->r->o));
	publish(w);
	w->poll_err = err;
	/* Whatever ended this worker (-c reached, a lost device, an error) ends them all. */
	sniff_run_request_stop(w->r);
	return NULL;
}

/*
 * Worker W's file: its number goes before the extension (cap.pcap: cap.0.pcap,
 * cap.1.pcap), so the files keep the suffix tools and globs look for, and -C's
 * count, appended as tcpdump does (cap.0.pcap1), never runs into it.  Without
 * an extension: FILE.W.  W has the digits of the last worker, so names sort.
 */
static int worker_path(char *buf, size_t len, const char *file, unsigned id, unsigned n)
{
	const char *slash = strrchr(file, '/');
	const char *base = slash ? slash + 1 : file;
	const char *dot = strrchr(base, '.');
	int digits = n > 10 ? 2 : 1, ret;

	/* A leading dot names a hidden file, not an extension; "a." has none either. */
	if (!dot || dot == base || !dot[1])
		dot = file + strlen(file);
	ret = snprintf(buf, len, "%.*s.%0*u%s", (int)(dot - file), file, digits, id, dot);
	return ret < 0 || (size_t)ret >= len ? -ENAMETOOLONG : 0;
}

static int worker_setup(struct sniff_run *r, struct sniff_worker *w, uint64_t *shared)
{
	struct sniff_opts *o = r->o;
	unsigned n = 0;
	int err;

	w->r = r;
	w->s.show = o->show;
	w->s.show.print = false;
	w->s.limit = o->count;
	w->s.shared_handled = shared;
	w->s.ifaces = w->ifaces;
	w->s.n_ifaces = r->s.n_ifaces;
	for (unsigned i = 0; i < r->s.n_ifaces; i++) {
		const struct sniff_iface *src = &r->ifaces[i];

		/* The filter's program is shared read-only (bpf_filter keeps no state); counters start at 0. */
		w->ifaces[i] = (struct sniff_iface){
			.ifindex = src->ifindex,
			.linktype = src->linktype,
			.by_ifindex = src->by_ifindex,
			.ufilter = src->ufilter,
			.has_ufilter = src->has_ufilter,
		};
		memcpy(w->ifaces[i].name, src->name, sizeof(src->name));
	}
	for (unsigned i = 0; i < r->n_rings; i++)
		if (r->slots[i].worker == w->id)
			w->rings[n++] = &r->slots[i];
	if (sniff_init(&w->s) || sniff_rings_init(&w->rs, w->rings, n, r->stop_fd)) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	err = worker_path(w->path, sizeof(w->path), o->wfile, w->id, o->fanout);
	if (err) {
		log_error("-w %s: %s", o->wfile, strerror(-err));
		return EXIT_USAGE;
	}
	return sniff_output_open_writer(r, &w->s, w->path);
}

/* Sums the workers' counters into r->ifaces; their published copies while they run. */
static void sum_counts(struct sniff_run *r, struct sniff_worker *ws, bool running)
{
	for (unsigned i = 0; i < r->s.n_ifaces; i++) {
		struct sniff_iface *ifc = &r->ifaces[i];

		ifc->captured = ifc->matched = ifc->written = 0;
		for (unsigned k = 0; k < r->o->fanout; k++) {
			const struct sniff_worker *w = &ws[k];

			if (running) {
				ifc->captured += __atomic_load_n(&w->pub[i].captured, __ATOMIC_RELAXED);
				ifc->matched += __atomic_load_n(&w->pub[i].matched, __ATOMIC_RELAXED);
				ifc->written += __atomic_load_n(&w->pub[i].written, __ATOMIC_RELAXED);
			} else {
				ifc->captured += w->ifaces[i].captured;
				ifc->matched += w->ifaces[i].matched;
				ifc->written += w->ifaces[i].written;
			}
		}
	}
}

/* The main thread meanwhile: --stats lines, until the stop descriptor says the end has come. */
static void supervise(struct sniff_run *r, struct sniff_worker *ws)
{
	uint64_t next_stats = r->o->stats_ns ? clock_ns(CLOCK_MONOTONIC) + r->o->stats_ns : 0;
	unsigned n_stats = 0;
	struct pollfd pfd = { .fd = r->stop_fd, .events = POLLIN };

	for (;;) {
		int timeout = -1;

		if (next_stats) {
			uint64_t now = clock_ns(CLOCK_MONOTONIC);

			if (now >= next_stats) {
				sniff_run_collect_kstats(r);
				sum_counts(r, ws, true);
				sniff_stats_emit(r->stats_f, &r->s, true, ++n_stats);
				fmt_flush(r->stats_f);
				next_stats = now + r->o->stats_ns;
			}
			timeout = (int)((next_stats - now) / 1000000) + 1;
		}
		if (poll(&pfd, 1, timeout) > 0)
			return;
		/* EINTR: the signal handler made the descriptor readable; the next poll sees it. */
	}
}

/* A worker's file gets its own rings' counters in its pcapng ISB, then is closed; 0 or -errno. */
static int close_file(struct sniff_run *r, struct sniff_worker *w)
{
	for (unsigned i = 0; i < w->s.n_ifaces; i++) {
		struct savefile_stats st = {
			.present = SAVEFILE_STAT_RECV | SAVEFILE_STAT_OS_DROP |
				   SAVEFILE_STAT_USR_DELIV,
			.usr_deliv = w->ifaces[i].captured,
		};

		for (unsigned k = 0; k < r->n_rings; k++)
			if (r->slots[k].worker == w->id && r->slots[k].iface == i) {
				st.recv += r->slots[k].kstats.packets;
				st.os_drop += r->slots[k].kstats.drops;
			}
		savefile_write_set_stats(w->s.w, i, &st);
	}
	return sniff_close_writer(&w->s);
}

/* After the join: the first failure for finish, each worker's write error, the files closed. */
static int collect(struct sniff_run *r, struct sniff_worker *ws)
{
	int ret = 0;

	sniff_run_collect_kstats(r);
	sum_counts(r, ws, false);
	for (unsigned k = 0; k < r->o->fanout; k++) {
		struct sniff_worker *w = &ws[k];
		int err;

		r->left += w->left;
		/* A worker whose setup failed never ran: nothing of its rings to report. */
		if (w->started && w->rs.failed >= 0 && r->fail_iface < 0) {
			r->fail_iface = (int)w->rs.rings[w->rs.failed]->iface;
			r->fail_err = w->rs.fail_err;
		}
		if (w->poll_err && !ret) {
			log_error("poll: %s", strerror(-w->poll_err));
			ret = EXIT_RUNTIME;
		}
		if (!w->s.w)
			continue;
		err = close_file(r, w);
		if (err) {
			log_error("-w %s: %s", w->path, strerror(-err));
			ret = EXIT_RUNTIME;
		}
	}
	return ret;
}

/* -Z: every worker's first file is made as root (a directory only root may write), then USER's. */
static int drop_privileges(struct sniff_run *r, struct sniff_worker *ws, unsigned n)
{
	int *fds = calloc(n, sizeof(*fds));
	int ret;

	if (!fds) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	for (unsigned k = 0; k < n; k++)
		fds[k] = ws[k].s.w ? savefile_write_fd(ws[k].s.w) : -1;
	ret = sniff_run_drop_privileges(r->o->user, fds, n);
	free(fds);
	return ret;
}

int sniff_workers_run(struct sniff_run *r, bool *started)
{
	unsigned n = r->o->fanout;
	struct sniff_worker *ws = calloc(n, sizeof(*ws));
	uint64_t shared = 0;	/* the -c count of all workers */
	sigset_t all, old;
	int ret = 0, err;

	if (!ws) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	for (unsigned k = 0; k < n && !ret; k++) {
		ws[k].id = k;
		ret = worker_setup(r, &ws[k], &shared);
	}
	if (!ret && r->o->user)
		ret = drop_privileges(r, ws, n);
	/* Signals stay with the main thread, whose handler wakes every worker through stop_fd. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (unsigned k = 0; k < n && !ret; k++) {
		err = pthread_create(&ws[k].th, NULL, worker_main, &ws[k]);
		if (err) {
			log_error("cannot start a worker thread: %s", strerror(err));
			ret = EXIT_RUNTIME;
			break;
		}
		ws[k].started = true;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	*started = !ret;
	if (!ret)
		supervise(r, ws);
	else
		sniff_run_request_stop(r);
	for (unsigned k = 0; k < n; k++)
		if (ws[k].started)
			pthread_join(ws[k].th, NULL);
	err = collect(r, ws);
	if (!ret)
		ret = err;
	for (unsigned k = 0; k < n; k++) {
		if (ws[k].s.w)
			savefile_write_close(ws[k].s.w);
		sniff_rings_fini(&ws[k].rs);
		sniff_fini(&ws[k].s);
	}
	free(ws);
	return ret;
}
