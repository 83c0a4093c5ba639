/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_mfr.c: JSON fields of FRF.16 multilink Frame Relay (its B/E/C bits, sequence or message). */
#include "config.h"

#include "decode/view_packet_mfr.h"

#define MFR_BEC_MASK 0xe0

bool view_packet_mfr(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	const uint8_t *p;

	if (ly->proto != PKT_PROTO_MFR)
		return false;
	/* the dissector checked 4 bytes captured unless it marked the layer */
	if (ly->truncated || ly->invalid || !data || ly->off + 4u > m->caplen)
		return true;
	p = data + ly->off;
	fmt_details_u64(fd, "mfr_flags", p[0] & MFR_BEC_MASK);
	if ((p[0] & MFR_BEC_MASK) == MFR_BEC_MASK && p[1] == 0)
		fmt_details_u64(fd, "mfr_message", p[2]);
	else
		fmt_details_u64(fd, "mfr_seq", (uint32_t)(p[0] & 0x1e) << 7 | p[1]);
	return true;
}
