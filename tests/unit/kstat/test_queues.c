/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_queues.c: unit tests for the per-queue names of drivers' ethtool statistics and their text. */
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

#include "kstat/queues.h"

static void test_classify(void **state)
{
	static const struct {
		const char *name;
		bool tx;
		unsigned queue;
		enum queue_counter c;
	} good[] = {
		{ "rx_queue_0_packets", false, 0, QUEUE_PACKETS },	/* ixgbe, ice, ifb */
		{ "tx_queue_12_bytes", true, 12, QUEUE_BYTES },
		{ "rx_queue_0_drops", false, 0, QUEUE_DROPS },		/* veth */
		{ "rx_queue_0_xdp_drops", false, 0, QUEUE_DROPS },
		{ "tx_queue_0_xdp_xmit_errors", true, 0, QUEUE_ERRORS },
		{ "rx3_packets", false, 3, QUEUE_PACKETS },		/* mlx5 */
		{ "rx0_drops", false, 0, QUEUE_DROPS },			/* virtio_net */
		{ "tx0_xdp_tx_drops", true, 0, QUEUE_DROPS },
		{ "rx0_wqe_err", false, 0, QUEUE_ERRORS },
		{ "tx-3.tx_packets", true, 3, QUEUE_PACKETS },		/* i40e, sfc */
		{ "rx-1.rx_bytes", false, 1, QUEUE_BYTES },
		{ "queue_2_rx_drops", false, 2, QUEUE_DROPS },		/* ena */
		{ "queue_2_tx_bytes", true, 2, QUEUE_BYTES },
		{ "rxq1_errors", false, 1, QUEUE_ERRORS },
		{ "txq_7_pkts", true, 7, QUEUE_PACKETS },
	};
	static const char *const bad[] = {
		"rx_packets", "rx_drops", "tx_kicks", "rx0_kicks", "rx_queue_0_xdp_packets",
		"rx_queue__packets", "rx_queue_x_packets", "rx_queue_0", "rx_queue_0_",
		"rx01_packets", "rx4096_packets", "peer_ifindex", "queue_0_packets", "ch0_packets",
		"rx-0_packets", "[0]: rx_ucast_packets", "", "rx", "tx_queue_0_xdp_xmit",
	};
	enum queue_counter c;
	unsigned q;
	bool tx;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (!queues_classify(good[i].name, &tx, &q, &c))
			fail_msg("%s: not a queue counter", good[i].name);
		if (tx != good[i].tx || q != good[i].queue || c != good[i].c)
			fail_msg("%s: %s %u counter %d", good[i].name, tx ? "tx" : "rx", q, c);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (queues_classify(bad[i], &tx, &q, &c))
			fail_msg("%s: taken for a queue counter", bad[i]);
}

static void test_parse(void **state)
{
	static const char text[] =
		"2\teth0\trx_drops\t9\n"
		"2\teth0\trx0_drops\t3\n"
		"2\teth0\trx0_xdp_drops\t4\n"
		"2\teth0\trx0_packets\t100\n"
		"2\teth0\ttx0_packets\t7\n"
		"5\tvb\trx_queue_1_bytes\t18446744073709551615\n"
		"5\tvb\tname with spaces\t1\n";
	struct queues_snap s;

	assert_int_equal(queues_parse(text, strlen(text), &s), 0);
	assert_int_equal(s.n, 3);
	/* Two drop counters of one queue add up. */
	assert_int_equal(s.qs[0].ifindex, 2);
	assert_string_equal(s.qs[0].ifname, "eth0");
	assert_false(s.qs[0].tx);
	assert_int_equal(s.qs[0].queue, 0);
	assert_int_equal(s.qs[0].has, 1u << QUEUE_DROPS | 1u << QUEUE_PACKETS);
	assert_int_equal(s.qs[0].v[QUEUE_DROPS], 7);
	/* Of them, the XDP program's verdicts, told apart for why. */
	assert_int_equal(s.qs[0].xdp_drops, 4);
	assert_int_equal(s.qs[1].xdp_drops, 0);
	assert_int_equal(s.qs[0].v[QUEUE_PACKETS], 100);
	assert_true(s.qs[1].tx);
	assert_int_equal(s.qs[1].v[QUEUE_PACKETS], 7);
	assert_int_equal(s.qs[2].queue, 1);
	assert_int_equal(s.qs[2].has, 1u << QUEUE_BYTES);
	assert_true(s.qs[2].v[QUEUE_BYTES] == UINT64_MAX);
	queues_free(&s);

	assert_int_equal(queues_parse("", 0, &s), 0);
	assert_int_equal(s.n, 0);
	queues_free(&s);
}

static void test_bad(void **state)
{
	static const char *const bad[] = {
		"2\teth0\trx0_drops\t3",		/* no newline */
		"2\teth0\trx0_drops\n",
		"2\teth0\t\t3\n",
		"0\teth0\trx0_drops\t3\n",
		"x\teth0\trx0_drops\t3\n",
		"2\t\trx0_drops\t3\n",
		"2\tabcdefghijklmnop\trx0_drops\t3\n",	/* 16 bytes: too long a name */
		"2\teth0\trx0_drops\t-3\n",
		"2\teth0\trx0_drops\t18446744073709551616\n",
		"2147483648\teth0\trx0_drops\t3\n",
		"2\teth0\trx0_drops\t3\n\n",
	};
	struct queues_snap s;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (queues_parse(bad[i], strlen(bad[i]), &s) != -EBADMSG)
			fail_msg("\"%s\" was not rejected", bad[i]);
		queues_free(&s);
	}
	/* A NUL inside. */
	assert_int_equal(queues_parse("2\teth0\trx0\0drops\t3\n", 19, &s), -EBADMSG);
	queues_free(&s);
}

/* Past QUEUES_MAX queues the rest are left out, not an error. */
static void test_bounded(void **state)
{
	size_t cap = (QUEUES_MAX + 10) * 48, len = 0;
	char *text = malloc(cap);
	struct queues_snap s;

	assert_non_null(text);
	for (unsigned i = 0; i < QUEUES_MAX + 10; i++)
		len += (size_t)snprintf(text + len, cap - len, "%u\tif%u\trx0_drops\t%u\n", i + 1,
					i, i);
	assert_int_equal(queues_parse(text, len, &s), 0);
	assert_int_equal(s.n, QUEUES_MAX);
	queues_free(&s);
	free(text);
}

static void test_live(void **state)
{
	struct links_snap links;
	struct queues_snap s;
	void *buf;
	char *text;
	size_t len, tlen;

	assert_int_equal(links_dump(&buf, &len), 0);
	assert_int_equal(links_parse(buf, len, &links), 0);
	assert_int_equal(queues_read(&links, &text, &tlen), 0);
	assert_int_equal(queues_parse(text, tlen, &s), 0);
	queues_free(&s);
	links_free(&links);
	free(text);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
