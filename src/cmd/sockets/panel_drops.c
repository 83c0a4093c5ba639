/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel_drops.c: each socket's drop counter from one dump to the next, for top's drops by process. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "cmd/sockets/panel_drops.h"

struct sock_count {
	uint64_t cookie, inode;
	uint32_t drops;
};

struct count_set {
	struct sock_count *v;
	size_t n, cap;
};

struct sock_drops {
	struct count_set sets[2];	/* the dump before and this one */
	unsigned cur;
	bool has_before;		/* a dump ended before this one */
	struct sock_count *grown;	/* inode and delta of the sockets that dropped */
	size_t ngrown, grown_cap;
};

struct sock_drops *sock_drops_new(void)
{
	return calloc(1, sizeof(struct sock_drops));
}

void sock_drops_free(struct sock_drops *d)
{
	if (!d)
		return;
	free(d->sets[0].v);
	free(d->sets[1].v);
	free(d->grown);
	free(d);
}

void sock_drops_begin(struct sock_drops *d)
{
	d->cur = !d->cur;
	d->sets[d->cur].n = 0;
}

static int push(struct sock_count **v, size_t *n, size_t *cap, const struct sock_count *c)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		struct sock_count *nv = reallocarray(*v, ncap, sizeof(*nv));

		if (!nv)
			return -ENOMEM;
		*v = nv;
		*cap = ncap;
	}
	(*v)[(*n)++] = *c;
	return 0;
}

int sock_drops_add(struct sock_drops *d, uint64_t cookie, uint64_t inode, uint32_t drops)
{
	struct count_set *s = &d->sets[d->cur];

	if (!drops)
		return 0;
	return push(&s->v, &s->n, &s->cap,
		    &(struct sock_count){ .cookie = cookie, .inode = inode, .drops = drops });
}

static int by_cookie(const void *a, const void *b)
{
	uint64_t x = ((const struct sock_count *)a)->cookie, y = ((const struct sock_count *)b)->cookie;

	return (x > y) - (x < y);
}

void sock_drops_end(struct sock_drops *d)
{
	struct count_set *now = &d->sets[d->cur], *before = &d->sets[!d->cur];
	bool had = d->has_before;

	/* Sorted by cookie, the next dump finds each socket's counter by a binary search. */
	qsort(now->v, now->n, sizeof(*now->v), by_cookie);
	d->ngrown = 0;
	d->has_before = true;
	for (size_t i = 0; had && i < now->n; i++) {
		const struct sock_count *c = &now->v[i];
		const struct sock_count *p = before->n ? bsearch(c, before->v, before->n,
								  sizeof(*c), by_cookie) : NULL;
		uint32_t delta = p ? c->drops - p->drops : c->drops;

		/* A counter that went backwards is another socket's under a reused cookie. */
		if (p && c->drops < p->drops)
			delta = c->drops;
		if (delta && push(&d->grown, &d->ngrown, &d->grown_cap,
				  &(struct sock_count){ .inode = c->inode, .drops = delta }))
			break;	/* out of memory: the sockets found so far */
	}
}

bool sock_drops_grown(const struct sock_drops *d, size_t i, uint64_t *inode, uint64_t *delta)
{
	if (i >= d->ngrown)
		return false;
	*inode = d->grown[i].inode;
	*delta = d->grown[i].drops;
	return true;
}
