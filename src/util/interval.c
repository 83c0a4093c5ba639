/* SPDX-License-Identifier: GPL-2.0-or-later */
/* interval.c: one reading loop for every command that shows counts per interval. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>

#include "util/clock.h"
#include "util/interval.h"
#include "util/parse.h"

int interval_parse(struct interval *iv, char opt, const char *arg, char *why, size_t len)
{
	switch (opt) {
	case 'i':
		if (!parse_duration_ns(arg, 10000000ull, 86400000000000ull, &iv->every_ns))
			return 0;
		snprintf(why, len, "-i %s: not an interval from 0.01 to 86400 seconds", arg);
		return -EINVAL;
	case 'c':
		if (!parse_u64(arg, 1, UINT32_MAX, &iv->count))
			return 0;
		snprintf(why, len, "-c %s: not a count from 1 to %u", arg, UINT32_MAX);
		return -EINVAL;
	case 'd':
		if (!parse_duration_ns(arg, 10000000ull, 31536000000000000ull, &iv->duration_ns))
			return 0;
		snprintf(why, len, "--duration %s: not a duration from 0.01 seconds to a year",
			 arg);
		return -EINVAL;
	}
	snprintf(why, len, "-%c: not an interval option", opt);
	return -EINVAL;
}

int interval_run(const struct interval *iv)
{
	unsigned prev = 0, cur = 1;
	uint64_t t_prev, t_cur, end, next;
	int ret = iv->read(iv->ctx, prev, &t_prev);

	if (ret)
		return ret;
	end = iv->duration_ns ? t_prev + iv->duration_ns : UINT64_MAX;
	next = t_prev + iv->every_ns;
	for (uint64_t i = 0; !iv->count || i < iv->count; i++) {
		bool stopped = !clock_sleep_until(next < end ? next : end, iv->stop);

		ret = iv->read(iv->ctx, cur, &t_cur);
		if (ret)
			return ret;
		/* A signal at once after the first reading leaves nothing to show. */
		if (t_cur > t_prev) {
			ret = iv->show(iv->ctx, prev, cur);
			if (ret)
				return ret;
		}
		prev ^= 1;
		cur ^= 1;
		t_prev = t_cur;
		if (stopped || next >= end)
			break;
		next += iv->every_ns;
	}
	return 0;
}

unsigned interval_slot_next(const struct interval_slots *sl)
{
	return sl->n ? sl->last ^ 1 : 0;
}

void interval_slot_done(struct interval_slots *sl, unsigned slot, bool ok)
{
	if (!ok) {
		if (sl->n > 1)
			sl->n = 1;
		return;
	}
	sl->last = slot;
	if (sl->n < 2)
		sl->n++;
}

int interval_slot_prev(const struct interval_slots *sl)
{
	return sl->n == 2 ? (int)(sl->last ^ 1) : -1;
}
