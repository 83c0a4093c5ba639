/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipv6.c: the IPv6 header and its extension headers (RFC 8200): dissector and printer. */
#include "config.h"

#include <stddef.h>

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_ip6_ext.h"

#define IPV6_HDR_LEN 40

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

/*
 * Past the fixed header: the extension headers as tcpdump walks them
 * (proto_ip6_ext.c), then the upper layer with the length tcpdump gives it.
 * A payload length past the packet's end is not fatal: tcpdump says how
 * many bytes are missing and decodes what is there, so the missing bytes
 * count as cut by the capture.
 */
static int ipv6_upper(struct pkt_cursor *c, struct pkt_meta *m, struct pkt_ipv6 *ip)
{
	struct pkt_level *l = proto_level(m);
	struct ip6x w = { .ip = c->p - IPV6_HDR_LEN,
			  .cap = pkt_left(c) + IPV6_HDR_LEN,
			  .wire = pkt_wire_left(c) + IPV6_HDR_LEN,
			  .ip6 = ip };
	size_t left = pkt_wire_left(c);

	if (ip->plen > left)
		ip->len_missing = (uint32_t)(ip->plen - left);
	ip6x_walk(&w);
	ip->jumbo = w.jumbo;
	if (w.jumbo)
		ip->jumbo_len = w.upper_len + (uint32_t)(w.upper_off - IPV6_HDR_LEN);
	if (w.end == IP6X_TRUNC && w.reason == PKT_REASON_SNAPLEN)
		return proto_truncated(m);
	if (w.end == IP6X_TRUNC || w.end == IP6X_INVALID)
		return proto_invalid(m, w.reason);
	if (w.end == IP6X_DONE) {
		/* a later fragment: the rest is its data */
		if (ip->has_frag && ip->frag_off && pkt_skip(c, w.upper_off - IPV6_HDR_LEN)) {
			ip->proto = w.upper;
			if (ip->plen && ip->plen > w.upper_off - IPV6_HDR_LEN)
				pkt_clamp(c, ip->plen - (w.upper_off - IPV6_HDR_LEN));
		}
		return PKT_PROTO_NONE;
	}
	pkt_skip(c, w.upper_off - IPV6_HDR_LEN);
	left = pkt_wire_left(c);
	if (w.upper_len <= left)
		pkt_clamp(c, w.upper_len);
	else
		c->snapped += w.upper_len - left;
	ip->proto = w.upper;
	/* tcpdump verifies no transport checksum behind a fragment header, even an atomic one */
	if (ip->has_frag)
		l->frag = true;
	return dispatch_lookup(DISPATCH_IPV6, ip->proto);
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

	l->net = PKT_PROTO_IPV6;
	/* the address and option arrays past rt_final are read only up to their counts */
	memset(ip, 0, offsetof(struct pkt_ipv6, rt_final));
	if (p && *p >> 4 != 6) {
		ip->version = *p >> 4;
		return proto_invalid(m, PKT_REASON_VERSION);
	}
	if (!ipv6_read_fixed(c, ip))
		return proto_short(m, IPV6_HDR_LEN);

	return ipv6_upper(c, m, ip);
}

