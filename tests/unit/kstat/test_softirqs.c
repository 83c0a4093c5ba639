/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_softirqs.c: unit tests for the /proc/softirqs parser: real text, gaps, width, junk, cuts. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kstat/softirqs.h"

/* A 2-CPU machine's /proc/softirqs as the kernel printed it (trailing blanks included). */
static const char real_2cpu[] =
	"                    CPU0       CPU1       \n"
	"          HI:          0          0\n"
	"       TIMER:       3759       5114\n"
	"      NET_TX:          4          0\n"
	"      NET_RX:        867        910\n"
	"       BLOCK:          0      43849\n"
	"    IRQ_POLL:          0          0\n"
	"     TASKLET:          3          0\n"
	"       SCHED:      13957      12770\n"
	"     HRTIMER:          0          0\n"
	"         RCU:      10879       9684\n";

/* A sparse possible-CPU mask: the header skips numbers, rows still have one count a column. */
static const char gaps[] =
	"                    CPU0       CPU2       CPU3       CPU17      \n"
	"          HI:          1          2          3          4\n"
	"      NET_TX:         10         20         30         40\n"
	"      NET_RX: 4294967295        200          0        400\n";

/*
 * Parses text from a heap copy of exactly strlen(text) bytes with no NUL
 * after it, so ASan catches any read past len.
 */
static int parse_exact(const char *text, size_t len, struct softirqs_snap *s)
{
	char *copy = malloc(len ? len : 1);
	int err;

	assert_non_null(copy);
	memcpy(copy, text, len);
	err = softirqs_parse(copy, len, s);
	free(copy);
	return err;
}

static int parse_str(const char *text, struct softirqs_snap *s)
{
	return parse_exact(text, strlen(text), s);
}

static void test_real_2cpu(void **state)
{
	struct softirqs_snap s;

	assert_int_equal(parse_str(real_2cpu, &s), 0);
	assert_int_equal(s.ncpus, 2);
	assert_int_equal(s.cpus[0].cpu, 0);
	assert_int_equal(s.cpus[0].net_rx, 867);
	assert_int_equal(s.cpus[0].net_tx, 4);
	assert_int_equal(s.cpus[1].cpu, 1);
	assert_int_equal(s.cpus[1].net_rx, 910);
	assert_int_equal(s.cpus[1].net_tx, 0);
	softirqs_free(&s);
	assert_null(s.cpus);
	assert_int_equal(s.ncpus, 0);
}

static void test_gaps(void **state)
{
	static const unsigned cpu[] = { 0, 2, 3, 17 };
	static const uint64_t rx[] = { 4294967295u, 200, 0, 400 }, tx[] = { 10, 20, 30, 40 };
	struct softirqs_snap s;

	assert_int_equal(parse_str(gaps, &s), 0);
	assert_int_equal(s.ncpus, 4);
	for (unsigned i = 0; i < 4; i++) {
		assert_int_equal(s.cpus[i].cpu, cpu[i]);
		assert_int_equal(s.cpus[i].net_rx, rx[i]);
		assert_int_equal(s.cpus[i].net_tx, tx[i]);
	}
	softirqs_free(&s);
}

/* Prints a 64-CPU table the way kernel/softirq.c does: "CPU%-8d", "%12s:", " %10u". */
static char *make_64cpu(size_t *len)
{
	static const char *const names[] = { "HI", "TIMER", "NET_TX", "NET_RX", "RCU" };
	size_t cap = 16384, n = 0;
	char *b = malloc(cap);

	assert_non_null(b);
	n += (size_t)snprintf(b + n, cap - n, "%20s", "");
	for (unsigned c = 0; c < 64; c++)
		n += (size_t)snprintf(b + n, cap - n, "CPU%-8u", c);
	n += (size_t)snprintf(b + n, cap - n, "\n");
	for (unsigned r = 0; r < 5; r++) {
		n += (size_t)snprintf(b + n, cap - n, "%12s:", names[r]);
		for (unsigned c = 0; c < 64; c++)
			n += (size_t)snprintf(b + n, cap - n, " %10u",
					      r * 1000000u + c * 1000u + 7);
		n += (size_t)snprintf(b + n, cap - n, "\n");
	}
	assert_true(n < cap);
	*len = n;
	return b;
}

static void test_64cpu(void **state)
{
	struct softirqs_snap s;
	size_t len;
	char *text = make_64cpu(&len);

	assert_int_equal(parse_exact(text, len, &s), 0);
	assert_int_equal(s.ncpus, 64);
	for (unsigned c = 0; c < 64; c++) {
		assert_int_equal(s.cpus[c].cpu, c);
		assert_int_equal(s.cpus[c].net_tx, 2000000u + c * 1000u + 7);
		assert_int_equal(s.cpus[c].net_rx, 3000000u + c * 1000u + 7);
	}
	softirqs_free(&s);
	free(text);
}

/*
 * Every prefix of the real text either fails with -EBADMSG or, when it is
 * cut at a line boundary after both rows we keep, gives the full values.
 */
