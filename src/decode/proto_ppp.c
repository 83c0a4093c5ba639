/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ppp.c: PPP framing (RFC 1661, 1662) of LINKTYPE_PPP captures: dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"
#include "decode/proto_ppp_cp.h"

#define PPP_IP	      0x0021
#define PPP_IPV6      0x0057
#define PPP_MPLS_UC   0x0281
#define PPP_MPLS_MC   0x0283

/*
 * An optional address and control field (0xff 0x03, or pppd's direction
 * byte and 0x03), then the protocol: one byte when odd (protocol field
 * compression), else two.  IPv4, IPv6 and MPLS payloads are decoded; the
 * control protocols are named and dumped.
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
	if (!p)
		return proto_short(m, 2);
	if (*p & 1) {
		pp->proto = *p;
		pkt_skip(c, 1);
	} else if (!pkt_get_be16(c, &pp->proto)) {
		return proto_short(m, 2);
	}
	switch (pp->proto) {
	case PPP_IP:
		return PKT_PROTO_IPV4;
	case PPP_IPV6:
		return PKT_PROTO_IPV6;
	case PPP_MPLS_UC:
	case PPP_MPLS_MC:
		return PKT_PROTO_MPLS;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok ppp_protos[] = {
	{ 0x0021, "IP" },	{ 0x0029, "Appletalk" }, { 0x002b, "IPX" },
	{ 0x002d, "VJC" },	{ 0x002f, "VJNC" },	  { 0x0057, "IPv6" },
	{ 0x0281, "MPLS" },	{ 0x0283, "MPLS" },	  { 0x00fd, "CCP" },
	{ 0x8021, "IPCP" },	{ 0x8029, "ATCP" },	  { 0x802b, "IPXCP" },
	{ 0x8057, "IP6CP" },	{ 0x80fd, "CCP" },	  { 0x8281, "MPLSCP" },
	{ 0xc021, "LCP" },	{ 0xc023, "PAP" },	  { 0xc025, "LQM" },
	{ 0xc223, "CHAP" },	{ 0xc227, "EAP" },	  { 0x003d, "ML" },
	{ 0x8207, "CDPCP" },	{ 0x0207, "CDP" },	  { 0x0031, "BPDU" },
	{ 0x8031, "BCP" },	{ 0x0033, "STII" },	  { 0x0035, "VINES" },
	{ 0x8023, "OSICP" },	{ 0x0023, "OSI" },	  { 0x0025, "NS" },
	{ 0x0027, "DECNET" },	{ 0x8027, "DECNETCP" },
	{ 0, NULL },
};

bool proto_ppp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_ppp *pp = &x->m->ppp;
	struct pbuf *b = &x->b;
	const char *name = msg_tok_find(ppp_protos, pp->proto);
	struct msg g;

	if (ly->truncated || ly->invalid)
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
	if (proto_ppp_cp_is(pp->proto) && msg_of(&g, x)) {
		proto_ppp_cp_print(b, &g, ly->hdr_len, pp->proto,
				   ly->wire_len - (pp->has_addr ? 2 : 0), line_verbosity(x));
		return true;
	}
	/* not decoded here: named and dumped, as tcpdump does for protocols it lacks */
	if (name)
		msg_printf(b, "%s ", name);
	else
		msg_printf(b, "unknown PPP protocol (0x%04x) ", pp->proto);
	if (msg_of(&g, x) && g.cap > ly->hdr_len)
		msg_hex_lines(b, "\n\t", g.p + ly->hdr_len, g.cap - ly->hdr_len);
	return true;
}
