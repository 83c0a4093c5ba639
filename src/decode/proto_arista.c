/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_arista.c: Arista's timestamp shim (ethertype 0xd28b), as tcpdump 4.99 prints it. */
#include "config.h"

#include <time.h>

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

/*
 * Arista switches (TapAgg) put a timestamp between a frame's addresses and
 * its ethertype:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      (ethertype 0xd28b)       |       subtype (1: timestamp)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   timescale   | format|hw info|  timestamp: 64 bits (seconds, |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  nanoseconds) or 48 bits       +
 * |  (16-bit seconds, nanoseconds) ...                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  the frame's own ethertype    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * timescale 0 TAI, 1 UTC; format 1 64-bit, 2 48-bit; hw info 0 R/R2, 1 R3.
 * The layer starts at the subtype; it holds the inner ethertype too, so what
 * follows is dispatched as after an Ethernet header.  An unknown subtype or
 * format ends decoding with nothing taken (tcpdump dumps from the subtype).
 */
#define ARISTA_ETHERTYPE	 0xd28b
#define ARISTA_SUBTYPE_TIMESTAMP 1
#define ARISTA_FORMAT_64BIT	 1
#define ARISTA_FORMAT_48BIT	 2
#define ARISTA_TS_OFF		 4

/* The timestamp's length for a version's format, 0 for one tcpdump does not know. */
static size_t arista_ts_len(uint8_t version_lo)
{
	switch (version_lo >> 4) {
	case ARISTA_FORMAT_64BIT:
		return 8;
	case ARISTA_FORMAT_48BIT:
		return 6;
	}
	return 0;
}

int proto_arista_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const uint8_t *p = pkt_peek(c, ARISTA_TS_OFF);
	size_t ts;
	uint16_t type;

	if (!p) {
		/* the subtype, when captured, tells whether more was wanted */
		const uint8_t *s = pkt_peek(c, 2);

		if (s && pkt_be16(s) != ARISTA_SUBTYPE_TIMESTAMP)
			return PKT_PROTO_NONE;
		return proto_short(m, ARISTA_TS_OFF);
	}
	ts = arista_ts_len(p[3]);
	if (pkt_be16(p) != ARISTA_SUBTYPE_TIMESTAMP || !ts)
		return PKT_PROTO_NONE;
	if (!pkt_skip(c, ARISTA_TS_OFF + ts) || !pkt_get_be16(c, &type))
		return proto_short(m, ARISTA_TS_OFF + ts + 2);
	return proto_eth_type_next(c, m, type);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok arista_subtypes[] = {
	{ ARISTA_SUBTYPE_TIMESTAMP, "Timestamp" },
	{ 0, NULL },
};

static const struct msg_tok arista_timescales[] = {
	{ 0, "TAI" },
	{ 1, "UTC" },
	{ 0, NULL },
};

static const struct msg_tok arista_formats[] = {
	{ ARISTA_FORMAT_64BIT, "64-bit" },
	{ ARISTA_FORMAT_48BIT, "48-bit" },
	{ 0, NULL },
};

static const struct msg_tok arista_hw[] = {
	{ 0, "R/R2" },
	{ 1, "R3" },
	{ 0, NULL },
};

/* The wire length of the frame the shim is in: its level's first layer's. */
static uint32_t arista_frame_len(const struct line *x)
{
	unsigned j = x->i;

	while (j > 0 && x->m->layer[j - 1].level == line_layer(x)->level)
		j--;
	return x->m->layer[j].wire_len;
}

/* "src > dst, ethertype T, length N": the link header tcpdump prints without -e for a dump. */
static void arista_link_header(struct line *x, uint16_t type)
{
	const struct pkt_eth *e = &line_level(x)->eth;

	pbuf_mac(&x->b, e->src);
	pbuf_puts(&x->b, " > ");
	pbuf_mac(&x->b, e->dst);
	pbuf_puts(&x->b, ", ");
	line_ethertype(x, type);
	pbuf_puts(&x->b, ", length ");
	pbuf_u32(&x->b, arista_frame_len(x));
	pbuf_puts(&x->b, ": ");
}

/* tcpdump's default print of the captured bytes from off, unless -x and the like dump them. */
static bool arista_dump(struct line *x, const struct msg *g, size_t off)
{
	if (!x->o->dump && !x->o->quiet && off < g->cap)
		proto_l2_default_print(&x->b, g->p + off, g->cap - off);
	return true;
}

