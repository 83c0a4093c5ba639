/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_pbuf.c: the printf-free text buffer: numbers, addresses, clipping. */
#include "config.h"

#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "decode/pbuf.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void expect(struct pbuf *b, char *buf, size_t len, const char *want)
{
	size_t n = pbuf_finish(b, len);

	assert_string_equal(buf, want);
	assert_int_equal(n, strlen(want));
}

static void test_numbers(void **state)
{
	char buf[64];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	pbuf_u32(&b, 0);
	pbuf_putc(&b, ' ');
	pbuf_u32(&b, 7);
	pbuf_putc(&b, ' ');
	pbuf_u32(&b, 4294967295u);
	pbuf_putc(&b, ' ');
	pbuf_hex(&b, 0, 1);
	pbuf_putc(&b, ' ');
	pbuf_hex(&b, 0x800, 4);
	pbuf_putc(&b, ' ');
	pbuf_hex(&b, 0x12345, 5);
	pbuf_putc(&b, ' ');
	pbuf_hex(&b, 0xdeadbeef, 1);
	pbuf_putc(&b, ' ');
	pbuf_hex(&b, 0x2a, 8);
	expect(&b, buf, sizeof(buf), "0 7 4294967295 0 0800 12345 deadbeef 0000002a");
}

/* 64-bit decimals: DCCP's 48-bit sequence numbers, MPTCP's data sequence numbers. */
static void test_u64(void **state)
{
	char buf[64];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	pbuf_u64(&b, 0);
	pbuf_putc(&b, ' ');
	pbuf_u64(&b, 4294967296ull);
	pbuf_putc(&b, ' ');
	pbuf_u64(&b, 281474976710655ull);
	pbuf_putc(&b, ' ');
	pbuf_u64(&b, UINT64_MAX);
	expect(&b, buf, sizeof(buf), "0 4294967296 281474976710655 18446744073709551615");
}

static void test_link_and_ip4(void **state)
{
	static const uint8_t mac[6] = { 0x00, 0x1b, 0x21, 0xaa, 0xbc, 0xff };
	static const uint8_t ip[4] = { 192, 0, 2, 255 };
	char buf[64];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	pbuf_mac(&b, mac);
	pbuf_putc(&b, ' ');
	pbuf_ip4(&b, ip);
	pbuf_putc(&b, ' ');
	pbuf_hwaddr(&b, mac, 2);
	expect(&b, buf, sizeof(buf), "00:1b:21:aa:bc:ff 192.0.2.255 00:1b");
}

static void check_ip6(const uint8_t a[16])
{
	char want[INET6_ADDRSTRLEN], buf[64];
	struct pbuf b;

	assert_non_null(inet_ntop(AF_INET6, a, want, sizeof(want)));
	pbuf_init(&b, buf, sizeof(buf));
	pbuf_ip6(&b, a);
	pbuf_finish(&b, sizeof(buf));
	if (strcmp(buf, want))
		fail_msg("got %s, inet_ntop says %s", buf, want);
}

/* Same text as inet_ntop: zero runs, the first of equal runs, embedded IPv4. */
static void test_ip6(void **state)
{
	static const char *const addrs[] = {
		"::",
		"::1",
		"1::",
		"fe80::1",
		"2001:db8::2:1",
		"2001:db8:0:1:1:1:1:1",
		"2001:0:0:1::1",
		"2001:db8::1:0:0:1",
		"1:0:2:0:3:0:4:0",
		"::ffff:192.0.2.1",
		"::192.0.2.1",
		"::ffff:0:192.0.2.1",
		"ff02::1:ff00:2",
		"1:2:3:4:5:6:7:8",
		"0:0:1::",
		"::2:0:0:0",
	};
	uint8_t a[16];

	for (size_t i = 0; i < N(addrs); i++) {
		assert_int_equal(inet_pton(AF_INET6, addrs[i], a), 1);
		check_ip6(a);
	}
	/* groups that are zero often, so runs of every length and place come up */
	srand(1);
	for (int n = 0; n < 20000; n++) {
		for (int i = 0; i < 16; i += 2) {
			int r = rand();

			a[i] = r & 1 ? 0 : (uint8_t)(r >> 8);
			a[i + 1] = r & 1 ? 0 : (uint8_t)(r >> 16);
		}
		check_ip6(a);
	}
}

/* Writes stop at the end, the NUL always fits, the full length is still counted. */
static void test_clipping(void **state)
{
	char buf[8];
	struct pbuf b;

	memset(buf, 'X', sizeof(buf));
	pbuf_init(&b, buf, 5);
	pbuf_puts(&b, "abc");
	pbuf_u32(&b, 12345);
	pbuf_putc(&b, '!');
	assert_int_equal(pbuf_finish(&b, 5), 9);
	assert_string_equal(buf, "abc1");
	assert_int_equal(buf[5], 'X');

	/* a zero-length buffer is never written */
	pbuf_init(&b, buf, 0);
	pbuf_puts(&b, "abc");
	assert_int_equal(pbuf_finish(&b, 0), 3);
	assert_int_equal(buf[0], 'a');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_u64),
		cmocka_unit_test(test_link_and_ip4),
		cmocka_unit_test(test_ip6),
		cmocka_unit_test(test_clipping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
