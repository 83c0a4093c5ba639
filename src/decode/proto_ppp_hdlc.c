/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp_hdlc.c: DLT_PPP_SERIAL (PPP in RFC 1662's HDLC-like framing, or
 * Cisco HDLC in the same link type), and the un-escaping of a frame whose
 * protocol field starts with the flag byte, as tcpdump 4.99.3's
 * ppp_hdlc_if_print and ppp_hdlc do.
 */
#include "config.h"

#include <stdlib.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_ppp_cp.h"

#define PPP_ADDRESS   0xff
#define CHDLC_UNICAST 0x0f
#define CHDLC_BCAST   0x8f

/*
 * The first byte decides: 0xff is PPP (address, control and a two-byte
 * protocol: no field compression here), Cisco's 0x0f and 0x8f are Cisco
 * HDLC, anything else an unknown address whose next two bytes tcpdump
 * names.  A capture of less than 2 bytes, or of less than 4 of PPP or an
 * unknown address, is cut.
 */
int proto_ppp_hdlc_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_ppp *pp = &m->ppp;
	const uint8_t *p = pkt_peek(c, 2);

	*pp = (struct pkt_ppp){ 0 };
	proto_level(m)->link = PKT_PROTO_PPP_HDLC;
	if (!p)
		return proto_truncated(m);
	pp->addr = p[0];
	if (p[0] == CHDLC_UNICAST || p[0] == CHDLC_BCAST)
		return PKT_PROTO_CHDLC;
	p = pkt_peek(c, 4);
	if (!p)
		return proto_truncated(m);
	if (pp->addr != PPP_ADDRESS) {
		pp->ctrl = p[1];
		pkt_skip(c, 2);
		return PKT_PROTO_NONE;
	}
	pp->has_addr = true;
	pp->ctrl = p[1];
	pp->proto = (uint16_t)(p[2] << 8 | p[3]);
	pkt_skip(c, 4);
	return ppp_next_layer(pp->proto);
}

bool proto_ppp_hdlc_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_ppp *pp = &x->m->ppp;
	struct pbuf *b = &x->b;
	const char *name;
	struct ppp_pr p;
	struct msg g;

	if (ly->truncated || ly->invalid)
		return msg_trunc(x, "ppp_hdlc");
	if (pp->addr == CHDLC_UNICAST || pp->addr == CHDLC_BCAST)
		return false;
	if (x->o->link)
		msg_printf(b, "%02x %02x %u ", pp->addr, pp->ctrl, x->m->wirelen);
	if (!pp->has_addr) {
		/* the two bytes after the address and control, as tcpdump names them */
		msg_of(&g, x);
		msg_printf(b, "unknown addr %02x; ctrl %02x", msg_u8(&g, 2), msg_u8(&g, 3));
		return true;
	}
	name = ppp_proto_name(pp->proto);
	if (name)
		msg_printf(b, "%s: ", name);
	else
		msg_printf(b, "unknown PPP protocol (0x%04x): ", pp->proto);
	if (line_more(x))
		return false;
	ppp_pr_init(&p, x, "ppp_hdlc");
	ppp_payload_print(x, &p, pp->proto, ly->off + 4, ly->wire_len - 4);
	return true;
}

void ppp_pr_init(struct ppp_pr *p, struct line *x, const char *proto)
{
	const struct pkt_layer *ly = line_layer(x);
	uint32_t end = ly->off + ly->wire_len;

	p->b = &x->b;
	p->g.p = x->o->data;
	p->g.len = end;
	p->g.cap = x->o->data ? (x->m->caplen < end ? x->m->caplen : end) : 0;
	p->v = line_verbosity(x);
	p->e = x->o->link;
	p->proto = proto;
	p->cut = false;
}

