/* SPDX-License-Identifier: GPL-2.0-or-later */
/* summary.h: trace --summary: per pair of consecutive hops, a log2 latency histogram and counts. */
#ifndef SOCKEYE_CMD_TRACE_SUMMARY_H
#define SOCKEYE_CMD_TRACE_SUMMARY_H

#include <stdint.h>

#include "bpf/trace.h"
#include "cmd/trace/packets.h"

/* Bucket b holds latencies in [2^b, 2^(b+1)) ns (bucket 0 also 0 ns): up to 2^40 ns, 18 min. */
#define TRACE_SUMMARY_BUCKETS TRACE_PAIR_BUCKETS

struct trace_pair {
	uint64_t count;
	uint64_t sum_ns, min_ns, max_ns;
	uint64_t buckets[TRACE_SUMMARY_BUCKETS];
};

struct trace_summary {
	struct trace_pair pair[TRACE_HOP_NR][TRACE_HOP_NR];	/* [from][to] */
	uint64_t fates[5];	/* enum trace_fate */
	uint64_t packets;
};

/* Adds a packet's consecutive hop pairs and its fate. */
void trace_summary_add(struct trace_summary *s, const struct trace_pkt *p);
/*
 * The summary the kernel counted (cfg.summary): its pairs, its fates, and
 * the packets started, those without a fate being unfinished.
 */
void trace_summary_from_kernel(struct trace_summary *s,
			       const struct trace_pair_stat pairs[TRACE_HOP_NR * TRACE_HOP_NR],
			       const uint64_t fates[TRACE_KFATE_NR], uint64_t started);
/* The bucket of ns. */
unsigned trace_summary_bucket(uint64_t ns);

#endif
