/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_sll.c: Linux cooked capture headers, SLL (v1) and SLL2. */
#include "config.h"

#include "decode/proto.h"

#define SLL_HDR_LEN  16
#define SLL2_HDR_LEN 20

/*
 * DLT_LINUX_SLL (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html)
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Packet type          |        ARPHRD_ type           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Link-layer address length     |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                Link-layer address (8 bytes)                   |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |         Protocol type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_sll_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_sll *s = &m->sll;

	proto_level(m)->link = PKT_PROTO_SLL;
	*s = (struct pkt_sll){ 0 };
	if (!pkt_get_be16(c, &s->pkttype) || !pkt_get_be16(c, &s->hatype) ||
	    !pkt_get_be16(c, &s->halen) || !pkt_copy(c, s->addr, sizeof(s->addr)) ||
	    !pkt_get_be16(c, &s->protocol))
		return proto_short(m, SLL_HDR_LEN);
	return proto_next_ethertype(m, s->protocol);
}

/*
 * DLT_LINUX_SLL2 (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html)
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Protocol type         |       Reserved (MBZ)          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Interface index                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          ARPHRD_ type         |  Packet type  | Address length|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Link-layer address (8 bytes)                   |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_sll2_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_sll *s = &m->sll;
	uint8_t pkttype, halen;

	proto_level(m)->link = PKT_PROTO_SLL2;
	*s = (struct pkt_sll){ 0 };
	if (!pkt_get_be16(c, &s->protocol) || !pkt_skip(c, 2) || !pkt_get_be32(c, &s->ifindex) ||
	    !pkt_get_be16(c, &s->hatype) || !pkt_get_u8(c, &pkttype) || !pkt_get_u8(c, &halen) ||
	    !pkt_copy(c, s->addr, sizeof(s->addr)))
		return proto_short(m, SLL2_HDR_LEN);
	s->pkttype = pkttype;
	s->halen = halen;
	return proto_next_ethertype(m, s->protocol);
}
