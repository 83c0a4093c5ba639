/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isis.c: IS-IS (ISO 10589, RFC 1195) as tcpdump prints it: the
 * common header, the hello, LSP and sequence-number PDU headers, and the
 * walk over the TLVs; the TLVs with sub-TLVs of their own are in
 * proto_isis_tlv.c.
 */
#include "config.h"

#include "decode/proto_l2.h"
#include "decode/proto_osi.h"

#define ISIS_COMMON_LEN 8
#define ISIS_LAN_IIH	15
#define ISIS_L2_LAN_IIH 16
#define ISIS_PTP_IIH	17
#define ISIS_L1_LSP	18
#define ISIS_L2_LSP	20
#define ISIS_L1_CSNP	24
#define ISIS_L2_CSNP	25
#define ISIS_L1_PSNP	26
#define ISIS_L2_PSNP	27

/* The PDU headers after the common 8 bytes. */
#define ISIS_LAN_IIH_LEN 19
#define ISIS_PTP_IIH_LEN 12
#define ISIS_LSP_LEN	 19
#define ISIS_CSNP_LEN	 25
#define ISIS_PSNP_LEN	 9

static const struct msg_tok isis_pdu_names[] = {
	{ ISIS_LAN_IIH, "L1 Lan IIH" }, { ISIS_L2_LAN_IIH, "L2 Lan IIH" },
	{ ISIS_PTP_IIH, "p2p IIH" },	{ ISIS_L1_LSP, "L1 LSP" },
	{ ISIS_L2_LSP, "L2 LSP" },	{ ISIS_L1_CSNP, "L1 CSNP" },
	{ ISIS_L2_CSNP, "L2 CSNP" },	{ ISIS_L1_PSNP, "L1 PSNP" },
	{ ISIS_L2_PSNP, "L2 PSNP" },	{ 0, NULL },
};

static const struct msg_tok isis_tlv_names[] = {
	{ 1, "Area address(es)" },
	{ 2, "IS Reachability" },
	{ 3, "ES Neighbor(s)" },
	{ 4, "Partition DIS" },
	{ 5, "Prefix Neighbors" },
	{ 6, "IS Neighbor(s)" },
	{ 7, "Instance Identifier" },
	{ 8, "Padding" },
	{ 9, "LSP entries" },
	{ 10, "Authentication" },
	{ 12, "Checksum" },
	{ 13, "Purge Originator Identifier" },
	{ 14, "LSP Buffersize" },
	{ 22, "Extended IS Reachability" },
	{ 24, "IS Alias ID" },
	{ 42, "DECnet Phase IV" },
	{ 66, "Lucent Proprietary" },
	{ 128, "IPv4 Internal Reachability" },
	{ 129, "Protocols supported" },
	{ 130, "IPv4 External Reachability" },
	{ 131, "Inter-Domain Information Type" },
	{ 132, "IPv4 Interface address(es)" },
	{ 133, "IPv4 authentication (deprecated)" },
	{ 134, "Traffic Engineering Router ID" },
	{ 135, "Extended IPv4 Reachability" },
	{ 138, "Shared Risk Link Group" },
	{ 143, "Multi-Topology-Aware Port Capability" },
	{ 144, "Multi-Topology Capability" },
	{ 176, "Nortel Proprietary" },
	{ 177, "Nortel Proprietary" },
	{ 137, "Hostname" },
	{ 211, "Restart Signaling" },
	{ 222, "Multi Topology IS Reachability" },
	{ 229, "Multi Topology" },
	{ 232, "IPv6 Interface address(es)" },
	{ 235, "Multi-Topology IPv4 Reachability" },
	{ 236, "IPv6 reachability" },
	{ 237, "Multi-Topology IP6 Reachability" },
	{ 240, "Point-to-point Adjacency State" },
	{ 241, "Hello PDU Sequence Number" },
	{ 242, "IS-IS Router Capability" },
	{ 250, "Vendor Private" },
	{ 0, NULL },
};

static const struct msg_tok isis_circuit_types[] = {
	{ 1, "Level 1 only" }, { 2, "Level 2 only" }, { 3, "Level 1, Level 2" }, { 0, NULL },
};

static const struct msg_tok isis_lsp_istypes[] = {
	{ 0, "Unused 0x0 (invalid)" }, { 1, "L1 IS" }, { 2, "Unused 0x2 (invalid)" },
	{ 3, "L2 IS" },		       { 0, NULL },
};

static const struct msg_tok isis_ptp_adj_states[] = {
	{ 0, "Up" }, { 1, "Initializing" }, { 2, "Down" }, { 0, NULL },
};

static const struct msg_tok isis_virtual_flags[] = {
	{ 0, "IsNotVirtual" }, { 1, "IsVirtual" }, { 0, NULL },
};

