/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_drops_filter.c: unit tests for the host/port/protocol filter words and protocol names. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "bpf/drops_filter.h"

/* Splits s at spaces into argv (at most 16 words) and parses it. */
static int parse(const char *s, struct drops_config *cfg, char *why)
{
	char buf[256], *argv[16];
	int argc = 0;

	memset(cfg, 0, sizeof(*cfg));
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *w = strtok(buf, " "); w && argc < 16; w = strtok(NULL, " "))
		argv[argc++] = w;
	return drops_filter_parse(argc, argv, cfg, why, 128);
}

static void test_terms(void **state)
{
	struct drops_config c;
	char why[128];
	uint8_t v4[4], v6[16];

	assert_int_equal(parse("", &c, why), 0);
	assert_int_equal(c.nhosts + c.nports + c.ip_proto + c.ethertype, 0);
	assert_int_equal(parse("src host 10.0.0.1 and dst port 53 and udp", &c, why), 0);
	assert_int_equal(c.nhosts, 1);
	assert_int_equal(c.hosts[0].family, AF_INET);
	assert_int_equal(c.hosts[0].dir, DROPS_DIR_SRC);
	inet_pton(AF_INET, "10.0.0.1", v4);
	assert_memory_equal(c.hosts[0].addr, v4, 4);
	assert_int_equal(c.nports, 1);
	assert_int_equal(c.ports[0].dir, DROPS_DIR_DST);
	assert_int_equal(c.ports[0].port, 53);
	assert_int_equal(c.ip_proto, 17);
	assert_int_equal(c.ethertype, 0);
	assert_int_equal(parse("host fe80::1 and host ::1 and port 0 and port 65535", &c, why), 0);
	assert_int_equal(c.nhosts, 2);
	assert_int_equal(c.hosts[1].family, AF_INET6);
	assert_int_equal(c.hosts[1].dir, DROPS_DIR_ANY);
	inet_pton(AF_INET6, "::1", v6);
	assert_memory_equal(c.hosts[1].addr, v6, 16);
	assert_int_equal(c.ports[1].port, 65535);
	assert_int_equal(parse("icmp", &c, why), 0);
	assert_int_equal(c.ethertype, 0x0800);
	assert_int_equal(c.ip_proto, 1);
	/* A protocol and its network: compatible. */
	assert_int_equal(parse("ipv6 and icmpv6", &c, why), 0);
	assert_int_equal(c.ethertype, 0x86dd);
	assert_int_equal(c.ip_proto, 58);
}

static void test_errors(void **state)
{
	struct drops_config c;
	char why[128];

	assert_int_equal(parse("port 9 or port 10", &c, why), -EINVAL);
	assert_string_equal(why, "or: terms join with \"and\" (no or, not, parentheses)");
	assert_int_equal(parse("port 70000", &c, why), -EINVAL);
	assert_string_equal(why, "port 70000: not a port number from 0 to 65535");
	assert_int_equal(parse("host 10.0.0.256", &c, why), -EINVAL);
	assert_string_equal(why, "host 10.0.0.256: not an IPv4 or IPv6 address");
	assert_int_equal(parse("host", &c, why), -EINVAL);
	assert_int_equal(parse("src", &c, why), -EINVAL);
	assert_int_equal(parse("port 1 and", &c, why), -EINVAL);
	assert_int_equal(parse("src udp", &c, why), -EINVAL);
	assert_int_equal(parse("tcp and udp", &c, why), -EINVAL);
	assert_string_equal(why, "udp: a second, different protocol");
	assert_int_equal(parse("port 1 and port 2 and port 3", &c, why), -EINVAL);
	assert_int_equal(parse("bogus", &c, why), -EINVAL);
}

static void test_proto_names(void **state)
{
	char buf[32];
	uint16_t et;
	uint8_t ip;

	drops_filter_proto_name(0x0800, 17, buf, sizeof(buf));
	assert_string_equal(buf, "udp");
	drops_filter_proto_name(0x86dd, 58, buf, sizeof(buf));
	assert_string_equal(buf, "icmpv6");
	drops_filter_proto_name(0x0800, 0, buf, sizeof(buf));
	assert_string_equal(buf, "ipv4");
	drops_filter_proto_name(0x0806, 0, buf, sizeof(buf));
	assert_string_equal(buf, "arp");
	drops_filter_proto_name(0x0800, 253, buf, sizeof(buf));
	assert_string_equal(buf, "ip_proto_253");
	drops_filter_proto_name(0x88b5, 0, buf, sizeof(buf));
	assert_string_equal(buf, "0x88b5");
	assert_int_equal(drops_filter_proto_parse("TCP", &et, &ip), 0);
	assert_int_equal(et, 0);
	assert_int_equal(ip, 6);
	assert_int_equal(drops_filter_proto_parse("nope", &et, &ip), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_proto_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
