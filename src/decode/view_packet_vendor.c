/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_vendor.c: JSON of AoE, Arista's timestamp shim and vsock, read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/proto_vsock.h"
#include "decode/view_packet_vendor.h"

/* AoE: version and flags; version 1's header when captured. */
static void put_aoe(struct fmt_details *d, const struct msg *g)
{
	uint8_t ver = msg_u8(g, 0) >> 4;

	fmt_details_object_begin(d, "aoe");
	fmt_details_u64(d, "version", ver);
	fmt_details_u64(d, "flags", msg_u8(g, 0) & 0x0f);
	if (ver == 1 && msg_has(g, 0, 10)) {
		fmt_details_u64(d, "error", msg_u8(g, 1));
		fmt_details_u64(d, "major", msg_u16(g, 2));
		fmt_details_u64(d, "minor", msg_u8(g, 4));
		fmt_details_u64(d, "command", msg_u8(g, 5));
		fmt_details_u64(d, "tag", msg_u32(g, 6));
	}
	fmt_details_object_end(d);
}

/* Arista: subtype; a timestamp's version fields, and its time when captured in a known format. */
static void put_arista(struct fmt_details *d, const struct msg *g)
{
	uint8_t v;

	fmt_details_object_begin(d, "arista");
	fmt_details_u64(d, "subtype", msg_u16(g, 0));
	if (msg_u16(g, 0) == 1 && msg_has(g, 2, 2)) {
		v = msg_u8(g, 3);
		fmt_details_u64(d, "timescale", msg_u8(g, 2));
		fmt_details_u64(d, "format", v >> 4);
		fmt_details_u64(d, "hw_info", v & 0x0f);
		if (v >> 4 == 1 && msg_has(g, 4, 8)) {
			fmt_details_u64(d, "ts_sec", msg_u32(g, 4));
			fmt_details_u64(d, "ts_nsec", msg_u32(g, 8));
		} else if (v >> 4 == 2 && msg_has(g, 4, 6)) {
			fmt_details_u64(d, "ts_sec", msg_u16(g, 4));
			fmt_details_u64(d, "ts_nsec", msg_u32(g, 6));
		}
	}
	fmt_details_object_end(d);
}

/* vsock: the endpoints, op and transport; virtio's header when captured. */
static void put_vsock(struct fmt_details *d, const struct msg *g)
{
	uint16_t transport = pkt_le16(g->p + 26);
	const uint8_t *h = g->p + VSOCK_HDR_LEN;

	fmt_details_object_begin(d, "vsock");
	fmt_details_u64(d, "src_cid", pkt_le64(g->p));
	fmt_details_u64(d, "dst_cid", pkt_le64(g->p + 8));
	fmt_details_u64(d, "src_port", pkt_le32(g->p + 16));
	fmt_details_u64(d, "dst_port", pkt_le32(g->p + 20));
	fmt_details_u64(d, "op", pkt_le16(g->p + 24));
	fmt_details_u64(d, "transport", transport);
	if (proto_vsock_transport_len(transport) &&
	    msg_has(g, VSOCK_HDR_LEN, proto_vsock_transport_len(transport))) {
		fmt_details_u64(d, "virtio_len", pkt_le32(h + 24));
		fmt_details_u64(d, "virtio_type", pkt_le16(h + 28));
		fmt_details_u64(d, "virtio_op", pkt_le16(h + 30));
		fmt_details_u64(d, "virtio_flags", pkt_le32(h + 32));
		fmt_details_u64(d, "buf_alloc", pkt_le32(h + 36));
		fmt_details_u64(d, "fwd_cnt", pkt_le32(h + 40));
	}
	fmt_details_object_end(d);
}

bool view_packet_vendor(struct fmt_details *d, const struct pkt_meta *m,
			const struct pkt_layer *ly, const uint8_t *data)
{
	struct msg g;
	bool have;

	switch (ly->proto) {
	case PKT_PROTO_AOE:
	case PKT_PROTO_ARISTA:
	case PKT_PROTO_VSOCK:
		break;
	default:
		return false;
	}
	have = msg_at(&g, m, data, ly);
	/* each object only when its fixed part was captured */
	switch (ly->proto) {
	case PKT_PROTO_AOE:
		if (have && msg_has(&g, 0, 1))
			put_aoe(d, &g);
		break;
	case PKT_PROTO_ARISTA:
		if (have && msg_has(&g, 0, 2))
			put_arista(d, &g);
		break;
	case PKT_PROTO_VSOCK:
		if (have && msg_has(&g, 0, VSOCK_HDR_LEN))
			put_vsock(d, &g);
		break;
	}
	return true;
}
