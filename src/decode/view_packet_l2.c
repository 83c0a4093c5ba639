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
	case PKT_PROTO_BFD:
		if (msg_at(&g, m, data, ly))
			put_bfd(d, l, &g);
		return true;
	}
	return false;
}
