/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_l2.c: JSON of the link-layer control protocols and tunnels, read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_l2.h"

/* A bridge id as tcpdump writes it: "8001.00:19:06:ea:b8:80". */
static void put_bridge_id(struct fmt_details *d, const char *key, const uint8_t *p)
{
	char buf[32];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	pbuf_hex(&b, p[0], 2);
	pbuf_hex(&b, p[1], 2);
	pbuf_putc(&b, '.');
	pbuf_mac(&b, p + 2);
	fmt_details_str_len(d, key, buf, pbuf_finish(&b, sizeof(buf)));
}

static void put_llc(struct fmt_details *d, const struct pkt_llc *k)
{
	fmt_details_object_begin(d, "llc");
	fmt_details_u64(d, "dsap", k->dsap & 0xfe);
	fmt_details_u64(d, "ssap", k->ssap & 0xfe);
	fmt_details_bool(d, "group", k->dsap & 1);
	fmt_details_bool(d, "response", k->ssap & 1);
	fmt_details_u64(d, "control", k->control);
	if (k->snap) {
		fmt_details_u64(d, "oui", k->oui);
		fmt_details_u64(d, "pid", k->pid);
	}
	fmt_details_object_end(d);
}

static void put_stp(struct fmt_details *d, const struct msg *g)
{
	uint8_t version;

	if (!msg_has(g, 0, 4))
		return;
	version = msg_u8(g, 2);
	fmt_details_object_begin(d, "stp");
	fmt_details_u64(d, "protocol_id", msg_u16(g, 0));
	fmt_details_u64(d, "version", version);
	fmt_details_u64(d, "bpdu_type", msg_u8(g, 3));
	if (msg_u8(g, 3) != 0x80 && msg_has(g, 0, 35)) {
		fmt_details_u64(d, "flags", msg_u8(g, 4));
		put_bridge_id(d, "root_id", g->p + 5);
		fmt_details_u64(d, "root_path_cost", msg_u32(g, 13));
		put_bridge_id(d, "bridge_id", g->p + 17);
		fmt_details_u64(d, "port_id", msg_u16(g, 25));
		/* timers in 1/256 s */
		fmt_details_double(d, "message_age", msg_u16(g, 27) / 256.0);
		fmt_details_double(d, "max_age", msg_u16(g, 29) / 256.0);
		fmt_details_double(d, "hello_time", msg_u16(g, 31) / 256.0);
		fmt_details_double(d, "forward_delay", msg_u16(g, 33) / 256.0);
		if (version >= 2)
			fmt_details_u64(d, "port_role", msg_u8(g, 4) >> 2 & 3);
	}
	if (version >= 3 && msg_has(g, 0, 102)) {
		uint16_t v3len = msg_u16(g, 36);

		fmt_details_u64(d, "v3len", v3len);
		fmt_details_u64(d, "mcid_revision", msg_u16(g, 71));
		fmt_details_u64(d, "cist_int_root_path_cost", msg_u32(g, 89));
		put_bridge_id(d, "cist_bridge_id", g->p + 93);
		fmt_details_u64(d, "cist_remaining_hops", msg_u8(g, 101));
		fmt_details_array_begin(d, "msti");
		for (size_t off = 102; v3len > 64 && off + 16 <= 102 + (size_t)(v3len - 64) &&
				       msg_has(g, off, 16);
		     off += 16) {
			fmt_details_object_begin(d, NULL);
			fmt_details_u64(d, "msti", msg_u16(g, off + 1) & 0x0fff);
			fmt_details_u64(d, "flags", msg_u8(g, off));
			put_bridge_id(d, "regional_root_id", g->p + off + 1);
			fmt_details_u64(d, "path_cost", msg_u32(g, off + 9));
			fmt_details_u64(d, "bridge_prio", msg_u8(g, off + 13) >> 4);
			fmt_details_u64(d, "port_prio", msg_u8(g, off + 14) >> 4);
			fmt_details_u64(d, "hops", msg_u8(g, off + 15));
			fmt_details_object_end(d);
		}
		fmt_details_array_end(d);
	}
	fmt_details_object_end(d);
}

