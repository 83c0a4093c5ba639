/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dissect_ip.c: IPv4 and IPv6 headers, options, fragments and extension headers. */
#include "config.h"

#include "dissect_test.h"
#include "pkt_samples.h"

#define ETH 14
#define IP4 (ETH) /* offset of the IPv4 header in the samples */
#define IP6 (ETH)

static const uint8_t ip_a[4] = { 10, 0, 0, 1 }, ip_b[4] = { 10, 0, 0, 2 };
static const uint8_t ip6_a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const uint8_t ip6_b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

static void test_ipv4_fields(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_TCP, 20 },
	};
	struct pkt_meta m;
	const struct pkt_ipv4 *ip = &m.l[0].ip4;

	dt_whole(&m, DLT_EN10MB, sample_tcp_data, sizeof(sample_tcp_data), h, DT_N(h));
	assert_int_equal(m.l[0].net, PKT_PROTO_IPV4);
	assert_int_equal(ip->version, 4);
	assert_int_equal(ip->ihl, 5);
	assert_int_equal(ip->tos, 0x10);
	assert_int_equal(ip->tot_len, 45);
	assert_int_equal(ip->id, 1);
	assert_true(ip->df);
	assert_false(ip->mf);
	assert_false(ip->rf);
	assert_int_equal(ip->frag_off, 0);
	assert_int_equal(ip->ttl, 64);
	assert_int_equal(ip->proto, 6);
	assert_int_equal(ip->csum, 0x26b8);
	assert_true(ip->csum_ok);
	assert_int_equal(ip->csum_calc, 0x26b8);
	assert_int_equal(ip->opt_len, 0);
	assert_memory_equal(ip->src, ip_a, 4);
	assert_memory_equal(ip->dst, ip_b, 4);
	assert_false(m.l[0].frag);
	assert_int_equal(m.payload_len, 5);
	dt_sweep(DLT_EN10MB, sample_tcp_data, sizeof(sample_tcp_data), h, DT_N(h));
}

static void test_ipv4_bad_checksum(void **state)
{
	uint8_t p[sizeof(sample_tcp_data)];
	struct pkt_meta m;

	dt_patched(p, sample_tcp_data, sizeof(p), (const struct dt_patch[]){ { IP4 + 11, 0 } }, 1);
	dt_dissect(&m, DLT_EN10MB, p, sizeof(p), sizeof(p));
	/* a wrong checksum is reported, not a reason to stop */
	assert_false(m.invalid);
	assert_int_equal(m.n_layers, 3);
	assert_false(m.l[0].ip4.csum_ok);
	assert_int_equal(m.l[0].ip4.csum, 0x2600);
	assert_int_equal(m.l[0].ip4.csum_calc, 0x26b8);
}

static void test_ipv4_options(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 24 },
		{ PKT_PROTO_ICMP, 8 },
	};
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_ip_opts, sizeof(sample_ip_opts), h, DT_N(h));
	assert_int_equal(m.l[0].ip4.ihl, 6);
	assert_int_equal(m.l[0].ip4.opt_len, 4);
	/* the option bytes are kept for -v and JSON: router alert, value 0 */
	assert_memory_equal(m.l[0].ip4.opts, ((const uint8_t[]){ 148, 4, 0, 0 }), 4);
	assert_true(m.l[0].ip4.csum_ok);
	dt_sweep(DLT_EN10MB, sample_ip_opts, sizeof(sample_ip_opts), h, DT_N(h));
}

/* Ethernet pads short frames to 60 bytes: the total length keeps it out of the payload. */
static void test_ipv4_padding(void **state)
{
	uint8_t p[60] = { 0 };
	struct pkt_meta m;

	memcpy(p, sample_udp, sizeof(sample_udp));
	dt_dissect(&m, DLT_EN10MB, p, sizeof(p), sizeof(p));
	assert_false(m.truncated || m.invalid);
	assert_int_equal(m.payload_off, 42);
	assert_int_equal(m.payload_len, 12);
	assert_int_equal(m.payload_caplen, 12);
}

