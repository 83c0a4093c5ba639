/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_lspping.c: MPLS LSP ping (RFC 4379/8029, UDP 3503): dissector and printer, as tcpdump 4.99 prints it. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_bgp.h"
#include "decode/proto_mplsctl.h"
#include "decode/proto_msg.h"
#include "decode/proto_ntp.h"

/*
 * A 32-byte header, then TLVs (type, length, value padded to 4 bytes):
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Version Number        |         Global Flags          |
 * |  Message Type |   Reply mode  |  Return Code  | Return Subcode|
 * |                        Sender's Handle                        |
 * |                        Sequence Number                        |
 * |                TimeStamp Sent (NTP seconds, fraction)         |
 * |              TimeStamp Received (NTP seconds, fraction)       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The Target FEC Stack TLV holds sub-TLVs (RFC 4379 3.2).  The printer and
 * the JSON read the message again from the layer's offset.
 */
#define LSPPING_HDR_LEN 32

#define LSPPING_TLV_FEC_STACK  1
#define LSPPING_TLV_DS_MAP     2
#define LSPPING_TLV_VENDOR_ENT 5
#define LSPPING_TLV_BFD_DISC   15

int proto_lspping_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_LSPPING;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok lspping_msg_names[] = {
	{ 1, "MPLS Echo Request" }, { 2, "MPLS Echo Reply" }, { 0, NULL },
};

static const struct msg_tok lspping_reply_modes[] = {
	{ 1, "Do not reply" },
	{ 2, "Reply via an IPv4/IPv6 UDP packet" },
	{ 3, "Reply via an IPv4/IPv6 UDP packet with Router Alert" },
	{ 4, "Reply via application level control channel" },
	{ 0, NULL },
};

static const struct msg_tok lspping_return_codes[] = {
	{ 0, "No return code or return code contained in the Error Code TLV" },
	{ 1, "Malformed echo request received" },
	{ 2, "One or more of the TLVs was not understood" },
	{ 3, "Replying router is an egress for the FEC at stack depth" },
	{ 4, "Replying router has no mapping for the FEC at stack depth" },
	{ 5, "Reserved" },
	{ 6, "Reserved" },
	{ 7, "Reserved" },
	{ 8, "Label switched at stack-depth" },
	{ 9, "Label switched but no MPLS forwarding at stack-depth" },
	{ 10, "Mapping for this FEC is not the given label at stack depth" },
	{ 11, "No label entry at stack-depth" },
	{ 12, "Protocol not associated with interface at FEC stack depth" },
	{ 13, "Premature termination of ping due to label stack shrinking to a single label" },
	{ 0, NULL },
};

static const struct msg_tok lspping_tlv_names[] = {
	{ LSPPING_TLV_FEC_STACK, "Target FEC Stack" },
	{ LSPPING_TLV_DS_MAP, "Downstream Mapping" },
	{ 3, "Pad" },
	{ 9, "Error Code" },
	{ LSPPING_TLV_VENDOR_ENT, "Vendor Enterprise Code" },
	{ 7, "Interface Label Stack" },
	{ 10, "Reply TOS Byte" },
	{ LSPPING_TLV_BFD_DISC, "BFD Discriminator" },
	{ 0xfc00, "Vendor Private Code" },
	{ 0, NULL },
};

static const struct msg_tok lspping_fec_names[] = {
	{ 1, "LDP IPv4 prefix" },
	{ 2, "LDP IPv6 prefix" },
	{ 3, "RSVP IPv4 Session Query" },
	{ 4, "RSVP IPv6 Session Query" },
	{ 5, "Reserved" },
	{ 6, "VPN IPv4 prefix" },
	{ 7, "VPN IPv6 prefix" },
	{ 8, "L2 VPN endpoint" },
	{ 9, "FEC 128 pseudowire (old)" },
	{ 10, "FEC 128 pseudowire" },
	{ 12, "BGP labeled IPv4 prefix" },
	{ 13, "BGP labeled IPv6 prefix" },
	{ 0, NULL },
};

static const struct msg_tok lspping_ds_addr_names[] = {
	{ 1, "IPv4" }, { 2, "Unnumbered IPv4" }, { 3, "IPv6" }, { 4, "IPv6" }, { 0, NULL },
};

static void lsp_ip(struct mplsctl_pr *r, size_t off, bool v6)
{
	if (v6)
		pbuf_ip6(r->b, r->g.p + off);
	else
		pbuf_ip4(r->b, r->g.p + off);
}

