/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dissect_link.c: link layers: Ethernet, VLAN tags, ARP, Linux cooked, raw IP. */
#include "config.h"

#include <errno.h>

#include "dissect_test.h"
#include "pkt_samples.h"

#define LINKTYPE_RAW 101

static const uint8_t mac1[6] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const uint8_t mac2[6] = { 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb };

static void test_eth_fields(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_UDP, 8 },
	};
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_udp, sizeof(sample_udp), h, DT_N(h));
	assert_memory_equal(m.l[0].eth.dst, mac2, 6);
	assert_memory_equal(m.l[0].eth.src, mac1, 6);
	assert_int_equal(m.l[0].eth.type, 0x0800);
	assert_int_equal(m.l[0].link, PKT_PROTO_ETH);
	assert_int_equal(m.l[0].ethertype, 0x0800);
	assert_int_equal(m.l[0].n_vlan, 0);
	assert_int_equal(m.level, 0);
	assert_int_equal(m.linktype, DLT_EN10MB);
	assert_int_equal(m.caplen, sizeof(sample_udp));
	assert_int_equal(m.wirelen, sizeof(sample_udp));
	assert_int_equal(m.layer[0].wire_len, sizeof(sample_udp));
	assert_int_equal(m.payload_len, 12);
	assert_int_equal(m.payload_caplen, 12);
}

static void test_eth_8023(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_LLC, 3 },
		{ PKT_PROTO_STP, 0 },
	};
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_eth_8023, sizeof(sample_eth_8023), h, DT_N(h));
	assert_int_equal(m.l[0].eth.type, 7);
	/* LLC's SAPs (0x42 both) lead to a spanning tree BPDU, read again when printed */
	assert_int_equal(m.l[0].net, PKT_PROTO_LLC);
	assert_int_equal(m.l[0].llc.dsap, 0x42);
	assert_int_equal(m.l[0].llc.control, 0x03);
	/* the length field drops the padding to 60 bytes: 4 BPDU bytes follow LLC */
	assert_int_equal(m.payload_len, 4);
	assert_int_equal(m.payload_caplen, 4);
}

static void test_eth_unknown_type(void **state)
{
	static const struct dt_hdr h[] = { { PKT_PROTO_ETH, 14 } };
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_eth_unknown, sizeof(sample_eth_unknown), h, DT_N(h));
	assert_int_equal(m.l[0].eth.type, 0x1234);
	assert_int_equal(m.payload_off, 14);
	assert_int_equal(m.payload_len, 4);
	dt_sweep(DLT_EN10MB, sample_eth_unknown, sizeof(sample_eth_unknown), h, DT_N(h));
}

/* Runts: the frame itself, not the capture, is shorter than a header. */
static void test_short_frames(void **state)
{
	struct pkt_meta m;

	dt_dissect(&m, DLT_EN10MB, sample_udp, 10, 10);
	dt_expect_invalid("runt", &m, 0, PKT_PROTO_ETH, PKT_REASON_SHORT);
	assert_int_equal(m.payload_len, 0);
	dt_dissect(&m, DLT_EN10MB, sample_vlan_udp, 16, 16);
	dt_expect_invalid("half a tag", &m, 1, PKT_PROTO_VLAN, PKT_REASON_SHORT);
	dt_dissect(&m, DLT_LINUX_SLL, sample_sll_tcp, 15, 15);
	dt_expect_invalid("short SLL", &m, 0, PKT_PROTO_SLL, PKT_REASON_SHORT);
	dt_dissect(&m, DLT_LINUX_SLL2, sample_sll2_udp6, 19, 19);
	dt_expect_invalid("short SLL2", &m, 0, PKT_PROTO_SLL2, PKT_REASON_SHORT);
}

static void test_vlan(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_VLAN, 4 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_UDP, 8 },
	};
	struct pkt_meta m;
	const struct pkt_vlan *v = &m.l[0].vlan[0];

	dt_whole(&m, DLT_EN10MB, sample_vlan_udp, sizeof(sample_vlan_udp), h, DT_N(h));
	assert_int_equal(m.l[0].n_vlan, 1);
	assert_int_equal(v->tpid, 0x8100);
	assert_int_equal(v->id, 100);
	assert_int_equal(v->pcp, 0);
	assert_false(v->dei);
	assert_int_equal(v->type, 0x0800);
	assert_int_equal(m.l[0].eth.type, 0x8100);
	assert_int_equal(m.l[0].ethertype, 0x0800);
	dt_sweep(DLT_EN10MB, sample_vlan_udp, sizeof(sample_vlan_udp), h, DT_N(h));
}

