/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_igp.c: JSON of the interior routing protocols (OSPF, RIP, Babel, EIGRP) and PIM, read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_igp.h"

/* A 4-byte id or address as a dotted quad. */
static void put_quad(struct fmt_details *d, const char *key, const uint8_t *p)
{
	char buf[16];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	pbuf_ip4(&b, p);
	fmt_details_str_len(d, key, buf, pbuf_finish(&b, sizeof(buf)));
}

static void put_pim(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "pim");
	fmt_details_u64(d, "version", msg_u8(g, 0) >> 4);
	fmt_details_u64(d, "type", msg_u8(g, 0) & 0x0f);
	if (msg_has(g, 0, 4))
		fmt_details_u64(d, "checksum", msg_u16(g, 2));
	fmt_details_object_end(d);
}

/* OSPFv2 and OSPFv3 share the first 12 bytes: version, type, length, router and area ids. */
static void put_ospf(struct fmt_details *d, const struct msg *g)
{
	uint8_t version = msg_u8(g, 0);

	fmt_details_object_begin(d, "ospf");
	fmt_details_u64(d, "version", version);
	fmt_details_u64(d, "type", msg_u8(g, 1));
	fmt_details_u64(d, "length", msg_u16(g, 2));
	put_quad(d, "router_id", g->p + 4);
	put_quad(d, "area_id", g->p + 8);
	if (version == 2 && msg_has(g, 0, 16))
		fmt_details_u64(d, "auth_type", msg_u16(g, 14));
	else if (version == 3 && msg_has(g, 0, 16))
		fmt_details_u64(d, "instance_id", msg_u8(g, 14));
	fmt_details_object_end(d);
}

static void put_eigrp(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "eigrp");
	fmt_details_u64(d, "version", msg_u8(g, 0));
	fmt_details_u64(d, "opcode", msg_u8(g, 1));
	fmt_details_u64(d, "flags", msg_u32(g, 4));
	fmt_details_u64(d, "seq", msg_u32(g, 8));
	fmt_details_u64(d, "ack", msg_u32(g, 12));
	fmt_details_u64(d, "vrid", msg_u16(g, 16));
	fmt_details_u64(d, "as", msg_u16(g, 18));
	fmt_details_object_end(d);
}

/* RIP and RIPng: command, version, and the route entries counted (20 bytes each in both). */
static void put_rip(struct fmt_details *d, const char *key, const struct msg *g)
{
	fmt_details_object_begin(d, key);
	fmt_details_u64(d, "command", msg_u8(g, 0));
	fmt_details_u64(d, "version", msg_u8(g, 1));
	fmt_details_u64(d, "entries", (g->len - 4) / 20);
	fmt_details_object_end(d);
}

static void put_babel(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "babel");
	fmt_details_u64(d, "magic", msg_u8(g, 0));
	fmt_details_u64(d, "version", msg_u8(g, 1));
	fmt_details_u64(d, "body_len", msg_u16(g, 2));
	fmt_details_object_end(d);
}

static void put_autorp(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "autorp");
	fmt_details_u64(d, "type", msg_u8(g, 0));
	fmt_details_u64(d, "rp_count", msg_u8(g, 1));
	fmt_details_u64(d, "holdtime", msg_u16(g, 2));
	fmt_details_object_end(d);
}

bool view_packet_igp(struct fmt_details *d, const struct pkt_meta *m, const uint8_t *data,
			 const struct pkt_layer *ly)
{
	struct msg g;
	bool have;

	switch (ly->proto) {
	case PKT_PROTO_PIM:
	case PKT_PROTO_OSPF:
	case PKT_PROTO_EIGRP:
	case PKT_PROTO_RIP:
	case PKT_PROTO_RIPNG:
	case PKT_PROTO_BABEL:
	case PKT_PROTO_AUTORP:
		break;
	default:
		return false;
	}
	have = msg_at(&g, m, data, ly);
	/* each object only when its fixed header was captured */
	switch (ly->proto) {
	case PKT_PROTO_PIM:
		if (have && msg_has(&g, 0, 1))
			put_pim(d, &g);
		break;
	case PKT_PROTO_OSPF:
		if (have && msg_has(&g, 0, 12))
			put_ospf(d, &g);
		break;
	case PKT_PROTO_EIGRP:
		if (have && msg_has(&g, 0, 20))
			put_eigrp(d, &g);
		break;
	case PKT_PROTO_RIP:
	case PKT_PROTO_RIPNG:
		if (have && msg_has(&g, 0, 4))
			put_rip(d, ly->proto == PKT_PROTO_RIP ? "rip" : "ripng", &g);
		break;
	case PKT_PROTO_BABEL:
		if (have && msg_has(&g, 0, 4))
			put_babel(d, &g);
		break;
	case PKT_PROTO_AUTORP:
		if (have && msg_has(&g, 0, 4))
			put_autorp(d, &g);
		break;
	}
	return true;
}
