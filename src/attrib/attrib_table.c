/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_table.c: the tuple -> owner hash: chained in one array, ordered by use, bounded. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib_table.h"

#define NONE (-1)
/*
 * A bit per hash value present, a filter before the buckets: a packet of no
 * known socket (forwarded traffic, a flood) reads 4 KiB that stay in L1,
 * not a bucket array of 512 KiB that does not.  Bits are never cleared: a
 * stale one costs a bucket read, never a wrong answer.
 */
#define SEEN_BITS (1u << 15)

struct attrib_table {
	struct attrib_entry *e;
	int32_t *heads;
	uint8_t *seen;		/* SEEN_BITS bits */
	uint32_t mask;		/* buckets - 1: twice the capacity, a power of two */
	size_t capacity, used;
	int32_t free_list;	/* through next */
	int32_t newest, oldest;
	uint64_t inserted, replaced, evicted;
};

struct attrib_table *attrib_table_new(size_t capacity)
{
	struct attrib_table *t = calloc(1, sizeof(*t));
	size_t buckets = 16;

	if (capacity < 16)
		capacity = 16;
	if (capacity > INT32_MAX / 4) {
		free(t);
		errno = EINVAL;
		return NULL;
	}
	while (buckets < capacity * 2)
		buckets *= 2;
	if (!t)
		return NULL;
	t->e = calloc(capacity, sizeof(*t->e));
	t->heads = malloc(buckets * sizeof(*t->heads));
	t->seen = calloc(SEEN_BITS / 8, 1);
	if (!t->e || !t->heads || !t->seen) {
		attrib_table_free(t);
		errno = ENOMEM;
		return NULL;
	}
	for (size_t i = 0; i < buckets; i++)
		t->heads[i] = NONE;
	t->mask = (uint32_t)(buckets - 1);
	t->capacity = capacity;
	t->free_list = NONE;
	t->newest = t->oldest = NONE;
	return t;
}

void attrib_table_free(struct attrib_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; t->e && i < t->used; i++)
		free(t->e[i].proc.comment);
	free(t->e);
	free(t->heads);
	free(t->seen);
	free(t);
}

#define TUPLE_OFF offsetof(struct attrib_key, family)
#define TUPLE_LEN (sizeof(struct attrib_key) - TUPLE_OFF)
_Static_assert(TUPLE_LEN == 40, "the tuple is five 64-bit words");

/*
 * The tuple's five words, each multiplied by its own odd constant and summed:
 * the multiplies are independent, so they overlap (every packet looks up twice
 * or more; a byte loop, or a chain of dependent multiplies, cost as much as the
 * rest of -w).  The namespace is left out so one chain holds a flow's every
 * namespace.
 */