/* BFD: the control header (versions 0 and 1) and the authentication type; echo is opaque. */
static void put_bfd(struct fmt_details *d, const struct pkt_level *l, const struct msg *g)
{
	uint16_t port = l->udp.dport;
	uint8_t vd;

	fmt_details_object_begin(d, "bfd");
	fmt_details_str(d, "kind", port == 3785 ? "echo" : port == 4784 ? "multihop" :
				     port == 6784 ? "lag" : port == 3784 ? "control" : "unknown");
	if (port != 3785 && msg_has(g, 0, 24)) {
		vd = msg_u8(g, 0);
		fmt_details_u64(d, "version", vd >> 5);
		fmt_details_u64(d, "diag", vd & 0x1f);
		fmt_details_u64(d, "state", msg_u8(g, 1) >> 6);
		fmt_details_u64(d, "flags", msg_u8(g, 1) & 0x3f);
		fmt_details_u64(d, "detect_mult", msg_u8(g, 2));
		fmt_details_u64(d, "length", msg_u8(g, 3));
		fmt_details_u64(d, "my_disc", msg_u32(g, 4));
		fmt_details_u64(d, "your_disc", msg_u32(g, 8));
		fmt_details_u64(d, "min_tx_us", msg_u32(g, 12));
		fmt_details_u64(d, "min_rx_us", msg_u32(g, 16));
		fmt_details_u64(d, "min_echo_rx_us", msg_u32(g, 20));
		if ((msg_u8(g, 1) & 0x04) && msg_has(g, 24, 3)) {
			fmt_details_u64(d, "auth_type", msg_u8(g, 24));
			fmt_details_u64(d, "auth_len", msg_u8(g, 25));
			fmt_details_u64(d, "auth_key_id", msg_u8(g, 26));
		}
	}
	fmt_details_object_end(d);
}

/* A string of the packet as tcpdump escapes it (at most 511 bytes of text). */
static void put_text(struct fmt_details *d, const char *key, const uint8_t *p, size_t n)
{
	char buf[512];
	struct pbuf b;
	size_t len;

	pbuf_init(&b, buf, sizeof(buf));
	msg_put_text(&b, p, n);
	len = pbuf_finish(&b, sizeof(buf));
	fmt_details_str_len(d, key, buf, len < sizeof(buf) ? len : sizeof(buf) - 1);
}

/* Bytes in hex, the first 64 at most. */
static void put_hex(struct fmt_details *d, const char *key, const uint8_t *p, size_t n)
{
	char buf[2 * 64 + 1];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	msg_hex(&b, p, n < 64 ? n : 64);
	fmt_details_str_len(d, key, buf, pbuf_finish(&b, sizeof(buf)));
}

/* An address as the text line writes it (pbuf's formatting). */
static void put_addr(struct fmt_details *d, const char *key, int kind, const uint8_t *p)
{
	char buf[48];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	if (kind == 4)
		pbuf_ip4(&b, p);
	else if (kind == 6)
		pbuf_ip6(&b, p);
	else
		pbuf_mac(&b, p);
	fmt_details_str_len(d, key, buf, pbuf_finish(&b, sizeof(buf)));
}

/* Chassis and port ids: "mac" and "addr" decoded, names as text, the rest in hex. */
static void put_lldp_id(struct fmt_details *d, const uint8_t *p, unsigned len, unsigned mac)
{
	fmt_details_u64(d, "subtype", p[0]);
	if (p[0] == mac && len >= 7)
		put_addr(d, "id", 0, p + 1);
	else if (p[0] == mac + 1)
		put_hex(d, "id", p + 1, len - 1);
	else
		put_text(d, "id", p + 1, len - 1);
}

