/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_scan.c: unit tests for the text scanning the /proc parsers share. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/scan.h"

/* A value no scan returns, to see that *out stays untouched on errors. */
#define UNTOUCHED 0xdeadbeefcafef00dull

/*
 * The text is copied to a buffer of exactly its length, so a read past end
 * trips ASan in the sanitizer build.
 */
static char *exact(const char *s, size_t len)
{
	char *p = malloc(len ? len : 1);

	assert_non_null(p);
	memcpy(p, s, len);
	return p;
}

static void test_next_line(void **state)
{
	static const char text[] = "one\n\ntwo  \nlast";
	char *t = exact(text, sizeof(text) - 1);
	const char *p = t, *end = t + sizeof(text) - 1, *line, *eol;

	assert_true(scan_next_line(&p, end, &line, &eol));
	assert_ptr_equal(line, t);
	assert_int_equal(eol - line, 3);
	/* An empty line is a line. */
	assert_true(scan_next_line(&p, end, &line, &eol));
	assert_ptr_equal(line, eol);
	assert_true(scan_next_line(&p, end, &line, &eol));
	assert_int_equal(eol - line, 5);
	/* No trailing newline: the last line ends at end, and the caller can tell. */
	assert_true(scan_next_line(&p, end, &line, &eol));
	assert_memory_equal(line, "last", 4);
	assert_ptr_equal(eol, end);
	assert_ptr_equal(p, end);
	assert_false(scan_next_line(&p, end, &line, &eol));
	free(t);

	/* Empty text has no line; a lone newline has one empty line. */
	p = end = text;
	assert_false(scan_next_line(&p, end, &line, &eol));
	t = exact("\n", 1);
	p = t;
	end = t + 1;
	assert_true(scan_next_line(&p, end, &line, &eol));
	assert_ptr_equal(line, t);
	assert_ptr_equal(eol, t);
	assert_ptr_equal(p, end);
	assert_false(scan_next_line(&p, end, &line, &eol));
	free(t);
}

static void test_skip_blanks(void **state)
{
	char *t = exact(" \t x \t", 6);

	assert_ptr_equal(scan_skip_blanks(t, t + 6), t + 3);
	assert_ptr_equal(scan_skip_blanks(t + 4, t + 6), t + 6);
	/* Empty: nothing to skip; a newline is no blank. */
	assert_ptr_equal(scan_skip_blanks(t, t), t);
	free(t);
	t = exact("\n ", 2);
	assert_ptr_equal(scan_skip_blanks(t, t + 2), t);
	free(t);
}

static void test_hex_digit(void **state)
{
	static const char digits[] = "0123456789abcdefABCDEF";

	for (int i = 0; i < 22; i++)
		assert_int_equal(scan_hex_digit(digits[i]), i < 16 ? i : i - 6);
	assert_int_equal(scan_hex_digit('g'), -1);
	assert_int_equal(scan_hex_digit('G'), -1);
	assert_int_equal(scan_hex_digit('/'), -1);
	assert_int_equal(scan_hex_digit(':'), -1);
	assert_int_equal(scan_hex_digit('@'), -1);
	assert_int_equal(scan_hex_digit('`'), -1);
	assert_int_equal(scan_hex_digit('\0'), -1);
	assert_int_equal(scan_hex_digit((char)0xe0), -1);
}

struct num_case {
	const char *s;
	size_t len;		/* bytes of s scanned: s may hold a NUL */
	uint64_t max;		/* scan_dec only */
	const char *stops;
	long used;		/* bytes consumed; -1: rejected */
	uint64_t want;
};

#define CASE(str, max, stops, used, want) { str, sizeof(str) - 1, max, stops, used, want }

static void run(const struct num_case *c, size_t n, bool hex)
{
	for (size_t i = 0; i < n; i++) {
		char *t = exact(c[i].s, c[i].len);
		uint64_t out = UNTOUCHED;
		const char *e = hex ? scan_hex(t, t + c[i].len, c[i].stops, &out) :
				      scan_dec(t, t + c[i].len, c[i].max, c[i].stops, &out);
		long used = e ? (long)(e - t) : -1;
		uint64_t want = c[i].used < 0 ? UNTOUCHED : c[i].want;

		if (used != c[i].used || out != want)
			fail_msg("%s case %zu \"%s\": got %ld, %llu; want %ld, %llu",
				 hex ? "hex" : "dec", i, c[i].s, used, (unsigned long long)out,
				 c[i].used, (unsigned long long)want);
		free(t);
	}
}

