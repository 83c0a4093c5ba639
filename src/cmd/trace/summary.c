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