/* LLDP: every TLV in order, with the standard ones' values and the organization's ids. */
static void put_lldp(struct fmt_details *d, const struct msg *g)
{
	size_t off = 0;
	bool cut = false;

	fmt_details_object_begin(d, "lldp");
	fmt_details_array_begin(d, "tlvs");
	while (off + 2 <= g->len) {
		unsigned type, len;
		const uint8_t *p;

		if (!msg_has(g, off, 2)) {
			cut = true;
			break;
		}
		type = msg_u16(g, off) >> 9;
		len = msg_u16(g, off) & 0x1ff;
		off += 2;
		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "type", type);
		fmt_details_u64(d, "len", len);
		if (!msg_has(g, off, len) || off + len > g->len) {
			fmt_details_object_end(d);
			cut = true;
			break;
		}
		p = g->p + off;
		switch (type) {
		case 1:
		case 2:
			if (len >= 2)
				put_lldp_id(d, p, len, type == 1 ? 4 : 3);
			break;
		case 3:
			if (len >= 2)
				fmt_details_u64(d, "ttl", (uint64_t)(p[0] << 8 | p[1]));
			break;
		case 4:
		case 5:
		case 6:
			put_text(d, "text", p, len);
			break;
		case 7:
			if (len >= 4) {
				fmt_details_u64(d, "capabilities", (uint64_t)(p[0] << 8 | p[1]));
				fmt_details_u64(d, "enabled", (uint64_t)(p[2] << 8 | p[3]));
			}
			break;
		case 8:
			if (len >= 2 && p[0] >= 1 && len >= 1u + p[0]) {
				fmt_details_u64(d, "afi", p[1]);
				if (p[1] == 1 && p[0] >= 5)
					put_addr(d, "addr", 4, p + 2);
				else if (p[1] == 2 && p[0] >= 17)
					put_addr(d, "addr", 6, p + 2);
				else
					put_hex(d, "addr", p + 2, p[0] - 1u);
			}
			break;
		case 127:
			if (len >= 4) {
				fmt_details_u64(d, "oui", (uint64_t)p[0] << 16 | p[1] << 8 | p[2]);
				fmt_details_u64(d, "subtype", p[3]);
				put_hex(d, "data", p + 4, len - 4);
			}
			break;
		}
		fmt_details_object_end(d);
		off += len;
		if (!type)
			break;
	}
	fmt_details_array_end(d);
	if (cut)
		fmt_details_bool(d, "tlvs_truncated", true);
	fmt_details_object_end(d);
}

/* Geneve: the header and each option's class, type, critical bit and data. */
static void put_geneve(struct fmt_details *d, const struct pkt_geneve *gn, const struct msg *g)
{
	fmt_details_object_begin(d, "geneve");
	fmt_details_u64(d, "version", gn->version);
	fmt_details_u64(d, "vni", gn->vni);
	fmt_details_bool(d, "oam", gn->flags & 0x80);
	fmt_details_bool(d, "critical", gn->flags & 0x40);
	fmt_details_u64(d, "ethertype", gn->proto);
	fmt_details_u64(d, "opt_len", gn->opt_len);
	if (gn->version == 0 && gn->opt_len && msg_has(g, 8, gn->opt_len)) {
		const uint8_t *p = g->p + 8;
		unsigned left = gn->opt_len;

		fmt_details_array_begin(d, "options");
		while (left >= 4) {
			unsigned olen = 4 + (p[3] & 0x1f) * 4u;

			if (olen > left)
				break;
			fmt_details_object_begin(d, NULL);
			fmt_details_u64(d, "class", (uint64_t)(p[0] << 8 | p[1]));
			fmt_details_u64(d, "type", p[2]);
			fmt_details_bool(d, "critical", p[2] & 0x80);
			put_hex(d, "data", p + 4, olen - 4);
			fmt_details_object_end(d);
			p += olen;
			left -= olen;
		}
		fmt_details_array_end(d);
	}
	fmt_details_object_end(d);
}

