/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_gen.c: unit tests for the packet generator: reference bytes, varying fields, checksums. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "cmd/inject/gen.h"
#include "cmd/inject/template.h"
#include "inject_vectors.h"

static const struct gen_link vec_link = {
	.src_mac = { 0x02, 0, 0, 0, 0, 0x01 },
	.dst_mac = { 0x02, 0, 0, 0, 0, 0x02 },
	.vlan = -1,
};

/* A generator for text; the source address comes from src when the template has none. */
static struct gen *make(const char *text, const struct gen_link *l, const char *src)
{
	struct template t;
	struct template_error e;
	struct gen *g;

	if (template_parse(&t, text, l->vlan >= 0 ? 18 : 14, &e))
		fail_msg("\"%s\": %s", text, e.msg);
	if (!t.src.family) {
		t.src.family = t.family;
		assert_int_equal(inet_pton(t.family, src, t.src.lo), 1);
	}
	assert_int_equal(gen_new(&g, &t, l, 42), 0);
	return g;
}

/* A plain RFC 1071 sum, written apart from csum.c on purpose. */
static uint32_t naive_sum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i < n; i++)
		s += i % 2 ? p[i] : (uint32_t)p[i] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s;
}

/*
 * Checks every checksum of an Ethernet (+VLAN) IPv4/IPv6 UDP, TCP or ICMP frame:
 * each checksummed region, field included, must sum to 0xffff.
 */
static void assert_sums_ok(const uint8_t *f, size_t len)
{
	size_t ip = f[12] == 0x81 ? 18 : 14, l4, n;
	uint8_t pseudo[40] = { 0 }, proto;
	uint32_t s;
	size_t plen;

	assert_true(len > ip + 20);
	if ((f[ip] >> 4) == 4) {
		assert_int_equal(naive_sum(f + ip, 20), 0xffff);
		l4 = ip + 20;
		n = (size_t)(f[ip + 2] << 8 | f[ip + 3]) - 20;
		proto = f[ip + 9];
		memcpy(pseudo, f + ip + 12, 8);
		pseudo[9] = proto;
		pseudo[10] = (uint8_t)(n >> 8);
		pseudo[11] = (uint8_t)n;
		plen = proto == 1 ? 0 : 12;
	} else {
		l4 = ip + 40;
		n = (size_t)(f[ip + 4] << 8 | f[ip + 5]);
		proto = f[ip + 6];
		memcpy(pseudo, f + ip + 8, 32);
		pseudo[34] = (uint8_t)(n >> 8);
		pseudo[35] = (uint8_t)n;
		pseudo[39] = proto;
		plen = 40;
	}
	assert_true(l4 + n <= len);
	s = naive_sum(pseudo, plen) + naive_sum(f + l4, n);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	assert_int_equal(s, 0xffff);
}

static void expect_vector(const char *text, const uint8_t *want, size_t len)
{
	struct gen *g = make(text, &vec_link, "0.0.0.0");
	uint8_t buf[2048];

	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(gen_max_len(g), len);
	assert_int_equal(gen_build(g, 0, buf, 0), len);
	assert_memory_equal(buf, want, len);
	assert_sums_ok(buf, len);
	gen_free(g);
}

/* Byte for byte what the separate implementation built (see inject_vectors.h). */
static void test_vectors(void **state)
{
	(void)state;
	expect_vector("udp src 192.0.2.1 dst 198.51.100.7:53 sport 1234 ipid 0x1234 payload 11 "
		      "fill 0x68656c6c6f20776f726c64", ref_udp4, sizeof(ref_udp4));
	expect_vector("udp src 192.0.2.1:40000 dst 198.51.100.7 ipid 4660 len 49 "
		      "fill 0x01020304050607", ref_udp4_odd, sizeof(ref_udp4_odd));
	expect_vector("tcp syn src 2001:db8::1 dst [2001:db8::2]:80 sport 1000 seq 0x01020304 "
		      "payload 5 fill 0xab", ref_tcp6, sizeof(ref_tcp6));
	expect_vector("icmp echo src 192.0.2.1 dst 198.51.100.7 id 0x77 seq 3 ipid 0x1234 "
		      "payload 8 fill 0x6162636465666768", ref_icmp4, sizeof(ref_icmp4));
	expect_vector("icmp6 src 2001:db8::1 dst 2001:db8::2 id 1 seq 2 payload 6 fill 0x00ff",
		      ref_icmp6, sizeof(ref_icmp6));
}

