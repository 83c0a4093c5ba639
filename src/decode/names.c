/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names.c: the one table of protocol, family and direction names that every command's JSON uses. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <strings.h>
#include <sys/socket.h>

#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include "decode/names.h"
#include "decode/pkt_meta.h"

#define ETH_IP4 0x0800
#define ETH_IP6 0x86dd

/*
 * Protocols: the canonical name first, then the aliases options accept.
 * ethertype 0 with an ip_proto: that protocol over either IP version.
 */
static const struct proto_name {
	const char *name;
	const char *alias[2];
	uint16_t ethertype;
	uint8_t ip_proto;
} protos[] = {
	{ "tcp", { NULL }, 0, 6 },
	{ "udp", { NULL }, 0, 17 },
	{ "icmp", { NULL }, ETH_IP4, 1 },
	{ "icmpv6", { "icmp6", "ipv6-icmp" }, ETH_IP6, 58 },
	{ "sctp", { NULL }, 0, 132 },
	{ "gre", { NULL }, 0, 47 },
	{ "esp", { NULL }, 0, 50 },
	{ "ah", { NULL }, 0, 51 },
	{ "igmp", { NULL }, ETH_IP4, 2 },
	{ "ipv4", { "ip", "ip4" }, ETH_IP4, 0 },
	{ "ipv6", { "ip6", NULL }, ETH_IP6, 0 },
	{ "arp", { NULL }, 0x0806, 0 },
	{ "vlan", { "802.1q", NULL }, 0x8100, 0 },
	{ "qinq", { "802.1ad", NULL }, 0x88a8, 0 },
	{ "lldp", { NULL }, 0x88cc, 0 },
	{ "mpls", { NULL }, 0x8847, 0 },
};
#define NPROTOS (sizeof(protos) / sizeof(protos[0]))

const char *names_ethertype(uint16_t ethertype)
{
	for (size_t i = 0; i < NPROTOS; i++)
		if (!protos[i].ip_proto && protos[i].ethertype == ethertype)
			return protos[i].name;
	return NULL;
}

const char *names_ip_proto(uint8_t ip_proto)
{
	for (size_t i = 0; ip_proto && i < NPROTOS; i++)
		if (protos[i].ip_proto == ip_proto)
			return protos[i].name;
	return NULL;
}

const char *names_proto(uint16_t ethertype, uint8_t ip_proto, char *buf, size_t len)
{
	bool ip = ethertype == ETH_IP4 || ethertype == ETH_IP6;
	const char *n;

	if (ip && ip_proto) {
		n = names_ip_proto(ip_proto);
		if (n)
			return n;
		snprintf(buf, len, "ip_proto_%u", ip_proto);
		return buf;
	}
	if (!ethertype)
		return "none";
	if (ethertype == ETH_P_ALL)
		return "all";
	n = names_ethertype(ethertype);
	if (n)
		return n;
	snprintf(buf, len, "0x%04x", ethertype);
	return buf;
}

static const struct proto_name *find(const char *name)
{
	for (size_t i = 0; i < NPROTOS; i++) {
		if (!strcasecmp(name, protos[i].name))
			return &protos[i];
		for (size_t a = 0; a < 2 && protos[i].alias[a]; a++)
			if (!strcasecmp(name, protos[i].alias[a]))
				return &protos[i];
	}
	return NULL;
}

int names_proto_parse(const char *name, uint16_t *ethertype, uint8_t *ip_proto)
{
	const struct proto_name *p = find(name);

	if (!p)
		return -EINVAL;
	*ethertype = p->ethertype;
	*ip_proto = p->ip_proto;
	return 0;
}

const char *names_proto_canonical(const char *name)
{
	const struct proto_name *p = find(name);

	return p ? p->name : NULL;
}

const char *names_family(int af)
{
	switch (af) {
	case AF_INET:
		return "ipv4";
	case AF_INET6:
		return "ipv6";
	case AF_UNIX:
		return "unix";
	case AF_PACKET:
		return "packet";
	case AF_NETLINK:
		return "netlink";
	}
	return NULL;
}

const char *names_direction(unsigned pkttype)
{
	switch (pkttype) {
	case PACKET_HOST:
		return "in";
	case PACKET_BROADCAST:
		return "broadcast";
	case PACKET_MULTICAST:
		return "multicast";
	case PACKET_OTHERHOST:
		return "otherhost";
	case PACKET_OUTGOING:
		return "out";
	}
	return "unknown";
}

/* Decoded layers: the protocol names above where the layer is a protocol of the table. */
static const char *const layer_names[PKT_PROTO_COUNT] = {
	[PKT_PROTO_NONE] = "none",	[PKT_PROTO_SLL] = "sll",   [PKT_PROTO_SLL2] = "sll2",
	[PKT_PROTO_ETH] = "eth",	[PKT_PROTO_VLAN] = "vlan", [PKT_PROTO_ARP] = "arp",
	[PKT_PROTO_IPV4] = "ipv4",	[PKT_PROTO_IPV6] = "ipv6", [PKT_PROTO_TCP] = "tcp",
	[PKT_PROTO_UDP] = "udp",	[PKT_PROTO_ICMP] = "icmp", [PKT_PROTO_ICMP6] = "icmpv6",
	[PKT_PROTO_GRE] = "gre",	[PKT_PROTO_VXLAN] = "vxlan",
	[PKT_PROTO_IGMP] = "igmp",
};

const char *names_layer(unsigned pkt_proto)
{
	return pkt_proto < PKT_PROTO_COUNT && layer_names[pkt_proto] ? layer_names[pkt_proto] :
								       "unknown";
}
