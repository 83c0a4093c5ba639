/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_template.c: unit tests for inject's template parser: fields, defaults, and the bad word. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "cmd/inject/template.h"

static struct template t;
static struct template_error e;

static void parse_ok(const char *text)
{
	int err = template_parse(&t, text, 14, &e);

	if (err)
		fail_msg("\"%s\": %d at %zu+%zu: %s", text, err, e.off, e.len, e.msg);
}

static void assert_addr(const uint8_t *got, int family, const char *want)
{
	uint8_t a[16] = { 0 };

	assert_int_equal(inet_pton(family, want, a), 1);
	assert_memory_equal(got, a, 16);
}

static void test_udp(void **state)
{
	(void)state;
	parse_ok("udp dst 10.0.0.2:9 src 10.0.0.1 len 64");
	assert_int_equal(t.proto, TEMPLATE_UDP);
	assert_int_equal(t.family, AF_INET);
	assert_int_equal(t.dst.family, AF_INET);
	assert_addr(t.dst.lo, AF_INET, "10.0.0.2");
	assert_addr(t.dst.hi, AF_INET, "10.0.0.2");
	assert_int_equal(t.dst.vary, TEMPLATE_FIXED);
	assert_addr(t.src.lo, AF_INET, "10.0.0.1");
	assert_true(t.dport.set);
	assert_int_equal(t.dport.lo, 9);
	assert_int_equal(t.dport.hi, 9);
	/* defaults */
	assert_false(t.sport.set);
	assert_int_equal(t.sport.lo, 1024);
	assert_int_equal(t.ttl, 64);
	assert_true(t.len.set);
	assert_int_equal(t.len.lo, 64);
	assert_int_equal(t.len.vary, TEMPLATE_FIXED);
	assert_false(t.payload.set);
	assert_int_equal(t.fill_len, 0);
	assert_int_equal(t.link_len, 14);
	assert_int_equal(template_header_len(&t), 28);
}

static void test_tcp6(void **state)
{
	(void)state;
	parse_ok("tcp syn ack dst [2001:db8::1]:80 sport 1000-2000 random seq 5 ackno 0x10 "
		 "win 100");
	assert_int_equal(t.proto, TEMPLATE_TCP);
	assert_int_equal(t.family, AF_INET6);
	assert_int_equal(t.tcp_flags, TEMPLATE_TCP_SYN | TEMPLATE_TCP_ACK);
	assert_addr(t.dst.lo, AF_INET6, "2001:db8::1");
	assert_int_equal(t.dport.lo, 80);
	assert_int_equal(t.sport.lo, 1000);
	assert_int_equal(t.sport.hi, 2000);
	assert_int_equal(t.sport.vary, TEMPLATE_RANDOM);
	assert_int_equal(t.seq.lo, 5);
	assert_int_equal(t.ack.lo, 16);
	assert_int_equal(t.win, 100);
	assert_int_equal(t.src.family, 0);	/* the caller fills it from the interface */
	assert_int_equal(template_header_len(&t), 60);
}

static void test_icmp(void **state)
{
	(void)state;
	parse_ok("icmp echo-reply dst 10.0.0.1 id 7 seq 1-10");
	assert_int_equal(t.proto, TEMPLATE_ICMP);
	assert_true(t.echo_reply);
	assert_int_equal(t.id.lo, 7);
	assert_int_equal(t.seq.lo, 1);
	assert_int_equal(t.seq.hi, 10);
	assert_int_equal(t.seq.vary, TEMPLATE_INC);
	/* The canonical name, icmpv6, is accepted as well as tcpdump's icmp6. */
	parse_ok("icmpv6 echo dst 2001:db8::1");
	parse_ok("icmp6 echo dst 2001:db8::1-2001:db8::ff random");
	assert_int_equal(t.family, AF_INET6);
	assert_false(t.echo_reply);
	assert_addr(t.dst.lo, AF_INET6, "2001:db8::1");
	assert_addr(t.dst.hi, AF_INET6, "2001:db8::ff");
	assert_int_equal(t.dst.vary, TEMPLATE_RANDOM);
	/* icmp follows the addresses' family */
	parse_ok("icmp dst 2001:db8::1");
	assert_int_equal(t.family, AF_INET6);
}

static void test_ranges(void **state)
{
	(void)state;
	parse_ok("udp dst 10.0.0.0/30:5-6 inc");
	assert_addr(t.dst.lo, AF_INET, "10.0.0.0");
	assert_addr(t.dst.hi, AF_INET, "10.0.0.3");
	assert_int_equal(t.dst.vary, TEMPLATE_INC);
	assert_int_equal(t.dport.lo, 5);
	assert_int_equal(t.dport.hi, 6);
	assert_int_equal(t.dport.vary, TEMPLATE_INC);
	/* random applies to every range of the value before it, not to fixed parts */
	parse_ok("udp dst 10.0.0.2:1-3 random src 10.0.0.1-10.0.0.200 random");
	assert_int_equal(t.dst.vary, TEMPLATE_FIXED);
	assert_int_equal(t.dport.vary, TEMPLATE_RANDOM);
	assert_int_equal(t.src.vary, TEMPLATE_RANDOM);
	assert_addr(t.src.hi, AF_INET, "10.0.0.200");
	parse_ok("udp dst 2001:db8::/126");
	assert_addr(t.dst.hi, AF_INET6, "2001:db8::3");
	parse_ok("udp dst 10.0.0.9/0");
	assert_addr(t.dst.lo, AF_INET, "0.0.0.0");
	assert_addr(t.dst.hi, AF_INET, "255.255.255.255");
}

