/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_sl.c: SLIP link headers (DLT_SLIP) with Van Jacobson compressed TCP: dissector, tcpdump's text. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * libpcap's SLIP pseudo header is 16 bytes: the direction (0 in, 1 out),
 * then the first bytes of the link header as received: the VJ type in the
 * high nibble of the first (0x40 IP, 0x70 uncompressed TCP, 0x80 and up
 * compressed TCP, RFC 1144), and for a compressed packet its change mask and
 * deltas.  The IP header after it is the uncompressed one.
 */
#define SL_HDR_LEN   16
#define SL_DIR	     0
#define SL_CHDR	     1
#define SL_TYPE_IP   0x40
#define SL_TYPE_UTCP 0x70
#define SL_TYPE_CTCP 0x80

/* RFC 1144 change mask bits */
#define SL_NEW_C 0x40
#define SL_NEW_I 0x20
#define SL_NEW_S 0x08
#define SL_NEW_A 0x04
#define SL_NEW_W 0x02
#define SL_NEW_U 0x01
#define SL_SPECIALS	0x0f
#define SL_SPECIAL_I (SL_NEW_S | SL_NEW_W | SL_NEW_U)
#define SL_SPECIAL_D (SL_NEW_S | SL_NEW_A | SL_NEW_W | SL_NEW_U)

int proto_sl_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const uint8_t *p;

	proto_level(m)->link = PKT_PROTO_SLIP;
	if (!pkt_peek(c, SL_HDR_LEN))
		return proto_short(m, SL_HDR_LEN);
	pkt_skip(c, SL_HDR_LEN);
	p = pkt_peek(c, 1);
	if (!p)
		return PKT_PROTO_NONE;
	switch (p[0] >> 4) {
	case 4:
		return PKT_PROTO_IPV4;
	case 6:
		return PKT_PROTO_IPV6;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/*
 * The payload length of the last TCP segment per direction and connection
 * slot: a compressed header that only says "as last time" (SPECIAL_I, _D)
 * prints it, as tcpdump does, so it is kept across packets of the capture.
 */
static uint32_t sl_lastlen[2][256];
static uint8_t sl_lastconn = 255;

/* The uncompressed IP and TCP header lengths after the SLIP header; false when cut. */
static bool sl_tcp_hdr_words(const struct msg *g, uint32_t *words)
{
	uint32_t ihl;

	if (!msg_has(g, SL_HDR_LEN, 20))
		return false;
	ihl = msg_u8(g, SL_HDR_LEN) & 0x0f;
	if (!msg_has(g, SL_HDR_LEN + ihl * 4, 20))
		return false;
	*words = ihl + (msg_u8(g, SL_HDR_LEN + ihl * 4 + 12) >> 4);
	return true;
}

/* " str%u": a delta of one byte, or of two after a zero byte; off moves past it. */
static bool sl_change(struct pbuf *b, const struct msg *g, size_t *off, const char *str, bool sig)
{
	uint32_t v;

	if (!msg_has(g, *off, 1))
		return false;
	v = msg_u8(g, *off);
	*off += 1;
	if (v == 0) {
		if (!msg_has(g, *off, 2))
			return false;
		v = msg_u16(g, *off);
		*off += 2;
		if (sig)
			v = (uint32_t)(int32_t)(int16_t)v;
	}
	if (sig)
		msg_printf(b, (int32_t)v >= 0 ? " W+%d" : " W%d", (int32_t)v);
	else
		msg_printf(b, " %s%u", str, v);
	return true;
}

static bool sl_ctcp(struct line *x, const struct msg *g, unsigned dir, uint32_t length)
{
	struct pbuf *b = &x->b;
	size_t off = SL_CHDR;
	uint32_t flags, words;

	flags = msg_u8(g, off++);
	if (flags & SL_NEW_C) {
		if (!msg_has(g, off, 1))
			return msg_trunc(x, "slip");
		sl_lastconn = msg_u8(g, off++);
		msg_printf(b, "ctcp %u", sl_lastconn);
	} else {
		pbuf_puts(b, "ctcp *");
	}
	off += 2; /* the TCP checksum */
	switch (flags & SL_SPECIALS) {
	case SL_SPECIAL_I:
		msg_printf(b, " *SA+%u", sl_lastlen[dir][sl_lastconn]);
		break;
	case SL_SPECIAL_D:
		msg_printf(b, " *S+%u", sl_lastlen[dir][sl_lastconn]);
		break;
	default:
		if (((flags & SL_NEW_U) && !sl_change(b, g, &off, "U=", false)) ||
		    ((flags & SL_NEW_W) && !sl_change(b, g, &off, "W", true)) ||
		    ((flags & SL_NEW_A) && !sl_change(b, g, &off, "A+", false)) ||
		    ((flags & SL_NEW_S) && !sl_change(b, g, &off, "S+", false)))
			return msg_trunc(x, "slip");
	}
	if ((flags & SL_NEW_I) && !sl_change(b, g, &off, "I+", false))
		return msg_trunc(x, "slip");
	if (!sl_tcp_hdr_words(g, &words))
		return msg_trunc(x, "slip");
	sl_lastlen[dir][sl_lastconn] = length - (words << 2);
	msg_printf(b, " %u (%ld): ", sl_lastlen[dir][sl_lastconn], (long)(off - SL_CHDR));
	return false;
}

/* tcpdump's sliplink_print (-e): direction, then what the link header says. */
static bool sl_link(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	uint32_t length = x->m->wirelen - SL_HDR_LEN, words;
	uint8_t dir = msg_u8(g, SL_DIR), chdr = msg_u8(g, SL_CHDR);
	bool bogus = dir > 1;

	if (bogus)
		msg_printf(b, "Invalid direction %d ", dir);
	else
		pbuf_puts(b, dir ? "O " : "I ");
	switch (chdr & 0xf0) {
	case SL_TYPE_IP:
		msg_printf(b, "ip %u: ", length + SL_HDR_LEN);
		return false;
	case SL_TYPE_UTCP:
		/* the connection slot is in the copied IP header's protocol field */
		sl_lastconn = msg_u8(g, SL_CHDR + 9);
		msg_printf(b, "utcp %u: ", sl_lastconn);
		if (bogus)
			return false;
		if (!sl_tcp_hdr_words(g, &words))
			return msg_trunc(x, "slip");
		sl_lastlen[dir][sl_lastconn] = length - (words << 2);
		return false;
	}
	if (bogus)
		return false;
	if (chdr & SL_TYPE_CTCP)
		return sl_ctcp(x, g, dir, length);
	msg_printf(b, "slip-%u!: ", chdr);
	return false;
}

bool proto_sl_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct msg g;

	if (ly->truncated || ly->invalid || !msg_of(&g, x) || !msg_has(&g, 0, SL_HDR_LEN))
		return line_trunc_sp(x, "slip");
	x->link_shown = x->o->link;
	if (x->o->link && sl_link(x, &g))
		return true;
	if (line_more(x))
		return false;
	if (!msg_has(&g, SL_HDR_LEN, 1))
		return msg_trunc(x, "slip");
	msg_printf(&x->b, "ip v%u", msg_u8(&g, SL_HDR_LEN) >> 4);
	return true;
}
