/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_links.c: unit tests for the RTM_NEWLINK parser on hand-built messages, and one live dump. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "kstat/links.h"

/* The kernel's values, spelled out: <linux/if.h> fights with <net/if.h>. */
#define OPER_UNKNOWN 0
#define OPER_UP 6

#define STATS64_V1_LEN offsetof(struct rtnl_link_stats64, rx_nohandler)
#define FIELD(name) (offsetof(struct rtnl_link_stats64, name) / sizeof(uint64_t))

/* Messages are built here; uint64_t keeps it aligned as a recv buffer is. */
struct msgbuf {
	uint64_t mem[1024];
	size_t len;
};

static char *msgbuf_at(struct msgbuf *b, size_t off)
{
	return (char *)b->mem + off;
}

/* Starts an RTM_NEWLINK message at the end of b; msgbuf_end adds it. */
static struct nlmsghdr *put_link(struct msgbuf *b, int ifindex, unsigned flags)
{
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;

	assert_true(b->len + 1024 <= sizeof(b->mem));
	nlh = mnl_nlmsg_put_header(msgbuf_at(b, b->len));
	nlh->nlmsg_type = RTM_NEWLINK;
	nlh->nlmsg_flags = NLM_F_MULTI;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	ifm->ifi_index = ifindex;
	ifm->ifi_flags = flags;
	return nlh;
}

static void msgbuf_end(struct msgbuf *b, const struct nlmsghdr *nlh)
{
	b->len += MNL_ALIGN(nlh->nlmsg_len);
}

/* IFLA_STATS64 of len bytes whose field i holds base + i. */
static void put_stats(struct nlmsghdr *nlh, size_t len, uint64_t base)
{
	uint64_t v[32];

	assert_true(len <= sizeof(v));
	for (size_t i = 0; i < 32; i++)
		v[i] = base + i;
	mnl_attr_put(nlh, IFLA_STATS64, len, v);
}

static void assert_stats(const struct link_stat *l, uint64_t base)
{
	assert_true(l->has_stats);
	assert_int_equal(l->rx_packets, base + FIELD(rx_packets));
	assert_int_equal(l->tx_packets, base + FIELD(tx_packets));
	assert_int_equal(l->rx_bytes, base + FIELD(rx_bytes));
	assert_int_equal(l->tx_bytes, base + FIELD(tx_bytes));
	assert_int_equal(l->rx_errors, base + FIELD(rx_errors));
	assert_int_equal(l->tx_errors, base + FIELD(tx_errors));
	assert_int_equal(l->rx_dropped, base + FIELD(rx_dropped));
	assert_int_equal(l->tx_dropped, base + FIELD(tx_dropped));
	assert_int_equal(l->rx_missed, base + FIELD(rx_missed_errors));
	assert_int_equal(l->rx_fifo, base + FIELD(rx_fifo_errors));
	assert_int_equal(l->tx_fifo, base + FIELD(tx_fifo_errors));
}

/* lo then eth0, as a 6.x kernel sends them (full 200-byte stats, other attributes around). */
static void put_lo_eth0(struct msgbuf *b)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = put_link(b, 1, IFF_UP | IFF_LOOPBACK | IFF_RUNNING);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "lo");
	mnl_attr_put_u32(nlh, IFLA_TXQLEN, 1000);
	mnl_attr_put_u8(nlh, IFLA_OPERSTATE, OPER_UNKNOWN);
	mnl_attr_put_u32(nlh, IFLA_MTU, 65536);
	put_stats(nlh, sizeof(struct rtnl_link_stats64), 1000);
	msgbuf_end(b, nlh);

	nlh = put_link(b, 2, IFF_UP | IFF_BROADCAST | IFF_RUNNING | IFF_MULTICAST);
	mnl_attr_put_u32(nlh, IFLA_MTU, 1500);
	nest = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "veth");
	mnl_attr_nest_end(nlh, nest);
	put_stats(nlh, sizeof(struct rtnl_link_stats64), 2000);
	mnl_attr_put_u8(nlh, IFLA_OPERSTATE, OPER_UP);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "eth0");
	msgbuf_end(b, nlh);
}

