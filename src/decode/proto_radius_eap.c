/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_radius_eap.c: EAP inside RADIUS's EAP-Message attribute, as tcpdump prints it. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/proto_radius.h"

/* ---- EAP inside EAP-Message (RFC 3748), as tcpdump's eap_print ---- */

static const struct msg_tok eap_codes[] = {
	{ 1, "Request" }, { 2, "Response" }, { 3, "Success" }, { 4, "Failure" }, { 0, NULL },
};

static const struct msg_tok eap_types[] = {
	{ 1, "Identity" },	{ 2, "Notification" }, { 3, "Nak" },	   { 4, "MD5-challenge" },
	{ 5, "OTP" },		{ 6, "GTC" },	       { 13, "TLS" },	   { 18, "SIM" },
	{ 21, "TTLS" },		{ 23, "AKA" },	       { 25, "PEAP" },	   { 26, "MSCHAPv2" },
	{ 33, "TLV" },		{ 43, "FAST" },	       { 254, "Expanded types" },
	{ 255, "Experimental" }, { 0, NULL },
};

static const struct msg_tok eap_tls_flags[] = {
	{ 0x80, "L bit" }, { 0x40, "More fragments bit" }, { 0x20, "Start bit" }, { 0, NULL },
};

bool radius_eap(struct pbuf *b, const struct msg *g, size_t off)
{
	uint8_t code, type, flags;
	uint16_t len;

	if (!msg_has(g, off, 4))
		return false;
	code = msg_u8(g, off);
	len = msg_u16(g, off + 2);
	msg_tok_put(b, eap_codes, "unknown", code);
	msg_printf(b, " (%u), id %u, len %u", code, msg_u8(g, off + 1), len);
	if (code != 1 && code != 2)
		return true;
	if (!msg_has(g, off + 4, 1))
		return false;
	type = msg_u8(g, off + 4);
	pbuf_puts(b, "\n\t\t Type ");
	msg_tok_put(b, eap_types, "unknown", type);
	msg_printf(b, " (%u)", type);
	switch (type) {
	case 1:
	case 2:
		if (len > 5) {
			pbuf_puts(b, type == 1 ? ", Identity: " : ", Notification: ");
			if (!msg_printjnp(b, g, off + 5, len - 5))
				return false;
		}
		break;
	case 3:
		for (size_t k = 5; k < len; k++) {
			if (!msg_has(g, off + k, 1))
				return false;
			pbuf_putc(b, ' ');
			msg_tok_put(b, eap_types, "unknown", msg_u8(g, off + k));
			msg_printf(b, " (%u),", msg_u8(g, off + k));
		}
		break;
	case 13:
	case 21:
	case 25:
	case 43:
		if (len < 6)
			break;
		if (!msg_has(g, off + 5, 1))
			return false;
		flags = msg_u8(g, off + 5);
		if (type == 21 || type == 43)
			msg_printf(b, " %sv%u", type == 21 ? "TTLS" : "FAST", flags & 7);
		pbuf_puts(b, ", flags [");
		msg_bits_put(b, eap_tls_flags, "none", flags, ", ");
		msg_printf(b, "] 0x%02x", flags);
		if (type == 13 || type == 25)
			pbuf_putc(b, ',');
		if (flags & 0x80) {
			if (!msg_has(g, off + 6, 4))
				return false;
			msg_printf(b, " len %u", msg_u32(g, off + 6));
		}
		break;
	default:
		break;
	}
	return true;
}
