/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dissect_tunnel.c: GRE and VXLAN, and the inner headers they carry. */
#include "config.h"

#include "dissect_test.h"
#include "pkt_samples.h"

#define IP4   14
#define GRE   34 /* after Ethernet and a 20-byte IPv4 header */
#define UDP   34
#define VXLAN 42

static const uint8_t inner_mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const uint8_t inner_src[4] = { 192, 168, 1, 1 };

static void test_gre_ip(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },	{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_GRE, 8 },
		{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_TCP, 20 },
	};
	struct pkt_meta m;
	const struct pkt_gre *g = &m.l[0].gre;

	dt_whole(&m, DLT_EN10MB, sample_gre_ip, sizeof(sample_gre_ip), h, DT_N(h));
	assert_int_equal(m.level, 1);
	assert_int_equal(m.tunnel, PKT_PROTO_GRE);
	for (unsigned i = 0; i < m.n_layers; i++)
		assert_int_equal(m.layer[i].level, i < 3 ? 0 : 1);
	assert_int_equal(m.l[0].trans, PKT_PROTO_GRE);
	assert_int_equal(g->flags, PKT_GRE_KEY);
	assert_int_equal(g->version, 0);
	assert_int_equal(g->proto, 0x0800);
	assert_int_equal(g->key, 42);
	assert_int_equal(m.l[1].link, PKT_PROTO_NONE);
	assert_int_equal(m.l[1].net, PKT_PROTO_IPV4);
	assert_memory_equal(m.l[1].ip4.src, inner_src, 4);
	assert_int_equal(m.l[1].trans, PKT_PROTO_TCP);
	assert_int_equal(m.l[1].tcp.dport, 80);
	/* the outer level keeps its own headers */
	assert_int_equal(m.l[0].ip4.proto, 47);
	dt_sweep(DLT_EN10MB, sample_gre_ip, sizeof(sample_gre_ip), h, DT_N(h));
}

static void test_gre_teb(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 }, { PKT_PROTO_IPV4, 20 }, { PKT_PROTO_GRE, 8 },
		{ PKT_PROTO_ETH, 14 }, { PKT_PROTO_IPV4, 20 }, { PKT_PROTO_UDP, 8 },
	};
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_gre_teb, sizeof(sample_gre_teb), h, DT_N(h));
	assert_int_equal(m.l[0].gre.proto, 0x6558);
	assert_int_equal(m.l[1].link, PKT_PROTO_ETH);
	assert_memory_equal(m.l[1].eth.src, inner_mac, 6);
	assert_int_equal(m.l[1].udp.dport, 2222);
	assert_int_equal(m.payload_len, 3);
	dt_sweep(DLT_EN10MB, sample_gre_teb, sizeof(sample_gre_teb), h, DT_N(h));
}

/* Ethernet, IPv4 (protocol 47), then the GRE header and payload given. */
static size_t build_gre(uint8_t *p, const uint8_t *gre, size_t glen, const uint8_t *payload,
			size_t plen)
{
	size_t len = GRE + glen + plen;

	memcpy(p, sample_gre_ip, GRE);
	p[IP4 + 3] = (uint8_t)(len - IP4);
	memcpy(p + GRE, gre, glen);
	if (plen)
		memcpy(p + GRE + glen, payload, plen);
	return len;
}

static void test_gre_optional_fields(void **state)
{
	/* checksum, key and sequence number present; IPv6 inside */
	static const uint8_t gre[] = {
		0xb0, 0x00, 0x86, 0xdd, 0x12, 0x34, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x07,
	};
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },	{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_GRE, 16 },
		{ PKT_PROTO_IPV6, 40 }, { PKT_PROTO_UDP, 8 },
	};
	uint8_t p[160];
	size_t len = build_gre(p, gre, sizeof(gre), sample_raw_ip6, sizeof(sample_raw_ip6));
	struct pkt_meta m;
	const struct pkt_gre *g = &m.l[0].gre;

	dt_whole(&m, DLT_EN10MB, p, len, h, DT_N(h));
	assert_int_equal(g->flags, PKT_GRE_CSUM | PKT_GRE_KEY | PKT_GRE_SEQ);
	assert_int_equal(g->csum, 0x1234);
	assert_int_equal(g->offset, 0);
	assert_int_equal(g->key, 42);
	assert_int_equal(g->seq, 7);
	assert_int_equal(m.l[1].net, PKT_PROTO_IPV6);
	dt_sweep(DLT_EN10MB, p, len, h, DT_N(h));
}