/* Cisco's DTP, UDLD and VTP: the header fields. */
static void put_cisco(struct fmt_details *d, unsigned proto, const struct msg *g)
{
	switch (proto) {
	case PKT_PROTO_DTP:
		if (!msg_has(g, 0, 1))
			return;
		fmt_details_object_begin(d, "dtp");
		fmt_details_u64(d, "version", msg_u8(g, 0));
		break;
	case PKT_PROTO_UDLD:
		if (!msg_has(g, 0, 4))
			return;
		fmt_details_object_begin(d, "udld");
		fmt_details_u64(d, "version", msg_u8(g, 0) >> 5);
		fmt_details_u64(d, "opcode", msg_u8(g, 0) & 0x1f);
		fmt_details_u64(d, "flags", msg_u8(g, 1));
		fmt_details_u64(d, "csum", msg_u16(g, 2));
		break;
	default:
		if (!msg_has(g, 0, 36))
			return;
		fmt_details_object_begin(d, "vtp");
		fmt_details_u64(d, "version", msg_u8(g, 0));
		fmt_details_u64(d, "code", msg_u8(g, 1));
		if (msg_u8(g, 3) <= 32)
			put_text(d, "domain", g->p + 4, msg_u8(g, 3));
		if (msg_u8(g, 1) <= 2 && msg_has(g, 36, 4))
			fmt_details_u64(d, "config_rev", msg_u32(g, 36));
		break;
	}
	fmt_details_object_end(d);
}

/* Slow protocols: the subtype and version; LACP's actor and partner. */
static void put_slow(struct fmt_details *d, const struct msg *g)
{
	if (!msg_has(g, 0, 2))
		return;
	fmt_details_object_begin(d, "slow");
	fmt_details_u64(d, "subtype", msg_u8(g, 0));
	if (msg_u8(g, 0) == 1 || msg_u8(g, 0) == 2)
		fmt_details_u64(d, "version", msg_u8(g, 1));
	if (msg_u8(g, 0) == 1 && msg_u8(g, 1) == 1 && msg_has(g, 2, 40)) {
		for (int i = 0; i < 2; i++) {
			const uint8_t *p = g->p + 2 + 20 * i;

			if (p[0] != i + 1 || p[1] != 20)
				break;
			fmt_details_object_begin(d, i ? "partner" : "actor");
			fmt_details_u64(d, "system_priority", (uint64_t)(p[2] << 8 | p[3]));
			put_addr(d, "system", 0, p + 4);
			fmt_details_u64(d, "key", (uint64_t)(p[10] << 8 | p[11]));
			fmt_details_u64(d, "port_priority", (uint64_t)(p[12] << 8 | p[13]));
			fmt_details_u64(d, "port", (uint64_t)(p[14] << 8 | p[15]));
			fmt_details_u64(d, "state", p[16]);
			fmt_details_object_end(d);
		}
	}
	fmt_details_object_end(d);
}

/* HSRP v0/v1: the hello's fields. */
static void put_hsrp(struct fmt_details *d, const struct msg *g)
{
	if (!msg_has(g, 0, 20))
		return;
	fmt_details_object_begin(d, "hsrp");
	fmt_details_u64(d, "version", msg_u8(g, 0));
	fmt_details_u64(d, "opcode", msg_u8(g, 1));
	fmt_details_u64(d, "state", msg_u8(g, 2));
	fmt_details_u64(d, "hellotime", msg_u8(g, 3));
	fmt_details_u64(d, "holdtime", msg_u8(g, 4));
	fmt_details_u64(d, "priority", msg_u8(g, 5));
	fmt_details_u64(d, "group", msg_u8(g, 6));
	put_addr(d, "vip", 4, g->p + 16);
	fmt_details_object_end(d);
}

