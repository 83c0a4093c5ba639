/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_dsa.c: Marvell DSA and EDSA tagged Ethernet (DLT_DSA_TAG_DSA, DLT_DSA_TAG_EDSA):
 * dissector and tcpdump's text (print-dsa.c).
 */
#include "config.h"

#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"
#include "decode/tcpdump_names.h"

#define DSA_LEN	     4
#define EDSA_LEN     8 /* an ethertype, two reserved bytes, then the DSA tag */
#define ETH_ADDRS    12
#define ETH_TYPE_LEN 2

enum { DSA_TO_CPU, DSA_FROM_CPU, DSA_TO_SNIFFER, DSA_FORWARD };

/*
 * After the addresses, EDSA's 4 bytes (a programmable ethertype and two
 * reserved bytes) and the 4-byte DSA tag:
 *
 *   byte 0: mode(2) tagged(1) dev(5)
 *   byte 1: port(5) b18(1) b17(1) cfi(1)
 *   byte 2: pri(3) b12(1) vid[11:8](4)
 *   byte 3: vid[7:0]
 *
 * then the frame's own length/type field.  tcpdump wants the whole header up
 * to that field captured before it prints anything.
 */
int proto_dsa_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_eth *e = &l->eth;
	struct pkt_dsa *d = &m->l2tag.dsa;
	bool edsa = m->layer[m->n_layers - 1].proto == PKT_PROTO_EDSA;
	size_t taglen = edsa ? EDSA_LEN : DSA_LEN;
	const uint8_t *p = pkt_peek(c, ETH_ADDRS + taglen + ETH_TYPE_LEN);
	const uint8_t *t;

	l->link = PKT_PROTO_ETH;
	*e = (struct pkt_eth){ 0 };
	*d = (struct pkt_dsa){ 0 };
	if (!p)
		return proto_short(m, ETH_ADDRS + taglen + ETH_TYPE_LEN);
	memcpy(e->dst, p, 6);
	memcpy(e->src, p + 6, 6);
	t = p + ETH_ADDRS;
	if (edsa) {
		d->edsa_type = (uint16_t)(t[0] << 8 | t[1]);
		d->rsvd[0] = t[2];
		d->rsvd[1] = t[3];
		t += 4;
	}
	d->mode = t[0] >> 6;
	d->tagged = t[0] >> 5 & 1;
	d->dev = t[0] & 0x1f;
	d->port = t[1] >> 3;
	d->b18 = t[1] >> 2 & 1;
	d->cfi = t[1] & 1;
	d->pri = t[2] >> 5;
	d->vid = (uint16_t)((t[2] & 0x0f) << 8 | t[3]);
	d->code = (uint8_t)((t[1] & 0x06) | (t[2] >> 4 & 1));
	e->type = (uint16_t)(t[4] << 8 | t[5]);
	pkt_skip(c, ETH_ADDRS + taglen + ETH_TYPE_LEN);
	return proto_eth_type_next(c, m, e->type);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok dsa_modes[] = {
	{ DSA_TO_CPU, "To CPU" },
	{ DSA_FROM_CPU, "From CPU" },
	{ DSA_TO_SNIFFER, "To Sniffer" },
	{ DSA_FORWARD, "Forward" },
	{ 0, NULL },
};

static const struct msg_tok dsa_codes[] = {
	{ 0, "BPDU (MGMT) Trap" }, { 1, "Frame2Reg" },	  { 2, "IGMP/MLD Trap" },
	{ 3, "Policy Trap" },	   { 4, "ARP Mirror" },	  { 5, "Policy Mirror" },
	{ 0, NULL },
};

/* tcpdump's tag_common_print: the DSA tag, long with -e. */
static void dsa_common_put(struct pbuf *b, const struct pkt_dsa *d, bool link)
{
	if (link) {
		pbuf_puts(b, "mode ");
		msg_tok_put(b, dsa_modes, "unknown", d->mode);
		pbuf_puts(b, ", ");
		switch (d->mode) {
		case DSA_FORWARD:
			msg_printf(b, "dev %u, %s %u, ", d->dev, d->b18 ? "trunk" : "port", d->port);
			break;
		case DSA_FROM_CPU:
			msg_printf(b, "target dev %u, port %u, ", d->dev, d->port);
			break;
		case DSA_TO_CPU:
			msg_printf(b, "source dev %u, port %u, code ", d->dev, d->port);
			msg_tok_put(b, dsa_codes, "reserved", d->code);
			pbuf_puts(b, ", ");
			break;
		case DSA_TO_SNIFFER:
			msg_printf(b, "source dev %u, port %u, %s sniff, ", d->dev, d->port,
				   d->b18 ? "ingress" : "egress");
			break;
		}
		msg_printf(b, "%s, %sVID %u, FPri %u, ", d->tagged ? "tagged" : "untagged",
			   d->cfi ? "CFI, " : "", d->vid, d->pri);
		return;
	}
	switch (d->mode) {
	case DSA_FORWARD:
		msg_printf(b, "Forward %s %u.%u, ", d->b18 ? "trunk" : "port", d->dev, d->port);
		break;
	case DSA_FROM_CPU:
		msg_printf(b, "CPU > port %u.%u, ", d->dev, d->port);
		break;
	case DSA_TO_CPU:
		msg_printf(b, "port %u.%u > CPU, ", d->dev, d->port);
		break;
	case DSA_TO_SNIFFER:
		msg_printf(b, "port %u.%u > %s Sniffer, ", d->dev, d->port, d->b18 ? "Rx" : "Tx");
		break;
	}
	msg_printf(b, "VLAN %u%c, ", d->vid, d->tagged ? 't' : 'u');
}

static void dsa_put(struct line *x, bool link)
{
	pbuf_puts(&x->b, link ? "Marvell DSA " : "DSA ");
	dsa_common_put(&x->b, &x->m->l2tag.dsa, link);
}

static void edsa_put(struct line *x, bool link)
{
	const struct pkt_dsa *d = &x->m->l2tag.dsa;
	const char *name = tcpdump_names_ethertype(d->edsa_type);

	if (link)
		msg_printf(&x->b, "Marvell EDSA ethertype 0x%04x (%s), rsvd %u %u, ", d->edsa_type,
			   name ? name : "Unknown", d->rsvd[0], d->rsvd[1]);
	else
		msg_printf(&x->b, "EDSA 0x%04x, ", d->edsa_type);
	dsa_common_put(&x->b, d, link);
}

static const struct proto_eth_tag dsa_tag = { "dsa", dsa_put };
static const struct proto_eth_tag edsa_tag = { "edsa", edsa_put };

bool proto_dsa_print(struct line *x)
{
	return proto_eth_print_tag(x, line_layer(x)->proto == PKT_PROTO_EDSA ? &edsa_tag : &dsa_tag);
}