/* GRE that is decoded no further: PPTP's version 1, source routes, unknown payloads. */
static void test_gre_undecoded(void **state)
{
	static const uint8_t pptp[] = {
		0x30, 0x81, 0x88, 0x0b, 0x00, 0x04, 0x00, 0x01, 0x00, 0x00,
		0x00, 0x05, 0x00, 0x00, 0x00, 0x06, 0xff, 0x03, 0xc0, 0x21,
		0x09, 0x01, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01,
	};
	/* RFC 1701 routing: checksum and offset, then the SREs up to a null one */
	static const uint8_t routed[] = { 0x40, 0x00, 0x12, 0x34, 0x00, 0x00, 0x00, 0x00,
					  0x08, 0x00, 0x00, 0x04, 0x0a, 0x00, 0x00, 0x01,
					  0x00, 0x00, 0x00, 0x00 };
	static const uint8_t mpls[] = { 0x00, 0x00, 0x88, 0x47, 0x00, 0x01, 0x01, 0x40 };
	/* PPTP's PPP frame (an LCP echo) is the tunnel's next layer, as tcpdump's gre_print_1 */
	static const struct dt_hdr h16[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_GRE, 16 },
		{ PKT_PROTO_PPP, 4 },
	};
	static const struct dt_hdr h8[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_GRE, 8 },
	};
	static const struct dt_hdr h20[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_GRE, 20 },
	};
	static const struct dt_hdr h4[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_GRE, 4 },
		{ PKT_PROTO_MPLS, 4 },
	};
	uint8_t p[128];
	size_t len;
	struct pkt_meta m;

	len = build_gre(p, pptp, sizeof(pptp), NULL, 0);
	dt_whole(&m, DLT_EN10MB, p, len, h16, DT_N(h16));
	assert_int_equal(m.l[0].gre.version, 1);
	assert_int_equal(m.l[0].gre.key, 0x00040001);
	assert_int_equal(m.l[0].gre.seq, 5);
	assert_int_equal(m.l[0].gre.ack, 6);
	assert_int_equal(m.level, 1);
	assert_int_equal(m.ppp.proto, 0xc021);
	assert_int_equal(m.payload_len, 8);

	/* the source route entries are part of the header; an unknown protocol stays payload */
	len = build_gre(p, routed, sizeof(routed), NULL, 0);
	dt_whole(&m, DLT_EN10MB, p, len, h20, DT_N(h20));
	assert_int_equal(m.level, 0);

	/* MPLS over GRE (RFC 4023): one label with S set, nothing after it to guess from */
	len = build_gre(p, mpls, sizeof(mpls), NULL, 0);
	dt_whole(&m, DLT_EN10MB, p, len, h4, DT_N(h4));
	assert_int_equal(m.l[0].gre.proto, 0x8847);
	assert_int_equal(m.payload_len, 0);

	/* the first fragment of a bigger datagram: the inner lengths would not fit */
	memcpy(p, sample_gre_ip, sizeof(sample_gre_ip));
	p[IP4 + 6] = 0x20;
	dt_whole(&m, DLT_EN10MB, p, sizeof(sample_gre_ip), h8, DT_N(h8));
	assert_true(m.l[0].frag);
	assert_int_equal(m.level, 0);

	/* a header the packet ends inside of */
	len = build_gre(p, pptp, 10, NULL, 0);
	dt_dissect(&m, DLT_EN10MB, p, len, len);
	dt_expect_invalid("GRE past the packet", &m, 2, PKT_PROTO_GRE, PKT_REASON_SHORT);
}

/* One level of encapsulation: a tunnel inside the tunnel stays payload. */
static void test_gre_nested(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },	{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_GRE, 8 },
		{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_GRE, 8 },
	};
	uint8_t inner[128], p[192];
	size_t ilen, len;
	struct pkt_meta m;

	/* the inner packet: IPv4 and GRE from sample_gre_ip, around its own inner IPv4 */
	ilen = sizeof(sample_gre_ip) - IP4;
	memcpy(inner, sample_gre_ip + IP4, ilen);
	len = build_gre(p, sample_gre_ip + GRE, 8, inner, ilen);
	dt_whole(&m, DLT_EN10MB, p, len, h, DT_N(h));
	assert_int_equal(m.level, 1);
	assert_int_equal(m.l[1].trans, PKT_PROTO_GRE);
	assert_int_equal(m.payload_len, 40);
}

