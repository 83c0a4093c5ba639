/* SPDX-License-Identifier: GPL-2.0-or-later */
/* workers.c: worker threads: fill TX ring frames in place, kick in batches, pace on one clock. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>

#include "capture/savefile.h"
#include "cmd/inject/replay_arena.h"
#include "cmd/inject/workers.h"

#define ETH_HLEN 14
#define VLAN_HLEN 4
/* Waits for ring space and sleeps are cut in slices this long, to see a stop soon. */
#define SLICE_MS 100
/* A device that takes no frame for this long has failed. */
#define STALL_NS (5ull * 1000000000ull)
/* How long the frames still queued at the end get to go out. */
#define DRAIN_MS 2000

struct worker {
	struct inject *ij;
	unsigned id;
	pthread_t th;
	bool started;
	struct ring_tx *ring;
	struct gen *gen;
	struct replay *rp;
	struct pace pace;
	uint64_t n;		/* template: the next packet number (global) */
	uint64_t skip_mtu;	/* template packets over the MTU */
	uint64_t truncated;	/* replayed frames that went out shorter than recorded */
	uint64_t abandoned;	/* frames left queued when the device failed */
	struct inject_stats pub;	/* published with relaxed atomic stores */
	int err;
	char msg[INJECT_ERRLEN];
};

struct inject {
	struct inject_cfg cfg;
	struct worker *w;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	unsigned nready;	/* workers set up (or failed to), under lock */
	bool go;		/* the clock started, under lock */
	bool abort;		/* a worker failed to start: the others leave at once */
	uint64_t t0;
	unsigned ndone;
};

/* One packet about to go. */
struct next {
	bool ready;
	const uint8_t *data;	/* replay */
	uint32_t len;
	uint32_t wirelen;	/* replay: as recorded */
	uint64_t rec_ns;
	uint64_t due;
};

static void store(uint64_t *p, uint64_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELAXED);
}

