/* SPDX-License-Identifier: GPL-2.0-or-later */
/* protocols.c: the one table of protocols: each one's name, dissector and printer. */
#include "config.h"

#include "decode/protocols.h"

/*
 * Adding a protocol: one new file src/decode/proto_X.c (its dissector and its
 * printer, declared in proto.h), one line in protocols[] below, the key line
 * that leads to it in dispatch.c, one src/decode/local.mk line, and tests.  Its enum
 * pkt_proto value and its fields go in pkt_meta.h, the model every consumer
 * reads.  The drivers (dissect.c, print.c) walk layers through these tables
 * only; they never call a protocol by name.
 */
const struct proto_ops protocols[PKT_PROTO_COUNT] = {
	/* name, dissector, printer, tunnel (what follows is a new level of headers) */
	[PKT_PROTO_SLL] = { "sll", proto_sll_dissect, proto_sll_print, false },
	[PKT_PROTO_SLL2] = { "sll2", proto_sll2_dissect, proto_sll_print, false },
	[PKT_PROTO_ETH] = { "eth", proto_eth_dissect, proto_eth_print, false },
	[PKT_PROTO_VLAN] = { "vlan", proto_vlan_dissect, proto_vlan_print, false },
	[PKT_PROTO_ARP] = { "arp", proto_arp_dissect, proto_arp_print, false },
	[PKT_PROTO_IPV4] = { "ipv4", proto_ipv4_dissect, proto_ipv4_print, false },
	[PKT_PROTO_IPV6] = { "ipv6", proto_ipv6_dissect, proto_ipv6_print, false },
	[PKT_PROTO_TCP] = { "tcp", proto_tcp_dissect, proto_tcp_print, false },
	[PKT_PROTO_UDP] = { "udp", proto_udp_dissect, proto_udp_print, false },
	[PKT_PROTO_ICMP] = { "icmp", proto_icmp_dissect, proto_icmp_print, false },
	[PKT_PROTO_ICMP6] = { "icmp6", proto_icmp6_dissect, proto_icmp6_print, false },
	[PKT_PROTO_GRE] = { "gre", proto_gre_dissect, proto_gre_print, true },
	[PKT_PROTO_VXLAN] = { "vxlan", proto_vxlan_dissect, proto_vxlan_print, true },
	[PKT_PROTO_DNS] = { "dns", proto_dns_dissect, proto_dns_print, false },
	[PKT_PROTO_MDNS] = { "mdns", proto_mdns_dissect, proto_dns_print, false },
	[PKT_PROTO_IGMP] = { "igmp", proto_igmp_dissect, proto_igmp_print, false },
	[PKT_PROTO_IPIP] = { "ipip", proto_ipip_dissect, proto_ipip_print, true },
	[PKT_PROTO_DCCP] = { "dccp", proto_dccp_dissect, proto_dccp_print, false },
};