static void test_ipv4_fragments(void **state)
{
	static const struct dt_hdr first[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_UDP, 8 },
	};
	static const struct dt_hdr later[] = { { PKT_PROTO_ETH, 14 }, { PKT_PROTO_IPV4, 20 } };
	struct pkt_meta m;

	/* the UDP length covers the whole datagram, longer than this fragment */
	dt_whole(&m, DLT_EN10MB, sample_ip_frag_first, sizeof(sample_ip_frag_first), first,
		 DT_N(first));
	assert_true(m.l[0].ip4.mf);
	assert_int_equal(m.l[0].ip4.frag_off, 0);
	assert_true(m.l[0].frag);
	assert_int_equal(m.l[0].udp.len, 108);
	assert_int_equal(m.payload_len, 40);

	/* no transport header in a later fragment */
	dt_whole(&m, DLT_EN10MB, sample_ip_frag_later, sizeof(sample_ip_frag_later), later,
		 DT_N(later));
	assert_false(m.l[0].ip4.mf);
	assert_int_equal(m.l[0].ip4.frag_off, 48);
	assert_int_equal(m.l[0].trans, PKT_PROTO_NONE);
	assert_int_equal(m.payload_len, 60);
}

/* Linux hands packet sockets GSO super-packets with a total length of 0. */
static void test_ipv4_gso_zero_length(void **state)
{
	uint8_t p[sizeof(sample_tcp_data)];
	struct pkt_meta m;

	dt_patched(p, sample_tcp_data, sizeof(p),
		   (const struct dt_patch[]){ { IP4 + 2, 0 }, { IP4 + 3, 0 } }, 2);
	dt_dissect(&m, DLT_EN10MB, p, sizeof(p), sizeof(p));
	assert_false(m.truncated || m.invalid);
	assert_int_equal(m.l[0].ip4.tot_len, 0);
	assert_int_equal(m.payload_len, 5);
}

static void test_ipv4_invalid(void **state)
{
	const size_t len = sizeof(sample_tcp_data);
	const struct dt_invalid cases[] = {
		DT_BAD1("version 5", sample_tcp_data, len, IP4, 0x55, 1, IPV4, VERSION),
		DT_BAD1("version 6 under ethertype IPv4", sample_tcp_data, len, IP4, 0x65, 1, IPV4,
			VERSION),
		DT_BAD1("ihl 4", sample_tcp_data, len, IP4, 0x44, 1, IPV4, HDR_LEN),
		DT_BAD1("ihl 0", sample_tcp_data, len, IP4, 0x40, 1, IPV4, HDR_LEN),
		/* tcpdump's "bad-len 31": the total length is the fault it names */
		DT_BAD1("ihl 15, total length 31", sample_tcp_data, len, IP4, 0x4f, 1, IPV4,
			TOTAL_LEN),
		DT_BAD2("ihl 15 in a 45-byte packet", sample_tcp_data, len, IP4, 0x4f, IP4 + 3, 60,
			1, IPV4, HDR_PAST_END),
		DT_BAD1("total length 19", sample_tcp_data, len, IP4 + 3, 19, 1, IPV4, TOTAL_LEN),
		DT_BAD2("total length below ihl 6", sample_tcp_data, len, IP4, 0x46, IP4 + 3, 23, 1,
			IPV4, TOTAL_LEN),
		DT_BAD0("frame ends in the header", sample_tcp_data, IP4 + 19, 1, IPV4, SHORT),
	};
	uint8_t p[sizeof(sample_tcp_data)];
	struct pkt_meta m;

	dt_run_invalid(cases, DT_N(cases));
	/*
	 * A total length past the frame: tcpdump says how many bytes are
	 * missing and decodes the TCP header, as if the capture had cut them.
	 */
	memcpy(p, sample_tcp_data, len);
	p[IP4 + 2] = 0;
	p[IP4 + 3] = 200;
	dt_dissect(&m, DLT_EN10MB, p, len, len);
	assert_false(m.invalid);
	assert_int_equal(m.l[0].ip4.len_missing, 200 - (len - IP4));
	assert_int_equal(m.layer[2].proto, PKT_PROTO_TCP);
}

