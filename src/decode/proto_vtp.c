/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vtp.c: Cisco's VLAN Trunking Protocol (SNAP pid 0x2003): dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define VTP_HDR_LEN	36 /* version, code, followers/sequence, domain length, domain (32) */
#define VTP_DOMAIN_LEN	32
#define VTP_VLAN_FIXED	12

/*
 * Version (1) | code (1) | followers or sequence (1) | domain length (1) |
 * domain name (32, zero-padded) | the message's own fields.  The printer
 * and the JSON read them again.
 */
int proto_vtp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_VTP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok vtp_types[] = {
	{ 1, "Summary advertisement" }, { 2, "Subset advertisement" },
	{ 3, "Advertisement request" }, { 4, "Join message" }, { 0, NULL },
};

static const struct msg_tok vtp_header_names[] = {
	{ 1, "Followers" }, { 2, "Seq number" }, { 3, "Rsvd" }, { 4, "Rsvd" }, { 0, NULL },
};

static const struct msg_tok vtp_vlan_types[] = {
	{ 1, "Ethernet" }, { 2, "FDDI" }, { 3, "TrCRF" }, { 4, "FDDI-net" }, { 5, "TrBRF" },
	{ 0, NULL },
};

static const struct msg_tok vtp_vlan_status[] = {
	{ 0, "Operational" }, { 1, "Suspended" }, { 0, NULL },
};

static const struct msg_tok vtp_vlan_tlvs[] = {
	{ 1, "Source-Routing Ring Number TLV" },
	{ 2, "Source-Routing Bridge Number TLV" },
	{ 3, "STP type TLV" },
	{ 4, "Parent VLAN TLV" },
	{ 5, "Translationally bridged VLANs TLV" },
	{ 6, "Pruning TLV" },
	{ 7, "Bridge Type TLV" },
	{ 8, "Max ARP Hop Count TLV" },
	{ 9, "Max STE Hop Count TLV" },
	{ 10, "Backup CRF Mode TLV" },
	{ 0, NULL },
};

static const struct msg_tok vtp_stp_types[] = {
	{ 1, "SRT" }, { 2, "SRB" }, { 3, "Auto" }, { 0, NULL },
};

enum vtp_end { VTP_DONE, VTP_TRUNC, VTP_INVALID };

/* One VLAN info field's TLVs: len bytes from off. */
static enum vtp_end put_vlan_tlvs(struct pbuf *b, const struct msg *g, size_t off, unsigned len)
{
	while (len) {
		unsigned type, tlen, value;

		if (len < 2)
			return VTP_INVALID;
		if (!msg_has(g, off, 2))
			return VTP_TRUNC;
		type = msg_u8(g, off);
		tlen = msg_u8(g, off + 1);
		pbuf_puts(b, "\n\t\t");
		msg_tok_put(b, vtp_vlan_tlvs, "Unknown", type);
		msg_printf(b, " (0x%04x) TLV", type);
		if (len < tlen * 2 + 2) {
			pbuf_puts(b, " (TLV goes past the end of the packet)");
			return VTP_INVALID;
		}
		if (!msg_has(g, off, tlen * 2 + 2))
			return VTP_TRUNC;
		if (tlen != 1) {
			msg_printf(b, " [TLV length %u != 1]", tlen);
			return VTP_INVALID;
		}
		value = msg_u16(g, off + 2);
		switch (type) {
		case 9:
			msg_printf(b, ", %u", value);
			break;
		case 6:
			msg_printf(b, ", %s (%u)", value == 1 ? "Enabled" : "Disabled", value);
			break;
		case 3:
			pbuf_puts(b, ", ");
			msg_tok_put(b, vtp_stp_types, "Unknown", value);
			msg_printf(b, " (%u)", value);
			break;
		case 7:
			msg_printf(b, ", %s (%u)", value == 1 ? "SRB" : "SRT", value);
			break;
		case 10:
			msg_printf(b, ", %s (%u)", value == 1 ? "Backup" : "Not backup", value);
			break;
		default:
			msg_hex_lines(b, "\n\t\t  ", g->p + off, 4);
			break;
		}
		len -= 4;
		off += 4;
	}
	return VTP_DONE;
}

