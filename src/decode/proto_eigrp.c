/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_eigrp.c: Cisco EIGRP (RFC 7868, IP protocol 88) as tcpdump 4.99 prints it. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define EIGRP_HDR_LEN 20
#define EIGRP_TLV_HDR_LEN 4

int proto_eigrp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->trans = PKT_PROTO_EIGRP;
	return PKT_PROTO_NONE;
}

static const struct msg_tok eigrp_opcodes[] = {
	{ 1, "Update" }, { 3, "Query" },   { 4, "Reply" }, { 5, "Hello" },
	{ 6, "IPX SAP" }, { 7, "Probe" }, { 0, NULL },
};

static const struct msg_tok eigrp_flags[] = {
	{ 0x01, "Init" }, { 0x02, "Conditionally Received" }, { 0x04, "Restart" },
	{ 0x08, "End-of-Table" }, { 0, NULL },
};

static const struct msg_tok eigrp_tlvs[] = {
	{ 0x0001, "General Parameters" },	 { 0x0002, "Authentication" },
	{ 0x0003, "Sequence" },			 { 0x0004, "Software Version" },
	{ 0x0005, "Next Multicast Sequence" },	 { 0x0102, "IP Internal routes" },
	{ 0x0103, "IP External routes" },	 { 0x0202, "AppleTalk Internal routes" },
	{ 0x0203, "AppleTalk External routes" }, { 0x0204, "AppleTalk Cable setup" },
	{ 0x0302, "IPX Internal routes" },	 { 0x0303, "IPX External routes" },
	{ 0, NULL },
};

static const struct msg_tok eigrp_ext_protos[] = {
	{ 0x01, "IGRP" }, { 0x02, "EIGRP" }, { 0x03, "Static" }, { 0x04, "RIP" },
	{ 0x05, "Hello" }, { 0x06, "OSPF" }, { 0x07, "IS-IS" }, { 0x08, "EGP" },
	{ 0x09, "BGP" },  { 0x0a, "IDRP" },  { 0x0b, "Connected" }, { 0, NULL },
};

/* The body sizes tcpdump requires of each route TLV (its structs, destination's first byte included). */
enum { EIGRP_IP_INT_LEN = 22, EIGRP_IP_EXT_LEN = 42, EIGRP_AT_CABLE_LEN = 8,
       EIGRP_AT_INT_LEN = 24, EIGRP_AT_EXT_LEN = 40 };

/* "delay 10 ms, bandwidth ...": the metric block at off. */
static void eigrp_metric(struct pbuf *b, const struct msg *g, size_t off)
{
	msg_printf(b,
		   "\n\t      delay %u ms, bandwidth %u Kbps, mtu %u, hop %u, reliability %u, load %u",
		   msg_u32(g, off) / 100, msg_u32(g, off + 4), msg_u24(g, off + 8),
		   msg_u8(g, off + 11), msg_u8(g, off + 12), msg_u8(g, off + 13));
}

/* An IPv4 route's prefix (plen at off, its bytes after) and next hop; false when cut short. */
static bool eigrp_ip_route(struct pbuf *b, const struct msg *g, size_t plen_off, size_t nh)
{
	unsigned bits = msg_u8(g, plen_off), bytes;
	uint8_t prefix[4] = { 0 };
	char ip[16];
	struct pbuf ib;

	if (bits > 32) {
		msg_printf(b, "\n\t    illegal prefix length %u", bits);
		return true;
	}
	bytes = (bits + 7) / 8;
	if (!msg_has(g, plen_off + 1, bytes))
		return false;
	for (unsigned i = 0; i < bytes; i++)
		prefix[i] = msg_u8(g, plen_off + 1 + i);
	pbuf_init(&ib, ip, sizeof(ip));
	pbuf_ip4(&ib, prefix);
	msg_printf(b, "\n\t    IPv4 prefix: %15.*s/%u, nexthop: ", (int)pbuf_finish(&ib, sizeof(ip)),
		   ip, bits);
	if (!msg_u32(g, nh))
		pbuf_puts(b, "self");
	else
		pbuf_ip4(b, g->p + nh);
	return true;
}

