/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_softirq_sample.c: softirq time between two readings: shares, scaling, refusals. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "bpf/softirq.h"

struct two {
	struct softirq_cpu cpus[2][2];
	struct softirq_sample s[2];
};

/* A second apart; CPU 1 spends 400 ms in NET_RX (50 runs) and 100 ms in TIMER. */
static void fill(struct two *t)
{
	memset(t, 0, sizeof(*t));
	for (int k = 0; k < 2; k++) {
		t->cpus[k][1].time_ns[SOFTIRQ_NET_RX] = 7000 + (uint64_t)k * 400000000;
		t->cpus[k][1].count[SOFTIRQ_NET_RX] = 3 + (uint64_t)k * 50;
		t->cpus[k][1].time_ns[1] = (uint64_t)k * 100000000;
		t->s[k] = (struct softirq_sample){ .mono_ns = 1000000000ull * (uint64_t)(k + 1),
						   .cpus = t->cpus[k], .ncpus = 2 };
	}
}

static void test_delta(void **state)
{
	struct softirq_delta d;
	struct two t;

	(void)state;
	fill(&t);
	assert_true(softirq_sample_delta(&t.s[0], &t.s[1], 1, SOFTIRQ_NET_RX, &d));
	assert_int_equal(d.time_ns, 400000000);
	assert_int_equal(d.count, 50);
	assert_true(d.busy_pct == 40);
	assert_true(softirq_sample_delta(&t.s[0], &t.s[1], 1, SOFTIRQ_NET_TX, &d));
	assert_int_equal(d.time_ns, 0);
	assert_true(d.busy_pct == 0);
	assert_true(softirq_sample_delta(&t.s[0], &t.s[1], 0, SOFTIRQ_NET_RX, &d));
	assert_true(d.busy_pct == 0);
}

/* More busy time than the interval (runs straddling readings): shares add up to 100. */
static void test_scaled(void **state)
{
	struct softirq_delta rx, timer;
	struct two t;

	(void)state;
	fill(&t);
	t.cpus[1][1].time_ns[1] = 1200000000;	/* 1.2 s of TIMER: 1.6 s busy in all */
	assert_true(softirq_sample_delta(&t.s[0], &t.s[1], 1, SOFTIRQ_NET_RX, &rx));
	assert_true(softirq_sample_delta(&t.s[0], &t.s[1], 1, 1, &timer));
	assert_int_equal(rx.time_ns, 400000000);
	assert_true(rx.busy_pct == 25);
	assert_true(timer.busy_pct == 75);
}

/* No CPU, no interval, a reset or a vector past the table: no delta. */
static void test_refused(void **state)
{
	struct softirq_delta d;
	struct two t;

	(void)state;
	fill(&t);
	assert_false(softirq_sample_delta(NULL, &t.s[1], 1, SOFTIRQ_NET_RX, &d));
	assert_false(softirq_sample_delta(&t.s[0], NULL, 1, SOFTIRQ_NET_RX, &d));
	assert_false(softirq_sample_delta(&t.s[0], &t.s[1], 2, SOFTIRQ_NET_RX, &d));
	assert_false(softirq_sample_delta(&t.s[0], &t.s[1], 1, SOFTIRQ_NR, &d));
	assert_false(softirq_sample_delta(&t.s[1], &t.s[0], 1, SOFTIRQ_NET_RX, &d));
	assert_false(softirq_sample_delta(&t.s[1], &t.s[1], 1, SOFTIRQ_NET_RX, &d));
	t.s[0].ncpus = 1;
	assert_false(softirq_sample_delta(&t.s[0], &t.s[1], 1, SOFTIRQ_NET_RX, &d));
	assert_true(softirq_sample_delta(&t.s[0], &t.s[1], 0, SOFTIRQ_NET_RX, &d));
	/* Another vector went backwards: the CPU's total is unknown, so is every share. */
	fill(&t);
	t.cpus[1][1].count[5] = 0;
	t.cpus[0][1].count[5] = 1;
	assert_false(softirq_sample_delta(&t.s[0], &t.s[1], 1, SOFTIRQ_NET_RX, &d));
}

/* Every vector of a CPU together: its whole softirq time, at most the interval. */
static void test_cpu_busy(void **state)
{
	struct softirq_delta d;
	struct two t;

	(void)state;
	fill(&t);
	assert_true(softirq_sample_cpu_busy(&t.s[0], &t.s[1], 1, &d));
	assert_int_equal(d.time_ns, 500000000);
	assert_int_equal(d.count, 50);
	assert_true(d.busy_pct == 50);
	assert_true(softirq_sample_cpu_busy(&t.s[0], &t.s[1], 0, &d));
	assert_int_equal(d.time_ns, 0);
	assert_true(d.busy_pct == 0);
	/* 1.6 s busy in a second (runs straddling the readings): 100%, never more. */
	t.cpus[1][1].time_ns[1] = 1200000000;
	assert_true(softirq_sample_cpu_busy(&t.s[0], &t.s[1], 1, &d));
	assert_int_equal(d.time_ns, 1600000000);
	assert_true(d.busy_pct == 100);
	assert_false(softirq_sample_cpu_busy(&t.s[0], &t.s[1], 2, &d));
	assert_false(softirq_sample_cpu_busy(&t.s[1], &t.s[0], 1, &d));
	assert_false(softirq_sample_cpu_busy(NULL, &t.s[1], 1, &d));
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(softirq_vec_name(0), "HI");
	assert_string_equal(softirq_vec_name(SOFTIRQ_NET_TX), "NET_TX");
	assert_string_equal(softirq_vec_name(SOFTIRQ_NET_RX), "NET_RX");
	assert_string_equal(softirq_vec_name(SOFTIRQ_NR - 1), "RCU");
	assert_string_equal(softirq_vec_name(SOFTIRQ_NR), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delta),
		cmocka_unit_test(test_scaled),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_cpu_busy),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
