/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * socktrack.c: loads socktrack.bpf.c, seeds it per namespace and recounts the noted full
 * sockets (the exporter); or notes and reads again top's candidates.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpf/loader.h"
#include "bpf/socktrack.h"
#include "src/bpf/socktrack.skel.h"

struct socktrack {
	struct socktrack_bpf *skel;
	struct bpf_link *ready;			/* the tracepoint */
	struct bpf_link *seed_tcp, *seed_udp;	/* the iterators */
	unsigned long long lost;		/* skel's lost at the last recount */
	struct bpf_link *sent;			/* top's send side, or NULL */
	struct socktrack_queued *vals;		/* top's candidates as read by a refresh */
	unsigned long long *keys;
};

/* Whether this kernel has the tracepoint (tp_btf resolves its target at load). */
static bool has_tracepoint(const char *name)
{
	return libbpf_find_vmlinux_btf_id(name, BPF_TRACE_RAW_TP) > 0;
}

/* The programs for one use: the exporter's (queued_netns 0) or top's. */
static struct socktrack *open_for(bool top, uint32_t netns)
{
	const char *env = getenv("SOCKEYE_SOCKITER");
	struct bpf_program *seeds[2];
	struct socktrack *t;
	bool sends = top && has_tracepoint("sock_send_length");
	int err;

	if (env && !strcmp(env, "off")) {
		errno = ECANCELED;
		return NULL;
	}
	loader_init();
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->skel = socktrack_bpf__open();
	if (!t->skel)
		goto fail;
	seeds[0] = t->skel->progs.socktrack_seed_tcp;
	seeds[1] = t->skel->progs.socktrack_seed_udp;
	t->skel->rodata->track_full = !top;
	t->skel->rodata->track_queued = top;
	t->skel->bss->queued_netns = netns;
	bpf_program__set_autoload(t->skel->progs.socktrack_sent, sends);
	bpf_program__set_autoload(t->skel->progs.socktrack_recount, !top);
	bpf_program__set_autoload(t->skel->progs.socktrack_requeue, top);
	for (unsigned i = 0; i < 2; i++)
		bpf_program__set_autoload(seeds[i], !top);
	if (socktrack_bpf__load(t->skel))
		goto fail;
	t->ready = bpf_program__attach(t->skel->progs.socktrack_ready);
	if (!t->ready)
		goto fail;
	if (sends) {
		t->sent = bpf_program__attach(t->skel->progs.socktrack_sent);
		if (!t->sent)
			goto fail;
	}
	if (top)
		return t;
	t->seed_tcp = bpf_program__attach_iter(seeds[0], NULL);
	if (!t->seed_tcp)
		goto fail;
	t->seed_udp = bpf_program__attach_iter(seeds[1], NULL);
	if (!t->seed_udp)
		goto fail;
	return t;
fail:
	err = errno;
	socktrack_close(t);
	errno = err ? err : EINVAL;
	return NULL;
}

struct socktrack *socktrack_open(void)
{
	return open_for(false, 0);
}

struct socktrack *socktrack_open_queued(uint32_t netns)
{
	return open_for(true, netns);
}

void socktrack_close(struct socktrack *t)
{
	if (!t)
		return;
	bpf_link__destroy(t->seed_udp);
	bpf_link__destroy(t->seed_tcp);
	bpf_link__destroy(t->sent);
	bpf_link__destroy(t->ready);
	socktrack_bpf__destroy(t->skel);
	free(t->vals);
	free(t->keys);
	free(t);
}

/*
 * An iterator walked to its end in the current namespace; the programs write
 * nothing, they note.  A read that visits a million objects without output
 * ends with EAGAIN and the next one goes on from there.
 */
static int drain(struct bpf_link *link)
{
	int fd = bpf_iter_create(bpf_link__fd(link)), err = 0;
	char buf[64];
	ssize_t n;

	if (fd < 0)
		return fd;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno != EINTR && errno != EAGAIN) {
			err = -errno;
			break;
		}
	}
	close(fd);
	return err;
}

int socktrack_seed_here(struct socktrack *t)
{
	int err = drain(t->seed_tcp);

	return err ? err : drain(t->seed_udp);
}

int socktrack_recount(struct socktrack *t)
{
	LIBBPF_OPTS(bpf_test_run_opts, run);
	unsigned long long lost;

	t->skel->bss->recount++;
	if (bpf_prog_test_run_opts(bpf_program__fd(t->skel->progs.socktrack_recount), &run))
		return -errno;
	lost = __atomic_load_n(&t->skel->bss->lost, __ATOMIC_RELAXED);
	if (lost == t->lost)
		return 0;
	t->lost = lost;
	return 1;
}

int socktrack_ns_counts(struct socktrack *t, uint32_t netns, struct socktrack_ns *out)
{
	if (bpf_map_lookup_elem(bpf_map__fd(t->skel->maps.counts), &netns, out)) {
		if (errno != ENOENT)
			return -errno;
		memset(out, 0, sizeof(*out));
	}
	if (out->recount != t->skel->bss->recount)
		memset(out, 0, sizeof(*out));
	return 0;
}

bool socktrack_sees_sends(const struct socktrack *t)
{
	return t->sent != NULL;
}

void socktrack_set_min(struct socktrack *t, uint32_t bytes)
{
	__atomic_store_n(&t->skel->bss->queued_min, bytes, __ATOMIC_RELAXED);
}

int socktrack_add(struct socktrack *t, const struct sockiter_rec *r)
{
	struct socktrack_queued q = { .sk = r->sk, .protocol = r->protocol, .rec = *r };

	if (!bpf_map_update_elem(bpf_map__fd(t->skel->maps.queued), &r->cookie, &q, BPF_NOEXIST) ||
	    errno == EEXIST)
		return 0;
	return -errno;
}

/* Candidates read per batch: the map's buckets hold a few each, far fewer than this. */
#define REQUEUE_BATCH 512

int socktrack_requeue(struct socktrack *t, int (*cb)(const struct sockiter_rec *r, void *arg),
		      void *arg)
{
	LIBBPF_OPTS(bpf_test_run_opts, run);
	int fd = bpf_map__fd(t->skel->maps.queued);
	uint32_t batch = 0;
	bool first = true;

	if (bpf_prog_test_run_opts(bpf_program__fd(t->skel->progs.socktrack_requeue), &run))
		return -errno;
	if (!t->vals) {
		t->vals = calloc(REQUEUE_BATCH, sizeof(*t->vals));
		t->keys = calloc(REQUEUE_BATCH, sizeof(*t->keys));
		if (!t->vals || !t->keys)
			return -ENOMEM;
	}
	for (;;) {
		uint32_t n = REQUEUE_BATCH;
		int err = bpf_map_lookup_batch(fd, first ? NULL : &batch, &batch, t->keys, t->vals,
					       &n, NULL);

		/* ENOENT: the last batch (n may still hold some). */
		if (err && errno != ENOENT)
			return -errno;
		for (uint32_t i = 0; i < n; i++) {
			int e = cb(&t->vals[i].rec, arg);

			if (e)
				return e;
		}
		if (err)
			return 0;
		first = false;
	}
}

unsigned long long socktrack_queued_lost(const struct socktrack *t)
{
	return __atomic_load_n(&t->skel->bss->queued_lost, __ATOMIC_RELAXED);
}