static void test_dec(void **state)
{
	static const struct num_case cases[] = {
		CASE("0", UINT64_MAX, "", 1, 0),
		CASE("42", UINT64_MAX, "", 2, 42),
		CASE("007", UINT64_MAX, "", 3, 7),
		/* Empty, no digit, a sign, a leading blank. */
		CASE("", UINT64_MAX, NULL, -1, 0),
		CASE("x", UINT64_MAX, NULL, -1, 0),
		CASE("-1", UINT64_MAX, NULL, -1, 0),
		CASE("+1", UINT64_MAX, NULL, -1, 0),
		CASE(" 1", UINT64_MAX, NULL, -1, 0),
		/* The largest values, and one past them. */
		CASE("18446744073709551615", UINT64_MAX, "", 20, UINT64_MAX),
		CASE("18446744073709551616", UINT64_MAX, "", -1, 0),
		CASE("99999999999999999999", UINT64_MAX, "", -1, 0),
		CASE("000000000000000000000018446744073709551615", UINT64_MAX, "", 42,
		     UINT64_MAX),
		CASE("4294967295", UINT32_MAX, "", 10, UINT32_MAX),
		CASE("4294967296", UINT32_MAX, "", -1, 0),
		CASE("2147483647", INT32_MAX, "", 10, INT32_MAX),
		CASE("2147483648", INT32_MAX, "", -1, 0),
		CASE("9", 9, "", 1, 9),
		CASE("10", 9, "", -1, 0),
		CASE("0", 0, "", 1, 0),
		CASE("1", 0, "", -1, 0),
		/* What may follow: stops, end, anything (NULL) or nothing (""). */
		CASE("12 3", UINT64_MAX, SCAN_BLANKS, 2, 12),
		CASE("12\t3", UINT64_MAX, SCAN_BLANKS, 2, 12),
		CASE("12\t3", UINT64_MAX, " ", -1, 0),
		CASE("12x", UINT64_MAX, SCAN_BLANKS, -1, 0),
		CASE("12x", UINT64_MAX, NULL, 2, 12),
		CASE("12.5", UINT64_MAX, NULL, 2, 12),
		CASE("12 ", UINT64_MAX, "", -1, 0),
		CASE("12\n", UINT64_MAX, SCAN_BLANKS, -1, 0),
		/* A NUL in the text is no stop, though strchr would find one in every stops. */
		CASE("12\0", UINT64_MAX, SCAN_BLANKS, -1, 0),
		CASE("12\0", UINT64_MAX, "", -1, 0),
	};

	run(cases, sizeof(cases) / sizeof(cases[0]), false);
}

static void test_dec_bounded(void **state)
{
	char *t = exact("12345", 5);
	uint64_t v = UNTOUCHED;

	/* end cuts the number: no reading past it, and end is a stop. */
	assert_ptr_equal(scan_dec(t, t + 3, UINT64_MAX, "", &v), t + 3);
	assert_int_equal(v, 123);
	v = UNTOUCHED;
	assert_null(scan_dec(t, t, UINT64_MAX, NULL, &v));
	assert_null(scan_dec(t + 5, t + 5, UINT64_MAX, NULL, &v));
	assert_true(v == UNTOUCHED);
	free(t);
}

static void test_hex(void **state)
{
	static const struct num_case cases[] = {
		CASE("0", 0, "", 1, 0),
		CASE("00000f1a", 0, SCAN_BLANKS, 8, 0xf1a),
		CASE("DeadBeef", 0, "", 8, 0xdeadbeef),
		/* No "0x", no sign, nothing. */
		CASE("0x10", 0, NULL, 1, 0),
		CASE("", 0, NULL, -1, 0),
		CASE("g", 0, NULL, -1, 0),
		CASE("-1", 0, NULL, -1, 0),
		/* The largest value; one nibble more overflows, leading zeros do not. */
		CASE("ffffffffffffffff", 0, "", 16, UINT64_MAX),
		CASE("10000000000000000", 0, "", -1, 0),
		CASE("0000ffffffffffffffff", 0, "", 20, UINT64_MAX),
		CASE("1fffffffffffffff0", 0, "", -1, 0),
		CASE("0fffffffffffffff0", 0, "", 17, 0xfffffffffffffff0ull),
		/* What may follow. */
		CASE("ff T sym", 0, " ", 2, 0xff),
		CASE("ff\tx", 0, " ", -1, 0),
		CASE("ff\tx", 0, SCAN_BLANKS, 2, 0xff),
		CASE("ffz", 0, SCAN_BLANKS, -1, 0),
		CASE("ffz", 0, NULL, 2, 0xff),
		CASE("ff\0", 0, SCAN_BLANKS, -1, 0),
	};

	run(cases, sizeof(cases) / sizeof(cases[0]), true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_line),
		cmocka_unit_test(test_skip_blanks),
		cmocka_unit_test(test_hex_digit),
		cmocka_unit_test(test_dec),
		cmocka_unit_test(test_dec_bounded),
		cmocka_unit_test(test_hex),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
