/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_openflow10_match.c: OpenFlow 1.0's flow match (struct ofp_match)
 * and actions, Big Switch's vendor actions among them, as tcpdump 4.99
 * prints them.
 */
#include "config.h"

#include "decode/proto_openflow.h"

static const struct msg_tok of10_ports[] = {
	{ 0xff00, "MAX" },   { 0xfff8, "IN_PORT" },	{ 0xfff9, "TABLE" },
	{ 0xfffa, "NORMAL" }, { 0xfffb, "FLOOD" },	{ 0xfffc, "ALL" },
	{ 0xfffd, "CONTROLLER" }, { 0xfffe, "LOCAL" }, { 0xffff, "NONE" },
	{ 0, NULL },
};

void of10_port(struct of_walk *w, size_t off)
{
	msg_tok_put(w->b, of10_ports, "%u", msg_u16(w->g, off));
}

void of10_vlan(struct pbuf *b, uint16_t vid)
{
	if (vid == 0xffff) {
		pbuf_puts(b, "NONE");
		return;
	}
	msg_printf(b, "%u%s", vid, vid > 0 && vid < 0x0fff ? "" : " (bogus)");
}

void of10_pcp(struct pbuf *b, uint8_t pcp)
{
	msg_printf(b, "%u%s", pcp, pcp <= 7 ? "" : " (bogus)");
}

enum {
	OFPFW_IN_PORT = 1 << 0,
	OFPFW_DL_VLAN = 1 << 1,
	OFPFW_DL_SRC = 1 << 2,
	OFPFW_DL_DST = 1 << 3,
	OFPFW_DL_TYPE = 1 << 4,
	OFPFW_NW_PROTO = 1 << 5,
	OFPFW_TP_SRC = 1 << 6,
	OFPFW_TP_DST = 1 << 7,
	OFPFW_DL_VLAN_PCP = 1 << 20,
	OFPFW_NW_TOS = 1 << 21,
	OFPFW_ALL = (1 << 22) - 1,
};

/* "pfx match NAME " then the field (a port, an address ...). */
static void of10_match_name(struct pbuf *b, const char *pfx, const char *name)
{
	pbuf_puts(b, pfx);
	pbuf_puts(b, "match ");
	pbuf_puts(b, name);
	pbuf_putc(b, ' ');
}

/* nw_src or nw_dst: an address and how many of its bits the wildcards leave to match. */
static void of10_match_nw(struct of_walk *w, const char *pfx, const char *name, size_t off,
			  uint32_t bits)
{
	if (bits >= 32)
		return;
	of10_match_name(w->b, pfx, name);
	pbuf_ip4(w->b, w->g->p + off);
	msg_printf(w->b, "/%u", 32 - bits);
}

