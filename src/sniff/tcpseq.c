/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpseq.c: a set-associative flow table: fixed cost per packet, growth up to a bound, then eviction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sniff/tcpseq.h"

#define WAYS 4

/* One connection under its canonical key: the lower endpoint first. */
struct flow {
	uint8_t a[16], b[16];	/* endpoint addresses, a <= b (with ports) */
	uint16_t pa, pb;
	uint8_t family;		/* 0: empty slot */
	uint32_t base_a;	/* the sequence base of what a sends */
	uint32_t base_b;
	uint32_t stamp;		/* last use, for eviction */
};

struct tcpseq {
	struct flow *slots;	/* nsets * WAYS */
	size_t nsets;		/* a power of two */
	size_t max_sets;
	size_t count;
	uint32_t clock;
};

struct tcpseq *tcpseq_new(size_t max_flows)
{
	struct tcpseq *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->max_sets = 64;
	while (t->max_sets * WAYS < max_flows)
		t->max_sets *= 2;
	/* Start small: most captures see few flows; memory grows only with them. */
	t->nsets = t->max_sets < 1024 ? t->max_sets : 1024;
	t->slots = calloc(t->nsets * WAYS, sizeof(*t->slots));
	if (!t->slots) {
		free(t);
		return NULL;
	}
	return t;
}

void tcpseq_free(struct tcpseq *t)
{
	if (!t)
		return;
	free(t->slots);
	free(t);
}

size_t tcpseq_count(const struct tcpseq *t)
{
	return t->count;
}

/* FNV-1a over the canonical key: direction-independent by construction. */
static uint64_t flow_hash(const struct flow *k)
{
	const uint8_t *parts[] = { k->a, k->b };
	size_t alen = k->family == 4 ? 4 : 16;
	uint64_t h = 1469598103934665603ull;

	for (int i = 0; i < 2; i++)
		for (size_t j = 0; j < alen; j++)
			h = (h ^ parts[i][j]) * 1099511628211ull;
	h = (h ^ k->pa) * 1099511628211ull;
	h = (h ^ k->pb) * 1099511628211ull;
	return h ^ (h >> 29);
}

static bool flow_same(const struct flow *x, const struct flow *k)
{
	size_t alen = k->family == 4 ? 4 : 16;

	return x->family == k->family && x->pa == k->pa && x->pb == k->pb &&
	       !memcmp(x->a, k->a, alen) && !memcmp(x->b, k->b, alen);
}

/* The set a key lives in. */
static struct flow *set_of(struct tcpseq *t, const struct flow *k)
{
	return &t->slots[(flow_hash(k) & (t->nsets - 1)) * WAYS];
}

/* The way to fill in a set: an empty one, else the least recently used. */
static struct flow *victim(struct flow *set)
{
	struct flow *v = &set[0];

	for (int i = 0; i < WAYS; i++) {
		if (!set[i].family)
			return &set[i];
		if ((int32_t)(set[i].stamp - v->stamp) < 0)
			v = &set[i];
	}
	return v;
}

/* Doubles the sets while under the bound, re-placing every flow. */
static void grow(struct tcpseq *t)
{
	struct tcpseq bigger = *t;

	bigger.nsets = t->nsets * 2;
	bigger.slots = calloc(bigger.nsets * WAYS, sizeof(*bigger.slots));
	if (!bigger.slots)
		return;	/* keep working at the current size: eviction still bounds it */
	bigger.count = 0;
	for (size_t i = 0; i < t->nsets * WAYS; i++) {
		struct flow *f = &t->slots[i];

		if (f->family) {
			struct flow *v = victim(set_of(&bigger, f));

			bigger.count += !v->family;
			*v = *f;
		}
	}
	free(t->slots);
	*t = bigger;
}

bool tcpseq_lookup(struct tcpseq *t, const struct tcpseq_pkt *p, uint32_t *seq_base,
		   uint32_t *ack_base)
{
	size_t alen = p->family == 4 ? 4 : 16;
	struct flow k = { .family = p->family }, *set, *f = NULL;
	bool from_a;
	int c;

	if (!p->ack_flag)
		return false;
	c = memcmp(p->src, p->dst, alen);
	from_a = c < 0 || (c == 0 && p->sport <= p->dport);
	memcpy(k.a, from_a ? p->src : p->dst, alen);
	memcpy(k.b, from_a ? p->dst : p->src, alen);
	k.pa = from_a ? p->sport : p->dport;
	k.pb = from_a ? p->dport : p->sport;
	set = set_of(t, &k);
	for (int i = 0; i < WAYS; i++)
		if (flow_same(&set[i], &k)) {
			f = &set[i];
			break;
		}
	t->clock++;
	if (f && !p->syn) {
		f->stamp = t->clock;
		*seq_base = from_a ? f->base_a : f->base_b;
		*ack_base = from_a ? f->base_b : f->base_a;
		return true;
	}
	if (!f) {
		if (t->count >= t->nsets * WAYS * 3 / 4 && t->nsets < t->max_sets) {
			grow(t);
			set = set_of(t, &k);
		}
		f = victim(set);
		t->count += !f->family;
		*f = k;
	}
	/* The peer's sequence base is what this packet acknowledges, less its SYN. */
	if (from_a) {
		f->base_a = p->seq;
		f->base_b = p->ack - 1;
	} else {
		f->base_b = p->seq;
		f->base_a = p->ack - 1;
	}
	f->stamp = t->clock;
	return false;
}
