/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp_cp.c: the PPP control protocols' common packet (RFC 1661 5: LCP,
 * IPCP, IPv6CP, CCP ...) as tcpdump's handle_ctrl_proto prints it: the code,
 * identifier and length, and with -v the encoded length and the echo's magic
 * number.  Configuration options are not decoded.
 */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/proto_ppp_cp.h"

static const struct msg_tok ppp_cp_codes[] = {
	{ 0, "Vend-Ext" },	  { 1, "Conf-Request" }, { 2, "Conf-Ack" },	{ 3, "Conf-Nack" },
	{ 4, "Conf-Reject" },	  { 5, "Term-Request" }, { 6, "Term-Ack" },	{ 7, "Code-Reject" },
	{ 8, "Prot-Reject" },	  { 9, "Echo-Request" }, { 10, "Echo-Reply" },
	{ 11, "Discard-Request" }, { 12, "Ident" },	 { 13, "Time-Rem" },
	{ 14, "Reset-Req" },	  { 15, "Reset-Ack" },	 { 0, NULL },
};

static const struct msg_tok ppp_cp_names[] = {
	{ 0xc021, "LCP" },    { 0x8021, "IPCP" }, { 0x8023, "OSICP" }, { 0x8281, "MPLSCP" },
	{ 0x8057, "IP6CP" },  { 0x80fd, "CCP" },  { 0xc02b, "BACP" },  { 0, NULL },
};

bool proto_ppp_cp_is(uint16_t proto)
{
	return msg_tok_find(ppp_cp_names, proto) != NULL;
}

void proto_ppp_cp_print(struct pbuf *b, const struct msg *g, size_t off, uint16_t proto,
			uint32_t length, unsigned verbosity)
{
	uint8_t code;
	uint16_t len;

	msg_tok_put(b, ppp_cp_names, "unknown", proto);
	if (!msg_has(g, off, 2)) {
		msg_trunc_put(b, "ppp");
		return;
	}
	code = msg_u8(g, off);
	pbuf_puts(b, ", ");
	msg_tok_put(b, ppp_cp_codes, "Unknown Opcode", code);
	msg_printf(b, " (0x%02x), id %u, length %u", code, msg_u8(g, off + 1), length);
	if (!verbosity)
		return;
	if (!msg_has(g, off + 2, 2)) {
		msg_trunc_put(b, "ppp");
		return;
	}
	len = msg_u16(g, off + 2);
	if (len < 4) {
		msg_printf(b, "\n\tencoded length %u (< 4))", len);
		return;
	}
	msg_printf(b, "\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (verbosity > 1 && off >= 2)
		msg_hex_at(b, g, off - 2, 6, "\n\t");
	switch (code) {
	case 9:
	case 10:
	case 11:
		if (length < 8 || !msg_has(g, off + 4, 4))
			break;
		msg_printf(b, "\n\t  Magic-Num 0x%08x", msg_u32(g, off + 4));
		if (len > 8) {
			pbuf_puts(b, "\n\t  -----trailing data-----");
			if (!msg_hex_at(b, g, off + 8, len - 8, "\n\t  "))
				msg_trunc_put(b, "ppp");
		}
		break;
	default:
		break;
	}
}
