/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_snmp.c: unit tests for the /proc/net/snmp, netstat and snmp6 counter lookups. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kstat/snmp.h"

static const char snmp[] =
	"Ip: Forwarding DefaultTTL\n"
	"Ip: 1 64\n"
	"Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors\n"
	"Udp: 10 3 7 12 5 0 2\n"
	"UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors\n"
	"UdpLite: 0 0 0 0 99 0\n";

static const char snmp6[] = "Udp6InDatagrams                 \t4\nUdp6NoPorts 9\n";

static void test_pairs(void **state)
{
	uint64_t v = 0;

	assert_true(snmp_pair_value(snmp, "Udp", "RcvbufErrors", &v));
	assert_int_equal(v, 5);
	assert_true(snmp_pair_value(snmp, "Udp", "InCsumErrors", &v));
	assert_int_equal(v, 2);
	/* "Udp" is not "UdpLite", and a name's prefix is not the name. */
	assert_true(snmp_pair_value(snmp, "UdpLite", "RcvbufErrors", &v));
	assert_int_equal(v, 99);
	assert_false(snmp_pair_value(snmp, "Udp", "Rcvbuf", &v));
	assert_false(snmp_pair_value(snmp, "Tcp", "InSegs", &v));
	assert_false(snmp_pair_value("Udp: NoPorts\n", "Udp", "NoPorts", &v));
}

static void test_lines(void **state)
{
	uint64_t v = 0;

	assert_true(snmp_line_value(snmp6, "Udp6InDatagrams", &v));
	assert_int_equal(v, 4);
	assert_true(snmp_line_value(snmp6, "Udp6NoPorts", &v));
	assert_int_equal(v, 9);
	assert_false(snmp_line_value(snmp6, "Udp6NoPort", &v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
