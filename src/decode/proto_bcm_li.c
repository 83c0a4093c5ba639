/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_bcm_li.c: Broadcom's lawful-intercept shim (UDP source port 49152,
 * the SDK's default) before the intercepted Ethernet frame or IP packet:
 * dissector and printer (tcpdump 4.99's print-bcm-li.c text).
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * The shim, one 32-bit word:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | dir | pkt-type|sub-t|                 LI id                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#define BCM_LI_SHIM_LEN 4

#define BCM_LI_DIRECTION(w) (((w) >> 29) & 0x7)
#define BCM_LI_TYPE(w)	    (((w) >> 25) & 0xf)
#define BCM_LI_SUBTYPE(w)   (((w) >> 22) & 0x7)
#define BCM_LI_ID(w)	    ((w) & 0x3fffff)

enum bcm_li_type {
	BCM_LI_UNDECIDED = 4, /* IPv4 or IPv6 by the version nibble */
	BCM_LI_IPV4 = 5,
	BCM_LI_IPV6 = 6,
	BCM_LI_ETHERNET = 7,
};

/* What follows the shim: by its type, an undecided one by the first nibble when captured. */
static int bcm_li_next(uint32_t shim, const struct pkt_cursor *c)
{
	switch (BCM_LI_TYPE(shim)) {
	case BCM_LI_ETHERNET:
		return PKT_PROTO_ETH;
	case BCM_LI_IPV4:
		return PKT_PROTO_IPV4;
	case BCM_LI_IPV6:
		return PKT_PROTO_IPV6;
	case BCM_LI_UNDECIDED:
		if (pkt_left(c) < 1)
			return PKT_PROTO_NONE;
		if (c->p[0] >> 4 == 4)
			return PKT_PROTO_IPV4;
		if (c->p[0] >> 4 == 6)
			return PKT_PROTO_IPV6;
		break;
	}
	return PKT_PROTO_NONE;
}

int proto_bcm_li_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	uint32_t shim;

	if (proto_layer(m)->wire_len < BCM_LI_SHIM_LEN)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_get_be32(c, &shim))
		return proto_truncated(m);
	return bcm_li_next(shim, c);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok bcm_li_directions[] = {
	{ 1, "unused" }, { 2, "egress" }, { 3, "ingress" }, { 0, NULL },
};

static const struct msg_tok bcm_li_types[] = {
	{ BCM_LI_UNDECIDED, "undecided" }, { BCM_LI_IPV4, "ipv4" },
	{ BCM_LI_IPV6, "ipv6" },	   { BCM_LI_ETHERNET, "ethernet" },
	{ 0, NULL },
};

static const struct msg_tok bcm_li_subtypes[] = {
	{ 1, "single VLAN tag" }, { 2, "double VLAN tag" }, { 3, "untagged" }, { 0, NULL },
};

bool proto_bcm_li_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct pbuf *b = &x->b;
	unsigned verbosity = line_verbosity(x);
	uint32_t shim, type;
	struct msg g;

	msg_of(&g, x);
	if (ly->invalid) {
		msg_printf(b, " (length %u < %u) (invalid)", g.len, BCM_LI_SHIM_LEN);
		return true;
	}
	if (!msg_has(&g, 0, BCM_LI_SHIM_LEN))
		return msg_trunc(x, "bcm_li");
	shim = msg_u32(&g, 0);
	type = BCM_LI_TYPE(shim);
	pbuf_puts(b, verbosity ? "\n    BCM-LI-SHIM: direction " : "BCM-LI-SHIM: direction ");
	msg_tok_put(b, bcm_li_directions, "unknown", BCM_LI_DIRECTION(shim));
	pbuf_puts(b, ", pkt-type ");
	msg_tok_put(b, bcm_li_types, "unknown", type);
	pbuf_puts(b, ", pkt-subtype ");
	msg_tok_put(b, bcm_li_subtypes, "unknown", BCM_LI_SUBTYPE(shim));
	msg_printf(b, ", li-id %u", BCM_LI_ID(shim));
	/* without -v the intercepted packet is not decoded, but must be all there */
	if (!verbosity) {
		if (!msg_has(&g, BCM_LI_SHIM_LEN, g.len - BCM_LI_SHIM_LEN))
			return msg_trunc(x, "bcm_li");
		return true;
	}
	pbuf_puts(b, "\n    ");
	if (type < BCM_LI_UNDECIDED || type > BCM_LI_ETHERNET) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	if (line_more(x))
		return false;
	if (type != BCM_LI_UNDECIDED)
		return true;
	/* undecided: the first nibble, cut or neither 4 nor 6 */
	if (!msg_has(&g, BCM_LI_SHIM_LEN, 1))
		return msg_trunc(x, "bcm_li");
	pbuf_puts(b, "unknown payload");
	return true;
}
