/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_napi.h: NAPI polls per instance and CPU, and per CPU with NET_RX softirq time. */
#ifndef SOCKEYE_VIEW_NAPI_H
#define SOCKEYE_VIEW_NAPI_H

#include <stdbool.h>

#include "bpf/napi.h"
#include "out/fmt.h"

extern const struct fmt_view view_napi;
extern const struct fmt_view view_napi_cpus;

/*
 * Each emits one table of what happened between prev and cur: counts are the
 * difference, rates that over the time between the samples.  With prev NULL
 * (a live view's first frame) the counts are totals since attach and rates
 * are unset.  These are the panels `top` can show next to its own.
 * With fold (top), more instances than VIEW_FOLD_ROWS fold into the busiest
 * (packets over the interval), a total row and, for people, a heat row of
 * packets by CPU; `sockeye napi` shows every instance.
 */
void view_napi_emit(struct fmt *f, const struct napi_sample *prev, const struct napi_sample *cur,
		    bool fold, unsigned groups);
void view_napi_cpus_emit(struct fmt *f, const struct napi_sample *prev,
			 const struct napi_sample *cur, unsigned groups);

#endif
