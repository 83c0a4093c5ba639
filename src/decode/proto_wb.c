/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_wb.c: LBL's whiteboard (wb), UDP destination port 4567 or sniff -T wb, as tcpdump's wb_print. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_media.h"

/*
 * The transport header: source site id, timestamp, version, type, flags
 * (12 bytes); then the type's body.  Every site and session id prints as an
 * IPv4 address, as tcpdump does.
 */
#define WB_HDR	     12
#define WB_ID_LEN    28 /* max slot, max page, slot, page, nid, reserved */
#define WB_IDOFF_LEN 8	/* a site id and its offset */
#define WB_RREQ_LEN  20
#define WB_PREQ_LEN  16
#define WB_PGSTATE   16
#define WB_DOP_LEN   16 /* page, start and end sequence numbers */
#define WB_DOPHDR    8	/* a drawing op's timestamp, length, flags, type */

enum { WB_DRAWOP, WB_ID, WB_RREQ, WB_RREP, WB_KILL, WB_PREQ, WB_PREP = 7 };
enum { WB_RESULT_OK, WB_RESULT_TRUNC, WB_RESULT_INVALID };

int proto_wb_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_WB;
	return PKT_PROTO_NONE;
}

const char *proto_wb_type_name(uint8_t type)
{
	static const char *const names[] = { "drawop", "id", "rreq", "rrep", "kill", "preq", NULL,
					     "prep" };

	return type <= WB_PREP ? names[type] : NULL;
}

static const struct msg_tok wb_dop_names[] = {
	{ 2, "RECT" },	  { 3, "LINE" },    { 4, "ML" },      { 5, "DEL" },  { 6, "XFORM" },
	{ 7, "ELL" },	  { 8, "CHAR" },    { 9, "STR" },     { 10, "NOP" }, { 11, "PSCODE" },
	{ 12, "PSCOMP" }, { 13, "REF" },    { 14, "SKIP" },   { 15, "HOLE" }, { 0, NULL },
};

/* " %s:%u" of a page (session id, page number) at off; the bytes must be captured. */
static void put_page(struct pbuf *b, const struct msg *g, size_t off)
{
	pbuf_ip4(b, g->p + off);
	msg_printf(b, ":%u", msg_u32(g, off + 4));
}

/* "<id:off,id:off..." of n site offsets at off; false when the capture ends first. */
static bool put_id_offs(struct pbuf *b, const struct msg *g, size_t *off, unsigned n)
{
	char c = '<';

	for (unsigned i = 0; i < n; i++, *off += WB_IDOFF_LEN) {
		if (!msg_has(g, *off, WB_IDOFF_LEN))
			return false;
		pbuf_putc(b, c);
		pbuf_ip4(b, g->p + *off);
		msg_printf(b, ":%u", msg_u32(g, *off + 4));
		c = ',';
	}
	return true;
}

/* An announcement: the pages, the site offsets and the site's name. */
static int wb_id(struct pbuf *b, const struct msg *g, size_t off, uint32_t len)
{
	unsigned nid;

	pbuf_puts(b, " wb-id:");
	if (len < WB_ID_LEN)
		return WB_RESULT_INVALID;
	len -= WB_ID_LEN;
	if (!msg_has(g, off, 24))
		return WB_RESULT_TRUNC;
	msg_printf(b, " %u/", msg_u32(g, off + 12));
	put_page(b, g, off + 16);
	msg_printf(b, " (max %u/", msg_u32(g, off));
	put_page(b, g, off + 4);
	pbuf_puts(b, ") ");
	if (!msg_has(g, off, WB_ID_LEN))
		return WB_RESULT_TRUNC;
	nid = msg_u16(g, off + 24);
	if (len < (uint32_t)WB_IDOFF_LEN * nid)
		return WB_RESULT_INVALID;
	len -= WB_IDOFF_LEN * nid;
	off += WB_ID_LEN;
	if (!put_id_offs(b, g, &off, nid))
		return WB_RESULT_TRUNC;
	pbuf_puts(b, "> \"");
	if (!msg_printjnp(b, g, off, len))
		return WB_RESULT_TRUNC;
	pbuf_putc(b, '"');
	return WB_RESULT_OK;
}

static int wb_rreq(struct pbuf *b, const struct msg *g, size_t off, uint32_t len)
{
	pbuf_puts(b, " wb-rreq:");
	if (len < WB_RREQ_LEN)
		return WB_RESULT_INVALID;
	if (!msg_has(g, off, WB_RREQ_LEN))
		return WB_RESULT_TRUNC;
	pbuf_puts(b, " please repair ");
	pbuf_ip4(b, g->p + off);
	pbuf_putc(b, ' ');
	put_page(b, g, off + 4);
	msg_printf(b, "<%u:%u>", msg_u32(g, off + 12), msg_u32(g, off + 16));
	return WB_RESULT_OK;
}

static int wb_preq(struct pbuf *b, const struct msg *g, size_t off, uint32_t len)
{
	pbuf_puts(b, " wb-preq:");
	if (len < WB_PREQ_LEN)
		return WB_RESULT_INVALID;
	if (!msg_has(g, off, 12))
		return WB_RESULT_TRUNC;
	msg_printf(b, " need %u/", msg_u32(g, off + 8));
	put_page(b, g, off);
	return msg_has(g, off, WB_PREQ_LEN) ? WB_RESULT_OK : WB_RESULT_TRUNC;
}

