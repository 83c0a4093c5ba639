/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scrape_slot.c: one collector's collection and what it leaves: up, errors, time, the log line. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "cmd/exporter/scrape.h"
#include "util/clock.h"
#include "util/log.h"

int scrape_slot_collect(struct scrape *s, struct scrape_slot *sl, struct prom *one,
			double *seconds)
{
	uint64_t t0 = clock_ns(CLOCK_MONOTONIC);
	int err = sl->c->collect(sl->state, &s->ctx, one, sl->why, sizeof(sl->why));

	*seconds += (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e9;
	if (!err && one->oom) {
		err = -ENOMEM;
		snprintf(sl->why, sizeof(sl->why), "out of memory");
	}
	return err;
}

void scrape_slot_settle(struct scrape_slot *sl, int err, double seconds)
{
	bool was_up = sl->up;

	sl->seconds = seconds;
	sl->up = !err;
	if (err) {
		sl->errors++;
		/* Said once when it goes down, not at every scrape of a down collector. */
		if (was_up)
			log_error("collector %s: %s", sl->c->name, sl->why);
	} else if (!was_up) {
		log_error("collector %s: collecting again", sl->c->name);
	}
}