static enum vtp_end put_vtp(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	unsigned type, dlen;
	size_t off = VTP_HDR_LEN;

	if (g->len < VTP_HDR_LEN)
		return VTP_INVALID;
	if (!msg_has(g, 0, VTP_HDR_LEN))
		return VTP_TRUNC;
	type = msg_u8(g, 1);
	msg_printf(b, "VTPv%u, Message ", msg_u8(g, 0));
	msg_tok_put(b, vtp_types, "Unknown message type", type);
	msg_printf(b, " (0x%02x), length %u", type, g->len);
	if (!line_verbosity(x))
		return g->cap < g->len ? VTP_TRUNC : VTP_DONE;
	pbuf_puts(b, "\n\tDomain name: ");
	dlen = msg_u8(g, 3);
	if (dlen < 1 || dlen > VTP_DOMAIN_LEN) {
		msg_printf(b, " [MgmtD Len %u]", dlen);
		return VTP_INVALID;
	}
	msg_put_text(b, g->p + 4, dlen);
	pbuf_puts(b, ", ");
	msg_tok_put(b, vtp_header_names, "Unknown", type);
	msg_printf(b, ": %u", msg_u8(g, 2));
	switch (type) {
	case 1:
		if (!msg_has(g, off, 8))
			return VTP_TRUNC;
		msg_printf(b, "\n\t  Config Rev %x, Updater ", msg_u32(g, off));
		pbuf_ip4(b, g->p + off + 4);
		off += 8;
		if (!msg_has(g, off, 12))
			return VTP_TRUNC;
		msg_printf(b, ", Timestamp 0x%08x 0x%08x 0x%08x", msg_u32(g, off), msg_u32(g, off + 4),
			   msg_u32(g, off + 8));
		off += 12;
		if (!msg_has(g, off, 16))
			return VTP_TRUNC;
		pbuf_puts(b, ", MD5 digest: ");
		msg_hex(b, g->p + off, 16);
		return VTP_DONE;
	case 2:
		if (!msg_has(g, off, 4))
			return VTP_TRUNC;
		msg_printf(b, ", Config Rev %x", msg_u32(g, off));
		off += 4;
		while (off < g->len) {
			unsigned len, name_len, padded;
			enum vtp_end e;

			if (!msg_has(g, off, 1))
				return VTP_TRUNC;
			len = msg_u8(g, off);
			if (!len)
				break;
			if (!msg_has(g, off, len))
				return VTP_TRUNC;
			if (len < VTP_VLAN_FIXED)
				return VTP_INVALID;
			pbuf_puts(b, "\n\tVLAN info status ");
			msg_tok_put(b, vtp_vlan_status, "Unknown", msg_u8(g, off + 1));
			pbuf_puts(b, ", type ");
			msg_tok_put(b, vtp_vlan_types, "Unknown", msg_u8(g, off + 2));
			msg_printf(b, ", VLAN-id %u, MTU %u, SAID 0x%08x, Name ", msg_u16(g, off + 4),
				   msg_u16(g, off + 6), msg_u32(g, off + 8));
			name_len = msg_u8(g, off + 3);
			padded = 4 * ((name_len + 3) / 4);
			len -= VTP_VLAN_FIXED;
			off += VTP_VLAN_FIXED;
			if (len < padded)
				return VTP_INVALID;
			if (!msg_has(g, off, name_len))
				return VTP_TRUNC;
			msg_put_text(b, g->p + off, name_len);
			len -= padded;
			off += padded;
			e = put_vlan_tlvs(b, g, off, len);
			if (e != VTP_DONE)
				return e;
			off += len;
		}
		return VTP_DONE;
	case 3:
		if (!msg_has(g, off, 4))
			return VTP_TRUNC;
		msg_printf(b, "\n\tStart value: %u", msg_u32(g, off));
		return VTP_DONE;
	}
	return VTP_DONE;
}

bool proto_vtp_print(struct line *x)
{
	struct msg g;
	enum vtp_end e;

	if (!msg_of(&g, x))
		return msg_trunc(x, "vtp");
	e = put_vtp(x, &g);
	if (e == VTP_INVALID) {
		pbuf_puts(&x->b, " (invalid)");
		if (g.cap < g.len)
			return msg_trunc(x, "vtp");
	}
	if (e == VTP_TRUNC)
		return msg_trunc(x, "vtp");
	return true;
}
