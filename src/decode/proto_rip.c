/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rip.c: RIP versions 1 and 2 (RFC 1058, 2453, 4822; UDP 520) and RIPng
 * (RFC 2080; UDP 521) as tcpdump 4.99 prints them.
 */
#include "config.h"

#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define RIP_HDR_LEN	4
#define RIP_ROUTE_LEN	20
#define RIP_AUTH_LEN	16
#define RIPNG_ENTRY_LEN 20

int proto_rip_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_RIP;
	return PKT_PROTO_NONE;
}

int proto_ripng_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_RIPNG;
	return PKT_PROTO_NONE;
}

static const struct msg_tok rip_cmds[] = {
	{ 1, "Request" }, { 2, "Response" },	{ 3, "Trace on" },
	{ 4, "Trace off" }, { 5, "Poll" },	{ 6, "Poll Entry" },
	{ 0, NULL },
};

/* BSD address families, as tcpdump names them */
static const struct msg_tok bsd_afs[] = {
	{ 2, "IPv4" },	{ 6, "NS" },	 { 7, "ISO" },	  { 16, "Appletalk" },
	{ 23, "IPX" },	{ 24, "IPv6" }, { 28, "IPv6" }, { 30, "IPv6" },
	{ 0, NULL },
};

/* tcpdump's print_unknown_data: hex lines of what was captured of n bytes at off. */
static void rip_hex(struct pbuf *b, const struct msg *g, size_t off, uint32_t n, const char *ident)
{
	size_t cap = off < g->cap ? g->cap - off : 0;

	msg_hex_lines(b, ident, g->p + off, n < cap ? n : cap);
}

/* A v1 entry; its size, or 0 when the message or the capture ends first. */
static int rip_entry_v1(struct pbuf *b, const struct msg *g, size_t p, uint32_t remaining)
{
	uint16_t family;

	if (remaining < RIP_ROUTE_LEN || !msg_has(g, p, RIP_ROUTE_LEN))
		return 0;
	family = msg_u16(g, p);
	if (family != 2 && family != 0) {
		pbuf_puts(b, "\n\t AFI ");
		msg_tok_put(b, bsd_afs, "Unknown (%u)", family);
		pbuf_puts(b, ", ");
		rip_hex(b, g, p + 4, RIP_ROUTE_LEN - 4, "\n\t  ");
		return RIP_ROUTE_LEN;
	}
	if (msg_u16(g, p + 2) || msg_u32(g, p + 8) || msg_u32(g, p + 12)) {
		rip_hex(b, g, p, RIP_ROUTE_LEN, "\n\t  ");
		return RIP_ROUTE_LEN;
	}
	pbuf_puts(b, family == 0 ? "\n\t  AFI 0, " : "\n\t  ");
	pbuf_ip4(b, g->p + p + 4);
	msg_printf(b, ", metric: %u", msg_u32(g, p + 16));
	return RIP_ROUTE_LEN;
}

/* A v2 entry or authentication; its size, or 0 when the message or the capture ends first. */
static int rip_entry_v2(struct pbuf *b, const struct msg *g, size_t p, uint32_t remaining)
{
	uint16_t family;

	if (remaining < 4 || !msg_has(g, p, 4))
		return 0;
	family = msg_u16(g, p);
	if (family == 0xffff) {
		uint16_t auth = msg_u16(g, p + 2);

		p += 4;
		remaining -= 4;
		if (auth == 2) {
			pbuf_puts(b, "\n\t  Simple Text Authentication data: ");
			if (!msg_printjnp(b, g, p, RIP_AUTH_LEN))
				return 0;
		} else if (auth == 3) {
			if (remaining < 16 || !msg_has(g, p, 16))
				return 0;
			msg_printf(b,
				   "\n\t  Auth header: Packet Len %u, Key-ID %u, Auth Data Len %u, SeqNo %u, MBZ %u, MBZ %u",
				   msg_u16(g, p), msg_u8(g, p + 2), msg_u8(g, p + 3), msg_u32(g, p + 4),
				   msg_u32(g, p + 8), msg_u32(g, p + 12));
		} else {
			if (auth == 1)
				pbuf_puts(b, "\n\t  Auth trailer:");
			else
				msg_printf(b, "\n\t  Unknown (%u) Authentication data:", auth);
			rip_hex(b, g, p, remaining, "\n\t  ");
			/* it runs to the end of the packet */
			return (int)(4 + remaining);
		}
	} else if (family != 2 && family != 0) {
		pbuf_puts(b, "\n\t  AFI ");
		msg_tok_put(b, bsd_afs, "Unknown (%u)", family);
		rip_hex(b, g, p + 4, RIP_ROUTE_LEN - 4, "\n\t  ");
	} else {
		char ip[16];
		struct pbuf ib;

		if (remaining < RIP_ROUTE_LEN || !msg_has(g, p, RIP_ROUTE_LEN))
			return 0;
		pbuf_init(&ib, ip, sizeof(ip));
		pbuf_ip4(&ib, g->p + p + 4);
		pbuf_puts(b, "\n\t  AFI ");
		msg_tok_put(b, bsd_afs, "%u", family);
		msg_printf(b, ", %15.*s/%-2d, tag 0x%04x, metric: %u, next-hop: ",
			   (int)pbuf_finish(&ib, sizeof(ip)), ip, msg_mask_plen(msg_u32(g, p + 8)),
			   msg_u16(g, p + 2), msg_u32(g, p + 16));
		if (msg_u32(g, p + 12))
			pbuf_ip4(b, g->p + p + 12);
		else
			pbuf_puts(b, "self");
	}
	return RIP_ROUTE_LEN;
}

