/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_csum.c: unit tests for the Internet checksum and the pseudo-headers, against references. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/csum.h"
#include "inject_vectors.h"

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* RFC 1071 section 3's example: words 0001 f203 f4f5 f6f7 sum to 0xddf2. */
static void test_rfc1071_example(void **state)
{
	static const uint8_t words[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };

	(void)state;
	assert_int_equal(csum_add(0, words, sizeof(words)), 0xddf2);
	assert_int_equal(csum_fold(csum_add(0, words, sizeof(words))), 0x220d);
	/* The sum is the same in any order and split on even boundaries. */
	assert_int_equal(csum_add(csum_add(0, words + 4, 4), words, 4), 0xddf2);
}

/* The IPv4 header of every vector: its checksum field makes the whole header sum to 0xffff. */
static void test_ipv4_header(void **state)
{
	static const uint8_t hdr[] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
	};
	const uint8_t *ip[] = { ref_udp4 + 14, ref_udp4_odd + 14, ref_icmp4 + 14 };

	(void)state;
	/* The well-known example header: checksum 0xb861. */
	assert_int_equal(csum_fold(csum_add(0, hdr, sizeof(hdr))), 0xb861);
	for (size_t i = 0; i < sizeof(ip) / sizeof(ip[0]); i++) {
		uint8_t h[20];

		assert_int_equal(csum_fold(csum_add(0, ip[i], 20)), 0);
		memcpy(h, ip[i], 20);
		h[10] = h[11] = 0;
		assert_int_equal(csum_fold(csum_add(0, h, 20)), be16(ip[i] + 10));
	}
}

/* Recomputes a transport checksum with the field zeroed; it must match the vector's. */
static uint16_t recompute(const uint8_t *frame, size_t len, unsigned l4, unsigned at, int v6)
{
	uint8_t seg[256];
	size_t n = len - l4;
	uint32_t sum;

	memcpy(seg, frame + l4, n);
	seg[at] = seg[at + 1] = 0;
	if (v6)
		sum = csum_pseudo6(frame + 22, frame + 38, frame[20], (uint32_t)n);
	else if (frame[23] == 1)
		sum = 0;	/* ICMPv4: no pseudo-header */
	else
		sum = csum_pseudo4(frame + 26, frame + 30, frame[23], (uint16_t)n);
	return csum_fold(csum_add(sum, seg, n));
}

static void test_transport(void **state)
{
	(void)state;
	assert_int_equal(recompute(ref_udp4, sizeof(ref_udp4), 34, 6, 0), be16(ref_udp4 + 40));
	/* an odd payload: its last byte counts as a word's high byte */
	assert_int_equal(recompute(ref_udp4_odd, sizeof(ref_udp4_odd), 34, 6, 0),
			 be16(ref_udp4_odd + 40));
	assert_int_equal(recompute(ref_tcp6, sizeof(ref_tcp6), 54, 16, 1), be16(ref_tcp6 + 70));
	assert_int_equal(recompute(ref_icmp4, sizeof(ref_icmp4), 34, 2, 0), be16(ref_icmp4 + 36));
	assert_int_equal(recompute(ref_icmp6, sizeof(ref_icmp6), 54, 2, 1), be16(ref_icmp6 + 56));
	/* and with the field in place, the segment plus pseudo-header sums to all ones */
	assert_int_equal(csum_fold(csum_add(csum_pseudo6(ref_tcp6 + 22, ref_tcp6 + 38, 6, 25),
					   ref_tcp6 + 54, 25)), 0);
}

/* Carries: a sum of many 0xffff words and a pseudo-header with a big length still fold right. */
static void test_carries(void **state)
{
	static uint8_t ones[65536];
	static const uint8_t a[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
				       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	(void)state;
	memset(ones, 0xff, sizeof(ones));
	/* one's complement: any number of 0xffff words sums to 0xffff */
	assert_int_equal(csum_add(0, ones, sizeof(ones)), 0xffff);
	assert_int_equal(csum_fold(0xffff), 0);
	assert_int_equal(csum_fold(0), 0xffff);
	/* 16 words of ffff (= 0xffff) + 1 + 0xffff (length 0x1ffff) + 17 (UDP), carries folded */
	assert_int_equal(csum_pseudo6(a, a, 17, 0x1ffff), 0x12);
	/* 0xffff + 6 + 0xffff = 0x20004, folded to 6 */
	assert_int_equal(csum_pseudo4(a, a, 6, 0xffff), 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc1071_example),
		cmocka_unit_test(test_ipv4_header),
		cmocka_unit_test(test_transport),
		cmocka_unit_test(test_carries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
