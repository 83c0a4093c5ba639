/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_geonet.c: ETSI GeoNetworking (ethertypes 0x8947 and the old 0x0707)
 * and ISO CALM FAST (0x1111), the vehicular networks' non-IP headers.
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * ETSI TS 102 636-4-1 common header, as tcpdump reads it (36 bytes):
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| NH    | HT    | HST   |   reserved    |   (flags)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Payload length         |  Traffic class|   Hop limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Source long position vector (28 bytes): GN_ADDR (8),        |
 * |   timestamp (4), latitude (4), longitude (4), speed, heading  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Then the extended header of the header type (only Beacon and the
 * topologically-scoped broadcasts have a size tcpdump knows), a BTP header
 * (EN 302 636-5-1: destination and source ports) and the ITS PDU header.
 *
 * CALM FAST (ISO 29281): a source and a destination network reference byte.
 *
 * The printers read the bytes; the dissectors only name the layer.
 */
#define GEONET_COMMON_LEN 36
#define GEONET_ADDR_OFF	  8
#define GEONET_ADDR_LEN	  8
#define GEONET_LAT_OFF	  20
#define GEONET_LON_OFF	  24
#define GEONET_TSB_MH_EXT 32 /* a multi-hop topologically-scoped broadcast's extended header */
#define GEONET_BTP_LEN	  4

int proto_geonet_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_GEONET;
	return PKT_PROTO_NONE;
}

int proto_calm_fast_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_CALM_FAST;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok geonet_its_msgs[] = {
	{ 0, "CAM" },	  { 1, "DENM" },   { 101, "TPEGM" }, { 102, "TSPDM" },
	{ 103, "VPM" },	  { 104, "SRM" },  { 105, "SLAM" },  { 106, "ecoCAM" },
	{ 107, "ITM" },	  { 150, "SA" },   { 0, NULL },
};

static const char *const geonet_next_names[] = { "Any", "BTP-A", "BTP-B", "IPv6" };

/* The header type's name (with its subtype), "Unknown" for the rest. */
static const char *proto_geonet_type_name(unsigned type, unsigned sub)
{
	static const char *const anycast[] = { "GeoAnycastCircle", "GeoAnycastRect",
					       "GeoAnycastElipse" };
	static const char *const broadcast[] = { "GeoBroadcastCircle", "GeoBroadcastRect",
						 "GeoBroadcastElipse" };

	switch (type) {
	case 0:
		return "Any";
	case 1:
		return "Beacon";
	case 2:
		return "GeoUnicast";
	case 3:
		return sub < 3 ? anycast[sub] : "Unknown";
	case 4:
		return sub < 3 ? broadcast[sub] : "Unknown";
	case 5:
		return sub == 0 ? "TopoScopeBcast-SH" : sub == 1 ? "TopoScopeBcast-MH" : "Unknown";
	case 6:
		return sub == 0 ? "LocService-Request" : sub == 1 ? "LocService-Reply" : "Unknown";
	}
	return "Unknown";
}

/* The extended header's size tcpdump skips, or -1 when it does not know it. */
static int geonet_ext_size(unsigned type, unsigned sub)
{
	if (type <= 1 || (type == 5 && sub == 0))
		return 0;
	if (type == 5 && sub == 1)
		return GEONET_TSB_MH_EXT;
	return -1;
}

/* tcpdump's "src:MAC": only behind an Ethernet header, whose source it is. */
static void geonet_src(struct line *x, const char *sep)
{
	const struct pkt_level *l = line_level(x);

	if (l->link != PKT_PROTO_ETH)
		return;
	pbuf_puts(&x->b, sep);
	pbuf_mac(&x->b, l->eth.src);
}

/*
 * ND_DEFAULTPRINT with -v: the rest of the message in hex and text, then
 * the protocol's cut mark when the capture ends first.
 */
static bool geonet_rest(struct line *x, const struct msg *g, size_t off, const char *what)
{
	size_t n = g->len - off, have = off < g->cap ? g->cap - off : 0;

	if (!line_verbosity(x) || !n)
		return true;
	msg_hex_ascii_lines(&x->b, "\n\t", g->p + (off < g->cap ? off : g->cap),
			    have < n ? have : n);
	if (have < n)
		return msg_trunc(x, what);
	return true;
}

