/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_pppoe.c: PPP over Ethernet (RFC 2516), discovery and session: dissector and tcpdump's text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"

#define PPPOE_HDR_LEN	 6
#define PPPOE_PADI	 0x09
#define PPPOE_MAX_TAGSTR 79 /* tcpdump shows at most this much of a tag's value */

/*
 * The 6-byte header (RFC 2516 4):
 *
 * +-------+-------+---------------+-------------------------------+
 * |  VER  | TYPE  |     CODE      |          SESSION_ID           |
 * +-------+-------+---------------+-------------------------------+
 * |            LENGTH             |           payload ...
 * +-------------------------------+
 *
 * Code 0 is session data: a PPP frame of LENGTH bytes, decoded by PPP.  The
 * discovery stage's tags are read again by the printer.
 */
int proto_pppoe_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_pppoe *p = &m->pppoe;
	uint8_t vt;

	proto_level(m)->net = PKT_PROTO_PPPOE;
	*p = (struct pkt_pppoe){ 0 };
	if (pkt_wire_left(c) < PPPOE_HDR_LEN)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_get_u8(c, &vt) || !pkt_get_u8(c, &p->code) || !pkt_get_be16(c, &p->session) ||
	    !pkt_get_be16(c, &p->len))
		return proto_truncated(m);
	p->ver = vt >> 4;
	p->type = vt & 0x0f;
	if (p->code)
		return PKT_PROTO_NONE;
	if (p->len < pkt_wire_left(c))
		pkt_clamp(c, p->len);
	return PKT_PROTO_PPP;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok pppoe_codes[] = {
	{ 0x09, "PADI" }, { 0x07, "PADO" }, { 0x19, "PADR" }, { 0x65, "PADS" },
	{ 0xa7, "PADT" }, { 0, "" }, { 0, NULL },
};

static const struct msg_tok pppoe_tags[] = {
	{ 0, "EOL" },
	{ 0x0101, "Service-Name" },
	{ 0x0102, "AC-Name" },
	{ 0x0103, "Host-Uniq" },
	{ 0x0104, "AC-Cookie" },
	{ 0x0105, "Vendor-Specific" },
	{ 0x0110, "Relay-Session-ID" },
	{ 0x0120, "PPP-Max-Payload" },
	{ 0x0201, "Service-Name-Error" },
	{ 0x0202, "AC-System-Error" },
	{ 0x0203, "Generic-Error" },
	{ 0, NULL },
};

/* One tag's value: as text when most of its first bytes print, else as hex. */
static void pppoe_tag_value(struct pbuf *b, const uint8_t *v, size_t n)
{
	size_t shown = n < PPPOE_MAX_TAGSTR ? n : PPPOE_MAX_TAGSTR, ascii = 0;

	for (size_t i = 0; i < shown; i++)
		if (v[i] >= 0x20 && v[i] < 0x7f)
			ascii++;
	if (ascii > shown - ascii) {
		pbuf_puts(b, " \"");
		for (size_t i = 0; i < shown; i++)
			pbuf_putc(b, v[i] >= 0x20 && v[i] < 0x7f ? (char)v[i] : '.');
		pbuf_puts(b, "\"]");
		return;
	}
	pbuf_puts(b, " 0x");
	for (size_t i = 0; i < n; i++)
		msg_printf(b, "%02X", v[i]);
	pbuf_putc(b, ']');
}

/* The discovery tags, until an EOL tag or the declared length. */
static bool pppoe_tags_print(struct pbuf *b, const struct msg *g, size_t len)
{
	size_t off = PPPOE_HDR_LEN, end = PPPOE_HDR_LEN + len;
	uint16_t type = 0xffff, tlen;

	while (type && off < end) {
		if (!msg_has(g, off, 4))
			return false;
		type = msg_u16(g, off);
		tlen = msg_u16(g, off + 2);
		off += 4;
		if (tlen && !msg_has(g, off, tlen))
			return false;
		pbuf_puts(b, " [");
		msg_tok_put(b, pppoe_tags, "TAG-0x%x", type);
		if (tlen) {
			pppoe_tag_value(b, g->p + off, tlen);
		} else {
			pbuf_putc(b, ']');
		}
		off += tlen;
	}
	return true;
}

bool proto_pppoe_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_pppoe *p = &x->m->pppoe;
	struct pbuf *b = &x->b;
	uint32_t len, left;
	struct msg g;

	if (ly->invalid) {
		msg_printf(b, "truncated-pppoe %u", ly->wire_len);
		return true;
	}
	if (ly->truncated) {
		pbuf_puts(b, " [|pppoe]");
		return true;
	}
	if (p->ver != 1)
		msg_printf(b, " [ver %u]", p->ver);
	if (p->type != 1)
		msg_printf(b, " [type %u]", p->type);
	pbuf_puts(b, "PPPoE ");
	msg_tok_put(b, pppoe_codes, "PAD-%x", p->code);
	len = p->len;
	left = ly->wire_len - PPPOE_HDR_LEN;
	if (p->code == PPPOE_PADI && len > 1484 - PPPOE_HDR_LEN)
		msg_printf(b, " [len %u!]", len);
	if (len > left) {
		msg_printf(b, " [len %u > %u!]", len, left);
		len = left;
	}
	if (p->session)
		msg_printf(b, " [ses 0x%x]", p->session);
	if (!p->code) {
		pbuf_putc(b, ' ');
		return false;
	}
	msg_of(&g, x);
	if (!pppoe_tags_print(b, &g, len))
		pbuf_puts(b, " [|pppoe]");
	return true;
}
