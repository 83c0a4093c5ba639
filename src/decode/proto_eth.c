/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_eth.c: Ethernet II and 802.3 frame headers: dissector and -e printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"

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
	 * An 802.3 frame: LLC follows.  Its length field tells the padding to a
	 * 60-byte frame apart from the payload.  Two bytes of 0xff instead of
	 * an LLC header are Novell's raw 802.3 IPX, not decoded.
	 */
	if (e->type <= ETH_MAX_8023_LEN) {
		const uint8_t *p;

		if (e->type < pkt_wire_left(c))
			pkt_clamp(c, e->type);
		p = pkt_peek(c, 2);
		if (p && p[0] == 0xff && p[1] == 0xff)
			return PKT_PROTO_NONE;
		return PKT_PROTO_LLC;
	}
	return dispatch_ethertype(m, e->type);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

bool proto_eth_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_eth *e = &line_level(x)->eth;
	uint32_t len;

	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, "ether");
	/*
	 * A cut 802.1Q tag: tcpdump says only "[|vlan]"; with -e after the addresses when the
	 * first tag is the cut one, else after the header and the whole tags.
	 */
	if (proto_l2_vlan_cut_follows(x) &&
	    (!x->o->link || x->m->layer[x->i + 1].truncated)) {
		if (x->o->link) {
			pbuf_mac(&x->b, e->src);
			pbuf_puts(&x->b, " > ");
			pbuf_mac(&x->b, e->dst);
			pbuf_puts(&x->b, ", ");
		}
		return false;
	}
	if (!line_link_wanted(x))
		return false;
	x->link_shown = true;
	pbuf_mac(&x->b, e->src);
	pbuf_puts(&x->b, " > ");
	pbuf_mac(&x->b, e->dst);
	pbuf_puts(&x->b, ", ");
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