/* The sizes each FEC sub-TLV must have (0: no decoder, hex only). */
static unsigned lspping_fec_size(uint16_t type)
{
	static const unsigned size[] = { 0, 5, 17, 20, 56, 0, 13, 25, 14, 10, 14, 0, 5, 17 };

	return type < sizeof(size) / sizeof(size[0]) ? size[type] : 0;
}

/* An RFC 4364 route distinguisher at off as tcpdump's bgp_vpn_rd_print (captured). */
static void lsp_rd(struct mplsctl_pr *r, size_t off)
{
	struct bgp_pr br = { .b = r->b, .g = r->g, .verbosity = r->v, .asdot = r->asdot };

	bgp_rd(&br, off);
}

/* A FEC sub-TLV's value of its right size at off (captured). */
static void lspping_fec_value(struct mplsctl_pr *r, uint16_t type, size_t off)
{
	struct pbuf *b = r->b;
	const struct msg *g = &r->g;
	bool v6 = type == 2 || type == 4 || type == 7 || type == 13;

	switch (type) {
	case 1:
	case 2:
	case 12:
	case 13:
		pbuf_puts(b, "\n\t      ");
		lsp_ip(r, off, v6);
		msg_printf(b, "/%u", msg_u8(g, off + (v6 ? 16 : 4)));
		break;
	case 3:
	case 4: {
		size_t a = v6 ? 16 : 4; /* end point, tunnel id, extended id, sender, LSP id */

		pbuf_puts(b, "\n\t      tunnel end-point ");
		lsp_ip(r, off, v6);
		pbuf_puts(b, ", tunnel sender ");
		lsp_ip(r, off + 2 * a + 4, v6);
		msg_printf(b, ", lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id ",
			   msg_u16(g, off + 3 * a + 6), msg_u16(g, off + a + 2));
		lsp_ip(r, off + a + 4, v6);
		break;
	}
	case 6:
	case 7:
		pbuf_puts(b, "\n\t      RD: ");
		lsp_rd(r, off);
		pbuf_puts(b, ", ");
		lsp_ip(r, off + 8, v6);
		msg_printf(b, "/%u", msg_u8(g, off + (v6 ? 24 : 12)));
		break;
	case 8:
		pbuf_puts(b, "\n\t      RD: ");
		lsp_rd(r, off);
		msg_printf(b, ", Sender VE ID: %u, Receiver VE ID: %u\n\t      Encapsulation Type: ",
			   msg_u16(g, off + 8), msg_u16(g, off + 10));
		mplsctl_pw_type_put(b, msg_u16(g, off + 12), "unknown");
		msg_printf(b, " (%u)", msg_u16(g, off + 12));
		break;
	case 9:
		pbuf_puts(b, "\n\t      Remote PE: ");
		lsp_ip(r, off, false);
		msg_printf(b, "\n\t      PW ID: 0x%08x, PW Type: ", msg_u32(g, off + 4));
		mplsctl_pw_type_put(b, msg_u16(g, off + 8), "unknown");
		msg_printf(b, " (%u)", msg_u16(g, off + 8));
		break;
	case 10:
		pbuf_puts(b, "\n\t      Sender PE: ");
		lsp_ip(r, off, false);
		pbuf_puts(b, ", Remote PE: ");
		lsp_ip(r, off + 4, false);
		msg_printf(b, "\n\t      PW ID: 0x%08x, PW Type: ", msg_u32(g, off + 8));
		mplsctl_pw_type_put(b, msg_u16(g, off + 12), "unknown");
		msg_printf(b, " (%u)", msg_u16(g, off + 12));
		break;
	}
}

/*
 * The Target FEC Stack's sub-TLVs: tlen bytes at off.  false: stop the
 * packet (cut, or tcpdump's "TLV is too short" return); *hex asks for the
 * TLV's hex.
 */
