/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_arp.c: ARP and RARP (RFC 826, RFC 903). */
#include "config.h"

#include "decode/proto.h"

#define ARP_FIXED_LEN 8

/*
 * RFC 826; the addresses are shown for Ethernet/IPv4 (hlen 6, plen 4), which
 * alone are decoded into fields.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Hardware type         |         Protocol type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Hw addr len  | Proto addr len|           Operation           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Sender hardware address (hlen bytes) ...             |
 * |          Sender protocol address (plen bytes) ...             |
 * |          Target hardware address (hlen bytes) ...             |
 * |          Target protocol address (plen bytes) ...             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_arp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_arp *a = &l->arp;
	size_t len;

	l->net = PKT_PROTO_ARP;
	*a = (struct pkt_arp){ 0 };
	if (!pkt_get_be16(c, &a->htype) || !pkt_get_be16(c, &a->ptype) ||
	    !pkt_get_u8(c, &a->hlen) || !pkt_get_u8(c, &a->plen) || !pkt_get_be16(c, &a->op))
		return proto_short(m, ARP_FIXED_LEN);

	len = ARP_FIXED_LEN + 2 * ((size_t)a->hlen + a->plen);
	if (a->hlen != sizeof(a->sha) || a->plen != sizeof(a->spa)) {
		if (!pkt_skip(c, len - ARP_FIXED_LEN))
			return proto_short(m, len);
		return PKT_PROTO_NONE;
	}
	if (!pkt_copy(c, a->sha, sizeof(a->sha)) || !pkt_copy(c, a->spa, sizeof(a->spa)) ||
	    !pkt_copy(c, a->tha, sizeof(a->tha)) || !pkt_copy(c, a->tpa, sizeof(a->tpa)))
		return proto_short(m, len);
	a->eth_ip = true;
	return PKT_PROTO_NONE;
}
