/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * view_packet_udpapps.c: typed JSON fields of the applications tcpdump
 * decodes by port that came last (timed, AODV, HNCP, Rx, lwres, Telnet):
 * their fixed headers, read again from the captured bytes.
 */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"
#include "decode/view_packet_udpapps.h"

/* TSP: type, version, sequence; the sender's name when its NUL was captured. */
static void put_timed(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "timed");
	fmt_details_u64(fd, "len", a->len);
	if (msg_has(a, 0, 4)) {
		uint8_t type = msg_u8(a, 0);

		fmt_details_u64(fd, "type", type);
		if (proto_timed_type_name(type))
			fmt_details_str(fd, "type_name", proto_timed_type_name(type));
		fmt_details_u64(fd, "version", msg_u8(a, 1));
		fmt_details_u64(fd, "seq", msg_u16(a, 2));
	} else {
		fmt_details_bool(fd, "truncated", true);
	}
	fmt_details_object_end(fd);
}

bool view_packet_udpapps(struct fmt_details *fd, const struct pkt_meta *m,
			 const struct pkt_layer *ly, const uint8_t *data)
{
	struct msg a;

	switch (ly->proto) {
	case PKT_PROTO_TIMED:
		break;
	default:
		return false;
	}
	if (!msg_at(&a, m, data, ly))
		return true;
	switch (ly->proto) {
	case PKT_PROTO_TIMED:
		put_timed(fd, &a);
		break;
	default:
		break;
	}
	return true;
}
