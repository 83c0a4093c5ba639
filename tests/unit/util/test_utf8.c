/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_utf8.c: unit tests for strict UTF-8 validation, one case per kind of ill-formed input. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "util/utf8.h"

static size_t seq(const char *s, size_t n)
{
	return utf8_seq_len((const unsigned char *)s, n);
}

static void test_valid_lengths(void **state)
{
	assert_int_equal(seq("A", 1), 1);
	assert_int_equal(seq("", 1), 1);		/* NUL is a valid one-byte sequence */
	assert_int_equal(seq("\x7f", 1), 1);
	assert_int_equal(seq("\xc2\x80", 2), 2);	/* U+0080 */
	assert_int_equal(seq("\xc3\xa9", 2), 2);	/* é */
	assert_int_equal(seq("\xdf\xbf", 2), 2);	/* U+07FF */
	assert_int_equal(seq("\xe0\xa0\x80", 3), 3);	/* U+0800 */
	assert_int_equal(seq("\xe2\x82\xac", 3), 3);	/* € */
	assert_int_equal(seq("\xed\x9f\xbf", 3), 3);	/* U+D7FF, just below the surrogates */
	assert_int_equal(seq("\xee\x80\x80", 3), 3);	/* U+E000, just above */
	assert_int_equal(seq("\xef\xbf\xbf", 3), 3);	/* U+FFFF */
	assert_int_equal(seq("\xf0\x90\x80\x80", 4), 4);	/* U+10000 */
	assert_int_equal(seq("\xf0\x9f\x98\x80", 4), 4);	/* 😀 */
	assert_int_equal(seq("\xf4\x8f\xbf\xbf", 4), 4);	/* U+10FFFF */
	/* Only the sequence at the start counts. */
	assert_int_equal(seq("\xc3\xa9\x80", 3), 2);
}

static void test_invalid(void **state)
{
	assert_int_equal(seq("A", 0), 0);
	assert_int_equal(seq("\x80", 1), 0);		/* stray continuation */
	assert_int_equal(seq("\xbf", 1), 0);
	assert_int_equal(seq("\xc0\xaf", 2), 0);	/* overlong '/' */
	assert_int_equal(seq("\xc1\xbf", 2), 0);
	assert_int_equal(seq("\xe0\x80\xaf", 3), 0);	/* overlong, three bytes */
	assert_int_equal(seq("\xe0\x9f\xbf", 3), 0);
	assert_int_equal(seq("\xf0\x80\x80\xaf", 4), 0);	/* overlong, four bytes */
	assert_int_equal(seq("\xf0\x8f\xbf\xbf", 4), 0);
	assert_int_equal(seq("\xed\xa0\x80", 3), 0);	/* U+D800 */
	assert_int_equal(seq("\xed\xbf\xbf", 3), 0);	/* U+DFFF */
	assert_int_equal(seq("\xf4\x90\x80\x80", 4), 0);	/* U+110000 */
	assert_int_equal(seq("\xf5\x80\x80\x80", 4), 0);
	assert_int_equal(seq("\xff", 1), 0);
	assert_int_equal(seq("\xfe", 1), 0);
	assert_int_equal(seq("\xe2\x82", 2), 0);	/* truncated at the end */
	assert_int_equal(seq("\xe2\x82" "A", 3), 0);	/* cut short by ASCII */
	assert_int_equal(seq("\xf0\x9f\x98", 3), 0);
	assert_int_equal(seq("\xf0\x9f\x98" "A", 4), 0);
	assert_int_equal(seq("\xc3" "A", 2), 0);
	assert_int_equal(seq("\xc3\xc3", 2), 0);
}

static void test_is_valid(void **state)
{
	static const char ok[] = "plain \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 end";

	assert_true(utf8_is_valid("", 0));
	assert_true(utf8_is_valid(ok, sizeof(ok) - 1));
	assert_true(utf8_is_valid("a\0b", 3));
	assert_false(utf8_is_valid(ok, sizeof(ok) - 6));	/* cuts the emoji */
	assert_false(utf8_is_valid("abc\x80", 4));
	assert_false(utf8_is_valid("\xed\xa0\x80", 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_lengths),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_is_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
