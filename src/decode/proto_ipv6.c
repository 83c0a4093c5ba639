/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipv6.c: the IPv6 header and its extension headers (RFC 8200). */
#include "config.h"

#include <stddef.h>

#include "decode/proto.h"

#define IPV6_HDR_LEN	  40
#define IPV6_FRAG_HDR_LEN 8

static bool ipv6_read_fixed(struct pkt_cursor *c, struct pkt_ipv6 *ip)
{
	uint32_t vtf;

	if (!pkt_get_be32(c, &vtf))
		return false;
	ip->version = vtf >> 28;
	ip->tclass = (vtf >> 20) & 0xff;
	ip->flow = vtf & 0xfffff;
	return pkt_get_be16(c, &ip->plen) && pkt_get_u8(c, &ip->nxt) && pkt_get_u8(c, &ip->hlim) &&
	       pkt_copy(c, ip->src, sizeof(ip->src)) && pkt_copy(c, ip->dst, sizeof(ip->dst));
}

#define IP6OPT_PAD1 0

/*
 * The options of a hop-by-hop or destination options header (RFC 8200 4.2),
 * type-length-value but for Pad1; e holds the whole header past its first
 * two bytes.  An option running past the header ends the walk: the header's
 * length is what the chain relies on, not its contents.
 */
static void ipv6_opts(struct pkt_cursor *e, struct pkt_ipv6 *ip)
{
	uint8_t type, len;

	while (pkt_get_u8(e, &type)) {
		struct pkt_cursor d = *e;
		struct pkt_ip6_opt *o;

		len = 0;
		if (type != IP6OPT_PAD1 && (!pkt_get_u8(e, &len) || !pkt_sub(e, len, &d)))
			return;
		if (ip->n_opt == PKT_IP6_MAX_OPTS) {
			if (!ip->opt_more)
				ip->opt_cut = ip->n_ext;
			ip->opt_more = true;
			return;
		}
		o = &ip->opt[ip->n_opt++];
		*o = (struct pkt_ip6_opt){ .ext = ip->n_ext, .type = type, .len = len };
		if (len == 2) {
			uint16_t v;

			if (pkt_get_be16(&d, &v))
				o->val = v;
		} else if (len == 4) {
			pkt_get_be32(&d, &o->val);
		}
	}
}

/*
 * Routing header types 0 and 2 (RFC 2460, 6275) list addresses after a
 * reserved word; type 4, segment routing (RFC 8754), lists segments after
 * last entry, flags and tag, the final destination first.  e is past the
 * first four bytes.
 */
static void ipv6_routing(struct pkt_cursor *e, struct pkt_ipv6 *ip)
{
	size_t n = ip->rt_len / 2u;
	uint8_t a[16];

	if (ip->rt_type != 0 && ip->rt_type != 2 && ip->rt_type != 4)
		return;
	pkt_get_be32(e, &ip->rt_word);
	if (ip->rt_type == 4 && (ip->rt_word >> 24) + 1u < n)
		n = (ip->rt_word >> 24) + 1u;
	for (size_t i = 0; i < n && pkt_copy(e, a, sizeof(a)); i++) {
		if (i < PKT_IP6_MAX_RT)
			memcpy(ip->rt_addr[i], a, sizeof(a));
		ip->rt_n_addr++;
		if (ip->rt_segleft && (ip->rt_type == 4 ? i == 0 : i + 1 == n)) {
			memcpy(ip->rt_final, a, sizeof(a));
			ip->has_rt_final = true;
		}
	}
}

static bool is_ext(uint8_t nh)
{
	return nh == PROTO_IP_HOPOPTS || nh == PROTO_IP_ROUTING || nh == PROTO_IP_FRAGMENT ||
	       nh == PROTO_IP_DSTOPTS;
}

/*
 * One extension header at the cursor, of type *nh; moves past it and sets *nh
 * to the header that follows.  Returns PKT_REASON_NONE, or why the chain
 * cannot be walked further.
 *
 * Hop-by-hop options, destination options (RFC 8200 4.3, 4.6):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * .                Options: (Hdr Ext Len + 1) * 8 bytes in all   .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Routing (4.4):
 * |  Next Header  |  Hdr Ext Len  |  Routing Type | Segments Left |
 * .                       type-specific data                      .
 * Fragment (4.5):
 * |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 * |                         Identification                        |
 */
