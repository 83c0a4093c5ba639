/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ldp.c: LDP (RFC 5036, UDP and TCP 646): dissector and printer, as tcpdump 4.99 prints it. */
#include "config.h"

#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_mplsctl.h"
#include "decode/proto_msg.h"

/*
 * A PDU is a 10-byte header and messages, each a header and TLVs:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version                      |         PDU Length            |
 * |                         LDP Identifier (LSR ID, label space)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |U|   Message Type              |      Message Length           |
 * |                     Message ID                                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |U|F|        TLV Type           |            Length             |
 *
 * The lengths leave out the type and length fields.  A UDP datagram holds a
 * Hello; a TCP segment any number of PDUs.  The printer and the JSON read the
 * message again from the layer's offset.
 */
#define LDP_HDR_LEN	 10
#define LDP_MSG_HDR_LEN	 8

#define LDP_MSG_NOTIF	     0x0001
#define LDP_MSG_HELLO	     0x0100
#define LDP_MSG_INIT	     0x0200
#define LDP_MSG_KEEPALIVE    0x0201
#define LDP_MSG_ADDRESS	     0x0300
#define LDP_MSG_ADDR_WITHDRAW 0x0301
#define LDP_MSG_LABEL_MAP    0x0400
#define LDP_MSG_LABEL_WITHDRAW 0x0402

#define LDP_TLV_FEC	      0x0100
#define LDP_TLV_ADDRESS_LIST  0x0101
#define LDP_TLV_GENERIC_LABEL 0x0200
#define LDP_TLV_STATUS	      0x0300
#define LDP_TLV_COMMON_HELLO  0x0400
#define LDP_TLV_IPV4_TRANSPORT 0x0401
#define LDP_TLV_CONFIG_SEQ    0x0402
#define LDP_TLV_IPV6_TRANSPORT 0x0403
#define LDP_TLV_COMMON_SESSION 0x0500
#define LDP_TLV_FT_SESSION    0x0503
#define LDP_TLV_MTU	      0x0601 /* RFC 3988 */

#define LDP_FEC_WILDCARD   0x01
#define LDP_FEC_PREFIX	   0x02
#define LDP_FEC_MARTINI_VC 0x80 /* RFC 4906 */

int proto_ldp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_LDP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok ldp_msg_names[] = {
	{ LDP_MSG_NOTIF, "Notification" },
	{ LDP_MSG_HELLO, "Hello" },
	{ LDP_MSG_INIT, "Initialization" },
	{ LDP_MSG_KEEPALIVE, "Keepalive" },
	{ LDP_MSG_ADDRESS, "Address" },
	{ LDP_MSG_ADDR_WITHDRAW, "Address Withdraw" },
	{ LDP_MSG_LABEL_MAP, "Label Mapping" },
	{ 0x0401, "Label Request" },
	{ LDP_MSG_LABEL_WITHDRAW, "Label Withdraw" },
	{ 0x0403, "Label Release" },
	{ 0x0404, "Label Abort Request" },
	{ 0, NULL },
};

static const struct msg_tok ldp_tlv_names[] = {
	{ LDP_TLV_FEC, "FEC" },
	{ LDP_TLV_ADDRESS_LIST, "Address List" },
	{ 0x0103, "Hop Count" },
	{ 0x0104, "Path Vector" },
	{ LDP_TLV_GENERIC_LABEL, "Generic Label" },
	{ 0x0201, "ATM Label" },
	{ 0x0202, "Frame-Relay Label" },
	{ LDP_TLV_STATUS, "Status" },
	{ 0x0301, "Extended Status" },
	{ 0x0302, "Returned PDU" },
	{ 0x0303, "Returned Message" },
	{ LDP_TLV_COMMON_HELLO, "Common Hello Parameters" },
	{ LDP_TLV_IPV4_TRANSPORT, "IPv4 Transport Address" },
	{ LDP_TLV_CONFIG_SEQ, "Configuration Sequence Number" },
	{ LDP_TLV_IPV6_TRANSPORT, "IPv6 Transport Address" },
	{ LDP_TLV_COMMON_SESSION, "Common Session Parameters" },
	{ 0x0501, "ATM Session Parameters" },
	{ 0x0502, "Frame-Relay Session Parameters" },
	{ LDP_TLV_FT_SESSION, "Fault-Tolerant Session Parameters" },
	{ 0x0600, "Label Request Message ID" },
	{ LDP_TLV_MTU, "MTU" },
	{ 0, NULL },
};

