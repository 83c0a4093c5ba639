/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpseq.c: a set-associative flow table: fixed cost per packet, growth up to a bound, then eviction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "decode/tcpseq.h"

#define WAYS 4

/*
 * One connection, 16 bytes: four make a set that fills one 64-byte cache line,
 * so a lookup costs one memory access however big the table.  The connection
 * is known by a 64-bit hash of its canonical endpoints (the lower one first);
 * two connections would have to share all 64 bits to be confused, about one
 * chance in 10^7 with a million connections, and the cost would be wrong
 * relative numbers for one of them.
 */
struct flow {
	uint64_t key;		/* 0: an empty way */
	uint32_t base_a;	/* the sequence base of what the lower endpoint sends */
	uint32_t base_b;
};

struct tcpseq {
	struct flow *slots;	/* nsets * WAYS; in each set the most recently used first */
	size_t nsets;		/* a power of two */
	size_t max_sets;
	size_t count;
};

/* Transparent huge page size on x86-64 and arm64 (4 KiB base pages). */
#define HUGE_PAGE (2u << 20)

static struct flow *slots_new(size_t nsets)
{
	size_t bytes = nsets * WAYS * sizeof(struct flow);
	/*
	 * A big table is hit at random, one set per TCP packet: on 4 KiB pages
	 * that is a TLB miss on top of the cache miss (a fifth of the time of a
	 * file decode with 50,000 flows).  From 2 MiB on, the table (a power of
	 * two) is aligned to and asks for huge pages, where the kernel has them
	 * on request (transparent_hugepage=madvise, Debian's default).
	 */
	size_t align = bytes >= HUGE_PAGE ? HUGE_PAGE : 64;
	struct flow *s = aligned_alloc(align, bytes);

	if (!s)
		return NULL;
	if (align == HUGE_PAGE)
		(void)madvise(s, bytes, MADV_HUGEPAGE);	/* a hint: 4 KiB pages still work */
	memset(s, 0, bytes);
	return s;
}

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
	t->slots = slots_new(t->nsets);
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

static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9e3779b97f4a7c15ull;
	return h ^ (h >> 32);
}

/* The 64-bit key of a connection from its canonical endpoints; never 0. */
static uint64_t flow_key(int family, const uint8_t *a, const uint8_t *b, uint16_t pa, uint16_t pb)
{
	uint64_t h = (uint64_t)family << 32 | (uint32_t)pa << 16 | pb, w[2];

	if (family == 4) {
		uint32_t x, y;

		memcpy(&x, a, 4);
		memcpy(&y, b, 4);
		h = mix(h, (uint64_t)x << 32 | y);
	} else {
		memcpy(w, a, 16);
		h = mix(mix(h, w[0]), w[1]);
		memcpy(w, b, 16);
		h = mix(mix(h, w[0]), w[1]);
	}
	h = mix(h, 0x2545f4914f6cdd1dull);
	return h ? h : 1;
}

static struct flow *set_of(const struct tcpseq *t, uint64_t key)
{
	/* The high bits: the low ones went into the last multiply the least. */
	return &t->slots[((key >> 20) & (t->nsets - 1)) * WAYS];
}

/* Puts f first in its set, the ways before it moving down one: least recently used last. */
static void to_front(struct flow *set, struct flow *f, struct flow v)
{
	memmove(set + 1, set, (size_t)(f - set) * sizeof(*set));
	set[0] = v;
}

/* Doubles the sets while under the bound, re-placing every flow by its key. */
static void grow(struct tcpseq *t)
{
	struct tcpseq bigger = *t;

	bigger.nsets = t->nsets * 2;
	bigger.slots = slots_new(bigger.nsets);
	if (!bigger.slots)
		return;	/* keep working at the current size: eviction still bounds it */
	/* Way by way from the most recent, so each set keeps its order. */
	for (unsigned w = 0; w < WAYS; w++)
		for (size_t s = 0; s < t->nsets; s++) {
			const struct flow *f = &t->slots[s * WAYS + w];
			struct flow *set;
			unsigned i = 0;

			if (!f->key)
				continue;
			set = set_of(&bigger, f->key);
			while (i < WAYS - 1 && set[i].key)
				i++;
			set[i] = *f;
		}
	free(t->slots);
	*t = bigger;
}

bool tcpseq_lookup(struct tcpseq *t, const struct tcpseq_pkt *p, uint32_t *seq_base,
		   uint32_t *ack_base)
{
	size_t alen = p->family == 4 ? 4 : 16;
	struct flow *set, *f = NULL, v;
	bool from_a;
	uint64_t key;
	int c;

	if (!p->ack_flag)
		return false;
	c = memcmp(p->src, p->dst, alen);
	from_a = c < 0 || (c == 0 && p->sport <= p->dport);
	key = from_a ? flow_key(p->family, p->src, p->dst, p->sport, p->dport)
		     : flow_key(p->family, p->dst, p->src, p->dport, p->sport);
	set = set_of(t, key);
	for (int i = 0; i < WAYS; i++)
		if (set[i].key == key) {
			f = &set[i];
			break;
		}
	if (f && !p->syn) {
		v = *f;
		if (f != set)
			to_front(set, f, v);
		*seq_base = from_a ? v.base_a : v.base_b;
		*ack_base = from_a ? v.base_b : v.base_a;
		return true;
	}
	if (!f) {
		/*
		 * Below the bound no connection is forgotten (tcpdump forgets none):
		 * a full set, or a table 3/4 full, doubles the table first.
		 */
		while ((set[WAYS - 1].key || t->count >= t->nsets * WAYS * 3 / 4) &&
		       t->nsets < t->max_sets) {
			size_t before = t->nsets;

			grow(t);
			if (t->nsets == before)
				break;	/* no memory: evict instead */
			set = set_of(t, key);
		}
		/* The last way goes: empty, or the least recently used. */
		f = &set[WAYS - 1];
		t->count += !f->key;
	}
	/* The peer's sequence base is what this packet acknowledges, less its SYN. */
	v.key = key;
	v.base_a = from_a ? p->seq : p->ack - 1;
	v.base_b = from_a ? p->ack - 1 : p->seq;
	to_front(set, f, v);
	return false;
}
