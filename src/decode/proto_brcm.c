/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_brcm.c: Broadcom switch tags (DLT_DSA_TAG_BRCM after the Ethernet addresses,
 * DLT_DSA_TAG_BRCM_PREPEND before the frame): dissector and tcpdump's text (print-brcmtag.c).
 */
#include "config.h"

#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

#define BRCM_TAG_LEN 4
#define ETH_ADDRS    12
#define ETH_TYPE_LEN 2

/*
 * The 4-byte tag: opcode in the first byte's top 3 bits; an ingress tag
 * (opcode 1: to the switch) has a traffic class, a tag enforcement and a
 * time-stamp bit and a destination port map, an egress one (from the switch)
 * a classification id, a reason code, a traffic class and the source port.
 * tcpdump wants the whole header up to the length/type field captured.
 */
int proto_brcm_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_eth *e = &l->eth;
	const uint8_t *p = pkt_peek(c, ETH_ADDRS + BRCM_TAG_LEN + ETH_TYPE_LEN);

	l->link = PKT_PROTO_ETH;
	*e = (struct pkt_eth){ 0 };
	memset(m->l2tag.brcm, 0, sizeof(m->l2tag.brcm));
	if (!p)
		return proto_short(m, ETH_ADDRS + BRCM_TAG_LEN + ETH_TYPE_LEN);
	memcpy(e->dst, p, 6);
	memcpy(e->src, p + 6, 6);
	memcpy(m->l2tag.brcm, p + ETH_ADDRS, BRCM_TAG_LEN);
	e->type = (uint16_t)(p[ETH_ADDRS + BRCM_TAG_LEN] << 8 | p[ETH_ADDRS + BRCM_TAG_LEN + 1]);
	pkt_skip(c, ETH_ADDRS + BRCM_TAG_LEN + ETH_TYPE_LEN);
	return proto_eth_type_next(c, m, e->type);
}

/* The prepended tag: 4 bytes, then a whole Ethernet frame. */
int proto_brcm_prepend_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	memset(m->l2tag.brcm, 0, sizeof(m->l2tag.brcm));
	if (!pkt_copy(c, m->l2tag.brcm, BRCM_TAG_LEN))
		return proto_short(m, BRCM_TAG_LEN);
	return PKT_PROTO_ETH;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok brcm_te_names[] = {
	{ 0, "None" }, { 1, "Untag" }, { 2, "Header" }, { 3, "Reserved" }, { 0, NULL },
};

static const struct msg_tok brcm_rc_names[] = {
	{ 1, "mirror" },     { 2, "MAC learning" }, { 4, "switching" }, { 8, "prot term" },
	{ 16, "prot snoop" }, { 32, "exception" },   { 0, NULL },
};

/*
 * tcpdump's brcm_tag_print: "IG" for any non-zero first byte, but the
 * ingress fields only for opcode 1 (the bit 5 of it).
 */
static void brcm_put(struct line *x, bool link)
{
	const uint8_t *t = x->m->l2tag.brcm;
	struct pbuf *b = &x->b;

	(void)link; /* the same text with -e or not */
	msg_printf(b, "BRCM tag OP: %s", t[0] ? "IG" : "EG");
	if (t[0] & 0x20) {
		msg_printf(b, ", TC: %u, TE: ", t[1] >> 2 & 7);
		msg_tok_put(b, brcm_te_names, "unknown", t[1] & 3);
		msg_printf(b, ", TS: %u, DST map: 0x%04x", t[1] >> 7, (t[2] << 8 | t[3]) & 0x1ff);
	} else {
		msg_printf(b, ", CID: %u, RC: ", t[1]);
		msg_tok_put(b, brcm_rc_names, "reserved", t[2]);
		msg_printf(b, ", TC: %u, port: %u", t[3] >> 5, t[3] & 0x1f);
	}
	pbuf_puts(b, ", ");
}

static const struct proto_eth_tag brcm_tag = { "brcm-tag", brcm_put };

bool proto_brcm_print(struct line *x)
{
	return proto_eth_print_tag(x, &brcm_tag);
}

/* The tag before the frame: printed with -e only, then Ethernet's header as without a tag. */
bool proto_brcm_prepend_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);

	if (ly->truncated)
		return line_trunc_sp(x, "brcm-tag-prepend");
	if (x->o->link)
		brcm_put(x, true);
	return !line_more(x);
}
