/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_top.h: top's summary: host, uptime, load, softirq share of CPU time and the drop rate. */
#ifndef SOCKEYE_VIEW_TOP_H
#define SOCKEYE_VIEW_TOP_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/top/softirq_share.h"
#include "kstat/kstat.h"
#include "out/fmt.h"

extern const struct fmt_view view_summary;

/* What the summary row and the live view's header line show; "has" flags mark what is known. */
struct top_summary {
	const char *host;		/* NULL: unknown */
	const char *netns;		/* -N NAME, or NULL */
	bool has_uptime, has_load, has_softirq, has_drops, has_bpf_drops;
	uint64_t uptime_s;
	double load[3];
	double softirq_pct;		/* of all CPUs' time between the samples */
	const char *softirq_source;	/* "bpf" or "proc_stat" (softirq_source_name) */
	double drops_per_s;		/* softnet + if_dropped + if_missed, or bpf + if_missed */
	double softnet_dropped_per_s;	/* backlog queues full */
	double if_dropped_per_s;	/* interfaces' rx_dropped and tx_dropped */
	double if_missed_per_s;		/* interfaces' rx_missed */
	double bpf_drops_per_s;		/* skbs freed with a drop reason (drops panel) */
};

/*
 * Fills sum from two samples (prev NULL: no rates yet).  softirq_bpf (NULL:
 * none) is the BPF softirq time: with two readings of every CPU the softirq
 * share is its, else /proc/stat's.  bpf_drops_per_s < 0 means there is no
 * BPF drop count; with one, it replaces the softnet and interface drops in
 * the total (the same skbs), the missed packets stay.
 */
void view_summary_compute(struct top_summary *sum, const struct kstat_sample *prev,
			  const struct kstat_sample *cur, const char *netns,
			  const struct softirq_times *softirq_bpf, double bpf_drops_per_s);
/* Uptime as text shows it: "3d 04:12:09", "04:12:09" under a day.  Returns snprintf's count. */
size_t view_summary_uptime(char *buf, size_t len, uint64_t s);
/* The single-row summary table (batch text and JSON). */
void view_summary_emit(struct fmt *f, const struct top_summary *sum, unsigned groups);
/*
 * The live view's header line: "host vm  up 3d 4h  load 0.41 0.38 0.30
 * softirq 3.2% (bpf)  drops 12/s", unknowns left out.  Returns buf.
 */
char *view_summary_line(const struct top_summary *sum, char *buf, size_t len);

#endif
