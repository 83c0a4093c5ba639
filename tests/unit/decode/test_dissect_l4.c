/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dissect_l4.c: TCP with its options, UDP, ICMP and ICMPv6 with their quotes. */
#include "config.h"

#include "dissect_test.h"
#include "pkt_samples.h"

#define IP4 14
#define L4  34 /* transport offset after Ethernet and a 20-byte IPv4 header */
#define L6  54 /* after Ethernet and a 40-byte IPv6 header */

static const uint8_t mac1[6] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const uint8_t mac2[6] = { 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb };

static void test_tcp_syn_options(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_TCP, 40 },
	};
	static const uint8_t kinds[] = { 2, 4, 8, 1, 3 }, lens[] = { 4, 2, 10, 1, 3 };
	struct pkt_meta m;
	const struct pkt_tcp *t = &m.l[0].tcp;

	dt_whole(&m, DLT_EN10MB, sample_tcp_syn, sizeof(sample_tcp_syn), h, DT_N(h));
	assert_int_equal(m.l[0].trans, PKT_PROTO_TCP);
	assert_int_equal(t->sport, 1234);
	assert_int_equal(t->dport, 80);
	assert_int_equal(t->seq, 1000);
	assert_int_equal(t->ack, 0);
	assert_int_equal(t->doff, 10);
	assert_int_equal(t->flags, PKT_TCP_SYN);
	assert_int_equal(t->win, 64240);
	assert_int_equal(t->urg, 0);
	assert_true(t->has_mss);
	assert_int_equal(t->mss, 1460);
	assert_true(t->sack_ok);
	assert_true(t->has_ts);
	assert_int_equal(t->ts_val, 1);
	assert_int_equal(t->ts_ecr, 0);
	assert_true(t->has_wscale);
	assert_int_equal(t->wscale, 7);
	assert_int_equal(t->n_sack, 0);
	assert_int_equal(t->n_unknown, 0);
	assert_int_equal(t->n_opts, DT_N(kinds));
	for (size_t i = 0; i < DT_N(kinds); i++) {
		assert_int_equal(t->opts[i].kind, kinds[i]);
		assert_int_equal(t->opts[i].len, lens[i]);
	}
	assert_int_equal(m.payload_len, 0);
	dt_sweep(DLT_EN10MB, sample_tcp_syn, sizeof(sample_tcp_syn), h, DT_N(h));
}

static void test_tcp_sack(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_TCP, 40 },
	};
	struct pkt_meta m;
	const struct pkt_tcp *t = &m.l[0].tcp;

	dt_whole(&m, DLT_EN10MB, sample_tcp_sack, sizeof(sample_tcp_sack), h, DT_N(h));
	assert_int_equal(t->flags, PKT_TCP_ACK);
	assert_int_equal(t->ack, 1005);
	assert_int_equal(t->n_sack, 2);
	assert_int_equal(t->sack[0].left, 10);
	assert_int_equal(t->sack[0].right, 20);
	assert_int_equal(t->sack[1].left, 30);
	assert_int_equal(t->sack[1].right, 40);
	assert_int_equal(t->n_opts, 3);
	assert_int_equal(t->opts[2].kind, 5);
	assert_int_equal(t->opts[2].len, 18);
	assert_int_equal(m.payload_len, 2);
	dt_sweep(DLT_EN10MB, sample_tcp_sack, sizeof(sample_tcp_sack), h, DT_N(h));
}

static void test_tcp_data_and_flags(void **state)
{
	uint8_t p[sizeof(sample_tcp_data)];
	struct pkt_meta m;

	dt_dissect(&m, DLT_EN10MB, sample_tcp_data, sizeof(p), sizeof(p));
	assert_int_equal(m.l[0].tcp.flags, PKT_TCP_PSH | PKT_TCP_ACK);
	assert_int_equal(m.l[0].tcp.n_opts, 0);
	assert_int_equal(m.payload_off, 54);
	assert_int_equal(m.payload_len, 5);

	/* every flag, the AE bit among the reserved ones included */
	dt_patched(p, sample_tcp_data, sizeof(p),
		   (const struct dt_patch[]){ { L4 + 12, 0x51 }, { L4 + 13, 0xff } }, 2);
	dt_dissect(&m, DLT_EN10MB, p, sizeof(p), sizeof(p));
	assert_int_equal(m.l[0].tcp.flags, 0x1ff);
}