static void test_vxlan(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },	{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_UDP, 8 },
		{ PKT_PROTO_VXLAN, 8 }, { PKT_PROTO_ETH, 14 },	{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_UDP, 8 },
	};
	uint8_t p[sizeof(sample_vxlan)];
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_vxlan, sizeof(sample_vxlan), h, DT_N(h));
	assert_int_equal(m.tunnel, PKT_PROTO_VXLAN);
	assert_int_equal(m.level, 1);
	assert_int_equal(m.vxlan.flags, 0x08);
	assert_int_equal(m.vxlan.vni, 100);
	assert_int_equal(m.l[0].udp.dport, 4789);
	assert_int_equal(m.layer[3].level, 0);
	assert_int_equal(m.layer[4].level, 1);
	assert_memory_equal(m.l[1].eth.src, inner_mac, 6);
	assert_memory_equal(m.l[1].ip4.src, inner_src, 4);
	assert_int_equal(m.l[1].udp.sport, 1111);
	assert_int_equal(m.payload_len, 3);
	dt_sweep(DLT_EN10MB, sample_vxlan, sizeof(sample_vxlan), h, DT_N(h));

	/* the Linux kernel's older default port */
	dt_patched(p, sample_vxlan, sizeof(p),
		   (const struct dt_patch[]){ { UDP + 2, 0x21 }, { UDP + 3, 0x18 } }, 2);
	dt_whole(&m, DLT_EN10MB, p, sizeof(p), h, DT_N(h));
}

static void test_vxlan_not_decoded(void **state)
{
	static const struct dt_hdr udp_only[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_UDP, 8 },
	};
	static const struct dt_hdr in_gre[] = {
		{ PKT_PROTO_ETH, 14 },	{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_GRE, 4 },
		{ PKT_PROTO_IPV4, 20 }, { PKT_PROTO_UDP, 8 },
	};
	static const uint8_t gre[] = { 0x00, 0x00, 0x08, 0x00 };
	uint8_t p[sizeof(sample_vxlan)], q[192];
	size_t len;
	struct pkt_meta m;

	/* another port: 4791 (4790 is VXLAN-GPE) */
	dt_patched(p, sample_vxlan, sizeof(p), (const struct dt_patch[]){ { UDP + 3, 0xb7 } }, 1);
	dt_whole(&m, DLT_EN10MB, p, sizeof(p), udp_only, DT_N(udp_only));
	assert_int_equal(m.level, 0);
	assert_int_equal(m.payload_len, 53);

	/* VXLAN inside GRE would be a second level */
	len = build_gre(q, gre, sizeof(gre), sample_vxlan + IP4, sizeof(sample_vxlan) - IP4);
	dt_whole(&m, DLT_EN10MB, q, len, in_gre, DT_N(in_gre));
	assert_int_equal(m.level, 1);
	assert_int_equal(m.payload_len, 53);
}

static void test_vxlan_invalid(void **state)
{
	const struct dt_invalid cases[] = {
		DT_BAD1("VXLAN without the I flag", sample_vxlan, sizeof(sample_vxlan), VXLAN, 0x00,
			3, VXLAN, VXLAN_FLAGS),
		DT_BAD2("datagram shorter than a VXLAN header", sample_vxlan, VXLAN + 4, IP4 + 3,
			32, UDP + 5, 12, 3, VXLAN, SHORT),
	};
	struct pkt_meta m;

	dt_run_invalid(cases, DT_N(cases));
	/* the flags are kept for the record */
	dt_dissect(&m, DLT_EN10MB, sample_vxlan, sizeof(sample_vxlan), sizeof(sample_vxlan));
	assert_int_equal(m.vxlan.vni, 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gre_ip),
		cmocka_unit_test(test_gre_teb),
		cmocka_unit_test(test_gre_optional_fields),
		cmocka_unit_test(test_gre_undecoded),
		cmocka_unit_test(test_gre_nested),
		cmocka_unit_test(test_vxlan),
		cmocka_unit_test(test_vxlan_not_decoded),
		cmocka_unit_test(test_vxlan_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