/*
 * Page states, as many as the count says (the capture's end stops a large
 * one); each names as many site offsets as the first byte of its 16-bit
 * count, as tcpdump reads it.
 */
static int wb_prep(struct pbuf *b, const struct msg *g, size_t off, uint32_t len)
{
	uint32_t n;

	pbuf_puts(b, " wb-prep:");
	if (len < 4)
		return WB_RESULT_INVALID;
	if (!msg_has(g, off, 4))
		return WB_RESULT_TRUNC;
	n = msg_u32(g, off);
	off += 4;
	for (; n; n--) {
		if (!msg_has(g, off, 12))
			return WB_RESULT_TRUNC;
		msg_printf(b, " %u/", msg_u32(g, off));
		put_page(b, g, off + 4);
		if (!msg_has(g, off, WB_PGSTATE))
			return WB_RESULT_TRUNC;
		{
			unsigned nid = msg_u8(g, off + 12);

			off += WB_PGSTATE;
			if (!put_id_offs(b, g, &off, nid))
				return WB_RESULT_TRUNC;
		}
		pbuf_putc(b, '>');
	}
	return WB_RESULT_OK;
}

/*
 * -v: the drawing ops from off, one a sequence number from ss to es; SKIP
 * and HOLE jump to their timestamp ("[|]" when it is out of the range).
 */
static int wb_dops(struct pbuf *b, const struct msg *g, size_t off, uint32_t ss, uint32_t es)
{
	pbuf_puts(b, " <");
	for (; ss <= es; ++ss) {
		uint8_t t;

		if (!msg_has(g, off + 7, 1))
			return WB_RESULT_TRUNC;
		t = msg_u8(g, off + 7);
		pbuf_putc(b, ' ');
		msg_tok_put(b, wb_dop_names, "dop-%u!", t);
		if (t == 14 || t == 15) {
			uint32_t ts;

			if (!msg_has(g, off, 4))
				return WB_RESULT_TRUNC;
			ts = msg_u32(g, off);
			msg_printf(b, "%u", ts - ss + 1);
			if (ss > ts || ts > es) {
				pbuf_puts(b, "[|]");
				if (ts < ss)
					return WB_RESULT_OK;
			}
			ss = ts;
		}
		if (!msg_has(g, off + 4, 2))
			return WB_RESULT_TRUNC;
		/* at least 8 bytes on: an end sequence of 2^32-1 (++ss wraps) ends at the capture's end */
		off += ((size_t)msg_u16(g, off + 4) + WB_DOPHDR + 3) & ~(size_t)3;
	}
	pbuf_puts(b, " >");
	return WB_RESULT_OK;
}

/* A drawing op (at off) or a repair reply's (at off + 4, after the original site id). */
static int wb_dop(struct pbuf *b, const struct msg *g, size_t off, uint32_t len, bool rrep,
		  unsigned verbosity)
{
	size_t dop = off + (rrep ? 4 : 0);

	pbuf_puts(b, rrep ? " wb-rrep:" : " wb-dop:");
	if (len < (rrep ? 4u : 0u) + WB_DOP_LEN)
		return WB_RESULT_INVALID;
	if (!msg_has(g, off, (rrep ? 4u : 0u) + WB_DOP_LEN))
		return WB_RESULT_TRUNC;
	pbuf_putc(b, ' ');
	if (rrep) {
		pbuf_puts(b, "for ");
		pbuf_ip4(b, g->p + off);
		pbuf_putc(b, ' ');
	}
	put_page(b, g, dop);
	msg_printf(b, "<%u:%u>", msg_u32(g, dop + 8), msg_u32(g, dop + 12));
	if (!verbosity)
		return WB_RESULT_OK;
	return wb_dops(b, g, dop + WB_DOP_LEN, msg_u32(g, dop + 8), msg_u32(g, dop + 12));
}

bool proto_wb_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	uint32_t len;
	int r;

	msg_of(&g, x);
	if (g.len < WB_HDR) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	if (!msg_has(&g, 0, WB_HDR))
		return msg_trunc_put(b, "wb");
	len = g.len - WB_HDR;
	if (msg_u8(&g, 11))
		pbuf_putc(b, '*');
	switch (msg_u8(&g, 10)) {
	case WB_KILL:
		pbuf_puts(b, " wb-kill");
		return true;
	case WB_ID:
		r = wb_id(b, &g, WB_HDR, len);
		break;
	case WB_RREQ:
		r = wb_rreq(b, &g, WB_HDR, len);
		break;
	case WB_RREP:
		r = wb_dop(b, &g, WB_HDR, len, true, line_verbosity(x));
		break;
	case WB_DRAWOP:
		r = wb_dop(b, &g, WB_HDR, len, false, line_verbosity(x));
		break;
	case WB_PREQ:
		r = wb_preq(b, &g, WB_HDR, len);
		break;
	case WB_PREP:
		r = wb_prep(b, &g, WB_HDR, len);
		break;
	default:
		msg_printf(b, " wb-%u!", msg_u8(&g, 10));
		r = WB_RESULT_INVALID;
		break;
	}
	if (r == WB_RESULT_TRUNC)
		return msg_trunc_put(b, "wb");
	if (r == WB_RESULT_INVALID)
		pbuf_puts(b, " (invalid)");
	return true;
}
