/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_drops.h: the drops summary, drop events, their stacks and the run's totals. */
#ifndef SOCKEYE_VIEW_DROPS_H
#define SOCKEYE_VIEW_DROPS_H

#include <stdint.h>

#include "attrib/attrib.h"
#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/ksyms.h"
#include "out/fmt.h"

extern const struct fmt_view view_drops;
extern const struct fmt_view view_drop_events;
extern const struct fmt_view view_drop_stacks;
extern const struct fmt_view view_drop_totals;

/* What turns numbers into names: the running kernel's reasons and symbols. */
struct view_drops_names {
	const struct drop_reasons *reasons;
	const struct ksyms *ksyms;	/* NULL or hidden: locations as addresses */
	int64_t mono_to_real_ns;	/* added to an event's CLOCK_MONOTONIC time */
};

/* One table of summary rows (drops_sample_diff's), rates over secs (0: none). */
void view_drops_emit(struct fmt *f, const struct view_drops_names *nm,
		     const struct drops_entry *rows, size_t n, double secs, unsigned groups);

/* Events stream: begin once, one emit per event, end once. */
void view_drop_events_begin(struct fmt *f, unsigned groups);
/*
 * With attribution (has_owners), the process of the packet's socket: JSON's
 * "processes" ([] none), the text column PROCESS (comm/pid) in its group.
 */
void view_drop_event_emit(struct fmt *f, const struct view_drops_names *nm,
			  const struct drops_event *ev, bool has_owners,
			  struct attrib_proc *const *owners, unsigned n_owners);
void view_drop_events_end(struct fmt *f);

/* A summary row's most frequent kernel stack, innermost frame first. */
struct view_drop_stack {
	const struct drops_entry *row;
	const uint64_t *ips;
	size_t nips;
};
/* Stacks as folded lines ("outer;...;inner", flame graph input). */
void view_drop_stacks_emit(struct fmt *f, const struct view_drops_names *nm,
			   const struct view_drop_stack *stacks, size_t n, unsigned groups);

/* The run's counters: drops matched, events written and lost, drops the map had no room for. */
void view_drop_totals_emit(struct fmt *f, const uint64_t stats[DROPS_STAT_NR], uint64_t events,
			   unsigned groups);

#endif
