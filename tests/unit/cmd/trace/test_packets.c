/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_packets.c: hop events into packets and fates; the summary's buckets and pairs. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/trace/packets.h"
#include "cmd/trace/summary.h"

struct seen {
	struct trace_pkt last;
	uint32_t reader_pid;
	int n;
	struct trace_summary sum;
};

static int on_pkt(void *ctx, const struct trace_pkt *p)
{
	struct seen *s = ctx;

	s->last = *p;
	s->reader_pid = p->reader ? p->reader->pid : 0;
	s->n++;
	trace_summary_add(&s->sum, p);
	return 0;
}

static struct trace_hop_event ev(uint64_t id, uint32_t hop, uint64_t ts, uint32_t flags)
{
	struct trace_hop_event e;

	memset(&e, 0, sizeof(e));
	e.pkt_id = id;
	e.hop = hop;
	e.ts_ns = ts;
	e.flags = flags;
	e.pid = 100 + hop;
	strcpy(e.ifname, "veth0");
	return e;
}

static void add(struct trace_packets *t, uint64_t id, uint32_t hop, uint64_t ts, uint32_t flags)
{
	struct trace_hop_event e = ev(id, hop, ts, flags);

	assert_int_equal(trace_packets_add(t, &e, TRACE_EVENT_HDR_SIZE), 0);
}

static void test_fates(void **state)
{
	struct seen s = { 0 };
	struct trace_packets *t = trace_packets_new(16, on_pkt, &s);

	assert_non_null(t);
	/* Delivered: the read is the fate, its task the reader. */
	add(t, 1, TRACE_HOP_NETIF_RX, 1000, TRACE_EV_FIRST);
	add(t, 1, TRACE_HOP_NETIF_RECEIVE, 1500, 0);
	add(t, 1, TRACE_HOP_SK_DATA_READY, 2000, 0);
	assert_int_equal(s.n, 0);
	add(t, 1, TRACE_HOP_RECV, 52000000, TRACE_EV_END);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.last.fate, TRACE_FATE_DELIVERED);
	assert_int_equal(s.reader_pid, 100 + TRACE_HOP_RECV);
	assert_int_equal(s.last.n, 4);
	/* Sent: consumed after the driver took it. */
	add(t, 2, TRACE_HOP_DEV_QUEUE, 10, TRACE_EV_FIRST);
	add(t, 2, TRACE_HOP_START_XMIT, 20, 0);
	add(t, 2, TRACE_HOP_DEV_XMIT, 30, 0);
	add(t, 2, TRACE_HOP_CONSUME, 40, TRACE_EV_END);
	assert_int_equal(s.last.fate, TRACE_FATE_SENT);
	/* Dropped, and consumed without a read or a transmit. */
	add(t, 3, TRACE_HOP_NETIF_RECEIVE, 10, TRACE_EV_FIRST);
	add(t, 3, TRACE_HOP_KFREE, 20, TRACE_EV_END);
	assert_int_equal(s.last.fate, TRACE_FATE_DROPPED);
	add(t, 4, TRACE_HOP_NETIF_RECEIVE, 10, TRACE_EV_FIRST);
	add(t, 4, TRACE_HOP_CONSUME, 20, TRACE_EV_END);
	assert_int_equal(s.last.fate, TRACE_FATE_CONSUMED);
	/* An event whose first hop was lost is an orphan, not a packet. */
	add(t, 5, TRACE_HOP_CONSUME, 20, TRACE_EV_END);
	assert_int_equal(s.n, 4);
	assert_int_equal(trace_packets_orphans(t), 1);
	/* Still waiting at the end: handed on unfinished. */
	add(t, 6, TRACE_HOP_NETIF_RX, 10, TRACE_EV_FIRST);
	assert_int_equal(trace_packets_flush(t), 0);
	assert_int_equal(s.n, 5);
	assert_int_equal(s.last.fate, TRACE_FATE_UNFINISHED);
	/* The summary: the queue wait of packet 1 in the 2^25 ns bucket (33.5 to 67 ms). */
	assert_int_equal(s.sum.packets, 5);
	assert_int_equal(s.sum.pair[TRACE_HOP_SK_DATA_READY][TRACE_HOP_RECV].count, 1);
	assert_int_equal(s.sum.pair[TRACE_HOP_SK_DATA_READY][TRACE_HOP_RECV].buckets[25], 1);
	assert_int_equal(s.sum.pair[TRACE_HOP_DEV_QUEUE][TRACE_HOP_START_XMIT].min_ns, 10);
	assert_int_equal(s.sum.fates[TRACE_FATE_DROPPED], 1);
	trace_packets_free(t);
}