static void test_truncated(void **state)
{
	size_t len = strlen(real_2cpu), nok = 0;
	const char *after_rx = strstr(real_2cpu, "       BLOCK:");

	for (size_t cut = 0; cut < len; cut++) {
		struct softirqs_snap s;
		int err;

		memset(&s, 0xa5, sizeof(s));
		err = parse_exact(real_2cpu, cut, &s);

		if (err) {
			assert_int_equal(err, -EBADMSG);
			assert_null(s.cpus);
			assert_int_equal(s.ncpus, 0);
			continue;
		}
		nok++;
		assert_true(cut >= (size_t)(after_rx - real_2cpu));
		assert_int_equal(real_2cpu[cut - 1], '\n');
		assert_int_equal(s.ncpus, 2);
		assert_int_equal(s.cpus[1].net_rx, 910);
		assert_int_equal(s.cpus[0].net_tx, 4);
		softirqs_free(&s);
	}
	/* Cuts after NET_RX, BLOCK, IRQ_POLL, TASKLET, SCHED and HRTIMER. */
	assert_int_equal(nok, 6);
}

static void test_junk(void **state)
{
	static const char *const cases[] = {
		"",
		"\n",
		"       CPU0\n",						/* no rows */
		"       CPU0\n      NET_RX:  1\n",				/* no NET_TX */
		"       CPU0\n      NET_TX:  1\n",				/* no NET_RX */
		"       CPU0\n      NET_RX:  1\n      NET_TX:  2",	/* no last newline */
		"       CPU0\n      NET_RX:  1\n      NET_TX:  2\n\n",	/* blank line */
		"       CPU0\n      NET_RX:  1\n      NET_RX:  1\n      NET_TX:  2\n",
		"  CPU0 CPU1\n  NET_RX:  1\n  NET_TX:  2  3\n",		/* short row */
		"  CPU0 CPU1\n  NET_RX:  1  2  3\n  NET_TX:  2  3\n",		/* long row */
		"  CPU0 CPU1\n  NET_RX:  1  x\n  NET_TX:  2  3\n",
		"  CPU0 CPU1\n  NET_RX:  1  -2\n  NET_TX:  2  3\n",
		"  CPU0 CPU1\n  NET_RX:  1  2x\n  NET_TX:  2  3\n",
		"  CPU0 CPU1\n  NET_RX   1  2\n  NET_TX:  2  3\n",		/* no colon */
		"  CPU0 CPU1\n  NET_RX:1  2\n  NET_TX:  2  3\n",		/* glued count */
		"  CPU0 CPU1\n  :  1  2\n  NET_TX:  2  3\n  NET_RX:  2  3\n",	/* no name */
		"  CPU0 CPU1\n  NET RX:  1  2\n  NET_TX:  2  3\n",
		"  CPU0 CPU1\n  NET_RX:  1  18446744073709551616\n  NET_TX:  2  3\n",
		"  CPU1 CPU0\n  NET_RX:  1  2\n  NET_TX:  2  3\n",		/* not increasing */
		"  CPU0 CPU0\n  NET_RX:  1  2\n  NET_TX:  2  3\n",
		"  CPU0 CPUx\n  NET_RX:  1  2\n  NET_TX:  2  3\n",
		"  CPU0 CPU\n  NET_RX:  1  2\n  NET_TX:  2  3\n",
		"  CPU0 GPU1\n  NET_RX:  1  2\n  NET_TX:  2  3\n",
		"  CPU0 CPU4294967296\n  NET_RX:  1  2\n  NET_TX:  2  3\n",
		"  NET_RX:  1  2\n  NET_TX:  2  3\n",				/* no header */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct softirqs_snap s;
		int err = parse_str(cases[i], &s);

		if (err != -EBADMSG)
			fail_msg("case %zu \"%s\": got %d, want -EBADMSG", i, cases[i], err);
		assert_null(s.cpus);
		assert_int_equal(s.ncpus, 0);
	}
}

/* A NUL inside the text is junk like any other byte, not an end. */
static void test_embedded_nul(void **state)
{
	static const char text[] = "  CPU0\n  NET_RX:  1\0\n  NET_TX:  2\n";
	struct softirqs_snap s;

	assert_int_equal(parse_exact(text, sizeof(text) - 1, &s), -EBADMSG);
}

static void test_limits(void **state)
{
	static const char text[] =
		"\tCPU4294967295\n"
		"NET_RX:\t18446744073709551615\n"
		"NET_TX:  0000000000000000000000000042 \n"
		"Odd_Name_9: 5\n";
	struct softirqs_snap s;

	assert_int_equal(parse_str(text, &s), 0);
	assert_int_equal(s.ncpus, 1);
	assert_int_equal(s.cpus[0].cpu, 4294967295u);
	assert_true(s.cpus[0].net_rx == UINT64_MAX);
	assert_int_equal(s.cpus[0].net_tx, 42);
	softirqs_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_2cpu),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_64cpu),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_junk),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