static void test_ipv6_fields(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_ICMP6, 8 },
	};
	struct pkt_meta m;
	const struct pkt_ipv6 *ip = &m.l[0].ip6;

	dt_whole(&m, DLT_EN10MB, sample_ip6_echo, sizeof(sample_ip6_echo), h, DT_N(h));
	assert_int_equal(m.l[0].net, PKT_PROTO_IPV6);
	assert_int_equal(ip->version, 6);
	assert_int_equal(ip->tclass, 0x12);
	assert_int_equal(ip->flow, 0x12345);
	assert_int_equal(ip->plen, 16);
	assert_int_equal(ip->nxt, 58);
	assert_int_equal(ip->hlim, 64);
	assert_memory_equal(ip->src, ip6_a, 16);
	assert_memory_equal(ip->dst, ip6_b, 16);
	assert_int_equal(ip->n_ext, 0);
	assert_int_equal(ip->ext_len, 0);
	assert_false(ip->has_frag);
	assert_int_equal(ip->proto, 58);
	dt_sweep(DLT_EN10MB, sample_ip6_echo, sizeof(sample_ip6_echo), h, DT_N(h));
}

static void test_ipv6_hop_by_hop(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 48 },
		{ PKT_PROTO_UDP, 8 },
	};
	struct pkt_meta m;
	const struct pkt_ipv6 *ip = &m.l[0].ip6;

	dt_whole(&m, DLT_EN10MB, sample_ip6_hbh_udp, sizeof(sample_ip6_hbh_udp), h, DT_N(h));
	assert_int_equal(ip->nxt, 0);
	assert_int_equal(ip->n_ext, 1);
	assert_int_equal(ip->ext[0], 0);
	assert_int_equal(ip->ext_len, 8);
	assert_int_equal(ip->proto, 17);
	/* router alert 0, then PadN of no data bytes */
	assert_int_equal(ip->n_opt, 2);
	assert_false(ip->opt_more);
	assert_int_equal(ip->opt[0].ext, 0);
	assert_int_equal(ip->opt[0].type, 5);
	assert_int_equal(ip->opt[0].len, 2);
	assert_int_equal(ip->opt[0].val, 0);
	assert_int_equal(ip->opt[1].type, 1);
	assert_int_equal(ip->opt[1].len, 0);
	dt_sweep(DLT_EN10MB, sample_ip6_hbh_udp, sizeof(sample_ip6_hbh_udp), h, DT_N(h));
}

static void test_ipv6_routing_dstopts(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 72 },
		{ PKT_PROTO_TCP, 20 },
	};
	struct pkt_meta m;
	const struct pkt_ipv6 *ip = &m.l[0].ip6;

	dt_whole(&m, DLT_EN10MB, sample_ip6_rt_dst_tcp, sizeof(sample_ip6_rt_dst_tcp), h, DT_N(h));
	assert_int_equal(ip->n_ext, 2);
	assert_int_equal(ip->ext[0], 43);
	assert_int_equal(ip->ext[1], 60);
	assert_int_equal(ip->ext_len, 32);
	assert_int_equal(ip->rt_len, 2);
	assert_int_equal(ip->rt_type, 0);
	assert_int_equal(ip->rt_segleft, 1);
	assert_int_equal(ip->proto, 6);
	/* one address, and with a segment left it is the final destination */
	assert_int_equal(ip->rt_n_addr, 1);
	assert_int_equal(ip->rt_word, 0);
	assert_int_equal(ip->rt_addr[0][15], 0x99);
	assert_true(ip->has_rt_final);
	assert_memory_equal(ip->rt_final, ip->rt_addr[0], 16);
	/* the destination options header (index 1) holds one PadN of 4 bytes */
	assert_int_equal(ip->n_opt, 1);
	assert_int_equal(ip->opt[0].ext, 1);
	assert_int_equal(ip->opt[0].type, 1);
	assert_int_equal(ip->opt[0].len, 4);
	dt_sweep(DLT_EN10MB, sample_ip6_rt_dst_tcp, sizeof(sample_ip6_rt_dst_tcp), h, DT_N(h));
}