static void test_qinq(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },	{ PKT_PROTO_VLAN, 4 }, { PKT_PROTO_VLAN, 4 },
		{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_UDP, 8 },
	};
	struct pkt_meta m;
	const struct pkt_vlan *v = m.l[0].vlan;

	dt_whole(&m, DLT_EN10MB, sample_qinq_udp, sizeof(sample_qinq_udp), h, DT_N(h));
	assert_int_equal(m.l[0].n_vlan, 2);
	assert_int_equal(v[0].tpid, 0x88a8);
	assert_int_equal(v[0].id, 200);
	assert_int_equal(v[0].pcp, 3);
	assert_true(v[0].dei);
	assert_int_equal(v[0].type, 0x8100);
	assert_int_equal(v[1].tpid, 0x8100);
	assert_int_equal(v[1].id, 100);
	assert_int_equal(v[1].pcp, 0);
	assert_false(v[1].dei);
	assert_int_equal(v[1].type, 0x0800);
	dt_sweep(DLT_EN10MB, sample_qinq_udp, sizeof(sample_qinq_udp), h, DT_N(h));
}

/* A third tag is past what pkt_meta holds: it stays payload. */
static void test_vlan_third_tag(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_VLAN, 4 },
		{ PKT_PROTO_VLAN, 4 },
	};
	uint8_t p[sizeof(sample_qinq_udp) + 4];
	struct pkt_meta m;

	/* ETH | 88a8 tag 200 -> 8100 | tag 100 -> 8100 | tag 300 -> 0800 | IPv4 ... */
	memcpy(p, sample_qinq_udp, 18);
	p[18] = 0x00;
	p[19] = 100;
	p[20] = 0x81;
	p[21] = 0x00;
	p[22] = 0x01;
	p[23] = 0x2c;
	memcpy(p + 24, sample_qinq_udp + 20, sizeof(sample_qinq_udp) - 20);
	dt_whole(&m, DLT_EN10MB, p, sizeof(p), h, DT_N(h));
	assert_int_equal(m.l[0].n_vlan, 2);
	assert_int_equal(m.l[0].ethertype, 0x8100);
	assert_int_equal(m.l[0].net, PKT_PROTO_NONE);
}

static void test_arp_request(void **state)
{
	static const struct dt_hdr h[] = { { PKT_PROTO_ETH, 14 }, { PKT_PROTO_ARP, 28 } };
	static const uint8_t zero[6], spa[4] = { 10, 0, 0, 1 }, tpa[4] = { 10, 0, 0, 2 };
	struct pkt_meta m;
	const struct pkt_arp *a = &m.l[0].arp;

	dt_whole(&m, DLT_EN10MB, sample_arp_req, sizeof(sample_arp_req), h, DT_N(h));
	assert_int_equal(m.l[0].net, PKT_PROTO_ARP);
	assert_int_equal(a->htype, 1);
	assert_int_equal(a->ptype, 0x0800);
	assert_int_equal(a->hlen, 6);
	assert_int_equal(a->plen, 4);
	assert_int_equal(a->op, 1);
	assert_true(a->eth_ip);
	assert_memory_equal(a->sha, mac1, 6);
	assert_memory_equal(a->spa, spa, 4);
	assert_memory_equal(a->tha, zero, 6);
	assert_memory_equal(a->tpa, tpa, 4);
	dt_sweep(DLT_EN10MB, sample_arp_req, sizeof(sample_arp_req), h, DT_N(h));
}