static const struct msg_tok isis_restart_flags[] = {
	{ 0x1, "Restart Request" },
	{ 0x2, "Restart Acknowledgement" },
	{ 0x4, "Suppress adjacency advertisement" },
	{ 0, NULL },
};

static const struct msg_tok isis_auth_types[] = {
	{ 1, "simple text password" },
	{ 3, "Generic Crypto key-id" },
	{ 54, "HMAC-MD5 password" },
	{ 255, "Routing Domain private password" },
	{ 0, NULL },
};

static const struct msg_tok isis_idrp_types[] = {
	{ 0, "Reserved" }, { 1, "Routing-Domain Specific" }, { 2, "AS Number Tag" }, { 0, NULL },
};

static const struct msg_tok isis_router_cap_flags[] = {
	{ 0x01, "S bit" }, { 0x02, "D bit" }, { 0, NULL },
};

#define IDENT "\n\t      "

/* What the TLV walk does after a TLV: go on, or end the PDU as tcpdump's isis_print returns. */
enum tlv_next {
	TLV_NEXT,     /* the next TLV (after -vv's hex of this one) */
	TLV_RETURN_0, /* isis_print returns 0: the caller dumps the PDU */
	TLV_RETURN_1, /* isis_print returns 1: the line ends here */
};

/* INVALID_OR_DECREMENT's complaint. */
static void put_invalid_len(struct osi *s, const char *what, unsigned have, unsigned want)
{
	msg_printf(s->b, " [%s %u < %u] (invalid)", what, have, want);
}

static void tlv_area_addrs(struct osi *s, size_t t, unsigned tlen)
{
	while (tlen) {
		unsigned alen = osi_u8(s, t);

		t++;
		tlen--;
		if (tlen < alen)
			return;
		osi_need(s, t, alen);
		msg_printf(s->b, IDENT "Area address (length: %u): ", alen);
		osi_put_nsap(s, t, alen);
		t += alen;
		tlen -= alen;
	}
}

static void tlv_sysids(struct osi *s, size_t t, unsigned tlen, const char *prefix)
{
	while (tlen) {
		if (tlen < OSI_SYSTEM_ID_LEN)
			return;
		osi_need(s, t, OSI_SYSTEM_ID_LEN);
		pbuf_puts(s->b, prefix);
		osi_put_id(s, t, OSI_SYSTEM_ID_LEN);
		t += OSI_SYSTEM_ID_LEN;
		tlen -= OSI_SYSTEM_ID_LEN;
	}
}

static void tlv_instance_id(struct osi *s, size_t t, unsigned tlen)
{
	unsigned n;

	if (tlen < 4)
		return;
	n = (tlen - 2) / 2;
	msg_printf(s->b, IDENT "Instance ID: %u, ITIDs(%u)%s ", osi_u16(s, t), n, n ? ":" : "");
	t += 2;
	for (unsigned i = 0; i < n; i++, t += 2) {
		pbuf_u32(s->b, osi_u16(s, t));
		if (i < n - 1)
			pbuf_puts(s->b, ", ");
	}
}

/* TLVs 22, 24 and 222: extended IS reachability entries, after 222's topology. */
static void tlv_ext_is_reach(struct osi *s, size_t t, unsigned tlen, unsigned type)
{
	if (type == 222) {
		unsigned mt = isis_put_mtid(s, t, IDENT, tlen);

		if (!mt)
			osi_trunc(s);
		t += mt;
		tlen -= mt;
	}
	while (tlen) {
		unsigned n = isis_put_ext_is_reach(s, t, IDENT, type, tlen);

		if (!n)
			osi_trunc(s);
		if (tlen < n) {
			put_invalid_len(s, "remaining tlv length", tlen, n);
			return;
		}
		tlen = (uint8_t)(tlen - n);
		t += (uint8_t)n;
	}
}

/* TLVs 135, 235, 236 and 237: extended IP reachability, after the MT ones' topology. */
static void tlv_extd_ip_reach(struct osi *s, size_t t, unsigned tlen, bool mt, bool ipv6)
{
	if (mt) {
		unsigned n = isis_put_mtid(s, t, IDENT, tlen);

		if (!n)
			osi_trunc(s);
		t += n;
		tlen -= n;
	}
	while (tlen) {
		unsigned n = isis_put_extd_ip_reach(s, t, IDENT, ipv6);

		if (!n)
			osi_trunc(s);
		if (tlen < n) {
			put_invalid_len(s, "remaining tlv length", tlen, n);
			return;
		}
		tlen = (uint8_t)(tlen - n);
		t += (uint8_t)n;
	}
}

