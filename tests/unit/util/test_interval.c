/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_interval.c: unit tests for the interval loop, its options and its two slots. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/clock.h"
#include "util/interval.h"

/* A fake collector: readings are CLOCK_MONOTONIC times, the shows are logged. */
struct fake {
	uint64_t t[2];
	unsigned reads, shows;
	unsigned prev[8], cur[8];
	unsigned fail_read_at;		/* the read that fails (1-based), 0: none */
	unsigned fail_show_at;
	volatile sig_atomic_t *stop_after_read;	/* set after the first read */
};

static int fake_read(void *ctx, unsigned slot, uint64_t *mono_ns)
{
	struct fake *f = ctx;

	assert_true(slot < 2);
	if (++f->reads == f->fail_read_at)
		return 7;
	f->t[slot] = *mono_ns = clock_ns(CLOCK_MONOTONIC);
	if (f->stop_after_read)
		*f->stop_after_read = 1;
	return 0;
}

static int fake_show(void *ctx, unsigned prev, unsigned cur)
{
	struct fake *f = ctx;

	assert_true(f->t[cur] > f->t[prev]);
	if (f->shows < 8) {
		f->prev[f->shows] = prev;
		f->cur[f->shows] = cur;
	}
	return ++f->shows == f->fail_show_at ? 9 : 0;
}

static volatile sig_atomic_t stop;

static struct interval loop(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	stop = 0;
	return (struct interval){ .every_ns = 1000000, .stop = &stop, .read = fake_read,
				  .show = fake_show, .ctx = f };
}

static void test_count(void **state)
{
	struct fake f;
	struct interval iv = loop(&f);

	iv.count = 3;
	assert_int_equal(interval_run(&iv), 0);
	assert_int_equal(f.reads, 4);
	assert_int_equal(f.shows, 3);
	/* The newer reading becomes the base of the next interval. */
	assert_int_equal(f.prev[0], 0);
	assert_int_equal(f.cur[0], 1);
	assert_int_equal(f.prev[1], 1);
	assert_int_equal(f.cur[1], 0);
	assert_int_equal(f.prev[2], 0);
	assert_int_equal(f.cur[2], 1);
}

static void test_duration_and_stop(void **state)
{
	struct fake f;
	struct interval iv = loop(&f);
	uint64_t t0 = clock_ns(CLOCK_MONOTONIC);

	/* Intervals of 1 s cut by a 20 ms duration: one short interval is still shown. */
	iv.every_ns = 1000000000ull;
	iv.duration_ns = 20000000ull;
	assert_int_equal(interval_run(&iv), 0);
	assert_int_equal(f.shows, 1);
	assert_true(clock_ns(CLOCK_MONOTONIC) - t0 < 500000000ull);

	/* A signal during the wait: the interval so far is shown, then the loop ends. */
	iv = loop(&f);
	iv.every_ns = 1000000000ull;
	f.stop_after_read = &stop;
	t0 = clock_ns(CLOCK_MONOTONIC);
	assert_int_equal(interval_run(&iv), 0);
	assert_int_equal(f.reads, 2);
	assert_int_equal(f.shows, 1);
	assert_true(clock_ns(CLOCK_MONOTONIC) - t0 < 500000000ull);
}

static void test_errors(void **state)
{
	struct fake f;
	struct interval iv = loop(&f);

	f.fail_read_at = 1;
	assert_int_equal(interval_run(&iv), 7);
	assert_int_equal(f.shows, 0);
	iv = loop(&f);
	f.fail_read_at = 3;
	assert_int_equal(interval_run(&iv), 7);
	assert_int_equal(f.shows, 1);
	iv = loop(&f);
	iv.count = 5;
	f.fail_show_at = 2;
	assert_int_equal(interval_run(&iv), 9);
	assert_int_equal(f.reads, 3);
}

static void test_parse(void **state)
{
	struct interval iv = { .every_ns = 0 };
	char why[128];

	assert_int_equal(interval_parse(&iv, 'i', "0.5", why, sizeof(why)), 0);
	assert_true(iv.every_ns == 500000000ull);
	assert_int_equal(interval_parse(&iv, 'c', "12", why, sizeof(why)), 0);
	assert_true(iv.count == 12);
	assert_int_equal(interval_parse(&iv, 'd', "2", why, sizeof(why)), 0);
	assert_true(iv.duration_ns == 2000000000ull);

	assert_int_equal(interval_parse(&iv, 'i', "0.001", why, sizeof(why)), -EINVAL);
	assert_string_equal(why, "-i 0.001: not an interval from 0.01 to 86400 seconds");
	assert_int_equal(interval_parse(&iv, 'c', "0", why, sizeof(why)), -EINVAL);
	assert_string_equal(why, "-c 0: not a count from 1 to 4294967295");
	assert_int_equal(interval_parse(&iv, 'd', "x", why, sizeof(why)), -EINVAL);
	assert_string_equal(why, "--duration x: not a duration from 0.01 seconds to a year");
	assert_int_equal(interval_parse(&iv, 'z', "1", why, sizeof(why)), -EINVAL);
	/* A bad value leaves the one before. */
	assert_true(iv.every_ns == 500000000ull && iv.count == 12);
}

static void test_slots(void **state)
{
	struct interval_slots sl = { .n = 0 };
	unsigned s;

	assert_int_equal(interval_slot_prev(&sl), -1);
	s = interval_slot_next(&sl);
	assert_int_equal(s, 0);
	interval_slot_done(&sl, s, true);
	assert_int_equal(sl.last, 0);
	assert_int_equal(interval_slot_prev(&sl), -1);
	s = interval_slot_next(&sl);
	assert_int_equal(s, 1);
	interval_slot_done(&sl, s, true);
	assert_int_equal(sl.last, 1);
	assert_int_equal(interval_slot_prev(&sl), 0);
	/* The third goes over the first. */
	s = interval_slot_next(&sl);
	assert_int_equal(s, 0);
	interval_slot_done(&sl, s, true);
	assert_int_equal(sl.last, 0);
	assert_int_equal(interval_slot_prev(&sl), 1);
	/* A failed read spoils the slot it went into: only the newest is left. */
	s = interval_slot_next(&sl);
	interval_slot_done(&sl, s, false);
	assert_int_equal(sl.n, 1);
	assert_int_equal(sl.last, 0);
	assert_int_equal(interval_slot_prev(&sl), -1);
	assert_int_equal(interval_slot_next(&sl), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_duration_and_stop),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_slots),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
