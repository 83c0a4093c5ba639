/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_lisp.c: LISP control messages (RFC 6830, UDP 4342): Map-Register and Map-Notify. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * RFC 6830 6.1.6 and 6.1.7, the header tcpdump reads of every type:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Type=3 |P|S|I|R|      Reserved               |M| Record Count  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Nonce (8 bytes)                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Key ID             |  Authentication Data Length   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                     Authentication Data                       ~
 *
 * then Record Count EID records (TTL, locator count, mask length, action
 * and A bit, map version, EID-prefix AFI and prefix), each followed by its
 * locators (priority, weight, multicast priority and weight, flags, AFI and
 * address), and with the I bit the 128-bit xTR-ID and 64-bit Site-ID.
 * tcpdump decodes only Map-Register and Map-Notify, and stops at an AFI
 * other than IPv4's and IPv6's (LCAF).
 *
 * The printer reads the bytes; the dissector only names the layer.
 */
#define LISP_HDR_LEN	  16
#define LISP_KEY_ID_OFF	  12
#define LISP_AUTH_LEN_OFF 14
#define LISP_RECORD_LEN	  12
#define LISP_LOC_LEN	  8
#define LISP_XTR_LEN	  24 /* xTR-ID and Site-ID */

#define LISP_MAP_REGISTER 3
#define LISP_MAP_NOTIFY	  4

#define LISP_AFI_IPV4 1
#define LISP_AFI_IPV6 2

int proto_lisp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_LISP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok lisp_types[] = {
	{ 0, "LISP-Reserved" },	     { 1, "LISP-Map-Request" }, { 2, "LISP-Map-Reply" },
	{ 3, "LISP-Map-Register" },  { 4, "LISP-Map-Notify" },
	{ 8, "LISP-Encapsulated-Contol-Message" }, /* sic, as tcpdump */
	{ 0, NULL },
};

static const struct msg_tok lisp_register_flags[] = {
	{ 0x08000000, "P-Proxy-Map-Reply" }, { 0x04000000, "S-LISP-SEC-Capable" },
	{ 0x02000000, "I-xTR-ID-Present" },  { 0x01000000, "R-Build-For-RTR" },
	{ 0x00000100, "M-Want-Map-Notify" }, { 0, NULL },
};

static const struct msg_tok lisp_notify_flags[] = {
	{ 0x08000000, "I-xTR-ID-Present" }, { 0x04000000, "R-Build-For-RTR" }, { 0, NULL },
};

static const struct msg_tok lisp_auth_types[] = {
	{ 0, "None" }, { 1, "SHA1" }, { 2, "SHA256" }, { 0, NULL },
};

static const struct msg_tok lisp_actions[] = {
	{ 0, "No-Action" }, { 1, "Natively-Forward" }, { 2, "Send-Map-Request" }, { 3, "Drop" },
	{ 0, NULL },
};

static const struct msg_tok lisp_loc_flags[] = {
	{ 0x0004, "Local-Locator" }, { 0x0002, "RLoc-Probed" }, { 0x0001, "Reachable" }, { 0, NULL },
};

/*
 * tcpdump's hex_print: n bytes from off as far as captured (an odd last
 * byte alone), then false when the capture ended first.
 */
static bool lisp_hex(struct pbuf *b, const struct msg *g, size_t off, size_t n, const char *ident)
{
	size_t have = off < g->cap ? g->cap - off : 0;

	if (have > n)
		have = n;
	if (have)
		msg_hex_lines(b, ident, g->p + off, have);
	return have == n;
}

/* An IPv4 or IPv6 address of the AFI at off: its size, 0 for another AFI, -1 when cut. */
static int lisp_addr(struct pbuf *b, const struct msg *g, size_t off, uint16_t afi)
{
	switch (afi) {
	case LISP_AFI_IPV4:
		if (!msg_has(g, off, 4))
			return -1;
		pbuf_ip4(b, g->p + off);
		return 4;
	case LISP_AFI_IPV6:
		if (!msg_has(g, off, 16))
			return -1;
		pbuf_ip6(b, g->p + off);
		return 16;
	}
	return 0;
}

/* One locator at *off; false when cut. */
static bool lisp_locator(struct line *x, const struct msg *g, uint16_t *off)
{
	struct pbuf *b = &x->b;
	size_t loc = *off;
	uint16_t afi;
	int n;

	if (!msg_has(g, loc, LISP_LOC_LEN))
		return false;
	*off = (uint16_t)(*off + LISP_LOC_LEN);
	afi = msg_u16(g, loc + 6);
	if (line_verbosity(x))
		pbuf_puts(b, "\n       ");
	if (afi == LISP_AFI_IPV4 || afi == LISP_AFI_IPV6) {
		/* tcpdump checks the address's bytes before printing " LOC " */
		if (!msg_has(g, *off, afi == LISP_AFI_IPV4 ? 4 : 16))
			return false;
		pbuf_puts(b, " LOC ");
		n = lisp_addr(b, g, *off, afi);
		*off = (uint16_t)(*off + n);
	}
	if (line_verbosity(x)) {
		msg_printf(b, "\n          Priority/Weight %u/%u, Multicast Priority/Weight %u/%u,",
			   msg_u8(g, loc), msg_u8(g, loc + 1), msg_u8(g, loc + 2),
			   msg_u8(g, loc + 3));
		pbuf_puts(b, " flags [");
		msg_bits_put(b, lisp_loc_flags, "none", msg_u16(g, loc + 4), ", ");
		pbuf_puts(b, "],");
	}
	return true;
}

