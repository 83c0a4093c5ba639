/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pace.c: deadline pacing: clock_nanosleep to just before a deadline, spin to it. */
#include "config.h"

#include <time.h>

#include "cmd/inject/pace.h"

/* Wakeups at high rates come about this often; each sends every packet due by then. */
#define PACE_BATCH_NS 50000.0
/* The first guess at how late a sleep wakes, before any was measured. */
#define PACE_LATE_GUESS_NS 10000
/* Spinning is worth it when it takes at most a quarter of the time slept. */
#define PACE_SPIN_SHARE 4

void pace_init(struct pace *p, enum pace_mode mode, double rate, unsigned n, unsigned w,
	       uint64_t t0)
{
	*p = (struct pace){ .mode = mode, .t0 = t0, .late_ns = PACE_LATE_GUESS_NS, .stride = n };
	if (mode == PACE_PPS) {
		p->unit_ns = 1e9 / rate;
		p->pos = w;
	} else if (mode == PACE_BPS) {
		p->unit_ns = 8e9 * n / rate;	/* each worker sends its share of the bits */
	} else if (mode == PACE_RECORDED) {
		p->speed = rate;
	}
}

uint64_t pace_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t pace_due(const struct pace *p, uint64_t rec_ns)
{
	switch (p->mode) {
	case PACE_RECORDED:
		return p->t0 + (uint64_t)((double)rec_ns / p->speed);
	case PACE_PPS:
	case PACE_BPS:
		return p->t0 + (uint64_t)((double)p->pos * p->unit_ns + 0.5);
	default:
		return 0;
	}
}

void pace_sent(struct pace *p, uint32_t len)
{
	if (p->mode == PACE_PPS)
		p->pos += p->stride;
	else if (p->mode == PACE_BPS)
		p->pos += len;
}

unsigned pace_batch(const struct pace *p, uint32_t len)
{
	double gap = p->mode == PACE_PPS ? p->unit_ns * p->stride :
		     p->mode == PACE_BPS ? p->unit_ns * len : 0;

	if (p->mode == PACE_TOPSPEED)
		return 1u << 16;
	if (p->mode == PACE_RECORDED || gap >= PACE_BATCH_NS)
		return 1;
	return gap > 0 ? (unsigned)(PACE_BATCH_NS / gap) : 1;
}

uint64_t pace_wake(const struct pace *p, uint64_t due, unsigned n, uint32_t len)
{
	double gap = p->mode == PACE_PPS ? p->unit_ns * p->stride :
		     p->mode == PACE_BPS ? p->unit_ns * len : 0;

	return n > 1 ? due + (uint64_t)(gap * (n - 1)) : due;
}

static void sleep_until(uint64_t t)
{
	struct timespec ts = { .tv_sec = (time_t)(t / 1000000000ull),
			       .tv_nsec = (long)(t % 1000000000ull) };

	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
}

bool pace_wait(struct pace *p, uint64_t t, uint64_t max_ns)
{
	uint64_t now = pace_now(), margin = p->late_ns + p->late_ns / 2, target, woke;

	if (now >= t)
		return true;
	if (t - now > max_ns) {
		sleep_until(now + max_ns);
		return false;
	}
	/* Short sleeps overshoot by about as much as they last: spin them whole. */
	if (t - now < margin * PACE_SPIN_SHARE) {
		target = t - now > margin ? t - margin : now;
		if (target > now)
			sleep_until(target);
	} else {
		target = t - margin;
		sleep_until(target);
		woke = pace_now();
		/* Learn the wakeup latency (1/8 weight) from sleeps that measured it. */
		if (woke >= target)
			p->late_ns = (p->late_ns * 7 + (woke - target)) / 8;
	}
	while (pace_now() < t)
		;
	return true;
}
