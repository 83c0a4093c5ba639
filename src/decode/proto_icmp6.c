/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6.c: ICMPv6 (RFC 4443), with neighbor discovery (RFC 4861) and MLD. */
#include "config.h"

#include "decode/proto.h"

#define ICMP6_HDR_LEN	  8
#define ICMP6_QUOTE_MIN	  40 /* an error quotes at least the offending IPv6 header */
#define ND_OPT_LLADDR_LEN 1  /* in 8-byte units: an Ethernet address option */

enum {
	ICMP6_DST_UNREACH = 1,
	ICMP6_PACKET_TOO_BIG = 2,
	ICMP6_TIME_EXCEEDED = 3,
	ICMP6_PARAM_PROB = 4,
	ICMP6_ECHO_REQUEST = 128,
	ICMP6_ECHO_REPLY = 129,
	MLD_LISTENER_QUERY = 130,
	MLD_LISTENER_REPORT = 131,
	MLD_LISTENER_DONE = 132,
	ND_ROUTER_SOLICIT = 133,
	ND_ROUTER_ADVERT = 134,
	ND_NEIGHBOR_SOLICIT = 135,
	ND_NEIGHBOR_ADVERT = 136,
	ND_REDIRECT = 137,
};

enum {
	ND_OPT_SOURCE_LINKADDR = 1,
	ND_OPT_TARGET_LINKADDR = 2,
};

/*
 * Neighbor discovery options (RFC 4861 4.6), type-length-value with the
 * length in 8-byte units.  Those past the capture are left unread.
 */
static int icmp6_nd_options(struct pkt_cursor *c, struct pkt_icmp6 *ic)
{
	while (pkt_wire_left(c)) {
		struct pkt_cursor o;
		uint8_t type, len;

		if (pkt_wire_left(c) < 2)
			return PKT_REASON_OPTION;
		if (!pkt_get_u8(c, &type) || !pkt_get_u8(c, &len))
			break;
		if (len == 0 || !pkt_sub(c, (size_t)len * 8 - 2, &o))
			return PKT_REASON_OPTION;
		if (len != ND_OPT_LLADDR_LEN)
			continue;
		if (type == ND_OPT_SOURCE_LINKADDR && pkt_copy(&o, ic->sll, sizeof(ic->sll)))
			ic->has_sll = true;
		else if (type == ND_OPT_TARGET_LINKADDR && pkt_copy(&o, ic->tll, sizeof(ic->tll)))
			ic->has_tll = true;
	}
	return PKT_REASON_NONE;
}

/* The fixed part after the first word, by type; ND options may follow it. */
static int icmp6_body(struct pkt_cursor *c, struct pkt_meta *m, struct pkt_icmp6 *ic)
{
	struct pkt_cursor q;
	int why;

	switch (ic->type) {
	case ICMP6_DST_UNREACH:
	case ICMP6_PACKET_TOO_BIG:
	case ICMP6_TIME_EXCEEDED:
	case ICMP6_PARAM_PROB:
		q = *c;
		proto_ipv6_quote(&q, &ic->quote);
		if (!ic->quote.family)
			return proto_short(m, ICMP6_HDR_LEN + ICMP6_QUOTE_MIN);
		return PKT_PROTO_NONE;
	case MLD_LISTENER_QUERY:
	case MLD_LISTENER_REPORT:
	case MLD_LISTENER_DONE:
		if (!pkt_copy(c, ic->target, sizeof(ic->target)))
			return proto_short(m, ICMP6_HDR_LEN + sizeof(ic->target));
		ic->has_target = true;
		return PKT_PROTO_NONE;
	case ND_ROUTER_SOLICIT:
		break;
	case ND_ROUTER_ADVERT:
		/* reachable time, retransmit timer */
		if (!pkt_skip(c, 8))
			return proto_short(m, ICMP6_HDR_LEN + 8);
		break;
	case ND_NEIGHBOR_SOLICIT:
	case ND_NEIGHBOR_ADVERT:
		if (!pkt_copy(c, ic->target, sizeof(ic->target)))
			return proto_short(m, ICMP6_HDR_LEN + sizeof(ic->target));
		ic->has_target = true;
		break;
	case ND_REDIRECT:
		if (!pkt_copy(c, ic->target, sizeof(ic->target)) ||
		    !pkt_copy(c, ic->dst, sizeof(ic->dst)))
			return proto_short(m, ICMP6_HDR_LEN + 2 * sizeof(ic->target));
		ic->has_target = true;
		ic->has_dst = true;
		break;
	default:
		return PKT_PROTO_NONE;
	}
	why = icmp6_nd_options(c, ic);
	if (why != PKT_REASON_NONE)
		return proto_invalid(m, why);
	return PKT_PROTO_NONE;
}

/*
 * RFC 4443 section 2.1; the second word is the identifier and sequence
 * number (echo), the MTU (packet too big) or the pointer (parameter problem).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Type-specific word                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   ND: target address (16 bytes), then options; errors: as    |
 * +   much of the invoking packet as fits the minimum MTU         +
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_icmp6_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	const uint8_t *start = c->p;
	struct pkt_icmp6 *ic = &l->icmp6;

	l->trans = PKT_PROTO_ICMP6;
	*ic = (struct pkt_icmp6){ 0 };
	if (!pkt_get_u8(c, &ic->type) || !pkt_get_u8(c, &ic->code) || !pkt_get_be16(c, &ic->csum) ||
	    !pkt_get_be32(c, &ic->rest))
		return proto_short(m, ICMP6_HDR_LEN);
	ic->id = ic->rest >> 16;
	ic->seq = ic->rest & 0xffff;
	/* the message runs to the end of the IP payload, which c ends at */
	proto_csum_verify(m, start, c, PROTO_IP_ICMPV6, 2);
	return icmp6_body(c, m, ic);
}
