/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_llc.c: IEEE 802.2 LLC and its SNAP header under 802.3 frames: dissector and printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/names_ether.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"
#include "decode/tcpdump_names.h"

#define LLC_SAP_SNAP  0xaa
#define LLC_UI	      0x03
#define LLC_U_FMT     0x03
#define LLC_S_FMT     0x01
#define LLC_GSAP      0x01 /* ssap: response */
#define LLC_IG	      0x01 /* dsap: group */
#define LLC_U_POLL    0x10
#define LLC_IS_POLL   0x0100
#define LLC_XID	      0xaf
#define LLC_XID_FI    0x81

#define OUI_ENCAP_ETHER 0x000000
#define OUI_CISCO	0x00000c
#define OUI_CISCO_90	0x0000f8

/*
 * IEEE 802.2 clause 3:
 *
 * +--------+--------+----------------+
 * |  DSAP  |  SSAP  | control (1/2)  |
 * +--------+--------+----------------+
 *
 * and when DSAP and SSAP are 0xaa with a UI control, RFC 1042's SNAP header:
 * a 3-byte organization code and a 2-byte protocol id (an ethertype for 0).
 */
int proto_llc_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_llc *k = &l->llc;
	uint8_t b;

	*k = (struct pkt_llc){ 0 };
	l->net = PKT_PROTO_LLC;
	if (!pkt_get_u8(c, &k->dsap) || !pkt_get_u8(c, &k->ssap) || !pkt_get_u8(c, &b))
		return proto_short(m, 3);
	k->control = b;
	k->is_u = (b & LLC_U_FMT) == LLC_U_FMT;
	if (!k->is_u) {
		if (!pkt_get_u8(c, &b))
			return proto_short(m, 4);
		k->control |= (uint16_t)(b << 8);
	}
	if ((k->dsap & ~LLC_IG) == LLC_SAP_SNAP && (k->ssap & ~LLC_GSAP) == LLC_SAP_SNAP &&
	    k->control == LLC_UI) {
		uint16_t hi;
		uint8_t lo;

		if (!pkt_get_be16(c, &hi) || !pkt_get_u8(c, &lo) || !pkt_get_be16(c, &k->pid))
			return proto_short(m, 8);
		k->snap = true;
		k->oui = (uint32_t)hi << 8 | lo;
		switch (k->oui) {
		case OUI_ENCAP_ETHER:
		case OUI_CISCO_90:
			return proto_l2_ethertype(m, k->pid);
		case OUI_CISCO:
			return proto_l2_cisco_pid(k->pid);
		}
		return PKT_PROTO_NONE;
	}
	if (k->control != LLC_UI || (k->dsap & ~LLC_IG) != (k->ssap & ~LLC_GSAP))
		return PKT_PROTO_NONE;
	return dispatch_lookup(DISPATCH_LLC_SAP, k->dsap & ~LLC_IG);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok llc_sap_names[] = {
	{ 0x00, "Null" },  { 0xff, "Global" },	 { 0x02, "802.1B I" }, { 0x03, "802.1B G" },
	{ 0x06, "IP" },	   { 0x04, "SNA" },	 { 0x0e, "ProWay NM" }, { 0x42, "STP" },
	{ 0x4e, "RS511" }, { 0x7e, "ISO8208" }, { 0x8e, "ProWay" },	{ 0xaa, "SNAP" },
	{ 0xe0, "IPX" },   { 0xf0, "NetBeui" }, { 0xfe, "OSI" },	{ 0, NULL },
};

static const struct msg_tok llc_cmd_names[] = {
	{ 0x03, "ui" }, { 0xe3, "test" }, { 0xaf, "xid" },   { 0x63, "ua" },
	{ 0x43, "disc" }, { 0x0f, "dm" }, { 0x6f, "sabme" }, { 0x87, "frmr" },
	{ 0, NULL },
};

static const char *llc_flag_name(unsigned v)
{
	switch (v) {
	case 0:
		return "Command";
	case LLC_GSAP:
		return "Response";
	case LLC_U_POLL:
	case LLC_IS_POLL:
		return "Poll";
	case LLC_GSAP | LLC_U_POLL:
	case LLC_GSAP | LLC_IS_POLL:
		return "Final";
	}
	return NULL;
}

static const struct msg_tok cisco_pid_names[] = {
	{ 0x2000, "CDP" }, { 0x2003, "VTP" },  { 0x2004, "DTP" },
	{ 0x0111, "UDLD" }, { 0x010b, "PVST" }, { 0x010c, "VLAN Bridge" },
	{ 0, NULL },
};