void ppp_payload_print(struct line *x, struct ppp_pr *p, uint16_t proto, size_t off,
		       uint32_t length)
{
	/* a protocol field starting with the flag: an HDLC frame still escaped */
	if ((proto & 0xff00) == 0x7e00) {
		if (off)
			ppp_hdlc_unescaped_print(x, p, off - 1, length);
		return;
	}
	ppp_handle(p, proto, off, length);
}

/*
 * IP or IPv6 from the un-escaped frame: a packet printed on the line.  The
 * printer tcpdump calls is the protocol field's, not the version nibble's:
 * ip_print and ip6_print complain about the other version as below.
 */
static void nested_ip(struct line *x, const uint8_t *p, size_t n, bool v6)
{
	unsigned ver = n ? p[0] >> 4 : 0;

	if (!x->nested)
		return;
	if (n && !v6 && ver != 4) {
		if (ver == 6)
			pbuf_puts(&x->b, "IP6, wrong link-layer encapsulation (invalid)");
		else
			msg_printf(&x->b, "IP%u (invalid)", ver);
		return;
	}
	if (n && v6 && ver != 6) {
		if (n < 40) /* ip6_print wants the whole header first */
			msg_trunc_put(&x->b, "ip6");
		else
			msg_printf(&x->b, "%sversion error: %u != 6", x->o->link ? "" : "IP6 ", ver);
		return;
	}
	x->nested_link = true;
	x->nested(x, p, n, n);
	x->nested_link = false;
}

/* The un-escaped frame's packet of protocol proto at off: nested IP, or PPP's own printers. */
static void unescaped_payload(struct line *x, struct ppp_pr *u, uint16_t proto, size_t off)
{
	uint32_t n = u->g.cap - (uint32_t)off;

	if ((proto & 0xff00) == 0x7e00) {
		msg_printf(u->b, "(protocol 0x%04x invalid)", proto);
		return;
	}
	if (ppp_handle(u, proto, off, n))
		return;
	/* IP and IPv6 print as a packet of their own; MPLS and OSI are not decoded here */
	if (ppp_next_layer(proto) != PKT_PROTO_IPV4 && ppp_next_layer(proto) != PKT_PROTO_IPV6)
		return;
	nested_ip(x, u->g.p + off, n, ppp_next_layer(proto) == PKT_PROTO_IPV6);
}

void ppp_hdlc_unescaped_print(struct line *x, struct ppp_pr *p, size_t start, uint32_t length)
{
	struct ppp_pr u = *p;
	uint8_t *buf;
	size_t cap, n = 0;

	if (start >= p->g.cap || !length)
		return;
	cap = p->g.cap - start;
	buf = malloc(cap);
	if (!buf)
		return;
	/* 0x7d escapes the next byte, XORed with 0x20; an escape as the last byte ends it */
	for (size_t i = 0; i < cap; i++) {
		uint8_t ch = p->g.p[start + i];

		if (ch == 0x7d) {
			if (i + 1 >= cap)
				break;
			ch = p->g.p[start + ++i] ^ 0x20;
		}
		buf[n++] = ch;
	}
	u.g.p = buf;
	u.g.len = (uint32_t)n;
	u.g.cap = (uint32_t)n;
	/* tcpdump guesses: a one-byte IP or IPv6 protocol, ff 03 and a protocol, a protocol */
	if (n < 1) {
		msg_trunc_put(p->b, p->proto);
	} else if (buf[0] == PPP_PROTO_IP || buf[0] == PPP_PROTO_IPV6) {
		nested_ip(x, buf + 1, n - 1, buf[0] == PPP_PROTO_IPV6);
	} else if (n < 2) {
		msg_trunc_put(p->b, p->proto);
	} else if (buf[0] == 0xff && buf[1] == 0x03) {
		if (n < 4)
			msg_trunc_put(p->b, p->proto);
		else
			unescaped_payload(x, &u, (uint16_t)(buf[2] << 8 | buf[3]), 4);
	} else {
		unescaped_payload(x, &u, (uint16_t)(buf[0] << 8 | buf[1]), 2);
	}
	free(buf);
}