/* Ethernet, IPv4 and a TCP header with the given option bytes (a multiple of 4). */
static size_t build_tcp(uint8_t *p, const uint8_t *opts, size_t olen)
{
	size_t len = L4 + 20 + olen;

	memcpy(p, sample_tcp_data, L4 + 20);
	p[IP4 + 3] = (uint8_t)(len - IP4);
	p[L4 + 12] = (uint8_t)((20 + olen) / 4 << 4);
	memcpy(p + L4 + 20, opts, olen);
	return len;
}

static void test_tcp_unknown_options(void **state)
{
	static const uint8_t opts[] = {
		19, 18, 1,    2,    3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, /* MD5 */
		42, 4,	0xab, 0xcd, /* unassigned */
		2,  3,	5,	    /* MSS of a wrong length */
		1,  0,		    /* NOP, EOL: the rest is padding */
		9,  9,	9,    9,    9,
	};
	uint8_t p[128];
	size_t len = build_tcp(p, opts, sizeof(opts));
	struct pkt_meta m;
	const struct pkt_tcp *t = &m.l[0].tcp;

	dt_dissect(&m, DLT_EN10MB, p, len, len);
	assert_false(m.truncated || m.invalid);
	assert_int_equal(t->n_opts, 5);
	assert_int_equal(t->n_unknown, 3);
	assert_false(t->has_mss);
	assert_int_equal(t->opts[0].kind, 19);
	assert_int_equal(t->opts[2].len, 3);
	assert_int_equal(t->opts[4].kind, 0);
	assert_int_equal(m.payload_len, 0);
}

static void test_tcp_invalid(void **state)
{
	static const uint8_t bad_len[] = { 1, 1, 2, 1 };   /* length 1 */
	static const uint8_t past_end[] = { 1, 8, 10, 1 }; /* length 10 in 2 bytes */
	static const uint8_t no_len[] = { 1, 1, 1, 8 };	   /* kind, then nothing */
	uint8_t p[3][128];
	const size_t len = sizeof(sample_tcp_data);
	struct dt_invalid cases[] = {
		DT_BAD1("doff 4", sample_tcp_data, len, L4 + 12, 0x40, 2, TCP, HDR_LEN),
		DT_BAD1("doff 0", sample_tcp_data, len, L4 + 12, 0x00, 2, TCP, HDR_LEN),
		DT_BAD1("doff 15 in a 25-byte segment", sample_tcp_data, len, L4 + 12, 0xf0, 2, TCP,
			HDR_PAST_END),
		DT_BAD1("segment shorter than a header", sample_tcp_data, L4 + 10, IP4 + 3, 30, 2,
			TCP, SHORT),
		DT_BAD0("option length 1", p[0], build_tcp(p[0], bad_len, 4), 2, TCP, OPTION),
		DT_BAD0("option past the header", p[1], build_tcp(p[1], past_end, 4), 2, TCP,
			OPTION),
		DT_BAD0("option without its length", p[2], build_tcp(p[2], no_len, 4), 2, TCP,
			OPTION),
	};

	dt_run_invalid(cases, DT_N(cases));
}

static void test_udp(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_UDP, 8 },
	};
	uint8_t p[sizeof(sample_udp)];
	struct pkt_meta m;
	const struct pkt_udp *u = &m.l[0].udp;

	dt_whole(&m, DLT_EN10MB, sample_udp, sizeof(sample_udp), h, DT_N(h));
	assert_int_equal(m.l[0].trans, PKT_PROTO_UDP);
	assert_int_equal(u->sport, 12345);
	assert_int_equal(u->dport, 40000);
	assert_int_equal(u->len, 20);
	assert_int_equal(u->csum, 0);
	assert_int_equal(m.payload_len, 12);
	dt_sweep(DLT_EN10MB, sample_udp, sizeof(sample_udp), h, DT_N(h));

	/* a UDP length shorter than the IP payload ends the datagram early */
	dt_patched(p, sample_udp, sizeof(p), (const struct dt_patch[]){ { L4 + 5, 10 } }, 1);
	dt_whole(&m, DLT_EN10MB, p, sizeof(p), h, DT_N(h));
	assert_int_equal(m.payload_len, 2);
	assert_int_equal(m.payload_caplen, 2);
}

