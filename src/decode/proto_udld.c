/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_udld.c: Cisco's UniDirectional Link Detection (RFC 5171, SNAP pid 0x0111). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define UDLD_HDR_LEN 4

/*
 * RFC 5171 section 4:
 *
 * | Ver | Opcode  |     Flags     |           Checksum            |
 * |               List of TLVs (variable length list)             |
 *
 * Each TLV's 2-byte length counts its own 4 bytes.  The printer and the
 * JSON read them again.
 */
int proto_udld_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_UDLD;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok udld_tlv_names[] = {
	{ 1, "Device-ID TLV" },		{ 2, "Port-ID TLV" },
	{ 3, "Echo TLV" },		{ 4, "Message Interval TLV" },
	{ 5, "Timeout Interval TLV" },	{ 6, "Device Name TLV" },
	{ 7, "Sequence Number TLV" },	{ 0, NULL },
};

static const struct msg_tok udld_codes[] = {
	{ 0, "Reserved" }, { 1, "Probe message" }, { 2, "Echo message" }, { 3, "Flush message" },
	{ 0, NULL },
};

static const struct msg_tok udld_flags[] = {
	{ 0x01, "RT" }, { 0x02, "RSY" }, { 0, NULL },
};

bool proto_udld_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	size_t off = UDLD_HDR_LEN;
	uint8_t vo, flags;

	if (!msg_of(&g, x) || !msg_has(&g, 0, 2))
		return msg_trunc(x, "udld");
	vo = msg_u8(&g, 0);
	flags = msg_u8(&g, 1);
	msg_printf(b, "UDLDv%u, Code ", vo >> 5);
	msg_tok_put(b, udld_codes, "Reserved", vo & 0x1f);
	msg_printf(b, " (%x), Flags [", vo & 0x1f);
	msg_bits_put(b, udld_flags, "none", flags, ", ");
	msg_printf(b, "] (0x%02x), length %u", flags, g.len);
	if (g.len < UDLD_HDR_LEN)
		goto invalid;
	if (!line_verbosity(x))
		goto rest;
	if (!msg_has(&g, 2, 2))
		return msg_trunc(x, "udld");
	msg_printf(b, "\n\tChecksum 0x%04x (unverified)", msg_u16(&g, 2));
	while (off < g.len) {
		uint16_t type, len;

		if (g.len - off < 4)
			goto invalid;
		if (!msg_has(&g, off, 4))
			return msg_trunc(x, "udld");
		type = msg_u16(&g, off);
		len = msg_u16(&g, off + 2);
		pbuf_puts(b, "\n\t");
		msg_tok_put(b, udld_tlv_names, "Unknown", type);
		msg_printf(b, " (0x%04x) TLV, length %u", type, len);
		if (len <= 4)
			goto invalid;
		len -= 4;
		off += 4;
		if (g.len - off < len)
			goto invalid;
		if (!msg_has(&g, off, len))
			return msg_trunc(x, "udld");
		switch (type) {
		case 1:
		case 2:
		case 6:
			pbuf_puts(b, ", ");
			msg_put_text(b, g.p + off, len);
			break;
		case 3:
			pbuf_puts(b, ", ");
			msg_put_textn(b, g.p + off, len);
			break;
		case 4:
		case 5:
			if (len != 1)
				goto invalid;
			msg_printf(b, ", %us", msg_u8(&g, off));
			break;
		case 7:
			if (len != 4)
				goto invalid;
			msg_printf(b, ", %u", msg_u32(&g, off));
			break;
		}
		off += len;
	}
	return true;
invalid:
	pbuf_puts(b, " (invalid)");
rest:
	/* tcpdump checks that the rest of the message was captured */
	if (g.cap < g.len)
		return msg_trunc(x, "udld");
	return true;
}
