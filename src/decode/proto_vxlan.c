/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vxlan.c: the VXLAN header (RFC 7348) before inner Ethernet: dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define VXLAN_HDR_LEN 8
#define VXLAN_FLAG_I  0x08 /* the VNI is valid */

/*
 * RFC 7348 section 5:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|R|R|I|R|R|R|            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                VXLAN Network Identifier (VNI) |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#define OTV_PORT 8472

/* tcpdump 4.99's udp_print tries OTV's port 8472 before VXLAN's 4789: either port */
static bool vxlan_is_otv_port(const struct pkt_level *l)
{
	return l->trans == PKT_PROTO_UDP && (l->udp.sport == OTV_PORT || l->udp.dport == OTV_PORT);
}

int proto_vxlan_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_vxlan *v = &m->vxlan;
	uint32_t vni;
	uint16_t b12;
	uint8_t b0;

	*v = (struct pkt_vxlan){ 0 };
	if (!pkt_get_u8(c, &v->flags) || !pkt_get_u8(c, &b0) || !pkt_get_be16(c, &b12) ||
	    !pkt_get_be32(c, &vni))
		return proto_short(m, VXLAN_HDR_LEN);
	v->vni = vni >> 8;
	v->rsvd1 = (uint32_t)b0 << 16 | b12;
	/* OTV (port 8472, as tcpdump's otv_print) decodes the inner frame whatever the flags */
	if (!(v->flags & VXLAN_FLAG_I) && !vxlan_is_otv_port(&m->l[m->level]))
		return proto_invalid(m, PKT_REASON_VXLAN_FLAGS);
	return PKT_PROTO_ETH;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static bool is_otv(const struct line *x)
{
	return vxlan_is_otv_port(line_level(x));
}

/* otv_print on a header cut by the capture or the datagram: its fields as far as they go. */
static bool otv_print_cut(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;

	msg_of(&g, x);
	pbuf_puts(b, "OTV, ");
	if (g.len < VXLAN_HDR_LEN) {
		msg_printf(b, "[length %u < %u] (invalid)", g.len, VXLAN_HDR_LEN);
		return msg_has(&g, 0, g.len) ? true : msg_trunc(x, "otv");
	}
	if (!msg_has(&g, 0, 1))
		return msg_trunc(x, "otv");
	msg_printf(b, "flags [%s] (0x%02x), ", msg_u8(&g, 0) & 0x08 ? "I" : ".", msg_u8(&g, 0));
	if (!msg_has(&g, 1, 3))
		return msg_trunc(x, "otv");
	msg_printf(b, "overlay %u, ", msg_u24(&g, 1));
	if (!msg_has(&g, 4, 3))
		return msg_trunc(x, "otv");
	msg_printf(b, "instance %u\n", msg_u24(&g, 4));
	return msg_trunc(x, "otv");
}

bool proto_vxlan_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_vxlan *v = &x->m->vxlan;
	struct pbuf *b = &x->b;

	if (ly->truncated || ly->reason == PKT_REASON_SHORT) {
		if (is_otv(x))
			return otv_print_cut(x);
		pbuf_puts(b, "VXLAN ");
		return line_trunc(x, "vxlan");
	}
	if (is_otv(x)) {
		/* tcpdump reads port 8472 as Cisco's OTV, the same 8 bytes differently cut */
		pbuf_puts(b, v->flags & 0x08 ? "OTV, flags [I] (0x" : "OTV, flags [.] (0x");
		pbuf_hex(b, v->flags, 2);
		pbuf_puts(b, "), overlay ");
		pbuf_u32(b, v->rsvd1);
		pbuf_puts(b, ", instance ");
		pbuf_u32(b, v->vni);
		if (line_more(x))
			pbuf_putc(b, '\n');
		return !line_more(x);
	}
	/* without the I flag tcpdump calls the flags invalid; the inner frame stays undecoded */
	pbuf_puts(b, v->flags & 0x08 ? "VXLAN, flags [I] (0x" : "VXLAN, flags [invalid] (0x");
	pbuf_hex(b, v->flags, 2);
	pbuf_puts(b, "), vni ");
	pbuf_u32(b, v->vni);
	if (ly->invalid)
		return true;
	/* tcpdump starts the inner frame on a new line */
	if (line_more(x))
		pbuf_putc(b, '\n');
	return false;
}
