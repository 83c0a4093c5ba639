/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dissect_csum.c: -v checksum verification (l4csum.c) and how the printer reports it. */
#include "config.h"

#include <stdio.h>

#include "dissect_test.h"
#include "util/csum.h"
#include "pkt_samples.h"

#define IP4 14
#define L4  34 /* transport offset after Ethernet and a 20-byte IPv4 header */
#define L6  54 /* after Ethernet and a 40-byte IPv6 header */

static const struct dissect_opts verify = { .csum_verify = true };

/* Dissect a private copy of exactly caplen bytes with the options given. */
static void csum_dissect(struct pkt_meta *m, const uint8_t *p, size_t caplen, size_t wirelen,
			 const struct dissect_opts *o)
{
	uint8_t *copy = malloc(caplen);

	assert_non_null(copy);
	memcpy(copy, p, caplen);
	assert_int_equal(dissect_packet_opts(m, DLT_EN10MB, copy, caplen, wirelen, o), 0);
	free(copy);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/*
 * Write the right checksum into the transport at off (IPv4 or IPv6 by the
 * version nibble at IP4), with the pseudo-header's destination dst (NULL:
 * the IP header's), and return it.
 */
static uint16_t fix_csum(uint8_t *p, size_t len, size_t off, size_t csum_off, uint8_t proto,
			 const uint8_t *dst)
{
	uint32_t sum = 0;
	uint16_t c;

	put16(p + off + csum_off, 0);
	if (p[IP4] >> 4 == 4 && proto != 1)
		sum = csum_pseudo4(p + IP4 + 12, dst ? dst : p + IP4 + 16, proto,
				   (uint16_t)(len - off));
	else if (p[IP4] >> 4 == 6)
		sum = csum_pseudo6(p + IP4 + 8, dst ? dst : p + IP4 + 24, proto,
				   (uint32_t)(len - off));
	c = csum_fold(csum_add(sum, p + off, len - off));
	if (proto == 17 && !c)
		c = 0xffff;
	put16(p + off + csum_off, c);
	return c;
}

static void expect_v(const struct pkt_meta *m, const char *want)
{
	/* -vv: tcpdump verifies UDP over IPv4 from there */
	static const struct print_opts o = { .verbose = true, .verbosity = 2 };
	char line[PRINT_PACKET_MAX];

	print_packet(line, sizeof(line), m, &o);
	if (!strstr(line, want))
		fail_msg("no \"%s\" in: %s", want, line);
}

static void test_tcp(void **state)
{
	uint8_t p[sizeof(sample_tcp_data)], q[sizeof(sample_tcp_data)];
	struct pkt_meta m;
	uint16_t good;

	memcpy(p, sample_tcp_data, sizeof(p));
	good = fix_csum(p, sizeof(p), L4, 16, 6, NULL);
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_OK);
	expect_v(&m, "Flags [P.], cksum 0x");
	expect_v(&m, " (correct), seq");

	/* not asked: nothing said, nothing printed */
	csum_dissect(&m, p, sizeof(p), sizeof(p), NULL);
	assert_int_equal(m.l[0].csum, PKT_CSUM_UNCHECKED);

	/* one payload byte off: wrong, and it names what the changed packet needs */
	p[sizeof(p) - 1] ^= 0x40;
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_BAD);
	memcpy(q, p, sizeof(q));
	assert_int_equal(m.l[0].csum_good, fix_csum(q, sizeof(q), L4, 16, 6, NULL));
	assert_int_not_equal(m.l[0].csum_good, good);
}

/* The corrected value: fix the packet and read what fix_csum wrote. */
static void test_tcp_expected_value(void **state)
{
	uint8_t p[sizeof(sample_tcp6_data)], q[sizeof(sample_tcp6_data)];
	struct pkt_meta m;
	uint16_t good;
	char want[64];

	memcpy(p, sample_tcp6_data, sizeof(p));
	good = fix_csum(p, sizeof(p), L6, 16, 6, NULL);
	memcpy(q, p, sizeof(q));
	put16(q + L6 + 16, 0x1234);
	csum_dissect(&m, q, sizeof(q), sizeof(q), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_BAD);
	assert_int_equal(m.l[0].csum_good, good);
	snprintf(want, sizeof(want), "cksum 0x1234 (incorrect -> 0x%04x), seq", good);
	expect_v(&m, want);

	/* the ring said the NIC fills it in: no claim either way */
	csum_dissect(&m, q, sizeof(q), sizeof(q),
		     &(struct dissect_opts){ .csum_verify = true,
					     .csum_hint = PKT_CSUM_HINT_NOT_READY });
	assert_int_equal(m.l[0].csum, PKT_CSUM_OFFLOAD);
	expect_v(&m, "cksum 0x1234 (unverified: offload), seq");
	/* a right one stays right whatever the ring said */
	csum_dissect(&m, p, sizeof(p), sizeof(p),
		     &(struct dissect_opts){ .csum_verify = true,
					     .csum_hint = PKT_CSUM_HINT_NOT_READY });
	assert_int_equal(m.l[0].csum, PKT_CSUM_OK);

	/* not all captured: unverifiable, unless the receive path checked it */
	csum_dissect(&m, p, sizeof(p) - 1, sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_UNCHECKED);
	csum_dissect(
		&m, p, sizeof(p) - 1, sizeof(p),
		&(struct dissect_opts){ .csum_verify = true, .csum_hint = PKT_CSUM_HINT_VALID });
	assert_int_equal(m.l[0].csum, PKT_CSUM_KERNEL);
	expect_v(&m, "(correct per kernel)");
}