static const struct msg_tok bridged_pid_names[] = {
	{ 0x0001, "Ethernet + FCS" },	 { 0x0007, "Ethernet w/o FCS" },
	{ 0x0002, "802.4 + FCS" },	 { 0x0008, "802.4 w/o FCS" },
	{ 0x0003, "Token Ring + FCS" },	 { 0x0009, "Token Ring w/o FCS" },
	{ 0x0004, "FDDI + FCS" },	 { 0x000a, "FDDI w/o FCS" },
	{ 0x0005, "802.6 + FCS" },	 { 0x000b, "802.6 w/o FCS" },
	{ 0x000e, "BPDU" },		 { 0, NULL },
};

const char *proto_llc_oui_name(uint32_t oui)
{
	return names_oui(oui);
}

static void put_pid(struct pbuf *b, uint32_t oui, uint16_t pid)
{
	const char *s = NULL;

	if (oui == OUI_ENCAP_ETHER || oui == OUI_CISCO_90 || oui == 0x080007)
		s = tcpdump_names_ethertype(pid);
	else if (oui == OUI_CISCO)
		s = msg_tok_find(cisco_pid_names, pid);
	else if (oui == 0x0080c2)
		s = msg_tok_find(bridged_pid_names, pid);
	pbuf_puts(b, s ? s : "Unknown");
}

/*
 * The SNAP header: "oui Cisco (0x00000c), pid CDP (0x2000), length 42: "
 * after -e's LLC header; tcpdump's own line for an unknown payload starts
 * with "SNAP, " and leaves out an OUI of 0.
 */
static void put_snap(struct pbuf *b, const struct pkt_llc *k, uint32_t wire_len, bool alone)
{
	const char *s = proto_llc_oui_name(k->oui);

	if (alone)
		pbuf_puts(b, "SNAP, ");
	if (alone && k->oui == OUI_ENCAP_ETHER) {
		pbuf_puts(b, "ethertype ");
	} else {
		pbuf_puts(b, "oui ");
		pbuf_puts(b, s ? s : "Unknown");
		pbuf_puts(b, " (0x");
		pbuf_hex(b, k->oui, 6);
		pbuf_puts(b, k->oui == OUI_ENCAP_ETHER ? "), ethertype " : "), pid ");
	}
	put_pid(b, k->oui, k->pid);
	pbuf_puts(b, " (0x");
	pbuf_hex(b, k->pid, 4);
	pbuf_puts(b, "), length ");
	pbuf_u32(b, wire_len - 8);
	pbuf_puts(b, ": ");
}

/* "LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: " */
static void put_header_e(struct pbuf *b, const struct pkt_llc *k)
{
	unsigned dsap = k->dsap & ~LLC_IG, ssap = k->ssap & ~LLC_GSAP;

	pbuf_puts(b, "LLC, dsap ");
	msg_tok_put(b, llc_sap_names, "Unknown", dsap);
	pbuf_puts(b, " (0x");
	pbuf_hex(b, dsap, 2);
	pbuf_puts(b, k->dsap & LLC_IG ? ") Group, ssap " : ") Individual, ssap ");
	msg_tok_put(b, llc_sap_names, "Unknown", ssap);
	pbuf_puts(b, " (0x");
	pbuf_hex(b, ssap, 2);
	pbuf_puts(b, k->ssap & LLC_GSAP ? ") Response, ctrl 0x" : ") Command, ctrl 0x");
	pbuf_hex(b, k->control, k->is_u ? 2 : 4);
	pbuf_puts(b, ": ");
}

