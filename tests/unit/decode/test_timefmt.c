/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_timefmt.c: unit tests for tcpdump's timestamp styles (-t to -ttttt, --nano, --utc). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "decode/timefmt.h"

/* 2023-11-14 22:13:20.123456789 UTC */
#define T0 1700000000123456789ull

static void check(enum timefmt_style style, bool nano, const uint64_t *ts, size_t n,
		  const char *const *want)
{
	struct timefmt tf;
	char buf[48];

	timefmt_init(&tf, style, nano, true);
	for (size_t i = 0; i < n; i++) {
		size_t len = timefmt_format(&tf, ts[i], buf);

		assert_string_equal(buf, want[i]);
		assert_int_equal(len, strlen(want[i]));
	}
}

static void test_styles(void **state)
{
	const uint64_t ts[] = { T0, T0 + 1500000000ull, T0 + 3600000000000ull, T0 + 1000 };

	(void)state;
	check(TIMEFMT_LOCAL, false, ts, 4,
	      (const char *const[]){ "22:13:20.123456", "22:13:21.623456", "23:13:20.123456",
				     "22:13:20.123457" });
	check(TIMEFMT_NONE, false, ts, 1, (const char *const[]){ "" });
	check(TIMEFMT_EPOCH, false, ts, 2,
	      (const char *const[]){ "1700000000.123456", "1700000001.623456" });
	check(TIMEFMT_DATE, false, ts, 3,
	      (const char *const[]){ "2023-11-14 22:13:20.123456", "2023-11-14 22:13:21.623456",
				     "2023-11-14 23:13:20.123456" });
	/* Deltas carry tcpdump's sign column; time going backwards is negative. */
	check(TIMEFMT_DELTA_PREV, false, ts, 4,
	      (const char *const[]){ " 00:00:00.000000", " 00:00:01.500000", " 00:59:58.500000",
				     "-00:59:59.999999" });
	check(TIMEFMT_DELTA_FIRST, false, ts, 4,
	      (const char *const[]){ " 00:00:00.000000", " 00:00:01.500000", " 01:00:00.000000",
				     " 00:00:00.000001" });
}

static void test_nano(void **state)
{
	const uint64_t ts[] = { T0, T0 + 1 };

	(void)state;
	check(TIMEFMT_LOCAL, true, ts, 2,
	      (const char *const[]){ "22:13:20.123456789", "22:13:20.123456790" });
	check(TIMEFMT_DELTA_PREV, true, ts, 2,
	      (const char *const[]){ " 00:00:00.000000000", " 00:00:00.000000001" });
}

/* Crossing a day and a quarter hour boundary goes through the cache correctly. */
static void test_boundaries(void **state)
{
	const uint64_t midnight = 1700006400ull * 1000000000ull;	/* 2023-11-15 00:00:00 */
	const uint64_t ts[] = { midnight - 1000, midnight, midnight + 899999999999ull,
				midnight + 900000000000ull };

	(void)state;
	check(TIMEFMT_DATE, false, ts, 4,
	      (const char *const[]){ "2023-11-14 23:59:59.999999", "2023-11-15 00:00:00.000000",
				     "2023-11-15 00:14:59.999999", "2023-11-15 00:15:00.000000" });
}

/* tcpdump does not convert a second count with bit 31 set (after 2038 or negative as int32). */
static void test_bit31(void **state)
{
	const uint64_t ts[] = { 0x80000000ull * 1000000000ull, 0x7fffffffull * 1000000000ull };

	(void)state;
	check(TIMEFMT_LOCAL, false, ts, 2,
	      (const char *const[]){ "[Error converting time]", "03:14:07.000000" });
	check(TIMEFMT_EPOCH, false, ts, 1, (const char *const[]){ "[Error converting time]" });
	check(TIMEFMT_DATE, false, ts, 1, (const char *const[]){ "[Error converting time]" });
}

/* A capture file's microsecond field of 1e6 and more: tcpdump prints it as it is. */
static void test_odd_fraction(void **state)
{
	struct timefmt tf;
	char buf[48];
	uint64_t odd = 808464432ull * 1000;
	size_t len;

	(void)state;
	timefmt_init(&tf, TIMEFMT_LOCAL, false, true);
	len = timefmt_format_odd(&tf, 1700000000000000000ull + odd, odd, buf);
	assert_string_equal(buf, "22:13:20.808464432");
	assert_int_equal(len, strlen(buf));
	timefmt_init(&tf, TIMEFMT_EPOCH, false, true);
	timefmt_format_odd(&tf, 1700000000000000000ull + odd, odd, buf);
	assert_string_equal(buf, "1700000000.808464432");
	/* in range: as timefmt_format */
	timefmt_format_odd(&tf, T0, 0, buf);
	assert_string_equal(buf, "1700000000.123456");
	/* seconds with bit 31 set: tcpdump's error, no fraction */
	timefmt_init(&tf, TIMEFMT_LOCAL, false, true);
	len = timefmt_format_odd(&tf, 0x80000000ull * 1000000000ull + odd, odd, buf);
	assert_string_equal(buf, "[Error converting time]");
	assert_int_equal(len, strlen(buf));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_nano),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_bit31),
		cmocka_unit_test(test_odd_fraction),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