bool of10_match(struct of_walk *w, const char *pfx, size_t off)
{
	uint32_t wc;
	uint16_t dl_type;
	uint8_t nw_proto;
	bool icmp;

	/* tcpdump reads every field from the start, whatever it prints */
	OF_NEED(off, 4);
	wc = msg_u32(w->g, off);
	if (wc & ~(uint32_t)OFPFW_ALL)
		msg_printf(w->b, "%swildcards 0x%08x (bogus)", pfx, wc);
	OF_NEED(off + 4, 2);
	if (!(wc & OFPFW_IN_PORT)) {
		of10_match_name(w->b, pfx, "in_port");
		of10_port(w, off + 4);
	}
	OF_NEED(off + 6, 6);
	if (!(wc & OFPFW_DL_SRC)) {
		of10_match_name(w->b, pfx, "dl_src");
		pbuf_mac(w->b, w->g->p + off + 6);
	}
	OF_NEED(off + 12, 6);
	if (!(wc & OFPFW_DL_DST)) {
		of10_match_name(w->b, pfx, "dl_dst");
		pbuf_mac(w->b, w->g->p + off + 12);
	}
	OF_NEED(off + 18, 2);
	if (!(wc & OFPFW_DL_VLAN)) {
		of10_match_name(w->b, pfx, "dl_vlan");
		of10_vlan(w->b, msg_u16(w->g, off + 18));
	}
	OF_NEED(off + 20, 1);
	if (!(wc & OFPFW_DL_VLAN_PCP)) {
		of10_match_name(w->b, pfx, "dl_vlan_pcp");
		of10_pcp(w->b, msg_u8(w->g, off + 20));
	}
	OF_NEED(off + 22, 2);
	dl_type = msg_u16(w->g, off + 22);
	if (!(wc & OFPFW_DL_TYPE))
		msg_printf(w->b, "%smatch dl_type 0x%04x", pfx, dl_type);
	OF_NEED(off + 24, 1);
	if (!(wc & OFPFW_NW_TOS))
		msg_printf(w->b, "%smatch nw_tos 0x%02x", pfx, msg_u8(w->g, off + 24));
	OF_NEED(off + 25, 1);
	nw_proto = msg_u8(w->g, off + 25);
	if (!(wc & OFPFW_NW_PROTO))
		msg_printf(w->b, "%smatch %s %u", pfx,
			   !(wc & OFPFW_DL_TYPE) && dl_type == 0x0806 ? "arp_opcode" : "nw_proto",
			   nw_proto);
	OF_NEED(off + 28, 4);
	of10_match_nw(w, pfx, "nw_src", off + 28, (wc >> 8) & 0x3f);
	OF_NEED(off + 32, 4);
	of10_match_nw(w, pfx, "nw_dst", off + 32, (wc >> 14) & 0x3f);
	/* ICMP's type and code where TCP and UDP have their ports */
	icmp = !(wc & OFPFW_DL_TYPE) && dl_type == 0x0800 && !(wc & OFPFW_NW_PROTO) && nw_proto == 1;
	OF_NEED(off + 36, 2);
	if (!(wc & OFPFW_TP_SRC))
		msg_printf(w->b, "%smatch %s %u", pfx, icmp ? "icmp_type" : "tp_src",
			   msg_u16(w->g, off + 36));
	OF_NEED(off + 38, 2);
	if (!(wc & OFPFW_TP_DST))
		msg_printf(w->b, "%smatch %s %u", pfx, icmp ? "icmp_code" : "tp_dst",
			   msg_u16(w->g, off + 38));
	return true;
}

/* ---- actions ---------------------------------------------------------------------------------- */

enum {
	OFPAT_OUTPUT = 0,
	OFPAT_SET_VLAN_VID = 1,
	OFPAT_SET_VLAN_PCP = 2,
	OFPAT_STRIP_VLAN = 3,
	OFPAT_SET_DL_SRC = 4,
	OFPAT_SET_DL_DST = 5,
	OFPAT_SET_NW_SRC = 6,
	OFPAT_SET_NW_DST = 7,
	OFPAT_SET_NW_TOS = 8,
	OFPAT_SET_TP_SRC = 9,
	OFPAT_SET_TP_DST = 10,
	OFPAT_ENQUEUE = 11,
	OFPAT_VENDOR = 0xffff,
};

static const struct msg_tok of10_action_types[] = {
	{ OFPAT_OUTPUT, "OUTPUT" },	    { OFPAT_SET_VLAN_VID, "SET_VLAN_VID" },
	{ OFPAT_SET_VLAN_PCP, "SET_VLAN_PCP" }, { OFPAT_STRIP_VLAN, "STRIP_VLAN" },
	{ OFPAT_SET_DL_SRC, "SET_DL_SRC" }, { OFPAT_SET_DL_DST, "SET_DL_DST" },
	{ OFPAT_SET_NW_SRC, "SET_NW_SRC" }, { OFPAT_SET_NW_DST, "SET_NW_DST" },
	{ OFPAT_SET_NW_TOS, "SET_NW_TOS" }, { OFPAT_SET_TP_SRC, "SET_TP_SRC" },
	{ OFPAT_SET_TP_DST, "SET_TP_DST" }, { OFPAT_ENQUEUE, "ENQUEUE" },
	{ OFPAT_VENDOR, "VENDOR" },	    { 0, NULL },
};