static uint64_t load(const uint64_t *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static bool stopped(const struct worker *w)
{
	return __atomic_load_n(w->ij->cfg.stop, __ATOMIC_RELAXED);
}

static int fail(struct worker *w, int err, const char *what)
{
	w->err = err;
	snprintf(w->msg, sizeof(w->msg), "%s: %s: %s", w->ij->cfg.ifname, what, strerror(-err));
	return err;
}

static void publish(struct worker *w)
{
	struct ring_tx_stats rs;

	ring_tx_stats(w->ring, &rs);
	store(&w->pub.sent, rs.sent);
	store(&w->pub.bytes, rs.bytes);
	store(&w->pub.failed, rs.wrong_format + w->abandoned);
	store(&w->pub.backoffs, rs.backoffs);
	store(&w->pub.skip_mtu, w->skip_mtu);
	store(&w->pub.truncated, w->truncated);
	/* Every worker reads the whole file (or has the arena's counts of it): the first
	 * one counts for all. */
	if (w->rp && w->id == 0) {
		struct replay_counts c;

		replay_counts(w->rp, &c);
		store(&w->pub.skip_mtu, c.skip_mtu);
		store(&w->pub.skip_linktype, c.skip_linktype);
		store(&w->pub.skip_empty, c.skip_empty);
		store(&w->pub.filtered, c.filtered);
		store(&w->pub.read, c.read);
	}
}

/* The next packet of this worker: 1, 0 at the end, or -errno. */
static int next_packet(struct worker *w, struct next *nx)
{
	const struct inject_cfg *c = &w->ij->cfg;
	struct replay_pkt p;
	int ret;

	if (w->gen) {
		if (c->count && w->n >= c->count)
			return 0;
	} else {
		ret = replay_next(w->rp, &p);
		/* A stop ended the wait for a slow pipe: the end, as for every stop. */
		if (ret == -ECANCELED)
			return 0;
		if (ret <= 0) {
			if (ret < 0) {
				w->err = ret;
				snprintf(w->msg, sizeof(w->msg), "%s: %s", c->replay->path,
					 replay_error(w->rp));
			}
			return ret;
		}
		nx->data = p.data;
		nx->len = p.len;
		nx->wirelen = p.wirelen;
		nx->rec_ns = p.rec_ns;
	}
	nx->due = pace_due(&w->pace, nx->rec_ns);
	nx->ready = true;
	return 1;
}

/* Writes the packet into the frame; its length, or 0 when it is skipped. */
static uint32_t write_packet(struct worker *w, struct next *nx, uint8_t *frame, uint32_t prev)
{
	const struct inject_cfg *c = &w->ij->cfg;
	uint32_t len, limit;

	if (!w->gen) {
		memcpy(frame, nx->data, nx->len);
		/* Cut by the file and still a frame (a runt is refused: failed, not cut). */
		w->truncated += nx->len < nx->wirelen && nx->len >= ETH_HLEN;
		return nx->len;
	}
	len = gen_build(w->gen, w->n, frame, prev);
	w->n += c->workers;
	limit = c->mtu + ETH_HLEN + (c->link.vlan >= 0 ? VLAN_HLEN : 0);
	if (c->mtu && len > limit) {
		w->skip_mtu++;
		return 0;
	}
	return len;
}

/* Waits for a free frame; a device that takes nothing for STALL_NS has failed. */
static int wait_room(struct worker *w, uint64_t *progress_at, uint64_t *progress_sent)
{
	const struct inject_cfg *c = &w->ij->cfg;
	struct ring_tx_stats rs;
	int err = ring_tx_wait(w->ring, SLICE_MS);
	uint64_t now = pace_now();

	ring_tx_stats(w->ring, &rs);
	if (rs.sent != *progress_sent) {
		*progress_sent = rs.sent;
		*progress_at = now;
	}
	if (err == -ETIMEDOUT && now - *progress_at > STALL_NS) {
		w->err = -ETIMEDOUT;
		snprintf(w->msg, sizeof(w->msg), "%s: the device took no packet for %llu s",
			 c->ifname, STALL_NS / 1000000000ull);
		return w->err;
	}
	if (err && err != -ETIMEDOUT)
		return fail(w, err, "send");
	return 0;
}

static int run(struct worker *w)
{
	const struct inject_cfg *c = &w->ij->cfg;
	uint32_t typical = w->gen ? gen_max_len(w->gen) : 64;
	unsigned frames = ring_tx_frame_nr(w->ring), batch = pace_batch(&w->pace, typical);
	bool paced = c->pace != PACE_TOPSPEED, eof = false;
	uint64_t end = c->duration_ns ? w->ij->t0 + c->duration_ns : 0;
	uint64_t progress_at = pace_now(), progress_sent = 0;
	struct next nx = { .ready = false };
	int ret = 0, got;

	if (batch > frames / 2)
		batch = frames / 2;
	while (!eof && !stopped(w)) {
		uint64_t now = paced || end ? pace_now() : 0;
		bool full = false;
		unsigned k = 0;
		uint8_t *frame;
		uint32_t prev, len;

		if (end && now >= end)
			break;
		while (k < batch) {
			if (!nx.ready && (got = next_packet(w, &nx)) <= 0) {
				ret = got;
				eof = true;
				break;
			}
			if (paced && nx.due > now)
				break;
			frame = ring_tx_frame(w->ring, &prev);
			if (!frame) {
				full = true;
				break;
			}
			len = write_packet(w, &nx, frame, prev);
			nx.ready = false;
			if (!len)
				continue;
			ring_tx_commit(w->ring, len);
			pace_sent(&w->pace, len);
			k++;
		}
		if (ret < 0)
			break;
		if (k) {
			ret = ring_tx_kick(w->ring);
			if (ret) {
				fail(w, ret, "send");
				break;
			}
			publish(w);
		}
		if (full || ring_tx_pending(w->ring) == frames)
			ret = wait_room(w, &progress_at, &progress_sent);
		else if (nx.ready && paced && nx.due > now)
			pace_wait(&w->pace, pace_wake(&w->pace, nx.due, batch, typical),
				  SLICE_MS * 1000000ull);
		if (ret)
			break;
	}
	if (ring_tx_drain(w->ring, DRAIN_MS) && !ret)
		fail(w, -ETIMEDOUT, "sending the last frames");
	w->abandoned += ring_tx_pending(w->ring);
	publish(w);
	return ret ? ret : w->err;
}

static int setup(struct worker *w)
{
	const struct inject_cfg *c = &w->ij->cfg;
	struct ring_tx_opts ro = c->ring;
	cpu_set_t set;
	char err[SAVEFILE_ERRLEN];
	int ret;

	CPU_ZERO(&set);
	CPU_SET(c->cpus[w->id], &set);
	ret = -pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	if (ret)
		return fail(w, ret, "pinning to a CPU");
	/* The default 50 us of timer slack would show in every paced sleep. */
	prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
	if (c->replay) {
		struct replay_opts rpo = *c->replay;

		rpo.workers = c->workers;
		rpo.worker = w->id;
		ret = replay_open(&w->rp, &rpo, err);
		if (ret) {
			w->err = ret;
			snprintf(w->msg, sizeof(w->msg), "%s: %s", rpo.path, err);
			return ret;
		}
		/* Frames as small as the longest packet held: small packets pack many to
		 * a page, as a template's do, and a kick sends more of them. */
		ro.max_len = rpo.arena && rpo.arena->max_len ? rpo.arena->max_len :
			     c->mtu + ETH_HLEN + VLAN_HLEN;
	} else {
		ret = gen_new(&w->gen, c->tmpl, &c->link, (uint64_t)time(NULL) + w->id);
		if (ret)
			return fail(w, ret, "template");
		ro.max_len = gen_max_len(w->gen);
		w->n = w->id;
	}
	ret = ring_tx_open(&w->ring, &ro);
	if (ret)
		return fail(w, ret, "TX ring");
	return 0;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct inject *ij = w->ij;
	int ret = setup(w);
	bool abort;

	pthread_mutex_lock(&ij->lock);
	ij->nready++;
	pthread_cond_broadcast(&ij->cond);
	while (!ij->go)
		pthread_cond_wait(&ij->cond, &ij->lock);
	abort = ij->abort;
	pthread_mutex_unlock(&ij->lock);
	if (!ret && !abort) {
		pace_init(&w->pace, ij->cfg.pace, ij->cfg.rate, ij->cfg.workers, w->id, ij->t0);
		pace_wait(&w->pace, ij->t0, ij->t0);
		run(w);
	}
	store(&w->pub.end_ns, pace_now());
	__atomic_add_fetch(&ij->ndone, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void free_all(struct inject *ij)
{
	for (unsigned i = 0; i < ij->cfg.workers; i++) {
		ring_tx_close(ij->w[i].ring);
		gen_free(ij->w[i].gen);
		replay_close(ij->w[i].rp);
	}
	pthread_mutex_destroy(&ij->lock);
	pthread_cond_destroy(&ij->cond);
	free(ij->w);
	free(ij);
}

static int first_error(struct inject *ij, char *err)
{
	for (unsigned i = 0; i < ij->cfg.workers; i++)
		if (ij->w[i].err) {
			snprintf(err, INJECT_ERRLEN, "%s", ij->w[i].msg);
			return ij->w[i].err;
		}
	return 0;
}

int inject_start(struct inject **out, const struct inject_cfg *cfg, char *err)
{
	struct inject *ij = calloc(1, sizeof(*ij));
	sigset_t all, old;
	unsigned n = cfg->workers, started = 0;
	int ret = 0;

	*out = NULL;
	if (!ij)
		return -ENOMEM;
	ij->cfg = *cfg;
	ij->w = calloc(n, sizeof(*ij->w));
	if (!ij->w) {
		free(ij);
		return -ENOMEM;
	}
	pthread_mutex_init(&ij->lock, NULL);
	pthread_cond_init(&ij->cond, NULL);
	/* Signals stay with the main thread: workers see the stop flag instead. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (unsigned i = 0; i < n; i++) {
		ij->w[i].ij = ij;
		ij->w[i].id = i;
		ret = -pthread_create(&ij->w[i].th, NULL, worker_main, &ij->w[i]);
		if (ret)
			break;
		ij->w[i].started = true;
		started++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (ret)
		snprintf(err, INJECT_ERRLEN, "cannot start a worker thread: %s", strerror(-ret));
	pthread_mutex_lock(&ij->lock);
	while (ij->nready < started)
		pthread_cond_wait(&ij->cond, &ij->lock);
	if (!ret)
		ret = first_error(ij, err);
	ij->abort = ret != 0;
	/* A moment for every thread to wake before the clock starts. */
	ij->t0 = pace_now() + 1000000;
	ij->go = true;
	pthread_cond_broadcast(&ij->cond);
	pthread_mutex_unlock(&ij->lock);
	if (ret) {
		for (unsigned i = 0; i < n; i++)
			if (ij->w[i].started)
				pthread_join(ij->w[i].th, NULL);
		free_all(ij);
		return ret;
	}
	*out = ij;
	return 0;
}

bool inject_done(struct inject *ij)
{
	return __atomic_load_n(&ij->ndone, __ATOMIC_ACQUIRE) == ij->cfg.workers;
}

int inject_ring_version(struct inject *ij)
{
	return ring_tx_version(ij->w[0].ring);
}

void inject_snapshot(struct inject *ij, struct inject_stats *s)
{
	memset(s, 0, sizeof(*s));
	for (unsigned i = 0; i < ij->cfg.workers; i++) {
		const struct inject_stats *p = &ij->w[i].pub;

		s->sent += load(&p->sent);
		s->bytes += load(&p->bytes);
		s->failed += load(&p->failed);
		s->skip_mtu += load(&p->skip_mtu);
		s->skip_linktype += load(&p->skip_linktype);
		s->skip_empty += load(&p->skip_empty);
		s->filtered += load(&p->filtered);
		s->truncated += load(&p->truncated);
		s->read += load(&p->read);
		s->backoffs += load(&p->backoffs);
		if (load(&p->end_ns) > s->end_ns)
			s->end_ns = load(&p->end_ns);
	}
	s->start_ns = ij->t0;
	if (!inject_done(ij))
		s->end_ns = pace_now();
}

int inject_join(struct inject *ij, struct inject_stats *s, char *err)
{
	int ret;

	for (unsigned i = 0; i < ij->cfg.workers; i++)
		pthread_join(ij->w[i].th, NULL);
	inject_snapshot(ij, s);
	ret = first_error(ij, err);
	free_all(ij);
	return ret;
}
