/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_tuple.c: link, IP and port headers read for a lookup: the least a packet's owner needs. */
#include "config.h"

#include <netinet/in.h>
#include <pcap/dlt.h>
#include <string.h>

#include "attrib/attrib_tuple.h"

#define ETH_IP 0x0800
#define ETH_IPV6 0x86dd
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88a8

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Where the network header starts and its ethertype; false when the link header is cut. */
static bool link_header(int linktype, const uint8_t *d, uint32_t len, uint32_t *off, uint16_t *type)
{
	switch (linktype) {
	case DLT_EN10MB:
		if (len < 14)
			return false;
		*off = 14;
		*type = be16(d + 12);
		for (int i = 0; i < 2 && (*type == ETH_VLAN || *type == ETH_QINQ); i++) {
			if (len < *off + 4)
				return false;
			*type = be16(d + *off + 2);
			*off += 4;
		}
		return true;
	case DLT_LINUX_SLL:
		if (len < 16)
			return false;
		*off = 16;
		*type = be16(d + 14);
		return true;
	case DLT_LINUX_SLL2:
		if (len < 20)
			return false;
		*off = 20;
		*type = be16(d);
		return true;
	case DLT_RAW:
#ifdef DLT_IPV4
	case DLT_IPV4:
	case DLT_IPV6:
#endif
	case 101:	/* LINKTYPE_RAW, as files name it */
		if (len < 1)
			return false;
		*off = 0;
		*type = (d[0] >> 4) == 6 ? ETH_IPV6 : ETH_IP;
		return true;
	default:
		return false;
	}
}

/*
 * IPv4: the transport's offset, or 0 when there is none to read (a later
 * fragment, a bad header).  Inlined into both callers: a call per packet cost
 * a tenth of the lookup.
 */
static inline __attribute__((always_inline)) uint32_t ipv4(const uint8_t *d, uint32_t len, uint32_t off, struct attrib_tuple *t)
{
	uint32_t ihl;

	if (len < off + 20 || (d[off] >> 4) != 4)
		return 0;
	ihl = (uint32_t)(d[off] & 0xf) * 4;
	if (ihl < 20 || (be16(d + off + 6) & 0x1fff))
		return 0;
	t->family = 4;
	t->proto = d[off + 9];
	memset(t->src, 0, sizeof(t->src));
	memset(t->dst, 0, sizeof(t->dst));
	memcpy(t->src, d + off + 12, 4);
	memcpy(t->dst, d + off + 16, 4);
	return off + ihl;
}

static uint32_t ipv6(const uint8_t *d, uint32_t len, uint32_t off, struct attrib_tuple *t)
{
	uint8_t nxt;

	if (len < off + 40 || (d[off] >> 4) != 6)
		return 0;
	nxt = d[off + 6];
	memcpy(t->src, d + off + 8, 16);
	memcpy(t->dst, d + off + 24, 16);
	off += 40;
	for (int i = 0; i < 8; i++) {
		if (nxt == IPPROTO_HOPOPTS || nxt == IPPROTO_ROUTING || nxt == IPPROTO_DSTOPTS) {
			if (len < off + 2)
				return 0;
			nxt = d[off];
			off += 8 + (uint32_t)d[off + 1] * 8;
		} else if (nxt == IPPROTO_FRAGMENT) {
			if (len < off + 8 || (be16(d + off + 2) & 0xfff8))
				return 0;
			nxt = d[off];
			off += 8;
		} else {
			break;
		}
	}
	t->family = 6;
	t->proto = nxt;
	return off;
}

/* The ports after the network header's end l4 (off: where it began); false when none. */
static inline __attribute__((always_inline)) bool ports(const uint8_t *data, uint32_t caplen, uint32_t off, uint32_t l4,
		  struct attrib_tuple *t)
{
	if (!l4 || (t->proto != IPPROTO_TCP && t->proto != IPPROTO_UDP) || caplen < l4 + 4 ||
	    l4 < off)
		return false;
	t->sport = be16(data + l4);
	t->dport = be16(data + l4 + 2);
	return true;
}

bool attrib_tuple_parse(int linktype, const uint8_t *data, uint32_t caplen, struct attrib_tuple *t)
{
	uint32_t off, l4;
	uint16_t type;

	/* Most packets: IPv4 on Ethernet without a VLAN tag, read without the general walk. */
	if (linktype == DLT_EN10MB && caplen >= 14 && be16(data + 12) == ETH_IP)
		return ports(data, caplen, 14, ipv4(data, caplen, 14, t), t);
	if (!link_header(linktype, data, caplen, &off, &type))
		return false;
	if (type == ETH_IP)
		l4 = ipv4(data, caplen, off, t);
	else if (type == ETH_IPV6)
		l4 = ipv6(data, caplen, off, t);
	else
		return false;
	return ports(data, caplen, off, l4, t);
}
