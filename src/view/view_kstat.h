/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_kstat.h: the softirqs, softnet, interfaces and queues views, filled from two samples. */
#ifndef SOCKEYE_VIEW_KSTAT_H
#define SOCKEYE_VIEW_KSTAT_H

#include "kstat/kstat.h"
#include "out/fmt.h"

extern const struct fmt_view view_softirqs;
extern const struct fmt_view view_softnet;
extern const struct fmt_view view_interfaces;
extern const struct fmt_view view_queues;

/*
 * Each emits one table of cur.  Rates are the difference to prev divided by
 * the time between the samples; with prev NULL (the first sample of a live
 * view), or when a counter went backwards (a reset, a re-created interface),
 * the rate cells are left unset: "-" in text, null in JSON.  A part the
 * sample lacks (no /proc/stat, no ethtool) leaves its columns unset too.
 */
void view_softirqs_emit(struct fmt *f, const struct kstat_sample *prev,
			const struct kstat_sample *cur, unsigned groups);
void view_softnet_emit(struct fmt *f, const struct kstat_sample *prev,
		       const struct kstat_sample *cur, unsigned groups);
void view_interfaces_emit(struct fmt *f, const struct kstat_sample *prev,
			  const struct kstat_sample *cur, unsigned groups);
/* One row per device queue whose driver names packet, byte, drop or error counters. */
void view_queues_emit(struct fmt *f, const struct kstat_sample *prev,
		      const struct kstat_sample *cur, unsigned groups);

#endif
