/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_l2tp.c: L2TPv2 (RFC 2661) over UDP 1701: dissector and tcpdump 4.99's
 * text (print-l2tp.c): the flags, tunnel and session, control messages' AVPs,
 * and data messages' PPP frame in braces (the next level, printed by PPP).
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2tp.h"

#define L2TP_T 0x8000 /* control message */
#define L2TP_L 0x4000 /* length present */
#define L2TP_S 0x0800 /* Ns and Nr present */
#define L2TP_O 0x0200 /* offset size present */
#define L2TP_P 0x0100 /* priority */
#define L2TP_VERSION 0x000f

/*
 * The header (RFC 2661 3.1) as its flags lay it out.  A data message whose
 * header is whole and whose lengths agree carries a PPP frame: the next level.
 */
int proto_l2tp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_l2tp *t = &l->l2tp;
	size_t wire = pkt_wire_left(c), hdr;
	const uint8_t *p;

	l->app = PKT_PROTO_L2TP;
	*t = (struct pkt_l2tp){ 0 };
	p = pkt_peek(c, 2);
	if (!p)
		return PKT_PROTO_NONE;
	t->flags = pkt_be16(p);
	if ((t->flags & L2TP_VERSION) != 2)
		return PKT_PROTO_NONE;
	hdr = 6 + (t->flags & L2TP_L ? 2 : 0) + (t->flags & L2TP_S ? 4 : 0) +
	      (t->flags & L2TP_O ? 2 : 0);
	p = pkt_peek(c, hdr);
	if (!p)
		return PKT_PROTO_NONE;
	p += 2;
	if (t->flags & L2TP_L) {
		t->len = pkt_be16(p);
		p += 2;
	}
	t->tunnel = pkt_be16(p);
	t->session = pkt_be16(p + 2);
	p += 4;
	if (t->flags & L2TP_S) {
		t->ns = pkt_be16(p);
		t->nr = pkt_be16(p + 2);
		p += 4;
	}
	if (t->flags & L2TP_O) {
		t->offset = pkt_be16(p);
		hdr += t->offset;
	}
	if (hdr > UINT16_MAX || !pkt_peek(c, hdr))
		return PKT_PROTO_NONE;
	t->hdr_len = (uint16_t)hdr;
	t->has_header = true;
	if (t->flags & L2TP_T)
		return PKT_PROTO_NONE;
	if (t->flags & L2TP_L) {
		if (wire < t->len || t->len < hdr)
			return PKT_PROTO_NONE;
		wire = t->len;
	} else if (wire < hdr) {
		return PKT_PROTO_NONE;
	}
	pkt_skip(c, hdr);
	if (!pkt_clamp(c, wire - hdr))
		return PKT_PROTO_NONE;
	return PKT_PROTO_PPP;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* The header as tcpdump prints it, read again from the bytes: it stops where they are cut. */
bool proto_l2tp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct pbuf *b = &x->b;
	uint32_t off = 2, length, len = 0;
	uint16_t w;
	struct msg g;

	if (!msg_of(&g, x) || !msg_has(&g, 0, 2))
		return msg_trunc(x, "l2tp");
	w = msg_u16(&g, 0);
	if ((w & L2TP_VERSION) == 1) {
		pbuf_puts(b, " l2f:");
		return true;
	}
	if ((w & L2TP_VERSION) != 2) {
		pbuf_puts(b, " Unknown Version, neither L2F(1) nor L2TP(2)");
		return true;
	}
	pbuf_puts(b, " l2tp:[");
	if (w & L2TP_T)
		pbuf_putc(b, 'T');
	if (w & L2TP_L)
		pbuf_putc(b, 'L');
	if (w & L2TP_S)
		pbuf_putc(b, 'S');
	if (w & L2TP_O)
		pbuf_putc(b, 'O');
	if (w & L2TP_P)
		pbuf_putc(b, 'P');
	pbuf_putc(b, ']');
	if (w & L2TP_L) {
		if (!msg_has(&g, off, 2))
			return msg_trunc(x, "l2tp");
		len = msg_u16(&g, off);
		off += 2;
	}
	if (!msg_has(&g, off, 2))
		return msg_trunc(x, "l2tp");
	msg_printf(b, "(%u/", msg_u16(&g, off));
	if (!msg_has(&g, off + 2, 2))
		return msg_trunc(x, "l2tp");
	msg_printf(b, "%u)", msg_u16(&g, off + 2));
	off += 4;
	if (w & L2TP_S) {
		if (!msg_has(&g, off, 2))
			return msg_trunc(x, "l2tp");
		msg_printf(b, "Ns=%u,", msg_u16(&g, off));
		if (!msg_has(&g, off + 2, 2))
			return msg_trunc(x, "l2tp");
		msg_printf(b, "Nr=%u", msg_u16(&g, off + 2));
		off += 4;
	}
	if (w & L2TP_O) {
		uint16_t pad;

		if (!msg_has(&g, off, 2))
			return msg_trunc(x, "l2tp");
		pad = msg_u16(&g, off);
		if (!msg_has(&g, off + 2, pad))
			return msg_trunc(x, "l2tp");
		off += 2u + pad;
	}
	length = ly->wire_len;
	if (w & L2TP_L) {
		if (length < len) {
			msg_printf(b, " Length %u larger than packet", len);
			return true;
		}
		length = len;
	}
	if (length < off) {
		msg_printf(b, " Length %u smaller than header length", length);
		return true;
	}
	if (w & L2TP_T) {
		if (!(w & L2TP_L)) {
			pbuf_puts(b, " No length");
			return true;
		}
		if (length == off) {
			pbuf_puts(b, " ZLB");
			return true;
		}
		proto_l2tp_avps_print(b, &g, off, length - off);
		return true;
	}
	pbuf_puts(b, " {");
	if (line_more(x)) {
		x->tail = "}";
		return false;
	}
	pbuf_putc(b, '}');
	return true;
}
