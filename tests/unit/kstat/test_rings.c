/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_rings.c: unit tests for the ethtool rings/channels reply parser, and netlink against ioctl. */
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
#include <linux/ethtool_netlink.h>
#include <linux/genetlink.h>

#include "kstat/rings.h"

/* Messages are built here; uint64_t keeps it aligned as a recv buffer is. */
struct msgbuf {
	uint64_t mem[512];
	size_t len;
};

static struct nlmsghdr *put_reply(struct msgbuf *b, uint8_t cmd, int ifindex)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;
	struct nlattr *nest;

	assert_true(b->len + 512 <= sizeof(b->mem));
	nlh = mnl_nlmsg_put_header((char *)b->mem + b->len);
	nlh->nlmsg_type = 0x1e;		/* the family id: any, the parser goes by cmd */
	nlh->nlmsg_flags = NLM_F_MULTI;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = ETHTOOL_GENL_VERSION;
	nest = mnl_attr_nest_start(nlh, ETHTOOL_A_RINGS_HEADER);
	if (ifindex)
		mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, (uint32_t)ifindex);
	mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, "eth0");
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static void end(struct msgbuf *b, const struct nlmsghdr *nlh)
{
	b->len += MNL_ALIGN(nlh->nlmsg_len);
}

static void test_parse(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct rings_snap s;
	const struct ring_info *r;
	struct nlmsghdr *nlh;

	nlh = put_reply(&b, ETHTOOL_MSG_RINGS_GET_REPLY, 2);
	mnl_attr_put_u32(nlh, ETHTOOL_A_RINGS_RX_MAX, 4096);
	mnl_attr_put_u32(nlh, ETHTOOL_A_RINGS_TX_MAX, 2048);
	mnl_attr_put_u32(nlh, ETHTOOL_A_RINGS_RX, 512);
	mnl_attr_put_u32(nlh, ETHTOOL_A_RINGS_TX, 256);
	mnl_attr_put_u8(nlh, ETHTOOL_A_RINGS_TCP_DATA_SPLIT, 1);	/* not kept */
	end(&b, nlh);
	/* Another message kind of the family is skipped. */
	nlh = put_reply(&b, ETHTOOL_MSG_LINKINFO_GET_REPLY, 2);
	end(&b, nlh);
	/* A device with channels only (veth), then the first one's channels. */
	nlh = put_reply(&b, ETHTOOL_MSG_CHANNELS_GET_REPLY, 7);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_RX_MAX, 2);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_RX_COUNT, 1);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_TX_MAX, 2);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_TX_COUNT, 1);
	end(&b, nlh);
	nlh = put_reply(&b, ETHTOOL_MSG_CHANNELS_GET_REPLY, 2);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_COMBINED_MAX, 8);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_COMBINED_COUNT, 4);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_OTHER_MAX, 1);
	mnl_attr_put_u32(nlh, ETHTOOL_A_CHANNELS_OTHER_COUNT, 1);
	end(&b, nlh);

	assert_int_equal(rings_parse(b.mem, b.len, &s), 0);
	assert_int_equal(s.n, 2);
	r = rings_find(&s, 2);
	assert_non_null(r);
	assert_true(r->has_rings && r->has_channels);
	assert_int_equal(r->rx, 512);
	assert_int_equal(r->rx_max, 4096);
	assert_int_equal(r->tx, 256);
	assert_int_equal(r->tx_max, 2048);
	assert_int_equal(r->ch_combined, 4);
	assert_int_equal(r->ch_combined_max, 8);
	assert_int_equal(r->ch_other, 1);
	assert_int_equal(r->ch_rx_max, 0);
	r = rings_find(&s, 7);
	assert_non_null(r);
	assert_false(r->has_rings);
	assert_true(r->has_channels);
	assert_int_equal(r->ch_rx, 1);
	assert_int_equal(r->ch_tx_max, 2);
	assert_null(rings_find(&s, 3));
	rings_free(&s);

	/* Nothing at all is no device. */
	assert_int_equal(rings_parse(NULL, 0, &s), 0);
	assert_int_equal(s.n, 0);
	rings_free(&s);
}