static int ipv6_ext(struct pkt_cursor *c, struct pkt_ipv6 *ip, uint8_t *nh)
{
	struct pkt_cursor e;
	const uint8_t *h = pkt_peek(c, 2);
	size_t len;
	uint16_t frag = 0;

	if (pkt_wire_left(c) < 2)
		return PKT_REASON_EXT_PAST_END;
	if (!h)
		return PKT_REASON_SNAPLEN;
	len = *nh == PROTO_IP_FRAGMENT ? IPV6_FRAG_HDR_LEN : ((size_t)h[1] + 1) * 8;
	if (!pkt_sub(c, len, &e))
		return PKT_REASON_EXT_PAST_END;
	/* A header cut short is a truncated layer. */
	if (pkt_left(&e) < len)
		return PKT_REASON_SNAPLEN;

	ip->ext_len = (uint16_t)(ip->ext_len + len);
	/* e holds the whole header: these reads cannot fail */
	if (*nh == PROTO_IP_ROUTING) {
		ip->rt_len = h[1];
		pkt_skip(&e, 2);
		pkt_get_u8(&e, &ip->rt_type);
		pkt_get_u8(&e, &ip->rt_segleft);
		ipv6_routing(&e, ip);
	} else if (*nh == PROTO_IP_HOPOPTS || *nh == PROTO_IP_DSTOPTS) {
		pkt_skip(&e, 2);
		ipv6_opts(&e, ip);
	} else if (*nh == PROTO_IP_FRAGMENT) {
		pkt_skip(&e, 2);
		pkt_get_be16(&e, &frag);
		pkt_get_be32(&e, &ip->frag_id);
		ip->has_frag = true;
		ip->frag_off = frag & 0xfff8;
		ip->frag_more = frag & 1;
		ip->frag_len = (uint16_t)pkt_wire_left(c);
	}
	ip->ext[ip->n_ext++] = *nh;
	*nh = h[0];
	return PKT_REASON_NONE;
}

/* Walk the extension headers to the upper-layer protocol, left in ip->proto. */
static int ipv6_walk(struct pkt_cursor *c, struct pkt_ipv6 *ip)
{
	uint8_t nh = ip->nxt;
	int why;

	while (is_ext(nh)) {
		if (ip->n_ext == PKT_IP6_MAX_EXT)
			return PKT_REASON_EXT_COUNT;
		why = ipv6_ext(c, ip, &nh);
		if (why != PKT_REASON_NONE)
			return why;
		/* A non-first fragment carries no further headers to walk. */
		if (ip->has_frag && ip->frag_off)
			break;
	}
	ip->proto = nh;
	return PKT_REASON_NONE;
}

/*
 * RFC 8200 section 3:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                    Source Address (128 bits)                  +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                 Destination Address (128 bits)                +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_ipv6_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ipv6 *ip = &l->ip6;
	const uint8_t *p = pkt_peek(c, 1);
	int why;

	l->net = PKT_PROTO_IPV6;
	/* the address and option arrays past rt_final are read only up to their counts */
	memset(ip, 0, offsetof(struct pkt_ipv6, rt_final));
	if (p && *p >> 4 != 6) {
		ip->version = *p >> 4;
		return proto_invalid(m, PKT_REASON_VERSION);
	}
	if (!ipv6_read_fixed(c, ip))
		return proto_short(m, IPV6_HDR_LEN);

	/* A zero length with hop-by-hop options is a jumbogram (RFC 2675). */
	if ((ip->plen || ip->nxt != PROTO_IP_HOPOPTS) && !pkt_clamp(c, ip->plen))
		return proto_invalid(m, PKT_REASON_LEN_PAST_END);

	why = ipv6_walk(c, ip);
	if (why == PKT_REASON_SNAPLEN)
		return proto_truncated(m);
	if (why != PKT_REASON_NONE)
		return proto_invalid(m, why);

	if (ip->has_frag) {
		if (ip->frag_off)
			return PKT_PROTO_NONE;
		l->frag = ip->frag_more;
	}
	return proto_from_ipproto(ip->proto, true);
}

void proto_ipv6_quote(struct pkt_cursor *c, struct pkt_quote *q)
{
	struct pkt_ipv6 ip = { 0 };

	*q = (struct pkt_quote){ 0 };
	if (!ipv6_read_fixed(c, &ip) || ip.version != 6)
		return;
	q->family = 6;
	q->proto = ip.nxt;
	memcpy(q->src, ip.src, sizeof(ip.src));
	memcpy(q->dst, ip.dst, sizeof(ip.dst));
	/* The quote is cut wherever the error's sender chose: walk what is there. */
	if (ipv6_walk(c, &ip) != PKT_REASON_NONE)
		return;
	q->proto = ip.proto;
	if ((ip.has_frag && ip.frag_off) || (ip.proto != PROTO_IP_TCP && ip.proto != PROTO_IP_UDP))
		return;
	if (!pkt_get_be16(c, &q->sport) || !pkt_get_be16(c, &q->dport))
		return;
	q->has_ports = true;
}
