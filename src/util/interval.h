/* SPDX-License-Identifier: GPL-2.0-or-later */
/* interval.h: the loop of the counting commands: read, wait, read again, show what changed. */
#ifndef SOCKEYE_INTERVAL_H
#define SOCKEYE_INTERVAL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The caller keeps two readings, slots 0 and 1, which swap roles after each
 * interval: the newer one becomes the base of the next.
 */
struct interval {
	uint64_t every_ns;			/* between readings */
	uint64_t duration_ns;			/* 0: until stopped */
	uint64_t count;				/* intervals shown; 0: no limit */
	const volatile sig_atomic_t *stop;	/* the command's signal flag */
	/* Takes a reading into slot and sets *mono_ns (CLOCK_MONOTONIC) to its time. */
	int (*read)(void *ctx, unsigned slot, uint64_t *mono_ns);
	/* Shows what changed from the reading in prev to the one in cur. */
	int (*show)(void *ctx, unsigned prev, unsigned cur);
	void *ctx;
};

/*
 * The options that set the loop, as the commands spell them: opt 'i' (-i,
 * every_ns), 'c' (-c, count) or 'd' (--duration).  0, or -EINVAL with why
 * saying what the value should be.
 */
int interval_parse(struct interval *iv, char opt, const char *arg, char *why, size_t len);

/*
 * Runs until count intervals were shown, the duration ended or *stop was set;
 * an interval cut short by the end or a signal is still shown.  Returns 0, or
 * the first non-zero return of read or show (which have said why).
 */
int interval_run(const struct interval *iv);

/*
 * The same two slots for a loop run elsewhere (top's frames): each reading
 * goes over the older one; the caller keeps the readings, this their order.
 */
struct interval_slots {
	unsigned n;		/* readings held: 0, 1 or 2 */
	unsigned last;		/* the slot of the newest */
};

/* The slot the next reading goes into. */
unsigned interval_slot_next(const struct interval_slots *sl);
/* After reading into slot: ok, or failed (then the older reading is spoilt). */
void interval_slot_done(struct interval_slots *sl, unsigned slot, bool ok);
/* The slot of the reading before the newest, or -1 while there is none. */
int interval_slot_prev(const struct interval_slots *sl);

#endif
