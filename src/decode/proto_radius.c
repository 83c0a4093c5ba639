/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_radius.c: RADIUS (RFC 2865, 2866, 5176 and the attribute RFCs
 * tcpdump knows: 2868, 2869, 3162, 4675, 4818, 5447, 5580 ...), UDP 1812,
 * 1813, 1645, 1646, 1700 and 3799: dissector and tcpdump's text (the
 * attributes' names and values are in proto_radius_attr.c).
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_ntp.h"
#include "decode/proto_radius.h"

#define RADIUS_HDR_LEN 20

/* code, identifier, length, then the 16-byte authenticator and the attributes */
int proto_radius_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_radius *r = &l->radius;

	l->app = PKT_PROTO_RADIUS;
	*r = (struct pkt_radius){ 0 };
	if (pkt_left(c) < RADIUS_HDR_LEN)
		return PKT_PROTO_NONE;
	r->has_header = true;
	pkt_get_u8(c, &r->code);
	pkt_get_u8(c, &r->id);
	pkt_get_be16(c, &r->len);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok radius_codes[] = {
	{ 1, "Access-Request" },      { 2, "Access-Accept" },	   { 3, "Access-Reject" },
	{ 4, "Accounting-Request" },  { 5, "Accounting-Response" }, { 11, "Access-Challenge" },
	{ 12, "Status-Server" },      { 13, "Status-Client" },	   { 40, "Disconnect-Request" },
	{ 41, "Disconnect-ACK" },     { 42, "Disconnect-NAK" },	   { 43, "CoA-Request" },
	{ 44, "CoA-ACK" },	      { 45, "CoA-NAK" },		   { 255, "Reserved" },
	{ 0, NULL },
};

const char *proto_radius_code_name(uint8_t code)
{
	return msg_tok_find(radius_codes, code);
}

/* The attributes of len bytes from off: each on its own line, -vv dumps each value too. */
static bool radius_attrs_print(struct pbuf *b, const struct msg *g, size_t off, size_t len,
			       unsigned verbosity)
{
	while (len > 0) {
		uint8_t type, alen;

		if (len < 2 || !msg_has(g, off, 2))
			return false;
		type = msg_u8(g, off);
		alen = msg_u8(g, off + 1);
		pbuf_puts(b, "\n\t  ");
		pbuf_puts(b, radius_attr_name(type));
		msg_printf(b, " Attribute (%u), length: %u", type, alen);
		if (alen < 2) {
			pbuf_puts(b, " (bogus, must be >= 2)");
			return true;
		}
		if (alen > len) {
			pbuf_puts(b, " (bogus, goes past end of packet)");
			return true;
		}
		pbuf_puts(b, ", Value: ");
		if (radius_attr_known(type) && alen > 2 &&
		    !radius_value(b, g, off + 2, alen - 2u, type))
			msg_trunc_put(b, "radius");
		if (verbosity > 1 && !msg_hex_at(b, g, off + 2, alen - 2u, "\n\t    "))
			return false;
		off += alen;
		len -= alen;
	}
	return true;
}

bool proto_radius_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned verbosity = line_verbosity(x);
	struct msg g;
	uint32_t len;
	uint8_t code;

	msg_of(&g, x);
	if (!msg_has(&g, 0, RADIUS_HDR_LEN))
		return msg_trunc(x, "radius");
	len = msg_u16(&g, 2);
	if (len < RADIUS_HDR_LEN)
		return msg_trunc(x, "radius");
	if (len > g.len)
		len = g.len;
	code = msg_u8(&g, 0);
	if (!verbosity) {
		pbuf_puts(b, "RADIUS, ");
		msg_tok_put(b, radius_codes, "Unknown Command", code);
		msg_printf(b, " (%u), id: 0x%02x length: %u", code, msg_u8(&g, 1), len);
		return true;
	}
	msg_printf(b, "RADIUS, length: %u\n\t", len);
	msg_tok_put(b, radius_codes, "Unknown Command", code);
	msg_printf(b, " (%u), id: 0x%02x, Authenticator: ", code, msg_u8(&g, 1));
	msg_hex(b, g.p + 4, 16);
	if (len > RADIUS_HDR_LEN &&
	    !radius_attrs_print(b, &g, RADIUS_HDR_LEN, len - RADIUS_HDR_LEN, verbosity))
		msg_trunc(x, "radius");
	return true;
}
