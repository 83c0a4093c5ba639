/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_macsec.c: IEEE 802.1AE MACsec SecTAG (ethertype 0x88e5): dissector and tcpdump's text. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

#define MACSEC_TAG_LEN	   6  /* TCI/AN, SL, packet number */
#define MACSEC_TAG_LEN_SCI 14 /* and the secure channel identifier */
#define MACSEC_ICV_LEN	   16 /* the default cipher suite's integrity check value */

#define MACSEC_TCI_VERSION 0x80
#define MACSEC_TCI_ES	   0x40 /* end station */
#define MACSEC_TCI_SC	   0x20 /* SCI present */
#define MACSEC_TCI_SCB	   0x10 /* EPON single copy broadcast */
#define MACSEC_TCI_E	   0x08 /* encrypted */
#define MACSEC_TCI_C	   0x04 /* changed text */
#define MACSEC_TCI_FLAGS   0x7c
#define MACSEC_AN_MASK	   0x03
#define MACSEC_SL_MASK	   0x3f

/*
 * The SecTAG after the MACsec ethertype (802.1AE-2006 9.3):
 *
 * +--------+--------+--------+--------+--------+--------+ - - - - - - - +
 * | TCI/AN |   SL   |          packet number            |  SCI (8, opt.) |
 * +--------+--------+--------+--------+--------+--------+ - - - - - - - +
 *
 * Then the secure data and the ICV.  When neither E nor C is set the data is
 * in the clear: an ethertype and what it carries, which is decoded with the
 * ICV (and, for a short length, the padding) cut off, as tcpdump does.
 */
int proto_macsec_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_macsec *s = &m->macsec;
	size_t left;
	uint16_t type;

	proto_level(m)->net = PKT_PROTO_MACSEC;
	*s = (struct pkt_macsec){ 0 };
	if (!pkt_get_u8(c, &s->tci_an) || !pkt_get_u8(c, &s->sl) || !pkt_get_be32(c, &s->pn))
		return proto_short(m, MACSEC_TAG_LEN);
	if (s->tci_an & MACSEC_TCI_SC) {
		if (!pkt_get_be64(c, &s->sci))
			return proto_short(m, MACSEC_TAG_LEN_SCI);
	}
	if ((s->sl & ~MACSEC_SL_MASK) || (s->tci_an & MACSEC_TCI_VERSION))
		return proto_invalid(m, PKT_REASON_VERSION);
	s->sl &= MACSEC_SL_MASK;
	s->encrypted = s->tci_an & (MACSEC_TCI_E | MACSEC_TCI_C);
	if (s->encrypted)
		return PKT_PROTO_NONE;
	/* tcpdump wants the ICV on the wire and captured */
	left = pkt_wire_left(c);
	if (left < MACSEC_ICV_LEN || pkt_left(c) < MACSEC_ICV_LEN) {
		s->icv_missing = true;
		return PKT_PROTO_NONE;
	}
	pkt_clamp(c, left - MACSEC_ICV_LEN);
	if (s->sl) {
		if (s->sl > pkt_left(c)) {
			s->icv_missing = true;
			return PKT_PROTO_NONE;
		}
		pkt_clamp(c, s->sl);
	}
	if (!pkt_get_be16(c, &type)) {
		s->icv_missing = true;
		return PKT_PROTO_NONE;
	}
	s->has_type = true;
	s->type = type;
	if (type <= 1500)
		return PKT_PROTO_LLC;
	return dispatch_ethertype(m, type);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok macsec_flags[] = {
	{ MACSEC_TCI_E, "E" },	 { MACSEC_TCI_C, "C" },	 { MACSEC_TCI_ES, "S" },
	{ MACSEC_TCI_SCB, "B" }, { MACSEC_TCI_SC, "I" }, { 0, NULL },
};

static void macsec_header(struct pbuf *b, const struct pkt_macsec *s)
{
	msg_printf(b, "an %u, pn %u, flags ", s->tci_an & MACSEC_AN_MASK, s->pn);
	msg_bits_put(b, macsec_flags, "none", s->tci_an & MACSEC_TCI_FLAGS, "");
	if (s->sl)
		msg_printf(b, ", sl %u", s->sl);
	if (s->tci_an & MACSEC_TCI_SC)
		msg_printf(b, ", sci %016llx", (unsigned long long)s->sci);
	pbuf_puts(b, ", ");
}

bool proto_macsec_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_macsec *s = &x->m->macsec;
	const struct pkt_eth *e = &line_level(x)->eth;
	struct pbuf *b = &x->b;
	uint32_t off = ly->off + ly->hdr_len;

	if (ly->truncated || ly->invalid) {
		if (!x->link_shown) {
			pbuf_mac(b, e->src);
			pbuf_puts(b, " > ");
			pbuf_mac(b, e->dst);
			pbuf_putc(b, ' ');
		}
		if (ly->invalid && ly->reason == PKT_REASON_VERSION) {
			pbuf_puts(b, " (invalid)");
			return true;
		}
		return msg_trunc(x, "macsec");
	}
	if (x->link_shown)
		macsec_header(b, s);
	if (s->encrypted || s->icv_missing) {
		if (s->encrypted && !x->link_shown) {
			pbuf_mac(b, e->src);
			pbuf_puts(b, " > ");
			pbuf_mac(b, e->dst);
			pbuf_puts(b, " 802.1AE MACsec, ");
			macsec_header(b, s);
		}
		if (s->icv_missing)
			return msg_trunc(x, "macsec");
		if (!x->o->dump && !x->o->quiet && x->o->data && x->m->caplen > off)
			proto_l2_default_print(b, x->o->data + off, x->m->caplen - off);
		return true;
	}
	if (!x->link_shown)
		return false;
	if (s->type <= 1500) {
		pbuf_puts(b, "802.3");
		return false;
	}
	line_ethertype(x, s->type);
	if (line_more(x))
		pbuf_puts(b, ", ");
	return false;
}
