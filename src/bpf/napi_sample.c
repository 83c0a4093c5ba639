/* SPDX-License-Identifier: GPL-2.0-or-later */
/* napi_sample.c: one reading of the NAPI maps: sorted entries, lookup, release. */
#include "config.h"

#include <stdlib.h>

#include "bpf/napi.h"

static int key_cmp(const void *a, const void *b)
{
	const struct napi_key *x = &((const struct napi_entry *)a)->key;
	const struct napi_key *y = &((const struct napi_entry *)b)->key;

#define CMP(f)                                      \
	do {                                        \
		if (x->f != y->f)                   \
			return x->f < y->f ? -1 : 1; \
	} while (0)
	CMP(netns_ino);
	CMP(ifindex);
	CMP(napi_id);
	CMP(cpu);
#undef CMP
	return 0;
}

void napi_sample_sort(struct napi_sample *s)
{
	if (s->n)
		qsort(s->entries, s->n, sizeof(*s->entries), key_cmp);
}

const struct napi_entry *napi_sample_find(const struct napi_sample *s, const struct napi_key *k)
{
	struct napi_entry key = { .key = *k };

	if (!s || !s->n)
		return NULL;
	return bsearch(&key, s->entries, s->n, sizeof(*s->entries), key_cmp);
}

void napi_sample_free(struct napi_sample *s)
{
	free(s->entries);
	free(s->cpus);
	s->entries = NULL;
	s->cpus = NULL;
	s->n = s->ncpus = 0;
}

bool napi_entry_is_backlog(const struct napi_entry *e)
{
	return e->val.flags & NAPI_F_BACKLOG;
}
