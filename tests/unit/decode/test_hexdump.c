/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_hexdump.c: unit tests for the -x, -X and -A dumps, laid out byte for byte as tcpdump's. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "decode/hexdump.h"

static const uint8_t data[] = "GET / HTTP/1.0\r\nHost: a\tb\r\n\x01\x7f\xff!";

static void test_hex(void **state)
{
	char buf[512];
	size_t n = hexdump_format(buf, sizeof(buf), data, 19, HEXDUMP_HEX);

	(void)state;
	/* No padding after the last byte: tcpdump ends the line there. */
	assert_string_equal(buf, "\n\t0x0000:  4745 5420 2f20 4854 5450 2f31 2e30 0d0a"
				 "\n\t0x0010:  486f 73");
	assert_int_equal(n, strlen(buf));
}

static void test_hex_ascii(void **state)
{
	char buf[512], want[512];

	(void)state;
	/*
	 * A space is a dot in -X's text column (graphic characters only); the hex
	 * is padded as tcpdump's "%s0x%04x: %-*s  %s" with a width of 40.
	 */
	hexdump_format(buf, sizeof(buf), data, 19, HEXDUMP_HEX_ASCII);
	snprintf(want, sizeof(want), "\n\t0x0000: %-40s  %s\n\t0x0010: %-40s  %s",
		 " 4745 5420 2f20 4854 5450 2f31 2e30 0d0a", "GET./.HTTP/1.0..", " 486f 73", "Hos");
	assert_string_equal(buf, want);
}

static void test_ascii(void **state)
{
	char buf[512];

	(void)state;
	/* CR before LF dropped, tab and space kept, the rest dotted, as tcpdump -A. */
	hexdump_format(buf, sizeof(buf), data, sizeof(data) - 1, HEXDUMP_ASCII);
	assert_string_equal(buf, "\nGET / HTTP/1.0\nHost: a\tb\n...!");
	hexdump_format(buf, sizeof(buf), (const uint8_t *)"a\rb\r", 4, HEXDUMP_ASCII);
	assert_string_equal(buf, "\na.b.");
}

/* Offsets past 64 KiB get more digits; a short buffer is cut, and the length tells the need. */
static void test_big_and_short(void **state)
{
	static uint8_t big[0x10010];
	static char out[0x10010 * 4];
	char small[16];
	size_t need;

	(void)state;
	need = hexdump_format(out, sizeof(out), big, sizeof(big), HEXDUMP_HEX);
	assert_int_equal(need, strlen(out));
	assert_non_null(strstr(out, "\n\t0xfff0:  0000"));
	assert_non_null(strstr(out, "\n\t0x10000:  0000"));
	need = hexdump_format(small, sizeof(small), data, 19, HEXDUMP_HEX);
	assert_int_equal(need, strlen("\n\t0x0000:  4745 5420 2f20 4854 5450 2f31 2e30 0d0a"
				      "\n\t0x0010:  486f 73"));
	assert_int_equal(strlen(small), sizeof(small) - 1);
	assert_int_equal(hexdump_format(small, sizeof(small), data, 0, HEXDUMP_HEX), 0);
	assert_string_equal(small, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_hex_ascii),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_big_and_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