static void assert_lo_eth0(const struct links_snap *s)
{
	const struct link_stat *lo = links_find(s, 1), *eth0 = links_find(s, 2);

	assert_ptr_equal(lo, &s->links[0]);
	assert_string_equal(lo->name, "lo");
	assert_int_equal(lo->flags, IFF_UP | IFF_LOOPBACK | IFF_RUNNING);
	assert_int_equal(lo->operstate, OPER_UNKNOWN);
	assert_int_equal(lo->mtu, 65536);
	assert_stats(lo, 1000);

	assert_ptr_equal(eth0, &s->links[1]);
	assert_string_equal(eth0->name, "eth0");
	assert_int_equal(eth0->ifindex, 2);
	assert_int_equal(eth0->flags, IFF_UP | IFF_BROADCAST | IFF_RUNNING | IFF_MULTICAST);
	assert_int_equal(eth0->operstate, OPER_UP);
	assert_int_equal(eth0->mtu, 1500);
	assert_stats(eth0, 2000);
}

/*
 * Parses a copy of len bytes placed right before a PROT_NONE page: libmnl is
 * not built with ASan, so only a fault shows a read past len inside it.  The
 * copy starts 4-byte aligned, which leaves at most 3 unguarded bytes.
 */
static int parse_exact(const struct msgbuf *b, size_t len, struct links_snap *s)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t data_pages = (len + 3) / page + 1, map_len = (data_pages + 1) * page;
	char *map = mmap(NULL, map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *copy;
	int err;

	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + data_pages * page, page, PROT_NONE), 0);
	copy = map + data_pages * page - ((len + 3) & ~(size_t)3);
	memcpy(copy, b->mem, len);
	memset(s, 0xa5, sizeof(*s));
	err = links_parse(copy, len, s);
	assert_int_equal(munmap(map, map_len), 0);
	return err;
}

static void test_two_links(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct links_snap s;

	put_lo_eth0(&b);
	assert_int_equal(parse_exact(&b, b.len, &s), 0);
	assert_int_equal(s.nlinks, 2);
	assert_lo_eth0(&s);
	assert_null(links_find(&s, 3));
	assert_null(links_find(&s, 0));
	links_free(&s);
	assert_null(s.links);
	assert_int_equal(s.nlinks, 0);
}

static void test_empty(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct links_snap s;

	assert_int_equal(parse_exact(&b, 0, &s), 0);
	assert_int_equal(s.nlinks, 0);
	assert_null(links_find(&s, 1));
	links_free(&s);
}

/* Older and newer layouts of rtnl_link_stats64, and none at all. */
static void test_stats_sizes(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct nlmsghdr *nlh;
	struct links_snap s;

	nlh = put_link(&b, 5, IFF_UP);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "old");
	put_stats(nlh, STATS64_V1_LEN, 5000);
	msgbuf_end(&b, nlh);
	nlh = put_link(&b, 6, IFF_UP);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "future");
	put_stats(nlh, sizeof(struct rtnl_link_stats64) + 16, 6000);
	msgbuf_end(&b, nlh);
	nlh = put_link(&b, 7, 0);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "nostats");
	mnl_attr_put_u32(nlh, IFLA_MTU, 9000);
	msgbuf_end(&b, nlh);

	assert_int_equal(parse_exact(&b, b.len, &s), 0);
	assert_int_equal(s.nlinks, 3);
	assert_string_equal(s.links[0].name, "old");
	assert_stats(&s.links[0], 5000);
	assert_string_equal(s.links[1].name, "future");
	assert_stats(&s.links[1], 6000);
	assert_string_equal(s.links[2].name, "nostats");
	assert_int_equal(s.links[2].mtu, 9000);
	assert_false(s.links[2].has_stats);
	assert_int_equal(s.links[2].rx_packets, 0);
	assert_int_equal(s.links[2].tx_fifo, 0);
	links_free(&s);
}

