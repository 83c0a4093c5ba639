/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stats.h: what sniff saw, passed, wrote and lost, per interface. */
#ifndef SOCKEYE_SNIFF_STATS_H
#define SOCKEYE_SNIFF_STATS_H

#include "out/fmt.h"
#include "capture/sniff.h"

extern const struct fmt_view view_sniff_stats;

/*
 * One "stats" document: a row per interface, and a total row when there are
 * several.  live adds the kernel's ring counters (received by the filter,
 * dropped because the ring was full, freeze-queue count).  interval counts the
 * --stats tables from 1 (their counts are totals so far); 0 is the one at exit.
 */
void sniff_stats_emit(struct fmt *f, const struct sniff *s, bool live, unsigned interval);

#endif