static const struct msg_tok ldp_fec_names[] = {
	{ LDP_FEC_WILDCARD, "Wildcard" },
	{ LDP_FEC_PREFIX, "Prefix" },
	{ 0x03, "Host address" },
	{ LDP_FEC_MARTINI_VC, "Martini VC" },
	{ 0, NULL },
};

/* tcpdump's af_values (RFC 1700 address family numbers) */
static const struct msg_tok ldp_af_names[] = {
	{ 0, "Reserved" },    { 1, "IPv4" },	   { 2, "IPv6" },	{ 3, "NSAP" },
	{ 4, "HDLC" },	      { 5, "BBN 1822" },   { 6, "802" },	{ 7, "E.163" },
	{ 8, "E.164" },	      { 9, "F.69" },	   { 10, "X.121" },	{ 11, "Novell IPX" },
	{ 12, "Appletalk" },  { 13, "Decnet IV" }, { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" },	   { 196, "Layer-2 VPN" },
	{ 25, "VPLS" },	      { 0, NULL },
};

static const struct msg_tok ldp_ifparm_names[] = {
	{ 0x01, "MTU" }, { 0x03, "Description" }, { 0x0c, "VCCV" }, { 0, NULL },
};

/* draft-ietf-pwe3-vccv-04 */
static const struct msg_tok ldp_vccv_cc_names[] = {
	{ 0x01, "PWE3 control word" },
	{ 0x02, "MPLS Router Alert Label" },
	{ 0x04, "MPLS inner label TTL = 1" },
	{ 0, NULL },
};

static const struct msg_tok ldp_vccv_cv_names[] = {
	{ 0x01, "ICMP Ping" }, { 0x02, "LSP Ping" }, { 0x04, "BFD" }, { 0, NULL },
};

/*
 * tcpdump's TLV_TCHECK: a TLV value shorter than its type needs is
 * " [tlv length N < M] (invalid)" and the next TLV.
 */
static bool ldp_tlv_short(struct mplsctl_pr *r, uint32_t tlen, uint32_t need)
{
	if (tlen >= need)
		return false;
	msg_printf(r->b, " [tlv length %u < %u] (invalid)", tlen, need);
	return true;
}

/* decode_prefix4/6 at off: ": IPv4 prefix a.b.c.d/n"; false when cut (tcpdump's trunc). */
static bool ldp_fec_prefix(struct mplsctl_pr *r, size_t off, uint32_t tlen, bool v6)
{
	uint8_t a[16] = { 0 };
	unsigned max = v6 ? 128 : 32, plen, nbytes;

	/* decode_prefix's "itemlen" check gives -2 too, which ldp_tlv_print takes as trunc */
	if (tlen < 1 || !mplsctl_has(r, off, 1)) {
		r->cut = true;
		return false;
	}
	plen = msg_u8(&r->g, off);
	if (plen > max) {
		pbuf_puts(r->b, v6 ? ": IPv6 prefix (invalid length)" : ": IPv4 prefix (invalid length)");
		return true;
	}
	nbytes = (plen + 7) / 8;
	if (tlen - 1 < nbytes || !mplsctl_has(r, off + 1, nbytes)) {
		r->cut = true;
		return false;
	}
	memcpy(a, r->g.p + off + 1, nbytes);
	if (plen % 8)
		a[nbytes - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	pbuf_puts(r->b, v6 ? ": IPv6 prefix " : ": IPv4 prefix ");
	if (v6)
		pbuf_ip6(r->b, a);
	else
		pbuf_ip4(r->b, a);
	msg_printf(r->b, "/%u", plen);
	return true;
}

/* The interface parameters of a Martini VC FEC: n bytes at off; false when cut. */
static bool ldp_martini_params(struct mplsctl_pr *r, size_t off, uint32_t n)
{
	struct pbuf *b = r->b;

	while (n > 2) {
		uint8_t type, len;

		if (!mplsctl_has(r, off, 2))
			return false;
		type = msg_u8(&r->g, off);
		len = msg_u8(&r->g, off + 1);
		if (len < 2 || n < len)
			break;
		pbuf_puts(b, "\n\t\tInterface Parameter: ");
		msg_tok_put(b, ldp_ifparm_names, "Unknown", type);
		msg_printf(b, " (0x%02x), len %u", type, len);
		switch (type) {
		case 0x01:
			if (!mplsctl_has(r, off + 2, 2))
				return false;
			msg_printf(b, ": %u", msg_u16(&r->g, off + 2));
			break;
		case 0x03:
			pbuf_puts(b, ": ");
			for (unsigned i = 2; i < len; i++) {
				if (!mplsctl_has(r, off + i, 1))
					return false;
				msg_put_char(b, msg_u8(&r->g, off + i));
			}
			break;
		case 0x0c:
			if (!mplsctl_has(r, off + 2, 2))
				return false;
			msg_printf(b, "\n\t\t  Control Channels (0x%02x) = [", msg_u8(&r->g, off + 2));
			msg_bits_put(b, ldp_vccv_cc_names, "none", msg_u8(&r->g, off + 2), ", ");
			msg_printf(b, "]\n\t\t  CV Types (0x%02x) = [", msg_u8(&r->g, off + 3));
			msg_bits_put(b, ldp_vccv_cv_names, "none", msg_u8(&r->g, off + 3), ", ");
			pbuf_putc(b, ']');
			break;
		default:
			msg_unknown_data(b, &r->g, off + 2, len - 2u, "\n\t\t  ");
			break;
		}
		n -= len;
		off += len;
	}
	return true;
}

/* A Martini VC FEC's value after its type byte; false when cut. */
static bool ldp_fec_martini(struct mplsctl_pr *r, size_t off, uint32_t tlen)
{
	struct pbuf *b = r->b;
	uint16_t pw;
	uint32_t info;

	if (ldp_tlv_short(r, tlen, 7))
		return true;
	if (!mplsctl_has(r, off, 7))
		return false;
	pw = msg_u16(&r->g, off);
	info = msg_u8(&r->g, off + 2);
	/* RFC 4908: a VC info length of 0 has no VC ID either */
	if (!info) {
		pbuf_puts(b, ": ");
		mplsctl_pw_type_put(b, pw & 0x7fff, "Unknown");
		msg_printf(b, ", %scontrol word, group-ID %u, VC-info-length: %u",
			   pw & 0x8000 ? "" : "no ", msg_u32(&r->g, off + 3), info);
		return true;
	}
	if (ldp_tlv_short(r, tlen, 11))
		return true;
	if (!mplsctl_has(r, off + 7, 4))
		return false;
	pbuf_puts(b, ": ");
	mplsctl_pw_type_put(b, pw & 0x7fff, "Unknown");
	msg_printf(b, ", %scontrol word, group-ID %u, VC-ID %u, VC-info-length: %u",
		   pw & 0x8000 ? "" : "no ", msg_u32(&r->g, off + 3), msg_u32(&r->g, off + 7), info);
	if (info < 4) {
		pbuf_puts(b, " (invalid, < 4");
		return true;
	}
	info -= 4;
	if (ldp_tlv_short(r, tlen - 11, info))
		return true;
	return ldp_martini_params(r, off + 11, info);
}

/* A FEC TLV's value: tlen bytes at off; false when cut. */
static bool ldp_fec(struct mplsctl_pr *r, size_t off, uint32_t tlen)
{
	uint8_t type;
	uint16_t af;

	if (ldp_tlv_short(r, tlen, 1))
		return true;
	if (!mplsctl_has(r, off, 1))
		return false;
	type = msg_u8(&r->g, off);
	pbuf_puts(r->b, "\n\t      ");
	msg_tok_put(r->b, ldp_fec_names, "Unknown", type);
	msg_printf(r->b, " FEC (0x%02x)", type);
	off++;
	tlen--;
	switch (type) {
	case LDP_FEC_PREFIX:
		if (ldp_tlv_short(r, tlen, 2))
			return true;
		if (!mplsctl_has(r, off, 2))
			return false;
		af = msg_u16(&r->g, off);
		if (af == 1 || af == 2)
			return ldp_fec_prefix(r, off + 2, tlen - 2, af == 2);
		msg_printf(r->b, ": Address family %u prefix", af);
		return true;
	case LDP_FEC_MARTINI_VC:
		return ldp_fec_martini(r, off, tlen);
	}
	return true;
}

/* The addresses of an Address List TLV; false when cut. */
static bool ldp_addr_list(struct mplsctl_pr *r, size_t off, uint32_t tlen)
{
	uint16_t af;
	unsigned size;

	if (ldp_tlv_short(r, tlen, 2))
		return true;
	if (!mplsctl_has(r, off, 2))
		return false;
	af = msg_u16(&r->g, off);
	pbuf_puts(r->b, "\n\t      Address Family: ");
	msg_tok_put(r->b, ldp_af_names, "Unknown (%u)", af);
	pbuf_puts(r->b, ", addresses");
	if (af != 1 && af != 2)
		return true;
	size = af == 1 ? 4 : 16;
	for (off += 2, tlen -= 2; tlen >= size; off += size, tlen -= size) {
		if (!mplsctl_has(r, off, size))
			return false;
		pbuf_putc(r->b, ' ');
		if (size == 4)
			pbuf_ip4(r->b, r->g.p + off);
		else
			pbuf_ip6(r->b, r->g.p + off);
	}
	return true;
}

/* One TLV's value (type t, tlen bytes at off); false when cut. */
static bool ldp_tlv_value(struct mplsctl_pr *r, uint16_t t, size_t off, uint32_t tlen)
{
	struct pbuf *b = r->b;
	const struct msg *g = &r->g;
	uint32_t u;
	uint16_t f;

	switch (t) {
	case LDP_TLV_COMMON_HELLO:
		if (ldp_tlv_short(r, tlen, 4))
			return true;
		if (!mplsctl_has(r, off, 4))
			return false;
		f = msg_u16(g, off + 2);
		msg_printf(b, "\n\t      Hold Time: %us, Flags: [%s Hello%s]", msg_u16(g, off),
			   f & 0x8000 ? "Targeted" : "Link",
			   f & 0x4000 ? ", Request for targeted Hellos" : "");
		return true;
	case LDP_TLV_IPV4_TRANSPORT:
	case LDP_TLV_IPV6_TRANSPORT:
		u = t == LDP_TLV_IPV4_TRANSPORT ? 4 : 16;
		if (ldp_tlv_short(r, tlen, u))
			return true;
		if (!mplsctl_has(r, off, u))
			return false;
		pbuf_puts(b, u == 4 ? "\n\t      IPv4 Transport Address: "
				    : "\n\t      IPv6 Transport Address: ");
		if (u == 4)
			pbuf_ip4(b, g->p + off);
		else
			pbuf_ip6(b, g->p + off);
		return true;
	case LDP_TLV_CONFIG_SEQ:
		if (ldp_tlv_short(r, tlen, 4))
			return true;
		if (!mplsctl_has(r, off, 4))
			return false;
		msg_printf(b, "\n\t      Sequence Number: %u", msg_u32(g, off));
		return true;
	case LDP_TLV_ADDRESS_LIST:
		return ldp_addr_list(r, off, tlen);
	case LDP_TLV_COMMON_SESSION:
		if (ldp_tlv_short(r, tlen, 8))
			return true;
		if (!mplsctl_has(r, off, 8))
			return false;
		f = msg_u16(g, off + 6);
		msg_printf(b,
			   "\n\t      Version: %u, Keepalive: %us, Flags: [Downstream %s, Loop Detection %s]",
			   msg_u16(g, off), msg_u16(g, off + 2), f & 0x8000 ? "On Demand" : "Unsolicited",
			   f & 0x4000 ? "Enabled" : "Disabled");
		return true;
	case LDP_TLV_FEC:
		return ldp_fec(r, off, tlen);
	case LDP_TLV_GENERIC_LABEL:
		if (ldp_tlv_short(r, tlen, 4))
			return true;
		if (!mplsctl_has(r, off, 4))
			return false;
		msg_printf(b, "\n\t      Label: %u", msg_u32(g, off) & 0xfffff);
		return true;
	case LDP_TLV_STATUS:
		if (ldp_tlv_short(r, tlen, 8))
			return true;
		if (!mplsctl_has(r, off, 4))
			return false;
		u = msg_u32(g, off);
		msg_printf(b, "\n\t      Status: 0x%02x, Flags: [%s and %s forward]", u & 0x3fffffff,
			   u & 0x80000000 ? "Fatal error" : "Advisory Notification",
			   u & 0x40000000 ? "do" : "don't");
		if (!mplsctl_has(r, off + 4, 4))
			return false;
		if (msg_u32(g, off + 4))
			msg_printf(b, ", causing Message ID: 0x%08x", msg_u32(g, off + 4));
		return true;
	case LDP_TLV_FT_SESSION:
		if (ldp_tlv_short(r, tlen, 12))
			return true;
		if (!mplsctl_has(r, off, 2))
			return false;
		f = msg_u16(g, off);
		msg_printf(b,
			   "\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s "
			   "Checkpoint, %sRe-Learn State]",
			   f & 0x8000 ? "" : "No ", f & 0x8 ? "" : "Don't ", f & 0x4 ? "" : "No ",
			   f & 0x2 ? "Sequence Numbered Label" : "All Labels", f & 0x1 ? "" : "Don't ");
		if (!mplsctl_has(r, off + 4, 4))
			return false;
		if (msg_u32(g, off + 4))
			msg_printf(b, ", Reconnect Timeout: %ums", msg_u32(g, off + 4));
		if (!mplsctl_has(r, off + 8, 4))
			return false;
		if (msg_u32(g, off + 8))
			msg_printf(b, ", Recovery Time: %ums", msg_u32(g, off + 8));
		return true;
	case LDP_TLV_MTU:
		if (ldp_tlv_short(r, tlen, 2))
			return true;
		if (!mplsctl_has(r, off, 2))
			return false;
		msg_printf(b, "\n\t      MTU: %u", msg_u16(g, off));
		return true;
	}
	/* the types tcpdump names without a decoder, and unknown ones: hex at -v only */
	if (r->v <= 1)
		msg_unknown_data(b, g, off, tlen, "\n\t      ");
	return true;
}

/* One TLV of a message with mtlen bytes left at off: its size, 0 to stop the message. */
static uint32_t ldp_tlv(struct mplsctl_pr *r, size_t off, uint32_t mtlen)
{
	uint16_t type, t, len;

	if (!mplsctl_has(r, off, 4))
		return 0;
	len = msg_u16(&r->g, off + 2);
	if (len + 4u > mtlen) {
		pbuf_puts(r->b, "\n\t\t TLV contents go past end of message");
		return 0;
	}
	type = msg_u16(&r->g, off);
	t = type & 0x3fff;
	pbuf_puts(r->b, "\n\t    ");
	msg_tok_put(r->b, ldp_tlv_names, "Unknown", t);
	msg_printf(r->b, " TLV (0x%04x), length: %u, Flags: [%s and %s forward if unknown]", t, len,
		   type & 0x8000 ? "continue processing" : "ignore", type & 0x4000 ? "do" : "don't");
	if (!ldp_tlv_value(r, t, off + 4, len))
		return 0;
	return len + 4u;
}

/*
 * The messages of a PDU after its header: tlen bytes from off (tcpdump's
 * u_short count); false when the rest of the packet is not printed.
 */
static bool ldp_messages(struct mplsctl_pr *r, size_t off, uint16_t tlen)
{
	struct pbuf *b = r->b;

	while (tlen > 0) {
		uint16_t mlen, type;
		uint32_t mtlen, n;
		size_t moff;

		if (!mplsctl_has(r, off, LDP_MSG_HDR_LEN))
			return false;
		mlen = msg_u16(&r->g, off + 2);
		type = msg_u16(&r->g, off) & 0x7fff;
		pbuf_puts(b, "\n\t  ");
		msg_tok_put(b, ldp_msg_names, "Unknown", type);
		if (mlen < 4) {
			msg_printf(b, " Message (0x%04x), length: %u (too short, < 4)", type, mlen);
			return false;
		}
		msg_printf(b, " Message (0x%04x), length: %u, Message ID: 0x%08x, Flags: [%s if unknown]",
			   type, mlen, msg_u32(&r->g, off + 4),
			   msg_u16(&r->g, off) & 0x8000 ? "continue processing" : "ignore");
		/* tcpdump checks the length from the message's start, not after its header */
		if (!mplsctl_has(r, off, mlen))
			return false;
		moff = off + LDP_MSG_HDR_LEN;
		mtlen = mlen - 4u;
		switch (type) {
		case LDP_MSG_NOTIF:
		case LDP_MSG_HELLO:
		case LDP_MSG_INIT:
		case LDP_MSG_KEEPALIVE:
		case LDP_MSG_ADDRESS:
		case LDP_MSG_LABEL_MAP:
		case LDP_MSG_ADDR_WITHDRAW:
		case LDP_MSG_LABEL_WITHDRAW:
			while (mtlen >= 4) {
				n = ldp_tlv(r, moff, mtlen);
				if (r->cut)
					return false;
				if (!n)
					break;
				mtlen -= n;
				moff += n;
			}
			break;
		default:
			if (r->v <= 1)
				msg_unknown_data(b, &r->g, moff, mtlen, "\n\t  ");
			break;
		}
		if (r->v > 1)
			msg_unknown_data(b, &r->g, off + LDP_MSG_HDR_LEN, mlen, "\n\t  ");
		off += mlen + 4u;
		tlen = (uint16_t)(tlen - (mlen + 4u));
	}
	return true;
}

/* One PDU at off: its size, or 0 when the rest is not printed (or r->cut). */
static uint32_t ldp_pdu(struct mplsctl_pr *r, size_t off)
{
	const char *nl = r->v ? "\n\t" : "";
	uint16_t version, pdu_len;

	if (!mplsctl_has(r, off, LDP_HDR_LEN))
		return 0;
	version = msg_u16(&r->g, off);
	if (version != 1) {
		msg_printf(r->b, "%sLDP version %u packet not supported", nl, version);
		return 0;
	}
	pdu_len = msg_u16(&r->g, off + 2);
	if (pdu_len < LDP_HDR_LEN - 4) {
		msg_printf(r->b, "%sLDP, pdu-length: %u (too short, < %u)", nl, pdu_len,
			   LDP_HDR_LEN - 4);
		return 0;
	}
	msg_printf(r->b, "%sLDP, Label-Space-ID: ", nl);
	pbuf_ip4(r->b, r->g.p + off + 4);
	msg_printf(r->b, ":%u, pdu-length: %u", msg_u16(&r->g, off + 8), pdu_len);
	if (!r->v)
		return 0;
	if (!ldp_messages(r, off + LDP_HDR_LEN, (uint16_t)(pdu_len - (LDP_HDR_LEN - 4))))
		return 0;
	return pdu_len + 4u;
}

bool proto_ldp_print(struct line *x)
{
	struct mplsctl_pr r = { .b = &x->b, .v = line_verbosity(x) };
	uint32_t len, n;
	size_t off = 0;

	msg_of(&r.g, x);
	len = r.g.len;
	/* tcpdump's ldp_print: PDUs while more than a PDU and a message header are left */
	while (len > LDP_HDR_LEN + LDP_MSG_HDR_LEN) {
		n = ldp_pdu(&r, off);
		if (!n)
			break;
		if (len < n) {
			msg_printf(r.b, " [remaining length %u < %u] (invalid)", len, n);
			break;
		}
		len -= n;
		off += n;
	}
	if (r.cut)
		return msg_trunc(x, "ldp");
	return true;
}