static bool geonet_long_pos_vector(struct pbuf *b, const struct msg *g)
{
	if (!msg_has(g, GEONET_ADDR_OFF, GEONET_ADDR_LEN))
		return false;
	pbuf_puts(b, "GN_ADDR:");
	for (unsigned i = 0; i < GEONET_ADDR_LEN; i++) {
		if (i)
			pbuf_putc(b, ':');
		pbuf_hex(b, msg_u8(g, GEONET_ADDR_OFF + i), 2);
	}
	pbuf_putc(b, ' ');
	if (!msg_has(g, GEONET_LAT_OFF, 4))
		return false;
	msg_printf(b, "lat:%u ", msg_u32(g, GEONET_LAT_OFF));
	if (!msg_has(g, GEONET_LON_OFF, 4))
		return false;
	msg_printf(b, "lon:%u", msg_u32(g, GEONET_LON_OFF));
	return true;
}

/* BTP-A/B's ports and the ITS PDU header after them; false when cut. */
static bool geonet_btp(struct pbuf *b, const struct msg *g, size_t off, size_t left)
{
	uint8_t type;

	if (!msg_has(g, off, 2))
		return false;
	msg_printf(b, "; BTP Dst:%u", msg_u16(g, off));
	if (!msg_has(g, off + 2, 2))
		return false;
	msg_printf(b, " Src:%u", msg_u16(g, off + 2));
	if (left - GEONET_BTP_LEN < 2)
		return true;
	off += GEONET_BTP_LEN;
	if (!msg_has(g, off, 1))
		return false;
	msg_printf(b, "; ItsPduHeader v:%u", msg_u8(g, off));
	if (!msg_has(g, off + 1, 1))
		return false;
	type = msg_u8(g, off + 1);
	msg_printf(b, " t:%u-", type);
	msg_tok_put(b, geonet_its_msgs, "unknown (%u)", type);
	return true;
}

bool proto_geonet_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	unsigned next, type, sub;
	size_t off, left;
	int ext;

	pbuf_puts(b, "GeoNet ");
	geonet_src(x, "src:");
	pbuf_puts(b, "; ");
	msg_of(&g, x);
	if (g.len < GEONET_COMMON_LEN) {
		msg_printf(b, " (common header length %u < 36)", g.len);
		goto invalid;
	}
	if (!msg_has(&g, 0, 8))
		return msg_trunc(x, "geonet");
	next = msg_u8(&g, 0) & 0x0f;
	type = msg_u8(&g, 1) >> 4;
	sub = msg_u8(&g, 1) & 0x0f;
	msg_printf(b, "v:%u NH:%u-%s ", msg_u8(&g, 0) >> 4, next,
		   next < 4 ? geonet_next_names[next] : "Unknown");
	msg_printf(b, "HT:%u-%u-%s ", type, sub, proto_geonet_type_name(type, sub));
	msg_printf(b, "HopLim:%u Payload:%u ", msg_u8(&g, 7), msg_u16(&g, 4));
	if (!geonet_long_pos_vector(b, &g) || !msg_has(&g, 0, GEONET_COMMON_LEN))
		return msg_trunc(x, "geonet");
	off = GEONET_COMMON_LEN;
	left = g.len - off;
	ext = geonet_ext_size(type, sub);
	if (ext >= 0) {
		if (left < (size_t)ext) {
			msg_printf(b, " (header size %d > %zu)", ext, left);
			goto invalid;
		}
		if (!msg_has(&g, off, (size_t)ext))
			return msg_trunc(x, "geonet");
		off += (size_t)ext;
		left -= (size_t)ext;
		if (next == 1 || next == 2) {
			if (left < GEONET_BTP_LEN) {
				msg_printf(b, " (BTP length %zu < 4)", left);
				goto invalid;
			}
			if (!geonet_btp(b, &g, off, left))
				return msg_trunc(x, "geonet");
			off += GEONET_BTP_LEN;
		}
	}
	return geonet_rest(x, &g, off, "geonet");
invalid:
	pbuf_puts(b, " (invalid)");
	return true;
}

bool proto_calm_fast_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;

	pbuf_puts(b, "CALM FAST");
	geonet_src(x, " src:");
	pbuf_puts(b, "; ");
	msg_of(&g, x);
	if (g.len < 2) {
		msg_printf(b, " (length %u < 2) (invalid)", g.len);
		if (g.cap < g.len)
			return msg_trunc(x, "calm_fast");
		return true;
	}
	if (!msg_has(&g, 0, 1))
		return msg_trunc(x, "calm_fast");
	msg_printf(b, "SrcNwref:%u; ", msg_u8(&g, 0));
	if (!msg_has(&g, 1, 1))
		return msg_trunc(x, "calm_fast");
	msg_printf(b, "DstNwref:%u; ", msg_u8(&g, 1));
	return geonet_rest(x, &g, 2, "calm_fast");
}
