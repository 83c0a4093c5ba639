/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vxlan.c: the VXLAN header (RFC 7348) in front of an inner Ethernet frame. */
#include "config.h"

#include "decode/proto.h"

#define VXLAN_HDR_LEN 8
#define VXLAN_FLAG_I  0x08 /* the VNI is valid */

/*
 * RFC 7348 section 5:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|R|R|I|R|R|R|            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                VXLAN Network Identifier (VNI) |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_vxlan_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_vxlan *v = &m->vxlan;
	uint32_t vni;

	*v = (struct pkt_vxlan){ 0 };
	if (!pkt_get_u8(c, &v->flags) || !pkt_skip(c, 3) || !pkt_get_be32(c, &vni))
		return proto_short(m, VXLAN_HDR_LEN);
	v->vni = vni >> 8;
	if (!(v->flags & VXLAN_FLAG_I))
		return proto_invalid(m, PKT_REASON_VXLAN_FLAGS);
	return PKT_PROTO_ETH;
}
