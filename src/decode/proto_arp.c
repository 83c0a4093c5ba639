/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_arp.c: ARP and RARP (RFC 826, RFC 903): dissector and printer. */
#include "config.h"

#include "decode/proto.h"

#define ARP_FIXED_LEN 8
#define ARP_HRD_FRELAY 15
#define ARP_HRD_ATM 19 /* RFC 2225's ATMARP */
#define ARP_ATM_FIXED_LEN 12
#define ARP_ATM_LEN_MASK 0x3f /* the type/length bytes' length bits */

/*
 * RFC 2225 ATMARP after the 8 bytes read as ARP's: the source protocol
 * length and the target's type/length bytes, then six variable fields
 * (source number, subaddress, protocol address, the same for the target).
 * The printer reads them again from the packet's bytes.
 */
static int arp_atm_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	uint8_t spln, thtl, tstl, tpln;
	const struct pkt_arp *a = &proto_level(m)->arp;
	size_t len;

	if (!pkt_get_u8(c, &spln) || !pkt_get_u8(c, &thtl) || !pkt_get_u8(c, &tstl) ||
	    !pkt_get_u8(c, &tpln))
		return proto_short(m, ARP_ATM_FIXED_LEN);
	len = (size_t)(a->hlen & ARP_ATM_LEN_MASK) + (a->plen & ARP_ATM_LEN_MASK) + spln +
	      (thtl & ARP_ATM_LEN_MASK) + (tstl & ARP_ATM_LEN_MASK) + tpln;
	if (!pkt_skip(c, len))
		return proto_short(m, ARP_ATM_FIXED_LEN + len);
	return PKT_PROTO_NONE;
}

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

	if (a->htype == ARP_HRD_ATM)
		return arp_atm_dissect(c, m);
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
#include "decode/proto_l2.h"
#include "decode/tcpdump_names.h"

#define ARP_PRO_TRAIL 0x1000

static const struct msg_tok arp_hw_names[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" },  { 7, "ArcNet" },   { 15, "FrameRelay" },
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
	if (r->a->htype == ARP_HRD_FRELAY) {
		proto_fr_q922_put(b, hw, n);
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

/* false for an operation tcpdump does not know: it dumps the packet's bytes instead */
static bool arp_print_op(struct pbuf *b, const struct arp_addrs *r)
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
		return false;
	}
	return true;
}

/* tcpdump's default print of what it does not decode: the bytes captured from the ARP header on */
static void arp_dump(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);

	if (ly->off < x->m->caplen && x->o->data)
		proto_l2_default_print(&x->b, x->o->data + ly->off, x->m->caplen - ly->off);
}

/*
 * RFC 2225 ATMARP, as tcpdump's atmarp_print: a number and a subaddress
 * for each hardware address, separate source and target protocol lengths.
 */
struct arp_atm {
	const uint8_t *p;
	uint16_t pro;
	unsigned shl, ssl, spl, thl, tsl, tpl; /* the six fields' lengths */
};

static void arp_atm_hex(struct pbuf *b, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		msg_printf(b, i ? ":%02x" : "%02x", p[i]);
}

/* a number and its subaddress, "<No address>" without a number */
static void arp_atm_addr(struct pbuf *b, const uint8_t *num, unsigned nl, unsigned sl)
{
	if (nl == 0) {
		pbuf_puts(b, "<No address>");
		return;
	}
	arp_atm_hex(b, num, nl);
	if (sl) {
		pbuf_putc(b, ',');
		arp_atm_hex(b, num + nl, sl);
	}
}

static void arp_atm_proto(struct pbuf *b, const struct arp_atm *t, const uint8_t *pa, unsigned n,
			  const char *wrong)
{
	if (t->pro != 0x0800 && t->pro != ARP_PRO_TRAIL)
		pbuf_puts(b, "<wrong proto type>");
	else if (n != 4)
		pbuf_puts(b, wrong);
	else
		pbuf_ip4(b, pa);
}