static void test_bad(void **state)
{
	struct msgbuf b;
	struct rings_snap s;
	struct nlmsghdr *nlh;

	/* No device index in the header. */
	b.len = 0;
	nlh = put_reply(&b, ETHTOOL_MSG_RINGS_GET_REPLY, 0);
	end(&b, nlh);
	assert_int_equal(rings_parse(b.mem, b.len, &s), -EBADMSG);
	rings_free(&s);

	/* A u32 attribute of the wrong size. */
	b.len = 0;
	nlh = put_reply(&b, ETHTOOL_MSG_RINGS_GET_REPLY, 2);
	mnl_attr_put_u16(nlh, ETHTOOL_A_RINGS_RX, 5);
	end(&b, nlh);
	assert_int_equal(rings_parse(b.mem, b.len, &s), -EBADMSG);
	rings_free(&s);

	/* An attribute running past its message. */
	b.len = 0;
	nlh = put_reply(&b, ETHTOOL_MSG_RINGS_GET_REPLY, 2);
	mnl_attr_put_u32(nlh, ETHTOOL_A_RINGS_RX, 5);
	((struct nlattr *)((char *)nlh + nlh->nlmsg_len - 8))->nla_len = 64;
	end(&b, nlh);
	assert_int_equal(rings_parse(b.mem, b.len, &s), -EBADMSG);
	rings_free(&s);

	/* A message longer than the buffer, one shorter than its headers, a misaligned buffer. */
	b.len = 0;
	nlh = put_reply(&b, ETHTOOL_MSG_RINGS_GET_REPLY, 2);
	end(&b, nlh);
	assert_int_equal(rings_parse(b.mem, b.len - 4, &s), -EBADMSG);
	rings_free(&s);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 2;
	assert_int_equal(rings_parse(b.mem, MNL_NLMSG_HDRLEN + 4, &s), -EBADMSG);
	rings_free(&s);
	assert_int_equal(rings_parse((char *)b.mem + 1, 16, &s), -EINVAL);
	rings_free(&s);
}

/* The same devices and numbers, whichever way they were asked for. */
static void test_live(void **state)
{
	struct rings_snap a, b;
	struct links_snap links;
	void *buf, *nl, *io;
	size_t len, nl_len, io_len;

	assert_int_equal(links_dump(&buf, &len), 0);
	assert_int_equal(links_parse(buf, len, &links), 0);
	assert_int_equal(rings_dump(&links, &nl, &nl_len), 0);
	assert_int_equal(rings_dump_ioctl(&links, &io, &io_len), 0);
	assert_int_equal(rings_parse(nl, nl_len, &a), 0);
	assert_int_equal(rings_parse(io, io_len, &b), 0);
	assert_int_equal(a.n, b.n);
	for (unsigned i = 0; i < a.n; i++) {
		const struct ring_info *x = &a.ifs[i], *y = rings_find(&b, x->ifindex);

		assert_non_null(y);
		assert_int_equal(x->has_rings, y->has_rings);
		assert_int_equal(x->has_channels, y->has_channels);
		assert_int_equal(x->rx, y->rx);
		assert_int_equal(x->rx_max, y->rx_max);
		assert_int_equal(x->tx, y->tx);
		assert_int_equal(x->tx_max, y->tx_max);
		assert_int_equal(x->ch_rx, y->ch_rx);
		assert_int_equal(x->ch_tx, y->ch_tx);
		assert_int_equal(x->ch_other, y->ch_other);
		assert_int_equal(x->ch_combined, y->ch_combined);
		assert_int_equal(x->ch_combined_max, y->ch_combined_max);
	}
	rings_free(&a);
	rings_free(&b);
	links_free(&links);
	free(buf);
	free(nl);
	free(io);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
