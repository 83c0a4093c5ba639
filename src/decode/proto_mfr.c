/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_mfr.c: Multilink Frame Relay (FRF.16.1, DLT_MFR): link integrity
 * control frames with their information elements, and fragments, the first
 * of which carries a Frame Relay frame (tcpdump's mfr_print).
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define MFR_B_BIT 0x80
#define MFR_E_BIT 0x40
#define MFR_C_BIT 0x20
#define MFR_BEC_MASK (MFR_B_BIT | MFR_E_BIT | MFR_C_BIT)
#define MFR_CTRL_FRAME MFR_BEC_MASK
#define MFR_FRAG_FRAME (MFR_B_BIT | MFR_E_BIT)
#define MFR_MIN_LEN 4
#define MFR_FRAG_HDR 2
#define MFR_IE_HDR 2
#define MFR_ID_MAXLEN 50
#define MFR_TIMEVAL_LEN 16 /* tcpdump reads a struct timeval of its own build */

/* Where a frame starts a Frame Relay frame: unfragmented, or the first fragment. */
static bool mfr_begins(const uint8_t *p)
{
	uint8_t bec = p[0] & MFR_BEC_MASK;

	return bec == MFR_FRAG_FRAME || bec == MFR_B_BIT;
}

static bool mfr_is_ctrl(const uint8_t *p)
{
	return (p[0] & MFR_BEC_MASK) == MFR_CTRL_FRAME && p[1] == 0;
}

int proto_mfr_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_layer *ly = proto_layer(m);

	proto_level(m)->link = PKT_PROTO_MFR;
	if (pkt_left(c) < MFR_FRAG_HDR)
		return proto_truncated(m);
	if (ly->wire_len < MFR_MIN_LEN)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (pkt_left(c) < MFR_MIN_LEN)
		return proto_truncated(m);
	if (mfr_is_ctrl(c->p) || !mfr_begins(c->p)) {
		ly->hdr_len = (uint32_t)pkt_left(c);
		return PKT_PROTO_NONE;
	}
	pkt_skip(c, MFR_FRAG_HDR);
	return PKT_PROTO_FR;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok mfr_flags[] = {
	{ MFR_B_BIT, "Begin" }, { MFR_E_BIT, "End" }, { MFR_C_BIT, "Control" }, { 0, NULL },
};

static const struct msg_tok mfr_msgs[] = {
	{ 1, "Add Link" },    { 2, "Add Link ACK" },	{ 3, "Add Link Reject" },
	{ 4, "Hello" },	      { 5, "Hello ACK" },	{ 6, "Remove Link" },
	{ 7, "Remove Link ACK" }, { 0, NULL },
};

static const struct msg_tok mfr_ies[] = {
	{ 1, "Bundle ID" }, { 2, "Link ID" },	      { 3, "Magic Number" },
	{ 5, "Timestamp" }, { 6, "Vendor Extension" }, { 7, "Cause" }, { 0, NULL },
};

/* A struct timeval as tcpdump's ts_print prints one (the sender's host order, read as ours). */
static void mfr_timeval(struct pbuf *b, const uint8_t *p)
{
	uint64_t sec = 0, usec = 0;

	for (unsigned i = 8; i-- > 0;) {
		sec = sec << 8 | p[i];
		usec = usec << 8 | p[8 + i];
	}
	msg_printf(b, "%02u:%02u:%02u.%06u ", (unsigned)(sec / 3600 % 24), (unsigned)(sec / 60 % 60),
		   (unsigned)(sec % 60), (unsigned)usec);
}

/* One element's value (n bytes after its header, captured); tcpdump's switch on the type. */
static void mfr_ie_value(struct pbuf *b, uint8_t type, const uint8_t *p, uint32_t n, int v)
{
	switch (type) {
	case 3:
		if (n != 4) {
			msg_printf(b, "[IE data length %d != 4] (invalid)", (int)n);
			return;
		}
		msg_printf(b, "0x%08x", (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]);
		return;
	case 1:
	case 2:
		for (uint32_t i = 0; i < n && i < MFR_ID_MAXLEN && p[i]; i++)
			msg_put_char(b, p[i]);
		return;
	case 5:
		if (n == MFR_TIMEVAL_LEN) {
			mfr_timeval(b, p);
			return;
		}
		break;
	}
	if (v <= 1)
		msg_hex_lines(b, "\n\t  ", p, n);
}

/* A control frame: its message, and with -v its elements. */
static bool mfr_ctrl_print(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	int v = line_verbosity(x);
	uint32_t off = 3, left = g->len - 3;

	pbuf_puts(b, "FRF.16 Control, Flags [");
	msg_bits_put(b, mfr_flags, "none", msg_u8(g, 0) & MFR_BEC_MASK, ", ");
	pbuf_puts(b, "], ");
	msg_tok_put(b, mfr_msgs, "Unknown Message (0x%02x)", msg_u8(g, 2));
	msg_printf(b, ", length %u", g->len);
	if (!v)
		return true;
	/* left wraps as tcpdump's unsigned count does when an element claims more than there is */
	while (left > MFR_IE_HDR) {
		uint8_t type, len;

		if (!msg_has(g, off, MFR_IE_HDR))
			return msg_trunc_put(b, "mfr");
		type = msg_u8(g, off);
		len = msg_u8(g, off + 1);
		pbuf_puts(b, "\n\tIE ");
		msg_tok_put(b, mfr_ies, "Unknown", type);
		msg_printf(b, " (%u), length %u: ", type, len);
		if (type == 0 || len <= MFR_IE_HDR)
			return true;
		if (!msg_has(g, off, len))
			return msg_trunc_put(b, "mfr");
		mfr_ie_value(b, type, g->p + off + MFR_IE_HDR, len - MFR_IE_HDR, v);
		if (v > 1)
			msg_hex_lines(b, "\n\t  ", g->p + off + MFR_IE_HDR, len - MFR_IE_HDR);
		left -= len;
		off += len;
	}
	return true;
}

bool proto_mfr_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct pbuf *b = &x->b;
	struct msg g;
	uint32_t seq;
	uint8_t flags;

	if (!msg_of(&g, x) || ly->truncated)
		return msg_trunc(x, "mfr");
	if (ly->invalid) {
		msg_printf(b, "[length %u < 4] (invalid)", g.len);
		return true;
	}
	if (mfr_is_ctrl(g.p))
		return mfr_ctrl_print(x, &g);
	flags = msg_u8(&g, 0) & MFR_BEC_MASK;
	seq = (uint32_t)(msg_u8(&g, 0) & 0x1e) << 7 | msg_u8(&g, 1);
	msg_printf(b, "FRF.16 Frag, seq %u, Flags [", seq);
	msg_bits_put(b, mfr_flags, "none", flags, ", ");
	if (mfr_begins(g.p)) {
		pbuf_puts(b, "], ");
		return false;
	}
	pbuf_putc(b, ']');
	/* print_unknown_data: the bytes that were captured, without a mark for the rest */
	msg_hex_lines(b, "\n\t", g.p, g.cap);
	return true;
}
