/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_attrib_table.c: the owner table: exact and any-namespace finds, use order, eviction. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "attrib/attrib_table.h"

static struct attrib_key key(uint32_t netns, uint16_t lport)
{
	struct attrib_key k;

	memset(&k, 0, sizeof(k));
	k.netns = netns;
	k.family = 4;
	k.proto = 17;
	k.lport = lport;
	k.rport = 53;
	k.laddr[0] = 10;
	k.raddr[0] = 10;
	k.raddr[3] = 1;
	return k;
}

static void test_put_find(void **state)
{
	struct attrib_table *t = attrib_table_new(16);
	struct attrib_key k = key(1, 1000), other = key(2, 1000);
	struct attrib_entry *e;

	(void)state;
	assert_non_null(t);
	e = attrib_table_put(t, &k, NULL);
	assert_int_equal(e->proc.selected, -1);
	e->proc.pid = 42;
	assert_ptr_equal(attrib_table_put(t, &k, NULL), e);
	assert_ptr_equal(attrib_table_find(t, &k, false), e);
	/* Another namespace: only when any will do. */
	assert_null(attrib_table_find(t, &other, false));
	assert_ptr_equal(attrib_table_find(t, &other, true), e);
	/* Its own entry wins over another namespace's. */
	e = attrib_table_put(t, &other, NULL);
	e->proc.pid = 43;
	assert_int_equal(attrib_table_find(t, &other, true)->proc.pid, 43);
	assert_int_equal(attrib_table_find(t, &k, true)->proc.pid, 42);
	other.lport = 1001;
	assert_null(attrib_table_find(t, &other, true));
	attrib_table_free(t);
}

/* Full: the least recently used leaves, its socket handed back; a find counts as a use. */
static void test_eviction(void **state)
{
	struct attrib_table *t = attrib_table_new(16);
	struct attrib_table_stats st;
	struct attrib_key k;
	uint64_t sk;

	(void)state;
	for (uint16_t i = 0; i < 16; i++) {
		k = key(1, 1000 + i);
		attrib_table_put(t, &k, &sk)->sk = 100 + i;
		assert_int_equal(sk, 0);
	}
	k = key(1, 1000);
	assert_non_null(attrib_table_find(t, &k, false));	/* 1000 is used again */
	k = key(1, 2000);
	attrib_table_put(t, &k, &sk);
	assert_int_equal(sk, 101);				/* 1001 was the oldest */
	k = key(1, 1001);
	assert_null(attrib_table_find(t, &k, false));
	k = key(1, 1000);
	assert_non_null(attrib_table_find(t, &k, false));
	attrib_table_stats(t, &st);
	assert_int_equal(st.capacity, 16);
	assert_int_equal(st.entries, 16);
	assert_int_equal(st.inserted, 17);
	assert_int_equal(st.evicted, 1);
	attrib_table_free(t);
}

/* Many rounds through a small table: chains and the use order stay whole. */
static void test_churn(void **state)
{
	struct attrib_table *t = attrib_table_new(32);
	struct attrib_table_stats st;
	struct attrib_key k;

	(void)state;
	for (unsigned i = 0; i < 5000; i++) {
		k = key(i % 3, (uint16_t)(i * 7));
		attrib_table_put(t, &k, NULL)->proc.pid = i;
		assert_int_equal(attrib_table_find(t, &k, false)->proc.pid, i);
	}
	attrib_table_stats(t, &st);
	assert_int_equal(st.entries, 32);
	assert_int_equal(st.inserted - st.evicted, 32);
	attrib_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_find),
		cmocka_unit_test(test_eviction),
		cmocka_unit_test(test_churn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