static void test_bounds(void **state)
{
	struct seen s = { 0 };
	struct trace_packets *t = trace_packets_new(2, on_pkt, &s);

	assert_non_null(t);
	/* A third packet pushes the oldest out, unfinished. */
	add(t, 1, TRACE_HOP_NETIF_RX, 1, TRACE_EV_FIRST);
	add(t, 2, TRACE_HOP_NETIF_RX, 2, TRACE_EV_FIRST);
	add(t, 3, TRACE_HOP_NETIF_RX, 3, TRACE_EV_FIRST);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.last.id, 1);
	assert_int_equal(s.last.fate, TRACE_FATE_UNFINISHED);
	assert_int_equal(trace_packets_overflows(t), 1);
	/* Hops past the most kept are counted; the fate still takes the last place. */
	for (int i = 0; i < TRACE_PKT_MAX_HOPS + 5; i++)
		add(t, 2, TRACE_HOP_NETIF_RECEIVE, 10 + (uint64_t)i, 0);
	add(t, 2, TRACE_HOP_KFREE, 100, TRACE_EV_END);
	assert_int_equal(s.last.id, 2);
	assert_int_equal(s.last.n, TRACE_PKT_MAX_HOPS);
	assert_int_equal(s.last.more_hops, 7);	/* 39 hops, 32 kept */
	assert_int_equal(s.last.hops[TRACE_PKT_MAX_HOPS - 1].hop, TRACE_HOP_KFREE);
	assert_int_equal(s.last.fate, TRACE_FATE_DROPPED);
	trace_packets_free(t);
	assert_int_equal(trace_summary_bucket(0), 0);
	assert_int_equal(trace_summary_bucket(1), 0);
	assert_int_equal(trace_summary_bucket(2), 1);
	assert_int_equal(trace_summary_bucket(1023), 9);
	assert_int_equal(trace_summary_bucket(1024), 10);
	assert_int_equal(trace_summary_bucket(UINT64_MAX), TRACE_SUMMARY_BUCKETS - 1);
}

/* The kernel's bucket (trace.h, run in BPF) is the collector's, over the whole range. */
static void test_kernel_bucket(void **state)
{
	(void)state;
	for (unsigned b = 0; b < 64; b++) {
		uint64_t v = 1ull << b;

		assert_int_equal(trace_log2_bucket(v), trace_summary_bucket(v));
		assert_int_equal(trace_log2_bucket(v - 1), trace_summary_bucket(v - 1));
		assert_int_equal(trace_log2_bucket(v + 1), trace_summary_bucket(v + 1));
		assert_int_equal(trace_log2_bucket(v | (v >> 1)), trace_summary_bucket(v | (v >> 1)));
	}
	assert_int_equal(trace_log2_bucket(0), 0);
	assert_int_equal(trace_log2_bucket(UINT64_MAX), TRACE_SUMMARY_BUCKETS - 1);
}

/* --summary as the kernel counted it: pairs as they are, the fates, the rest unfinished. */
static void test_kernel_summary(void **state)
{
	static struct trace_pair_stat pairs[TRACE_HOP_NR * TRACE_HOP_NR];
	static struct trace_summary s;
	uint64_t fates[TRACE_KFATE_NR] = { 0 };
	struct trace_pair_stat *p = &pairs[TRACE_HOP_NETIF_RX * TRACE_HOP_NR + TRACE_HOP_KFREE];

	(void)state;
	p->count = 3;
	p->sum_ns = 600;
	p->min_ns = 100;
	p->max_ns = 300;
	p->buckets[6] = 1;
	p->buckets[7] = 1;
	p->buckets[8] = 1;
	fates[TRACE_KFATE_DROPPED] = 3;
	fates[TRACE_KFATE_DELIVERED] = 2;
	trace_summary_from_kernel(&s, pairs, fates, 7);
	assert_int_equal(s.packets, 7);
	assert_int_equal(s.fates[TRACE_FATE_DROPPED], 3);
	assert_int_equal(s.fates[TRACE_FATE_DELIVERED], 2);
	assert_int_equal(s.fates[TRACE_FATE_UNFINISHED], 2);
	assert_int_equal(s.pair[TRACE_HOP_NETIF_RX][TRACE_HOP_KFREE].count, 3);
	assert_int_equal(s.pair[TRACE_HOP_NETIF_RX][TRACE_HOP_KFREE].min_ns, 100);
	assert_int_equal(s.pair[TRACE_HOP_NETIF_RX][TRACE_HOP_KFREE].buckets[7], 1);
	assert_int_equal(s.pair[TRACE_HOP_NETIF_RX][TRACE_HOP_NETIF_RECEIVE].count, 0);
	/* A fate counted twice (a clone's after its packet's) never makes unfinished negative. */
	trace_summary_from_kernel(&s, pairs, fates, 4);
	assert_int_equal(s.fates[TRACE_FATE_UNFINISHED], 0);
	assert_int_equal(s.packets, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fates),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_kernel_bucket),
		cmocka_unit_test(test_kernel_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