static void test_udp(void **state)
{
	uint8_t p[sizeof(sample_udp)];
	struct pkt_meta m;
	uint16_t good;
	char want[64];

	memcpy(p, sample_udp, sizeof(p));
	good = fix_csum(p, sizeof(p), L4, 6, 17, NULL);
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_OK);
	expect_v(&m, ": [udp sum ok] UDP, length 12");

	put16(p + L4 + 6, (uint16_t)(good ^ 0x0101));
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_BAD);
	assert_int_equal(m.l[0].csum_good, good);
	snprintf(want, sizeof(want), "[bad udp cksum 0x%04x -> 0x%04x!] UDP", good ^ 0x0101, good);
	expect_v(&m, want);

	/* over IPv4, 0 means the sender computed none (RFC 768) */
	put16(p + L4 + 6, 0);
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_ABSENT);
	expect_v(&m, ": [no cksum] UDP, length 12");
}

static void test_icmp(void **state)
{
	uint8_t p[sizeof(sample_icmp_echo)], q[sizeof(sample_icmp_echo)];
	uint8_t r[sizeof(sample_ip6_echo)];
	struct pkt_meta m;
	uint16_t good;
	char want[80];

	memcpy(p, sample_icmp_echo, sizeof(p));
	good = fix_csum(p, sizeof(p), L4, 2, 1, NULL);
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_OK);
	memcpy(q, p, sizeof(q));
	put16(q + L4 + 2, 0xbeef);
	csum_dissect(&m, q, sizeof(q), sizeof(q), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_BAD);
	assert_int_equal(m.l[0].csum_good, good);
	snprintf(want, sizeof(want), "length 64 (wrong icmp cksum beef (->%x)!)", good);
	expect_v(&m, want);

	memcpy(r, sample_ip6_echo, sizeof(r));
	good = fix_csum(r, sizeof(r), L6, 2, 58, NULL);
	csum_dissect(&m, r, sizeof(r), sizeof(r), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_OK);
	expect_v(&m, ": [icmp6 sum ok] ICMP6, echo request");
	put16(r + L6 + 2, (uint16_t)~good);
	csum_dissect(&m, r, sizeof(r), sizeof(r), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_BAD);
	assert_int_equal(m.l[0].csum_good, good);
}

/* With segments left, the pseudo-header names the routing header's last address. */
static void test_routing_final_dst(void **state)
{
	static const uint8_t final[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x99 };
	uint8_t p[sizeof(sample_ip6_rt_dst_tcp)];
	const size_t tcp = L6 + 24 + 8;
	struct pkt_meta m;

	memcpy(p, sample_ip6_rt_dst_tcp, sizeof(p));
	fix_csum(p, sizeof(p), tcp, 16, 6, final);
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_true(m.l[0].ip6.has_rt_final);
	assert_memory_equal(m.l[0].ip6.rt_final, final, 16);
	assert_int_equal(m.l[0].csum, PKT_CSUM_OK);
	fix_csum(p, sizeof(p), tcp, 16, 6, NULL);
	csum_dissect(&m, p, sizeof(p), sizeof(p), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_BAD);
}

/* A first fragment holds only part of what its checksum covers. */
static void test_fragment(void **state)
{
	struct pkt_meta m;

	csum_dissect(&m, sample_ip_frag_first, sizeof(sample_ip_frag_first),
		     sizeof(sample_ip_frag_first), &verify);
	assert_int_equal(m.l[0].trans, PKT_PROTO_UDP);
	assert_int_equal(m.l[0].csum, PKT_CSUM_UNCHECKED);
	csum_dissect(&m, sample_ip6_frag_first, sizeof(sample_ip6_frag_first),
		     sizeof(sample_ip6_frag_first), &verify);
	assert_int_equal(m.l[0].csum, PKT_CSUM_UNCHECKED);
}

/* Every cut of every sample with verification on: no read past the capture (ASan). */
static void test_sweep(void **state)
{
	static const struct {
		const uint8_t *p;
		size_t len;
	} s[] = {
		{ sample_tcp_syn, sizeof(sample_tcp_syn) },
		{ sample_tcp6_data, sizeof(sample_tcp6_data) },
		{ sample_udp, sizeof(sample_udp) },
		{ sample_icmp_port_unreach, sizeof(sample_icmp_port_unreach) },
		{ sample_ip6_unreach, sizeof(sample_ip6_unreach) },
		{ sample_ip6_rt_dst_tcp, sizeof(sample_ip6_rt_dst_tcp) },
		{ sample_vxlan, sizeof(sample_vxlan) },
		{ sample_gre_ip, sizeof(sample_gre_ip) },
	};
	struct pkt_meta m;

	for (size_t i = 0; i < DT_N(s); i++)
		for (size_t cut = 1; cut <= s[i].len; cut++) {
			csum_dissect(&m, s[i].p, cut, s[i].len, &verify);
			if (cut < s[i].len)
				for (unsigned k = 0; k <= m.level; k++)
					assert_true(m.l[k].csum == PKT_CSUM_UNCHECKED ||
						    m.l[k].csum == PKT_CSUM_ABSENT);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp),
		cmocka_unit_test(test_tcp_expected_value),
		cmocka_unit_test(test_udp),
		cmocka_unit_test(test_icmp),
		cmocka_unit_test(test_routing_final_dst),
		cmocka_unit_test(test_fragment),
		cmocka_unit_test(test_sweep),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
