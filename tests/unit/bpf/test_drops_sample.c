/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_drops_sample.c: unit tests for the interval difference: folding, sorting, stacks, resets. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bpf/drops_sample.h"

static struct drops_entry entry(uint32_t reason, uint64_t loc, int32_t stack, uint64_t count)
{
	struct drops_entry e = { .key = { .location = loc, .reason = reason, .ifindex = 2,
					  .netns_ino = 7, .stack_id = stack, .ethertype = 0x0800,
					  .ip_proto = 17 },
				 .count = count };

	return e;
}

static void sample(struct drops_sample *s, const struct drops_entry *e, size_t n)
{
	s->entries = malloc(n * sizeof(*e));
	assert_non_null(s->entries);
	memcpy(s->entries, e, n * sizeof(*e));
	s->n = n;
	drops_sample_sort(s);
}

static void test_diff(void **state)
{
	const struct drops_entry p[] = {
		entry(3, 0x1000, 5, 10), entry(3, 0x1000, 6, 4), entry(12, 0x2000, -1, 7),
		entry(13, 0x3000, -1, 100),
	};
	const struct drops_entry c[] = {
		/* One row folded from two stacks, a new stack in it, a key that did not move,
		 * a new key, and a key whose count went down (recreated): counted anew. */
		entry(3, 0x1000, 6, 9), entry(3, 0x1000, 5, 30), entry(3, 0x1000, 8, 1),
		entry(12, 0x2000, -1, 7), entry(2, 0x4000, -1, 26), entry(13, 0x3000, -1, 3),
	};
	struct drops_sample prev = { 0 }, cur = { 0 };
	struct drops_entry *rows;
	int n;

	sample(&prev, p, 4);
	sample(&cur, c, 6);
	strcpy(cur.entries[1].ifname, "vb");
	n = drops_sample_diff(&prev, &cur, &rows);
	assert_int_equal(n, 3);
	/* By count, most first: 20+5+1 = 26 ties with the new key 26: key order (reason 2 first). */
	assert_int_equal(rows[0].key.reason, 2);
	assert_int_equal(rows[0].count, 26);
	assert_int_equal(rows[1].key.reason, 3);
	assert_int_equal(rows[1].count, 26);
	assert_int_equal(rows[1].key.stack_id, -1);
	assert_string_equal(rows[1].ifname, "vb");
	assert_int_equal(rows[2].key.reason, 13);
	assert_int_equal(rows[2].count, 3);
	/* The stack that grew most in the folded row. */
	assert_int_equal(drops_sample_top_stack(&prev, &cur, &rows[1]), 5);
	assert_int_equal(drops_sample_top_stack(&prev, &cur, &rows[0]), -1);
	free(rows);

	/* Since attach (no prev): every count as it is. */
	n = drops_sample_diff(NULL, &cur, &rows);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].count, 40);
	free(rows);
	assert_non_null(drops_sample_find(&cur, &c[4].key));
	assert_null(drops_sample_find(&prev, &c[4].key));
	drops_sample_free(&prev);
	drops_sample_free(&cur);
	assert_int_equal(drops_sample_diff(NULL, &cur, &rows), 0);
	assert_null(rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