void proto_ipv6_quote(struct pkt_cursor *c, struct pkt_quote *q)
{
	struct pkt_ipv6 ip = { 0 };
	struct ip6x w = { .ip = c->p };

	*q = (struct pkt_quote){ 0 };
	if (!ipv6_read_fixed(c, &ip) || ip.version != 6)
		return;
	q->family = 6;
	q->proto = ip.nxt;
	memcpy(q->src, ip.src, sizeof(ip.src));
	memcpy(q->dst, ip.dst, sizeof(ip.dst));
	/* The quote is cut wherever the error's sender chose: walk what is there. */
	w.cap = pkt_left(c) + IPV6_HDR_LEN;
	w.wire = pkt_wire_left(c) + IPV6_HDR_LEN;
	ip6x_walk(&w);
	if (w.end != IP6X_UPPER)
		return;
	q->proto = w.upper;
	if (w.upper != PROTO_IP_TCP && w.upper != PROTO_IP_UDP)
		return;
	if (!pkt_skip(c, w.upper_off - IPV6_HDR_LEN) || !pkt_get_be16(c, &q->sport) ||
	    !pkt_get_be16(c, &q->dport))
		return;
	q->has_ports = true;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static void ipv6_print_verbose(struct line *x, const struct pkt_ipv6 *ip)
{
	struct pbuf *b = &x->b;

	pbuf_putc(b, '(');
	if (ip->tclass) {
		pbuf_puts(b, "class 0x");
		pbuf_hex(b, ip->tclass, 2);
		pbuf_puts(b, ", ");
	}
	if (ip->flow) {
		pbuf_puts(b, "flowlabel 0x");
		pbuf_hex(b, ip->flow, 5);
		pbuf_puts(b, ", ");
	}
	pbuf_puts(b, "hlim ");
	pbuf_u32(b, ip->hlim);
	pbuf_puts(b, ", next-header ");
	line_ipproto(x, ip->nxt);
	pbuf_puts(b, " payload length: ");
	pbuf_u32(b, ip->plen);
	pbuf_puts(b, ") ");
}

/* The transports that print the addresses themselves, with their ports. */
static bool ipv6_own_addrs(uint8_t nh)
{
	return nh == PROTO_IP_TCP || nh == PROTO_IP_UDP || nh == 33 /* DCCP */ ||
	       nh == 132 /* SCTP */;
}

bool proto_ipv6_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_ipv6 *ip = &line_level(x)->ip6;
	const char *prefix = x->link_shown ? "" : "IP6 ";
	struct pbuf *b = &x->b;
	struct ip6x w;

	/* Addresses are known once the 40-byte fixed header was captured. */
	/* tcpdump checks the fixed header before it prints even "IP6" */
	if ((ly->truncated || ly->reason == PKT_REASON_SHORT) && ly->hdr_len < 40)
		return line_trunc_sp(x, "ip6");
	x->family = 6;
	x->src = ip->src;
	x->dst = ip->dst;
	x->ports_only = false;
	pbuf_puts(b, prefix);
	if (ly->reason == PKT_REASON_VERSION) {
		pbuf_puts(b, "version error: ");
		pbuf_u32(b, ip->version);
		pbuf_puts(b, " != 6");
		return true;
	}
	if (ip->len_missing) {
		pbuf_puts(b, "truncated-ip6 - ");
		pbuf_u32(b, ip->len_missing);
		pbuf_puts(b, " bytes missing!");
	}
	if (x->o->verbose)
		ipv6_print_verbose(x, ip);
	/* the fast path: a transport right after the fixed header prints the addresses */
	if (!ly->truncated && !ly->invalid && !ip->n_ext && ip->proto == ip->nxt &&
	    line_transport_next(x))
		return false;
	if (!ipv6_own_addrs(ip->nxt)) {
		line_ip_addrs(x);
		pbuf_puts(b, ": ");
	}
	if (!x->o->data)
		return line_trunc(x, "ip6");
	/* The extension headers again, this time with their text. */
	w = (struct ip6x){ .ip = x->o->data + ly->off,
			   .cap = x->m->caplen - ly->off,
			   .wire = ly->wire_len,
			   .b = b,
			   .verbosity = line_verbosity(x) };
	ip6x_walk(&w);
	if (w.end != IP6X_UPPER)
		return true;
	if (line_transport_next(x)) {
		x->ports_only = !ipv6_own_addrs(ip->nxt) || ip->n_ext;
		return false;
	}
	if (w.upper == PROTO_IP_NONE) {
		pbuf_puts(b, "no next header");
		return true;
	}
	if (ipv6_own_addrs(ip->nxt) && !ip->n_ext) {
		/* a transport sniff does not decode: tcpdump names the addresses first */
		line_ip_addrs(x);
		pbuf_puts(b, ": ");
	}
	pbuf_puts(b, " ip-proto-");
	pbuf_u32(b, w.upper);
	pbuf_putc(b, ' ');
	pbuf_u32(b, w.upper_len);
	return true;
}
