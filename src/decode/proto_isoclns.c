/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isoclns.c: the OSI network layer's first byte, the NLPID (ISO/TR
 * 9577), and what follows it: CLNP, ES-IS, IS-IS (the names and reads the
 * three printers share are in proto_osi.c).
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_osi.h"

#define OSI_NLPID_NULLNS 0x00
#define OSI_NLPID_Q933 0x08
#define OSI_NLPID_IP	 0xcc
#define OSI_NLPID_IP6	 0x8e

/* Whether the layer before the OSI PDU is an Ethernet type field (not LLC, nor a link type). */
static bool behind_ethertype(const struct pkt_meta *m, unsigned i)
{
	return i > 0 &&
	       (m->layer[i - 1].proto == PKT_PROTO_ETH || m->layer[i - 1].proto == PKT_PROTO_VLAN);
}

/*
 * Over LLC (SAP 0xfe) the PDU starts at its NLPID.  Behind an ethertype
 * (0xfefe) a "fudge" byte comes first, which tcpdump skips unseen: the
 * dissector counts it as this layer's header.  Behind another link's type
 * field (Cisco HDLC's), tcpdump skips it only when an IS-IS, ES-IS or CLNP
 * NLPID follows it.
 */
int proto_isoclns_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const uint8_t *p = pkt_peek(c, 2);
	unsigned i = m->n_layers - 1u;
	uint8_t fudge;

	proto_level(m)->net = PKT_PROTO_ISOCLNS;
	if (behind_ethertype(m, i))
		(void)pkt_get_u8(c, &fudge);
	else if (i > 0 && m->layer[i - 1].proto == PKT_PROTO_CHDLC && p &&
		 (p[1] == OSI_NLPID_CLNP || p[1] == OSI_NLPID_ESIS || p[1] == OSI_NLPID_ISIS))
		(void)pkt_get_u8(c, &fudge);
	/* tcpdump hands IP and IPv6 after their NLPID to its IP printers: so do these layers */
	p = pkt_peek(c, 1);
	if (p && (p[0] == OSI_NLPID_IP || p[0] == OSI_NLPID_IP6)) {
		(void)pkt_skip(c, 1);
		return p[0] == OSI_NLPID_IP ? PKT_PROTO_IPV4 : PKT_PROTO_IPV6;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: isoclns_print ------------------------------------------------------------------ */

/* tcpdump's default for an NLPID it has no printer for. */
static void put_unknown_nlpid(struct osi *s, uint8_t nlpid, uint32_t length)
{
	if (!s->e) {
		pbuf_puts(s->b, "OSI NLPID 0x");
		pbuf_hex(s->b, nlpid, 2);
		pbuf_puts(s->b, " unknown");
	}
	pbuf_puts(s->b, s->e ? "length: " : ", length: ");
	pbuf_u32(s->b, length);
	if (length > 1)
		osi_unknown(s, 0, "\n\t", length);
}

/*
 * The PDU from its NLPID.  The IP, IPv6 and PPP NLPIDs, which tcpdump
 * hands to other printers, only come over Frame Relay and Cisco HDLC,
 * which are not decoded here: they print as unknown.  Q.933 is printed.
 */
static void print_pdu(struct osi *s, uint32_t length)
{
	uint8_t nlpid = osi_u8(s, 0);

	if (s->e) {
		pbuf_puts(s->b, "OSI NLPID ");
		msg_tok_put(s->b, osi_nlpid_names, "Unknown", nlpid);
		pbuf_puts(s->b, " (0x");
		pbuf_hex(s->b, nlpid, 2);
		pbuf_puts(s->b, "): ");
	}
	switch (nlpid) {
	case OSI_NLPID_CLNP:
		if (!osi_clnp_print(s, 0, length))
			osi_unknown(s, 0, "\n\t", length);
		break;
	case OSI_NLPID_ESIS:
		osi_esis_print(s, length);
		break;
	case OSI_NLPID_ISIS:
		if (!osi_isis_print(s, length))
			osi_unknown(s, 0, "\n\t", length);
		break;
	case OSI_NLPID_Q933: {
		struct msg q = msg_sub(&s->g, 1, length - 1);

		proto_q933_put(s->b, &q, (int)s->v, s->e);
		break;
	}
	case OSI_NLPID_NULLNS:
		pbuf_puts(s->b, s->e ? "length: " : ", length: ");
		pbuf_u32(s->b, length);
		break;
	default:
		put_unknown_nlpid(s, nlpid, length);
		break;
	}
}

/* The PDU under tcpdump's longjmp: a read past the capture lands here, and the mark ends the line. */
static void print_guarded(struct osi *s)
{
	if (setjmp(s->trunc)) {
		msg_trunc_put(s->b, s->proto);
		return;
	}
	print_pdu(s, s->g.len);
}

bool proto_isoclns_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct osi s = { .b = &x->b,
			 .v = line_verbosity(x),
			 .e = x->o->link,
			 .q = x->o->quiet,
			 .proto = "isoclns" };
	struct msg all;
	uint32_t skip = ly->hdr_len;
	bool behind_type = behind_ethertype(x->m, x->i);

	msg_of(&all, x);
	if (behind_type && (skip == 0 || all.len < skip)) {
		/* behind an ethertype, without even the fudge byte */
		return msg_trunc(x, "isoclns");
	}
	if (line_more(x)) {
		/* IP or IPv6 follows its NLPID, the last byte of this layer: their printers go on */
		if (s.e && skip >= 1 && msg_has(&all, skip - 1, 1)) {
			uint8_t nlpid = msg_u8(&all, skip - 1);

			pbuf_puts(s.b, "OSI NLPID ");
			msg_tok_put(s.b, osi_nlpid_names, "Unknown", nlpid);
			pbuf_puts(s.b, " (0x");
			pbuf_hex(s.b, nlpid, 2);
			pbuf_puts(s.b, "): ");
		}
		return false;
	}
	s.g = msg_sub(&all, skip, all.len - skip);
	print_guarded(&s);
	return true;
}