static void test_names(void **state)
{
	static const char embedded[] = "ab\0cd";
	struct msgbuf b = { .len = 0 };
	struct nlmsghdr *nlh;
	struct links_snap s;

	nlh = put_link(&b, 1, 0);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "abcdefghijklmnopqrstuvwxyz");
	msgbuf_end(&b, nlh);
	nlh = put_link(&b, 2, 0);
	mnl_attr_put(nlh, IFLA_IFNAME, sizeof(embedded), embedded);
	msgbuf_end(&b, nlh);
	nlh = put_link(&b, 3, 0);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "");
	msgbuf_end(&b, nlh);
	nlh = put_link(&b, 4, 0);	/* no IFLA_IFNAME at all */
	msgbuf_end(&b, nlh);

	assert_int_equal(parse_exact(&b, b.len, &s), 0);
	assert_int_equal(s.nlinks, 4);
	assert_string_equal(s.links[0].name, "abcdefghijklmno");
	assert_string_equal(s.links[1].name, "ab");
	assert_string_equal(s.links[2].name, "");
	assert_string_equal(s.links[3].name, "");
	links_free(&s);
}

/* The kernel pads, but a last message without its padding is still whole. */
static void test_unpadded_last(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct nlmsghdr *nlh;
	struct links_snap s;

	nlh = put_link(&b, 9, 0);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "ab");	/* nla_len 7, one pad byte */
	nlh->nlmsg_len--;
	msgbuf_end(&b, nlh);
	assert_int_equal(parse_exact(&b, b.len - 1, &s), 0);
	assert_int_equal(s.nlinks, 1);
	assert_string_equal(s.links[0].name, "ab");
	links_free(&s);
}

enum breakage {
	UNTERMINATED_NAME,
	EMPTY_NAME_ATTR,
	ATTR_PAST_MSG,
	ATTR_TOO_SHORT,
	ATTR_TAIL_JUNK,
	MTU_U16,
	OPERSTATE_U32,
	STATS_SHORT,
	IFINDEX_ZERO,
	WRONG_TYPE,
	NO_IFINFOMSG,
	NLMSG_LEN_TINY,
	NLMSG_LEN_PAST_BUF,
	NLMSG_LEN_HUGE,
	TRAILING_BYTES,
	BUF_CUT_1,
	BUF_CUT_4,
	BUF_CUT_HDR,
	NBREAKAGES,
};

/* Appends a third message after lo and eth0, broken as told; returns the length to parse. */
static size_t put_broken(struct msgbuf *b, enum breakage what)
{
	static const uint32_t junk = 0x01020304;
	struct nlmsghdr *nlh = put_link(b, 3, IFF_UP);
	struct nlattr *a;

	switch (what) {
	case UNTERMINATED_NAME:
		mnl_attr_put(nlh, IFLA_IFNAME, 4, "eth1");
		break;
	case EMPTY_NAME_ATTR:
		mnl_attr_put(nlh, IFLA_IFNAME, 0, NULL);
		break;
	case ATTR_PAST_MSG:
		mnl_attr_put_strz(nlh, IFLA_IFNAME, "eth1");
		a = mnl_nlmsg_get_payload_tail(nlh);
		mnl_attr_put_u32(nlh, IFLA_MTU, 1500);
		a->nla_len += 4;
		break;
	case ATTR_TOO_SHORT:
		a = mnl_nlmsg_get_payload_tail(nlh);
		mnl_attr_put_u32(nlh, IFLA_MTU, 1500);
		a->nla_len = 2;
		break;
	case ATTR_TAIL_JUNK:
		/* Three bytes after the last attribute: too few for another one. */
		mnl_attr_put_u32(nlh, IFLA_MTU, 1500);
		memcpy(mnl_nlmsg_get_payload_tail(nlh), &junk, sizeof(junk));
		nlh->nlmsg_len += 3;
		break;
	case MTU_U16:
		mnl_attr_put_u16(nlh, IFLA_MTU, 1500);
		break;
	case OPERSTATE_U32:
		mnl_attr_put_u32(nlh, IFLA_OPERSTATE, OPER_UP);
		break;
	case STATS_SHORT:
		put_stats(nlh, STATS64_V1_LEN - 8, 1);
		break;
	case IFINDEX_ZERO:
		((struct ifinfomsg *)mnl_nlmsg_get_payload(nlh))->ifi_index = 0;
		break;
	case WRONG_TYPE:
		nlh->nlmsg_type = RTM_NEWADDR;
		break;
	case NO_IFINFOMSG:
		nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 4;
		break;
	case NLMSG_LEN_TINY:
		nlh->nlmsg_len = 8;
		break;
	case NLMSG_LEN_PAST_BUF:
		mnl_attr_put_strz(nlh, IFLA_IFNAME, "eth1");
		msgbuf_end(b, nlh);
		nlh->nlmsg_len += 8;
		return b->len;
	case NLMSG_LEN_HUGE:
		/* libmnl's mnl_nlmsg_ok compares it as an int, where 2^31 is negative. */
		mnl_attr_put_strz(nlh, IFLA_IFNAME, "eth1");
		msgbuf_end(b, nlh);
		nlh->nlmsg_len = 0x80000000u;
		return b->len;
	case TRAILING_BYTES:
		/* Four zero bytes: too short for a header. */
		memset(nlh, 0, 4);
		return b->len + 4;
	case BUF_CUT_1:
	case BUF_CUT_4:
		put_stats(nlh, sizeof(struct rtnl_link_stats64), 1);
		msgbuf_end(b, nlh);
		return b->len - (what == BUF_CUT_1 ? 1 : 4);
	case BUF_CUT_HDR:
		return b->len + 10;
	case NBREAKAGES:
		break;
	}
	msgbuf_end(b, nlh);
	return b->len;
}

