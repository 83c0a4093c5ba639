/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp.c: PPP framing (RFC 1661, 1662) of DLT_PPP and DLT_PPP_PPPD
 * captures and of the frames PPPoE, L2TP, PPTP's GRE and Frame Relay carry:
 * dissector and printer (tcpdump 4.99.3's ppp_if_print and ppp_print).
 */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"
#include "decode/proto_ppp_cp.h"

/* tcpdump's ppp_if_print wants this much of a DLT_PPP frame before anything */
#define PPP_IF_HDRLEN 4

/*
 * An optional address and control field (0xff 0x03, or pppd's direction
 * byte and 0x03), then the protocol: one byte when odd (protocol field
 * compression), else two.  IPv4, IPv6, MPLS and OSI payloads are the next
 * layer; the rest (control protocols, authentication ...) is printed by PPP.
 */
int proto_ppp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ppp *pp = &m->ppp;
	const uint8_t *p = pkt_peek(c, 2);

	*pp = (struct pkt_ppp){ 0 };
	l->link = PKT_PROTO_PPP;
	if (!p)
		return proto_short(m, 2);
	if (p[1] == 0x03 && (p[0] == 0xff || p[0] == 0x00 || p[0] == 0x01)) {
		pp->addr = p[0];
		pp->has_addr = true;
		pkt_skip(c, 2);
	}
	p = pkt_peek(c, 1);
	if (!p || pkt_wire_left(c) < 2)
		return proto_short(m, 2);
	if (*p & 1) {
		pp->proto = *p;
		pkt_skip(c, 1);
	} else if (!pkt_get_be16(c, &pp->proto)) {
		return proto_short(m, 2);
	}
	return ppp_next_layer(pp->proto);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* Whether this PPP layer is the link header of a DLT_PPP or DLT_PPP_PPPD capture. */
static bool ppp_is_link(const struct line *x)
{
	return x->i == 0 && (x->m->linktype == DLT_PPP || x->m->linktype == DLT_PPP_PPPD);
}

bool proto_ppp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_ppp *pp = &x->m->ppp;
	struct pbuf *b = &x->b;
	const char *name = ppp_proto_name(pp->proto);
	struct ppp_pr p;

	if ((ppp_is_link(x) && x->m->caplen < PPP_IF_HDRLEN) || ly->truncated || ly->invalid)
		return msg_trunc(x, "ppp");
	if (x->o->link) {
		if (pp->has_addr && pp->addr == 0x00)
			pbuf_puts(b, "In  ");
		else if (pp->has_addr && pp->addr == 0x01)
			pbuf_puts(b, "Out ");
		msg_printf(b, "%s (0x%04x), length %u", name ? name : "unknown", pp->proto,
			   ly->wire_len);
		if (!name)
			return true;
		pbuf_puts(b, ": ");
	}
	if (line_more(x))
		return false;
	ppp_pr_init(&p, x, "ppp");
	ppp_payload_print(x, &p, pp->proto, ly->off + ly->hdr_len, ly->wire_len - ly->hdr_len);
	return true;
}

bool proto_ppp_dump_offset(const struct pkt_meta *m, uint32_t *off)
{
	if (!m->n_layers || m->n_layers > PKT_MAX_LAYERS)
		return false;
	switch (m->linktype) {
	case DLT_PPP:
	case DLT_PPP_PPPD:
		/* ppp_if_print counts 4 bytes, whatever the frame's header is */
		*off = m->caplen < PPP_IF_HDRLEN ? m->caplen : PPP_IF_HDRLEN;
		return true;
	case DLT_PPP_ETHER:
		/* pppoe_if_print: the PPPoE header and PPP's address and protocol */
		if (m->layer[0].truncated || m->layer[0].invalid)
			return false;
		if (m->n_layers > 1 && m->layer[1].proto == PKT_PROTO_PPP)
			*off = m->layer[1].off + m->layer[1].hdr_len;
		else
			*off = m->layer[0].off + m->layer[0].hdr_len;
		return true;
	case DLT_PPP_SERIAL:
		/* ppp_hdlc_if_print: the address, control and protocol; Cisco HDLC's own */
		if (m->layer[0].truncated || m->layer[0].invalid) {
			*off = m->caplen;
			return true;
		}
		if (m->n_layers > 1 && m->layer[1].proto == PKT_PROTO_CHDLC) {
			if (m->n_layers > 2)
				*off = m->layer[2].off;
			else
				*off = m->layer[1].off + m->layer[1].hdr_len;
			return true;
		}
		*off = m->layer[0].off + m->layer[0].hdr_len;
		return true;
	}
	return false;
}
