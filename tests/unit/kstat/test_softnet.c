/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_softnet.c: unit tests for the /proc/net/softnet_stat parser across kernel column layouts. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kstat/softnet.h"

/* 6.x: 15 columns (input_qlen and process_qlen after the index), from a 2-CPU machine. */
static const char real_15col[] =
	"00000008 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 "
	"00000000 00000000 00000000 00000000 00000000 00000000\n"
	"000004c3 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 "
	"00000000 00000000 00000000 00000001 00000000 00000000\n";

/* 5.10: 13 columns; CPUs 1 and 3 offline, so the index column skips them. */
static const char gaps_13col[] =
	"0001e240 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000 "
	"00000004 00000005 00000006 00000000\n"
	"ffffffff 00000012 00000013 00000000 00000000 00000000 00000000 00000000 00000000 "
	"00000014 00000015 00000016 00000002\n"
	"00000020 00000022 00000023 00000000 00000000 00000000 00000000 00000000 00000000 "
	"00000024 00000025 00000026 00000004\n";

/* 3.11 to 5.9: 11 columns, no backlog length, no index. */
static const char old_11col[] =
	"0000000a 0000000b 0000000c 00000000 00000000 00000000 00000000 00000000 00000000 "
	"0000000d 0000000e\n"
	"0000001a 0000001b 0000001c 00000000 00000000 00000000 00000000 00000000 00000000 "
	"0000001d 0000001e\n";

/* 2.6.35 to 3.10: 10 columns, no flow limit. */
static const char old_10col[] =
	"0000000a 0000000b 0000000c 00000000 00000000 00000000 00000000 00000000 00000000 "
	"0000000d\n";

/* Before 2.6.35: 9 columns, no RPS. */
static const char old_9col[] =
	"0000000a 0000000b 0000000c 00000000 00000000 00000000 00000000 00000000 00000000\n";

/* Parses from a heap copy of exactly len bytes with no NUL after it, so ASan sees overreads. */
static int parse_exact(const char *text, size_t len, struct softnet_snap *s)
{
	char *copy = malloc(len ? len : 1);
	int err;

	assert_non_null(copy);
	memcpy(copy, text, len);
	memset(s, 0xa5, sizeof(*s));
	err = softnet_parse(copy, len, s);
	free(copy);
	return err;
}

static int parse_str(const char *text, struct softnet_snap *s)
{
	return parse_exact(text, strlen(text), s);
}

static void assert_flags(const struct softnet_cpu *c, bool rps, bool flow, bool backlog)
{
	assert_int_equal(c->has_rps, rps);
	assert_int_equal(c->has_flow_limit, flow);
	assert_int_equal(c->has_backlog, backlog);
}

static void test_real_15col(void **state)
{
	struct softnet_snap s;

	assert_int_equal(parse_str(real_15col, &s), 0);
	assert_int_equal(s.ncpus, 2);
	assert_int_equal(s.cpus[0].cpu, 0);
	assert_int_equal(s.cpus[0].processed, 8);
	assert_int_equal(s.cpus[1].cpu, 1);
	assert_int_equal(s.cpus[1].processed, 0x4c3);
	for (unsigned i = 0; i < 2; i++) {
		assert_flags(&s.cpus[i], true, true, true);
		assert_int_equal(s.cpus[i].dropped, 0);
		assert_int_equal(s.cpus[i].time_squeeze, 0);
		assert_int_equal(s.cpus[i].backlog_len, 0);
	}
	softnet_free(&s);
	assert_null(s.cpus);
	assert_int_equal(s.ncpus, 0);
}

static void test_gaps_13col(void **state)
{
	static const unsigned cpu[] = { 0, 2, 4 };
	static const uint64_t processed[] = { 123456, 0xffffffff, 0x20 };
	struct softnet_snap s;

	assert_int_equal(parse_str(gaps_13col, &s), 0);
	assert_int_equal(s.ncpus, 3);
	for (unsigned i = 0; i < 3; i++) {
		const struct softnet_cpu *c = &s.cpus[i];

		assert_int_equal(c->cpu, cpu[i]);
		assert_true(c->processed == processed[i]);
		assert_int_equal(c->dropped, 0x02 + 0x10 * i);
		assert_int_equal(c->time_squeeze, 0x03 + 0x10 * i);
		assert_int_equal(c->received_rps, 0x04 + 0x10 * i);
		assert_int_equal(c->flow_limit_count, 0x05 + 0x10 * i);
		assert_int_equal(c->backlog_len, 0x06 + 0x10 * i);
		assert_flags(c, true, true, true);
	}
	softnet_free(&s);
}

static void test_old_11col(void **state)
{
	struct softnet_snap s;

	assert_int_equal(parse_str(old_11col, &s), 0);
	assert_int_equal(s.ncpus, 2);
	for (unsigned i = 0; i < 2; i++) {
		const struct softnet_cpu *c = &s.cpus[i];

		/* No index column: the row number stands in for the CPU. */
		assert_int_equal(c->cpu, i);
		assert_int_equal(c->processed, 0x0a + 0x10 * i);
		assert_int_equal(c->dropped, 0x0b + 0x10 * i);
		assert_int_equal(c->time_squeeze, 0x0c + 0x10 * i);
		assert_int_equal(c->received_rps, 0x0d + 0x10 * i);
		assert_int_equal(c->flow_limit_count, 0x0e + 0x10 * i);
		assert_int_equal(c->backlog_len, 0);
		assert_flags(c, true, true, false);
	}
	softnet_free(&s);
}