/* Each malformed third message stops the parse with -EBADMSG; lo and eth0 are kept intact. */
static void test_malformed(void **state)
{
	for (int what = 0; what < NBREAKAGES; what++) {
		struct msgbuf b = { .len = 0 };
		struct links_snap s;
		size_t len;
		int err;

		put_lo_eth0(&b);
		len = put_broken(&b, what);
		err = parse_exact(&b, len, &s);
		if (err != -EBADMSG || s.nlinks != 2)
			fail_msg("breakage %d: got %d with %u links, want -EBADMSG with 2",
				 what, err, s.nlinks);
		assert_lo_eth0(&s);
		assert_null(links_find(&s, 3));
		links_free(&s);
	}
}

static void test_unaligned(void **state)
{
	struct msgbuf b = { .len = 0 };
	struct links_snap s;

	put_lo_eth0(&b);
	memmove(msgbuf_at(&b, 1), b.mem, b.len);
	assert_int_equal(links_parse(msgbuf_at(&b, 1), b.len, &s), -EINVAL);
	assert_int_equal(s.nlinks, 0);
	links_free(&s);
}

/* A real dump of this network namespace: lo is there, and the parse agrees with if_nameindex. */
static void test_live_dump(void **state)
{
	struct if_nameindex *ifs = if_nameindex();
	struct links_snap s;
	const struct link_stat *lo;
	unsigned n = 0;
	size_t len;
	void *buf;

	assert_non_null(ifs);
	assert_int_equal(links_dump(&buf, &len), 0);
	assert_non_null(buf);
	assert_int_equal(len % 4, 0);
	assert_int_equal(links_parse(buf, len, &s), 0);
	for (struct if_nameindex *i = ifs; i->if_index; i++, n++) {
		const struct link_stat *l = links_find(&s, (int)i->if_index);

		assert_non_null(l);
		assert_string_equal(l->name, i->if_name);
	}
	assert_int_equal(s.nlinks, n);
	lo = links_find(&s, (int)if_nametoindex("lo"));
	assert_non_null(lo);
	assert_true(lo->flags & IFF_LOOPBACK);
	assert_true(lo->has_stats);
	assert_true(lo->mtu > 0);
	links_free(&s);
	free(buf);
	if_freenameindex(ifs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_links),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_stats_sizes),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_unpadded_last),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_unaligned),
		cmocka_unit_test(test_live_dump),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