/* An LLC frame whose payload is not decoded: its kind, as tcpdump names it. */
static void put_unknown(struct line *x, const struct pkt_llc *k, const struct msg *g)
{
	const struct pkt_level *l = line_level(x);
	struct pbuf *b = &x->b;
	unsigned dsap = k->dsap & ~LLC_IG, ssap = k->ssap & ~LLC_GSAP;
	unsigned hdr = k->is_u ? 3 : 4;
	const char *f;

	if (!x->o->link) {
		/* the addresses are printed here, by the frame's link layer's */
		bool addrs = l->link == PKT_PROTO_ETH;

		if (addrs) {
			pbuf_mac(b, l->eth.src);
			pbuf_putc(b, ' ');
		}
		if (ssap != dsap) {
			msg_tok_put(b, llc_sap_names, "Unknown SSAP 0x%02x", ssap);
			pbuf_puts(b, " > ");
		} else if (addrs) {
			pbuf_puts(b, "> ");
		}
		if (addrs) {
			pbuf_mac(b, l->eth.dst);
			pbuf_putc(b, ' ');
		}
		msg_tok_put(b, llc_sap_names, "Unknown DSAP 0x%02x", dsap);
		pbuf_putc(b, ' ');
	}
	if (k->is_u) {
		pbuf_puts(b, "Unnumbered, ");
		msg_tok_put(b, llc_cmd_names, "%02x", k->control & 0xef);
		f = llc_flag_name((k->ssap & LLC_GSAP) | (k->control & LLC_U_POLL));
	} else if ((k->control & LLC_S_FMT) == LLC_S_FMT) {
		static const char *const sup[] = { "Receiver Ready", "Receiver not Ready", "Reject",
						   "?" };

		pbuf_puts(b, "Supervisory, ");
		pbuf_puts(b, sup[k->control >> 2 & 3]);
		pbuf_puts(b, ", rcv seq ");
		pbuf_u32(b, k->control >> 9 & 0x7f);
		f = llc_flag_name((k->ssap & LLC_GSAP) | (k->control & LLC_IS_POLL));
	} else {
		pbuf_puts(b, "Information, send seq ");
		pbuf_u32(b, k->control >> 1 & 0x7f);
		pbuf_puts(b, ", rcv seq ");
		pbuf_u32(b, k->control >> 9 & 0x7f);
		f = llc_flag_name((k->ssap & LLC_GSAP) | (k->control & LLC_IS_POLL));
	}
	pbuf_puts(b, ", Flags [");
	pbuf_puts(b, f ? f : "?");
	pbuf_puts(b, "], length ");
	pbuf_u32(b, g->len);
	if (k->is_u && (k->control & ~LLC_U_POLL) == LLC_XID && g->len > hdr) {
		if (!msg_has(g, hdr, 1)) {
			msg_trunc(x, "llc");
			return;
		}
		if (msg_u8(g, hdr) == LLC_XID_FI) {
			if (!msg_has(g, hdr, 3) || g->len < hdr + 3u) {
				msg_trunc(x, "llc");
				msg_hex_lines(b, "\n\t", g->p + hdr, g->cap - hdr);
				return;
			}
			pbuf_puts(b, ": ");
			pbuf_hex(b, msg_u8(g, hdr + 1), 2);
			pbuf_putc(b, ' ');
			pbuf_hex(b, msg_u8(g, hdr + 2), 2);
			return;
		}
	}
	/* Supervisory frames carry nothing; for the others tcpdump dumps the frame */
	if (!x->o->dump && (k->is_u || (k->control & LLC_S_FMT) != LLC_S_FMT))
		proto_l2_default_print(b, g->p, g->cap);
}

bool proto_llc_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_llc *k = &line_level(x)->llc;
	struct pbuf *b = &x->b;
	struct msg g;

	if (ly->truncated || ly->invalid || !msg_of(&g, x)) {
		/* tcpdump marks a header cut short and dumps what there is */
		if (x->o->link && ly->hdr_len >= 3 && !(ly->hdr_len < 8 && k->dsap == LLC_SAP_SNAP))
			put_header_e(b, k);
		pbuf_puts(b, ly->hdr_len >= 3 && (k->dsap & ~LLC_IG) == LLC_SAP_SNAP ? " [|snap]" :
										     " [|llc]");
		/* llc_print's default print of a header cut before its control field, always */
		if ((ly->truncated || ly->invalid) && ly->hdr_len < 3 && x->o->data && ly->hdr_len)
			proto_l2_default_print(b, x->o->data + ly->off, ly->hdr_len);
		return true;
	}
	if (x->o->link)
		put_header_e(b, k);
	if (k->snap) {
		if (x->o->link)
			put_snap(b, k, ly->wire_len, false);
		if (line_more(x))
			return false;
		if (!x->o->link) {
			/* tcpdump names the frame's addresses and the SNAP header itself */
			const struct pkt_level *l = line_level(x);

			if (l->link == PKT_PROTO_ETH) {
				pbuf_mac(b, l->eth.src);
				pbuf_puts(b, " > ");
				pbuf_mac(b, l->eth.dst);
				pbuf_putc(b, ' ');
			}
			put_snap(b, k, ly->wire_len, true);
		}
		/* an unknown SNAP payload: tcpdump dumps the whole frame after the link header */
		if (!x->o->dump)
			proto_l2_default_print(b, g.p, g.cap);
		return true;
	}
	if (line_more(x))
		return false;
	put_unknown(x, k, &g);
	return true;
}