/* TLV 2 (entries of a metric block and a node id) and 3 (a metric block and a system id). */
static void tlv_reach(struct osi *s, size_t t, unsigned tlen, bool is)
{
	unsigned size = is ? 11 : 10;

	if (is) {
		uint8_t v;

		if (tlen < 1)
			return;
		v = osi_u8(s, t);
		pbuf_puts(s->b, IDENT);
		msg_tok_put(s->b, isis_virtual_flags, "bogus virtual flag 0x%02x", v);
		t++;
		tlen--;
	}
	while (tlen) {
		if (tlen < size)
			return;
		osi_need(s, t, size);
		pbuf_puts(s->b, is ? IDENT "IS Neighbor: " : IDENT "ES Neighbor: ");
		osi_put_id(s, t + 4, is ? OSI_NODE_ID_LEN : OSI_SYSTEM_ID_LEN);
		isis_put_metric_block(s, t);
		tlen -= size;
		t += size;
	}
}

/* TLV 10: the authentication type and its value. */
static enum tlv_next tlv_auth(struct osi *s, size_t t, unsigned tlen)
{
	uint8_t type;

	if (tlen < 1)
		return TLV_NEXT;
	type = osi_u8(s, t);
	t++;
	tlen--;
	pbuf_puts(s->b, IDENT);
	msg_tok_put(s->b, isis_auth_types, "unknown Authentication type 0x%02x", type);
	pbuf_puts(s->b, ": ");
	switch (type) {
	case 1:
		osi_put_text(s, t, tlen);
		break;
	case 54:
		for (unsigned i = 0; i < tlen; i++)
			pbuf_hex(s->b, osi_u8(s, t + i), 2);
		if (tlen != 16)
			pbuf_puts(s->b, ", (invalid subTLV) ");
		/* tcpdump verifies the HMAC only with a secret (-M), which sniff has not */
		pbuf_puts(s->b, " (unchecked)");
		break;
	case 3:
		if (tlen < 2)
			return TLV_NEXT;
		msg_printf(s->b, "%u, password: ", osi_u16(s, t));
		for (unsigned i = 2; i < tlen; i++)
			pbuf_hex(s->b, osi_u8(s, t + i), 2);
		break;
	default:
		if (!osi_unknown(s, t, "\n\t\t  ", tlen))
			return TLV_RETURN_0;
		break;
	}
	return TLV_NEXT;
}

/* TLV 240: the state, then the circuit ids and the neighbour as far as the length goes. */
static void tlv_ptp_adj(struct osi *s, size_t t, unsigned tlen)
{
	if (tlen >= 1) {
		uint8_t st = osi_u8(s, t);

		pbuf_puts(s->b, IDENT "Adjacency State: ");
		msg_tok_put(s->b, isis_ptp_adj_states, "unknown", st);
		msg_printf(s->b, " (%u)", st);
		tlen--;
	}
	if (tlen > 4) {
		msg_printf(s->b, IDENT "Extended Local circuit-ID: 0x%08x", osi_u32(s, t + 1));
		tlen -= 4;
	}
	if (tlen >= OSI_SYSTEM_ID_LEN) {
		osi_need(s, t + 5, OSI_SYSTEM_ID_LEN);
		pbuf_puts(s->b, IDENT "Neighbor System-ID: ");
		osi_put_id(s, t + 5, OSI_SYSTEM_ID_LEN);
		tlen -= OSI_SYSTEM_ID_LEN;
	}
	if (tlen >= 4)
		msg_printf(s->b, IDENT "Neighbor Extended Local circuit-ID: 0x%08x",
			   osi_u32(s, t + 11));
}

static void put_nlpids(struct osi *s, size_t t, unsigned n)
{
	for (; n; n--, t++) {
		uint8_t v = osi_u8(s, t);

		msg_tok_put(s->b, osi_nlpid_names, "unknown", v);
		msg_printf(s->b, " (0x%02x)", v);
		if (n > 1)
			pbuf_puts(s->b, ", ");
	}
}

static void tlv_addrs(struct osi *s, size_t t, unsigned tlen, bool ipv6)
{
	unsigned size = ipv6 ? 16 : 4;

	while (tlen) {
		if (tlen < size)
			return;
		osi_need(s, t, size);
		pbuf_puts(s->b, ipv6 ? IDENT "IPv6 interface address: " :
				       IDENT "IPv4 interface address: ");
		if (ipv6)
			pbuf_ip6(s->b, s->g.p + t);
		else
			pbuf_ip4(s->b, s->g.p + t);
		t += size;
		tlen -= size;
	}
}

