/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_eth.c: Ethernet II and 802.3 frame headers: dissector and -e printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"

#define ETH_HDR_LEN	 14
#define ETH_MAX_8023_LEN 1500 /* type fields up to this are 802.3 lengths */
#define ETH_TYPE_ARISTA	 0xd28b /* Arista's timestamp shim */

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
	return proto_eth_type_next(c, m, e->type);
}

int proto_eth_type_next(struct pkt_cursor *c, struct pkt_meta *m, uint16_t type)
{
	/*
	 * An 802.3 frame: LLC follows.  Its length field tells the padding to a
	 * 60-byte frame apart from the payload.  Two bytes of 0xff instead of
	 * an LLC header are Novell's raw 802.3 IPX, not decoded.
	 */
	if (type <= ETH_MAX_8023_LEN) {
		const uint8_t *p;

		if (type < pkt_wire_left(c))
			pkt_clamp(c, type);
		p = pkt_peek(c, 2);
		if (p && p[0] == 0xff && p[1] == 0xff)
			return PKT_PROTO_NONE;
		return PKT_PROTO_LLC;
	}
	return dispatch_ethertype(m, type);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

bool proto_eth_print(struct line *x)
{
	return proto_eth_print_tag(x, NULL);
}

/* "src > dst, ", then with -e a switch tag's long form. */
static void eth_addrs(struct line *x, const struct pkt_eth *e, const struct proto_eth_tag *t)
{
	pbuf_mac(&x->b, e->src);
	pbuf_puts(&x->b, " > ");
	pbuf_mac(&x->b, e->dst);
	pbuf_puts(&x->b, ", ");
	if (t && x->o->link)
		t->put(x, true);
}

bool proto_eth_print_tag(struct line *x, const struct proto_eth_tag *t)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_eth *e = &line_level(x)->eth;
	uint32_t len;

	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, t ? t->name : "ether");
	/* tcpdump's ether_common_print: a tag's short form comes first, whatever follows */
	if (t && !x->o->link)
		t->put(x, false);
	/*
	 * A cut 802.1Q tag: tcpdump says only "[|vlan]"; with -e after the addresses when the
	 * first tag is the cut one, else after the header and the whole tags.
	 */
	if (proto_l2_vlan_cut_follows(x) &&
	    (!x->o->link || x->m->layer[x->i + 1].truncated)) {
		if (x->o->link)
			eth_addrs(x, e, t);
		return false;
	}
	/* Arista's timestamp shim names its ethertype itself, -e or not (proto_arista.c) */
	if (e->type == ETH_TYPE_ARISTA && line_more(x) &&
	    x->m->layer[x->i + 1].proto == PKT_PROTO_ARISTA) {
		if (x->o->link) {
			x->link_shown = true;
			eth_addrs(x, e, t);
		}
		return false;
	}
	if (!line_link_wanted(x))
		return false;
	x->link_shown = true;
	eth_addrs(x, e, t);
	if (e->type > 1500) {
		line_ethertype(x, e->type);
		line_len_colon(x, ly->wire_len);
		return proto_l2_undecoded(x);
	}
	/* an 802.3 frame's length is its length field, when the frame holds that much */
	len = ly->wire_len - ly->hdr_len;
	pbuf_puts(&x->b, "802.3");
	line_len_colon(x, e->type < len ? e->type : len);
	return false;
}
