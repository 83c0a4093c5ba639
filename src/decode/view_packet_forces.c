/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_forces.c: JSON of Broadcom's LI shim and of ForCES in SCTP, read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_forces.h"

/* The shim's four fields, as proto_bcm_li.c cuts its word. */
static void put_bcm_li(struct fmt_details *d, uint32_t shim)
{
	fmt_details_object_begin(d, "bcm_li");
	fmt_details_u64(d, "direction", shim >> 29 & 0x7);
	fmt_details_u64(d, "pkt_type", shim >> 25 & 0xf);
	fmt_details_u64(d, "pkt_subtype", shim >> 22 & 0x7);
	fmt_details_u64(d, "li_id", shim & 0x3fffff);
	fmt_details_object_end(d);
}

bool view_packet_forces_port(uint16_t port)
{
	return port >= 6704 && port <= 6706;
}

void view_packet_forces_msg(struct fmt_details *d, const struct msg *g, uint32_t off,
			    uint32_t len)
{
	uint32_t flags;

	if (!msg_has(g, off, 24))
		return;
	flags = msg_u32(g, off + 20);
	fmt_details_object_begin(d, "forces");
	fmt_details_u64(d, "version", msg_u8(g, off) >> 4);
	fmt_details_u64(d, "type", msg_u8(g, off + 1));
	fmt_details_u64(d, "length", (uint32_t)msg_u16(g, off + 2) << 2);
	fmt_details_u64(d, "data_len", len);
	fmt_details_u64(d, "src_id", msg_u32(g, off + 4));
	fmt_details_u64(d, "dst_id", msg_u32(g, off + 8));
	fmt_details_u64(d, "correlator", (uint64_t)msg_u32(g, off + 12) << 32 | msg_u32(g, off + 16));
	fmt_details_u64(d, "ack", flags >> 30);
	fmt_details_u64(d, "prio", flags >> 27 & 0x7);
	fmt_details_u64(d, "em", flags >> 22 & 0x3);
	fmt_details_u64(d, "at", flags >> 21 & 0x1);
	fmt_details_u64(d, "tp", flags >> 19 & 0x3);
	fmt_details_object_end(d);
}

bool view_packet_forces(struct fmt_details *d, const struct pkt_meta *m, const struct pkt_layer *ly,
			const uint8_t *data)
{
	struct msg g;

	if (ly->proto != PKT_PROTO_BCM_LI)
		return false;
	/* only when the shim was captured whole */
	if (msg_at(&g, m, data, ly) && msg_has(&g, 0, 4))
		put_bcm_li(d, msg_u32(&g, 0));
	return true;
}
