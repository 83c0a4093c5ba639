/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipnet.c: Solaris ipnet link headers (DLT_IPNET): dissector and tcpdump's text. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

/*
 * Solaris' ipnet header (DLT_IPNET, capture on /dev/ipnet): version, address
 * family, hardware type, packet length, interface and group interface
 * indexes, then the source and destination zone ids, 24 bytes in all.
 */
#define IPNET_HDR_LEN	  24
#define IPNET_FAMILY	  1
#define IPNET_ZSRC	  16
#define IPNET_ZDST	  20
#define IPNET_AF_INET	  2	/* Solaris' AF_INET */
#define IPNET_AF_INET6	  26	/* Solaris' AF_INET6 */

int proto_ipnet_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const uint8_t *p = pkt_peek(c, IPNET_HDR_LEN);

	proto_level(m)->link = PKT_PROTO_IPNET;
	if (!p)
		return proto_truncated(m); /* tcpdump tests the capture alone */
	pkt_skip(c, IPNET_HDR_LEN);
	switch (p[IPNET_FAMILY]) {
	case IPNET_AF_INET:
		return PKT_PROTO_IPV4;
	case IPNET_AF_INET6:
		return PKT_PROTO_IPV6;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok ipnet_families[] = {
	{ IPNET_AF_INET, "IPv4" },
	{ IPNET_AF_INET6, "IPv6" },
	{ 0, NULL },
};

/* tcpdump's ipnet_hdr_print: "4294967295 > 0, family IPv4 (2), length 108: " */
static void ipnet_hdr_put(struct line *x, const struct msg *g)
{
	uint8_t family = msg_u8(g, IPNET_FAMILY);
	const char *name = msg_tok_find(ipnet_families, family);

	msg_printf(&x->b, "%u > %u", msg_u32(g, IPNET_ZSRC), msg_u32(g, IPNET_ZDST));
	if (!x->o->quiet)
		msg_printf(&x->b, ", family %s (%u)", name ? name : "Unknown", family);
	else if (name)
		msg_printf(&x->b, ", %s", name);
	else /* tcpdump's words for it */
		msg_printf(&x->b, ", Unknown Ethertype (0x%04x)", family);
	msg_printf(&x->b, ", length %u: ", line_layer(x)->wire_len);
}

bool proto_ipnet_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct msg g;

	if (ly->truncated || ly->invalid || !msg_of(&g, x) || !msg_has(&g, 0, IPNET_HDR_LEN))
		return line_trunc_sp(x, "ipnet");
	if (x->o->link) {
		ipnet_hdr_put(x, &g);
		x->link_shown = true;
	}
	if (line_more(x))
		return false;
	/* a family not decoded: the header (once), then the bytes */
	if (!x->o->link)
		ipnet_hdr_put(x, &g);
	if (!x->o->dump && !x->o->quiet && g.cap > IPNET_HDR_LEN)
		proto_l2_default_print(&x->b, g.p + IPNET_HDR_LEN, g.cap - IPNET_HDR_LEN);
	return true;
}
