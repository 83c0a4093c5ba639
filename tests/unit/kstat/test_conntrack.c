/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_conntrack.c: unit tests for the /proc/net/stat/nf_conntrack parser. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kstat/conntrack.h"

/* 6.x, two CPUs: counters summed, entries taken once. */
static const char real[] =
	"entries  clashres found new invalid ignore delete chainlength insert insert_failed drop "
	"early_drop icmp_error  expect_new expect_create expect_delete search_restart\n"
	"00000010  00000000 00000001 00000000 00000002 00000000 00000000 00000000 00000000 "
	"00000003 00000004 00000005 00000000  00000000 00000000 00000000 00000006\n"
	"00000010  00000000 00000001 00000000 00000002 00000000 00000000 00000000 00000000 "
	"00000003 0000000a 00000005 00000000  00000000 00000000 00000000 00000006\n";

static int parse(const char *text, struct conntrack_stat *s)
{
	size_t len = strlen(text);
	char *copy = malloc(len ? len : 1);
	int err;

	assert_non_null(copy);
	memcpy(copy, text, len);
	err = conntrack_parse(copy, len, s);
	free(copy);
	return err;
}

static void test_real(void **state)
{
	struct conntrack_stat s;

	assert_int_equal(parse(real, &s), 0);
	assert_int_equal(s.v[CT_ENTRIES], 16);
	assert_int_equal(s.v[CT_FOUND], 2);
	assert_int_equal(s.v[CT_INVALID], 4);
	assert_int_equal(s.v[CT_INSERT_FAILED], 6);
	assert_int_equal(s.v[CT_DROP], 14);
	assert_int_equal(s.v[CT_EARLY_DROP], 10);
	assert_int_equal(s.v[CT_SEARCH_RESTART], 12);
	assert_int_equal(s.has, (1u << CT_NCOUNTERS) - 1);
	assert_string_equal(conntrack_counter_name(CT_EARLY_DROP), "early_drop");
}

/* An older layout without search_restart: found by name, the missing one unset. */
static void test_old(void **state)
{
	struct conntrack_stat s;

	assert_int_equal(parse("entries searched found drop early_drop\n"
			       "00000001 00000002 00000003 00000004 00000005\n", &s), 0);
	assert_int_equal(s.v[CT_DROP], 4);
	assert_false(s.has & (1u << CT_SEARCH_RESTART));
}

static void test_bad(void **state)
{
	static const char *const bad[] = {
		"", "\n",
		"entries drop\n00000001\n",
		"entries drop\n00000001 00000002 00000003\n",
		"entries drop\n0000000g 00000001\n",
		"entries drop\n00000000000000001 00000001\n",
	};
	struct conntrack_stat s;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(bad[i], &s) != -EBADMSG)
			fail_msg("\"%s\" was not rejected", bad[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real),
		cmocka_unit_test(test_old),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