static void test_udp_invalid(void **state)
{
	const size_t len = sizeof(sample_udp);
	const struct dt_invalid cases[] = {
		DT_BAD1("length 7", sample_udp, len, L4 + 5, 7, 2, UDP, UDP_LEN),
		DT_BAD1("length 0", sample_udp, len, L4 + 5, 0, 2, UDP, UDP_LEN),
		DT_BAD1("length past the IP payload", sample_udp, len, L4 + 5, 21, 2, UDP,
			UDP_LEN_PAST_END),
		DT_BAD1("IP payload shorter than a header", sample_udp, L4 + 6, IP4 + 3, 26, 2, UDP,
			SHORT),
	};

	dt_run_invalid(cases, DT_N(cases));
}

static void test_icmp_echo(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_ICMP, 8 },
	};
	struct pkt_meta m;
	const struct pkt_icmp *ic = &m.l[0].icmp;

	dt_whole(&m, DLT_EN10MB, sample_icmp_echo, sizeof(sample_icmp_echo), h, DT_N(h));
	assert_int_equal(m.l[0].trans, PKT_PROTO_ICMP);
	assert_int_equal(ic->type, 8);
	assert_int_equal(ic->code, 0);
	assert_int_equal(ic->id, 1);
	assert_int_equal(ic->seq, 1);
	assert_int_equal(ic->rest, 0x00010001);
	assert_int_equal(ic->quote.family, 0);
	assert_int_equal(m.payload_len, 56);
	dt_sweep(DLT_EN10MB, sample_icmp_echo, sizeof(sample_icmp_echo), h, DT_N(h));
}

static void test_icmp_unreachable(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_ICMP, 8 },
	};
	/* a truncated quote marks the ICMP layer up to the quoted IP header's end */
	static const struct dt_hdr cut[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_ICMP, 28 },
	};
	static const uint8_t src[4] = { 10, 0, 0, 2 }, dst[4] = { 10, 0, 0, 9 };
	uint8_t p[sizeof(sample_icmp_port_unreach)];
	struct pkt_meta m;
	const struct pkt_quote *q = &m.l[0].icmp.quote;

	dt_whole(&m, DLT_EN10MB, sample_icmp_port_unreach, sizeof(p), h, DT_N(h));
	assert_int_equal(m.l[0].icmp.type, 3);
	assert_int_equal(m.l[0].icmp.code, 3);
	assert_int_equal(q->family, 4);
	assert_int_equal(q->proto, 17);
	assert_memory_equal(q->src, src, 4);
	assert_memory_equal(q->dst, dst, 4);
	assert_true(q->has_ports);
	assert_int_equal(q->sport, 5000);
	assert_int_equal(q->dport, 6000);
	/* the quote stays the payload */
	assert_int_equal(m.payload_off, 42);
	assert_int_equal(m.payload_len, 28);
	dt_sweep(DLT_EN10MB, sample_icmp_port_unreach, sizeof(p), cut, DT_N(cut));

	dt_whole(&m, DLT_EN10MB, sample_icmp_frag_needed, sizeof(sample_icmp_frag_needed), h,
		 DT_N(h));
	assert_int_equal(m.l[0].icmp.rest & 0xffff, 1500);

	/* a quote of the IP header alone: no ports, nothing flagged */
	dt_patched(p, sample_icmp_port_unreach, sizeof(p),
		   (const struct dt_patch[]){ { IP4 + 3, 48 } }, 1);
	dt_whole(&m, DLT_EN10MB, p, sizeof(p) - 8, h, DT_N(h));
	assert_int_equal(q->family, 4);
	assert_false(q->has_ports);
}

static void test_icmp_invalid(void **state)
{
	const struct dt_invalid cases[] = {
		DT_BAD1("error quoting less than an IP header", sample_icmp_port_unreach, L4 + 18,
			IP4 + 3, 38, 2, ICMP, SHORT),
		DT_BAD1("IP payload shorter than a header", sample_icmp_echo, L4 + 4, IP4 + 3, 24,
			2, ICMP, SHORT),
	};

	dt_run_invalid(cases, DT_N(cases));
}

