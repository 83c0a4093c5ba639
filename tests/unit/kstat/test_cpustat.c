/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_cpustat.c: unit tests for the /proc/stat cpu line parser and the softirq share. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kstat/cpustat.h"
#include "kstat/kstat.h"

static const char stat_text[] =
	"cpu  239913 0 61526 335902 630 0 530 4970 10 0\n"
	"cpu0 122804 0 29140 166390 463 0 222 2699 0 0\n"
	"cpu3 117109 5 32386 169512 167 9 308 2270 10 0\n"
	"intr 1649705 0 0 0 0\n"
	"ctxt 2811617\n"
	"softirq 1649705 0 1 2 3 4 5 6 7 8 9\n";

static void test_parse(void **state)
{
	struct cpustat_snap s;
	const struct cpustat_cpu *c;

	assert_int_equal(cpustat_parse(stat_text, strlen(stat_text), &s), 0);
	/* Guest time is inside user already: the total is the first eight columns. */
	assert_int_equal(s.all.total, 239913 + 61526 + 335902 + 630 + 530 + 4970);
	assert_int_equal(s.all.idle, 335902 + 630);
	assert_int_equal(s.all.softirq, 530);
	assert_int_equal(s.ncpus, 2);
	c = cpustat_find(&s, 3);
	assert_non_null(c);
	assert_int_equal(c->cpu, 3);
	assert_int_equal(c->irq, 9);
	assert_int_equal(c->softirq, 308);
	assert_int_equal(c->total, 117109 + 5 + 32386 + 169512 + 167 + 9 + 308 + 2270);
	assert_null(cpustat_find(&s, 1));
	cpustat_free(&s);
	assert_null(s.cpus);
}

static void test_old_kernel(void **state)
{
	/* 2.6.0-2.6.10: no steal, guest or guest_nice. */
	static const char old[] = "cpu  10 0 20 30 40 50 60\ncpu0 10 0 20 30 40 50 60\n";
	struct cpustat_snap s;

	assert_int_equal(cpustat_parse(old, strlen(old), &s), 0);
	assert_int_equal(s.all.total, 210);
	assert_int_equal(s.all.softirq, 60);
	assert_int_equal(s.ncpus, 1);
	cpustat_free(&s);
}

static void test_bad(void **state)
{
	static const char *const bad[] = {
		"",					/* no cpu line */
		"intr 1 2\n",
		"cpu  1 2 3 4 5 6\n",			/* no softirq column */
		"cpu  1 2 3 4 5 6 7 8 9 10 11\n",	/* more than any kernel writes */
		"cpu  1 2 3 4 5 6 7",			/* no newline */
		"cpu  1 2 3 4 5 6 x\n",
		"cpu  1 2 3 4 5 6 -7\n",
		"cpu  1 2 3 4 5 6 7\ncpu  1 2 3 4 5 6 7\n",	/* two totals */
		"cpu  1 2 3 4 5 6 7\ncpux 1 2 3 4 5 6 7\n",
		"cpu  1 2 3 4 5 6 7\ncpu99999999999 1 2 3 4 5 6 7\n",
		"cpu  18446744073709551615 1 0 0 0 0 0\n",	/* the total overflows */
		"cpu  99999999999999999999 0 0 0 0 0 0\n",
	};
	struct cpustat_snap s;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (cpustat_parse(bad[i], strlen(bad[i]), &s) != -EBADMSG)
			fail_msg("\"%s\" was not rejected", bad[i]);
		cpustat_free(&s);
	}
}

static void test_softirq_pct(void **state)
{
	struct cpustat_cpu a = { .total = 1000, .softirq = 10 }, b = a;
	double pct = -1;

	b.total = 1400;
	b.softirq = 40;
	assert_true(cpustat_softirq_pct(&a, &b, &pct));
	assert_true(pct == 7.5);
	/* No time passed, or a counter went back: no share. */
	assert_false(cpustat_softirq_pct(&a, &a, &pct));
	b.softirq = 5;
	assert_false(cpustat_softirq_pct(&a, &b, &pct));
	/* More softirq than time (per-CPU counters read apart) caps at 100. */
	b.softirq = 10000;
	assert_true(cpustat_softirq_pct(&a, &b, &pct));
	assert_true(pct == 100);
}

static void test_live(void **state)
{
	struct cpustat_snap s;
	char *buf;
	size_t len;

	assert_int_equal(kstat_read_file("/proc/stat", &buf, &len), 0);
	assert_int_equal(cpustat_parse(buf, len, &s), 0);
	assert_true(s.ncpus >= 1);
	assert_true(s.all.total > 0);
	cpustat_free(&s);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_old_kernel),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_softirq_pct),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