/* TLV 138: a neighbour, its flags, the two addresses and the link ids, as far as they go. */
static void tlv_srlg(struct osi *s, size_t t, unsigned tlen)
{
	if (tlen < OSI_NODE_ID_LEN)
		return;
	osi_need(s, t, OSI_NODE_ID_LEN);
	pbuf_puts(s->b, IDENT "IS Neighbor: ");
	osi_put_id(s, t, OSI_NODE_ID_LEN);
	t += OSI_NODE_ID_LEN;
	tlen -= OSI_NODE_ID_LEN;
	if (tlen < 1)
		return;
	msg_printf(s->b, ", Flags: [%s]", osi_u8(s, t) & 1 ? "numbered" : "unnumbered");
	t++;
	tlen--;
	for (int i = 0; i < 2; i++) {
		if (tlen < 4)
			return;
		osi_need(s, t, 4);
		pbuf_puts(s->b, i ? IDENT "IPv4 neighbor address: " : IDENT "IPv4 interface address: ");
		osi_put_ip4(s, t);
		t += 4;
		tlen -= 4;
	}
	while (tlen) {
		if (tlen < 4)
			return;
		msg_printf(s->b, IDENT "Link-ID: 0x%08x", osi_u32(s, t));
		t += 4;
		tlen -= 4;
	}
}

/* TLV 9: LSP entries of lifetime, id, sequence number and checksum. */
static void tlv_lsp_entries(struct osi *s, size_t t, unsigned tlen)
{
	while (tlen) {
		if (tlen < 16)
			return;
		osi_need(s, t + 2, OSI_LSP_ID_LEN);
		pbuf_puts(s->b, IDENT "lsp-id: ");
		osi_put_id(s, t + 2, OSI_LSP_ID_LEN);
		msg_printf(s->b, ", seq: 0x%08x", osi_u32(s, t + 10));
		msg_printf(s->b, ", lifetime: %5ds", osi_u16(s, t));
		msg_printf(s->b, ", chksum: 0x%04x", osi_u16(s, t + 14));
		tlen -= 16;
		t += 16;
	}
}

/* TLV 13: the purge originator, and whom it came from. */
static void tlv_poi(struct osi *s, size_t t, unsigned tlen)
{
	uint8_t n;

	if (tlen < 1)
		return;
	n = osi_u8(s, t);
	t++;
	tlen--;
	if (!n) {
		pbuf_puts(s->b, " No system IDs supplied");
		return;
	}
	if (tlen < OSI_SYSTEM_ID_LEN)
		return;
	osi_need(s, t, OSI_SYSTEM_ID_LEN);
	pbuf_puts(s->b, IDENT "Purge Originator System-ID: ");
	osi_put_id(s, t, OSI_SYSTEM_ID_LEN);
	t += OSI_SYSTEM_ID_LEN;
	tlen -= OSI_SYSTEM_ID_LEN;
	if (n > 1) {
		if (tlen < OSI_SYSTEM_ID_LEN)
			return;
		/* tcpdump checks 13 bytes here, as if from the count byte */
		osi_need(s, t, 2 * OSI_SYSTEM_ID_LEN + 1);
		pbuf_puts(s->b, IDENT "Received from System-ID: ");
		osi_put_id(s, t, OSI_SYSTEM_ID_LEN);
	}
}

static void tlv_restart(struct osi *s, size_t t, unsigned tlen)
{
	if (tlen < 1)
		return;
	pbuf_puts(s->b, IDENT "Flags [");
	msg_bits_put(s->b, isis_restart_flags, "none", osi_u8(s, t), ", ");
	pbuf_putc(s->b, ']');
	t++;
	tlen--;
	if (tlen < 2)
		return;
	msg_printf(s->b, ", Remaining holding time %us", osi_u16(s, t));
	t += 2;
	tlen -= 2;
	if (tlen == OSI_SYSTEM_ID_LEN) {
		osi_need(s, t, OSI_SYSTEM_ID_LEN);
		pbuf_puts(s->b, ", for ");
		osi_put_id(s, t, OSI_SYSTEM_ID_LEN);
	}
}

static enum tlv_next tlv_idrp(struct osi *s, size_t t, unsigned tlen)
{
	uint8_t type;

	if (tlen < 1)
		return TLV_NEXT;
	type = osi_u8(s, t);
	pbuf_puts(s->b, IDENT "Inter-Domain Information Type: ");
	msg_tok_put(s->b, isis_idrp_types, "Unknown (0x%02x)", type);
	t++;
	tlen--;
	if (type == 2) {
		if (tlen >= 2)
			msg_printf(s->b, "AS Number: %u", osi_u16(s, t));
		return TLV_NEXT;
	}
	return osi_unknown(s, t, IDENT, tlen) ? TLV_NEXT : TLV_RETURN_0;
}

