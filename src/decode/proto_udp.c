/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_udp.c: the UDP header (RFC 768), and the tunnels found by port. */
#include "config.h"

#include "decode/proto.h"

#define UDP_HDR_LEN	     8
#define UDP_CSUM_OFF	     6
#define UDP_PORT_VXLAN	     4789 /* IANA */
#define UDP_PORT_VXLAN_LINUX 8472 /* the Linux kernel's default before IANA's */

/*
 * RFC 768:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_udp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_udp *u = &l->udp;
	const uint8_t *start = c->p;

	l->trans = PKT_PROTO_UDP;
	*u = (struct pkt_udp){ 0 };
	if (!pkt_get_be16(c, &u->sport) || !pkt_get_be16(c, &u->dport) ||
	    !pkt_get_be16(c, &u->len) || !pkt_get_be16(c, &u->csum))
		return proto_short(m, UDP_HDR_LEN);
	if (u->len < UDP_HDR_LEN)
		return proto_invalid(m, PKT_REASON_UDP_LEN);
	/* A first fragment holds only the start of the datagram the length covers. */
	if (l->frag)
		return PKT_PROTO_NONE;
	if (!pkt_clamp(c, u->len - UDP_HDR_LEN))
		return proto_invalid(m, PKT_REASON_UDP_LEN_PAST_END);
	/* c now ends where the UDP length does: the whole datagram */
	proto_csum_verify(m, start, c, PROTO_IP_UDP, UDP_CSUM_OFF);

	if (m->level == 0 && (u->dport == UDP_PORT_VXLAN || u->dport == UDP_PORT_VXLAN_LINUX))
		return PKT_PROTO_VXLAN;
	return PKT_PROTO_NONE;
}