static void test_ipv6_fragments(void **state)
{
	static const struct dt_hdr first[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 48 },
		{ PKT_PROTO_UDP, 8 },
	};
	static const struct dt_hdr later[] = { { PKT_PROTO_ETH, 14 }, { PKT_PROTO_IPV6, 48 } };
	struct pkt_meta m;
	const struct pkt_ipv6 *ip = &m.l[0].ip6;

	dt_whole(&m, DLT_EN10MB, sample_ip6_frag_first, sizeof(sample_ip6_frag_first), first,
		 DT_N(first));
	assert_true(ip->has_frag);
	assert_true(ip->frag_more);
	assert_int_equal(ip->frag_off, 0);
	assert_int_equal(ip->frag_id, 0x1234);
	assert_int_equal(ip->frag_len, 12);
	assert_true(m.l[0].frag);
	assert_int_equal(m.l[0].udp.len, 1500);
	dt_sweep(DLT_EN10MB, sample_ip6_frag_first, sizeof(sample_ip6_frag_first), first,
		 DT_N(first));

	dt_whole(&m, DLT_EN10MB, sample_ip6_frag_later, sizeof(sample_ip6_frag_later), later,
		 DT_N(later));
	assert_false(ip->frag_more);
	assert_int_equal(ip->frag_off, 1480);
	assert_int_equal(ip->proto, 17);
	assert_int_equal(m.l[0].trans, PKT_PROTO_NONE);
	assert_int_equal(m.payload_len, 16);
}

/* Ethernet, then IPv6 with next header nh and the given payload; returns the length. */
static size_t build_ip6(uint8_t *p, uint8_t nh, const uint8_t *payload, size_t len, size_t plen)
{
	memcpy(p, sample_ip6_echo, ETH + 40);
	p[IP6 + 4] = (uint8_t)(plen >> 8);
	p[IP6 + 5] = (uint8_t)plen;
	p[IP6 + 6] = nh;
	memcpy(p + ETH + 40, payload, len);
	return ETH + 40 + len;
}

/* A zero payload length with hop-by-hop options is a jumbogram: the frame says how long. */
static void test_ipv6_jumbogram(void **state)
{
	uint8_t payload[8 + 20] = { 6, 0, 0xc2, 4, 0, 0x01, 0, 0 };
	uint8_t p[128];
	size_t len;
	struct pkt_meta m;

	memcpy(payload + 8, sample_tcp_data + 34, 20);
	len = build_ip6(p, 0, payload, sizeof(payload), 0);
	dt_dissect(&m, DLT_EN10MB, p, len, len);
	assert_false(m.truncated || m.invalid);
	assert_int_equal(m.n_layers, 3);
	assert_int_equal(m.layer[2].proto, PKT_PROTO_TCP);
}

/* Eight destination option headers of six Pad1 each: the first 32 options are kept. */
static void test_ipv6_many_options(void **state)
{
	uint8_t dst8[8 * 8] = { 0 }, p[160];
	size_t len;
	struct pkt_meta m;
	const struct pkt_ipv6 *ip = &m.l[0].ip6;

	for (size_t i = 0; i < 8; i++)
		dst8[i * 8] = i < 7 ? 60 : 59;
	len = build_ip6(p, 60, dst8, sizeof(dst8), sizeof(dst8));
	dt_dissect(&m, DLT_EN10MB, p, len, len);
	assert_false(m.truncated || m.invalid);
	assert_int_equal(ip->n_ext, 8);
	assert_int_equal(ip->n_opt, PKT_IP6_MAX_OPTS);
	assert_true(ip->opt_more);
	assert_int_equal(ip->opt_cut, PKT_IP6_MAX_OPTS / 6);
	assert_int_equal(ip->opt[PKT_IP6_MAX_OPTS - 1].ext, (PKT_IP6_MAX_OPTS - 1) / 6);
}