static const struct msg_tok bsn_action_subtypes[] = {
	{ 1, "MIRROR" }, { 2, "SET_TUNNEL_DST" }, { 4, "CHECKSUM" }, { 0, NULL },
};

static const struct msg_tok bsn_copy_stages[] = {
	{ 0, "INGRESS" }, { 1, "EGRESS" }, { 0, NULL },
};

#define OUI_BSN 0x005c16c7

/* Big Switch's action after its vendor id: len bytes at off. */
static bool of10_bsn_action(struct of_walk *w, size_t off, size_t len)
{
	uint32_t subtype, tag;

	if (len < 4)
		return of_invalid(w, off, len);
	OF_NEED(off, 4);
	subtype = msg_u32(w->g, off);
	pbuf_puts(w->b, "\n\t  subtype ");
	msg_tok_put(w->b, bsn_action_subtypes, "unknown (0x%08x)", subtype);
	off += 4;
	len -= 4;
	if (subtype != 1)
		return of_has(w, off, len);
	if (len != 12)
		return of_invalid(w, off, len);
	OF_NEED(off, 4);
	msg_printf(w->b, ", dest_port %u", msg_u32(w->g, off));
	OF_NEED(off + 4, 4);
	tag = msg_u32(w->g, off + 4);
	switch (tag >> 16) {
	case 0:
		pbuf_puts(w->b, ", vlan_tag none");
		break;
	case 0x8100:
		/* tcpdump's ieee8021q_tci_string */
		msg_printf(w->b, ", vlan_tag 802.1Q (vlan %u, p %u%s)", tag & 0xfff, (tag >> 13) & 7,
			   tag & 0x1000 ? ", DEI" : "");
		break;
	default:
		msg_printf(w->b, ", vlan_tag unknown (0x%04x)", tag >> 16);
	}
	OF_NEED(off + 8, 1);
	pbuf_puts(w->b, ", copy_stage ");
	msg_tok_put(w->b, bsn_copy_stages, "unknown (%u)", msg_u8(w->g, off + 8));
	return of_has(w, off + 9, 3);
}

/* OFPAT_VENDOR's body (after type and length): len bytes at off. */
static bool of10_vendor_action(struct of_walk *w, size_t off, size_t len)
{
	uint32_t vendor;

	if (len < 4)
		return of_invalid(w, off, len);
	OF_NEED(off, 4);
	vendor = msg_u32(w->g, off);
	of_vendor(w->b, vendor);
	if (vendor == OUI_BSN)
		return of10_bsn_action(w, off + 4, len - 4);
	return of_data(w, off + 4, len - 4);
}

/* The length each action type must have: 8, 16, a multiple of 8 (0), or none known (-1). */
static int of10_action_len(uint16_t type)
{
	switch (type) {
	case OFPAT_OUTPUT:
	case OFPAT_SET_VLAN_VID:
	case OFPAT_SET_VLAN_PCP:
	case OFPAT_STRIP_VLAN:
	case OFPAT_SET_NW_SRC:
	case OFPAT_SET_NW_DST:
	case OFPAT_SET_NW_TOS:
	case OFPAT_SET_TP_SRC:
	case OFPAT_SET_TP_DST:
		return 8;
	case OFPAT_SET_DL_SRC:
	case OFPAT_SET_DL_DST:
	case OFPAT_ENQUEUE:
		return 16;
	case OFPAT_VENDOR:
		return 0;
	}
	return -1;
}