bool proto_rip_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned verbosity = line_verbosity(x);
	uint8_t vers, cmd;
	uint32_t left;
	size_t p = RIP_HDR_LEN;
	struct msg g;

	msg_of(&g, x);
	/* tcpdump 4.99 walks what was captured of the message */
	left = g.cap;
	if (left < RIP_HDR_LEN)
		return msg_trunc(x, "rip");
	/* its reads and hex dumps may go on to the end of the IP packet, as tcpdump's */
	g.cap = msg_snap_cap(x, &g);
	left -= RIP_HDR_LEN;
	vers = msg_u8(&g, 1);
	cmd = msg_u8(&g, 0);
	msg_printf(b, "%sRIPv%u, ", verbosity ? "\n\t" : "", vers);
	msg_tok_put(b, rip_cmds, "unknown command (%u)", cmd);
	msg_printf(b, ", length: %u", g.len);
	if (!verbosity)
		return true;
	switch (cmd) {
	case 1:
	case 2:
		if (vers != 1 && vers != 2) {
			pbuf_puts(b, ", unknown version");
			break;
		}
		/* tcpdump's estimate: the whole length, header and auth included, by 20. */
		msg_printf(b, ", routes: %u%s", g.len / RIP_ROUTE_LEN,
			   vers == 2 ? " or less" : "");
		while (left) {
			int n = vers == 1 ? rip_entry_v1(b, &g, p, left) : rip_entry_v2(b, &g, p, left);

			if (n <= 0) {
				/* tcpdump marks it and still shows the -vv hex below */
				msg_trunc_put(b, "rip");
				break;
			}
			if (left < (uint32_t)n) {
				msg_printf(b, " [remaining entries length %u < %d] (invalid)", left, n);
				break;
			}
			p += (size_t)n;
			left -= (uint32_t)n;
		}
		break;
	case 3:
	case 4:
	case 5:
	case 6:
		break;
	default:
		if (verbosity <= 1)
			rip_hex(b, &g, 0, g.len, "\n\t");
		break;
	}
	if (verbosity > 1)
		rip_hex(b, &g, 0, g.len, "\n\t");
	return true;
}

/* A RIPng entry: "prefix/len", its tag, and (in responses) its metric. */
static void ripng_entry(struct pbuf *b, const struct msg *g, size_t p, bool metric)
{
	pbuf_ip6(b, g->p + p);
	msg_printf(b, "/%u", msg_u8(g, p + 18));
	if (msg_u16(g, p + 16))
		msg_printf(b, " [%u]", msg_u16(g, p + 16));
	if (metric && msg_u8(g, p + 19))
		msg_printf(b, " (%u)", msg_u8(g, p + 19));
}

bool proto_ripng_print(struct line *x)
{
	static const uint8_t unspecified[16];
	struct pbuf *b = &x->b;
	unsigned verbosity = line_verbosity(x);
	uint32_t left, n;
	uint8_t cmd;
	struct msg g;
	size_t p;

	msg_of(&g, x);
	if (!msg_has(&g, 0, 2))
		return msg_trunc(x, "ripng");
	if (msg_u8(&g, 1) != 1) {
		msg_printf(b, " [vers %u] (invalid)", msg_u8(&g, 1));
		return true;
	}
	cmd = msg_u8(&g, 0);
	if (cmd != 1 && cmd != 2) {
		msg_printf(b, " ripng-%u ?? %u (invalid)", cmd, g.len);
		return true;
	}
	if (g.len < RIP_HDR_LEN) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	left = g.len - RIP_HDR_LEN;
	n = left / RIPNG_ENTRY_LEN;
	if (cmd == 1 && n == 1) {
		if (!msg_has(&g, RIP_HDR_LEN, RIPNG_ENTRY_LEN))
			return msg_trunc(x, "ripng");
		if (msg_u8(&g, RIP_HDR_LEN + 19) == 16 &&
		    !memcmp(g.p + RIP_HDR_LEN, unspecified, 16)) {
			pbuf_puts(b, " ripng-req dump");
			return true;
		}
	}
	msg_printf(b, cmd == 1 ? " ripng-req %u" : " ripng-resp %u", n);
	if (n * RIPNG_ENTRY_LEN != left)
		msg_printf(b, "[%u]", g.len);
	pbuf_putc(b, ':');
	for (p = RIP_HDR_LEN; left >= RIPNG_ENTRY_LEN; left -= RIPNG_ENTRY_LEN, p += RIPNG_ENTRY_LEN) {
		pbuf_puts(b, verbosity > 1 ? "\n\t" : " ");
		if (!msg_has(&g, p, RIPNG_ENTRY_LEN))
			return msg_trunc(x, "ripng");
		ripng_entry(b, &g, p, cmd == 2);
	}
	if (left)
		pbuf_puts(b, " (invalid)");
	return true;
}
