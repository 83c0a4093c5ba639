/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_bgp_ext.c: BGP extended communities (RFC 4360 and the types tcpdump 4.99 names), as it prints them. */
#include "config.h"

#include <string.h>

#include "decode/proto_bgp.h"

/* ---- extended communities (RFC 4360) --------------------------------------------------------- */

enum {
	EXT_RT_0 = 0x0002,
	EXT_RT_1 = 0x0102,
	EXT_RT_2 = 0x0202,
	EXT_RO_0 = 0x0003,
	EXT_RO_1 = 0x0103,
	EXT_RO_2 = 0x0203,
	EXT_LINKBAND = 0x4004,
	EXT_VPN_ORIGIN = 0x0005,
	EXT_VPN_ORIGIN2 = 0x0105,
	EXT_VPN_ORIGIN3 = 0x0205,
	EXT_VPN_ORIGIN4 = 0x8005,
	EXT_OSPF_RTYPE = 0x0306,
	EXT_OSPF_RTYPE2 = 0x8000,
	EXT_ENCAP = 0x030c,
	EXT_OSPF_RID = 0x0107,
	EXT_OSPF_RID2 = 0x8001,
	EXT_L2INFO = 0x800a,
	EXT_SOURCE_AS = 0x0009,
	EXT_VRF_RT_IMP = 0x010b,
	EXT_L2VPN_RT_0 = 0x000a,
	EXT_L2VPN_RT_1 = 0xf10a,
};

static const struct msg_tok bgp_ext_flags[] = {
	{ 0x8000, "vendor-specific" },
	{ 0x4000, "non-transitive" },
	{ 0, NULL },
};

static const struct msg_tok bgp_ext_names[] = {
	{ EXT_RT_0, "target" },
	{ EXT_RT_1, "target" },
	{ EXT_RT_2, "target" },
	{ EXT_RO_0, "origin" },
	{ EXT_RO_1, "origin" },
	{ EXT_RO_2, "origin" },
	{ EXT_LINKBAND, "link-BW" },
	{ EXT_VPN_ORIGIN, "ospf-domain" },
	{ EXT_VPN_ORIGIN2, "ospf-domain" },
	{ EXT_VPN_ORIGIN3, "ospf-domain" },
	{ EXT_VPN_ORIGIN4, "ospf-domain" },
	{ EXT_OSPF_RTYPE, "ospf-route-type" },
	{ EXT_OSPF_RTYPE2, "ospf-route-type" },
	{ EXT_ENCAP, "encapsulation" },
	{ EXT_OSPF_RID, "ospf-router-id" },
	{ EXT_OSPF_RID2, "ospf-router-id" },
	{ EXT_L2INFO, "layer2-info" },
	{ 0x8800, "eigrp-general-route (flag, tag)" },
	{ 0x8801, "eigrp-route-metric (AS, delay)" },
	{ 0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)" },
	{ 0x8803, "eigrp-route-metric (load, MTU)" },
	{ 0x8804, "eigrp-external-route (remote-AS, remote-ID)" },
	{ 0x8805, "eigrp-external-route (remote-proto, remote-metric)" },
	{ EXT_SOURCE_AS, "source-AS" },
	{ EXT_VRF_RT_IMP, "vrf-route-import" },
	{ EXT_L2VPN_RT_0, "l2vpn-id" },
	{ EXT_L2VPN_RT_1, "l2vpn-id" },
	{ 0, NULL },
};

static const struct msg_tok bgp_encap_names[] = {
	{ 1, "L2TPv3 over IP" },
	{ 2, "GRE" },
	{ 3, "Transmit Tunnel" },
	{ 4, "IPsec" },
	{ 5, "IP in IP with IPsec" },
	{ 6, "MPLS in IP with IPsec" },
	{ 7, "IP in IP" },
	{ 8, "VXLAN" },
	{ 9, "NVGRE" },
	{ 10, "MPLS" },
	{ 11, "MPLS in GRE" },
	{ 12, "VXLAN GPE" },
	{ 13, "MPLS in UDP" },
	{ 14, "IPv6" },
	{ 15, "SR TE" },
	{ 16, "Bare" },
	{ 17, "SR" },
	{ 0, NULL },
};

static const struct msg_tok bgp_ospf_rtypes[] = {
	{ 1, "Router" },
	{ 2, "Network" },
	{ 3, "Summary" },
	{ 5, "External" },
	{ 7, "NSSA External" },
	{ 129, "MPLS-VPN Sham" },
	{ 0, NULL },
};

