/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpdump_names.c: tcpdump's names for ethertypes and IP protocol numbers, so lines read the same. */
#include "config.h"

#include <stddef.h>

#include "decode/tcpdump_names.h"

struct names_entry {
	uint16_t value;
	const char *name;
};

static const char *names_lookup(const struct names_entry *t, size_t n, uint16_t v)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].value == v)
			return t[i].name;
	return NULL;
}

/* tcpdump's names, so -e lines read the same. */
static const struct names_entry names_ethertypes[] = {
	{ 0x0800, "IPv4" },
	{ 0x0806, "ARP" },
	{ 0x86dd, "IPv6" },
	{ 0x8100, "802.1Q" },
	{ 0x88a8, "802.1Q-QinQ" },
	{ 0x9100, "802.1Q-9100" },
	{ 0x8035, "Reverse ARP" },
	{ 0x6558, "TEB" },
	{ 0x880b, "PPP" },
	{ 0x8847, "MPLS unicast" },
	{ 0x8848, "MPLS multicast" },
	{ 0x8863, "PPPoE D" },
	{ 0x8864, "PPPoE S" },
	{ 0x888e, "EAPOL" },
	{ 0x88cc, "LLDP" },
	{ 0x88f7, "PTP" },
	{ 0x9000, "Loopback" },
	/* the rest of tcpdump's ethertype_values (issue 13's L2 slice) */
	{ 0x8809, "Slow Protocols" },
	{ 0x88e5, "802.1AE MACsec" },
	{ 0x8808, "MPCP" },
	{ 0x8137, "IPX" },
	{ 0x809b, "Appletalk" },
	{ 0x80f3, "Appletalk ARP" },
	{ 0x6001, "MOP DL" },
	{ 0x6002, "MOP RC" },
	{ 0x6003, "DN" },
	{ 0x6004, "LAT" },
	{ 0x6007, "SCA" },
	{ 0x8038, "Lanbridge" },
	{ 0x803c, "DEC DNS" },
	{ 0x803e, "DEC DTS" },
	{ 0x805b, "VEXP" },
	{ 0x805c, "VPROD" },
	{ 0x0600, "NS" },
	{ 0x1000, "Trail" },
	{ 0x8899, "Realtek protocols" },
	{ 0x886f, "MS NLB heartbeat" },
	{ 0x8870, "Jumbo" },
	{ 0x894f, "NSH" },
	{ 0xfefe, "OSI" },
	{ 0xabcd, "CFM (old)" },
	{ 0x8902, "CFM" },
	{ 0x893a, "IEEE1905.1" },
	{ 0x88ca, "TIPC" },
	{ 0x0707, "GeoNet (old)" },
	{ 0x8947, "GeoNet" },
	{ 0x1111, "CALM FAST" },
	{ 0x88a2, "AoE" },
	{ 0xd28b, "Arista Vendor Specific Protocol" },
	/* the last of tcpdump's ethertype_values (ARP's protocol type prints them) */
	{ 0x9200, "802.1Q-9200" },
	{ 0x0200, "PUP" },
	{ 0x0500, "Sprite" },
	{ 0x00fe, "GRE-OSI" },
};

/* tcpdump 4.99 names no protocol 60 (destination options): "unknown (60)". */
static const struct names_entry names_ipprotos[] = {
	{ 0, "Options" }, { 1, "ICMP" },   { 2, "IGMP" },     { 4, "IPIP" },	  { 6, "TCP" },
	{ 17, "UDP" },	  { 41, "IPv6" },  { 43, "Routing" }, { 44, "Fragment" }, { 47, "GRE" },
	{ 50, "ESP" },	  { 51, "AH" },	   { 58, "ICMPv6" },  { 89, "OSPF" },	  { 103, "PIM" },
	{ 112, "VRRP" },  { 132, "SCTP" },
	/* the rest of tcpdump's ipproto_values */
	{ 8, "EGP" }, { 9, "IGRP" }, { 33, "DCCP" }, { 46, "RSVP" }, { 55, "Mobile IP" },
	{ 62, "Mobile IP (old)" }, { 88, "EIGRP" }, { 108, "Compressed IP" }, { 113, "PGM" },
	{ 135, "Mobility" },
};

#define NAMES_N(t) (sizeof(t) / sizeof((t)[0]))

const char *tcpdump_names_ethertype(uint16_t type)
{
	return names_lookup(names_ethertypes, NAMES_N(names_ethertypes), type);
}

const char *tcpdump_names_ipproto(uint8_t proto)
{
	return names_lookup(names_ipprotos, NAMES_N(names_ipprotos), proto);
}
