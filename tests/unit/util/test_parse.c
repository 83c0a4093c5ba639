/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_parse.c: unit tests for strict number, size and duration parsing. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "util/parse.h"

/* A value no parser returns, to see that *out stays untouched on errors. */
#define UNTOUCHED 0xdeadbeefcafef00dull

struct u64_case {
	const char *s;
	uint64_t min, max;
	int err;
	uint64_t want;
};

typedef int (*parse_fn)(const char *s, uint64_t min, uint64_t max, uint64_t *out);

static void run_cases(parse_fn fn, const struct u64_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t out = UNTOUCHED;
		int err = fn(c[i].s, c[i].min, c[i].max, &out);

		uint64_t want = c[i].err ? UNTOUCHED : c[i].want;

		if (err != c[i].err || out != want)
			fail_msg("\"%s\" [%llu, %llu]: got %d, %llu; want %d, %llu",
				 c[i].s ? c[i].s : "(null)", (unsigned long long)c[i].min,
				 (unsigned long long)c[i].max, err, (unsigned long long)out,
				 c[i].err, (unsigned long long)want);
	}
}

#define RUN(fn, cases) run_cases(fn, cases, sizeof(cases) / sizeof(cases[0]))

static void test_u64(void **state)
{
	static const struct u64_case cases[] = {
		{ "0", 0, UINT64_MAX, 0, 0 },
		{ "1", 0, UINT64_MAX, 0, 1 },
		{ "007", 0, UINT64_MAX, 0, 7 },
		{ "18446744073709551615", 0, UINT64_MAX, 0, UINT64_MAX },
		/* overflow */
		{ "18446744073709551616", 0, UINT64_MAX, -ERANGE, 0 },
		{ "99999999999999999999999", 0, UINT64_MAX, -ERANGE, 0 },
		/* junk, sign, whitespace, other bases */
		{ "", 0, UINT64_MAX, -EINVAL, 0 },
		{ NULL, 0, UINT64_MAX, -EINVAL, 0 },
		{ "abc", 0, UINT64_MAX, -EINVAL, 0 },
		{ "12x", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1.5", 0, UINT64_MAX, -EINVAL, 0 },
		{ "-1", 0, UINT64_MAX, -EINVAL, 0 },
		{ "+1", 0, UINT64_MAX, -EINVAL, 0 },
		{ " 1", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1 ", 0, UINT64_MAX, -EINVAL, 0 },
		{ "0x10", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1k", 0, UINT64_MAX, -EINVAL, 0 },
		/* ranges: both ends inclusive */
		{ "1", 1, 10, 0, 1 },
		{ "10", 1, 10, 0, 10 },
		{ "0", 1, 10, -ERANGE, 0 },
		{ "11", 1, 10, -ERANGE, 0 },
		/* junk is reported before the range */
		{ "11x", 1, 10, -EINVAL, 0 },
	};

	RUN(parse_u64, cases);
}

static void test_size(void **state)
{
	static const struct u64_case cases[] = {
		{ "64", 0, UINT64_MAX, 0, 64 },
		{ "0", 0, UINT64_MAX, 0, 0 },
		{ "64K", 0, UINT64_MAX, 0, 64ull << 10 },
		{ "2k", 0, UINT64_MAX, 0, 2ull << 10 },
		{ "16M", 0, UINT64_MAX, 0, 16ull << 20 },
		{ "16m", 0, UINT64_MAX, 0, 16ull << 20 },
		{ "1G", 0, UINT64_MAX, 0, 1ull << 30 },
		{ "3T", 0, UINT64_MAX, 0, 3ull << 40 },
		{ "4KB", 0, UINT64_MAX, 0, 4ull << 10 },
		{ "4kb", 0, UINT64_MAX, 0, 4ull << 10 },
		{ "4KiB", 0, UINT64_MAX, 0, 4ull << 10 },
		{ "4kib", 0, UINT64_MAX, 0, 4ull << 10 },
		/* the largest T that fits, and one more */
		{ "16777215T", 0, UINT64_MAX, 0, 16777215ull << 40 },
		{ "16777216T", 0, UINT64_MAX, -ERANGE, 0 },
		{ "18446744073709551616", 0, UINT64_MAX, -ERANGE, 0 },
		/* junk and signs */
		{ "", 0, UINT64_MAX, -EINVAL, 0 },
		{ NULL, 0, UINT64_MAX, -EINVAL, 0 },
		{ "K", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1X", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1Ki", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1KK", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1KBx", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1B", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1.5M", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1 K", 0, UINT64_MAX, -EINVAL, 0 },
		{ "-1K", 0, UINT64_MAX, -EINVAL, 0 },
		{ "+1K", 0, UINT64_MAX, -EINVAL, 0 },
		/* the range applies to the scaled value */
		{ "4K", 4096, 4096, 0, 4096 },
		{ "4K", 0, 4095, -ERANGE, 0 },
		{ "1M", 0, 1ull << 20, 0, 1ull << 20 },
		{ "1023", 1024, UINT64_MAX, -ERANGE, 0 },
	};

	RUN(parse_size, cases);
}

static void test_duration(void **state)
{
	static const struct u64_case cases[] = {
		/* seconds unless a unit is given */
		{ "1", 0, UINT64_MAX, 0, 1000000000ull },
		{ "0", 0, UINT64_MAX, 0, 0 },
		{ "0.5", 0, UINT64_MAX, 0, 500000000ull },
		{ ".25", 0, UINT64_MAX, 0, 250000000ull },
		{ "2s", 0, UINT64_MAX, 0, 2000000000ull },
		{ "250ms", 0, UINT64_MAX, 0, 250000000ull },
		{ "1.5ms", 0, UINT64_MAX, 0, 1500000ull },
		{ "100us", 0, UINT64_MAX, 0, 100000ull },
		{ "7ns", 0, UINT64_MAX, 0, 7 },
		/* strtod's other forms are not durations */
		{ "0x10", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1e3", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1.2.3", 0, UINT64_MAX, -EINVAL, 0 },
		{ "inf", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1m", 0, UINT64_MAX, 0, 60000000000ull },
		{ "2h", 0, UINT64_MAX, 0, 7200000000000ull },
		/* junk, signs, unknown or misspelt units */
		{ "", 0, UINT64_MAX, -EINVAL, 0 },
		{ NULL, 0, UINT64_MAX, -EINVAL, 0 },
		{ "abc", 0, UINT64_MAX, -EINVAL, 0 },
		{ "ms", 0, UINT64_MAX, -EINVAL, 0 },
		{ ".", 0, UINT64_MAX, -EINVAL, 0 },
		{ "-1", 0, UINT64_MAX, -EINVAL, 0 },
		{ "+1", 0, UINT64_MAX, -EINVAL, 0 },
		{ " 1", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1 s", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1x", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1sec", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1MS", 0, UINT64_MAX, -EINVAL, 0 },
		{ "1.5.5", 0, UINT64_MAX, -EINVAL, 0 },
		{ "nan", 0, UINT64_MAX, -EINVAL, 0 },
		{ "inf", 0, UINT64_MAX, -EINVAL, 0 },
		/* too large for 64-bit nanoseconds */
		{ "99999999999", 0, UINT64_MAX, -ERANGE, 0 },
		{ "999999999h", 0, UINT64_MAX, -ERANGE, 0 },
		/* ranges, inclusive, in nanoseconds */
		{ "10ms", 10000000ull, 60000000000ull, 0, 10000000ull },
		{ "1m", 10000000ull, 60000000000ull, 0, 60000000000ull },
		{ "9ms", 10000000ull, 60000000000ull, -ERANGE, 0 },
		{ "61", 10000000ull, 60000000000ull, -ERANGE, 0 },
		{ "0", 1, UINT64_MAX, -ERANGE, 0 },
	};

	RUN(parse_duration_ns, cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u64),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_duration),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
