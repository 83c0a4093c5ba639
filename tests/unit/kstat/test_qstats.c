/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_qstats.c: unit tests for reading netdev netlink queue statistics replies. */
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
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "kstat/qstats.h"
#include "kstat/queues.h"

/* Replies built here as the kernel sends them: genl header, then uint attributes. */
struct msgbuf {
	uint32_t words[1024];
	size_t len;
};

static struct nlmsghdr *msg_begin(struct msgbuf *b)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header((char *)b->words + b->len);
	struct genlmsghdr *g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));

	nlh->nlmsg_type = 30;
	g->cmd = 12;
	g->version = 1;
	return nlh;
}

static void msg_end(struct msgbuf *b, struct nlmsghdr *nlh)
{
	b->len += MNL_ALIGN(nlh->nlmsg_len);
}

/* ifindex, type, queue; packets and bytes as u32 (0 leaves one out) or u64 (wide). */
static void put_queue(struct msgbuf *b, uint32_t ifindex, uint32_t type, uint32_t queue,
		      uint64_t packets, uint64_t bytes, bool wide)
{
	struct nlmsghdr *nlh = msg_begin(b);
	uint16_t pk = type ? 10 : 8;

	mnl_attr_put_u32(nlh, 1, ifindex);
	mnl_attr_put_u32(nlh, 2, type);
	mnl_attr_put_u32(nlh, 3, queue);
	if (packets) {
		if (wide)
			mnl_attr_put_u64(nlh, pk, packets);
		else
			mnl_attr_put_u32(nlh, pk, (uint32_t)packets);
	}
	if (bytes) {
		if (wide)
			mnl_attr_put_u64(nlh, pk + 1, bytes);
		else
			mnl_attr_put_u32(nlh, pk + 1, (uint32_t)bytes);
	}
	mnl_attr_put_u32(nlh, 33, 7);	/* tx stop: not ours, skipped */
	msg_end(b, nlh);
}

struct got {
	struct qstat_row rows[8];
	unsigned n;
};

static int collect(const struct qstat_row *q, void *arg)
{
	struct got *g = arg;

	if (g->n < 8)
		g->rows[g->n++] = *q;
	return 0;
}

static void test_walk(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct nlmsghdr *nlh;
	struct got g = { .n = 0 };

	(void)state;
	put_queue(&b, 4, 0, 0, 1101, 27579190, false);
	put_queue(&b, 4, 1, 3, 5000000000ull, 0, true);
	/* A device-scope reply (no queue): skipped. */
	nlh = msg_begin(&b);
	mnl_attr_put_u32(nlh, 1, 4);
	mnl_attr_put_u64(nlh, 8, 99);
	msg_end(&b, nlh);
	/* A queue kind we do not know (2): skipped. */
	put_queue(&b, 4, 2, 0, 5, 5, false);
	/* A queue with no packet nor byte count: nothing to show. */
	put_queue(&b, 5, 0, 1, 0, 0, false);
	assert_int_equal(qstats_walk(b.words, b.len, collect, &g), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.rows[0].ifindex, 4);
	assert_false(g.rows[0].tx);
	assert_int_equal(g.rows[0].queue, 0);
	assert_true(g.rows[0].has_packets && g.rows[0].has_bytes);
	assert_int_equal(g.rows[0].packets, 1101);
	assert_int_equal(g.rows[0].bytes, 27579190);
	assert_true(g.rows[1].tx);
	assert_int_equal(g.rows[1].queue, 3);
	assert_true(g.rows[1].has_packets);
	assert_false(g.rows[1].has_bytes);
	assert_int_equal(g.rows[1].packets, 5000000000ull);
}

static void test_bad(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct nlmsghdr *nlh;
	struct got g = { .n = 0 };
	uint16_t odd = 3;

	(void)state;
	/* A counter of 2 bytes is neither u32 nor u64. */
	nlh = msg_begin(&b);
	mnl_attr_put_u32(nlh, 1, 4);
	mnl_attr_put(nlh, 8, sizeof(odd), &odd);
	msg_end(&b, nlh);
	assert_int_equal(qstats_walk(b.words, b.len, collect, &g), -EBADMSG);

	/* ifindex 0 is no device. */
	b.len = 0;
	put_queue(&b, 0, 0, 0, 1, 1, false);
	assert_int_equal(qstats_walk(b.words, b.len, collect, &g), -EBADMSG);

	/* Cut in the middle of a message: found, not read past. */
	b.len = 0;
	put_queue(&b, 4, 0, 0, 1, 1, false);
	assert_int_equal(qstats_walk(b.words, b.len - 4, collect, &g), -EBADMSG);
	assert_int_equal(g.n, 0);
}

/* The lines queues_read makes of a qstats row parse as that queue's counters. */
static void test_lines_classify(void **state)
{
	enum queue_counter c;
	unsigned q;
	bool tx;

	(void)state;
	assert_true(queues_classify("rx-0.packets", &tx, &q, &c));
	assert_false(tx);
	assert_int_equal(q, 0);
	assert_int_equal(c, QUEUE_PACKETS);
	assert_true(queues_classify("tx-12.bytes", &tx, &q, &c));
	assert_true(tx);
	assert_int_equal(q, 12);
	assert_int_equal(c, QUEUE_BYTES);
}

/* The running kernel's answer walks without error, whatever its devices. */
static void test_live(void **state)
{
	struct got g = { .n = 0 };
	void *buf;
	size_t len;

	(void)state;
	assert_int_equal(qstats_dump(&buf, &len), 0);
	assert_int_equal(qstats_walk(buf, len, collect, &g), 0);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_lines_classify),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