static void eigrp_at_nexthop(struct pbuf *b, const struct msg *g, size_t cable, size_t nh)
{
	msg_printf(b, "\n\t     Cable-Range: %u-%u, nexthop: ", msg_u16(g, cable), msg_u16(g, cable + 2));
	if (!msg_u32(g, nh))
		pbuf_puts(b, "self");
	else
		msg_printf(b, "%u.%u", msg_u16(g, nh), msg_u16(g, nh + 2));
}

/* One TLV's value of vlen bytes at v (captured); false when it is cut short. */
static bool eigrp_tlv(struct pbuf *b, const struct msg *g, uint16_t type, size_t v, uint32_t vlen,
		      unsigned verbosity)
{
	static const struct {
		uint16_t type;
		uint32_t need;
	} sizes[] = { { 0x0001, 8 },
		      { 0x0004, 4 },
		      { 0x0102, EIGRP_IP_INT_LEN },
		      { 0x0103, EIGRP_IP_EXT_LEN },
		      { 0x0204, EIGRP_AT_CABLE_LEN },
		      { 0x0202, EIGRP_AT_INT_LEN },
		      { 0x0203, EIGRP_AT_EXT_LEN } };

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (sizes[i].type == type && vlen < sizes[i].need) {
			msg_printf(b, " (too short, < %u)", EIGRP_TLV_HDR_LEN + sizes[i].need);
			return true;
		}
	}
	switch (type) {
	case 0x0001:
		msg_printf(b, "\n\t    holdtime: %us, k1 %u, k2 %u, k3 %u, k4 %u, k5 %u",
			   msg_u16(g, v + 6), msg_u8(g, v), msg_u8(g, v + 1), msg_u8(g, v + 2),
			   msg_u8(g, v + 3), msg_u8(g, v + 4));
		break;
	case 0x0004:
		msg_printf(b, "\n\t    IOS version: %u.%u, EIGRP version %u.%u", msg_u8(g, v),
			   msg_u8(g, v + 1), msg_u8(g, v + 2), msg_u8(g, v + 3));
		break;
	case 0x0102:
		if (!eigrp_ip_route(b, g, v + 20, v))
			return false;
		if (msg_u8(g, v + 20) <= 32)
			eigrp_metric(b, g, v + 4);
		break;
	case 0x0103:
		if (!eigrp_ip_route(b, g, v + 40, v))
			return false;
		if (msg_u8(g, v + 40) > 32)
			break;
		pbuf_puts(b, "\n\t      origin-router ");
		pbuf_ip4(b, g->p + v + 4);
		msg_printf(b, ", origin-as %u, origin-proto ", msg_u32(g, v + 8));
		msg_tok_put(b, eigrp_ext_protos, "unknown", msg_u8(g, v + 22));
		msg_printf(b, ", flags [0x%02x], tag 0x%08x, metric %u", msg_u8(g, v + 23),
			   msg_u32(g, v + 12), msg_u32(g, v + 16));
		eigrp_metric(b, g, v + 24);
		break;
	case 0x0204:
		msg_printf(b, "\n\t    Cable-range: %u-%u, Router-ID %u", msg_u16(g, v), msg_u16(g, v + 2),
			   msg_u32(g, v + 4));
		break;
	case 0x0202:
		eigrp_at_nexthop(b, g, v + 20, v);
		eigrp_metric(b, g, v + 4);
		break;
	case 0x0203:
		eigrp_at_nexthop(b, g, v + 36, v);
		msg_printf(b, "\n\t      origin-router %u, origin-as %u, origin-proto ", msg_u32(g, v + 4),
			   msg_u32(g, v + 8));
		msg_tok_put(b, eigrp_ext_protos, "unknown", msg_u8(g, v + 16));
		msg_printf(b, ", flags [0x%02x], tag 0x%08x, metric %u", msg_u8(g, v + 17),
			   msg_u32(g, v + 12), msg_u16(g, v + 18));
		eigrp_metric(b, g, v + 20);
		break;
	default:
		if (verbosity <= 1)
			msg_hex_lines(b, "\n\t    ", g->p + v, vlen);
		break;
	}
	return true;
}