static uint32_t hash_tuple(const struct attrib_key *k)
{
	static const uint64_t mul[5] = {
		0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full, 0x165667b19e3779f9ull,
		0xd6e8feb86659fd93ull, 0xff51afd7ed558ccdull,
	};
	const uint8_t *p = (const uint8_t *)k + TUPLE_OFF;
	uint64_t w[5], h;

	memcpy(w, p, sizeof(w));
	h = w[0] * mul[0] + w[1] * mul[1] + w[2] * mul[2] + w[3] * mul[3] + w[4] * mul[4];
	return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

static bool same_tuple(const struct attrib_key *a, const struct attrib_key *b)
{
	return !memcmp((const uint8_t *)a + TUPLE_OFF, (const uint8_t *)b + TUPLE_OFF, TUPLE_LEN);
}

static void unlink_use(struct attrib_table *t, int32_t i)
{
	struct attrib_entry *e = &t->e[i];

	if (e->older != NONE)
		t->e[e->older].newer = e->newer;
	else
		t->oldest = e->newer;
	if (e->newer != NONE)
		t->e[e->newer].older = e->older;
	else
		t->newest = e->older;
}

static void link_newest(struct attrib_table *t, int32_t i)
{
	struct attrib_entry *e = &t->e[i];

	e->older = t->newest;
	e->newer = NONE;
	if (t->newest != NONE)
		t->e[t->newest].newer = i;
	t->newest = i;
	if (t->oldest == NONE)
		t->oldest = i;
}

static void touch(struct attrib_table *t, int32_t i)
{
	if (t->newest == i)
		return;
	unlink_use(t, i);
	link_newest(t, i);
}

/* Takes entry i out of its chain and the use order; it goes to the free list. */
static void remove_entry(struct attrib_table *t, int32_t i)
{
	int32_t *pp = &t->heads[hash_tuple(&t->e[i].key) & t->mask];

	while (*pp != i)
		pp = &t->e[*pp].next;
	*pp = t->e[i].next;
	unlink_use(t, i);
	free(t->e[i].proc.comment);
	t->e[i].proc.comment = NULL;
	t->e[i].next = t->free_list;
	t->free_list = i;
}

struct attrib_entry *attrib_table_put(struct attrib_table *t, const struct attrib_key *key,
				      uint64_t *evicted_sk)
{
	uint32_t b = hash_tuple(key) & t->mask;
	struct attrib_entry *e;
	int32_t i;

	if (evicted_sk)
		*evicted_sk = 0;
	for (i = t->heads[b]; i != NONE; i = t->e[i].next)
		if (t->e[i].key.netns == key->netns && same_tuple(&t->e[i].key, key)) {
			touch(t, i);
			return &t->e[i];
		}
	if (t->free_list == NONE && t->used == t->capacity) {
		if (evicted_sk)
			*evicted_sk = t->e[t->oldest].sk;
		remove_entry(t, t->oldest);
		t->evicted++;
	}
	if (t->free_list != NONE) {
		i = t->free_list;
		t->free_list = t->e[i].next;
	} else {
		i = (int32_t)t->used++;
	}
	e = &t->e[i];
	memset(e, 0, sizeof(*e));
	e->key = *key;
	e->proc.selected = -1;
	e->next = t->heads[b];
	t->heads[b] = i;
	{
		uint32_t h = hash_tuple(key) % SEEN_BITS;

		t->seen[h / 8] |= (uint8_t)(1u << (h % 8));
	}
	link_newest(t, i);
	t->inserted++;
	return e;
}

struct attrib_entry *attrib_table_find(struct attrib_table *t, const struct attrib_key *key,
				       bool any_netns)
{
	uint32_t h = hash_tuple(key);
	int32_t any = NONE;

	if (!(t->seen[(h % SEEN_BITS) / 8] & (1u << (h % 8))))
		return NULL;
	for (int32_t i = t->heads[h & t->mask]; i != NONE; i = t->e[i].next) {
		if (!same_tuple(&t->e[i].key, key))
			continue;
		if (t->e[i].key.netns == key->netns) {
			touch(t, i);
			return &t->e[i];
		}
		if (any == NONE)
			any = i;
	}
	if (!any_netns || any == NONE)
		return NULL;
	touch(t, any);
	return &t->e[any];
}

void attrib_table_reset_proc(struct attrib_entry *e)
{
	free(e->proc.comment);
	e->proc.comment = NULL;
	e->proc.selected = -1;
}

void attrib_table_count_replaced(struct attrib_table *t)
{
	t->replaced++;
}

void attrib_table_stats(const struct attrib_table *t, struct attrib_table_stats *s)
{
	s->capacity = t->capacity;
	s->entries = t->used;
	for (int32_t i = t->free_list; i != NONE; i = t->e[i].next)
		s->entries--;
	s->inserted = t->inserted;
	s->replaced = t->replaced;
	s->evicted = t->evicted;
}

void attrib_table_each(struct attrib_table *t, void (*fn)(void *ctx, struct attrib_entry *e),
		       void *ctx)
{
	for (int32_t i = t->newest; i != NONE; i = t->e[i].older)
		fn(ctx, &t->e[i]);
}
