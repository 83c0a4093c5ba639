/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockkeep.c: the fullest N sockets of a dump in a min-heap of compact copies. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/sockkeep.h"

void sock_keep_init(struct sock_keep *k, size_t max)
{
	memset(k, 0, sizeof(*k));
	k->max = max;
}

void sock_keep_clear(struct sock_keep *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i]);
	k->n = 0;
	k->offered = 0;
}

void sock_keep_free(struct sock_keep *k)
{
	sock_keep_clear(k);
	free(k->v);
	k->v = NULL;
	k->cap = 0;
}

/* a is less full than b: it goes first; among equals, the later in the dump. */
static bool is_less(const struct sock_rec *a, uint64_t ao, const struct sock_rec *b, uint64_t bo)
{
	if (a->rqueue != b->rqueue)
		return a->rqueue < b->rqueue;
	if (a->wqueue != b->wqueue)
		return a->wqueue < b->wqueue;
	return ao > bo;
}

static bool kept_less(const struct sock_kept *a, const struct sock_kept *b)
{
	return is_less(&a->r, a->order, &b->r, b->order);
}

static void sift_down(struct sock_keep *k, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		struct sock_kept *t;

		if (l < k->n && kept_less(k->v[l], k->v[m]))
			m = l;
		if (r < k->n && kept_less(k->v[r], k->v[m]))
			m = r;
		if (m == i)
			return;
		t = k->v[i];
		k->v[i] = k->v[m];
		k->v[m] = t;
		i = m;
	}
}

static void sift_up(struct sock_keep *k, size_t i)
{
	while (i > 0 && kept_less(k->v[i], k->v[(i - 1) / 2])) {
		struct sock_kept *t = k->v[i];

		k->v[i] = k->v[(i - 1) / 2];
		k->v[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

/* Copies len bytes of src behind the record; the copy's address. */
static const void *put(struct sock_kept *s, size_t *off, const void *src, size_t len)
{
	void *dst = s->data + *off;

	if (!src)
		return NULL;
	memcpy(dst, src, len);
	/* 8-byte steps: tcp_info and the others are read as structs. */
	*off += (len + 7) & ~(size_t)7;
	return dst;
}

static struct sock_kept *copy(const struct sock_rec *r, uint64_t order, const char *netns,
			      const char *ifname)
{
	size_t cong_len = r->cong ? strlen(r->cong) + 1 : 0;
	size_t size = ((cong_len + 7) & ~(size_t)7) + ((r->info_len + 7) & ~(size_t)7) +
		      ((r->cc_info_len + 7) & ~(size_t)7) + ((r->skmem_len + 7) & ~(size_t)7) +
		      ((r->path_len + 7) & ~(size_t)7);
	struct sock_kept *s = malloc(sizeof(*s) + size);
	size_t off = 0;

	if (!s)
		return NULL;
	s->r = *r;
	s->order = order;
	snprintf(s->netns, sizeof(s->netns), "%s", netns ? netns : "");
	snprintf(s->ifname, sizeof(s->ifname), "%s", ifname ? ifname : "");
	s->r.cong = put(s, &off, r->cong, cong_len);
	s->r.info = put(s, &off, r->info, r->info_len);
	s->r.cc_info = put(s, &off, r->cc_info, r->cc_info_len);
	s->r.skmem = put(s, &off, r->skmem, r->skmem_len);
	s->r.path = put(s, &off, r->path, r->path_len);
	return s;
}

int sock_keep_offer(struct sock_keep *k, const struct sock_rec *r, const char *netns,
		    const char *ifname)
{
	uint64_t order = k->offered++;
	struct sock_kept *s;

	/* Full: only a socket fuller than the least full one gets in (most do not). */
	if (k->max && k->n == k->max) {
		if (!is_less(&k->v[0]->r, k->v[0]->order, r, order))
			return 0;
		s = copy(r, order, netns, ifname);
		if (!s)
			return -ENOMEM;
		free(k->v[0]);
		k->v[0] = s;
		sift_down(k, 0);
		return 0;
	}
	if (k->n == k->cap) {
		size_t ncap = k->cap ? k->cap * 2 : 64;
		struct sock_kept **v;

		if (k->max && ncap > k->max)
			ncap = k->max;
		v = reallocarray(k->v, ncap, sizeof(*v));
		if (!v)
			return -ENOMEM;
		k->v = v;
		k->cap = ncap;
	}
	s = copy(r, order, netns, ifname);
	if (!s)
		return -ENOMEM;
	k->v[k->n++] = s;
	sift_up(k, k->n - 1);
	return 0;
}

static int fuller_first(const void *a, const void *b)
{
	const struct sock_kept *x = *(struct sock_kept *const *)a;
	const struct sock_kept *y = *(struct sock_kept *const *)b;

	return kept_less(y, x) ? -1 : kept_less(x, y) ? 1 : 0;
}

void sock_keep_sort(struct sock_keep *k)
{
	qsort(k->v, k->n, sizeof(k->v[0]), fuller_first);
}