static bool arp_atm_op(struct pbuf *b, const struct arp_atm *t, uint16_t op)
{
	const uint8_t *sha = t->p + ARP_ATM_FIXED_LEN, *spa = sha + t->shl + t->ssl;
	const uint8_t *tha = spa + t->spl, *tpa = tha + t->thl + t->tsl;

	switch (op) {
	case 1:
		pbuf_puts(b, "who-has ");
		arp_atm_proto(b, t, tpa, t->tpl, "<wrong tplen>");
		if (t->thl) {
			pbuf_puts(b, " (");
			arp_atm_addr(b, tha, t->thl, t->tsl);
			pbuf_putc(b, ')');
		}
		pbuf_puts(b, " tell ");
		arp_atm_proto(b, t, spa, t->spl, "<wrong splen>");
		return true;
	case 2:
		arp_atm_proto(b, t, spa, t->spl, "<wrong splen>");
		pbuf_puts(b, " is-at ");
		arp_atm_addr(b, sha, t->shl, t->ssl);
		return true;
	case 8:
		pbuf_puts(b, "who-is ");
		arp_atm_addr(b, tha, t->thl, t->tsl);
		pbuf_puts(b, " tell ");
		arp_atm_addr(b, sha, t->shl, t->ssl);
		return true;
	case 9: /* tcpdump puts no space before "at" here */
		arp_atm_addr(b, sha, t->shl, t->ssl);
		pbuf_puts(b, "at ");
		arp_atm_proto(b, t, spa, t->spl, "<wrong splen>");
		return true;
	case 10:
		pbuf_puts(b, "for ");
		arp_atm_proto(b, t, spa, t->spl, "<wrong splen>");
		return true;
	}
	return false;
}

static bool arp_atm_print(struct line *x)
{
	const struct pkt_arp *a = &line_level(x)->arp;
	const char *ptype = tcpdump_names_ethertype(a->ptype);
	struct pbuf *b = &x->b;
	struct arp_atm t = { .pro = a->ptype };
	struct msg g;

	if (!msg_of(&g, x) || !msg_has(&g, 0, ARP_ATM_FIXED_LEN))
		return line_trunc_sp(x, "arp");
	t.p = g.p;
	t.shl = a->hlen & ARP_ATM_LEN_MASK, t.ssl = a->plen & ARP_ATM_LEN_MASK;
	t.spl = g.p[8], t.thl = g.p[9] & ARP_ATM_LEN_MASK;
	t.tsl = g.p[10] & ARP_ATM_LEN_MASK, t.tpl = g.p[11];
	if (!msg_has(&g, 0, ARP_ATM_FIXED_LEN + t.shl + t.ssl + t.spl + t.thl + t.tsl + t.tpl))
		return line_trunc_sp(x, "arp");
	if (!x->link_shown)
		pbuf_puts(b, "ARP, ");
	if ((t.pro != 0x0800 && t.pro != ARP_PRO_TRAIL) || t.spl != 4 || t.tpl != 4 ||
	    x->o->verbose) {
		msg_tok_put(b, arp_hw_names, "Unknown Hardware (%u)", a->htype);
		pbuf_puts(b, ", ");
		if (ptype)
			pbuf_puts(b, ptype);
		else
			msg_printf(b, "Unknown Protocol (0x%04x)", a->ptype);
		msg_printf(b, " (len %u/%u)", t.spl, t.tpl);
		if (!x->o->verbose)
			goto out;
	}
	if (x->o->verbose)
		pbuf_puts(b, ", ");
	msg_tok_put(b, arp_op_names, "Unknown (%u)", a->op);
	pbuf_putc(b, ' ');
	if (!arp_atm_op(b, &t, a->op)) {
		arp_dump(x);
		return true;
	}
out:
	pbuf_puts(b, ", length ");
	pbuf_u32(b, line_layer(x)->wire_len);
	return true;
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

	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, "arp");
	if (a->htype == ARP_HRD_ATM)
		return arp_atm_print(x);
	if (!arp_addrs_of(x, a, &r))
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
		if (!arp_print_op(b, &r)) {
			arp_dump(x);
			return true;
		}
	}
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ly->wire_len);
	return true;
}