static void test_icmp6_nd(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_ICMP6, 32 },
	};
	/* options cut by the snap length are left unread, not flagged */
	static const struct dt_hdr cut[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_ICMP6, 24 },
	};
	static const uint8_t target[16] = { 0xfe, 0x80, [15] = 2 };
	struct pkt_meta m;
	const struct pkt_icmp6 *ic = &m.l[0].icmp6;

	dt_whole(&m, DLT_EN10MB, sample_ip6_ns, sizeof(sample_ip6_ns), h, DT_N(h));
	assert_int_equal(m.l[0].trans, PKT_PROTO_ICMP6);
	assert_int_equal(ic->type, 135);
	assert_true(ic->has_target);
	assert_memory_equal(ic->target, target, 16);
	assert_true(ic->has_sll);
	assert_memory_equal(ic->sll, mac1, 6);
	assert_false(ic->has_tll);
	dt_sweep(DLT_EN10MB, sample_ip6_ns, sizeof(sample_ip6_ns), cut, DT_N(cut));

	dt_whole(&m, DLT_EN10MB, sample_ip6_na, sizeof(sample_ip6_na), h, DT_N(h));
	assert_int_equal(ic->type, 136);
	assert_int_equal(ic->rest, 0x60000000);
	assert_memory_equal(ic->target, target, 16);
	assert_false(ic->has_sll);
	assert_true(ic->has_tll);
	assert_memory_equal(ic->tll, mac2, 6);
}

static void test_icmp6_echo_and_mld(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_ICMP6, 8 },
	};
	static const struct dt_hdr mld[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_ICMP6, 24 },
	};
	uint8_t p[sizeof(sample_ip6_ns)];
	struct pkt_meta m;

	dt_whole(&m, DLT_EN10MB, sample_ip6_echo, sizeof(sample_ip6_echo), h, DT_N(h));
	assert_int_equal(m.l[0].icmp6.type, 128);
	assert_int_equal(m.l[0].icmp6.id, 7);
	assert_int_equal(m.l[0].icmp6.seq, 9);
	assert_int_equal(m.payload_len, 8);

	/* a listener query: the group address where ND has its target, no options */
	dt_patched(p, sample_ip6_ns, sizeof(p), (const struct dt_patch[]){ { L6, 130 } }, 1);
	dt_whole(&m, DLT_EN10MB, p, sizeof(p), mld, DT_N(mld));
	assert_true(m.l[0].icmp6.has_target);
	assert_false(m.l[0].icmp6.has_sll);
	assert_int_equal(m.payload_len, 8);
}

static void test_icmp6_unreachable(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_ICMP6, 8 },
	};
	static const struct dt_hdr cut[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV6, 40 },
		{ PKT_PROTO_ICMP6, 48 },
	};
	static const uint8_t dst[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x77 };
	struct pkt_meta m;
	const struct pkt_quote *q = &m.l[0].icmp6.quote;

	dt_whole(&m, DLT_EN10MB, sample_ip6_unreach, sizeof(sample_ip6_unreach), h, DT_N(h));
	assert_int_equal(m.l[0].icmp6.type, 1);
	assert_int_equal(m.l[0].icmp6.code, 4);
	assert_int_equal(q->family, 6);
	assert_int_equal(q->proto, 17);
	assert_memory_equal(q->dst, dst, 16);
	assert_true(q->has_ports);
	assert_int_equal(q->sport, 33434);
	assert_int_equal(q->dport, 33435);
	dt_sweep(DLT_EN10MB, sample_ip6_unreach, sizeof(sample_ip6_unreach), cut, DT_N(cut));
}

static void test_icmp6_invalid(void **state)
{
	const struct dt_invalid cases[] = {
		DT_BAD1("ND option of length 0", sample_ip6_ns, sizeof(sample_ip6_ns), L6 + 25, 0,
			2, ICMP6, OPTION),
		DT_BAD1("ND option past the message", sample_ip6_ns, sizeof(sample_ip6_ns), L6 + 25,
			2, 2, ICMP6, OPTION),
		DT_BAD1("error quoting less than an IPv6 header", sample_ip6_unreach, L6 + 30,
			14 + 5, 30, 2, ICMP6, SHORT),
		DT_BAD1("solicitation without a target", sample_ip6_ns, L6 + 20, 14 + 5, 20, 2,
			ICMP6, SHORT),
	};

	dt_run_invalid(cases, DT_N(cases));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp_syn_options),
		cmocka_unit_test(test_tcp_sack),
		cmocka_unit_test(test_tcp_data_and_flags),
		cmocka_unit_test(test_tcp_unknown_options),
		cmocka_unit_test(test_tcp_invalid),
		cmocka_unit_test(test_udp),
		cmocka_unit_test(test_udp_invalid),
		cmocka_unit_test(test_icmp_echo),
		cmocka_unit_test(test_icmp_unreachable),
		cmocka_unit_test(test_icmp_invalid),
		cmocka_unit_test(test_icmp6_nd),
		cmocka_unit_test(test_icmp6_echo_and_mld),
		cmocka_unit_test(test_icmp6_unreachable),
		cmocka_unit_test(test_icmp6_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
