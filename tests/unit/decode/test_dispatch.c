/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dispatch.c: every dispatch key leads to a protocol that dissects and prints; no key twice. */
#include "config.h"

#include <pcap/dlt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "decode/dispatch.h"
#include "decode/packettype.h"
#include "decode/protocols.h"

/* Every protocol but NONE has a name, a dissector and a printer; NONE has none. */
static void test_protos_complete(void **state)
{
	(void)state;
	assert_null(protocols[PKT_PROTO_NONE].dissect);
	assert_null(protocols[PKT_PROTO_NONE].print);
	for (unsigned p = PKT_PROTO_NONE + 1; p < PKT_PROTO_COUNT; p++) {
		if (!protocols[p].name || !protocols[p].dissect ||
		    !protocols[p].print)
			fail_msg("protocol %u lacks a name, dissector or printer", p);
		for (unsigned q = PKT_PROTO_NONE + 1; q < p; q++)
			if (!strcmp(protocols[p].name, protocols[q].name))
				fail_msg("protocols %u and %u are both \"%s\"", q, p,
					 protocols[p].name);
	}
}

/* Every key names a real protocol, and no key appears twice in its space. */
static void test_keys_consistent(void **state)
{
	(void)state;
	for (unsigned s = 0; s < DISPATCH_COUNT; s++) {
		const struct dispatch_table *t = &dispatch_tables[s];

		assert_non_null(t->name);
		assert_non_null(t->keys);
		assert_true(t->n > 0);
		for (size_t i = 0; i < t->n; i++) {
			unsigned p = t->keys[i].proto;

			if (p == PKT_PROTO_NONE || p >= PKT_PROTO_COUNT ||
			    !protocols[p].dissect || !protocols[p].print)
				fail_msg("%s key 0x%x: protocol %u has no dissector or printer",
					 t->name, t->keys[i].key, p);
			for (size_t j = 0; j < i; j++)
				if (t->keys[j].key == t->keys[i].key)
					fail_msg("%s key 0x%x listed twice", t->name,
						 t->keys[i].key);
			/* the lookup finds what the table says */
			assert_int_equal(dispatch_lookup(s, t->keys[i].key), p);
		}
	}
}

/* Every protocol is reachable: some key, in some space, leads to it. */
static void test_protos_reachable(void **state)
{
	bool seen[PKT_PROTO_COUNT] = { false };

	(void)state;
	for (unsigned s = 0; s < DISPATCH_COUNT; s++)
		for (size_t i = 0; i < dispatch_tables[s].n; i++)
			seen[dispatch_tables[s].keys[i].proto] = true;
	/* 802.2 LLC follows an 802.3 length field, not a key */
	seen[PKT_PROTO_LLC] = true;
	/* and what sniff -T forces on UDP and TCP payloads (RTP and RTCP have no port) */
	for (unsigned i = 1; i <= UINT8_MAX; i++) {
		unsigned u = packettype_app((uint8_t)i, true), t = packettype_app((uint8_t)i, false);

		if (u < PKT_PROTO_COUNT)
			seen[u] = true;
		if (t < PKT_PROTO_COUNT)
			seen[t] = true;
	}
	for (unsigned p = PKT_PROTO_NONE + 1; p < PKT_PROTO_COUNT; p++)
		if (!seen[p])
			fail_msg("no key leads to %s", protocols[p].name);
}

/* The lookups the dissectors rely on, and the ones they must not find. */
static void test_lookups(void **state)
{
	struct pkt_cursor c;
	static const uint8_t v6 = 0x60, v4 = 0x45, bad = 0x10;

	(void)state;
	assert_int_equal(dispatch_lookup(DISPATCH_ETHERTYPE, 0x0800), PKT_PROTO_IPV4);
	assert_int_equal(dispatch_lookup(DISPATCH_ETHERTYPE, 0x86dd), PKT_PROTO_IPV6);
	assert_int_equal(dispatch_lookup(DISPATCH_ETHERTYPE, 0x8035), PKT_PROTO_ARP);
	assert_int_equal(dispatch_lookup(DISPATCH_ETHERTYPE, 0x9100), PKT_PROTO_VLAN);
	assert_int_equal(dispatch_lookup(DISPATCH_ETHERTYPE, 0x6558), PKT_PROTO_NONE);
	assert_int_equal(dispatch_lookup(DISPATCH_GRE, 0x6558), PKT_PROTO_ETH);
	/* ICMP belongs to its own IP version only */
	assert_int_equal(dispatch_lookup(DISPATCH_IPV4, 1), PKT_PROTO_ICMP);
	assert_int_equal(dispatch_lookup(DISPATCH_IPV6, 1), PKT_PROTO_NONE);
	assert_int_equal(dispatch_lookup(DISPATCH_IPV6, 58), PKT_PROTO_ICMP6);
	assert_int_equal(dispatch_lookup(DISPATCH_IPV4, 58), PKT_PROTO_NONE);
	assert_int_equal(dispatch_lookup(DISPATCH_UDP_PORT, 4789), PKT_PROTO_VXLAN);
	assert_int_equal(dispatch_lookup(DISPATCH_UDP_PORT, 53), PKT_PROTO_NONE);

	pkt_init(&c, &v6, 1, 1);
	assert_int_equal(dispatch_first(DLT_RAW, &c), PKT_PROTO_IPV6);
	assert_int_equal(dispatch_first(101, &c), PKT_PROTO_IPV6);
	pkt_init(&c, &v4, 1, 1);
	assert_int_equal(dispatch_first(DLT_RAW, &c), PKT_PROTO_IPV4);
	/* a bad version, or nothing captured, is IPv4's to report */
	pkt_init(&c, &bad, 1, 1);
	assert_int_equal(dispatch_first(DLT_RAW, &c), PKT_PROTO_IPV4);
	pkt_init(&c, &bad, 0, 0);
	assert_int_equal(dispatch_first(DLT_RAW, &c), PKT_PROTO_IPV4);
	assert_int_equal(dispatch_first(DLT_EN10MB, &c), PKT_PROTO_ETH);
	assert_int_equal(dispatch_first(DLT_LINUX_SLL2, &c), PKT_PROTO_SLL2);
	assert_int_equal(dispatch_first(-1, &c), PKT_PROTO_NONE);
	assert_int_equal(dispatch_first(DLT_EN10MB + 0x10000, &c), PKT_PROTO_NONE);
	assert_int_equal(dispatch_first(DLT_USER0, &c), PKT_PROTO_NONE);
	/* BSD loopback: the family in either order (DLT_NULL), or in network order (DLT_LOOP) */
	assert_int_equal(dispatch_first(DLT_NULL, &c), PKT_PROTO_NULL);
	assert_int_equal(dispatch_first(DLT_LOOP, &c), PKT_PROTO_NULL);
}

/* A third VLAN tag is left undecoded: the level holds two. */
static void test_vlan_cap(void **state)
{
	struct pkt_meta m = { 0 };

	(void)state;
	assert_int_equal(dispatch_ethertype(&m, 0x8100), PKT_PROTO_VLAN);
	assert_int_equal(m.l[0].ethertype, 0x8100);
	m.l[0].n_vlan = PKT_MAX_VLAN;
	assert_int_equal(dispatch_ethertype(&m, 0x88a8), PKT_PROTO_NONE);
	assert_int_equal(dispatch_ethertype(&m, 0x0800), PKT_PROTO_IPV4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_protos_complete),	 cmocka_unit_test(test_keys_consistent),
		cmocka_unit_test(test_protos_reachable), cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_vlan_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
