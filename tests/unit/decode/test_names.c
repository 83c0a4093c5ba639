/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_names.c: unit tests for the one vocabulary: canonical names out, aliases in. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>
#include <linux/if_packet.h>

#include "decode/names.h"
#include "decode/pkt_meta.h"

static void test_proto_names(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(names_proto(0x86dd, 58, buf, sizeof(buf)), "icmpv6");
	assert_string_equal(names_proto(0x0800, 0, buf, sizeof(buf)), "ipv4");
	assert_string_equal(names_proto(0x0800, 6, buf, sizeof(buf)), "tcp");
	assert_string_equal(names_proto(0x86dd, 0, buf, sizeof(buf)), "ipv6");
	assert_string_equal(names_proto(0x0806, 0, buf, sizeof(buf)), "arp");
	assert_string_equal(names_proto(0, 0, buf, sizeof(buf)), "none");
	assert_string_equal(names_proto(0x0003, 0, buf, sizeof(buf)), "all");
	assert_string_equal(names_proto(0x0800, 253, buf, sizeof(buf)), "ip_proto_253");
	assert_string_equal(names_proto(0x1234, 0, buf, sizeof(buf)), "0x1234");
	assert_string_equal(names_ip_proto(58), "icmpv6");
	assert_null(names_ip_proto(0));
	assert_string_equal(names_ethertype(0x0800), "ipv4");
	assert_null(names_ethertype(0x1234));
}

static void test_aliases(void **state)
{
	uint16_t et;
	uint8_t ipp;

	(void)state;
	assert_int_equal(names_proto_parse("icmp6", &et, &ipp), 0);
	assert_int_equal(et, 0x86dd);
	assert_int_equal(ipp, 58);
	assert_int_equal(names_proto_parse("ICMPv6", &et, &ipp), 0);
	assert_int_equal(ipp, 58);
	assert_int_equal(names_proto_parse("ip", &et, &ipp), 0);
	assert_int_equal(et, 0x0800);
	assert_int_equal(ipp, 0);
	assert_int_equal(names_proto_parse("ipv4", &et, &ipp), 0);
	assert_int_equal(et, 0x0800);
	assert_int_equal(names_proto_parse("bogus", &et, &ipp), -EINVAL);
	assert_string_equal(names_proto_canonical("icmp6"), "icmpv6");
	assert_string_equal(names_proto_canonical("ip"), "ipv4");
	assert_string_equal(names_proto_canonical("ip6"), "ipv6");
	assert_null(names_proto_canonical("bogus"));
}

static void test_families_directions_layers(void **state)
{
	(void)state;
	assert_string_equal(names_family(AF_INET), "ipv4");
	assert_string_equal(names_family(AF_INET6), "ipv6");
	assert_string_equal(names_family(AF_UNIX), "unix");
	assert_string_equal(names_family(AF_PACKET), "packet");
	assert_null(names_family(12345));
	assert_string_equal(names_direction(PACKET_HOST), "in");
	assert_string_equal(names_direction(PACKET_OUTGOING), "out");
	assert_string_equal(names_direction(PACKET_BROADCAST), "broadcast");
	assert_string_equal(names_direction(99), "unknown");
	assert_string_equal(names_layer(PKT_PROTO_ICMP6), "icmpv6");
	assert_string_equal(names_layer(PKT_PROTO_IPV4), "ipv4");
	assert_string_equal(names_layer(PKT_PROTO_COUNT), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_proto_names),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_families_directions_layers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
