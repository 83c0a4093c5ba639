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