/* VRRP v2/v3: the advertisement's fields and addresses. */
static void put_vrrp(struct fmt_details *d, const struct pkt_level *l, const struct msg *g)
{
	unsigned version, n;
	bool v6;

	if (!msg_has(g, 0, 8))
		return;
	version = msg_u8(g, 0) >> 4;
	v6 = version == 3 && l->net == PKT_PROTO_IPV6;
	fmt_details_object_begin(d, "vrrp");
	fmt_details_u64(d, "version", version);
	fmt_details_u64(d, "type", msg_u8(g, 0) & 0x0f);
	fmt_details_u64(d, "vrid", msg_u8(g, 1));
	fmt_details_u64(d, "priority", msg_u8(g, 2));
	if (version == 2) {
		fmt_details_u64(d, "auth_type", msg_u8(g, 4));
		fmt_details_u64(d, "interval_cs", msg_u8(g, 5) * 100u);
	} else {
		fmt_details_u64(d, "interval_cs", (msg_u8(g, 4) & 0x0f) << 8 | msg_u8(g, 5));
	}
	n = msg_u8(g, 3);
	fmt_details_array_begin(d, "addrs");
	for (unsigned i = 0; i < n && msg_has(g, 8 + i * (v6 ? 16 : 4), v6 ? 16 : 4); i++)
		put_addr(d, NULL, v6 ? 6 : 4, g->p + 8 + i * (v6 ? 16 : 4));
	fmt_details_array_end(d);
	fmt_details_object_end(d);
}

/* MPLS: the label stack, top first. */
static void put_mpls(struct fmt_details *d, const struct pkt_layer *ly, const struct msg *g)
{
	fmt_details_object_begin(d, "mpls");
	fmt_details_array_begin(d, "labels");
	for (size_t off = 0; off + 4 <= ly->hdr_len && msg_has(g, off, 4); off += 4) {
		uint32_t e = msg_u32(g, off);

		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "label", e >> 12);
		fmt_details_u64(d, "tc", (e >> 9) & 7);
		fmt_details_bool(d, "bottom", (e >> 8) & 1);
		fmt_details_u64(d, "ttl", e & 0xff);
		fmt_details_object_end(d);
	}
	fmt_details_array_end(d);
	fmt_details_object_end(d);
}

bool view_packet_l2(struct fmt_details *d, const struct pkt_meta *m, const uint8_t *data,
		    const struct pkt_layer *ly)
{
	const struct pkt_level *l = &m->l[ly->level < 2 ? ly->level : 1];
	struct msg g;

	switch (ly->proto) {
	case PKT_PROTO_LLC:
		put_llc(d, &l->llc);
		return true;
	case PKT_PROTO_STP:
		if (msg_at(&g, m, data, ly))
			put_stp(d, &g);
		return true;
	case PKT_PROTO_LLDP:
		if (msg_at(&g, m, data, ly))
			put_lldp(d, &g);
		return true;
	case PKT_PROTO_GENEVE:
		if (!ly->invalid && msg_at(&g, m, data, ly))
			put_geneve(d, &m->geneve, &g);
		return true;
	case PKT_PROTO_DTP:
	case PKT_PROTO_UDLD:
	case PKT_PROTO_VTP:
		if (msg_at(&g, m, data, ly))
			put_cisco(d, ly->proto, &g);
		return true;
	case PKT_PROTO_SLOW:
		if (msg_at(&g, m, data, ly))
			put_slow(d, &g);
		return true;
	case PKT_PROTO_HSRP:
		if (msg_at(&g, m, data, ly))
			put_hsrp(d, &g);
		return true;
	case PKT_PROTO_VRRP:
		if (msg_at(&g, m, data, ly))
			put_vrrp(d, l, &g);
		return true;
	case PKT_PROTO_MPLS:
		if (msg_at(&g, m, data, ly))
			put_mpls(d, ly, &g);
		return true;
	case PKT_PROTO_BFD:
		if (msg_at(&g, m, data, ly))
			put_bfd(d, l, &g);
		return true;
	}
	return false;
}
