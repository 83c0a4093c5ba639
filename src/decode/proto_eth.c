/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_eth.c: Ethernet II and 802.3 frame headers. */
#include "config.h"

#include "decode/proto.h"

#define ETH_HDR_LEN	 14
#define ETH_MAX_8023_LEN 1500 /* type fields up to this are 802.3 lengths */

/*
 * Ethernet II (IEEE 802.3 clause 3.1.1); the FCS is not captured.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Destination MAC address                      |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                     Source MAC address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   EtherType or 802.3 length   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_eth_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_eth *e = &l->eth;

	l->link = PKT_PROTO_ETH;
	*e = (struct pkt_eth){ 0 };
	if (!pkt_copy(c, e->dst, sizeof(e->dst)) || !pkt_copy(c, e->src, sizeof(e->src)) ||
	    !pkt_get_be16(c, &e->type))
		return proto_short(m, ETH_HDR_LEN);
	/*
	 * An 802.3 frame: LLC follows, which is not decoded.  Its length field
	 * tells the padding to a 60-byte frame apart from the payload.
	 */
	if (e->type <= ETH_MAX_8023_LEN) {
		if (e->type < pkt_wire_left(c))
			pkt_clamp(c, e->type);
		return PKT_PROTO_NONE;
	}
	return proto_next_ethertype(m, e->type);
}
