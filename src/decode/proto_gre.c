/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_gre.c: GRE (RFC 2784, 2890) and PPTP's enhanced GRE (RFC 2637): dissector and printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/tcpdump_names.h"
#include "decode/proto.h"

#define GRE_VERSION_MASK 0x0007

/*
 * RFC 2784 section 2.1 with RFC 2890's key and sequence number:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|R|K|S| Reserved0       | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (optional)      |   Offset (RFC 1701, optional) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Key (optional)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sequence Number (optional)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Acknowledgment Number (version 1 with A set, optional)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_gre_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_gre *g = &l->gre;
	size_t hlen = 4;

	l->trans = PKT_PROTO_GRE;
	*g = (struct pkt_gre){ 0 };
	if (!pkt_get_be16(c, &g->flags) || !pkt_get_be16(c, &g->proto))
		return proto_short(m, hlen);
	g->version = g->flags & GRE_VERSION_MASK;
	if (g->flags & (PKT_GRE_CSUM | PKT_GRE_ROUTING))
		hlen += 4;
	if (g->flags & PKT_GRE_KEY)
		hlen += 4;
	if (g->flags & PKT_GRE_SEQ)
		hlen += 4;
	if (g->version == 1 && (g->flags & PKT_GRE_ACK))
		hlen += 4;

	if (g->flags & (PKT_GRE_CSUM | PKT_GRE_ROUTING)) {
		if (!pkt_get_be16(c, &g->csum) || !pkt_get_be16(c, &g->offset))
			return proto_short(m, hlen);
	}
	if ((g->flags & PKT_GRE_KEY) && !pkt_get_be32(c, &g->key))
		return proto_short(m, hlen);
	if ((g->flags & PKT_GRE_SEQ) && !pkt_get_be32(c, &g->seq))
		return proto_short(m, hlen);
	if (g->version == 1 && (g->flags & PKT_GRE_ACK) && !pkt_get_be32(c, &g->ack))
		return proto_short(m, hlen);

	/*
	 * Only plain version 0 GRE carries a frame decoded here: RFC 1701
	 * source routes and PPTP's PPP payload stay undecoded, and so does the
	 * start of a frame cut by IP fragmentation, whose lengths would not fit.
	 */
	if (g->version != 0 || (g->flags & PKT_GRE_ROUTING) || l->frag)
		return PKT_PROTO_NONE;
	return dispatch_lookup(DISPATCH_GRE, g->proto);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

bool proto_gre_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_gre *g = &line_level(x)->gre;
	struct pbuf *b = &x->b;

	line_addrs(x, false, 0, 0);
	if (ly->truncated || ly->invalid) {
		/* the version is in the first two bytes */
		if (ly->hdr_len >= 2) {
			pbuf_puts(b, "GREv");
			pbuf_u32(b, g->version);
			pbuf_putc(b, ' ');
		}
		return line_trunc(x, "gre");
	}
	pbuf_puts(b, "GREv");
	pbuf_u32(b, g->version);
	pbuf_puts(b, ", ");
	if (g->flags & (PKT_GRE_CSUM | PKT_GRE_ROUTING)) {
		if (x->o->verbose) {
			pbuf_puts(b, "sum 0x");
			pbuf_hex(b, g->csum, 1);
			pbuf_puts(b, ", ");
		}
		pbuf_puts(b, "off 0x");
		pbuf_hex(b, g->offset, 1);
		pbuf_puts(b, ", ");
	}
	if (g->flags & PKT_GRE_KEY) {
		pbuf_puts(b, "key=0x");
		pbuf_hex(b, g->key, 1);
		pbuf_puts(b, ", ");
	}
	if (g->flags & PKT_GRE_SEQ) {
		pbuf_puts(b, "seq ");
		pbuf_u32(b, g->seq);
		pbuf_puts(b, ", ");
	}
	if (g->version == 1 && (g->flags & PKT_GRE_ACK)) {
		pbuf_puts(b, "ack ");
		pbuf_u32(b, g->ack);
		pbuf_puts(b, ", ");
	}
	if (x->o->link) {
		const char *name = tcpdump_names_ethertype(g->proto);

		pbuf_puts(b, "proto ");
		pbuf_puts(b, name ? name : "Unknown");
		pbuf_puts(b, " (0x");
		pbuf_hex(b, g->proto, 4);
		pbuf_puts(b, "), ");
	}
	pbuf_puts(b, "length ");
	pbuf_u32(b, ly->wire_len);
	if (line_more(x)) {
		pbuf_puts(b, ": ");
		return false;
	}
	if (g->version == 0) {
		pbuf_puts(b, ": gre-proto-0x");
		pbuf_hex(b, g->proto, 1);
	}
	return true;
}
