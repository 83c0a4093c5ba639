/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sockkeep.c: the fullest N sockets of a dump, kept as compact copies. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "diag/sockkeep.h"

static struct sock_rec rec(uint32_t rq, uint32_t wq, uint64_t inode)
{
	return (struct sock_rec){ .table = SOCKTAB_TCP, .rqueue = rq, .wqueue = wq,
				  .inode = inode };
}

/* The fullest 3 of 8, by Recv-Q then Send-Q; equal ones keep the earlier in the dump. */
static void test_fullest(void **state)
{
	static const uint32_t rq[] = { 0, 5, 9, 5, 0, 9, 1, 5 };
	static const uint32_t wq[] = { 0, 1, 0, 1, 7, 0, 0, 2 };
	struct sock_keep k;

	sock_keep_init(&k, 3);
	for (size_t i = 0; i < sizeof(rq) / sizeof(rq[0]); i++) {
		struct sock_rec r = rec(rq[i], wq[i], 100 + i);

		assert_int_equal(sock_keep_offer(&k, &r, NULL, NULL), 0);
	}
	assert_int_equal(k.offered, 8);
	assert_int_equal(k.n, 3);
	sock_keep_sort(&k);
	assert_int_equal(k.v[0]->r.inode, 102);
	assert_int_equal(k.v[1]->r.inode, 105);
	assert_int_equal(k.v[2]->r.inode, 107);
	sock_keep_clear(&k);
	assert_int_equal(k.n, 0);
	assert_int_equal(k.offered, 0);
	sock_keep_free(&k);
}

/* What the record pointed to is copied along, and the names the namespace gave it. */
static void test_copies(void **state)
{
	uint32_t skmem[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	unsigned char info[40];
	struct sock_rec r = rec(1, 0, 7);
	struct sock_keep k;
	const struct sock_kept *s;

	memset(info, 0xab, sizeof(info));
	r.cong = "cubic";
	r.info = info;
	r.info_len = sizeof(info);
	r.skmem = skmem;
	r.skmem_len = sizeof(skmem);
	r.path = "\0abstract";
	r.path_len = 9;
	sock_keep_init(&k, 0);
	assert_int_equal(sock_keep_offer(&k, &r, "ns1", "eth0"), 0);
	/* The originals change: the copies stay. */
	memset(info, 0, sizeof(info));
	skmem[0] = 99;
	s = k.v[0];
	assert_string_equal(s->r.cong, "cubic");
	assert_int_equal(((const unsigned char *)s->r.info)[39], 0xab);
	assert_int_equal(((const uint32_t *)s->r.skmem)[0], 1);
	assert_int_equal(((const uint32_t *)s->r.skmem)[8], 9);
	assert_memory_equal(s->r.path, "\0abstract", 9);
	assert_null(s->r.cc_info);
	assert_string_equal(s->netns, "ns1");
	assert_string_equal(s->ifname, "eth0");
	sock_keep_free(&k);
}

/* max 0 keeps every socket, in order once sorted. */
static void test_unbounded(void **state)
{
	struct sock_keep k;

	sock_keep_init(&k, 0);
	for (uint32_t i = 0; i < 200; i++) {
		struct sock_rec r = rec(i % 10, 0, i);

		assert_int_equal(sock_keep_offer(&k, &r, NULL, NULL), 0);
	}
	assert_int_equal(k.n, 200);
	sock_keep_sort(&k);
	assert_int_equal(k.v[0]->r.rqueue, 9);
	assert_int_equal(k.v[0]->r.inode, 9);
	assert_int_equal(k.v[199]->r.rqueue, 0);
	assert_int_equal(k.v[199]->r.inode, 190);
	sock_keep_free(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fullest),
		cmocka_unit_test(test_copies),
		cmocka_unit_test(test_unbounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
