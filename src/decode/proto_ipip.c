/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipip.c: IP in IP (RFC 2003, RFC 2473, RFC 4213): an IPv4 or IPv6 packet as the payload of another. */
#include "config.h"

#include "decode/proto.h"

/*
 * No header of its own: a tunnel layer that opens a new level of headers,
 * so the inner packet is decoded and printed as a packet of its own ("IP6 a >
 * b: RT6 (...) IP6 c > d: ...", as tcpdump prints it); likewise the
 * Ethernet frame IPv6's protocol 143 carries.  The inner version
 * is read from the first nibble, whichever protocol number announced it.
 */
int proto_ipip_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const struct pkt_level *l = &m->l[m->level];
	const uint8_t *p;

	/* IPv6's protocol 143 (RFC 8986) carries an Ethernet frame, as tcpdump's ether_print */
	if (l->net == PKT_PROTO_IPV6 && l->ip6.proto == 143)
		return PKT_PROTO_ETH;
	if (!(p = pkt_peek(c, 1)))
		return proto_truncated(m);
	return *p >> 4 == 6 ? PKT_PROTO_IPV6 : PKT_PROTO_IPV4;
}

bool proto_ipip_print(struct line *x)
{
	/* The outer addresses, unless IPv6 named them before its extension headers. */
	if (!x->ports_only) {
		line_ip_addrs(x);
		pbuf_puts(&x->b, ": ");
	}
	if (line_layer(x)->truncated)
		return line_trunc(x, "ip");
	return false;
}
