/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_host.c: unit tests for the /proc/uptime, /proc/loadavg and nodename parsers. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kstat/host.h"
#include "kstat/kstat.h"

#define PARSE(fn, text, h) fn(text, strlen(text), h)

static void test_uptime(void **state)
{
	static const char *const bad[] = {
		"", "\n", "3218.20 3359.02", "3218.20\n", "3218.20 3359.02\n\n", " 3218.20 3359.02\n",
		"3218.20  3359.02\n", "3218. 3359.02\n", ".5 1\n", "-1 2\n", "1,5 2\n", "1 2 3\n",
		"99999999999999999999 1\n", "1e3 1\n",
	};
	struct host_info h = { 0 };

	assert_int_equal(PARSE(host_parse_uptime, "3218.20 3359.02\n", &h), 0);
	assert_true(h.has_uptime);
	assert_int_equal(h.uptime_ms, 3218200);
	/* Whole seconds, and more decimals than milliseconds: cut, not rounded. */
	assert_int_equal(PARSE(host_parse_uptime, "7 0\n", &h), 0);
	assert_int_equal(h.uptime_ms, 7000);
	assert_int_equal(PARSE(host_parse_uptime, "1.23456 0.5\n", &h), 0);
	assert_int_equal(h.uptime_ms, 1234);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (PARSE(host_parse_uptime, bad[i], &h) != -EBADMSG)
			fail_msg("uptime \"%s\" was not rejected", bad[i]);
		assert_false(h.has_uptime);
	}
}

static void test_loadavg(void **state)
{
	static const char *const bad[] = {
		"", "2.82 1.63 1.57 3/125 11212", "2.82 1.63 3/125 11212\n",
		"2.82 1.63 1.57 3 11212\n", "2.82 1.63 1.57 3/125\n", "2.82 1.63 1.57 /125 1\n",
		"2.82 1.63 1.57 3/125 11212 9\n", "2.82 1.63 1.57 3/99999999999 1\n",
		"x 1.63 1.57 3/125 11212\n", "2.82 1.63 1.57 3/125 11212\n\n",
	};
	struct host_info h = { 0 };

	assert_int_equal(PARSE(host_parse_loadavg, "2.82 1.63 1.57 3/125 11212\n", &h), 0);
	assert_true(h.has_load);
	assert_int_equal(h.load_centi[0], 282);
	assert_int_equal(h.load_centi[1], 163);
	assert_int_equal(h.load_centi[2], 157);
	assert_int_equal(h.runnable, 3);
	assert_int_equal(h.threads, 125);
	assert_int_equal(PARSE(host_parse_loadavg, "0.00 10.5 123.45 0/1 1\n", &h), 0);
	assert_int_equal(h.load_centi[0], 0);
	assert_int_equal(h.load_centi[1], 1050);
	assert_int_equal(h.load_centi[2], 12345);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (PARSE(host_parse_loadavg, bad[i], &h) != -EBADMSG)
			fail_msg("loadavg \"%s\" was not rejected", bad[i]);
		assert_false(h.has_load);
	}
}

static void test_name(void **state)
{
	char line[HOST_NAME_LEN + 1], long_name[HOST_NAME_LEN + 2];
	struct host_info h = { 0 };

	assert_int_equal(PARSE(host_parse_name, "vm\n", &h), 0);
	assert_true(h.has_name);
	assert_string_equal(h.name, "vm");
	/* An empty nodename is a name too. */
	assert_int_equal(PARSE(host_parse_name, "\n", &h), 0);
	assert_string_equal(h.name, "");
	assert_int_equal(PARSE(host_parse_name, "vm", &h), -EBADMSG);
	assert_int_equal(PARSE(host_parse_name, "a\nb\n", &h), -EBADMSG);
	assert_int_equal(PARSE(host_parse_name, "esc\x1b[2J\n", &h), -EBADMSG);
	assert_int_equal(host_parse_name("", 0, &h), -EBADMSG);
	/* 64 bytes is the longest nodename; 65 is no kernel's. */
	memset(long_name, 'a', sizeof(long_name));
	long_name[HOST_NAME_LEN - 1] = '\n';
	assert_int_equal(host_parse_name(long_name, HOST_NAME_LEN, &h), 0);
	assert_int_equal(strlen(h.name), HOST_NAME_LEN - 1);
	long_name[HOST_NAME_LEN - 1] = 'a';
	long_name[HOST_NAME_LEN] = '\n';
	assert_int_equal(host_parse_name(long_name, HOST_NAME_LEN + 1, &h), -EBADMSG);

	/* What the live nodename becomes parses back. */
	assert_int_equal(host_name_text(line), 0);
	assert_int_equal(host_parse_name(line, strlen(line), &h), 0);
}

/* The live files parse (the kernel's format is what the tests above pin down). */
static void test_live(void **state)
{
	struct host_info h = { 0 };
	char *buf;
	size_t len;

	assert_int_equal(kstat_read_file("/proc/uptime", &buf, &len), 0);
	assert_int_equal(host_parse_uptime(buf, len, &h), 0);
	assert_true(h.uptime_ms > 0);
	free(buf);
	assert_int_equal(kstat_read_file("/proc/loadavg", &buf, &len), 0);
	assert_int_equal(host_parse_loadavg(buf, len, &h), 0);
	assert_true(h.threads >= 1);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uptime),
		cmocka_unit_test(test_loadavg),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
