/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_attrib_tuple.c: tuples from Ethernet, VLAN, SLL2 and raw IP; cut and other packets refused. */
#include "config.h"

#include <netinet/in.h>
#include <pcap/dlt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "attrib/attrib_tuple.h"

/* Ethernet, IPv4 10.0.0.1 -> 10.0.0.2, UDP 1234 -> 53. */
static const uint8_t eth_udp4[] = {
	2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00,
	0x45, 0, 0, 28, 0, 1, 0x40, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
	0x04, 0xd2, 0x00, 0x35, 0, 8, 0, 0,
};

static void test_eth_udp4(void **state)
{
	struct attrib_tuple t;

	(void)state;
	assert_true(attrib_tuple_parse(DLT_EN10MB, eth_udp4, sizeof(eth_udp4), &t));
	assert_int_equal(t.family, 4);
	assert_int_equal(t.proto, IPPROTO_UDP);
	assert_int_equal(t.sport, 1234);
	assert_int_equal(t.dport, 53);
	assert_int_equal(t.src[3], 1);
	assert_int_equal(t.dst[3], 2);
	assert_int_equal(t.src[4], 0);
	/* Cut anywhere before the ports' end: refused, nothing read past the end. */
	for (uint32_t n = 0; n < 38; n++)
		assert_false(attrib_tuple_parse(DLT_EN10MB, eth_udp4, n, &t));
}

static void test_vlan_fragment(void **state)
{
	uint8_t p[sizeof(eth_udp4) + 4];
	struct attrib_tuple t;

	(void)state;
	memcpy(p, eth_udp4, 12);
	p[12] = 0x81;
	p[13] = 0x00;
	p[14] = 0;
	p[15] = 5;
	memcpy(p + 16, eth_udp4 + 12, sizeof(eth_udp4) - 12);
	assert_true(attrib_tuple_parse(DLT_EN10MB, p, sizeof(p), &t));
	assert_int_equal(t.dport, 53);
	/* A later fragment has no ports. */
	p[16 + 2 + 6] = 0x20;
	p[16 + 2 + 7] = 0x10;
	assert_false(attrib_tuple_parse(DLT_EN10MB, p, sizeof(p), &t));
}

/* SLL2, IPv6 with a hop-by-hop header, TCP 443 -> 50000. */
static void test_sll2_ipv6(void **state)
{
	uint8_t p[20 + 40 + 8 + 20];
	struct attrib_tuple t;

	(void)state;
	memset(p, 0, sizeof(p));
	p[0] = 0x86;
	p[1] = 0xdd;
	p[20] = 0x60;
	p[20 + 6] = 0;		/* hop-by-hop */
	p[20 + 8 + 15] = 1;	/* ::1 */
	p[20 + 24 + 15] = 2;	/* ::2 */
	p[60] = IPPROTO_TCP;	/* next header, length 0: 8 bytes */
	p[68] = 0x01;
	p[69] = 0xbb;
	p[70] = 0xc3;
	p[71] = 0x50;
	assert_true(attrib_tuple_parse(DLT_LINUX_SLL2, p, sizeof(p), &t));
	assert_int_equal(t.family, 6);
	assert_int_equal(t.proto, IPPROTO_TCP);
	assert_int_equal(t.sport, 443);
	assert_int_equal(t.dport, 50000);
	assert_int_equal(t.src[15], 1);
	assert_int_equal(t.dst[15], 2);
	/* Raw IP: the same from offset 20. */
	assert_true(attrib_tuple_parse(DLT_RAW, p + 20, sizeof(p) - 20, &t));
	assert_int_equal(t.sport, 443);
}

static void test_refused(void **state)
{
	uint8_t p[sizeof(eth_udp4)];
	struct attrib_tuple t;

	(void)state;
	memcpy(p, eth_udp4, sizeof(p));
	p[14 + 9] = 1;		/* ICMP */
	assert_false(attrib_tuple_parse(DLT_EN10MB, p, sizeof(p), &t));
	memcpy(p, eth_udp4, sizeof(p));
	p[12] = 0x08;
	p[13] = 0x06;		/* ARP */
	assert_false(attrib_tuple_parse(DLT_EN10MB, p, sizeof(p), &t));
	memcpy(p, eth_udp4, sizeof(p));
	p[14] = 0x44;		/* ihl 4 */
	assert_false(attrib_tuple_parse(DLT_EN10MB, p, sizeof(p), &t));
	assert_false(attrib_tuple_parse(DLT_IEEE802_11, eth_udp4, sizeof(eth_udp4), &t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eth_udp4),
		cmocka_unit_test(test_vlan_fragment),
		cmocka_unit_test(test_sll2_ipv6),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
