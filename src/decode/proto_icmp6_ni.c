/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6_ni.c: node information queries and replies (RFC 4620) as tcpdump prints them. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_icmp6_msg.h"

/* tcpdump's dnsname_print: a name in a node information message, no compression. */
static void icmp6_ni_name(struct pbuf *b, const struct icmp6_msg *g, size_t cp, size_t ep)
{
	pbuf_puts(b, ", \"");
	while (cp < ep) {
		unsigned n = *icmp6_at(g, cp++, 1);

		if (n) {
			if (n > ep - cp) {
				pbuf_puts(b, "???");
				break;
			}
			while (n-- && cp < ep)
				icmp6_char(b, *icmp6_at(g, cp++, 1));
			if (cp + 1 < ep && *icmp6_at(g, cp, 1))
				pbuf_putc(b, '.');
		} else {
			if (cp == ep)
				pbuf_putc(b, '.');
			else if (!(cp + 1 == ep && !*icmp6_at(g, cp, 1)))
				pbuf_puts(b, "???");
			break;
		}
	}
	pbuf_putc(b, '"');
}

/* A name that is a length-prefixed string (icmp-name-lookup-03), or labels. */
static void icmp6_ni_subject(struct line *x, const struct icmp6_msg *g, size_t cp, size_t ep)
{
	const uint8_t *p = icmp6_at(g, cp, 1);

	if (p && *p == ep - cp - 1) {
		if (x->o->verbose)
			pbuf_puts(&x->b, ", 03 draft");
		pbuf_puts(&x->b, ", \"");
		for (cp++; cp < ep; cp++)
			icmp6_char(&x->b, *icmp6_at(g, cp, 1));
		pbuf_putc(&x->b, '"');
	} else {
		icmp6_ni_name(&x->b, g, cp, ep);
	}
}

/* Node address flags (RFC 4620 4.1); the T flag only in a reply. */
static void icmp6_ni_flags(struct pbuf *b, uint16_t f, bool reply)
{
	static const uint16_t bit[] = { 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01 };
	static const char name[] = "aGSLCAT";

	if (!f)
		return;
	pbuf_puts(b, " [");
	for (unsigned i = 0; i < (reply ? 7u : 6u); i++)
		if (f & bit[i])
			pbuf_putc(b, name[i]);
	pbuf_putc(b, ']');
}

/* Node information queries and replies (RFC 4620), as tcpdump's icmp6_nodeinfo_print. */
bool icmp6_nodeinfo(struct line *x, const struct icmp6_msg *g)
{
	const struct pkt_icmp6 *ic = g->ic;
	size_t siz = 8 + (size_t)ic->data_len, cp = 16;
	struct pbuf *b = &x->b;
	bool comma = false;
	const uint8_t *p;

	if (siz > ic->len)
		siz = ic->len;
	if (ic->type == 139) {
		if (siz == 12) {
			pbuf_puts(b, " who-are-you request");
			return true;
		}
		pbuf_puts(b, " node information query");
		if (siz < 16)
			return false;
		pbuf_puts(b, " (");
		switch (ic->id) {
		case 0:
			pbuf_puts(b, "noop");
			break;
		case 1:
			pbuf_puts(b, "supported qtypes");
			if (ic->seq)
				pbuf_puts(b, ic->seq & 1 ? " [C]" : " []");
			break;
		case 2:
			pbuf_puts(b, "DNS name");
			break;
		case 3:
			pbuf_puts(b, "node addresses");
			icmp6_ni_flags(b, ic->seq, false);
			break;
		default:
			pbuf_puts(b, "unknown");
			break;
		}
		if (ic->id <= 1) {
			if (siz != 16 && x->o->verbose)
				pbuf_puts(b, ", invalid len");
		} else if (siz == 16) {
			pbuf_puts(b, ", 03 draft");
		} else if (ic->code == 0 || ic->code == 2) {
			size_t alen = ic->code ? 4 : 16;

			if (!(p = icmp6_at(g, cp, alen))) {
				/* tcpdump says nothing of a subject not all captured */
			} else if (siz != 16 + alen) {
				if (x->o->verbose)
					pbuf_puts(b, ", invalid subject len");
			} else {
				pbuf_puts(b, ", subject=");
				if (alen == 4)
					pbuf_ip4(b, p);
				else
					pbuf_ip6(b, p);
			}
		} else if (ic->code == 1) {
			pbuf_puts(b, ", subject=DNS name");
			icmp6_ni_subject(x, g, cp, siz);
		} else {
			pbuf_puts(b, ", unknown subject");
		}
		pbuf_putc(b, ')');
		return true;
	}
	if (ic->len > siz || siz < 16)
		return false;
	pbuf_puts(b, " node information reply (");
	if (ic->code == 0 && x->o->verbose) {
		pbuf_puts(b, "success");
		comma = true;
	} else if (ic->code == 1 || ic->code == 2) {
		pbuf_puts(b, ic->code == 1 ? "refused" : "unknown");
		comma = true;
		if (siz != 16 && x->o->verbose)
			pbuf_puts(b, ", invalid length");
	}
	if (ic->code) {
		pbuf_putc(b, ')');
		return true;
	}
	if (comma)
		pbuf_puts(b, ", ");
	switch (ic->id) {
	case 0:
		pbuf_puts(b, "noop");
		if (siz != 16 && x->o->verbose)
			pbuf_puts(b, ", invalid length");
		break;
	case 1:
		pbuf_puts(b, "supported qtypes");
		if (ic->seq)
			pbuf_puts(b, ic->seq & 1 ? " [C]" : " []");
		break;
	case 2:
		pbuf_puts(b, "DNS name");
		if (!icmp6_at(g, cp + 4, 1))
			return false;
		icmp6_ni_subject(x, g, cp + 4, siz);
		if (ic->seq & 1) {
			pbuf_puts(b, " [TTL=");
			pbuf_u32(b, be32(icmp6_at(g, cp, 4)));
			pbuf_putc(b, ']');
		}
		break;
	case 3:
		pbuf_puts(b, "node addresses");
		for (size_t i = 16; i + 20 <= siz; i += 20) {
			p = icmp6_at(g, i, 20);
			pbuf_putc(b, ' ');
			pbuf_ip6(b, p + 4);
			pbuf_putc(b, '(');
			pbuf_u32(b, be32(p));
			pbuf_putc(b, ')');
		}
		icmp6_ni_flags(b, ic->seq, true);
		break;
	default:
		pbuf_puts(b, "unknown");
		break;
	}
	pbuf_putc(b, ')');
	return true;
}
