/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto.h: the per-protocol dissectors dissect.c chains, and their shared helpers. */
#ifndef SOCKEYE_PROTO_H
#define SOCKEYE_PROTO_H

#include <stddef.h>
#include <stdint.h>

#include "decode/pkt.h"
#include "decode/pkt_meta.h"

/*
 * A dissector reads its header at the cursor into m and returns the protocol
 * that follows (enum pkt_proto), or PKT_PROTO_NONE when decoding stops: the
 * rest is payload, or the header was truncated or invalid (then marked on
 * the current layer, m->layer[m->n_layers - 1]).  It reads nothing but the
 * cursor and writes nothing but m: a pure function, fuzzable on its own.
 */
typedef int (*proto_dissect_fn)(struct pkt_cursor *c, struct pkt_meta *m);

int proto_sll_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_sll2_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_eth_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_vlan_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_arp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_ipv4_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_ipv6_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_tcp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_udp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_icmp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_icmp6_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_gre_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_vxlan_dissect(struct pkt_cursor *c, struct pkt_meta *m);

/* The IP header an ICMP error quotes, with the ports after it when present. */
void proto_ipv4_quote(struct pkt_cursor *c, struct pkt_quote *q);
void proto_ipv6_quote(struct pkt_cursor *c, struct pkt_quote *q);

/* The IPv4 header checksum over len bytes (RFC 1071): 0 when it verifies. */
uint16_t proto_ipv4_csum(const uint8_t *h, size_t len);

/*
 * When m asks for it, verify the checksum of the transport segment that
 * starts at seg and runs to the end of c's window (the IP payload, or the
 * UDP length), its checksum field at csum_off; ipproto selects the
 * pseudo-header (none for ICMP).  Sets proto_level(m)->csum and csum_good.
 */
void proto_csum_verify(struct pkt_meta *m, const uint8_t *seg, const struct pkt_cursor *c,
		       uint8_t ipproto, size_t csum_off);

#define PROTO_ETHERTYPE_IPV4   0x0800
#define PROTO_ETHERTYPE_ARP    0x0806
#define PROTO_ETHERTYPE_TEB    0x6558 /* transparent Ethernet bridging, in GRE */
#define PROTO_ETHERTYPE_RARP   0x8035
#define PROTO_ETHERTYPE_8021Q  0x8100
#define PROTO_ETHERTYPE_IPV6   0x86dd
#define PROTO_ETHERTYPE_8021AD 0x88a8
#define PROTO_ETHERTYPE_QINQ   0x9100 /* pre-802.1ad QinQ */

#define PROTO_IP_HOPOPTS  0
#define PROTO_IP_ICMP	  1
#define PROTO_IP_TCP	  6
#define PROTO_IP_UDP	  17
#define PROTO_IP_ROUTING  43
#define PROTO_IP_FRAGMENT 44
#define PROTO_IP_GRE	  47
#define PROTO_IP_ICMPV6	  58
#define PROTO_IP_NONE	  59
#define PROTO_IP_DSTOPTS  60

static inline struct pkt_layer *proto_layer(struct pkt_meta *m)
{
	return &m->layer[m->n_layers - 1];
}

/* The set of headers being filled: outer, or a tunnel's inner. */
static inline struct pkt_level *proto_level(struct pkt_meta *m)
{
	return &m->l[m->level];
}

static inline int proto_truncated(struct pkt_meta *m)
{
	struct pkt_layer *ly = proto_layer(m);

	ly->truncated = true;
	ly->reason = PKT_REASON_SNAPLEN;
	return PKT_PROTO_NONE;
}

static inline int proto_invalid(struct pkt_meta *m, enum pkt_reason why)
{
	struct pkt_layer *ly = proto_layer(m);

	ly->invalid = true;
	ly->reason = why;
	return PKT_PROTO_NONE;
}

/*
 * A read inside a header of hdr_len bytes failed: either the snap length
 * cut the capture (truncated), or the packet itself is shorter than the
 * header (invalid).
 */
static inline int proto_short(struct pkt_meta *m, size_t hdr_len)
{
	if (proto_layer(m)->wire_len < hdr_len)
		return proto_invalid(m, PKT_REASON_SHORT);
	return proto_truncated(m);
}

static inline int proto_from_ethertype(uint16_t type)
{
	switch (type) {
	case PROTO_ETHERTYPE_IPV4:
		return PKT_PROTO_IPV4;
	case PROTO_ETHERTYPE_IPV6:
		return PKT_PROTO_IPV6;
	case PROTO_ETHERTYPE_ARP:
	case PROTO_ETHERTYPE_RARP:
		return PKT_PROTO_ARP;
	case PROTO_ETHERTYPE_8021Q:
	case PROTO_ETHERTYPE_8021AD:
	case PROTO_ETHERTYPE_QINQ:
		return PKT_PROTO_VLAN;
	default:
		return PKT_PROTO_NONE;
	}
}

/*
 * What an ethertype in a link header selects; past PKT_MAX_VLAN tags the
 * rest stays undecoded payload.
 */
static inline int proto_next_ethertype(struct pkt_meta *m, uint16_t type)
{
	struct pkt_level *l = proto_level(m);
	int next = proto_from_ethertype(type);

	l->ethertype = type;
	if (next == PKT_PROTO_VLAN && l->n_vlan == PKT_MAX_VLAN)
		return PKT_PROTO_NONE;
	return next;
}

/* The transport after an IP header; IPv6 has walked its extensions first. */
static inline int proto_from_ipproto(uint8_t p, bool v6)
{
	switch (p) {
	case PROTO_IP_TCP:
		return PKT_PROTO_TCP;
	case PROTO_IP_UDP:
		return PKT_PROTO_UDP;
	case PROTO_IP_ICMP:
		return v6 ? PKT_PROTO_NONE : PKT_PROTO_ICMP;
	case PROTO_IP_ICMPV6:
		return v6 ? PKT_PROTO_ICMP6 : PKT_PROTO_NONE;
	case PROTO_IP_GRE:
		return PKT_PROTO_GRE;
	default:
		return PKT_PROTO_NONE;
	}
}

#endif /* SOCKEYE_PROTO_H */
