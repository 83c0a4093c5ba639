/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_link.c: JSON fields of the serial link types (Cisco HDLC, Frame Relay). */
#include "config.h"

#include "decode/view_packet_link.h"

bool view_packet_link(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data)
{
	(void)data;
	switch (ly->proto) {
	case PKT_PROTO_CHDLC:
		if (ly->truncated)
			return true;
		fmt_details_u64(fd, "hdlc_addr", m->chdlc.addr);
		fmt_details_u64(fd, "hdlc_control", m->chdlc.control);
		fmt_details_u64(fd, "ethertype", m->chdlc.proto);
		return true;
	case PKT_PROTO_FR:
		if (ly->truncated || ly->invalid || m->fr.bad_addr)
			return true;
		fmt_details_u64(fd, "dlci", m->fr.dlci);
		fmt_details_u64(fd, m->fr.nlpid ? "nlpid" : "ethertype", m->fr.type);
		return true;
	}
	return false;
}
