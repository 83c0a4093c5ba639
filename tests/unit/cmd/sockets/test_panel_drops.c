/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_panel_drops.c: each socket's drop counter from one dump to the next (top's drops by process). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cmd/sockets/panel_drops.h"

/* One dump of n sockets {cookie, inode, drops}, in the order given. */
static void dump(struct sock_drops *d, const uint64_t (*s)[3], size_t n)
{
	sock_drops_begin(d);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(sock_drops_add(d, s[i][0], s[i][1], (uint32_t)s[i][2]), 0);
	sock_drops_end(d);
}

static void test_deltas(void **state)
{
	static const uint64_t first[][3] = { { 30, 300, 5 }, { 10, 100, 7 }, { 20, 200, 0 } };
	/* 10 grew by 3, 30 did not, 40 is new (all 4 count), 20 still none; 50's counter went
	 * backwards: another socket under a reused cookie, its 2 count. */
	static const uint64_t second[][3] = {
		{ 40, 400, 4 }, { 10, 100, 10 }, { 30, 300, 5 }, { 20, 200, 0 }, { 50, 501, 2 },
	};
	static const uint64_t before_50[][3] = { { 50, 500, 9 } };
	struct sock_drops *d = sock_drops_new();
	uint64_t inode, delta, sum = 0;
	size_t n;

	(void)state;
	assert_non_null(d);
	/* The first dump is the baseline: nothing grew. */
	dump(d, first, 3);
	assert_false(sock_drops_grown(d, 0, &inode, &delta));
	dump(d, before_50, 1);
	dump(d, second, 5);
	for (n = 0; sock_drops_grown(d, n, &inode, &delta); n++)
		sum += inode * 1000 + delta;
	/* In cookie order: 10 (+10: it was not in the dump before), 30 (+5), 40 (+4), 50 (+2). */
	assert_int_equal(n, 4);
	assert_int_equal(sum, 100 * 1000 + 10 + 300 * 1000 + 5 + 400 * 1000 + 4 + 501 * 1000 + 2);
	/* The same counters again: nothing grew. */
	dump(d, second, 5);
	assert_false(sock_drops_grown(d, 0, &inode, &delta));
	sock_drops_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deltas),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
