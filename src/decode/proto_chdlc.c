/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_chdlc.c: Cisco HDLC framing (DLT_C_HDLC) and its SLARP keepalives: dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define CHDLC_HDR_LEN	4
#define CHDLC_UNICAST	0x0f
#define CHDLC_BCAST	0x8f
#define CHDLC_SLARP	0x8035 /* RARP's ethertype, which Cisco HDLC reuses */
#define CHDLC_ISO	0xfefe /* OSI, with or without a fudge byte before the NLPID */
#define SLARP_MIN_LEN	14
#define SLARP_MAX_LEN	18

/*
 * An address byte (unicast 0x0f, broadcast 0x8f), a control byte and an
 * ethertype.  IPv4, IPv6, MPLS and OSI are decoded as the next layer; SLARP
 * and other types are this layer's to print.
 */
int proto_chdlc_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_chdlc *h = &m->chdlc;
	const uint8_t *p = pkt_peek(c, CHDLC_HDR_LEN);

	l->link = PKT_PROTO_CHDLC;
	*h = (struct pkt_chdlc){ 0 };
	if (!p)
		return proto_short(m, CHDLC_HDR_LEN);
	h->addr = p[0];
	h->control = p[1];
	h->proto = (uint16_t)(p[2] << 8 | p[3]);
	pkt_skip(c, CHDLC_HDR_LEN);
	l->ethertype = h->proto;
	switch (h->proto) {
	case PROTO_ETHERTYPE_IPV4:
		return PKT_PROTO_IPV4;
	case PROTO_ETHERTYPE_IPV6:
		return PKT_PROTO_IPV6;
	case 0x8847:
	case 0x8848:
		return PKT_PROTO_MPLS;
	case CHDLC_ISO:
		/* tcpdump wants the NLPID's byte after a possible fudge byte */
		if (pkt_wire_left(c) < 2)
			return proto_invalid(m, PKT_REASON_SHORT);
		/* that byte cut by the capture: tcpdump's read of it ends in "[|chdlc]" */
		if (!pkt_peek(c, 2))
			return proto_truncated(m);
		return PKT_PROTO_ISOCLNS;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok chdlc_casts[] = {
	{ CHDLC_UNICAST, "unicast" },
	{ CHDLC_BCAST, "bcast" },
	{ 0, NULL },
};

/* The uptime in milliseconds as tcpdump's "1d0h1m32s". */
static void slarp_uptime(struct pbuf *b, uint32_t ms)
{
	uint32_t sec = ms / 1000, min, hrs, days;

	min = sec / 60;
	sec -= min * 60;
	hrs = min / 60;
	min -= hrs * 60;
	days = hrs / 24;
	hrs -= days * 24;
	msg_printf(b, ", link uptime=%ud%uh%um%us", days, hrs, min, sec);
}

/* tcpdump's chdlc_slarp_print: request, reply, keepalive. */
static bool slarp_print(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	size_t dump_off = 4;
	uint32_t code;

	msg_printf(b, "SLARP (length: %u), ", g->len);
	/* tcpdump 4.99.3 calls a short SLARP message cut, as it does a cut one */
	if (g->len < SLARP_MIN_LEN || !msg_has(g, 0, SLARP_MIN_LEN))
		return line_trunc_sp(x, "chdlc_slarp");
	code = msg_u32(g, 0);
	switch (code) {
	case 0:
		pbuf_puts(b, "request");
		break;
	case 1:
		pbuf_puts(b, "reply ");
		pbuf_ip4(b, g->p + 4);
		pbuf_putc(b, '/');
		pbuf_ip4(b, g->p + 8);
		break;
	case 2:
		msg_printf(b, "keepalive: mineseen=0x%08x, yourseen=0x%08x, reliability=0x%04x",
			   msg_u32(g, 4), msg_u32(g, 8), msg_u16(g, 12));
		if (g->len >= SLARP_MAX_LEN) { /* the uptime is optional */
			if (!msg_has(g, SLARP_MIN_LEN, 4))
				return line_trunc_sp(x, "chdlc_slarp");
			slarp_uptime(b, msg_u32(g, SLARP_MIN_LEN));
			/* tcpdump's -vv dump starts 4 bytes past the uptime then */
			dump_off = SLARP_MIN_LEN + 4;
		}
		break;
	default:
		msg_printf(b, "0x%02x unknown", code);
		if (line_verbosity(x) <= 1)
			msg_hex_lines(b, "\n\t", g->p + 4, g->cap - 4);
		break;
	}
	if (g->len > SLARP_MAX_LEN && x->o->verbose)
		msg_printf(b, ", (trailing junk: %u bytes)", g->len - SLARP_MAX_LEN);
	if (line_verbosity(x) > 1 && g->len > dump_off && g->cap > dump_off)
		msg_hex_lines(b, "\n\t", g->p + dump_off,
			      (g->cap < g->len ? g->cap : g->len) - dump_off);
	return true;
}

bool proto_chdlc_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_chdlc *h = &x->m->chdlc;
	struct pbuf *b = &x->b;
	struct msg g;

	if (ly->truncated)
		return line_trunc_sp(x, "chdlc");
	if (x->o->link) {
		msg_tok_put(b, chdlc_casts, "0x%02x", h->addr);
		pbuf_puts(b, ", ");
		line_ethertype(x, h->proto);
		msg_printf(b, ", length %u: ", x->m->wirelen);
	}
	if (ly->invalid) /* OSI without room for its NLPID */
		return line_trunc_sp(x, "chdlc");
	if (line_more(x))
		return false;
	if (!msg_of(&g, x))
		return true;
	g = msg_sub(&g, CHDLC_HDR_LEN, g.len - CHDLC_HDR_LEN);
	if (h->proto == CHDLC_SLARP)
		return slarp_print(x, &g);
	if (!x->o->link)
		msg_printf(b, "unknown CHDLC protocol (0x%04x)", h->proto);
	return true;
}
