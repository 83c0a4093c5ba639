/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isis.c: IS-IS (ISO 10589, RFC 1195) as tcpdump prints it: the
 * common header, the hello, LSP and sequence-number PDU headers, and the
 * walk over the TLVs; the TLVs with sub-TLVs of their own are in
 * proto_isis_tlv.c.
 */
#include "config.h"

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
	{ 1, "Level 1 only" },
	{ 2, "Level 2 only" },
	{ 3, "Level 1, Level 2" },
	{ 0, NULL },
};

static const struct msg_tok isis_lsp_istypes[] = {
	{ 0, "Unused 0x0 (invalid)" },
	{ 1, "L1 IS" },
	{ 2, "Unused 0x2 (invalid)" },
	{ 3, "L2 IS" },
	{ 0, NULL },
};

/* The TLVs from off to the end of the PDU (packet_len bytes); tcpdump's isis_print return value. */
static bool print_tlvs(struct osi *s, size_t off, uint32_t packet_len, uint32_t length)
{
	while (packet_len > 0) {
		unsigned type, tlen;
		enum isis_tlv_next next;

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
		next = isis_print_tlv(s, off, type, tlen, length);
		if (next == ISIS_TLV_RETURN_0)
			return false;
		if (next == ISIS_TLV_RETURN_1)
			return true;
		if (s->v > 1 && !osi_unknown(s, off, ISIS_IDENT, tlen))
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
		msg_printf(s->b, ", Priority: %u, PDU length: %u", osi_u8(s, h + 11) & 0x7f,
			   pdu_len);
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
		msg_printf(s->b, ", seq 0x%08x, lifetime %5us", osi_u32(s, h + 12),
			   osi_u16(s, h + 2));
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
		msg_printf(s->b,
			   ", hlen: %u, v: %u, pdu-v: %u, sys-id-len: %u (%u), max-area: %u (%u)",
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
			   type == ISIS_L1_LSP || type == ISIS_L2_LSP ? hlen :
									ISIS_COMMON_LEN + hlen);
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
		isis_put_invalid_len(s, "packet length", packet_len, ISIS_COMMON_LEN + hlen);
		return true;
	}
	packet_len -= ISIS_COMMON_LEN + hlen;
	if (!print_tlvs(s, ISIS_COMMON_LEN + hlen, packet_len, length))
		return false;
	return true;
}