/* One action's fields after its type and length (4 bytes in, alen - 4 left). */
static bool of10_action_body(struct of_walk *w, uint16_t type, size_t off, uint16_t alen)
{
	uint16_t port;

	switch (type) {
	case OFPAT_OUTPUT:
		OF_NEED(off, 2);
		port = msg_u16(w->g, off);
		pbuf_puts(w->b, ", port ");
		msg_tok_put(w->b, of10_ports, "%u", port);
		OF_NEED(off + 2, 2);
		if (port == 0xfffd)
			msg_printf(w->b, ", max_len %u", msg_u16(w->g, off + 2));
		return true;
	case OFPAT_SET_VLAN_VID:
		OF_NEED(off, 2);
		pbuf_puts(w->b, ", vlan_vid ");
		of10_vlan(w->b, msg_u16(w->g, off));
		return of_has(w, off + 2, 2);
	case OFPAT_SET_VLAN_PCP:
		OF_NEED(off, 1);
		pbuf_puts(w->b, ", vlan_pcp ");
		of10_pcp(w->b, msg_u8(w->g, off));
		return of_has(w, off + 1, 3);
	case OFPAT_SET_DL_SRC:
	case OFPAT_SET_DL_DST:
		OF_NEED(off, 6);
		pbuf_puts(w->b, ", dl_addr ");
		pbuf_mac(w->b, w->g->p + off);
		return of_has(w, off + 6, 6);
	case OFPAT_SET_NW_SRC:
	case OFPAT_SET_NW_DST:
		OF_NEED(off, 4);
		pbuf_puts(w->b, ", nw_addr ");
		pbuf_ip4(w->b, w->g->p + off);
		return true;
	case OFPAT_SET_NW_TOS:
		OF_NEED(off, 1);
		msg_printf(w->b, ", nw_tos 0x%02x", msg_u8(w->g, off));
		return of_has(w, off + 1, 3);
	case OFPAT_SET_TP_SRC:
	case OFPAT_SET_TP_DST:
		OF_NEED(off, 2);
		msg_printf(w->b, ", tp_port %u", msg_u16(w->g, off));
		return of_has(w, off + 2, 2);
	case OFPAT_ENQUEUE:
		OF_NEED(off, 2);
		pbuf_puts(w->b, ", port ");
		of10_port(w, off);
		OF_NEED(off + 8, 4);
		pbuf_puts(w->b, ", queue_id ");
		if (msg_u32(w->g, off + 8) == 0xffffffff)
			pbuf_puts(w->b, "ALL");
		else
			pbuf_u32(w->b, msg_u32(w->g, off + 8));
		return true;
	case OFPAT_VENDOR:
		return of10_vendor_action(w, off, alen - 4u);
	case OFPAT_STRIP_VLAN:
		return of_has(w, off, 4);
	}
	return true;
}

bool of10_actions(struct of_walk *w, const char *pfx, size_t off, size_t len)
{
	while (len) {
		uint16_t type, alen;
		int want;

		if (len < 8)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		type = msg_u16(w->g, off);
		pbuf_puts(w->b, pfx);
		pbuf_puts(w->b, "action type ");
		msg_tok_put(w->b, of10_action_types, "invalid (0x%04x)", type);
		OF_NEED(off + 2, 2);
		alen = msg_u16(w->g, off + 2);
		msg_printf(w->b, ", len %u", alen);
		off += 4;
		len -= 4;
		/* a length under or over the list's skips the rest of the list */
		if (alen < 8 || alen > len + 4)
			return of_invalid(w, off, len);
		want = of10_action_len(type);
		if (want < 0 || (want > 0 && alen != want) || (want == 0 && alen % 8)) {
			if (want >= 0)
				pbuf_puts(w->b, " (bogus)");
			OF_NEED(off, alen - 4u);
		} else if (!of10_action_body(w, type, off, alen)) {
			return false;
		}
		off += alen - 4u;
		len -= alen - 4u;
	}
	return true;
}
