/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipoib.c: IP over InfiniBand link headers (DLT_IPOIB): dissector and tcpdump's text. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"
#include "decode/tcpdump_names.h"

/*
 * libpcap's IPoIB pseudo header (LINKTYPE_IPOIB): a 20-byte destination and
 * a 20-byte source hardware address, then RFC 4391's 4-byte encapsulation
 * header: the ethertype and 2 reserved bytes.
 */
#define IPOIB_HDR_LEN	 44
#define IPOIB_TYPE_OFF	 40

int proto_ipoib_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const uint8_t *p = pkt_peek(c, IPOIB_HDR_LEN);

	proto_level(m)->link = PKT_PROTO_IPOIB;
	if (!p)
		return proto_short(m, IPOIB_HDR_LEN);
	pkt_skip(c, IPOIB_HDR_LEN);
	return dispatch_ethertype(m, pkt_be16(p + IPOIB_TYPE_OFF));
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* tcpdump's ipoib_hdr_print: ", ethertype IPv4 (0x0800), length 128: " (-q: the name alone) */
static void ipoib_hdr_put(struct line *x, uint16_t type)
{
	const char *name = tcpdump_names_ethertype(type);

	msg_printf(&x->b, ", ethertype %s", name ? name : "Unknown");
	if (!x->o->quiet)
		msg_printf(&x->b, " (0x%04x)", type);
	msg_printf(&x->b, ", length %u: ", line_layer(x)->wire_len);
}

bool proto_ipoib_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct msg g;
	uint16_t type;

	/* tcpdump tests the capture, then the length: a short frame is its mark alone */
	if (ly->truncated || ly->invalid || !msg_of(&g, x) || !msg_has(&g, 0, IPOIB_HDR_LEN))
		return line_trunc_sp(x, "ipoib");
	type = msg_u16(&g, IPOIB_TYPE_OFF);
	if (x->o->link) {
		pbuf_puts(&x->b, "IPOIB");
		ipoib_hdr_put(x, type);
		x->link_shown = true;
	}
	if (line_more(x))
		return false;
	/* an ethertype not decoded: the header (once), then the bytes */
	if (!x->o->link)
		ipoib_hdr_put(x, type);
	if (!x->o->dump && !x->o->quiet && g.cap > IPOIB_HDR_LEN)
		proto_l2_default_print(&x->b, g.p + IPOIB_HDR_LEN, g.cap - IPOIB_HDR_LEN);
	return true;
}