/* tcpdump 4.99's l2vpn_encaps_values (RFC 6624) */
static const struct msg_tok bgp_l2_encaps[] = {
	{ 0, "Reserved" },
	{ 1, "Frame Relay" },
	{ 2, "ATM AAL5 SDU VCC transport" },
	{ 3, "ATM transparent cell transport" },
	{ 4, "Ethernet (VLAN) Tagged Mode" },
	{ 5, "Ethernet Raw Mode" },
	{ 6, "Cisco HDLC" },
	{ 7, "PPP" },
	{ 8, "SONET/SDH Circuit Emulation Service over MPLS" },
	{ 9, "ATM n-to-one VCC cell transport" },
	{ 10, "ATM n-to-one VPC cell transport" },
	{ 11, "IP layer 2 transport" },
	{ 15, "Frame Relay Port mode" },
	{ 17, "Structure-agnostic E1 over packet" },
	{ 18, "Structure-agnostic T1 (DS1) over packet" },
	{ 19, "VPLS" },
	{ 20, "Structure-agnostic T3 (DS3) over packet" },
	{ 21, "Nx64kbit/s Basic Service using Structure-aware" },
	{ 25, "Frame Relay DLCI" },
	{ 40, "Structure-agnostic E3 over packet" },
	{ 41, "Octet-aligned playload for Structure-agnostic DS1 circuits" },
	{ 42, "E1 Nx64kbit/s with CAS using Structure-aware" },
	{ 43, "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware" },
	{ 44, "DS1 (SF) Nx64kbit/s with CAS using Structure-aware" },
	{ 0, NULL },
};

/* One extended community's value: the 8 bytes at off are captured. */
static void bgp_ext_value(struct bgp_pr *r, size_t off)
{
	struct pbuf *b = r->b;
	const struct msg *g = &r->g;
	uint8_t rtype;

	switch (msg_u16(g, off)) {
	case EXT_RT_0:
	case EXT_RO_0:
	case EXT_L2VPN_RT_0:
		msg_printf(b, "%u:%u (= ", msg_u16(g, off + 2), msg_u32(g, off + 4));
		pbuf_ip4(b, bgp_ptr(r, off + 4));
		pbuf_putc(b, ')');
		break;
	case EXT_RT_1:
	case EXT_RO_1:
	case EXT_L2VPN_RT_1:
	case EXT_VRF_RT_IMP:
		pbuf_ip4(b, bgp_ptr(r, off + 2));
		msg_printf(b, ":%u", msg_u16(g, off + 6));
		break;
	case EXT_RT_2:
	case EXT_RO_2:
		bgp_as(r, msg_u32(g, off + 2));
		msg_printf(b, ":%u", msg_u16(g, off + 6));
		break;
	case EXT_LINKBAND: {
		uint32_t i = msg_u32(g, off + 4);
		float f;

		memcpy(&f, &i, sizeof(f));
		msg_printf(b, "bandwidth: %.3f Mbps", (double)(f * 8 / 1000000));
		break;
	}
	case EXT_VPN_ORIGIN:
	case EXT_VPN_ORIGIN2:
	case EXT_VPN_ORIGIN3:
	case EXT_VPN_ORIGIN4:
	case EXT_OSPF_RID:
	case EXT_OSPF_RID2:
		pbuf_ip4(b, bgp_ptr(r, off + 2));
		break;
	case EXT_OSPF_RTYPE:
	case EXT_OSPF_RTYPE2:
		rtype = msg_u8(g, off + 6);
		pbuf_puts(b, "area:");
		pbuf_ip4(b, bgp_ptr(r, off + 2));
		pbuf_puts(b, ", router-type:");
		msg_tok_put(b, bgp_ospf_rtypes, "unknown (0x%02x)", rtype);
		pbuf_puts(b, ", metric-type:");
		if (msg_u8(g, off + 7) & 1)
			pbuf_puts(b, "E2");
		if (rtype == 5 || rtype == 7)
			pbuf_puts(b, "E1");
		break;
	case EXT_L2INFO:
		msg_tok_put(b, bgp_l2_encaps, "unknown encaps", msg_u8(g, off + 2));
		msg_printf(b, " Control Flags [0x%02x]:MTU %u", msg_u8(g, off + 3),
			   msg_u16(g, off + 4));
		break;
	case EXT_SOURCE_AS:
		msg_printf(b, "AS %u", msg_u16(g, off + 2));
		break;
	case EXT_ENCAP:
		pbuf_puts(b, "Tunnel type: ");
		msg_tok_put(b, bgp_encap_names, "unknown encaps", msg_u16(g, off + 6));
		break;
	default:
		msg_hex(b, bgp_ptr(r, off + 2), 6);
		break;
	}
}

bool bgp_ext_communities(struct bgp_pr *r, size_t off, size_t len)
{
	for (size_t t = len; t; t -= 8, off += 8) {
		uint16_t type;

		if (!msg_has(&r->g, off, 2))
			return false;
		type = msg_u16(&r->g, off);
		pbuf_puts(r->b, "\n\t    ");
		msg_tok_put(r->b, bgp_ext_names, "unknown extd community typecode", type);
		msg_printf(r->b, " (0x%04x), Flags [", type);
		msg_bits_put(r->b, bgp_ext_flags, "none", type, ", ");
		pbuf_putc(r->b, ']');
		if (!msg_has(&r->g, off, 8))
			return false;
		pbuf_puts(r->b, ": ");
		bgp_ext_value(r, off);
	}
	return true;
}