/* No length given: the IP packet ends after the headers, the frame is padded to 60. */
static void test_padding(void **state)
{
	struct gen *g = make("udp dst 10.0.0.2", &vec_link, "10.0.0.1");
	uint8_t buf[128], zero[18] = { 0 };

	(void)state;
	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(gen_build(g, 0, buf, 0), 60);
	assert_int_equal(buf[16] << 8 | buf[17], 28);	/* IP total length */
	assert_int_equal(buf[38] << 8 | buf[39], 8);	/* UDP length */
	assert_int_equal(buf[34] << 8 | buf[35], 1024);	/* default ports */
	assert_int_equal(buf[36] << 8 | buf[37], 9);
	assert_memory_equal(buf + 42, zero, 18);
	assert_sums_ok(buf, 60);
	gen_free(g);
}

static void test_vlan(void **state)
{
	struct gen_link l = vec_link;
	struct gen *g;
	uint8_t buf[128];

	(void)state;
	l.vlan = 100;
	g = make("tcp ack dst 10.0.0.2:80 len 64", &l, "10.0.0.1");
	assert_int_equal(gen_build(g, 0, buf, 0), 64);
	assert_memory_equal(buf + 12, "\x81\x00\x00\x64\x08\x00", 6);
	assert_int_equal(buf[18], 0x45);
	assert_int_equal(buf[18 + 33], 0x10);	/* TCP flags: ACK */
	assert_sums_ok(buf, 64);
	gen_free(g);
}

/* inc: every field walks its own range; addresses carry across bytes. */
static void test_increments(void **state)
{
	struct gen *g = make("udp dst 10.0.0.254-10.0.1.1 sport 1000-1002 ipid 7-8", &vec_link,
			     "10.0.0.1");
	static const uint8_t dsts[4][4] = {
		{ 10, 0, 0, 254 }, { 10, 0, 0, 255 }, { 10, 0, 1, 0 }, { 10, 0, 1, 1 },
	};
	uint8_t buf[128];

	(void)state;
	for (uint64_t n = 0; n < 12; n++) {
		assert_int_equal(gen_build(g, n, buf, 0), 60);
		assert_memory_equal(buf + 30, dsts[n % 4], 4);
		assert_int_equal(buf[34] << 8 | buf[35], 1000 + n % 3);
		assert_int_equal(buf[18] << 8 | buf[19], 7 + n % 2);
		assert_sums_ok(buf, 60);
	}
	gen_free(g);
}

static void test_ipv6_carry(void **state)
{
	struct gen *g = make("udp dst 2001:db8::ffff:ffff:ffff:fffe-2001:db8:0:1::1", &vec_link,
			     "2001:db8::1");
	const char *want[] = {
		"2001:db8::ffff:ffff:ffff:fffe", "2001:db8::ffff:ffff:ffff:ffff", "2001:db8:0:1::",
		"2001:db8:0:1::1", "2001:db8::ffff:ffff:ffff:fffe",
	};
	uint8_t buf[128], a[16];

	(void)state;
	for (uint64_t n = 0; n < 5; n++) {
		assert_int_equal(gen_build(g, n, buf, 0), 62);
		assert_int_equal(inet_pton(AF_INET6, want[n], a), 1);
		assert_memory_equal(buf + 38, a, 16);
		assert_sums_ok(buf, 62);
	}
	gen_free(g);
}

