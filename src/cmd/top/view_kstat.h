/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_kstat.h: the softirqs, softnet, interfaces and queues views, filled from two samples. */
#ifndef SOCKEYE_VIEW_KSTAT_H
#define SOCKEYE_VIEW_KSTAT_H

#include "bpf/softirq.h"
#include "kstat/kstat.h"
#include "out/fmt.h"

extern const struct fmt_view view_softirqs;
extern const struct fmt_view view_softnet;
extern const struct fmt_view view_interfaces;
extern const struct fmt_view view_queues;

/*
 * The softirqs panel's time per vector, from BPF: two readings of the
 * softirq collector (prev NULL or cur NULL: those cells unset), and the view
 * to write under (NULL: view_softirqs).
 */
struct view_softirqs_time {
	const struct fmt_view *view;
	const struct softirq_sample *prev, *cur;
};
/*
 * v becomes view_softirqs titled "softirqs (SOFTIRQ% from /proc/stat, no time
 * per CPU: WHY)" in title (len bytes), for a panel whose BPF time cannot be
 * had.  Both must outlive the frames drawn with v.
 */
void view_softirqs_titled(struct fmt_view *v, char *title, size_t len, const char *why);

/*
 * Each emits one table of cur.  Rates are the difference to prev divided by
 * the time between the samples; with prev NULL (the first sample of a live
 * view), or when a counter went backwards (a reset, a re-created interface),
 * the rate cells are left unset: "-" in text, null in JSON.  A part the
 * sample lacks (no /proc/stat, no ethtool) leaves its columns unset too.
 * The softirqs view's time columns come from time (NULL: none at all), and
 * so does SOFTIRQ% when it has the time (its title then says "from BPF"; each
 * row's softirq_source says where its share came from).
 */
void view_softirqs_emit(struct fmt *f, const struct kstat_sample *prev,
			const struct kstat_sample *cur, const struct view_softirqs_time *time,
			unsigned groups);
void view_softnet_emit(struct fmt *f, const struct kstat_sample *prev,
		       const struct kstat_sample *cur, unsigned groups);
void view_interfaces_emit(struct fmt *f, const struct kstat_sample *prev,
			  const struct kstat_sample *cur, unsigned groups);
/* One row per device queue whose driver names packet, byte, drop or error counters. */
void view_queues_emit(struct fmt *f, const struct kstat_sample *prev,
		      const struct kstat_sample *cur, unsigned groups);

#endif