/* TLV 5: a metric block, then address prefixes of a length in semi-octets. */
static void tlv_prefix_neigh(struct osi *s, size_t t, unsigned tlen)
{
	if (tlen < 4)
		return;
	osi_need(s, t, 4);
	pbuf_puts(s->b, IDENT "Metric Block");
	isis_put_metric_block(s, t);
	t += 4;
	tlen -= 4;
	while (tlen) {
		unsigned plen = osi_u8(s, t);

		t++;
		tlen--;
		if (plen < 2) {
			msg_printf(s->b, "\n\t\tAddress: prefix length %u < 2", plen);
			return;
		}
		if (tlen < plen / 2)
			return;
		osi_need(s, t, plen / 2);
		pbuf_puts(s->b, "\n\t\tAddress: ");
		osi_put_nsap(s, t, plen / 2);
		msg_printf(s->b, "/%u", plen * 4);
		t += plen / 2;
		tlen -= plen / 2;
	}
}

static void tlv_router_cap(struct osi *s, size_t t, unsigned tlen)
{
	uint8_t flags;

	if (tlen < 5) {
		put_invalid_len(s, "object length", tlen, 5);
		return;
	}
	osi_need(s, t, 4);
	pbuf_puts(s->b, IDENT "Router-ID ");
	osi_put_ip4(s, t);
	flags = osi_u8(s, t + 4);
	pbuf_puts(s->b, ", Flags [");
	msg_bits_put(s->b, isis_router_cap_flags, "none", flags, ", ");
	pbuf_putc(s->b, ']');
	if (tlen > 5)
		isis_put_router_cap_subtlvs(s, t + 5, tlen - 5);
}

static enum tlv_next tlv_vendor(struct osi *s, size_t t, unsigned tlen)
{
	uint32_t oui;
	const char *name;

	if (tlen < 3)
		return TLV_NEXT;
	oui = osi_u24(s, t);
	name = proto_llc_oui_name(oui);
	msg_printf(s->b, IDENT "Vendor: %s (%u)", name ? name : "Unknown", oui);
	if (tlen > 3 && !osi_unknown(s, t + 3, "\n\t\t", tlen - 3))
		return TLV_RETURN_0;
	return TLV_NEXT;
}

/* One TLV's value at t: tcpdump's switch in isis_print. */
static enum tlv_next print_tlv(struct osi *s, size_t t, unsigned type, unsigned tlen,
			       uint32_t length)
{
	switch (type) {
	case 1:
		tlv_area_addrs(s, t, tlen);
		break;
	case 6:
		while (tlen) {
			if (tlen < 6)
				break;
			osi_need(s, t, 6);
			pbuf_puts(s->b, IDENT "SNPA: ");
			osi_put_id(s, t, 6);
			tlen -= 6;
			t += 6;
		}
		break;
	case 7:
		tlv_instance_id(s, t, tlen);
		break;
	case 8:
		break;
	case 22:
	case 24:
	case 222:
		tlv_ext_is_reach(s, t, tlen, type);
		break;
	case 2:
	case 3:
		tlv_reach(s, t, tlen, type == 2);
		break;
	case 128:
	case 130:
		if (!isis_put_ip_reach(s, t, IDENT, tlen))
			return TLV_RETURN_1;
		break;
	case 135:
	case 235:
	case 236:
	case 237:
		tlv_extd_ip_reach(s, t, tlen, type == 235 || type == 237, type >= 236);
		break;
	case 232:
		tlv_addrs(s, t, tlen, true);
		break;
	case 10:
		return tlv_auth(s, t, tlen);
	case 240:
		tlv_ptp_adj(s, t, tlen);
		break;
	case 129:
		pbuf_puts(s->b, IDENT "NLPID(s): ");
		put_nlpids(s, t, tlen);
		break;
	case 143:
	case 144: {
		uint16_t v;

		if (tlen < 2)
			break;
		v = osi_u16(s, t);
		if (type == 143)
			msg_printf(s->b, "\n\t       RES: %u, MTID(s): %u", v >> 12, v & 0x0fff);
		else
			msg_printf(s->b, IDENT "O: %u, RES: %u, MTID(s): %u", v >> 15 & 1, v >> 12 & 7,
				   v & 0x0fff);
		if (tlen > 2 && type == 143)
			isis_put_mt_port_cap_subtlvs(s, t + 2, tlen - 2);
		else if (tlen > 2)
			isis_put_mt_cap_subtlvs(s, t + 2, tlen - 2);
		break;
	}
	case 134:
		if (tlen < 4)
			break;
		osi_need(s, t, 4);
		pbuf_puts(s->b, IDENT "Traffic Engineering Router ID: ");
		osi_put_ip4(s, t);
		break;
	case 132:
		tlv_addrs(s, t, tlen, false);
		break;
	case 137:
		pbuf_puts(s->b, IDENT "Hostname: ");
		osi_put_text(s, t, tlen);
		break;
	case 138:
		tlv_srlg(s, t, tlen);
		break;
	case 9:
		tlv_lsp_entries(s, t, tlen);
		break;
	case 12:
		if (tlen < 2)
			break;
		osi_need(s, t, 2);
		msg_printf(s->b, IDENT "checksum: 0x%04x ", osi_u16(s, t));
		osi_put_cksum(s, 0, osi_u16(s, t), (int)t, length);
		break;
	case 13:
		tlv_poi(s, t, tlen);
		break;
	case 229:
		while (tlen) {
			unsigned n;

			if (tlen == 1) {
				pbuf_puts(s->b, IDENT "invalid MT-ID");
				break;
			}
			n = isis_put_mtid(s, t, IDENT, tlen);
			if (!n)
				osi_trunc(s);
			t += n;
			tlen -= n;
		}
		break;
	case 211:
		tlv_restart(s, t, tlen);
		break;
	case 131:
		return tlv_idrp(s, t, tlen);
	case 14:
		if (tlen >= 2)
			msg_printf(s->b, IDENT "LSP Buffersize: %u", osi_u16(s, t));
		break;
	case 4:
		tlv_sysids(s, t, tlen, IDENT);
		break;
	case 5:
		tlv_prefix_neigh(s, t, tlen);
		break;
	case 241:
		if (tlen >= 4)
			msg_printf(s->b, IDENT "Sequence number: %u", osi_u32(s, t));
		break;
	case 242:
		tlv_router_cap(s, t, tlen);
		break;
	case 250:
		return tlv_vendor(s, t, tlen);
	default:
		if (s->v <= 1 && !osi_unknown(s, t, "\n\t\t", tlen))
			return TLV_RETURN_0;
		break;
	}
	return TLV_NEXT;
}

