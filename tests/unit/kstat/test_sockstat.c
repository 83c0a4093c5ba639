/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sockstat.c: unit tests for the /proc/net/sockstat and sockstat6 lookups. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "kstat/sockstat.h"

static const char sockstat[] =
	"sockets: used 17\n"
	"TCP: inuse 4021 orphan 0 tw 3 alloc 4030 mem 187\n"
	"UDP: inuse 52 mem 4\n"
	"UDPLITE: inuse 9\n"
	"FRAG: inuse 0 memory 0\n";
static const char sockstat6[] = "TCP6: inuse 2000\nUDP6: inuse 52\nUDPLITE6: inuse 0\n";

static void test_values(void **state)
{
	uint64_t v = 0;

	assert_true(sockstat_value(sockstat, "TCP", "inuse", &v));
	assert_int_equal(v, 4021);
	assert_true(sockstat_value(sockstat, "TCP", "tw", &v));
	assert_int_equal(v, 3);
	assert_true(sockstat_value(sockstat, "TCP", "mem", &v));
	assert_int_equal(v, 187);
	/* "UDP" is not "UDPLITE", nor "TCP" "TCP6". */
	assert_true(sockstat_value(sockstat, "UDP", "inuse", &v));
	assert_int_equal(v, 52);
	assert_true(sockstat_value(sockstat, "UDPLITE", "inuse", &v));
	assert_int_equal(v, 9);
	assert_true(sockstat_value(sockstat6, "TCP6", "inuse", &v));
	assert_int_equal(v, 2000);
	assert_false(sockstat_value(sockstat6, "TCP", "inuse", &v));
	(void)state;
}

static void test_missing(void **state)
{
	uint64_t v = 7;

	/* A key's prefix is not the key; a value is not a key; values must be numbers. */
	assert_false(sockstat_value(sockstat, "FRAG", "mem", &v));
	assert_false(sockstat_value(sockstat, "TCP", "in", &v));
	assert_false(sockstat_value(sockstat, "TCP", "4021", &v));
	assert_false(sockstat_value("TCP: inuse x\n", "TCP", "inuse", &v));
	assert_false(sockstat_value("TCP: inuse", "TCP", "inuse", &v));
	assert_false(sockstat_value("", "TCP", "inuse", &v));
	assert_false(sockstat_value("RAW: inuse 1\n", "RAW6", "inuse", &v));
	assert_int_equal(v, 7);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