/* random: values stay in range and, over enough packets, every one shows up. */
static void test_random(void **state)
{
	struct gen *g = make("udp dst 10.0.0.2 sport 100-115 random src 10.1.0.0/28 random",
			     &vec_link, "0.0.0.0");
	unsigned seen_port[16] = { 0 }, seen_src[16] = { 0 };
	uint8_t buf[128];

	(void)state;
	for (uint64_t n = 0; n < 2000; n++) {
		unsigned port, last;

		gen_build(g, n, buf, 0);
		port = (unsigned)(buf[34] << 8 | buf[35]);
		last = buf[29];
		assert_in_range(port, 100, 115);
		assert_memory_equal(buf + 26, "\x0a\x01\x00", 3);
		assert_in_range(last, 0, 15);
		seen_port[port - 100]++;
		seen_src[last]++;
		assert_sums_ok(buf, 60);
	}
	for (int i = 0; i < 16; i++) {
		assert_true(seen_port[i] > 0);
		assert_true(seen_src[i] > 0);
	}
	gen_free(g);
}

/* Varying lengths, built in one buffer the way ring frames are reused, match fresh builds. */
static void test_reuse(void **state)
{
	struct gen *g = make("udp dst 10.0.0.2 len 60-70 random fill 0x5a", &vec_link, "10.0.0.1");
	struct gen *h = make("udp dst 10.0.0.2 len 60-70 random fill 0x5a", &vec_link, "10.0.0.1");
	uint8_t ring[128], fresh[128];
	uint32_t prev = 0, lens = 0;

	(void)state;
	memset(ring, 0xee, sizeof(ring));
	for (uint64_t n = 0; n < 200; n++) {
		uint32_t len = gen_build(g, n, ring, prev);

		memset(fresh, 0xee, sizeof(fresh));
		/* the same seed draws the same lengths */
		assert_int_equal(gen_build(h, n, fresh, 0), len);
		assert_in_range(len, 60, 70);
		assert_memory_equal(ring, fresh, len);
		assert_int_equal(fresh[len - 1], 0x5a);
		assert_sums_ok(ring, len);
		lens |= 1u << (len - 60);
		prev = len;
	}
	assert_int_equal(lens, 0x7ff);	/* all 11 lengths */
	gen_free(g);
	gen_free(h);
}

/* A constant packet is written once; later builds into the same frame change nothing. */
static void test_constant(void **state)
{
	struct gen *g = make("udp dst 10.0.0.2:7 len 100 fill 0x11", &vec_link, "10.0.0.1");
	uint8_t buf[128], first[128];

	(void)state;
	assert_int_equal(gen_build(g, 0, buf, 0), 100);
	memcpy(first, buf, 100);
	buf[50] ^= 0xff;	/* were it rewritten, this would be repaired */
	assert_int_equal(gen_build(g, 1, buf, 100), 100);
	assert_int_equal(buf[50], first[50] ^ 0xff);
	buf[50] ^= 0xff;
	assert_memory_equal(buf, first, 100);
	gen_free(g);
}

static void test_tcp_icmp_fields(void **state)
{
	struct gen *g = make("tcp syn fin dst 10.0.0.2:80 seq 4294967294-4294967295 ackno 9 "
			     "win 512", &vec_link, "10.0.0.1");
	uint8_t buf[128];

	(void)state;
	gen_build(g, 1, buf, 0);
	assert_memory_equal(buf + 38, "\xff\xff\xff\xff\x00\x00\x00\x09\x50\x03\x02\x00", 12);
	assert_sums_ok(buf, 60);
	gen_free(g);
	g = make("icmp echo-reply dst 10.0.0.2 id 9 seq 1-3", &vec_link, "10.0.0.1");
	gen_build(g, 2, buf, 0);
	assert_memory_equal(buf + 34, "\x00\x00", 2);	/* echo reply, code 0 */
	assert_memory_equal(buf + 38, "\x00\x09\x00\x03", 4);
	assert_sums_ok(buf, 60);
	gen_free(g);
}

static void test_bad(void **state)
{
	struct template t;
	struct template_error e;
	struct gen *g = (struct gen *)&t;

	(void)state;
	assert_int_equal(template_parse(&t, "udp dst 10.0.0.2", 14, &e), 0);
	/* the caller must fill the source first */
	assert_int_equal(gen_new(&g, &t, &vec_link, 1), -EINVAL);
	assert_null(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_vlan),
		cmocka_unit_test(test_increments),
		cmocka_unit_test(test_ipv6_carry),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_constant),
		cmocka_unit_test(test_tcp_icmp_fields),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