bool proto_eigrp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned verbosity = line_verbosity(x);
	struct msg g;
	size_t off;
	uint32_t tlen;

	line_addrs(x, false, 0, 0);
	if (!msg_of(&g, x) || !msg_has(&g, 0, 2))
		return msg_trunc(x, "eigrp");
	tlen = g.len;
	off = 0;
	if (g.len < EIGRP_HDR_LEN) {
		pbuf_puts(b, "EIGRP ");
		msg_tok_put(b, eigrp_opcodes, "unknown (%u)", msg_u8(&g, 1));
		msg_printf(b, ", length: %u (too short, < %u)", g.len, EIGRP_HDR_LEN);
		goto remainder;
	}
	if (msg_u8(&g, 0) != 2) {
		msg_printf(b, "EIGRP version %u packet not supported", msg_u8(&g, 0));
		goto remainder;
	}
	if (!verbosity) {
		pbuf_puts(b, "EIGRP ");
		msg_tok_put(b, eigrp_opcodes, "unknown (%u)", msg_u8(&g, 1));
		msg_printf(b, ", length: %u", g.len);
		goto remainder;
	}
	if (!msg_has(&g, 0, EIGRP_HDR_LEN))
		return msg_trunc(x, "eigrp");
	tlen -= EIGRP_HDR_LEN;
	msg_printf(b, "\n\tEIGRP v%u, opcode: ", msg_u8(&g, 0));
	msg_tok_put(b, eigrp_opcodes, "unknown, type: %u", msg_u8(&g, 1));
	msg_printf(b, " (%u), chksum: 0x%04x, Flags: [", msg_u8(&g, 1), msg_u16(&g, 2));
	msg_bits_put(b, eigrp_flags, "none", msg_u32(&g, 4), ", ");
	msg_printf(b, "]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %u, AS: %u, length: %u", msg_u32(&g, 8),
		   msg_u32(&g, 12), msg_u16(&g, 16), msg_u16(&g, 18), tlen);
	off = EIGRP_HDR_LEN;
	while (tlen) {
		uint16_t type, len;

		if (tlen < EIGRP_TLV_HDR_LEN) {
			msg_printf(b, "\n\t  (only %u bytes of data) (invalid)", tlen);
			goto remainder;
		}
		if (!msg_has(&g, off, EIGRP_TLV_HDR_LEN))
			return msg_trunc(x, "eigrp");
		type = msg_u16(&g, off);
		len = msg_u16(&g, off + 2);
		pbuf_puts(b, "\n\t  ");
		msg_tok_put(b, eigrp_tlvs, "Unknown", type);
		msg_printf(b, " TLV (0x%04x), length: %u", type, len);
		if (len < EIGRP_TLV_HDR_LEN || len > tlen) {
			pbuf_puts(b, " (invalid)");
			goto remainder;
		}
		if (!msg_has(&g, off, len) ||
		    !eigrp_tlv(b, &g, type, off + EIGRP_TLV_HDR_LEN, len - EIGRP_TLV_HDR_LEN,
			       verbosity))
			return msg_trunc(x, "eigrp");
		if (verbosity > 1)
			msg_hex_lines(b, "\n\t    ", g.p + off + EIGRP_TLV_HDR_LEN,
				      len - EIGRP_TLV_HDR_LEN);
		off += len;
		tlen -= len;
	}
	return true;
remainder:
	/* tcpdump checks the rest was captured before it leaves the message */
	if (!msg_has(&g, off, tlen))
		return msg_trunc(x, "eigrp");
	return true;
}