static void test_arp_reply_and_rarp(void **state)
{
	static const struct dt_hdr h[] = { { PKT_PROTO_ETH, 14 }, { PKT_PROTO_ARP, 28 } };
	uint8_t p[sizeof(sample_arp_reply)];
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_arp_reply, sizeof(sample_arp_reply), h, DT_N(h));
	assert_int_equal(m.l[0].arp.op, 2);
	assert_memory_equal(m.l[0].arp.sha, mac2, 6);
	assert_memory_equal(m.l[0].arp.tha, mac1, 6);

	/* RARP has ARP's format under its own ethertype */
	dt_patched(p, sample_arp_reply, sizeof(p),
		   (const struct dt_patch[]){ { 12, 0x80 }, { 13, 0x35 }, { 21, 4 } }, 3);
	dt_whole(&m, DLT_EN10MB, p, sizeof(p), h, DT_N(h));
	assert_int_equal(m.l[0].ethertype, 0x8035);
	assert_int_equal(m.l[0].arp.op, 4);
}

/* Other address sizes (here IPoIB's 20-byte hardware addresses) are skipped whole. */
static void test_arp_other_sizes(void **state)
{
	static const struct dt_hdr h[] = { { PKT_PROTO_ETH, 14 }, { PKT_PROTO_ARP, 56 } };
	uint8_t p[14 + 56] = { 0 };
	struct pkt_meta m;

	memcpy(p, sample_arp_req, 14);
	p[15] = 32; /* InfiniBand */
	p[16] = 0x08;
	p[18] = 20;
	p[19] = 4;
	p[21] = 1;
	dt_whole(&m, DLT_EN10MB, p, sizeof(p), h, DT_N(h));
	assert_false(m.l[0].arp.eth_ip);
	assert_int_equal(m.l[0].arp.hlen, 20);
	dt_sweep(DLT_EN10MB, p, sizeof(p), h, DT_N(h));

	/* a packet ending inside its own addresses is short, not truncated */
	dt_dissect(&m, DLT_EN10MB, p, 40, 40);
	dt_expect_invalid("short ARP", &m, 1, PKT_PROTO_ARP, PKT_REASON_SHORT);
}

static void test_sll(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_SLL, 16 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_TCP, 20 },
	};
	struct pkt_meta m;

	dt_whole(&m, DLT_LINUX_SLL, sample_sll_tcp, sizeof(sample_sll_tcp), h, DT_N(h));
	assert_int_equal(m.l[0].link, PKT_PROTO_SLL);
	assert_int_equal(m.sll.pkttype, 4);
	assert_int_equal(m.sll.hatype, 1);
	assert_int_equal(m.sll.halen, 6);
	assert_memory_equal(m.sll.addr, mac1, 6);
	assert_int_equal(m.sll.protocol, 0x0800);
	assert_int_equal(m.sll.ifindex, 0);
	dt_sweep(DLT_LINUX_SLL, sample_sll_tcp, sizeof(sample_sll_tcp), h, DT_N(h));
}

static void test_sll2(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_SLL2, 20 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_UDP, 8 },
	};
	struct pkt_meta m;

	dt_whole(&m, DLT_LINUX_SLL2, sample_sll2_udp6, sizeof(sample_sll2_udp6), h, DT_N(h));
	assert_int_equal(m.l[0].link, PKT_PROTO_SLL2);
	assert_int_equal(m.sll.protocol, 0x86dd);
	assert_int_equal(m.sll.ifindex, 7);
	assert_int_equal(m.sll.hatype, 1);
	assert_int_equal(m.sll.pkttype, 0);
	assert_int_equal(m.sll.halen, 6);
	assert_memory_equal(m.sll.addr, mac1, 6);
	dt_sweep(DLT_LINUX_SLL2, sample_sll2_udp6, sizeof(sample_sll2_udp6), h, DT_N(h));
}

