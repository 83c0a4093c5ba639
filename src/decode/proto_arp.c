/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_arp.c: ARP and RARP (RFC 826, RFC 903): dissector and printer. */
#include "config.h"

#include "decode/proto.h"

#define ARP_FIXED_LEN 8

/*
 * RFC 826; the addresses are shown for Ethernet/IPv4 (hlen 6, plen 4), which
 * alone are decoded into fields.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Hardware type         |         Protocol type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Hw addr len  | Proto addr len|           Operation           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Sender hardware address (hlen bytes) ...             |
 * |          Sender protocol address (plen bytes) ...             |
 * |          Target hardware address (hlen bytes) ...             |
 * |          Target protocol address (plen bytes) ...             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_arp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_arp *a = &l->arp;
	size_t len;

	l->net = PKT_PROTO_ARP;
	*a = (struct pkt_arp){ 0 };
	if (!pkt_get_be16(c, &a->htype) || !pkt_get_be16(c, &a->ptype) ||
	    !pkt_get_u8(c, &a->hlen) || !pkt_get_u8(c, &a->plen) || !pkt_get_be16(c, &a->op))
		return proto_short(m, ARP_FIXED_LEN);

	len = ARP_FIXED_LEN + 2 * ((size_t)a->hlen + a->plen);
	if (a->hlen != sizeof(a->sha) || a->plen != sizeof(a->spa)) {
		if (!pkt_skip(c, len - ARP_FIXED_LEN))
			return proto_short(m, len);
		return PKT_PROTO_NONE;
	}
	if (!pkt_copy(c, a->sha, sizeof(a->sha)) || !pkt_copy(c, a->spa, sizeof(a->spa)) ||
	    !pkt_copy(c, a->tha, sizeof(a->tha)) || !pkt_copy(c, a->tpa, sizeof(a->tpa)))
		return proto_short(m, len);
	a->eth_ip = true;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

#include "decode/proto_msg.h"
#include "decode/tcpdump_names.h"

#define ARP_HRD_FRELAY 15
#define ARP_PRO_TRAIL 0x1000

static const struct msg_tok arp_hw_names[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" },  { 7, "ArcNet" },   { 15, "Frame Relay" },
	{ 23, "Strip" },   { 24, "IEEE 1394" }, { 19, "ATM" },	    { 32, "InfiniBand" },
	{ 0, NULL },
};

static const struct msg_tok arp_op_names[] = {
	{ 1, "Request" },	  { 2, "Reply" },	   { 3, "Reverse Request" },
	{ 4, "Reverse Reply" },	  { 8, "Inverse Request" }, { 9, "Inverse Reply" },
	{ 10, "NACK Reply" },	  { 0, NULL },
};

/*
 * The addresses of a packet whatever their lengths, read again from its
 * bytes (the dissector keeps only Ethernet/IPv4 ones): sender hardware,
 * sender protocol, target hardware, target protocol.
 */
struct arp_addrs {
	const struct pkt_arp *a;
	const uint8_t *sha, *spa, *tha, *tpa;
};

static bool arp_addrs_of(struct line *x, const struct pkt_arp *a, struct arp_addrs *r)
{
	struct msg g;
	size_t h = a->hlen, p = a->plen;

	r->a = a;
	if (a->eth_ip) {
		r->sha = a->sha, r->spa = a->spa, r->tha = a->tha, r->tpa = a->tpa;
		return true;
	}
	if (!msg_of(&g, x) || !msg_has(&g, 0, ARP_FIXED_LEN + 2 * (h + p)))
		return false;
	r->sha = g.p + ARP_FIXED_LEN;
	r->spa = r->sha + h;
	r->tha = r->spa + p;
	r->tpa = r->tha + h;
	return true;
}

static bool arp_is_zero(const uint8_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i])
			return false;
	return true;
}

/* tcpdump's linkaddr_string: "<empty>", a MAC, or the bytes in hex joined by ':'. */
static void arp_put_hw(struct pbuf *b, const struct arp_addrs *r, const uint8_t *hw)
{
	size_t n = r->a->hlen;

	if (n == 0) {
		pbuf_puts(b, "<empty>");
		return;
	}
	if (n == 6) {
		pbuf_mac(b, hw);
		return;
	}
	for (size_t i = 0; i < n; i++)
		msg_printf(b, i ? ":%02x" : "%02x", hw[i]);
}

/* A protocol address: IPv4 (or trailer encapsulation) of 4 bytes, else why not. */
static void arp_put_proto(struct pbuf *b, const struct arp_addrs *r, const uint8_t *pa)
{
	if (r->a->ptype != 0x0800 && r->a->ptype != ARP_PRO_TRAIL)
		pbuf_puts(b, "<wrong proto type>");
	else if (r->a->plen != 4)
		pbuf_puts(b, "<wrong len>");
	else
		pbuf_ip4(b, pa);
}

static void arp_print_op(struct pbuf *b, const struct arp_addrs *r)
{
	switch (r->a->op) {
	case 1:
		pbuf_puts(b, "who-has ");
		arp_put_proto(b, r, r->tpa);
		if (!arp_is_zero(r->tha, r->a->hlen)) {
			pbuf_puts(b, " (");
			arp_put_hw(b, r, r->tha);
			pbuf_putc(b, ')');
		}
		pbuf_puts(b, " tell ");
		arp_put_proto(b, r, r->spa);
		break;
	case 2:
		arp_put_proto(b, r, r->spa);
		pbuf_puts(b, " is-at ");
		arp_put_hw(b, r, r->sha);
		break;
	case 3:
	case 8:
		pbuf_puts(b, "who-is ");
		arp_put_hw(b, r, r->tha);
		pbuf_puts(b, " tell ");
		arp_put_hw(b, r, r->sha);
		break;
	case 4:
		arp_put_hw(b, r, r->tha);
		pbuf_puts(b, " at ");
		arp_put_proto(b, r, r->tpa);
		break;
	case 9:
		arp_put_hw(b, r, r->sha);
		pbuf_puts(b, " at ");
		arp_put_proto(b, r, r->spa);
		break;
	default:
		break;
	}
}

bool proto_arp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_arp *a = &line_level(x)->arp;
	const char *ptype = tcpdump_names_ethertype(a->ptype);
	struct pbuf *b = &x->b;
	struct arp_addrs r;
	bool odd = (a->ptype != 0x0800 && a->ptype != ARP_PRO_TRAIL) || a->plen != 4 ||
		   a->hlen == 0;

	if (ly->truncated || ly->invalid || !arp_addrs_of(x, a, &r))
		return line_trunc_sp(x, "arp");
	if (!x->link_shown)
		pbuf_puts(b, "ARP, ");
	if (odd || x->o->verbose) {
		msg_tok_put(b, arp_hw_names, "Unknown Hardware (%u)", a->htype);
		pbuf_puts(b, " (len ");
		pbuf_u32(b, a->hlen);
		pbuf_puts(b, "), ");
		if (ptype)
			pbuf_puts(b, ptype);
		else
			msg_printf(b, "Unknown Protocol (0x%04x)", a->ptype);
		pbuf_puts(b, " (len ");
		pbuf_u32(b, a->plen);
		pbuf_putc(b, ')');
	}
	if (x->o->verbose || !odd) {
		if (x->o->verbose)
			pbuf_puts(b, ", ");
		msg_tok_put(b, arp_op_names, "Unknown (%u)", a->op);
		pbuf_putc(b, ' ');
		arp_print_op(b, &r);
	}
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ly->wire_len);
	return true;
}
