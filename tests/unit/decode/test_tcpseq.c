/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_tcpseq.c: unit tests for the relative TCP sequence table: tcpdump's rule, and its bound. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "decode/tcpseq.h"

static const uint8_t A[4] = { 10, 0, 0, 1 }, B[4] = { 10, 0, 0, 2 };

static struct tcpseq_pkt pkt(const uint8_t *src, const uint8_t *dst, uint16_t sp, uint16_t dp,
			     uint32_t seq, uint32_t ack, bool syn, bool ack_flag)
{
	return (struct tcpseq_pkt){ .family = 4, .src = src, .dst = dst, .sport = sp, .dport = dp,
				    .seq = seq, .ack = ack, .syn = syn, .ack_flag = ack_flag };
}

/* A handshake as tcpdump prints it: SYN and SYN-ACK absolute, the rest relative. */
static void test_handshake(void **state)
{
	struct tcpseq *t = tcpseq_new(1024);
	struct tcpseq_pkt p;
	uint32_t sb = 0, ab = 0;

	(void)state;
	assert_non_null(t);
	p = pkt(A, B, 40000, 80, 1000, 0, true, false);
	assert_false(tcpseq_lookup(t, &p, &sb, &ab));	/* no ACK: not in the table */
	assert_int_equal(tcpseq_count(t), 0);
	p = pkt(B, A, 80, 40000, 5000, 1001, true, true);
	assert_false(tcpseq_lookup(t, &p, &sb, &ab));	/* SYN-ACK: records the bases */
	assert_int_equal(tcpseq_count(t), 1);
	p = pkt(A, B, 40000, 80, 1001, 5001, false, true);
	assert_true(tcpseq_lookup(t, &p, &sb, &ab));
	assert_int_equal(p.seq - sb, 1);
	assert_int_equal(p.ack - ab, 1);
	p = pkt(B, A, 80, 40000, 5001, 1019, false, true);
	assert_true(tcpseq_lookup(t, &p, &sb, &ab));
	assert_int_equal(p.seq - sb, 1);
	assert_int_equal(p.ack - ab, 19);
	/* A new SYN on the same ports starts the connection anew. */
	p = pkt(B, A, 80, 40000, 9000, 7001, true, true);
	assert_false(tcpseq_lookup(t, &p, &sb, &ab));
	p = pkt(A, B, 40000, 80, 7001, 9001, false, true);
	assert_true(tcpseq_lookup(t, &p, &sb, &ab));
	assert_int_equal(p.seq - sb, 1);
	assert_int_equal(p.ack - ab, 1);
	assert_int_equal(tcpseq_count(t), 1);
	tcpseq_free(t);
}

/* Sequence numbers wrap modulo 2^32 like tcpdump's. */
static void test_wrap(void **state)
{
	struct tcpseq *t = tcpseq_new(64);
	struct tcpseq_pkt p;
	uint32_t sb, ab;

	(void)state;
	p = pkt(A, B, 1, 2, 0xfffffff0u, 0xfffffffeu, false, true);
	assert_false(tcpseq_lookup(t, &p, &sb, &ab));
	p = pkt(A, B, 1, 2, 0x10u, 0x5u, false, true);
	assert_true(tcpseq_lookup(t, &p, &sb, &ab));
	assert_int_equal((uint32_t)(p.seq - sb), 0x20);
	assert_int_equal((uint32_t)(p.ack - ab), 0x8);
	tcpseq_free(t);
}

/* IPv6 keys use all 16 bytes: flows differing in the last byte stay apart. */
static void test_ipv6(void **state)
{
	uint8_t a[16] = { 0x20, 0x01 }, b[16] = { 0x20, 0x01 }, c[16] = { 0x20, 0x01 };
	struct tcpseq *t = tcpseq_new(64);
	struct tcpseq_pkt p;
	uint32_t sb, ab;

	(void)state;
	a[15] = 1;
	b[15] = 2;
	c[15] = 3;
	p = (struct tcpseq_pkt){ .family = 6, .src = a, .dst = b, .sport = 1, .dport = 2,
				 .seq = 100, .ack = 200, .ack_flag = true };
	assert_false(tcpseq_lookup(t, &p, &sb, &ab));
	p.dst = c;
	assert_false(tcpseq_lookup(t, &p, &sb, &ab));
	assert_int_equal(tcpseq_count(t), 2);
	p.dst = b;
	p.seq = 150;
	assert_true(tcpseq_lookup(t, &p, &sb, &ab));
	assert_int_equal(p.seq - sb, 50);
	tcpseq_free(t);
}

/* Far more flows than the bound: the table stops growing, and the newest flows still work. */
static void test_bound(void **state)
{
	const unsigned max = 4096, flows = 200000;
	struct tcpseq *t = tcpseq_new(max);
	struct tcpseq_pkt p;
	uint32_t sb, ab;
	unsigned hits = 0;

	(void)state;
	for (unsigned i = 0; i < flows; i++) {
		p = pkt(A, B, (uint16_t)(i & 0xffff), (uint16_t)(i >> 16), i, i, false, true);
		assert_false(tcpseq_lookup(t, &p, &sb, &ab));
		assert_true(tcpseq_count(t) <= max);
	}
	assert_true(tcpseq_count(t) >= max / 2);
	/* The most recent flows are still known (least recently used go first). */
	for (unsigned i = flows - 256; i < flows; i++) {
		p = pkt(A, B, (uint16_t)(i & 0xffff), (uint16_t)(i >> 16), i + 10, i, false, true);
		hits += tcpseq_lookup(t, &p, &sb, &ab) && p.seq - sb == 10;
	}
	assert_true(hits >= 250);
	tcpseq_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handshake),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_bound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
