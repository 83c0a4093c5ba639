/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp.c: ICMP for IPv4 (RFC 792). */
#include "config.h"

#include "decode/proto.h"

#define ICMP_HDR_LEN   8
#define ICMP_QUOTE_MIN 20 /* an error quotes at least the offending IP header */

enum {
	ICMP_ECHOREPLY = 0,
	ICMP_UNREACH = 3,
	ICMP_SOURCEQUENCH = 4,
	ICMP_REDIRECT = 5,
	ICMP_ECHO = 8,
	ICMP_TIMXCEED = 11,
	ICMP_PARAMPROB = 12,
	ICMP_TSTAMP = 13,
	ICMP_TSTAMPREPLY = 14,
	ICMP_IREQ = 15,
	ICMP_IREQREPLY = 16,
	ICMP_MASKREQ = 17,
	ICMP_MASKREPLY = 18,
};

static bool is_error(uint8_t type)
{
	return type == ICMP_UNREACH || type == ICMP_SOURCEQUENCH || type == ICMP_REDIRECT ||
	       type == ICMP_TIMXCEED || type == ICMP_PARAMPROB;
}

/*
 * RFC 792; the second word depends on the type: identifier and sequence
 * number (echo, timestamp, information, mask), gateway address (redirect),
 * next-hop MTU (unreachable, RFC 1191), pointer (parameter problem).  Errors
 * then quote the offending datagram's IP header and first 8 bytes.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Identifier          |        Sequence Number        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Internet Header + 64 bits of Original Data Datagram       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_icmp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	const uint8_t *start = c->p;
	struct pkt_icmp *ic = &l->icmp;
	struct pkt_cursor q;

	l->trans = PKT_PROTO_ICMP;
	*ic = (struct pkt_icmp){ 0 };
	if (!pkt_get_u8(c, &ic->type) || !pkt_get_u8(c, &ic->code) || !pkt_get_be16(c, &ic->csum) ||
	    !pkt_get_be32(c, &ic->rest))
		return proto_short(m, ICMP_HDR_LEN);
	ic->id = ic->rest >> 16;
	ic->seq = ic->rest & 0xffff;
	/* the message runs to the end of the IP payload, which c ends at */
	proto_csum_verify(m, start, c, PROTO_IP_ICMP, 2);

	if (!is_error(ic->type))
		return PKT_PROTO_NONE;
	/* The quote stays the payload: read it through a copy of the cursor. */
	q = *c;
	proto_ipv4_quote(&q, &ic->quote);
	if (!ic->quote.family)
		return proto_short(m, ICMP_HDR_LEN + ICMP_QUOTE_MIN);
	return PKT_PROTO_NONE;
}