/*
 * One EID record and its locators at *off: 1 done, 0 at an AFI tcpdump
 * does not decode (the message ends there), -1 when cut.
 */
static int lisp_record(struct line *x, const struct msg *g, uint16_t *off)
{
	struct pbuf *b = &x->b;
	size_t rec = *off;
	uint8_t act, mask, locs;
	int n;

	if (!msg_has(g, rec, LISP_RECORD_LEN))
		return -1;
	pbuf_putc(b, '\n');
	*off = (uint16_t)(*off + LISP_RECORD_LEN);
	locs = msg_u8(g, rec + 4);
	mask = msg_u8(g, rec + 5);
	if (line_verbosity(x)) {
		act = msg_u8(g, rec + 6);
		msg_printf(b, "      Record TTL %u,", msg_u32(g, rec));
		pbuf_puts(b, act & 0x10 ? " Authoritative, " : " Non-Authoritative, ");
		msg_tok_put(b, lisp_actions, "unknown", act >> 5);
		msg_printf(b, ", Map Version: %u,", msg_u16(g, rec + 8) & 0x0fff);
	}
	switch (msg_u16(g, rec + 10)) {
	case LISP_AFI_IPV4:
	case LISP_AFI_IPV6:
		break;
	default:
		return 0; /* no LCAF in tcpdump 4.99 */
	}
	/* tcpdump reads the address before printing " EID " */
	if (!msg_has(g, *off, msg_u16(g, rec + 10) == LISP_AFI_IPV4 ? 4 : 16))
		return -1;
	pbuf_puts(b, " EID ");
	n = lisp_addr(b, g, *off, msg_u16(g, rec + 10));
	*off = (uint16_t)(*off + n);
	msg_printf(b, "/%u, %u locator(s)", mask, locs);
	while (locs--)
		if (!lisp_locator(x, g, off))
			return -1;
	return 1;
}

bool proto_lisp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	uint8_t type, records;
	uint16_t off, auth_len;
	bool xtr;
	int r;

	if (!msg_of(&g, x) || !msg_has(&g, 0, LISP_HDR_LEN))
		return msg_trunc(x, "lisp");
	type = msg_u8(&g, 0) >> 4;
	msg_tok_put(b, lisp_types, "unknown-type-%u", type);
	pbuf_putc(b, ',');
	if (type != LISP_MAP_REGISTER && type != LISP_MAP_NOTIFY)
		return true;
	if (line_verbosity(x)) {
		pbuf_puts(b, " flags [");
		msg_bits_put(b, type == LISP_MAP_REGISTER ? lisp_register_flags : lisp_notify_flags,
			     "none", msg_u32(&g, 0), ", ");
		pbuf_puts(b, "],");
	}
	xtr = msg_u8(&g, 0) & (type == LISP_MAP_REGISTER ? 0x02 : 0x08);
	auth_len = msg_u16(&g, LISP_AUTH_LEN_OFF);
	records = msg_u8(&g, 3);
	if (line_verbosity(x)) {
		msg_printf(b, "\n    %u record(s), Authentication ", records);
		msg_tok_put(b, lisp_auth_types, "unknown-type", msg_u16(&g, LISP_KEY_ID_OFF));
		pbuf_putc(b, ',');
		if (!lisp_hex(b, &g, LISP_HDR_LEN, auth_len, "\n    Authentication-Data: "))
			return msg_trunc(x, "lisp");
	} else {
		msg_printf(b, " %u record(s),", records);
	}
	/* tcpdump keeps the offset in 16 bits */
	off = (uint16_t)(LISP_HDR_LEN + auth_len);
	if (!records)
		goto invalid;
	while (g.len > off && records) {
		records--;
		r = lisp_record(x, &g, &off);
		if (r < 0)
			return msg_trunc(x, "lisp");
		if (!r)
			return true;
	}
	if (xtr) {
		if (!msg_has(&g, off, LISP_XTR_LEN))
			goto invalid;
		lisp_hex(b, &g, off, 16, "\n    xTR-ID: ");
		pbuf_puts(b, "\n    SITE-ID: ");
		pbuf_u64(b, (uint64_t)msg_u32(&g, off + 16) << 32 | msg_u32(&g, off + 20));
	} else if (off < g.cap) {
		lisp_hex(b, &g, off, g.cap - off, "\n    Data: ");
	}
	return true;
invalid:
	pbuf_puts(b, " (invalid)");
	return true;
}