static void test_raw(void **state)
{
	static const struct dt_hdr h4[] = { { PKT_PROTO_IPV4, 20 }, { PKT_PROTO_TCP, 20 } };
	static const struct dt_hdr h6[] = { { PKT_PROTO_IPV6, 40 }, { PKT_PROTO_UDP, 8 } };
	static const int raw4[] = { DLT_RAW, LINKTYPE_RAW, DLT_IPV4 };
	static const int raw6[] = { DLT_RAW, LINKTYPE_RAW, DLT_IPV6 };
	struct pkt_meta m;

	for (size_t i = 0; i < DT_N(raw4); i++) {
		dt_whole(&m, raw4[i], sample_raw_ip4, sizeof(sample_raw_ip4), h4, DT_N(h4));
		assert_int_equal(m.l[0].link, PKT_PROTO_NONE);
		dt_sweep(raw4[i], sample_raw_ip4, sizeof(sample_raw_ip4), h4, DT_N(h4));
	}
	for (size_t i = 0; i < DT_N(raw6); i++)
		dt_whole(&m, raw6[i], sample_raw_ip6, sizeof(sample_raw_ip6), h6, DT_N(h6));
	dt_sweep(DLT_IPV6, sample_raw_ip6, sizeof(sample_raw_ip6), h6, DT_N(h6));

	/* With no byte to tell the version, DLT_RAW reports a truncated IPv4 header. */
	dt_dissect(&m, DLT_RAW, sample_raw_ip6, 0, sizeof(sample_raw_ip6));
	assert_true(m.truncated);
	assert_int_equal(m.layer[0].proto, PKT_PROTO_IPV4);
}

/* Raw IP names its version in the first nibble; neither 4 nor 6 is IPv4's error. */
static void test_raw_bad_version(void **state)
{
	uint8_t p[sizeof(sample_raw_ip4)];
	struct pkt_meta m;

	dt_patched(p, sample_raw_ip4, sizeof(p), (const struct dt_patch[]){ { 0, 0x55 } }, 1);
	dt_dissect(&m, DLT_RAW, p, sizeof(p), sizeof(p));
	dt_expect_invalid("raw version 5", &m, 0, PKT_PROTO_IPV4, PKT_REASON_VERSION);
	assert_int_equal(m.l[0].ip4.version, 5);

	/* DLT_IPV6 goes by the nibble too, as tcpdump's raw_if_print */
	dt_dissect(&m, DLT_IPV6, sample_raw_ip4, sizeof(sample_raw_ip4), sizeof(sample_raw_ip4));
	assert_int_equal(m.n_layers, 2);
	assert_int_equal(m.layer[0].proto, PKT_PROTO_IPV4);
	assert_false(m.invalid);
}

static void test_unknown_linktype(void **state)
{
	struct pkt_meta m;

	assert_int_equal(dissect_packet(&m, DLT_IEEE802_11, sample_udp, sizeof(sample_udp),
					sizeof(sample_udp)),
			 -EPROTONOSUPPORT);
	assert_int_equal(m.n_layers, 0);
	assert_false(m.truncated);
	assert_int_equal(m.payload_len, sizeof(sample_udp));
}

/* Nothing captured, and no buffer at all to go with it. */
static void test_empty(void **state)
{
	struct pkt_meta m;

	assert_int_equal(dissect_packet(&m, DLT_EN10MB, NULL, 0, 60), 0);
	assert_true(m.truncated);
	assert_int_equal(m.n_layers, 1);
	assert_int_equal(m.layer[0].hdr_len, 0);
	assert_int_equal(dissect_packet(&m, DLT_EN10MB, NULL, 0, 0), 0);
	assert_true(m.invalid);
	assert_int_equal(m.reason, PKT_REASON_SHORT);
}

/* A record claiming fewer bytes on the wire than captured: the bytes win. */
static void test_wirelen_below_caplen(void **state)
{
	struct pkt_meta m;

	dt_dissect(&m, DLT_EN10MB, sample_udp, sizeof(sample_udp), 20);
	assert_false(m.truncated);
	assert_false(m.invalid);
	assert_int_equal(m.wirelen, sizeof(sample_udp));
	assert_int_equal(m.n_layers, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eth_fields),
		cmocka_unit_test(test_eth_8023),
		cmocka_unit_test(test_eth_unknown_type),
		cmocka_unit_test(test_short_frames),
		cmocka_unit_test(test_vlan),
		cmocka_unit_test(test_qinq),
		cmocka_unit_test(test_vlan_third_tag),
		cmocka_unit_test(test_arp_request),
		cmocka_unit_test(test_arp_reply_and_rarp),
		cmocka_unit_test(test_arp_other_sizes),
		cmocka_unit_test(test_sll),
		cmocka_unit_test(test_sll2),
		cmocka_unit_test(test_raw),
		cmocka_unit_test(test_raw_bad_version),
		cmocka_unit_test(test_unknown_linktype),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_wirelen_below_caplen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
