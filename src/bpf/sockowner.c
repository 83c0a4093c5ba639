/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockowner.c: the socket owner collector: loads sockowner.bpf.c, hands out its events. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpf/sockowner.h"
#include "src/bpf/sockowner.skel.h"

struct sockowner {
	struct sockowner_bpf *skel;
	struct ring_buffer *rb;
	uint32_t ring_bytes;
	int ncpus;
	void (*fn)(void *ctx, const struct sockowner_event *ev);
	void *fn_ctx;
	/* The ring's consumer and producer pages, mapped again read-only (see sockowner_positions). */
	void *pos;
	size_t pos_len;
};

/* tp_btf only: the three tracepoints take typed arguments; raw_tp adds nothing here. */
static int try_method(void *ctx, enum loader_attach m, struct loader_attempt *a)
{
	struct sockowner *s = ctx;
	int err;

	a->method = m;
	snprintf(a->what, sizeof(a->what), "sock:sock_send_length");
	s->skel = sockowner_bpf__open();
	if (!s->skel) {
		a->stage = LOADER_STAGE_OPEN;
		a->err = -errno;
		return a->err;
	}
	bpf_map__set_max_entries(s->skel->maps.events, s->ring_bytes);
	err = sockowner_bpf__load(s->skel);
	if (err) {
		a->stage = LOADER_STAGE_LOAD;
		goto fail;
	}
	err = sockowner_bpf__attach(s->skel);
	if (err) {
		a->stage = LOADER_STAGE_ATTACH;
		goto fail;
	}
	return 0;
fail:
	a->err = err < 0 ? err : -EINVAL;
	sockowner_bpf__destroy(s->skel);
	s->skel = NULL;
	return a->err;
}

static int on_event(void *ctx, void *data, size_t size)
{
	struct sockowner *s = ctx;

	if (size >= sizeof(struct sockowner_event))
		s->fn(s->fn_ctx, data);
	return 0;
}

/*
 * The ring's first two pages, read-only: the consumer's position, then the
 * producer's.  libbpf 1.1 has no call that tells whether the ring holds
 * anything (ring__producer_pos came in 1.3), and its consume costs some 60
 * instructions when the ring is empty: a packet of no known socket paid that
 * each time.  Not mapped: sockowner_positions gives NULL, and callers consume.
 */
static void map_positions(struct sockowner *s)
{
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	if (page <= 0)
		return;
	p = mmap(NULL, 2 * (size_t)page, PROT_READ, MAP_SHARED,
		 bpf_map__fd(s->skel->maps.events), 0);
	if (p == MAP_FAILED)
		return;
	s->pos = p;
	s->pos_len = 2 * (size_t)page;
}

void sockowner_positions(const struct sockowner *s, const uint64_t **consumer,
			 const uint64_t **producer)
{
	*consumer = s->pos;
	*producer = s->pos ? (const uint64_t *)((const char *)s->pos + s->pos_len / 2) : NULL;
}

int sockowner_open(uint32_t ring_bytes, struct sockowner **out, struct loader_error *e)
{
	struct sockowner *s = calloc(1, sizeof(*s));
	void *probe;
	int err;

	e->n = 0;
	if (!s)
		return -ENOMEM;
	s->ring_bytes = ring_bytes;
	probe = loader_percpu_new(sizeof(uint64_t), &s->ncpus);
	free(probe);
	err = probe ? loader_run(LOADER_ATTACH_TP_BTF, try_method, s, e) : -errno;
	if (err < 0)
		goto out;
	err = 0;
	s->rb = ring_buffer__new(bpf_map__fd(s->skel->maps.events), on_event, s, NULL);
	if (!s->rb)
		err = -errno;
	else
		map_positions(s);
out:
	if (err) {
		sockowner_close(s);
		return err;
	}
	*out = s;
	return 0;
}

void sockowner_close(struct sockowner *s)
{
	if (!s)
		return;
	if (s->pos)
		munmap(s->pos, s->pos_len);
	ring_buffer__free(s->rb);
	sockowner_bpf__destroy(s->skel);
	free(s);
}

int sockowner_consume(struct sockowner *s, void (*fn)(void *ctx, const struct sockowner_event *ev),
		      void *ctx)
{
	s->fn = fn;
	s->fn_ctx = ctx;
	return ring_buffer__consume(s->rb);
}

void sockowner_forget(struct sockowner *s, uint64_t sk)
{
	__u64 key = sk;

	bpf_map_delete_elem(bpf_map__fd(s->skel->maps.seen), &key);
}

int sockowner_stats(struct sockowner *s, uint64_t *stats)
{
	int fd = bpf_map__fd(s->skel->maps.stats);
	uint64_t *v = calloc((size_t)s->ncpus, sizeof(*v));
	int err = 0;

	if (!v)
		return -ENOMEM;
	for (__u32 i = 0; i < SOCKOWNER_STAT_NR; i++) {
		stats[i] = 0;
		if (bpf_map_lookup_elem(fd, &i, v)) {
			err = -errno;
			break;
		}
		for (int c = 0; c < s->ncpus; c++)
			stats[i] += v[c];
	}
	free(v);
	return err;
}
