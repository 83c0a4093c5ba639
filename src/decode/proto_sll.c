/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_sll.c: Linux cooked capture headers, SLL (v1) and SLL2: dissectors and printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"

#define SLL_HDR_LEN  16
#define SLL2_HDR_LEN 20

/*
 * DLT_LINUX_SLL (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html)
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Packet type          |        ARPHRD_ type           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Link-layer address length     |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                Link-layer address (8 bytes)                   |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |         Protocol type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_sll_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_sll *s = &m->sll;

	proto_level(m)->link = PKT_PROTO_SLL;
	*s = (struct pkt_sll){ 0 };
	if (!pkt_get_be16(c, &s->pkttype) || !pkt_get_be16(c, &s->hatype) ||
	    !pkt_get_be16(c, &s->halen) || !pkt_copy(c, s->addr, sizeof(s->addr)) ||
	    !pkt_get_be16(c, &s->protocol))
		return proto_short(m, SLL_HDR_LEN);
	return dispatch_ethertype(m, s->protocol);
}

/*
 * DLT_LINUX_SLL2 (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html)
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Protocol type         |       Reserved (MBZ)          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Interface index                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          ARPHRD_ type         |  Packet type  | Address length|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Link-layer address (8 bytes)                   |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_sll2_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_sll *s = &m->sll;
	uint8_t pkttype, halen;

	proto_level(m)->link = PKT_PROTO_SLL2;
	*s = (struct pkt_sll){ 0 };
	if (!pkt_get_be16(c, &s->protocol) || !pkt_skip(c, 2) || !pkt_get_be32(c, &s->ifindex) ||
	    !pkt_get_be16(c, &s->hatype) || !pkt_get_u8(c, &pkttype) || !pkt_get_u8(c, &halen) ||
	    !pkt_copy(c, s->addr, sizeof(s->addr)))
		return proto_short(m, SLL2_HDR_LEN);
	s->pkttype = pkttype;
	s->halen = halen;
	return dispatch_ethertype(m, s->protocol);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* Linux packet types (PACKET_HOST ...), as tcpdump shows the direction. */
static const char *const sll_dir_names[] = {
	[0] = "In", [1] = "B", [2] = "M", [3] = "P", [4] = "Out",
};

static const char *sll_dir(uint16_t pkttype)
{
	if (pkttype < sizeof(sll_dir_names) / sizeof(sll_dir_names[0]))
		return sll_dir_names[pkttype];
	return "?";
}

bool proto_sll_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_sll *s = &x->m->sll;
	const char *dir = sll_dir(s->pkttype);
	size_t halen = s->halen < sizeof(s->addr) ? s->halen : sizeof(s->addr);
	size_t pad;

	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, ly->proto == PKT_PROTO_SLL ? "sll" : "sll2");
	if (ly->proto == PKT_PROTO_SLL2) {
		/* SLL2 lines always say the direction, left-aligned like tcpdump's */
		pbuf_puts(&x->b, dir);
		for (pad = strlen(dir); pad < 4; pad++)
			pbuf_putc(&x->b, ' ');
	}
	if (!line_link_wanted(x))
		return false;
	x->link_shown = true;
	if (ly->proto == PKT_PROTO_SLL) {
		for (pad = strlen(dir); pad < 3; pad++)
			pbuf_putc(&x->b, ' ');
		pbuf_puts(&x->b, dir);
		pbuf_putc(&x->b, ' ');
	} else {
		pbuf_puts(&x->b, "ifindex ");
		pbuf_u32(&x->b, s->ifindex);
		pbuf_putc(&x->b, ' ');
	}
	/* no address, no space for it: tcpdump prints one space before the ethertype */
	if (halen == 6) {
		pbuf_mac(&x->b, s->addr);	/* named as tcpdump names an Ethernet address */
		pbuf_putc(&x->b, ' ');
	} else if (halen) {
		pbuf_hwaddr(&x->b, s->addr, halen);
		pbuf_putc(&x->b, ' ');
	}
	if (x->o->quiet && line_more(x))
		return false;
	line_ethertype(x, s->protocol);
	line_len_colon(x, ly->wire_len);
	return s->protocol > 1500 && proto_l2_undecoded(x);
}
