/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isis_tlv.c: the value of each IS-IS TLV as tcpdump's isis_print
 * prints it; the reachability entries and capability sub-TLVs they hold are
 * in proto_isis_reach.c and proto_isis_cap.c.
 */
#include "config.h"

#include "decode/proto_l2.h"
#include "decode/proto_osi.h"

static const struct msg_tok isis_ptp_adj_states[] = {
	{ 0, "Up" },
	{ 1, "Initializing" },
	{ 2, "Down" },
	{ 0, NULL },
};

static const struct msg_tok isis_virtual_flags[] = {
	{ 0, "IsNotVirtual" },
	{ 1, "IsVirtual" },
	{ 0, NULL },
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
	{ 0, "Reserved" },
	{ 1, "Routing-Domain Specific" },
	{ 2, "AS Number Tag" },
	{ 0, NULL },
};

static const struct msg_tok isis_router_cap_flags[] = {
	{ 0x01, "S bit" },
	{ 0x02, "D bit" },
	{ 0, NULL },
};

static void tlv_area_addrs(struct osi *s, size_t t, unsigned tlen)
{
	while (tlen) {
		unsigned alen = osi_u8(s, t);

		t++;
		tlen--;
		if (tlen < alen)
			return;
		osi_need(s, t, alen);
		msg_printf(s->b, ISIS_IDENT "Area address (length: %u): ", alen);
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
	msg_printf(s->b, ISIS_IDENT "Instance ID: %u, ITIDs(%u)%s ", osi_u16(s, t), n,
		   n ? ":" : "");
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
		unsigned mt = isis_put_mtid(s, t, ISIS_IDENT, tlen);

		if (!mt)
			osi_trunc(s);
		t += mt;
		tlen -= mt;
	}
	while (tlen) {
		unsigned n = isis_put_ext_is_reach(s, t, ISIS_IDENT, type, tlen);

		if (!n)
			osi_trunc(s);
		if (tlen < n) {
			isis_put_invalid_len(s, "remaining tlv length", tlen, n);
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
		unsigned n = isis_put_mtid(s, t, ISIS_IDENT, tlen);

		if (!n)
			osi_trunc(s);
		t += n;
		tlen -= n;
	}
	while (tlen) {
		unsigned n = isis_put_extd_ip_reach(s, t, ISIS_IDENT, ipv6);

		if (!n)
			osi_trunc(s);
		if (tlen < n) {
			isis_put_invalid_len(s, "remaining tlv length", tlen, n);
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
		pbuf_puts(s->b, ISIS_IDENT);
		msg_tok_put(s->b, isis_virtual_flags, "bogus virtual flag 0x%02x", v);
		t++;
		tlen--;
	}
	while (tlen) {
		if (tlen < size)
			return;
		osi_need(s, t, size);
		pbuf_puts(s->b, is ? ISIS_IDENT "IS Neighbor: " : ISIS_IDENT "ES Neighbor: ");
		osi_put_id(s, t + 4, is ? OSI_NODE_ID_LEN : OSI_SYSTEM_ID_LEN);
		isis_put_metric_block(s, t);
		tlen -= size;
		t += size;
	}
}

/* TLV 10: the authentication type and its value. */
static enum isis_tlv_next tlv_auth(struct osi *s, size_t t, unsigned tlen)
{
	uint8_t type;

	if (tlen < 1)
		return ISIS_TLV_NEXT;
	type = osi_u8(s, t);
	t++;
	tlen--;
	pbuf_puts(s->b, ISIS_IDENT);
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
			return ISIS_TLV_NEXT;
		msg_printf(s->b, "%u, password: ", osi_u16(s, t));
		for (unsigned i = 2; i < tlen; i++)
			pbuf_hex(s->b, osi_u8(s, t + i), 2);
		break;
	default:
		if (!osi_unknown(s, t, "\n\t\t  ", tlen))
			return ISIS_TLV_RETURN_0;
		break;
	}
	return ISIS_TLV_NEXT;
}

/* TLV 240: the state, then the circuit ids and the neighbour as far as the length goes. */
static void tlv_ptp_adj(struct osi *s, size_t t, unsigned tlen)
{
	if (tlen >= 1) {
		uint8_t st = osi_u8(s, t);

		pbuf_puts(s->b, ISIS_IDENT "Adjacency State: ");
		msg_tok_put(s->b, isis_ptp_adj_states, "unknown", st);
		msg_printf(s->b, " (%u)", st);
		tlen--;
	}
	if (tlen > 4) {
		msg_printf(s->b, ISIS_IDENT "Extended Local circuit-ID: 0x%08x", osi_u32(s, t + 1));
		tlen -= 4;
	}
	if (tlen >= OSI_SYSTEM_ID_LEN) {
		osi_need(s, t + 5, OSI_SYSTEM_ID_LEN);
		pbuf_puts(s->b, ISIS_IDENT "Neighbor System-ID: ");
		osi_put_id(s, t + 5, OSI_SYSTEM_ID_LEN);
		tlen -= OSI_SYSTEM_ID_LEN;
	}
	if (tlen >= 4)
		msg_printf(s->b, ISIS_IDENT "Neighbor Extended Local circuit-ID: 0x%08x",
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
		pbuf_puts(s->b, ipv6 ? ISIS_IDENT "IPv6 interface address: " :
				       ISIS_IDENT "IPv4 interface address: ");
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
	pbuf_puts(s->b, ISIS_IDENT "IS Neighbor: ");
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
		pbuf_puts(s->b, i ? ISIS_IDENT "IPv4 neighbor address: " :
				    ISIS_IDENT "IPv4 interface address: ");
		osi_put_ip4(s, t);
		t += 4;
		tlen -= 4;
	}
	while (tlen) {
		if (tlen < 4)
			return;
		msg_printf(s->b, ISIS_IDENT "Link-ID: 0x%08x", osi_u32(s, t));
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
		pbuf_puts(s->b, ISIS_IDENT "lsp-id: ");
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
	pbuf_puts(s->b, ISIS_IDENT "Purge Originator System-ID: ");
	osi_put_id(s, t, OSI_SYSTEM_ID_LEN);
	t += OSI_SYSTEM_ID_LEN;
	tlen -= OSI_SYSTEM_ID_LEN;
	if (n > 1) {
		if (tlen < OSI_SYSTEM_ID_LEN)
			return;
		/* tcpdump checks 13 bytes here, as if from the count byte */
		osi_need(s, t, 2 * OSI_SYSTEM_ID_LEN + 1);
		pbuf_puts(s->b, ISIS_IDENT "Received from System-ID: ");
		osi_put_id(s, t, OSI_SYSTEM_ID_LEN);
	}
}

static void tlv_restart(struct osi *s, size_t t, unsigned tlen)
{
	uint8_t flags;

	if (tlen < 1)
		return;
	flags = osi_u8(s, t);
	pbuf_puts(s->b, ISIS_IDENT "Flags [");
	msg_bits_put(s->b, isis_restart_flags, "none", flags, ", ");
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

static enum isis_tlv_next tlv_idrp(struct osi *s, size_t t, unsigned tlen)
{
	uint8_t type;

	if (tlen < 1)
		return ISIS_TLV_NEXT;
	type = osi_u8(s, t);
	pbuf_puts(s->b, ISIS_IDENT "Inter-Domain Information Type: ");
	msg_tok_put(s->b, isis_idrp_types, "Unknown (0x%02x)", type);
	t++;
	tlen--;
	if (type == 2) {
		if (tlen >= 2)
			msg_printf(s->b, "AS Number: %u", osi_u16(s, t));
		return ISIS_TLV_NEXT;
	}
	return osi_unknown(s, t, ISIS_IDENT, tlen) ? ISIS_TLV_NEXT : ISIS_TLV_RETURN_0;
}

/* TLV 5: a metric block, then address prefixes of a length in semi-octets. */
static void tlv_prefix_neigh(struct osi *s, size_t t, unsigned tlen)
{
	if (tlen < 4)
		return;
	osi_need(s, t, 4);
	pbuf_puts(s->b, ISIS_IDENT "Metric Block");
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
		isis_put_invalid_len(s, "object length", tlen, 5);
		return;
	}
	osi_need(s, t, 4);
	pbuf_puts(s->b, ISIS_IDENT "Router-ID ");
	osi_put_ip4(s, t);
	flags = osi_u8(s, t + 4);
	pbuf_puts(s->b, ", Flags [");
	msg_bits_put(s->b, isis_router_cap_flags, "none", flags, ", ");
	pbuf_putc(s->b, ']');
	if (tlen > 5)
		isis_put_router_cap_subtlvs(s, t + 5, tlen - 5);
}

static enum isis_tlv_next tlv_vendor(struct osi *s, size_t t, unsigned tlen)
{
	uint32_t oui;
	const char *name;

	if (tlen < 3)
		return ISIS_TLV_NEXT;
	oui = osi_u24(s, t);
	name = proto_llc_oui_name(oui);
	msg_printf(s->b, ISIS_IDENT "Vendor: %s (%u)", name ? name : "Unknown", oui);
	if (tlen > 3 && !osi_unknown(s, t + 3, "\n\t\t", tlen - 3))
		return ISIS_TLV_RETURN_0;
	return ISIS_TLV_NEXT;
}

enum isis_tlv_next isis_print_tlv(struct osi *s, size_t t, unsigned type, unsigned tlen,
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
			pbuf_puts(s->b, ISIS_IDENT "SNPA: ");
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
		if (!isis_put_ip_reach(s, t, ISIS_IDENT, tlen))
			return ISIS_TLV_RETURN_1;
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
		pbuf_puts(s->b, ISIS_IDENT "NLPID(s): ");
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
			msg_printf(s->b, ISIS_IDENT "O: %u, RES: %u, MTID(s): %u", v >> 15 & 1,
				   v >> 12 & 7, v & 0x0fff);
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
		pbuf_puts(s->b, ISIS_IDENT "Traffic Engineering Router ID: ");
		osi_put_ip4(s, t);
		break;
	case 132:
		tlv_addrs(s, t, tlen, false);
		break;
	case 137:
		pbuf_puts(s->b, ISIS_IDENT "Hostname: ");
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
		msg_printf(s->b, ISIS_IDENT "checksum: 0x%04x ", osi_u16(s, t));
		osi_put_cksum(s, 0, osi_u16(s, t), (int)t, length);
		break;
	case 13:
		tlv_poi(s, t, tlen);
		break;
	case 229:
		while (tlen) {
			unsigned n;

			if (tlen == 1) {
				pbuf_puts(s->b, ISIS_IDENT "invalid MT-ID");
				break;
			}
			n = isis_put_mtid(s, t, ISIS_IDENT, tlen);
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
			msg_printf(s->b, ISIS_IDENT "LSP Buffersize: %u", osi_u16(s, t));
		break;
	case 4:
		tlv_sysids(s, t, tlen, ISIS_IDENT);
		break;
	case 5:
		tlv_prefix_neigh(s, t, tlen);
		break;
	case 241:
		if (tlen >= 4)
			msg_printf(s->b, ISIS_IDENT "Sequence number: %u", osi_u32(s, t));
		break;
	case 242:
		tlv_router_cap(s, t, tlen);
		break;
	case 250:
		return tlv_vendor(s, t, tlen);
	default:
		if (s->v <= 1 && !osi_unknown(s, t, "\n\t\t", tlen))
			return ISIS_TLV_RETURN_0;
		break;
	}
	return ISIS_TLV_NEXT;
}