/* The TLVs from off to the end of the PDU (packet_len bytes); tcpdump's isis_print return value. */
static bool print_tlvs(struct osi *s, size_t off, uint32_t packet_len, uint32_t length)
{
	while (packet_len > 0) {
		unsigned type, tlen;
		enum tlv_next next;

		osi_need(s, off, 2);
		if (packet_len < 2)
			osi_trunc(s);
		type = msg_u8(&s->g, off);
		tlen = msg_u8(&s->g, off + 1);
		off += 2;
		packet_len -= 2;
		msg_printf(s->b, "\n\t    %s TLV #%u, length: %u",
			   msg_tok_find(isis_tlv_names, type) ? msg_tok_find(isis_tlv_names, type) :
								 "unknown",
			   type, tlen);
		if (packet_len < tlen)
			osi_trunc(s);
		next = print_tlv(s, off, type, tlen, length);
		if (next == TLV_RETURN_0)
			return false;
		if (next == TLV_RETURN_1)
			return true;
		if (s->v > 1 && !osi_unknown(s, off, IDENT, tlen))
			return false;
		off += tlen;
		packet_len -= tlen;
	}
	return true;
}

static void put_lsp_flags(struct osi *s, uint8_t tb)
{
	pbuf_puts(s->b, ", Flags: [ ");
	if (tb & 0x4)
		pbuf_puts(s->b, "Overload bit set, ");
	if (tb & 0x78) {
		if (tb & 0x08)
			pbuf_puts(s->b, "default ");
		if (tb & 0x10)
			pbuf_puts(s->b, "delay ");
		if (tb & 0x20)
			pbuf_puts(s->b, "expense ");
		if (tb & 0x40)
			pbuf_puts(s->b, "error ");
		pbuf_puts(s->b, "ATT bit set, ");
	}
	if (tb & 0x80)
		pbuf_puts(s->b, "P bit set, ");
	msg_tok_put(s->b, isis_lsp_istypes, "Unknown(0x%x)", tb & 3);
	pbuf_puts(s->b, " ]");
}

/*
 * The header of a PDU of type t past the common 8 bytes: -v's lines.  The
 * hello and LSP headers and the SNPs each print their own; *pdu_len is
 * the PDU length field.
 */
