/* SPDX-License-Identifier: GPL-2.0-or-later */
/* summary.c: trace --summary's counting: each packet's hop pairs into log2 histograms. */
#include "config.h"

#include "cmd/trace/summary.h"

unsigned trace_summary_bucket(uint64_t ns)
{
	unsigned b = 0;

	while (ns > 1 && b + 1 < TRACE_SUMMARY_BUCKETS) {
		ns >>= 1;
		b++;
	}
	return b;
}

void trace_summary_add(struct trace_summary *s, const struct trace_pkt *p)
{
	s->packets++;
	if ((size_t)p->fate < sizeof(s->fates) / sizeof(s->fates[0]))
		s->fates[p->fate]++;
	for (size_t i = 1; i < p->n; i++) {
		const struct trace_pkt_hop *a = &p->hops[i - 1], *b = &p->hops[i];
		struct trace_pair *x;
		/* Two CPUs' clocks: a hop may read a hair before the one it follows. */
		uint64_t ns = b->ts_ns > a->ts_ns ? b->ts_ns - a->ts_ns : 0;

		if (a->hop >= TRACE_HOP_NR || b->hop >= TRACE_HOP_NR)
			continue;
		x = &s->pair[a->hop][b->hop];
		if (!x->count || ns < x->min_ns)
			x->min_ns = ns;
		if (ns > x->max_ns)
			x->max_ns = ns;
		x->count++;
		x->sum_ns += ns;
		x->buckets[trace_summary_bucket(ns)]++;
	}
}

_Static_assert((int)TRACE_KFATE_DELIVERED == (int)TRACE_FATE_DELIVERED &&
	       (int)TRACE_KFATE_SENT == (int)TRACE_FATE_SENT &&
	       (int)TRACE_KFATE_CONSUMED == (int)TRACE_FATE_CONSUMED &&
	       (int)TRACE_KFATE_DROPPED == (int)TRACE_FATE_DROPPED, "the kernel's fates are the collector's");

void trace_summary_from_kernel(struct trace_summary *s,
			       const struct trace_pair_stat pairs[TRACE_HOP_NR * TRACE_HOP_NR],
			       const uint64_t fates[TRACE_KFATE_NR], uint64_t started)
{
	uint64_t ended = 0;

	for (int a = 0; a < TRACE_HOP_NR; a++) {
		for (int b = 0; b < TRACE_HOP_NR; b++) {
			const struct trace_pair_stat *k = &pairs[a * TRACE_HOP_NR + b];
			struct trace_pair *x = &s->pair[a][b];

			x->count = k->count;
			x->sum_ns = k->sum_ns;
			x->min_ns = k->min_ns;
			x->max_ns = k->max_ns;
			for (int i = 0; i < TRACE_SUMMARY_BUCKETS; i++)
				x->buckets[i] = k->buckets[i];
		}
	}
	for (int f = TRACE_KFATE_DELIVERED; f < TRACE_KFATE_NR; f++) {
		s->fates[f] = fates[f];
		ended += fates[f];
	}
	/* A packet the kernel started and saw no fate of: still followed, evicted, or freed untraced. */
	s->fates[TRACE_FATE_UNFINISHED] = started > ended ? started - ended : 0;
	s->packets = ended + s->fates[TRACE_FATE_UNFINISHED];
}
