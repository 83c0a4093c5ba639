/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_lldp.c: LLDP (IEEE 802.1AB): dissector and tcpdump's text of the base TLVs (organization TLVs: proto_lldp_org.c). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_lldp.h"
#include "decode/proto_msg.h"

/*
 * IEEE 802.1AB clause 8: a sequence of TLVs, each a 7-bit type and a 9-bit
 * length, up to an End TLV (type 0).  Only where the LLDPDU lies is kept: the
 * printer and the JSON walk its TLVs again.
 */
int proto_lldp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_LLDP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok lldp_tlv_names[] = {
	{ 0, "End" },
	{ 1, "Chassis ID" },
	{ 2, "Port ID" },
	{ 3, "Time to Live" },
	{ 4, "Port Description" },
	{ 5, "System Name" },
	{ 6, "System Description" },
	{ 7, "System Capabilities" },
	{ 8, "Management Address" },
	{ 127, "Organization specific" },
	{ 0, NULL },
};

static const struct msg_tok lldp_chassis_subtypes[] = {
	{ 1, "Chassis component" }, { 2, "Interface alias" }, { 3, "Port component" },
	{ 4, "MAC address" },	    { 5, "Network address" }, { 6, "Interface name" },
	{ 7, "Local" },		    { 0, NULL },
};

static const struct msg_tok lldp_port_subtypes[] = {
	{ 1, "Interface alias" }, { 2, "Port component" },   { 3, "MAC address" },
	{ 4, "Network Address" }, { 5, "Interface Name" },   { 6, "Agent circuit ID" },
	{ 7, "Local" },		  { 0, NULL },
};

static const struct msg_tok lldp_caps[] = {
	{ 1 << 0, "Other" },	 { 1 << 1, "Repeater" }, { 1 << 2, "Bridge" },
	{ 1 << 3, "WLAN AP" },	 { 1 << 4, "Router" },	 { 1 << 5, "Telephone" },
	{ 1 << 6, "Docsis" },	 { 1 << 7, "Station Only" }, { 0, NULL },
};

static const struct msg_tok lldp_intf_numbering[] = {
	{ 2, "Interface Index" }, { 3, "System Port Number" }, { 0, NULL },
};

