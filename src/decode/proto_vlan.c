/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vlan.c: IEEE 802.1Q and 802.1ad (QinQ) VLAN tags: dissector and printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"

#define VLAN_TAG_LEN	  4
#define VLAN_MAX_8023_LEN 1500
#define VLAN_TYPE_ARISTA  0xd28b

/*
 * The tag after a TPID of 0x8100 (802.1Q), 0x88a8 (802.1ad) or 0x9100:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | PCP |D|        VLAN ID        |           EtherType           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        D: drop eligible indicator (DEI)
 */
int proto_vlan_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_vlan *v = &l->vlan[l->n_vlan++];
	uint16_t tci;

	*v = (struct pkt_vlan){ .tpid = l->ethertype };
	if (!pkt_get_be16(c, &tci))
		return proto_short(m, VLAN_TAG_LEN);
	v->pcp = tci >> 13;
	v->dei = tci & 0x1000;
	v->id = tci & 0x0fff;
	if (!pkt_get_be16(c, &v->type))
		return proto_short(m, VLAN_TAG_LEN);
	/* an 802.3 length after the tag: LLC follows, as after an Ethernet header */
	if (v->type <= VLAN_MAX_8023_LEN) {
		const uint8_t *p;

		if (v->type < pkt_wire_left(c))
			pkt_clamp(c, v->type);
		p = pkt_peek(c, 2);
		return p && p[0] == 0xff && p[1] == 0xff ? PKT_PROTO_NONE : PKT_PROTO_LLC;
	}
	return dispatch_ethertype(m, v->type);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

bool proto_vlan_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_level *l = line_level(x);
	const struct pkt_vlan *v;
	unsigned k = 0;

	/* Which of this level's tags: count the VLAN layers before this one. */
	for (unsigned j = 0; j < x->i; j++)
		if (x->m->layer[j].proto == PKT_PROTO_VLAN && x->m->layer[j].level == ly->level)
			k++;
	v = &l->vlan[k];
	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, "vlan");
	if (!x->link_shown)
		return false;
	pbuf_puts(&x->b, "vlan ");
	pbuf_u32(&x->b, v->id);
	pbuf_puts(&x->b, ", p ");
	pbuf_u32(&x->b, v->pcp);
	pbuf_puts(&x->b, v->dei ? ", DEI, " : ", ");
	if (v->type <= VLAN_MAX_8023_LEN) {
		/* tcpdump's words, without a separator before the LLC header */
		pbuf_puts(&x->b, "802.3");
		return false;
	}
	/* the next tag cut: tcpdump reads the type with the tag, and names neither */
	if (proto_l2_vlan_cut_follows(x))
		return false;
	/* Arista's timestamp shim names its ethertype itself (proto_arista.c) */
	if (v->type == VLAN_TYPE_ARISTA && line_more(x))
		return false;
	line_ethertype(x, v->type);
	if (line_more(x))
		pbuf_puts(&x->b, ", ");
	return false;
}
