/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_qdisc.c: unit tests for the RTM_NEWQDISC parser: TCA_STATS2, the old TCA_STATS, bad lengths. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libmnl/libmnl.h>
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include "kstat/qdisc.h"

/* One RTM_NEWQDISC message as the kernel writes it: kind, then stats2 (or the flat stats). */
static size_t put_qdisc(void *buf, int ifindex, const char *kind, bool flat)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct tcmsg *tcm;

	nlh->nlmsg_type = RTM_NEWQDISC;
	tcm = mnl_nlmsg_put_extra_header(nlh, sizeof(*tcm));
	tcm->tcm_ifindex = ifindex;
	tcm->tcm_handle = 0x80010000;
	tcm->tcm_parent = TC_H_ROOT;
	mnl_attr_put_strz(nlh, TCA_KIND, kind);
	if (!strcmp(kind, "pfifo")) {
		struct tc_fifo_qopt fifo = { .limit = 5 };

		mnl_attr_put(nlh, TCA_OPTIONS, sizeof(fifo), &fifo);
	} else if (!strcmp(kind, "tbf")) {
		struct tc_tbf_qopt o = { .limit = 3000 };
		struct nlattr *opts = mnl_attr_nest_start(nlh, TCA_OPTIONS);

		mnl_attr_put(nlh, TCA_TBF_PARMS, sizeof(o), &o);
		mnl_attr_nest_end(nlh, opts);
	}
	if (flat) {
		struct tc_stats st = { .bytes = 1000, .packets = 10, .drops = 3, .overlimits = 4,
				       .qlen = 1, .backlog = 100 };

		mnl_attr_put(nlh, TCA_STATS, sizeof(st), &st);
	} else {
		struct gnet_stats_basic b = { .bytes = 5000, .packets = 50 };
		struct gnet_stats_queue q = { .qlen = 2, .backlog = 200, .drops = 7, .requeues = 1,
					      .overlimits = 9 };
		struct nlattr *nest = mnl_attr_nest_start(nlh, TCA_STATS2);

		mnl_attr_put(nlh, TCA_STATS_BASIC, sizeof(b), &b);
		mnl_attr_put(nlh, TCA_STATS_QUEUE, sizeof(q), &q);
		mnl_attr_nest_end(nlh, nest);
	}
	return nlh->nlmsg_len;
}

static void test_parse(void **state)
{
	uint32_t buf[512];
	size_t len = put_qdisc(buf, 3, "pfifo", false);
	struct qdisc_snap s;
	const struct qdisc_stat *q;

	len += put_qdisc((char *)buf + MNL_ALIGN(len), 4, "tbf", true);
	assert_int_equal(qdisc_parse(buf, len, &s), 0);
	assert_int_equal(s.n, 2);
	q = qdisc_find(&s, 3, 0x80010000, TC_H_ROOT);
	assert_non_null(q);
	assert_string_equal(q->kind, "pfifo");
	assert_true(q->has_stats);
	assert_int_equal(q->packets, 50);
	assert_int_equal(q->drops, 7);
	assert_int_equal(q->overlimits, 9);
	assert_int_equal(q->requeues, 1);
	assert_int_equal(q->backlog, 200);
	assert_int_equal(q->qlen, 2);
	assert_true(q->has_limit);
	assert_int_equal(q->limit, 5);
	q = qdisc_find(&s, 4, 0x80010000, TC_H_ROOT);
	assert_non_null(q);
	assert_string_equal(q->kind, "tbf");
	assert_int_equal(q->drops, 3);
	assert_int_equal(q->overlimits, 4);
	assert_int_equal(q->limit, 3000);
	assert_null(qdisc_find(&s, 5, 0, 0));
	qdisc_free(&s);
}

/* A stats attribute shorter than its struct, or a message cut short, is malformed. */
static void test_bad(void **state)
{
	uint32_t buf[512];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct qdisc_snap s;
	uint32_t tiny = 1;
	size_t len;

	nlh->nlmsg_type = RTM_NEWQDISC;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct tcmsg));
	mnl_attr_put(nlh, TCA_STATS, sizeof(tiny), &tiny);
	assert_int_equal(qdisc_parse(buf, nlh->nlmsg_len, &s), -EBADMSG);
	qdisc_free(&s);
	len = put_qdisc(buf, 3, "pfifo", false);
	assert_int_equal(qdisc_parse(buf, len - 4, &s), -EBADMSG);
	qdisc_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