static bool lspping_fec_stack(struct mplsctl_pr *r, size_t off, uint32_t tlen, bool *hex)
{
	struct pbuf *b = r->b;

	while (tlen) {
		uint16_t type;
		uint32_t len;
		unsigned size;
		bool sub_hex = false;

		if (tlen < 4 || !mplsctl_has(r, off, 4)) {
			if (r->cut)
				return false;
			pbuf_puts(b, "\n\t      TLV is too short");
			*hex = true;
			return true;
		}
		type = msg_u16(&r->g, off);
		len = msg_u16(&r->g, off + 2);
		if (tlen < len + 4) {
			pbuf_puts(b, "\n\t      TLV is too short");
			*hex = true;
			return true;
		}
		if (!mplsctl_has(r, off + 4, len))
			return false;
		pbuf_puts(b, "\n\t    ");
		msg_tok_put(b, lspping_fec_names, "Unknown", type);
		msg_printf(b, " subTLV (%u), length: %u", type, len);
		size = lspping_fec_size(type);
		if (!size) {
			sub_hex = true;
		} else if (len != size) {
			msg_printf(b, "\n\t      invalid subTLV length, should be %u", size);
			sub_hex = true;
		} else {
			lspping_fec_value(r, type, off + 4);
		}
		if (r->v > 1 || sub_hex)
			msg_unknown_data(b, &r->g, off + 4, len, "\n\t      ");
		if (len % 4) {
			len += 4 - len % 4;
			if (tlen < len + 4) {
				pbuf_puts(b, "\n\t\t TLV is too short");
				return false;
			}
		}
		/* tcpdump steps over the value but not the sub-TLV's header: so does this */
		off += len;
		tlen -= len + 4;
	}
	return true;
}

/* The Downstream Mapping TLV: tlen bytes at off; false when cut.  Always hex after. */
static bool lspping_ds_map(struct mplsctl_pr *r, size_t off, uint32_t tlen)
{
	struct pbuf *b = r->b;
	const struct msg *g = &r->g;
	uint8_t at;
	uint32_t need;

	if (tlen < 4) {
		pbuf_puts(b, "\n\t      TLV is too short");
		return true;
	}
	if (!mplsctl_has(r, off, 4))
		return false;
	at = msg_u8(g, off + 2);
	msg_printf(b, "\n\t    MTU: %u, Address-Type: ", msg_u16(g, off));
	msg_tok_put(b, lspping_ds_addr_names, "unknown", at);
	msg_printf(b, " (%u)", at);
	need = at == 1 || at == 2 ? 12 : at == 3 ? 36 : at == 4 ? 24 : 0;
	if (need) {
		bool v6 = at >= 3;

		if (tlen < need) {
			pbuf_puts(b, "\n\t      TLV is too short");
			return true;
		}
		if (!mplsctl_has(r, off, need))
			return false;
		pbuf_puts(b, "\n\t    Downstream IP: ");
		lsp_ip(r, off + 4, v6);
		if (at == 1 || at == 3) {
			pbuf_puts(b, "\n\t    Downstream Interface IP: ");
			lsp_ip(r, off + (v6 ? 20 : 8), v6);
		} else {
			msg_printf(b, "\n\t    Downstream Interface Index: 0x%08x",
				   msg_u32(g, off + (v6 ? 20 : 8)));
		}
		off += need;
		tlen -= need;
	}
	if (tlen < 4) {
		pbuf_puts(b, "\n\t      TLV is too short");
		return true;
	}
	return mplsctl_has(r, off, 4);
}

/* One TLV's value (tlen bytes at off, captured); false: stop the packet. */
static bool lspping_tlv_value(struct mplsctl_pr *r, uint16_t type, size_t off, uint32_t tlen,
			      bool *hex)
{
	struct pbuf *b = r->b;
	uint32_t id;

	switch (type) {
	case LSPPING_TLV_FEC_STACK:
		return lspping_fec_stack(r, off, tlen, hex);
	case LSPPING_TLV_DS_MAP:
		/* tcpdump dumps the TLV whole: the multipath and labels have no decoder */
		*hex = true;
		return lspping_ds_map(r, off, tlen);
	case LSPPING_TLV_BFD_DISC:
	case LSPPING_TLV_VENDOR_ENT:
		if (tlen < 4) {
			pbuf_puts(b, "\n\t      TLV is too short");
			*hex = true;
			return true;
		}
		id = msg_u32(&r->g, off);
		if (type == LSPPING_TLV_BFD_DISC) {
			msg_printf(b, "\n\t    BFD Discriminator 0x%08x", id);
		} else {
			pbuf_puts(b, "\n\t    Vendor: ");
			mplsctl_smi_put(b, id);
			msg_printf(b, " (0x%04x)", id);
		}
		return true;
	}
	if (r->v <= 1)
		msg_unknown_data(b, &r->g, off, tlen, "\n\t    ");
	return true;
}