static void test_ipv6_invalid(void **state)
{
	uint8_t dst9[9 * 8] = { 0 }, one[1] = { 0 }, p[2][160];
	size_t len9, len1;
	struct pkt_meta m;
	const struct dt_invalid cases[] = {
		DT_BAD1("version 4 under ethertype IPv6", sample_ip6_echo, sizeof(sample_ip6_echo),
			IP6, 0x45, 1, IPV6, VERSION),
		DT_BAD1("hop-by-hop past the payload", sample_ip6_hbh_udp,
			sizeof(sample_ip6_hbh_udp), IP6 + 41, 5, 1, IPV6, EXT_PAST_END),
		DT_BAD1("routing header past the payload", sample_ip6_rt_dst_tcp,
			sizeof(sample_ip6_rt_dst_tcp), IP6 + 41, 200, 1, IPV6, EXT_PAST_END),
		DT_BAD0("frame ends in the header", sample_ip6_echo, IP6 + 39, 1, IPV6, SHORT),
		DT_BAD0("one byte of extension header", p[1], 0, 1, IPV6, EXT_PAST_END),
	};
	struct dt_invalid built[DT_N(cases)];

	for (size_t i = 0; i < 8; i++)
		dst9[i * 8] = 60;
	dst9[8 * 8] = 59;
	len9 = build_ip6(p[0], 60, dst9, sizeof(dst9), sizeof(dst9));
	len1 = build_ip6(p[1], 0, one, sizeof(one), sizeof(one));
	memcpy(built, cases, sizeof(cases));
	built[4].len = len1;
	dt_run_invalid(built, DT_N(built));
	/* tcpdump walks any number of extension headers: nine are valid, eight listed */
	dt_dissect(&m, DLT_EN10MB, p[0], len9, len9);
	assert_false(m.truncated || m.invalid);
	assert_int_equal(m.l[0].ip6.n_ext, PKT_IP6_MAX_EXT);
	assert_int_equal(m.l[0].ip6.proto, 59);
}

/*
 * A payload length past the frame's end: tcpdump says how many bytes are
 * missing and decodes what is there, as if the capture had cut them.
 */
static void test_ipv6_len_past_end(void **state)
{
	uint8_t p[sizeof(sample_ip6_echo)];
	struct pkt_meta m;

	memcpy(p, sample_ip6_echo, sizeof(p));
	p[IP6 + 5] = (uint8_t)(p[IP6 + 5] + 17);
	dt_dissect(&m, DLT_EN10MB, p, sizeof(p), sizeof(p));
	assert_false(m.invalid);
	assert_int_equal(m.l[0].ip6.len_missing, 17);
	assert_int_equal(m.layer[2].proto, PKT_PROTO_ICMP6);
}

/* Hop-by-hop options after another header, or twice; a zero length without a jumbo option. */
static void test_ipv6_hbh_rules(void **state)
{
	uint8_t two[16] = { 0, 0, 1, 4, 0, 0, 0, 0, 59, 0, 1, 4, 0, 0, 0, 0 };
	uint8_t pad[8] = { 59, 0, 1, 4, 0, 0, 0, 0 };
	uint8_t p[128];
	size_t len;
	struct pkt_meta m;

	len = build_ip6(p, 0, two, sizeof(two), sizeof(two));
	dt_dissect(&m, DLT_EN10MB, p, len, len);
	assert_true(m.invalid);
	assert_int_equal(m.reason, PKT_REASON_EXT_ORDER);
	len = build_ip6(p, 0, pad, sizeof(pad), 0);
	dt_dissect(&m, DLT_EN10MB, p, len, len);
	assert_true(m.invalid);
	assert_int_equal(m.reason, PKT_REASON_JUMBO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipv4_fields),	cmocka_unit_test(test_ipv4_bad_checksum),
		cmocka_unit_test(test_ipv4_options),	cmocka_unit_test(test_ipv4_padding),
		cmocka_unit_test(test_ipv4_fragments),	cmocka_unit_test(test_ipv4_gso_zero_length),
		cmocka_unit_test(test_ipv4_invalid),	cmocka_unit_test(test_ipv6_fields),
		cmocka_unit_test(test_ipv6_hop_by_hop), cmocka_unit_test(test_ipv6_routing_dstopts),
		cmocka_unit_test(test_ipv6_fragments),	cmocka_unit_test(test_ipv6_jumbogram),
		cmocka_unit_test(test_ipv6_len_past_end), cmocka_unit_test(test_ipv6_hbh_rules),
		cmocka_unit_test(test_ipv6_invalid),	cmocka_unit_test(test_ipv6_many_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
