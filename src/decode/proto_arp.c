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

static const struct {
	uint16_t htype;
	const char *name;
} arp_hw_names[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" },	 { 15, "Frame Relay" },
	{ 19, "ATM" },	   { 32, "InfiniBand" },
};

static const char *arp_hw_name(uint16_t htype)
{
	for (size_t i = 0; i < sizeof(arp_hw_names) / sizeof(arp_hw_names[0]); i++)
		if (arp_hw_names[i].htype == htype)
			return arp_hw_names[i].name;
	return NULL;
}

static bool arp_is_zero(const uint8_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i])
			return false;
	return true;
}

static void arp_print_op(struct line *x, const struct pkt_arp *a)
{
	struct pbuf *b = &x->b;

	switch (a->op) {
	case 1:
		pbuf_puts(b, "Request who-has ");
		pbuf_ip4(b, a->tpa);
		if (!arp_is_zero(a->tha, sizeof(a->tha))) {
			pbuf_puts(b, " (");
			pbuf_mac(b, a->tha);
			pbuf_putc(b, ')');
		}
		pbuf_puts(b, " tell ");
		pbuf_ip4(b, a->spa);
		break;
	case 2:
		pbuf_puts(b, "Reply ");
		pbuf_ip4(b, a->spa);
		pbuf_puts(b, " is-at ");
		pbuf_mac(b, a->sha);
		break;
	case 3:
	case 8:
		pbuf_puts(b, a->op == 3 ? "Reverse Request who-is " : "Inverse Request who-is ");
		pbuf_mac(b, a->tha);
		pbuf_puts(b, " tell ");
		pbuf_mac(b, a->sha);
		break;
	case 4:
		pbuf_puts(b, "Reverse Reply ");
		pbuf_mac(b, a->tha);
		pbuf_puts(b, " at ");
		pbuf_ip4(b, a->tpa);
		break;
	case 9:
		pbuf_puts(b, "Inverse Reply ");
		pbuf_mac(b, a->sha);
		pbuf_puts(b, " at ");
		pbuf_ip4(b, a->spa);
		break;
	default:
		pbuf_puts(b, "Unknown (");
		pbuf_u32(b, a->op);
		pbuf_putc(b, ')');
		break;
	}
}

bool proto_arp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_arp *a = &line_level(x)->arp;
	const char *hw = arp_hw_name(a->htype);
	struct pbuf *b = &x->b;

	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, "arp");
	if (!x->link_shown)
		pbuf_puts(b, "ARP, ");
	if (x->o->verbose) {
		if (hw) {
			pbuf_puts(b, hw);
		} else {
			pbuf_puts(b, "Unknown Hardware (");
			pbuf_u32(b, a->htype);
			pbuf_putc(b, ')');
		}
		pbuf_puts(b, " (len ");
		pbuf_u32(b, a->hlen);
		if (a->ptype == 0x0800) {
			pbuf_puts(b, "), IPv4 (len ");
		} else {
			pbuf_puts(b, "), Unknown Protocol (0x");
			pbuf_hex(b, a->ptype, 4);
			pbuf_puts(b, ") (len ");
		}
		pbuf_u32(b, a->plen);
		pbuf_puts(b, "), ");
	}
	if (a->eth_ip) {
		arp_print_op(x, a);
	} else {
		pbuf_puts(b, "op ");
		pbuf_u32(b, a->op);
	}
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ly->wire_len);
	return true;
}