static void put_pdu_header(struct osi *s, unsigned type, uint16_t pdu_len)
{
	const size_t h = ISIS_COMMON_LEN;

	switch (type) {
	case ISIS_LAN_IIH:
	case ISIS_L2_LAN_IIH:
		osi_need(s, h + 1, OSI_SYSTEM_ID_LEN);
		pbuf_puts(s->b, "\n\t  source-id: ");
		osi_put_id(s, h + 1, OSI_SYSTEM_ID_LEN);
		msg_printf(s->b, ",  holding time: %us, Flags: [", osi_u16(s, h + 7));
		msg_tok_put(s->b, isis_circuit_types, "unknown circuit type 0x%02x", osi_u8(s, h));
		pbuf_puts(s->b, "]\n\t  lan-id:    ");
		osi_put_id(s, h + 12, OSI_NODE_ID_LEN);
		msg_printf(s->b, ", Priority: %u, PDU length: %u", osi_u8(s, h + 11) & 0x7f, pdu_len);
		break;
	case ISIS_PTP_IIH:
		pbuf_puts(s->b, "\n\t  source-id: ");
		osi_put_id(s, h + 1, OSI_SYSTEM_ID_LEN);
		msg_printf(s->b, ", holding time: %us, Flags: [", osi_u16(s, h + 7));
		msg_tok_put(s->b, isis_circuit_types, "unknown circuit type 0x%02x", osi_u8(s, h));
		msg_printf(s->b, "]\n\t  circuit-id: 0x%02x, PDU length: %u", osi_u8(s, h + 11),
			   pdu_len);
		break;
	case ISIS_L1_LSP:
	case ISIS_L2_LSP:
		break;
	case ISIS_L1_CSNP:
	case ISIS_L2_CSNP:
		pbuf_puts(s->b, "\n\t  source-id:    ");
		osi_put_id(s, h + 2, OSI_NODE_ID_LEN);
		msg_printf(s->b, ", PDU length: %u\n\t  start lsp-id: ", pdu_len);
		osi_put_id(s, h + 9, OSI_LSP_ID_LEN);
		pbuf_puts(s->b, "\n\t  end lsp-id:   ");
		osi_put_id(s, h + 17, OSI_LSP_ID_LEN);
		break;
	default:
		pbuf_puts(s->b, "\n\t  source-id:    ");
		osi_put_id(s, h + 2, OSI_NODE_ID_LEN);
		msg_printf(s->b, ", PDU length: %u", pdu_len);
		break;
	}
}

/* The LSP header at -v: its id, numbers, checksum verdict and flags. */
static void put_lsp_header(struct osi *s, uint16_t pdu_len, uint32_t length)
{
	const size_t h = ISIS_COMMON_LEN;
	uint16_t cksum = osi_u16(s, h + 16);

	osi_need(s, h + 4, OSI_LSP_ID_LEN);
	pbuf_puts(s->b, "\n\t  lsp-id: ");
	osi_put_id(s, h + 4, OSI_LSP_ID_LEN);
	msg_printf(s->b, ", seq: 0x%08x, lifetime: %5us\n\t  chksum: 0x%04x", osi_u32(s, h + 12),
		   osi_u16(s, h + 2), cksum);
	osi_put_cksum(s, h + 4, cksum, 12, length - 12);
	msg_printf(s->b, ", PDU length: %u", pdu_len);
	put_lsp_flags(s, osi_u8(s, h + 18));
}

/* The one-line summary without -v, from the PDU header. */
static void put_brief(struct osi *s, unsigned type, uint32_t length)
{
	const size_t h = ISIS_COMMON_LEN;

	switch (type) {
	case ISIS_LAN_IIH:
	case ISIS_L2_LAN_IIH:
		osi_need(s, h + 1, OSI_SYSTEM_ID_LEN);
		pbuf_puts(s->b, ", src-id ");
		osi_put_id(s, h + 1, OSI_SYSTEM_ID_LEN);
		osi_need(s, h + 12, OSI_NODE_ID_LEN);
		pbuf_puts(s->b, ", lan-id ");
		osi_put_id(s, h + 12, OSI_NODE_ID_LEN);
		msg_printf(s->b, ", prio %u", osi_u8(s, h + 11));
		break;
	case ISIS_PTP_IIH:
		osi_need(s, h + 1, OSI_SYSTEM_ID_LEN);
		pbuf_puts(s->b, ", src-id ");
		osi_put_id(s, h + 1, OSI_SYSTEM_ID_LEN);
		break;
	case ISIS_L1_LSP:
	case ISIS_L2_LSP:
		osi_need(s, h + 4, OSI_LSP_ID_LEN);
		pbuf_puts(s->b, ", lsp-id ");
		osi_put_id(s, h + 4, OSI_LSP_ID_LEN);
		msg_printf(s->b, ", seq 0x%08x, lifetime %5us", osi_u32(s, h + 12), osi_u16(s, h + 2));
		break;
	default:
		osi_need(s, h + 2, OSI_NODE_ID_LEN);
		pbuf_puts(s->b, ", src-id ");
		osi_put_id(s, h + 2, OSI_NODE_ID_LEN);
		break;
	}
	msg_printf(s->b, ", length %u", length);
}

/* The PDU header's length past the common header, by type; 0 for a type tcpdump does not know. */
static unsigned pdu_header_len(unsigned type)
{
	switch (type) {
	case ISIS_LAN_IIH:
	case ISIS_L2_LAN_IIH:
		return ISIS_LAN_IIH_LEN;
	case ISIS_PTP_IIH:
		return ISIS_PTP_IIH_LEN;
	case ISIS_L1_LSP:
	case ISIS_L2_LSP:
		return ISIS_LSP_LEN;
	case ISIS_L1_CSNP:
	case ISIS_L2_CSNP:
		return ISIS_CSNP_LEN;
	case ISIS_L1_PSNP:
	case ISIS_L2_PSNP:
		return ISIS_PSNP_LEN;
	}
	return 0;
}

