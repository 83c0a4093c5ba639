/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dispatch.c: which protocol follows which header: the keys (link type, ethertype, IP protocol, port). */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/dispatch.h"

/*
 * Capture files name raw IP by its LINKTYPE_ value, which differs from the
 * DLT_ value libpcap hands out for live captures.
 */
#define DISPATCH_LINKTYPE_RAW 101

/*
 * Keys by space, the most common first: lookups scan them in order.  This is
 * data only, so protocols can look up what follows them without depending on
 * the table of protocols (protocols.c), which depends on each of them.
 */
static const struct dispatch_key dispatch_linktypes[] = {
	{ DLT_EN10MB, PKT_PROTO_ETH },	    /* Ethernet */
	{ DLT_LINUX_SLL, PKT_PROTO_SLL },   /* -i any: Linux cooked */
	{ DLT_LINUX_SLL2, PKT_PROTO_SLL2 }, /* Linux cooked v2 */
	{ DLT_IPV4, PKT_PROTO_IPV4 },	    /* raw IPv4 only */
	{ DLT_IPV6, PKT_PROTO_IPV6 },	    /* raw IPv6 only */
	/* DLT_RAW and LINKTYPE_RAW: by the version nibble, dispatch_first */
};

static const struct dispatch_key dispatch_ethertypes[] = {
	{ PROTO_ETHERTYPE_IPV4, PKT_PROTO_IPV4 },
	{ PROTO_ETHERTYPE_IPV6, PKT_PROTO_IPV6 },
	{ PROTO_ETHERTYPE_8021Q, PKT_PROTO_VLAN },
	{ PROTO_ETHERTYPE_ARP, PKT_PROTO_ARP },
	{ PROTO_ETHERTYPE_8021AD, PKT_PROTO_VLAN },
	{ PROTO_ETHERTYPE_QINQ, PKT_PROTO_VLAN }, /* pre-802.1ad QinQ */
	{ PROTO_ETHERTYPE_RARP, PKT_PROTO_ARP },
};

/* ICMP belongs to IPv4 and ICMPv6 to IPv6 only: one table each. */
static const struct dispatch_key dispatch_ipv4[] = {
	{ PROTO_IP_TCP, PKT_PROTO_TCP },
	{ PROTO_IP_UDP, PKT_PROTO_UDP },
	{ PROTO_IP_ICMP, PKT_PROTO_ICMP },
	{ PROTO_IP_GRE, PKT_PROTO_GRE },
	{ PROTO_IP_IGMP, PKT_PROTO_IGMP },
	{ PROTO_IP_IPIP, PKT_PROTO_IPIP },
	{ PROTO_IP_IPV6, PKT_PROTO_IPIP },
	{ PROTO_IP_DCCP, PKT_PROTO_DCCP },
};

static const struct dispatch_key dispatch_ipv6[] = {
	{ PROTO_IP_TCP, PKT_PROTO_TCP },
	{ PROTO_IP_UDP, PKT_PROTO_UDP },
	{ PROTO_IP_ICMPV6, PKT_PROTO_ICMP6 },
	{ PROTO_IP_GRE, PKT_PROTO_GRE },
	{ PROTO_IP_IPV6, PKT_PROTO_IPIP },
	{ PROTO_IP_IPIP, PKT_PROTO_IPIP },
	{ PROTO_IP_DCCP, PKT_PROTO_DCCP },
};

static const struct dispatch_key dispatch_gre[] = {
	{ PROTO_ETHERTYPE_IPV4, PKT_PROTO_IPV4 },
	{ PROTO_ETHERTYPE_IPV6, PKT_PROTO_IPV6 },
	{ PROTO_ETHERTYPE_TEB, PKT_PROTO_ETH },
};

static const struct dispatch_key dispatch_udp_ports[] = {
	{ 4789, PKT_PROTO_VXLAN }, /* IANA */
	{ 8472, PKT_PROTO_VXLAN }, /* the Linux kernel's default before IANA's */
};

/*
 * By either port, as tcpdump decodes them.  LLMNR (5355) is not here:
 * tcpdump 4.99 prints it as plain UDP.
 */
static const struct dispatch_key dispatch_udp_apps[] = {
	{ 53, PKT_PROTO_DNS },	  /* RFC 1035 */
	{ 5353, PKT_PROTO_MDNS }, /* RFC 6762 */
};

static const struct dispatch_key dispatch_tcp_apps[] = {
	{ 53, PKT_PROTO_DNS }, /* with a length prefix, RFC 1035 4.2.2 */
};

#define DISPATCH_N(t) (sizeof(t) / sizeof((t)[0]))

const struct dispatch_table dispatch_tables[DISPATCH_COUNT] = {
	[DISPATCH_LINKTYPE] = { "linktype", dispatch_linktypes, DISPATCH_N(dispatch_linktypes) },
	[DISPATCH_ETHERTYPE] = { "ethertype", dispatch_ethertypes,
				 DISPATCH_N(dispatch_ethertypes) },
	[DISPATCH_IPV4] = { "ipv4", dispatch_ipv4, DISPATCH_N(dispatch_ipv4) },
	[DISPATCH_IPV6] = { "ipv6", dispatch_ipv6, DISPATCH_N(dispatch_ipv6) },
	[DISPATCH_GRE] = { "gre", dispatch_gre, DISPATCH_N(dispatch_gre) },
	[DISPATCH_UDP_PORT] = { "udp port", dispatch_udp_ports, DISPATCH_N(dispatch_udp_ports) },
	[DISPATCH_UDP_APP] = { "udp app", dispatch_udp_apps, DISPATCH_N(dispatch_udp_apps) },
	[DISPATCH_TCP_APP] = { "tcp app", dispatch_tcp_apps, DISPATCH_N(dispatch_tcp_apps) },
};

int dispatch_first(int linktype, const struct pkt_cursor *c)
{
	const uint8_t *p;

	if (linktype == DLT_RAW || linktype == DISPATCH_LINKTYPE_RAW) {
		/* Raw IP says its version in the first nibble; a bad one is IPv4's to report. */
		p = pkt_peek(c, 1);
		return p && *p >> 4 == 6 ? PKT_PROTO_IPV6 : PKT_PROTO_IPV4;
	}
	if (linktype < 0 || linktype > UINT16_MAX)
		return PKT_PROTO_NONE;
	return dispatch_lookup(DISPATCH_LINKTYPE, (uint16_t)linktype);
}
