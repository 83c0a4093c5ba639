/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_live.c: inject on a device: the TX workers started, watched for --stats, joined. */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <time.h>

#include "capture/savefile.h"
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/inject/pace.h"
#include "cmd/inject/replay_arena.h"
#include "cmd/inject/run_live.h"
#include "cmd/inject/workers.h"
#include "util/log.h"

/* The CPUs this process may run on, the first n of them for the workers. */
static int pick_cpus(int *cpus, unsigned n)
{
	cpu_set_t set;
	unsigned found = 0;

	if (sched_getaffinity(0, sizeof(set), &set) < 0) {
		log_error("sched_getaffinity: %s", strerror(errno));
		return EXIT_RUNTIME;
	}
	for (int c = 0; c < CPU_SETSIZE && found < n; c++)
		if (CPU_ISSET(c, &set))
			cpus[found++] = c;
	if (found < n)
		return cmd_usage_error("--cpus %u: this process may run on %d CPUs", n,
				       CPU_COUNT(&set));
	return 0;
}

static void row_from_stats(struct inject_run *r, const struct inject_stats *s)
{
	struct view_inject_row *w = &r->row;

	w->sent = s->sent;
	w->bytes = s->bytes;
	w->failed = s->failed;
	w->skipped_mtu = s->skip_mtu;
	w->skipped_linktype = s->skip_linktype;
	w->skipped_empty = s->skip_empty;
	w->filtered = s->filtered;
	w->truncated = s->truncated;
	w->read = s->read;
	w->backoffs = s->backoffs;
	w->elapsed_ns = s->end_ns > s->start_ns ? s->end_ns - s->start_ns : 0;
}

static void start_error(const char *ifname, int err, const char *msg)
{
	if (err == -EPERM || err == -EACCES)
		log_error("%s: sending needs CAP_NET_RAW (run as root or grant the capability)",
			  ifname);
	else if (err == -ENOMEM && strstr(msg, "TX ring"))
		log_error("%s: cannot allocate the TX ring (try a smaller -B)", ifname);
	else
		log_error("%s", msg);
}

static void fill_cfg(struct inject_run *r, struct inject_cfg *c, struct replay_opts *ro)
{
	struct inject_opts *o = r->o;

	c->ifname = o->ifname;
	c->ring = (struct ring_tx_opts){
		.ifindex = r->link.ifindex,
		.ring_bytes = o->ring_bytes,
		.version = o->tpacket_version,
		.qdisc_bypass = o->qdisc_bypass,
	};
	c->mtu = r->link.mtu;
	c->pace = o->pace;
	c->rate = o->rate;
	c->duration_ns = o->duration_ns;
	c->workers = o->cpus;
	c->stop = &signals_stop;
	if (o->rfile) {
		*ro = (struct replay_opts){
			.path = o->rfile,
			.filter = r->has_filter ? &r->filter : NULL,
			.mtu = r->link.mtu,
			.loops = o->loops,
			.limit = o->count,
			.skip_empty = true,
		};
		c->replay = ro;
	} else {
		c->tmpl = &r->tmpl;
		c->link = r->glink;
		c->count = o->count;
	}
}

/*
 * Holds a file that is looped (or given --preload) in memory, so passes after
 * the first read no file: the stream comes from one buffer every worker shares.
 * A file too big, or unreadable, is read each pass as before (-v says why).
 */
static struct replay_arena *preload(const struct inject_opts *o, const struct replay_opts *ro)
{
	uint64_t max = o->preload_set ? o->preload_bytes : REPLAY_PRELOAD_DEFAULT;
	struct replay_arena *a;
	char why[SAVEFILE_ERRLEN];

	if (!o->rfile || !max || (!o->preload_set && o->loops == 1))
		return NULL;
	if (replay_arena_load(&a, ro, max, why)) {
		log_debug(1, "%s: %s: read again each pass", o->rfile, why);
		return NULL;
	}
	log_debug(1, "%llu packets (%llu bytes) of %s held in memory for the passes",
		  (unsigned long long)a->n, (unsigned long long)a->bytes, o->rfile);
	return a;
}

static void sleep_ms(unsigned ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);	/* a signal ends it early: fine, the loop looks again */
}

int inject_run_live(struct inject_run *r)
{
	static struct inject_cfg cfg;	/* holds the CPU table: not on the stack */
	struct replay_opts ro;
	struct replay_arena *arena;
	struct inject_stats s, prev = { 0 };
	struct inject *ij;
	char err[INJECT_ERRLEN];
	uint64_t next_stats;
	int ret;

	fill_cfg(r, &cfg, &ro);
	ret = pick_cpus(cfg.cpus, cfg.workers);
	if (ret)
		return ret;
	/* Loaded before the clock starts: the recorded timing is not shifted by it. */
	arena = preload(r->o, &ro);
	ro.arena = arena;
	ret = inject_start(&ij, &cfg, err);
	/* Stopped while a worker waited for the -r pipe's first bytes: nothing was sent. */
	if (ret == -ECANCELED && signals_stop)
		return 0;
	if (ret) {
		replay_arena_free(arena);
		start_error(r->o->ifname, ret, err);
		return EXIT_RUNTIME;
	}
	r->row.tpacket_version = inject_ring_version(ij);
	prev.end_ns = pace_now();
	next_stats = r->o->stats_ns ? prev.end_ns + r->o->stats_ns : 0;
	while (!inject_done(ij)) {
		sleep_ms(20);
		if (!next_stats || pace_now() < next_stats)
			continue;
		inject_snapshot(ij, &s);
		row_from_stats(r, &s);
		r->row.rate_packets = s.sent - prev.sent;
		r->row.rate_bytes = s.bytes - prev.bytes;
		r->row.rate_ns = s.end_ns - prev.end_ns;
		inject_run_emit_stats(r, false);
		prev = s;
		next_stats += r->o->stats_ns;
	}
	ret = inject_join(ij, &s, err);
	replay_arena_free(arena);
	row_from_stats(r, &s);
	r->row.rate_packets = s.sent;
	r->row.rate_bytes = s.bytes;
	r->row.rate_ns = r->row.elapsed_ns;
	inject_run_emit_stats(r, true);
	if (ret) {
		log_error("%s", err);
		ret = EXIT_RUNTIME;
	}
	return inject_run_report(r, ret);
}