static void test_payload(void **state)
{
	(void)state;
	parse_ok("  udp\tdst   10.0.0.2  fill 0xdeadbeef payload 100-200 random ttl 3 tos 0x10 "
		 "ipid 1-5 ");
	assert_int_equal(t.fill_len, 4);
	assert_memory_equal(t.fill, "\xde\xad\xbe\xef", 4);
	assert_true(t.payload.set);
	assert_int_equal(t.payload.lo, 100);
	assert_int_equal(t.payload.hi, 200);
	assert_int_equal(t.payload.vary, TEMPLATE_RANDOM);
	assert_int_equal(t.ttl, 3);
	assert_int_equal(t.tos, 16);
	assert_int_equal(t.ipid.hi, 5);
	parse_ok("udp dst 10.0.0.2 fill random fill ab");
	assert_false(t.fill_random);	/* the last fill wins */
	assert_int_equal(t.fill_len, 1);
	assert_int_equal(t.fill[0], 0xab);
	parse_ok("udp dst 10.0.0.2 fill random");
	assert_true(t.fill_random);
	/* a VLAN tag counts in the headers len must cover */
	assert_int_equal(template_parse(&t, "udp dst 10.0.0.2 len 45", 18, &e), -EINVAL);
	assert_int_equal(template_parse(&t, "udp dst 10.0.0.2 len 46", 18, &e), 0);
}

struct bad_case {
	const char *text;
	const char *word;	/* the word the error points at; NULL: the end */
	const char *msg;	/* a part of the message */
};

static void test_errors(void **state)
{
	static const struct bad_case cases[] = {
		{ "", NULL, "empty template" },
		{ "ftp dst 1.2.3.4", "ftp", "unknown protocol" },
		{ "udp dst 10.0.0.300:9", "10.0.0.300:9", "not an IPv4 or IPv6 address" },
		{ "udp dst 10.0.0.2 src 2001:db8::1", "2001:db8::1", "address family mismatch" },
		{ "icmp6 dst 10.0.0.1", "10.0.0.1", "address family mismatch" },
		{ "udp dst 10.0.0.1-2001:db8::1", "10.0.0.1-2001:db8::1", "mismatch within" },
		{ "udp dst 10.0.0.2:99999", "10.0.0.2:99999", "out of range (0-65535)" },
		{ "udp dst 10.0.0.2:x", "10.0.0.2:x", "not a port" },
		{ "udp sport 2000-1000 dst 1.2.3.4", "2000-1000", "runs backwards" },
		{ "udp dst 10.0.0.1-10.0.0.0", "10.0.0.1-10.0.0.0", "runs backwards" },
		{ "udp dst 10.0.0.0/33", "10.0.0.0/33", "prefix length" },
		{ "udp dst 1.2.3.4 syn", "syn", "syn does not apply to udp" },
		{ "icmp dst 1.2.3.4:80", "1.2.3.4:80", "icmp has no ports" },
		{ "icmp dst 1.2.3.4 sport 5", "sport", "does not apply to icmp" },
		{ "udp dst 1.2.3.4 random", "random", "follows a range" },
		{ "udp dst 1.2.3.4 len 64 inc", "inc", "follows a range" },
		{ "udp dst 1.2.3.4 len 20", "20", "shorter than the 42 bytes" },
		{ "udp src 1.2.3.4", NULL, "no destination" },
		{ "udp dst 1.2.3.4 bogus", "bogus", "unknown word" },
		{ "udp dst 1.2.3.4 dst 1.2.3.5", "dst", "dst given twice" },
		{ "udp dst", "dst", "dst needs an address" },
		{ "udp dst 1.2.3.4 ttl", "ttl", "ttl needs a number" },
		{ "udp dst 1.2.3.4 ttl 256", "256", "0 to 255" },
		{ "udp dst 1.2.3.4 fill 0xabc", "0xabc", "hex" },
		{ "udp dst 1.2.3.4 fill 0xzz", "0xzz", "not hex bytes" },
		{ "udp dst [2001:db8::1:80", "[2001:db8::1:80", "'[' without ']'" },
		{ "udp dst [2001:db8::1]80", "[2001:db8::1]80", "':PORT'" },
		{ "udp dst 2001:db8::1 ipid 5", "ipid", "IPv6 has no identification" },
		{ "udp dst 1.2.3.4 len 64 payload 10", "payload", "exclude each other" },
		{ "udp dst 1.2.3.4:80 dport 9", "dport", "dport given twice" },
		{ "udp dst 1.2.3.4 sport 08", "08", "not a port" },
		{ "udp dst 1.2.3.4 payload 65500", "65500", "payload over" },
		{ "tcp dst 1.2.3.4 seq 4294967296", "4294967296", "out of range" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct bad_case *c = &cases[i];
		const char *at = c->word ? strstr(c->text, c->word) : NULL;
		size_t off = at ? (size_t)(at - c->text) : strlen(c->text);
		size_t len = c->word ? strlen(c->word) : 0;
		int err = template_parse(&t, c->text, 14, &e);

		/* "dst given twice" points at the second dst */
		if (!strcmp(c->msg, "dst given twice"))
			off = (size_t)(strstr(at + 1, "dst") - c->text);
		if (err != -EINVAL || e.off != off || e.len != len || !strstr(e.msg, c->msg))
			fail_msg("\"%s\": got %d at %zu+%zu \"%s\"; want -EINVAL at %zu+%zu \"%s\"",
				 c->text, err, e.off, e.len, e.msg, off, len, c->msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_udp),
		cmocka_unit_test(test_tcp6),
		cmocka_unit_test(test_icmp),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_payload),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
