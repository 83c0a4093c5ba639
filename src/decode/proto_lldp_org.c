/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_lldp_org.c: LLDP's organization-specific TLVs as tcpdump prints them: IEEE 802.1 and 802.3,
 * IANA (the MUD URL), ANSI/TIA-1057 LLDP-MED and DCBX. */
#include "config.h"

#include "decode/proto_lldp.h"
#include "decode/proto_msg.h"

static const struct msg_tok lldp_8021_subtypes[] = {
	{ 1, "Port VLAN Id" },
	{ 2, "Port and Protocol VLAN ID" },
	{ 3, "VLAN name" },
	{ 4, "Protocol Identity" },
	{ 7, "Link aggregation" },
	{ 8, "Congestion Notification" },
	{ 9, "ETS Configuration" },
	{ 10, "ETS Recommendation" },
	{ 11, "Priority Flow Control Configuration" },
	{ 12, "Application Priority" },
	{ 13, "EVB" },
	{ 14, "CDCP" },
	{ 0, NULL },
};

static const struct msg_tok lldp_8021_ppvid_flags[] = {
	{ 1 << 1, "supported" }, { 1 << 2, "enabled" }, { 0, NULL },
};

static const struct msg_tok lldp_8023_subtypes[] = {
	{ 1, "MAC/PHY configuration/status" },
	{ 2, "Power via MDI" },
	{ 3, "Link aggregation" },
	{ 4, "Max frame size" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_subtypes[] = {
	{ 1, "LLDP-MED Capabilities" },
	{ 2, "Network policy" },
	{ 3, "Location identification" },
	{ 4, "Extended power-via-MDI" },
	{ 5, "Inventory - hardware revision" },
	{ 6, "Inventory - firmware revision" },
	{ 7, "Inventory - software revision" },
	{ 8, "Inventory - serial number" },
	{ 9, "Inventory - manufacturer name" },
	{ 10, "Inventory - model name" },
	{ 11, "Inventory - asset ID" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_altitude_types[] = {
	{ 1, "meters" }, { 2, "floors" }, { 0, NULL },
};

static const struct msg_tok lldp_tia_catypes[] = {
	{ 1, "national subdivisions (state,canton,region,province,prefecture)" },
	{ 2, "county, parish, gun, district" },
	{ 3, "city, township, shi" },
	{ 4, "city division, borough, city district, ward chou" },
	{ 5, "neighborhood, block" },
	{ 6, "street" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_lci_what[] = {
	{ 0, "location of DHCP server" },
	{ 1, "location of the network element believed to be closest to the client" },
	{ 2, "location of the client" },
	{ 0, NULL },
};

static const struct msg_tok lldp_mau_types[] = {
	{ 0, "Unknown" },
	{ 1, "AUI" },
	{ 2, "10BASE_5" },
	{ 3, "FOIRL" },
	{ 4, "10BASE2" },
	{ 5, "10BASET duplex mode unknown" },
	{ 6, "10BASEFP" },
	{ 7, "10BASEFB" },
	{ 8, "10BASEFL duplex mode unknown" },
	{ 9, "10BROAD36" },
	{ 10, "10BASET hdx" },
	{ 11, "10BASET fdx" },
	{ 12, "10BASEFL hdx" },
	{ 13, "10BASEFL fdx" },
	{ 14, "100BASET4" },
	{ 15, "100BASETX hdx" },
	{ 16, "100BASETX fdx" },
	{ 17, "100BASEFX hdx" },
	{ 18, "100BASEFX fdx" },
	{ 19, "100BASET2 hdx" },
	{ 20, "100BASET2 fdx" },
	{ 21, "1000BASEX hdx" },
	{ 22, "1000BASEX fdx" },
	{ 23, "1000BASELX hdx" },
	{ 24, "1000BASELX fdx" },
	{ 25, "1000BASESX hdx" },
	{ 26, "1000BASESX fdx" },
	{ 27, "1000BASECX hdx" },
	{ 28, "1000BASECX fdx" },
	{ 29, "1000BASET hdx" },
	{ 30, "1000BASET fdx" },
	{ 31, "10GBASEX" },
	{ 32, "10GBASELX4" },
	{ 33, "10GBASER" },
	{ 34, "10GBASEER" },
	{ 35, "10GBASELR" },
	{ 36, "10GBASESR" },
	{ 37, "10GBASEW" },
	{ 38, "10GBASEEW" },
	{ 39, "10GBASELW" },
	{ 40, "10GBASESW" },
	{ 0, NULL },
};

static const struct msg_tok lldp_autoneg[] = {
	{ 1 << 0, "supported" }, { 1 << 1, "enabled" }, { 0, NULL },
};

static const struct msg_tok lldp_pmd_caps[] = {
	{ 1 << 14, "10BASE-T hdx" },
	{ 1 << 13, "10BASE-T fdx" },
	{ 1 << 12, "100BASE-T4" },
	{ 1 << 11, "100BASE-TX hdx" },
	{ 1 << 10, "100BASE-TX fdx" },
	{ 1 << 9, "100BASE-T2 hdx" },
	{ 1 << 8, "100BASE-T2 fdx" },
	{ 1 << 7, "Pause for fdx links" },
	{ 1 << 6, "Asym PAUSE for fdx" },
	{ 1 << 5, "Sym PAUSE for fdx" },
	{ 1 << 4, "Asym and Sym PAUSE for fdx" },
	{ 1 << 3, "1000BASE-{X LX SX CX} hdx" },
	{ 1 << 2, "1000BASE-{X LX SX CX} fdx" },
	{ 1 << 1, "1000BASE-T hdx" },
	{ 1 << 0, "1000BASE-T fdx" },
	{ 0, NULL },
};

static const struct msg_tok lldp_mdi_flags[] = {
	{ 1 << 0, "PSE" }, { 1 << 1, "supported" }, { 1 << 2, "enabled" },
	{ 1 << 3, "can be controlled" }, { 0, NULL },
};

static const struct msg_tok lldp_mdi_pairs[] = {
	{ 1, "signal" }, { 2, "spare" }, { 0, NULL },
};

static const struct msg_tok lldp_mdi_classes[] = {
	{ 1, "class0" }, { 2, "class1" }, { 3, "class2" }, { 4, "class3" }, { 5, "class4" },
	{ 0, NULL },
};

static const struct msg_tok lldp_aggregation[] = {
	{ 1 << 0, "supported" }, { 1 << 1, "enabled" }, { 0, NULL },
};

static const struct msg_tok lldp_tia_caps[] = {
	{ 1 << 0, "LLDP-MED capabilities" },
	{ 1 << 1, "network policy" },
	{ 1 << 2, "location identification" },
	{ 1 << 3, "extended power via MDI-PSE" },
	{ 1 << 4, "extended power via MDI-PD" },
	{ 1 << 5, "Inventory" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_device_types[] = {
	{ 1, "endpoint class 1" }, { 2, "endpoint class 2" }, { 3, "endpoint class 3" },
	{ 4, "network connectivity" }, { 0, NULL },
};

static const struct msg_tok lldp_tia_app_types[] = {
	{ 1, "voice" },
	{ 2, "voice signaling" },
	{ 3, "guest voice" },
	{ 4, "guest voice signaling" },
	{ 5, "softphone voice" },
	{ 6, "video conferencing" },
	{ 7, "streaming video" },
	{ 8, "video signaling" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_policy_flags[] = {
	{ 1 << 7, "Unknown" }, { 1 << 6, "Tagged" }, { 1 << 5, "reserved" }, { 0, NULL },
};

static const struct msg_tok lldp_tia_location_formats[] = {
	{ 1, "coordinate-based LCI" }, { 2, "civic address LCI" }, { 3, "ECS ELIN" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_datums[] = {
	{ 1, "World Geodesic System 1984" },
	{ 2, "North American Datum 1983 (NAVD88)" },
	{ 3, "North American Datum 1983 (MLLW)" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_power_sources[] = {
	{ 1, "PSE - primary power source" },
	{ 2, "local - backup power source" },
	{ 3, "PSE+local - reserved" },
	{ 0, NULL },
};

static const struct msg_tok lldp_tia_power_prios[] = {
	{ 1, "critical" }, { 2, "high" }, { 3, "low" }, { 0, NULL },
};

static const struct msg_tok lldp_tia_inventory[] = {
	{ 5, "Hardware revision" },  { 6, "Firmware revision" }, { 7, "Software revision" },
	{ 8, "Serial number" },	     { 9, "Manufacturer name" }, { 10, "Model name" },
	{ 11, "Asset ID" },	     { 0, NULL },
};

static const struct msg_tok lldp_dcbx_subtypes[] = {
	{ 1, "DCB Capability Exchange Protocol Rev 1" },
	{ 2, "DCB Capability Exchange Protocol Rev 1.01" },
	{ 0, NULL },
};

static const struct msg_tok lldp_evb_modes[] = {
	{ 0, "Not Supported" },
	{ 1, "EVB Bridge" },
	{ 2, "EVB Staion" },
	{ 3, "Reserved for future Standardization" },
	{ 0, NULL },
};

static const struct msg_tok lldp_iana_subtypes[] = {
	{ 1, "MUD-URL" }, { 0, NULL },
};

static void put_bits8(struct pbuf *b, uint8_t v)
{
	for (unsigned i = 0; i < 8; i++) {
		pbuf_u32(b, v >> i & 1);
		pbuf_puts(b, "  ");
	}
}

/* "%-3d" of eight values */
static void put_row3(struct pbuf *b, const unsigned v[8])
{
	for (unsigned i = 0; i < 8; i++)
		msg_printf(b, i < 7 ? "%-3u " : "%-3u", v[i]);
}

static void put_ets_tables(struct pbuf *b, const uint8_t *p)
{
	unsigned v[8];

	pbuf_puts(b, "\n\t    Priority Assignment Table"
		     "\n\t     Priority : 0   1   2   3   4   5   6   7"
		     "\n\t     Value    : ");
	for (unsigned i = 0; i < 8; i++)
		v[i] = i & 1 ? p[i / 2] & 0x0f : p[i / 2] >> 4;
	put_row3(b, v);
	pbuf_puts(b, "\n\t    TC Bandwidth Table"
		     "\n\t     TC%   : 0   1   2   3   4   5   6   7"
		     "\n\t     Value : ");
	for (unsigned i = 0; i < 8; i++)
		v[i] = p[4 + i];
	put_row3(b, v);
	pbuf_puts(b, "\n\t    TSA Assignment Table"
		     "\n\t     Traffic Class: 0   1   2   3   4   5   6   7"
		     "\n\t     Value        : ");
	for (unsigned i = 0; i < 8; i++)
		v[i] = p[12 + i];
	put_row3(b, v);
}

static void put_priority_bits(struct pbuf *b, const char *title, uint8_t v)
{
	pbuf_puts(b, title);
	pbuf_puts(b, "\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ");
	put_bits8(b, v);
}

/* "\n\t  Port VLAN Id Subtype (1)": an organization TLV's subtype line; the subtype. */
static unsigned put_subtype(struct pbuf *b, const struct msg_tok *names, unsigned sub)
{
	pbuf_puts(b, "\n\t  ");
	msg_tok_put(b, names, "unknown", sub);
	msg_printf(b, " Subtype (%u)", sub);
	return sub;
}

/* IEEE 802.1 organization TLVs (802.1Q annex D); true: tcpdump dumps the value too. */
bool lldp_put_8021(const struct lldp_tlv *t)
{
	struct pbuf *b = t->b;
	const uint8_t *p = t->p;
	unsigned len = t->len, sub;

	if (len < 4)
		return false;
	sub = put_subtype(b, lldp_8021_subtypes, p[3]);
	switch (sub) {
	case 1:
		if (len < 6)
			return false;
		msg_printf(b, "\n\t    port vlan id (PVID): %u", pkt_be16(p + 4));
		return false;
	case 2:
		if (len < 7)
			return false;
		msg_printf(b, "\n\t    port and protocol vlan id (PPVID): %u, flags [", pkt_be16(p + 5));
		msg_bits_put(b, lldp_8021_ppvid_flags, "none", p[4], ", ");
		msg_printf(b, "] (0x%02x)", p[4]);
		return false;
	case 3: {
		unsigned n;

		if (len < 6)
			return false;
		msg_printf(b, "\n\t    vlan id (VID): %u", pkt_be16(p + 4));
		if (len < 7)
			return false;
		n = p[6];
		if (len < 7 + n)
			return false;
		pbuf_puts(b, "\n\t    vlan name: ");
		msg_put_text(b, p + 7, n);
		return false;
	}
	case 4: {
		unsigned n;

		if (len < 5)
			return false;
		n = p[4];
		if (len < 5 + n)
			return false;
		pbuf_puts(b, "\n\t    protocol identity: ");
		msg_put_text(b, p + 5, n);
		return false;
	}
	case 7:
		/* 802.1AX link aggregation, as 802.3's subtype 3 */
		if (len < 9)
			return false;
		pbuf_puts(b, "\n\t    aggregation status [");
		msg_bits_put(b, lldp_aggregation, "none", p[4], ", ");
		msg_printf(b, "], aggregation port ID %u", pkt_be32(p + 5));
		return false;
	case 8:
		if (len < 6)
			return false;
		put_priority_bits(b, "\n\t    Pre-Priority CNPV Indicator", p[4]);
		put_priority_bits(b, "\n\t    Pre-Priority Ready Indicator", p[5]);
		return false;
	case 9:
		if (len < 25)
			return false;
		/* tcpdump masks CBS with 0x02 after the shift */
		msg_printf(b, "\n\t    Willing:%u, CBS:%u, RES:%u, Max TCs:%u", p[4] >> 7,
			   (p[4] >> 6) & 0x02, (p[4] >> 3) & 0x07, p[4] & 0x07);
		put_ets_tables(b, p + 5);
		return false;
	case 10:
		if (len < 25)
			return false;
		msg_printf(b, "\n\t    RES: %u", p[4]);
		put_ets_tables(b, p + 5);
		return false;
	case 11:
		if (len < 6)
			return false;
		msg_printf(b, "\n\t    Willing: %u, MBC: %u, RES: %u, PFC cap:%u ", p[4] >> 7,
			   (p[4] >> 6) & 0x01, (p[4] >> 4) & 0x03, p[4] & 0x0f);
		put_priority_bits(b, "\n\t    PFC Enable", p[5]);
		return false;
	case 12: {
		unsigned n;

		if (len < 5)
			return false;
		msg_printf(b, "\n\t    RES: %u", p[4]);
		if (len <= 5)
			return false;
		n = len - 5;
		if (n % 3)
			return false;
		pbuf_puts(b, "\n\t    Application Priority Table");
		for (unsigned i = 0; i < n; i += 3) {
			uint8_t v = p[5 + i];

			msg_printf(b, "\n\t      Priority: %u, RES: %u, Sel: %u, Protocol ID: %u",
				   v >> 5, (v >> 3) & 0x03, v & 0x07, pkt_be16(p + 6 + i));
		}
		return false;
	}
	case 13:
		if (len < 9)
			return false;
		msg_printf(b,
			   "\n\t    EVB Bridge Status\n\t      RES: %u, BGID: %u, RRCAP: %u, RRCTR: %u",
			   p[4] >> 3, (p[4] >> 2) & 0x01, (p[4] >> 1) & 0x01, p[4] & 0x01);
		msg_printf(b,
			   "\n\t    EVB Station Status\n\t      RES: %u, SGID: %u, RRREQ: %u,RRSTAT: %u",
			   p[5] >> 4, (p[5] >> 3) & 0x01, (p[5] >> 2) & 0x01, p[5] & 0x03);
		msg_printf(b, "\n\t    R: %u, RTE: %u, ", p[6] >> 5, p[6] & 0x1f);
		pbuf_puts(b, "EVB Mode: ");
		msg_tok_put(b, lldp_evb_modes, "unknown", p[7] >> 6);
		msg_printf(b, " [%u]", p[7] >> 6);
		msg_printf(b, "\n\t    ROL: %u, RWD: %u, ", (p[7] >> 5) & 0x01, p[7] & 0x1f);
		msg_printf(b, "RES: %u, ROL: %u, RKA: %u", p[8] >> 6, (p[8] >> 5) & 0x01,
			   p[8] & 0x1f);
		return false;
	case 14: {
		unsigned n;

		if (len < 8)
			return false;
		msg_printf(b, "\n\t    Role: %u, RES: %u, Scomp: %u ", p[4] >> 7, (p[4] >> 4) & 0x07,
			   (p[4] >> 3) & 0x01);
		msg_printf(b, "ChnCap: %u", pkt_be16(p + 6) & 0x0fff);
		n = len - 8;
		if (n % 3)
			return false;
		for (unsigned i = 0; i < n; i += 3) {
			uint32_t v = (uint32_t)p[8 + i] << 16 | (uint32_t)p[9 + i] << 8 | p[10 + i];

			msg_printf(b, "\n\t    SCID: %u, SVID: %u", v >> 12, v & 0x000fff);
		}
		return false;
	}
	}
	return true;
}

/* IEEE 802.3 organization TLVs (802.3 clause 79). */
bool lldp_put_8023(const struct lldp_tlv *t)
{
	struct pbuf *b = t->b;
	const uint8_t *p = t->p;
	unsigned len = t->len, sub;

	if (len < 4)
		return false;
	sub = put_subtype(b, lldp_8023_subtypes, p[3]);
	switch (sub) {
	case 1:
		if (len < 9)
			return false;
		pbuf_puts(b, "\n\t    autonegotiation [");
		msg_bits_put(b, lldp_autoneg, "none", p[4], ", ");
		msg_printf(b, "] (0x%02x)", p[4]);
		pbuf_puts(b, "\n\t    PMD autoneg capability [");
		msg_bits_put(b, lldp_pmd_caps, "unknown", pkt_be16(p + 5), ", ");
		msg_printf(b, "] (0x%04x)", pkt_be16(p + 5));
		pbuf_puts(b, "\n\t    MAU type ");
		msg_tok_put(b, lldp_mau_types, "unknown", pkt_be16(p + 7));
		msg_printf(b, " (0x%04x)", pkt_be16(p + 7));
		return false;
	case 2:
		if (len < 7)
			return false;
		pbuf_puts(b, "\n\t    MDI power support [");
		msg_bits_put(b, lldp_mdi_flags, "none", p[4], ", ");
		pbuf_puts(b, "], power pair ");
		msg_tok_put(b, lldp_mdi_pairs, "unknown", p[5]);
		pbuf_puts(b, ", power class ");
		msg_tok_put(b, lldp_mdi_classes, "unknown", p[6]);
		return false;
	case 3:
		if (len < 9)
			return false;
		pbuf_puts(b, "\n\t    aggregation status [");
		msg_bits_put(b, lldp_aggregation, "none", p[4], ", ");
		msg_printf(b, "], aggregation port ID %u", pkt_be32(p + 5));
		return false;
	case 4:
		if (len < 6)
			return false;
		msg_printf(b, "\n\t    MTU size %u", pkt_be16(p + 4));
		return false;
	}
	return true;
}

/* IANA's TLVs: the MUD URL (RFC 8520). */
bool lldp_put_iana(const struct lldp_tlv *t)
{
	struct pbuf *b = t->b;
	unsigned sub;

	if (t->len < 8)
		return false;
	sub = put_subtype(b, lldp_iana_subtypes, t->p[3]);
	if (sub != 1)
		return true;
	pbuf_puts(b, "\n\t  MUD-URL=");
	msg_put_textn(b, t->p + 4, t->len - 4);
	return false;
}

static uint64_t latlon(const uint8_t *p)
{
	return (uint64_t)(p[0] & 0x3) << 32 | pkt_be32(p + 1);
}

/* ANSI/TIA-1057 LLDP-MED TLVs. */
bool lldp_put_tia(const struct lldp_tlv *t)
{
	struct pbuf *b = t->b;
	const uint8_t *p = t->p;
	unsigned len = t->len, sub;

	if (len < 4)
		return false;
	sub = put_subtype(b, lldp_tia_subtypes, p[3]);
	switch (sub) {
	case 1:
		if (len < 7)
			return false;
		pbuf_puts(b, "\n\t    Media capabilities [");
		msg_bits_put(b, lldp_tia_caps, "none", pkt_be16(p + 4), ", ");
		msg_printf(b, "] (0x%04x)", pkt_be16(p + 4));
		pbuf_puts(b, "\n\t    Device type [");
		msg_tok_put(b, lldp_tia_device_types, "unknown", p[6]);
		msg_printf(b, "] (0x%02x)", p[6]);
		return false;
	case 2:
		if (len < 8)
			return false;
		pbuf_puts(b, "\n\t    Application type [");
		msg_tok_put(b, lldp_tia_app_types, "none", p[4]);
		msg_printf(b, "] (0x%02x)", p[4]);
		pbuf_puts(b, ", Flags [");
		msg_bits_put(b, lldp_tia_policy_flags, "none", p[5], ", ");
		msg_printf(b, "]\n\t    Vlan id %u", (pkt_be16(p + 5) & 0x1ffe) >> 1);
		msg_printf(b, ", L2 priority %u", (pkt_be16(p + 6) & 0x01ff) >> 6);
		msg_printf(b, ", DSCP value %u", pkt_be16(p + 6) & 0x003f);
		return false;
	case 3: {
		uint8_t fmt;

		if (len < 5)
			return false;
		fmt = p[4];
		pbuf_puts(b, "\n\t    Location data format ");
		msg_tok_put(b, lldp_tia_location_formats, "unknown", fmt);
		msg_printf(b, " (0x%02x)", fmt);
		switch (fmt) {
		case 1:
			if (len < 21)
				return false;
			msg_printf(b, "\n\t    Latitude resolution %u, latitude value %llu",
				   p[5] >> 2, (unsigned long long)latlon(p + 5));
			msg_printf(b, "\n\t    Longitude resolution %u, longitude value %llu",
				   p[10] >> 2, (unsigned long long)latlon(p + 10));
			pbuf_puts(b, "\n\t    Altitude type ");
			msg_tok_put(b, lldp_tia_altitude_types, "unknown", p[15] >> 4);
			msg_printf(b, " (%u)", p[15] >> 4);
			msg_printf(b, "\n\t    Altitude resolution %u, altitude value 0x%x",
				   (pkt_be16(p + 15) >> 6) & 0x3f, pkt_be32(p + 16) & 0x3fffffff);
			pbuf_puts(b, "\n\t    Datum ");
			msg_tok_put(b, lldp_tia_datums, "unknown", p[20]);
			msg_printf(b, " (0x%02x)", p[20]);
			return false;
		case 2: {
			unsigned lci, off;

			if (len < 6)
				return false;
			lci = p[5];
			if (lci < 3 || len < 7 + lci)
				return false;
			msg_printf(b, "\n\t    LCI length %u, LCI what ", lci);
			msg_tok_put(b, lldp_tia_lci_what, "unknown", p[6]);
			msg_printf(b, " (0x%02x), Country-code ", p[6]);
			msg_put_text(b, p + 7, 2);
			lci -= 3;
			off = 9;
			while (lci > 0) {
				uint8_t type, n;

				if (lci < 2)
					return false;
				type = p[off];
				n = p[off + 1];
				off += 2;
				lci -= 2;
				pbuf_puts(b, "\n\t      CA type '");
				msg_tok_put(b, lldp_tia_catypes, "unknown", type);
				msg_printf(b, "' (%u), length %u: ", type, n);
				if (!type || !n || lci < n)
					return false;
				msg_put_text(b, p + off, n);
				off += n;
				lci -= n;
			}
			return false;
		}
		case 3:
			pbuf_puts(b, "\n\t    ECS ELIN id ");
			msg_put_text(b, p + 5, len - 5);
			return false;
		}
		pbuf_puts(b, "\n\t    Location ID ");
		msg_hex_lines(b, "\n\t      ", p + 5, len - 5);
		return false;
	}
	case 4: {
		uint16_t power;

		if (len < 7)
			return false;
		/* tcpdump tests p[4] & (0xc0 >> 6): bit 1 */
		pbuf_puts(b, p[4] & 0x03 ? "\n\t    Power type [PD device]" :
					   "\n\t    Power type [PSE device]");
		pbuf_puts(b, ", Power source [");
		msg_tok_put(b, lldp_tia_power_sources, "none", (p[4] & 0x30) >> 4);
		pbuf_puts(b, "]\n\t    Power priority [");
		msg_tok_put(b, lldp_tia_power_prios, "none", p[4] & 0x0f);
		msg_printf(b, "] (0x%02x)", p[4] & 0x0f);
		power = pkt_be16(p + 5);
		if (power < 1024)
			msg_printf(b, ", Power %.1f Watts", (double)((float)power / 10));
		else
			msg_printf(b, ", Power %u (Reserved)", power);
		return false;
	}
	case 5:
	case 6:
	case 7:
	case 8:
	case 9:
	case 10:
	case 11:
		pbuf_puts(b, "\n\t  ");
		msg_tok_put(b, lldp_tia_inventory, "unknown", sub);
		pbuf_putc(b, ' ');
		msg_put_text(b, p + 4, len - 4);
		return false;
	}
	return true;
}

static void put_dcbx_info(struct pbuf *b, const uint8_t *p)
{
	msg_printf(b, "\n\t      Oper_Version: %u", p[0]);
	msg_printf(b, "\n\t      Max_Version: %u", p[1]);
	msg_printf(b, "\n\t      Info block(0x%02X): ", p[2]);
	msg_printf(b, "Enable bit: %u, Willing bit: %u, Error Bit: %u", !!(p[2] & 0x80),
		   !!(p[2] & 0x40), !!(p[2] & 0x20));
	msg_printf(b, "\n\t      SubType: %u", p[3]);
}

/* The DCBX 1.01 TLVs inside the organization TLV. */
bool lldp_put_dcbx(const struct lldp_tlv *t, unsigned verbosity)
{
	struct pbuf *b = t->b;
	const uint8_t *p = t->p;
	unsigned len = t->len, sub, off, left;
	bool hexdump = false;

	if (len < 4)
		return false;
	sub = put_subtype(b, lldp_dcbx_subtypes, p[3]);
	if (sub == 1)
		return true;
	off = 4;
	left = len - 4;
	while (left >= 2) {
		uint16_t h = pkt_be16(p + off);
		unsigned type = h >> 9, n = h & 0x1ff;
		const uint8_t *q;

		hexdump = false;
		off += 2;
		left -= 2;
		if (!type || !n)
			break;
		if (left < n)
			break;
		q = p + off;
		switch (type) {
		case 1:
			if (n < 10)
				return hexdump;
			msg_printf(b, "\n\t    Control - Protocol Control (type 0x%x, length %u)", 1u, n);
			msg_printf(b, "\n\t      Oper_Version: %u", q[0]);
			msg_printf(b, "\n\t      Max_Version: %u", q[1]);
			msg_printf(b, "\n\t      Sequence Number: %d", (int)pkt_be32(q + 2));
			msg_printf(b, "\n\t      Acknowledgement Number: %d", (int)pkt_be32(q + 6));
			break;
		case 2: {
			uint32_t pg;

			if (n < 17)
				return hexdump;
			msg_printf(b, "\n\t    Feature - Priority Group (type 0x%x, length %u)", 2u, n);
			put_dcbx_info(b, q);
			pbuf_puts(b, "\n\t      Priority Allocation");
			pg = pkt_be32(q + 4);
			for (unsigned i = 0; i <= 7; i++)
				msg_printf(b, "\n\t          PgId_%u: %u", i, (pg >> (28 - 4 * i)) & 0xf);
			pbuf_puts(b, "\n\t      Priority Group Allocation");
			for (unsigned i = 0; i <= 7; i++)
				msg_printf(b, "\n\t          Pg percentage[%u]: %u", i, q[8 + i]);
			msg_printf(b, "\n\t      NumTCsSupported: %u", q[16]);
			break;
		}
		case 3:
			if (n < 6)
				return hexdump;
			msg_printf(b,
				   "\n\t    Feature - Priority Flow Control (type 0x%x, length %u)",
				   3u, n);
			put_dcbx_info(b, q);
			msg_printf(b, "\n\t      PFC Config (0x%02X)", q[4]);
			for (unsigned i = 0; i <= 7; i++)
				msg_printf(b, "\n\t          Priority Bit %u: %s", i,
					   q[4] & (1 << i) ? "Enabled" : "Disabled");
			msg_printf(b, "\n\t      NumTCPFCSupported: %u", q[5]);
			break;
		case 4: {
			unsigned k;
			const uint8_t *a;

			if (n < 4)
				return hexdump;
			msg_printf(b, "\n\t    Feature - Application (type 0x%x, length %u)", 4u, n);
			put_dcbx_info(b, q);
			k = n - 4;
			a = q + 4;
			while (k >= 6) {
				uint32_t u = (uint32_t)a[2] << 16 | (uint32_t)a[3] << 8 | a[4];

				pbuf_puts(b, "\n\t      Application Value");
				msg_printf(b, "\n\t          Application Protocol ID: 0x%04x", pkt_be16(a));
				msg_printf(b, "\n\t          SF (0x%x) Application Protocol ID is %s",
					   u >> 22, u >> 22 ? "Socket Number" : "L2 EtherType");
				msg_printf(b, "\n\t          OUI: 0x%06x", u & 0x3fffff);
				msg_printf(b, "\n\t          User Priority Map: 0x%02x", a[5]);
				k -= 6;
				a += 6;
			}
			break;
		}
		default:
			hexdump = true;
			break;
		}
		if (verbosity > 1 || hexdump)
			msg_hex_lines(b, "\n\t    ", q, n);
		off += n;
		left -= n;
	}
	return hexdump;
}