/* tcpdump's af_values: address family numbers (RFC 1700) */
static const struct msg_tok lldp_afi_names[] = {
	{ 0, "Reserved" },	   { 1, "IPv4" },	   { 2, "IPv6" },
	{ 3, "NSAP" },		   { 4, "HDLC" },	   { 5, "BBN 1822" },
	{ 6, "802" },		   { 7, "E.163" },	   { 8, "E.164" },
	{ 9, "F.69" },		   { 10, "X.121" },	   { 11, "Novell IPX" },
	{ 12, "Appletalk" },	   { 13, "Decnet IV" },	   { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" }, { 25, "VPLS" }, { 196, "Layer-2 VPN" },
	{ 0, NULL },
};

/* "AFI IPv4 (1): 10.0.0.1"; false when the address is shorter than its family's. */
static bool put_network_addr(struct pbuf *b, const uint8_t *p, unsigned len)
{
	uint8_t af;

	if (len < 1)
		return false;
	af = p[0];
	len--;
	if ((af == 1 && len < 4) || (af == 2 && len < 16) || (af == 6 && len < 6))
		return false;
	pbuf_puts(b, "AFI ");
	msg_tok_put(b, lldp_afi_names, "Unknown", af);
	msg_printf(b, " (%u)", af);
	switch (af) {
	case 1:
		pbuf_puts(b, ": ");
		pbuf_ip4(b, p + 1);
		break;
	case 2:
		pbuf_puts(b, ": ");
		pbuf_ip6(b, p + 1);
		break;
	case 6:
		pbuf_puts(b, ": ");
		pbuf_mac(b, p + 1);
		break;
	default:
		pbuf_puts(b, ", no AF printer !");
		break;
	}
	return true;
}

/* false: tcpdump's "trunc" (a field shorter than it should be) */
static bool put_mgmt_addr(const struct lldp_tlv *t)
{
	struct pbuf *b = t->b;
	const uint8_t *p = t->p;
	unsigned len = t->len, alen, off;

	if (len < 1)
		return false;
	alen = p[0];
	if (len - 1 < alen)
		return false;
	{
		/* the address is printed whole or not at all */
		char tmp[128];
		struct pbuf a;

		pbuf_init(&a, tmp, sizeof(tmp));
		if (!put_network_addr(&a, p + 1, alen))
			return false;
		pbuf_finish(&a, sizeof(tmp));
		msg_printf(b, "\n\t  Management Address length %u, %s", alen, tmp);
	}
	off = 1 + alen;
	if (len - off < 5)
		return false;
	pbuf_puts(b, "\n\t  ");
	msg_tok_put(b, lldp_intf_numbering, "Unknown", p[off]);
	msg_printf(b, " Interface Numbering (%u): %u", p[off], pkt_be32(p + off + 1));
	off += 5;
	if (off < len) {
		unsigned oid = p[off];

		if (len - off < 1 + oid)
			return false;
		if (oid) {
			msg_printf(b, "\n\t  OID length %u", oid);
			msg_put_text(b, p + off + 1, oid);
		}
	}
	return true;
}

/* Chassis ID and Port ID: a subtype, then an address or a name. */
static bool put_id(const struct lldp_tlv *t, const struct msg_tok *subtypes, unsigned mac, unsigned net,
		   bool *hexdump)
{
	struct pbuf *b = t->b;
	unsigned sub;

	if (t->len < 2)
		return false;
	sub = t->p[0];
	pbuf_puts(b, "\n\t  Subtype ");
	msg_tok_put(b, subtypes, "Unknown", sub);
	msg_printf(b, " (%u): ", sub);
	if (sub == mac) {
		if (t->len < 7)
			return false;
		pbuf_mac(b, t->p + 1);
	} else if (sub == net) {
		char tmp[128];
		struct pbuf a;

		pbuf_init(&a, tmp, sizeof(tmp));
		if (!put_network_addr(&a, t->p + 1, t->len - 1))
			return false;
		pbuf_finish(&a, sizeof(tmp));
		pbuf_puts(b, tmp);
	} else if (sub >= 1 && sub <= 7) {
		msg_put_text(b, t->p + 1, t->len - 1);
	} else {
		*hexdump = true;
	}
	return true;
}

#define OUI_IEEE_8021 0x0080c2
#define OUI_IEEE_8023 0x00120f
#define OUI_IANA      0x00005e
#define OUI_TIA	      0x0012bb
#define OUI_DCBX      0x001b21

/* One TLV's value; false: tcpdump's trunc. */
static bool put_tlv(unsigned type, const struct lldp_tlv *t, unsigned v, bool *hexdump)
{
	struct pbuf *b = t->b;

	switch (type) {
	case 1:
		return !v || put_id(t, lldp_chassis_subtypes, 4, 5, hexdump);
	case 2:
		return !v || put_id(t, lldp_port_subtypes, 3, 4, hexdump);
	case 3:
		if (!v)
			return true;
		if (t->len < 2)
			return false;
		msg_printf(b, ": TTL %us", pkt_be16(t->p));
		return true;
	case 4:
		if (v) {
			pbuf_puts(b, ": ");
			msg_put_text(b, t->p, t->len);
		}
		return true;
	case 5:
		/* the system name shows without -v too */
		pbuf_puts(b, ": ");
		msg_put_text(b, t->p, t->len);
		return true;
	case 6:
		if (v) {
			pbuf_puts(b, "\n\t  ");
			msg_put_text(b, t->p, t->len);
		}
		return true;
	case 7:
		if (!v)
			return true;
		if (t->len < 4)
			return false;
		pbuf_puts(b, "\n\t  System  Capabilities [");
		msg_bits_put(b, lldp_caps, "none", pkt_be16(t->p), ", ");
		msg_printf(b, "] (0x%04x)", pkt_be16(t->p));
		pbuf_puts(b, "\n\t  Enabled Capabilities [");
		msg_bits_put(b, lldp_caps, "none", pkt_be16(t->p + 2), ", ");
		msg_printf(b, "] (0x%04x)", pkt_be16(t->p + 2));
		return true;
	case 8:
		return !v || put_mgmt_addr(t);
	case 127: {
		uint32_t oui;
		const char *name;

		if (!v)
			return true;
		if (t->len < 3)
			return false;
		oui = (uint32_t)t->p[0] << 16 | (uint32_t)t->p[1] << 8 | t->p[2];
		name = proto_llc_oui_name(oui);
		msg_printf(b, ": OUI %s (0x%06x)", name ? name : "Unknown", oui);
		switch (oui) {
		case OUI_IEEE_8021:
			*hexdump = lldp_put_8021(t);
			break;
		case OUI_IEEE_8023:
			*hexdump = lldp_put_8023(t);
			break;
		case OUI_IANA:
			*hexdump = lldp_put_iana(t);
			break;
		case OUI_TIA:
			*hexdump = lldp_put_tia(t);
			break;
		case OUI_DCBX:
			*hexdump = lldp_put_dcbx(t, v);
			break;
		default:
			*hexdump = true;
			break;
		}
		return true;
	}
	}
	*hexdump = true;
	return true;
}

bool proto_lldp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned v = line_verbosity(x);
	struct msg g;
	size_t off = 0, left;

	if (!msg_of(&g, x))
		return msg_trunc(x, "lldp");
	pbuf_puts(b, "LLDP, length ");
	pbuf_u32(b, g.len);
	left = g.len;
	while (left >= 2) {
		struct lldp_tlv t = { .b = b };
		unsigned type, len;
		bool hexdump = false;

		if (!msg_has(&g, off, 2))
			return msg_trunc(x, "lldp");
		type = msg_u16(&g, off) >> 9;
		len = msg_u16(&g, off) & 0x1ff;
		off += 2;
		left -= 2;
		if (v) {
			pbuf_puts(b, "\n\t");
			msg_tok_put(b, lldp_tlv_names, "Unknown", type);
			msg_printf(b, " TLV (%u), length %u", type, len);
		}
		if (!type || !len)
			break;
		if (!msg_has(&g, off, len) || left < len)
			return msg_trunc(x, "lldp");
		t.p = g.p + off;
		t.len = len;
		if (!put_tlv(type, &t, v, &hexdump))
			return msg_trunc(x, "lldp");
		if (v > 1 || (v && hexdump))
			msg_hex_lines(b, "\n\t  ", t.p, len);
		off += len;
		left -= len;
	}
	return true;
}
