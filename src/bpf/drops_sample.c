/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops_sample.c: drop counts between two readings, folded and sorted for the summary. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/drops_sample.h"

/* Key order: every field but stack_id first, so the stacks of one row sit together. */
static int key_cmp(const struct drops_key *a, const struct drops_key *b, bool with_stack)
{
#define CMP(f)                                      \
	do {                                        \
		if (a->f != b->f)                   \
			return a->f < b->f ? -1 : 1; \
	} while (0)
	CMP(reason);
	CMP(location);
	CMP(netns_ino);
	CMP(ifindex);
	CMP(ethertype);
	CMP(ip_proto);
	if (with_stack)
		CMP(stack_id);
#undef CMP
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	return key_cmp(&((const struct drops_entry *)a)->key, &((const struct drops_entry *)b)->key,
		       true);
}

void drops_sample_sort(struct drops_sample *s)
{
	if (s->n)
		qsort(s->entries, s->n, sizeof(*s->entries), entry_cmp);
}

const struct drops_entry *drops_sample_find(const struct drops_sample *s,
					    const struct drops_key *k)
{
	struct drops_entry key = { .key = *k };

	if (!s || !s->n)
		return NULL;
	return bsearch(&key, s->entries, s->n, sizeof(*s->entries), entry_cmp);
}

void drops_sample_free(struct drops_sample *s)
{
	free(s->entries);
	s->entries = NULL;
	s->n = 0;
}

/* The growth of e since prev; a key the kernel recreated (count went down) counts anew. */
static uint64_t growth(const struct drops_sample *prev, const struct drops_entry *e)
{
	const struct drops_entry *p = drops_sample_find(prev, &e->key);

	return p && p->count <= e->count ? e->count - p->count : e->count;
}

static int by_count(const void *a, const void *b)
{
	const struct drops_entry *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return key_cmp(&x->key, &y->key, false);
}

int drops_sample_diff(const struct drops_sample *prev, const struct drops_sample *cur,
		      struct drops_entry **rows)
{
	struct drops_entry *out = NULL;
	size_t n = 0;

	*rows = NULL;
	if (!cur->n)
		return 0;
	out = malloc(cur->n * sizeof(*out));
	if (!out)
		return -ENOMEM;
	/* cur is sorted with stack_id last: the keys of one row are adjacent. */
	for (size_t i = 0; i < cur->n; i++) {
		const struct drops_entry *e = &cur->entries[i];
		uint64_t d = growth(prev, e);

		if (n && !key_cmp(&out[n - 1].key, &e->key, false)) {
			out[n - 1].count += d;
			if (!out[n - 1].ifname[0])
				memcpy(out[n - 1].ifname, e->ifname, sizeof(e->ifname));
			continue;
		}
		out[n] = *e;
		out[n].key.stack_id = -1;
		out[n].count = d;
		n++;
	}
	/* Drop the rows that did not grow (kept until now so folding saw every key). */
	size_t kept = 0;

	for (size_t i = 0; i < n; i++)
		if (out[i].count)
			out[kept++] = out[i];
	qsort(out, kept, sizeof(*out), by_count);
	*rows = out;
	return (int)kept;
}

int32_t drops_sample_top_stack(const struct drops_sample *prev, const struct drops_sample *cur,
			       const struct drops_entry *row)
{
	uint64_t best = 0;
	int32_t id = -1;

	for (size_t i = 0; i < cur->n; i++) {
		const struct drops_entry *e = &cur->entries[i];
		uint64_t d;

		if (e->key.stack_id < 0 || key_cmp(&e->key, &row->key, false))
			continue;
		d = growth(prev, e);
		if (d > best) {
			best = d;
			id = e->key.stack_id;
		}
	}
	return id;
}