/* "2019-05-29 20:36:39.944724424", the nanoseconds' whole seconds carried. */
static void arista_date(struct pbuf *b, uint32_t sec, uint32_t nsec)
{
	time_t t = (time_t)sec + nsec / 1000000000u;
	struct tm tm;
	char buf[64];

	if (!gmtime_r(&t, &tm)) {
		pbuf_puts(b, "gmtime() error");
		return;
	}
	if (!strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm)) {
		pbuf_puts(b, "strftime() error");
		return;
	}
	msg_printf(b, "%s.%09u", buf, nsec % 1000000000u);
}

/* After the timestamp, the inner ethertype as tcpdump's ether_common_print names it again. */
static bool arista_inner(struct line *x, const struct msg *g, size_t off)
{
	uint16_t type;

	if (!msg_has(g, off, 2))
		return msg_trunc(x, "arista");
	type = msg_u16(g, off);
	/* another shim names itself; a cut 802.1Q tag is all "[|vlan]" */
	if (type == ARISTA_ETHERTYPE)
		return false;
	if (proto_l2_vlan_cut_follows(x) &&
	    (!x->o->link || x->m->layer[x->i + 1].truncated))
		return false;
	if (!x->o->link) {
		if (line_more(x) || type <= 1500)
			return false;
		/* not decoded: the addresses and the type, then the dump */
		arista_link_header(x, type);
		return arista_dump(x, g, off + 2);
	}
	if (type <= 1500) {
		uint32_t left = g->len - (uint32_t)off - 2;

		pbuf_puts(&x->b, "802.3");
		msg_printf(&x->b, ", length %u: ", type < left ? type : left);
		return false;
	}
	/* tcpdump starts over after the shim: a length again, even after 802.1Q tags */
	line_ethertype(x, type);
	pbuf_puts(&x->b, ", length ");
	pbuf_u32(&x->b, arista_frame_len(x));
	pbuf_puts(&x->b, ": ");
	if (line_more(x))
		return false;
	return arista_dump(x, g, off + 2);
}

/* An unknown subtype or format: without -e tcpdump prints the link header again, then dumps. */
static bool arista_raw(struct line *x, const struct msg *g)
{
	if (!x->o->link)
		arista_link_header(x, ARISTA_ETHERTYPE);
	return arista_dump(x, g, 0);
}

bool proto_arista_print(struct line *x)
{
	struct pbuf *b = &x->b;
	uint32_t sec, nsec;
	uint16_t subtype;
	uint8_t v;
	struct msg g;

	msg_of(&g, x);
	/* no subtype: tcpdump's own mark, without the space */
	if (!msg_has(&g, 0, 2)) {
		pbuf_puts(b, "[|arista]");
		return true;
	}
	line_ethertype(x, ARISTA_ETHERTYPE);
	pbuf_puts(b, ", length ");
	pbuf_u32(b, arista_frame_len(x));
	pbuf_puts(b, ": SubType ");
	subtype = msg_u16(&g, 0);
	msg_tok_put(b, arista_subtypes, "Unknown", subtype);
	msg_printf(b, " (0x%04x), ", subtype);
	if (subtype != ARISTA_SUBTYPE_TIMESTAMP)
		return arista_raw(x, &g);
	if (!msg_has(&g, 2, 1))
		return msg_trunc(x, "arista");
	pbuf_puts(b, "Timescale ");
	msg_tok_put(b, arista_timescales, "Unknown", msg_u8(&g, 2));
	msg_printf(b, " (%u), ", msg_u8(&g, 2));
	if (!msg_has(&g, 3, 1))
		return msg_trunc(x, "arista");
	v = msg_u8(&g, 3);
	pbuf_puts(b, "Format ");
	msg_tok_put(b, arista_formats, "Unknown", v >> 4);
	msg_printf(b, " (%u), HwInfo ", v >> 4);
	msg_tok_put(b, arista_hw, "Unknown", v & 0x0f);
	msg_printf(b, " (%u), Timestamp ", v & 0x0f);
	switch (v >> 4) {
	case ARISTA_FORMAT_64BIT:
		if (!msg_has(&g, ARISTA_TS_OFF, 8))
			return msg_trunc(x, "arista");
		arista_date(b, msg_u32(&g, ARISTA_TS_OFF), msg_u32(&g, ARISTA_TS_OFF + 4));
		break;
	case ARISTA_FORMAT_48BIT:
		if (!msg_has(&g, ARISTA_TS_OFF, 6))
			return msg_trunc(x, "arista");
		sec = msg_u16(&g, ARISTA_TS_OFF);
		nsec = msg_u32(&g, ARISTA_TS_OFF + 2);
		msg_printf(b, "%u.%09u", sec + nsec / 1000000000u, nsec % 1000000000u);
		break;
	default:
		return arista_raw(x, &g);
	}
	pbuf_puts(b, ": ");
	return arista_inner(x, &g, ARISTA_TS_OFF + arista_ts_len(v));
}