static void test_old_10col(void **state)
{
	struct softnet_snap s;

	assert_int_equal(parse_str(old_10col, &s), 0);
	assert_int_equal(s.ncpus, 1);
	assert_int_equal(s.cpus[0].cpu, 0);
	assert_int_equal(s.cpus[0].processed, 0x0a);
	assert_int_equal(s.cpus[0].received_rps, 0x0d);
	assert_int_equal(s.cpus[0].flow_limit_count, 0);
	assert_flags(&s.cpus[0], true, false, false);
	softnet_free(&s);
}

static void test_old_9col(void **state)
{
	struct softnet_snap s;

	assert_int_equal(parse_str(old_9col, &s), 0);
	assert_int_equal(s.ncpus, 1);
	assert_int_equal(s.cpus[0].time_squeeze, 0x0c);
	assert_int_equal(s.cpus[0].received_rps, 0);
	assert_flags(&s.cpus[0], false, false, false);
	softnet_free(&s);
}

/* Kernels keep appending columns: 17 of them still parse, the extra ones ignored. */
static void test_future_17col(void **state)
{
	static const char text[] =
		"00000001 00000002 00000003 0 0 0 0 0 0 00000004 00000005 00000006 00000009 "
		"1 2 3 FFFFFFFFFFFFFFFF\n";
	struct softnet_snap s;

	assert_int_equal(parse_str(text, &s), 0);
	assert_int_equal(s.ncpus, 1);
	assert_int_equal(s.cpus[0].cpu, 9);
	assert_int_equal(s.cpus[0].backlog_len, 6);
	assert_flags(&s.cpus[0], true, true, true);
	softnet_free(&s);
}

static void test_junk(void **state)
{
	static const char *const cases[] = {
		"",
		"\n",
		"1 2 3 4 5 6 7 8\n",				/* 8 columns */
		"1 2 3 4 5 6 7 8 9 a b c\n",			/* 12: backlog without index */
		"1 2 3 4 5 6 7 8 9 a b\n1 2 3 4 5 6 7 8 9 a\n",	/* mixed layouts */
		"1 2 3 4 5 6 7 8 9 a b\n\n",			/* blank line */
		"1 2 3 4 5 6 7 8 9 a b",			/* no final newline */
		"1 2 3 4 5 6 7 8 9 a g\n",
		"1 2 3 4 5 6 7 8 9 a 0x1\n",
		"1 2 3 4 5 6 7 8 9 a -1\n",
		"1 2 3 4 5 6 7 8 9 a 1,\n",
		"1 2 3 4 5 6 7 8 9 a 10000000000000000\n",	/* 2^64 */
		"1 2 3 4 5 6 7 8 9 a b c 2\n1 2 3 4 5 6 7 8 9 a b c 2\n",	/* index repeats */
		"1 2 3 4 5 6 7 8 9 a b c 3\n1 2 3 4 5 6 7 8 9 a b c 2\n",	/* goes back */
		"1 2 3 4 5 6 7 8 9 a b c 100000000\n",		/* index past UINT_MAX */
		"1 2 3 4 5 6 7 8 9 a b\r\n",
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct softnet_snap s;
		int err = parse_str(cases[i], &s);

		if (err != -EBADMSG)
			fail_msg("case %zu \"%s\": got %d, want -EBADMSG", i, cases[i], err);
		assert_null(s.cpus);
		assert_int_equal(s.ncpus, 0);
	}
}

static void test_embedded_nul(void **state)
{
	static const char text[] = "1 2 3 4 5 6 7 8 9 a b\0\n";
	struct softnet_snap s;

	assert_int_equal(parse_exact(text, sizeof(text) - 1, &s), -EBADMSG);
}

/* Every prefix of the real text fails, except the cut after its first row. */
static void test_truncated(void **state)
{
	size_t len = strlen(real_15col);
	size_t first_row = (size_t)(strchr(real_15col, '\n') - real_15col);

	for (size_t cut = 0; cut < len; cut++) {
		struct softnet_snap s;
		int err = parse_exact(real_15col, cut, &s);

		if (cut != first_row + 1) {
			assert_int_equal(err, -EBADMSG);
			assert_null(s.cpus);
			continue;
		}
		assert_int_equal(err, 0);
		assert_int_equal(s.ncpus, 1);
		assert_int_equal(s.cpus[0].processed, 8);
		softnet_free(&s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_15col),
		cmocka_unit_test(test_gaps_13col),
		cmocka_unit_test(test_old_11col),
		cmocka_unit_test(test_old_10col),
		cmocka_unit_test(test_old_9col),
		cmocka_unit_test(test_future_17col),
		cmocka_unit_test(test_junk),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