/* The TLVs after the header: tlen bytes from off; false when the packet is too short. */
static bool lspping_tlvs(struct mplsctl_pr *r, size_t off, uint32_t tlen)
{
	struct pbuf *b = r->b;

	while (tlen) {
		uint16_t type;
		uint32_t len;
		bool hex = false;

		if (tlen < 4)
			return false;
		if (!mplsctl_has(r, off, 4))
			return true;
		type = msg_u16(&r->g, off);
		len = msg_u16(&r->g, off + 2);
		pbuf_puts(b, "\n\t  ");
		msg_tok_put(b, lspping_tlv_names, "Unknown", type);
		msg_printf(b, " TLV (%u), length: %u", type, len);
		if (!len) {
			off += 4;
			tlen -= 4;
			continue;
		}
		if (tlen < len + 4)
			return false;
		if (!mplsctl_has(r, off + 4, len))
			return true;
		if (!lspping_tlv_value(r, type, off + 4, len, &hex))
			return true;
		if (r->v > 1 || hex)
			msg_unknown_data(b, &r->g, off + 4, len, "\n\t    ");
		if (len % 4) {
			len += 4 - len % 4;
			if (tlen < len + 4)
				return false;
		}
		off += len + 4;
		tlen -= len + 4;
	}
	return true;
}

/* The verbose header lines: the 32 bytes are captured. */
static void lspping_header(struct mplsctl_pr *r)
{
	struct pbuf *b = r->b;
	const struct msg *g = &r->g;
	uint8_t type = msg_u8(g, 4), mode = msg_u8(g, 5), code = msg_u8(g, 6), sub = msg_u8(g, 7);

	msg_printf(b, "\n\tLSP-PINGv%u, msg-type: ", msg_u16(g, 0));
	msg_tok_put(b, lspping_msg_names, "unknown", type);
	msg_printf(b, " (%u), length: %u\n\t  reply-mode: ", type, g->len);
	msg_tok_put(b, lspping_reply_modes, "unknown", mode);
	msg_printf(b, " (%u)\n\t  Return Code: ", mode);
	msg_tok_put(b, lspping_return_codes, "unknown", code);
	/* the codes whose text ends with "stack depth" take the subcode after it */
	if (code == 3 || code == 4 || code == 8 || code == 10 || code == 11 || code == 12)
		msg_printf(b, " %u", sub);
	msg_printf(b, " (%u)\n\t  Return Subcode: (%u)", code, sub);
	msg_printf(b, "\n\t  Sender Handle: 0x%08x, Sequence: %u", msg_u32(g, 8), msg_u32(g, 12));
	pbuf_puts(b, "\n\t  Sender Timestamp: ");
	proto_ntp_time(b, msg_u32(g, 16), msg_u32(g, 20));
	pbuf_puts(b, " Receiver Timestamp: ");
	if (msg_u32(g, 24) || msg_u32(g, 28))
		proto_ntp_time(b, msg_u32(g, 24), msg_u32(g, 28));
	else
		pbuf_puts(b, "no timestamp");
}

bool proto_lspping_print(struct line *x)
{
	struct mplsctl_pr r = { .b = &x->b, .v = line_verbosity(x), .asdot = x->o->asdot };
	struct pbuf *b = &x->b;
	bool whole;

	msg_of(&r.g, x);
	if (r.g.len < LSPPING_HDR_LEN) {
		pbuf_puts(b, "\n\t\t packet is too short");
		return true;
	}
	if (!mplsctl_has(&r, 0, LSPPING_HDR_LEN))
		return msg_trunc(x, "lspping");
	if (msg_u16(&r.g, 0) != 1) {
		msg_printf(b, "LSP-PING version %u packet not supported", msg_u16(&r.g, 0));
		return true;
	}
	if (!r.v) {
		msg_printf(b, "LSP-PINGv%u, ", msg_u16(&r.g, 0));
		msg_tok_put(b, lspping_msg_names, "unknown (%u)", msg_u8(&r.g, 4));
		msg_printf(b, ", seq %u, length: %u", msg_u32(&r.g, 12), r.g.len);
		return true;
	}
	lspping_header(&r);
	whole = lspping_tlvs(&r, LSPPING_HDR_LEN, r.g.len - LSPPING_HDR_LEN);
	if (r.cut)
		return msg_trunc(x, "lspping");
	if (!whole)
		pbuf_puts(b, "\n\t\t packet is too short");
	return true;
}
