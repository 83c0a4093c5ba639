/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_pace.c: unit tests for inject's pacing: deadlines per mode and worker, batches, waits. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cmd/inject/pace.h"

#define T0 1000000000000ull	/* any start: deadlines are offsets from it */

static void test_pps(void **state)
{
	struct pace p;

	(void)state;
	pace_init(&p, PACE_PPS, 1000, 1, 0, T0);
	for (int k = 0; k < 5; k++) {
		assert_int_equal(pace_due(&p, 0), T0 + (uint64_t)k * 1000000);
		pace_sent(&p, 64);
	}
	/* worker 2 of 4 sends packets 2, 6, 10...: at their places in the whole stream */
	pace_init(&p, PACE_PPS, 1000, 4, 2, T0);
	assert_int_equal(pace_due(&p, 0), T0 + 2000000);
	pace_sent(&p, 64);
	assert_int_equal(pace_due(&p, 0), T0 + 6000000);
	/* a million packets in, no drift: exact to the nanosecond */
	pace_init(&p, PACE_PPS, 800000, 1, 0, T0);
	for (int k = 0; k < 1000000; k++)
		pace_sent(&p, 64);
	assert_int_equal(pace_due(&p, 0), T0 + 1250000000ull);
	/* a step that is no whole number of ns: still exact after a million packets */
	pace_init(&p, PACE_PPS, 3, 1, 0, T0);
	for (int k = 0; k < 3000000; k++)
		pace_sent(&p, 64);
	assert_int_equal(pace_due(&p, 0), T0 + 1000000000000000ull);
}

static void test_bps(void **state)
{
	struct pace p;

	(void)state;
	/* 8 Mbit/s is a byte per microsecond */
	pace_init(&p, PACE_BPS, 8e6, 1, 0, T0);
	assert_int_equal(pace_due(&p, 0), T0);
	pace_sent(&p, 1000);
	assert_int_equal(pace_due(&p, 0), T0 + 1000000);
	pace_sent(&p, 500);
	assert_int_equal(pace_due(&p, 0), T0 + 1500000);
	/* two workers share the rate: each goes at half */
	pace_init(&p, PACE_BPS, 8e6, 2, 1, T0);
	pace_sent(&p, 1000);
	assert_int_equal(pace_due(&p, 0), T0 + 2000000);
}

static void test_recorded(void **state)
{
	struct pace p;

	(void)state;
	pace_init(&p, PACE_RECORDED, 1, 1, 0, T0);
	assert_int_equal(pace_due(&p, 10000000), T0 + 10000000);
	pace_init(&p, PACE_RECORDED, 2, 1, 0, T0);
	assert_int_equal(pace_due(&p, 10000000), T0 + 5000000);
	pace_init(&p, PACE_RECORDED, 0.5, 3, 1, T0);
	assert_int_equal(pace_due(&p, 10000000), T0 + 20000000);
	pace_init(&p, PACE_TOPSPEED, 0, 1, 0, T0);
	assert_int_equal(pace_due(&p, 10000000), 0);
}

static void test_batch(void **state)
{
	struct pace p;

	(void)state;
	pace_init(&p, PACE_PPS, 800000, 1, 0, T0);
	assert_int_equal(pace_batch(&p, 64), 40);	/* 50 us of packets 1.25 us apart */
	assert_int_equal(pace_wake(&p, T0, 40, 64), T0 + 39 * 1250);
	pace_init(&p, PACE_PPS, 1000, 1, 0, T0);
	assert_int_equal(pace_batch(&p, 64), 1);
	assert_int_equal(pace_wake(&p, T0 + 7, 1, 64), T0 + 7);
	pace_init(&p, PACE_BPS, 1e9, 1, 0, T0);	/* 1500 bytes: 12 us each */
	assert_int_equal(pace_batch(&p, 1500), 4);
	pace_init(&p, PACE_RECORDED, 1, 1, 0, T0);
	assert_int_equal(pace_batch(&p, 64), 1);
	pace_init(&p, PACE_TOPSPEED, 0, 1, 0, T0);
	assert_true(pace_batch(&p, 64) >= 1024);
}

static void test_wait(void **state)
{
	struct pace p;
	uint64_t start, t;

	(void)state;
	pace_init(&p, PACE_PPS, 1000, 1, 0, pace_now());
	for (int i = 0; i < 5; i++) {
		/* never early, whether slept and spun or only spun */
		t = pace_now() + (i % 2 ? 3000000 : 20000);
		assert_true(pace_wait(&p, t, 1000000000));
		assert_true(pace_now() >= t);
	}
	/* past deadlines return at once */
	assert_true(pace_wait(&p, pace_now() - 1000, 1000));
	/* a deadline past max_ns: one slice, then false */
	start = pace_now();
	assert_false(pace_wait(&p, start + 5000000000ull, 2000000));
	t = pace_now();
	assert_true(t - start >= 2000000);
	assert_true(t - start < 1000000000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pps),
		cmocka_unit_test(test_bps),
		cmocka_unit_test(test_recorded),
		cmocka_unit_test(test_batch),
		cmocka_unit_test(test_wait),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
