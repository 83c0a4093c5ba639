/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dtp.c: Cisco's Dynamic Trunking Protocol (SNAP pid 0x2004): dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * A version byte, then TLVs of a 2-byte type and a 2-byte length that
 * counts the TLV's own 4 bytes: domain (1), status (2), DTP type (3),
 * neighbor MAC (4).  The printer and the JSON read them again.
 */
int proto_dtp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_DTP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok dtp_tlv_names[] = {
	{ 1, "Domain" }, { 2, "Status" }, { 3, "DTP type" }, { 4, "Neighbor" }, { 0, NULL },
};

bool proto_dtp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	size_t off = 1;

	if (!msg_of(&g, x) || !msg_has(&g, 0, 1) || g.len < 1)
		return msg_trunc(x, "dtp");
	msg_printf(b, "DTPv%u, length %u", msg_u8(&g, 0), g.len);
	if (!line_verbosity(x))
		return true;
	while (off < g.len) {
		uint16_t type, len;

		if (!msg_has(&g, off, 4))
			return msg_trunc(x, "dtp");
		type = msg_u16(&g, off);
		len = msg_u16(&g, off + 2);
		if (!type)
			return true;
		pbuf_puts(b, "\n\t");
		msg_tok_put(b, dtp_tlv_names, "Unknown", type);
		msg_printf(b, " (0x%04x) TLV, length %u", type, len);
		if (len < 4) {
			msg_printf(b, "[invalid TLV length %u]", len);
			goto invalid;
		}
		if (!msg_has(&g, off, len))
			return msg_trunc(x, "dtp");
		switch (type) {
		case 1:
			pbuf_puts(b, ", ");
			msg_put_text(b, g.p + off + 4, len - 4u);
			break;
		case 2:
		case 3:
			if (len != 5)
				goto invalid;
			msg_printf(b, ", 0x%x", msg_u8(&g, off + 4));
			break;
		case 4:
			if (len != 10)
				goto invalid;
			pbuf_puts(b, ", ");
			pbuf_mac(b, g.p + off + 4);
			break;
		}
		off += len;
	}
	return true;
invalid:
	pbuf_puts(b, " (invalid)");
	/* tcpdump then checks that the rest was captured */
	if (g.cap < g.len)
		return msg_trunc(x, "dtp");
	return true;
}
