/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_gre.c: GRE (RFC 2784, 2890) and PPTP's enhanced GRE (RFC 2637): dissector and printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/tcpdump_names.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

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
	 * The start of a frame cut by IP fragmentation stays undecoded: its
	 * lengths would not fit.  Version 1 (PPTP) carries PPP when it has a
	 * sequence number, as tcpdump's gre_print_1 decides.
	 */
	if (l->frag)
		return PKT_PROTO_NONE;
	if (g->version == 1)
		return (g->flags & PKT_GRE_SEQ) && g->proto == 0x880b ? PKT_PROTO_PPP : PKT_PROTO_NONE;
	if (g->version != 0)
		return PKT_PROTO_NONE;
	/* RFC 1701 source route entries, up to the one of length 0: the printer lists them */
	if (g->flags & PKT_GRE_ROUTING) {
		for (;;) {
			uint16_t af;
			uint8_t sre[2];

			if (!pkt_get_be16(c, &af) || !pkt_copy(c, sre, 2))
				return proto_short(m, hlen);
			if (af == 0 && sre[1] == 0)
				break;
			if (!pkt_skip(c, sre[1]))
				return proto_short(m, hlen);
		}
	}
	return dispatch_lookup(DISPATCH_GRE, g->proto);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok gre_flag_names[] = {
	{ 0x8000, "checksum present" },	 { 0x4000, "routing present" },
	{ 0x2000, "key present" },	 { 0x1000, "sequence# present" },
	{ 0x0800, "source routing present" }, { 0x0080, "ack present" },
	{ 0, NULL },
};

/*
 * RFC 1701's source route entries after the fixed fields, from off: tcpdump's
 * ", (rtaf=ip 10.0.0.1 *10.0.0.2)"; false when one is malformed or cut.
 */
static bool put_sres(struct pbuf *b, const struct msg *g, size_t off)
{
	for (;;) {
		uint16_t af;
		uint8_t sreoff, srelen;
		unsigned step;

		if (!msg_has(g, off, 4))
			return false;
		af = msg_u16(g, off);
		sreoff = msg_u8(g, off + 2);
		srelen = msg_u8(g, off + 3);
		off += 4;
		if (af == 0 && srelen == 0)
			return true;
		if (af != 0x0800 && af != 0xfffe) {
			msg_printf(b, ", (rtaf=0x%x)", af);
		} else {
			step = af == 0x0800 ? 4 : 2;
			pbuf_puts(b, af == 0x0800 ? ", (rtaf=ip" : ", (rtaf=asn");
			if (sreoff & (step - 1)) {
				msg_printf(b, ", badoffset=%u)", sreoff);
				return false;
			}
			if (srelen & (step - 1)) {
				msg_printf(b, ", badlength=%u)", srelen);
				return false;
			}
			if (sreoff >= srelen) {
				msg_printf(b, ", badoff/len=%u/%u)", sreoff, srelen);
				return false;
			}
			for (unsigned k = 0; k < srelen; k += step) {
				if (!msg_has(g, off + k, step))
					return false;
				pbuf_puts(b, k == sreoff ? " *" : " ");
				if (step == 4)
					pbuf_ip4(b, g->p + off + k);
				else
					pbuf_hex(b, msg_u16(g, off + k), 1);
			}
			pbuf_putc(b, ')');
		}
		if (!msg_has(g, off, srelen))
			return false;
		off += srelen;
	}
}

static void put_proto_e(struct line *x, uint16_t proto)
{
	const char *name = tcpdump_names_ethertype(proto);

	if (!x->o->link)
		return;
	pbuf_puts(&x->b, ", proto ");
	pbuf_puts(&x->b, name ? name : "unknown");
	pbuf_puts(&x->b, " (0x");
	pbuf_hex(&x->b, proto, 4);
	pbuf_putc(&x->b, ')');
}

bool proto_gre_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_gre *g = &line_level(x)->gre;
	struct pbuf *b = &x->b;
	bool v = line_verbosity(x);
	struct msg m;

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
	if (g->version > 1) {
		pbuf_puts(b, " ERROR: unknown-version");
		return true;
	}
	if (v) {
		pbuf_puts(b, ", Flags [");
		msg_bits_put(b, gre_flag_names, "none", g->flags, ", ");
		pbuf_putc(b, ']');
	}
	if (g->version == 1) {
		/* PPTP (RFC 2637): the key holds the payload length and the call id */
		if (g->flags & PKT_GRE_KEY)
			msg_printf(b, ", call %u", g->key & 0xffff);
		if (g->flags & PKT_GRE_SEQ)
			msg_printf(b, ", seq %u", g->seq);
		if (g->flags & PKT_GRE_ACK)
			msg_printf(b, ", ack %u", g->ack);
		if (!(g->flags & PKT_GRE_SEQ))
			pbuf_puts(b, ", no-payload");
		put_proto_e(x, g->proto);
		pbuf_puts(b, ", length ");
		pbuf_u32(b, ly->wire_len);
		if (!(g->flags & PKT_GRE_SEQ))
			return true;
		pbuf_puts(b, v ? "\n\t" : ": ");
		if (g->proto != 0x880b) {
			msg_printf(b, "gre-proto-0x%x", g->proto);
			return true;
		}
		return !line_more(x); /* PPTP's PPP frame */
	}
	if (g->flags & (PKT_GRE_CSUM | PKT_GRE_ROUTING)) {
		if (v)
			msg_printf(b, ", sum 0x%x", g->csum);
		msg_printf(b, ", off 0x%x", g->offset);
	}
	if (g->flags & PKT_GRE_KEY)
		msg_printf(b, ", key=0x%x", g->key);
	if (g->flags & PKT_GRE_SEQ)
		msg_printf(b, ", seq %u", g->seq);
	if ((g->flags & PKT_GRE_ROUTING) && msg_of(&m, x) &&
	    !put_sres(b, &m, 8 + (g->flags & PKT_GRE_KEY ? 4 : 0) + (g->flags & PKT_GRE_SEQ ? 4 : 0))) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	put_proto_e(x, g->proto);
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ly->wire_len);
	pbuf_puts(b, v ? "\n\t" : ": ");
	if (line_more(x))
		return false;
	msg_printf(b, "gre-proto-0x%x", g->proto);
	return true;
}
