/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pace.h: when each packet is due: recorded timing, packets or bits per second, or at once. */
#ifndef SOCKEYE_PACE_H
#define SOCKEYE_PACE_H

#include <stdbool.h>
#include <stdint.h>

enum pace_mode {
	PACE_TOPSPEED,		/* every packet is due at once */
	PACE_RECORDED,		/* at the file's timing, divided by a speed factor */
	PACE_PPS,		/* packets per second */
	PACE_BPS,		/* bits per second, counting each frame's bytes */
};

/*
 * The schedule of one worker of N.  Deadlines are absolute offsets from the
 * shared start, never sums of sleeps, so late wakeups do not add up: over any
 * second the count stays exact to one batch.
 */
struct pace {
	enum pace_mode mode;
	uint64_t t0;		/* the start, CLOCK_MONOTONIC ns */
	double unit_ns;		/* PPS: between two packets of the stream; BPS: per byte */
	unsigned stride;	/* PPS: stream packets from one of this worker's to the next */
	double speed;		/* RECORDED: the factor recorded gaps are divided by */
	/* PPS: the next packet's place in the stream; BPS: this worker's bytes so far
	 * (counts, not summed times, so no rounding adds up) */
	uint64_t pos;
	uint64_t late_ns;	/* how late sleeps wake (a running average), spun away */
};

/*
 * rate: packets or bits per second (PPS, BPS) for all workers together, or the
 * speed factor (RECORDED).  Worker w of n sends packets w, w + n, w + 2n... of
 * the stream (PPS) or its share of the bits (BPS).
 */
void pace_init(struct pace *p, enum pace_mode mode, double rate, unsigned n, unsigned w,
	       uint64_t t0);
/* CLOCK_MONOTONIC in ns. */
uint64_t pace_now(void);
/*
 * When the next packet is due (CLOCK_MONOTONIC ns); rec_ns is its recorded
 * time since the stream's first packet (RECORDED only).  0 for TOPSPEED.
 */
uint64_t pace_due(const struct pace *p, uint64_t rec_ns);
/* The next packet (of len bytes) went: move the schedule on. */
void pace_sent(struct pace *p, uint32_t len);
/*
 * How many packets to send per wakeup so wakeups come about every 50 us: one
 * at low rates (each on time), a batch at high ones.  len: a typical frame.
 */
unsigned pace_batch(const struct pace *p, uint32_t len);
/*
 * When to wake to send a batch of n packets whose first is due at due: the
 * last one's deadline (len: a typical frame, for BPS).
 */
uint64_t pace_wake(const struct pace *p, uint64_t due, unsigned n, uint32_t len);
/*
 * Sleeps until t (CLOCK_MONOTONIC ns) or at most max_ns: clock_nanosleep
 * to just before, then busy-polls the last stretch when spin and the sleep
 * is long enough for that to be cheap.  true when t was reached.
 */
bool pace_wait(struct pace *p, uint64_t t, uint64_t max_ns);

#endif