/* Checks of the common header tcpdump makes; false after its complaint. */
static bool check_common(struct osi *s, uint32_t length)
{
	uint8_t version = osi_u8(s, 2), id_len = osi_u8(s, 3), fixed = osi_u8(s, 1);

	if (version != 1) {
		msg_printf(s->b, "version %u packet not supported", version);
		return false;
	}
	if (id_len != OSI_SYSTEM_ID_LEN && id_len != 0) {
		msg_printf(s->b, "system ID length of %u is not supported", id_len);
		return false;
	}
	if (osi_u8(s, 5) != 1) {
		msg_printf(s->b, "version %u packet not supported", osi_u8(s, 5));
		return false;
	}
	if (length < fixed) {
		msg_printf(s->b, "fixed header length %u > packet length %u", fixed, length);
		return false;
	}
	if (fixed < ISIS_COMMON_LEN) {
		msg_printf(s->b, "fixed header length %u < minimum header size %u", fixed,
			   ISIS_COMMON_LEN);
		return false;
	}
	if (osi_u8(s, 7) == 255) {
		pbuf_puts(s->b, "bad packet -- 255 areas");
		return false;
	}
	return true;
}

bool osi_isis_print(struct osi *s, uint32_t length)
{
	uint8_t type, fixed, max_area;
	unsigned hlen;
	uint16_t pdu_len;
	uint32_t packet_len = length;

	s->proto = "isis";
	osi_need(s, 0, ISIS_COMMON_LEN);
	if (length < ISIS_COMMON_LEN)
		osi_trunc(s);
	if (!s->e)
		pbuf_puts(s->b, "IS-IS");
	if (!check_common(s, length))
		return false;
	fixed = osi_u8(s, 1);
	max_area = osi_u8(s, 7);
	type = osi_u8(s, 4);
	if (!s->v) {
		pbuf_puts(s->b, s->e ? "" : ", ");
		msg_tok_put(s->b, isis_pdu_names, "unknown PDU-Type %u", type);
	} else {
		msg_printf(s->b, "%slength %u\n\t", s->e ? "" : ", ", length);
		msg_tok_put(s->b, isis_pdu_names, "unknown, type %u", type);
		msg_printf(s->b, ", hlen: %u, v: %u, pdu-v: %u, sys-id-len: %u (%u), max-area: %u (%u)",
			   fixed, 1, 1, 6, osi_u8(s, 3), max_area ? max_area : 3, max_area);
		if (s->v > 1 && !osi_unknown(s, 0, "\n\t", 8))
			return false;
	}
	hlen = pdu_header_len(type);
	if (!hlen) {
		if (!s->v) {
			msg_printf(s->b, ", length %u", length);
			return true;
		}
		osi_unknown(s, ISIS_COMMON_LEN, "\n\t  ", length);
		return false;
	}
	if (fixed != ISIS_COMMON_LEN + hlen) {
		/* tcpdump's words differ for the PSNP, and its LSP figure leaves out the common part */
		if (type == ISIS_L1_PSNP || type == ISIS_L2_PSNP)
			pbuf_puts(s->b, "- bogus");
		else
			pbuf_puts(s->b, ", bogus");
		msg_printf(s->b, " fixed header length %u should be %u", fixed,
			   type == ISIS_L1_LSP || type == ISIS_L2_LSP ? hlen : ISIS_COMMON_LEN + hlen);
		return false;
	}
	osi_need(s, ISIS_COMMON_LEN, hlen);
	if (length < ISIS_COMMON_LEN + hlen)
		osi_trunc(s);
	if (!s->v) {
		put_brief(s, type, length);
		return true;
	}
	pdu_len = osi_u16(s, ISIS_COMMON_LEN + (type == ISIS_LAN_IIH || type == ISIS_L2_LAN_IIH ||
							 type == ISIS_PTP_IIH ?
						 9 :
						 0));
	if (packet_len > pdu_len) {
		/* the TLVs as far as the PDU says it goes */
		packet_len = pdu_len;
		length = pdu_len;
	}
	if (type == ISIS_L1_LSP || type == ISIS_L2_LSP)
		put_lsp_header(s, pdu_len, length);
	else
		put_pdu_header(s, type, pdu_len);
	if (s->v > 1 && !osi_unknown(s, ISIS_COMMON_LEN, "\n\t  ", hlen))
		return false;
	if (packet_len < ISIS_COMMON_LEN + hlen) {
		put_invalid_len(s, "packet length", packet_len, ISIS_COMMON_LEN + hlen);
		return true;
	}
	packet_len -= ISIS_COMMON_LEN + hlen;
	if (!print_tlvs(s, ISIS_COMMON_LEN + hlen, packet_len, length))
		return false;
	return true;
}
