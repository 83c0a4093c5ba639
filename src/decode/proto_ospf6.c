/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ospf6.c: OSPFv3 (RFC 5340, IP protocol 89 over IPv6) as tcpdump 4.99
 * prints it: header, hello, database description, LS request/update/ack,
 * the LSAs, and the trailers (link-local signalling RFC 5613, the
 * authentication trailer RFC 7166).
 */
#include "config.h"

#include "decode/proto_ospf.h"

#define OSPF6_HDR_LEN	 16
#define OSPF6_LSA_HDR_LEN 20
#define OSPF6_OPTION_L	 0x0200
#define OSPF6_AT_HDR_LEN 16

static const struct msg_tok ospf6_options[] = {
	{ 0x01, "V6" },	    { 0x02, "External" },	     { 0x04, "Deprecated" },
	{ 0x08, "NSSA" },   { 0x10, "Router" },		     { 0x20, "Demand Circuit" },
	{ 0x0100, "AFs Support" }, { 0x0200, "LLS" }, { 0x0400, "Authentication Trailer" },
	{ 0, NULL },
};

static const struct msg_tok ospf6_rla_flags[] = {
	{ 0x01, "ABR" },		   { 0x02, "External" }, { 0x04, "Virtual-Link Endpoint" },
	{ 0x08, "Deprecated" },		   { 0x10, "NSSA Translator" }, { 0, NULL },
};

static const struct msg_tok ospf6_asla_flags[] = {
	{ 0x04000000, "External Type 2" }, { 0x02000000, "Forwarding" }, { 0x01000000, "Tag" },
	{ 0, NULL },
};

static const struct msg_tok ospf6_types[] = {
	{ 1, "Hello" }, { 2, "Database Description" }, { 3, "LS-Request" },
	{ 4, "LS-Update" }, { 5, "LS-Ack" },	       { 0, NULL },
};

static const struct msg_tok ospf6_lsa_types[] = {
	{ 1, "Router" },	 { 2, "Network" },	 { 3, "Inter-Area Prefix" },
	{ 4, "Inter-Area Router" }, { 5, "External" }, { 6, "Deprecated" },
	{ 7, "NSSA" },		 { 8, "Link" },		 { 9, "Intra-Area Prefix" },
	{ 10, "Intra-Area TE" }, { 11, "Grace" },	 { 12, "Router Information" },
	{ 13, "Inter-AS-TE" },	 { 14, "Layer 1 VPN" }, { 0, NULL },
};

static const struct msg_tok ospf6_scopes[] = {
	{ 0x0000, "Link Local" }, { 0x2000, "Area Local" }, { 0x4000, "Domain Wide" }, { 0, NULL },
};

static const struct msg_tok ospf6_dd_flags[] = {
	{ 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" }, { 0x10, "IPv6 MTU" }, { 0, NULL },
};

static const struct msg_tok ospf6_prefix_options[] = {
	{ 0x01, "No Unicast" }, { 0x02, "Local address" }, { 0x04, "Deprecated" },
	{ 0x08, "Propagate" },	{ 0x10, "Down" },	   { 0x20, "N-bit" },
	{ 0, NULL },
};

static const struct msg_tok ospf6_auth_types[] = { { 1, "HMAC" }, { 0, NULL } };

static void ospf6_options_put(struct ospf_walk *w, const char *lead, size_t off)
{
	pbuf_puts(w->b, lead);
	msg_bits_put(w->b, ospf6_options, "none", msg_u32(&w->g, off), ", ");
	pbuf_putc(w->b, ']');
}

static void ospf6_ls_type(struct ospf_walk *w, uint16_t type, size_t id)
{
	pbuf_puts(w->b, "\n\t    ");
	msg_tok_put(w->b, ospf6_lsa_types, "Unknown", type & 0x1fff);
	msg_printf(w->b, " LSA (%u), ", type & 0x1fff);
	msg_tok_put(w->b, ospf6_scopes, "Unknown", type & 0x6000);
	pbuf_puts(w->b, type & 0x8000 ? " Scope, transitive, LSA-ID " : " Scope, LSA-ID ");
	ospf_ip4(w, id);
}

/* An LSA header ending before end; false when it does not or the capture ends. */
static bool ospf6_lshdr(struct ospf_walk *w, size_t off, size_t end)
{
	const struct msg *g = &w->g;

	if (off + OSPF6_LSA_HDR_LEN > end || !ospf_has(w, off, OSPF6_LSA_HDR_LEN))
		return false;
	pbuf_puts(w->b, "\n\t  Advertising Router ");
	ospf_ip4(w, off + 8);
	/* tcpdump subtracts the header size as size_t: a short length wraps */
	msg_printf(w->b, ", seq 0x%08x, age %us, length ", msg_u32(g, off + 12), msg_u16(g, off));
	pbuf_u64(w->b, (uint64_t)msg_u16(g, off + 18) - OSPF6_LSA_HDR_LEN);
	ospf6_ls_type(w, msg_u16(g, off + 2), off + 4);
	return true;
}

/* A prefix (RFC 5340 A.4.1); its size, or -1 when it does not fit or is cut short. */
static int ospf6_prefix(struct ospf_walk *w, size_t off, uint32_t len)
{
	const struct msg *g = &w->g;
	uint8_t addr[16] = { 0 };
	unsigned words, plen;

	if (len < 4)
		return -1;
	len -= 4;
	if (!ospf_has(w, off, 4))
		return -1;
	plen = msg_u8(g, off);
	words = (plen + 31) / 32;
	if (words * 4 > 16) {
		msg_printf(w->b, " bogus prefixlen /%u", plen);
		return -1;
	}
	if (len < words * 4 || !ospf_has(w, off + 4, words * 4))
		return -1;
	for (unsigned i = 0; i < words * 4; i++)
		addr[i] = msg_u8(g, off + 4 + i);
	pbuf_puts(w->b, "\n\t\t");
	pbuf_ip6(w->b, addr);
	msg_printf(w->b, "/%u", plen);
	if (msg_u8(g, off + 1)) {
		pbuf_puts(w->b, ", Options [");
		msg_bits_put(w->b, ospf6_prefix_options, "none", msg_u8(g, off + 1), ", ");
		pbuf_putc(w->b, ']');
	}
	msg_printf(w->b, ", metric %u", msg_u16(g, off + 2));
	return (int)(4 + words * 4);
}

/* n prefixes (or, with n 0 and all set, as many as len holds); false when cut short. */
static bool ospf6_prefixes(struct ospf_walk *w, size_t off, uint32_t len, uint32_t n, bool all)
{
	while (all ? len != 0 : n != 0) {
		int used = ospf6_prefix(w, off, len);

		if (used < 0)
			return false;
		n--;
		len -= (uint32_t)used;
		off += (size_t)used;
	}
	return true;
}

static bool ospf6_router_lsa(struct ospf_walk *w, size_t p, uint32_t len)
{
	static const char *const kinds[] = {
		NULL,
		"\n\t      Neighbor Router-ID ",
		"\n\t      Neighbor Network-ID ",
		NULL,
		"\n\t      Virtual Link: Neighbor Router-ID ",
	};
	const struct msg *g = &w->g;

	if (len < 4 || !ospf_has(w, p, 4))
		return false;
	len -= 4;
	ospf6_options_put(w, "\n\t      Options [", p);
	pbuf_puts(w->b, ", RLA-Flags [");
	msg_bits_put(w->b, ospf6_rla_flags, "none", msg_u8(g, p), ", ");
	pbuf_putc(w->b, ']');
	for (p += 4; len; p += 16) {
		uint8_t type;

		if (len < 16 || !ospf_has(w, p, 16))
			return false;
		len -= 16;
		type = msg_u8(g, p);
		if (type != 1 && type != 2 && type != 4) {
			msg_printf(w->b, "\n\t      Unknown Router Links Type 0x%02x", type);
			return true;
		}
		pbuf_puts(w->b, kinds[type]);
		ospf_ip4(w, p + 12);
		pbuf_puts(w->b, "\n\t      Neighbor Interface-ID ");
		ospf_ip4(w, p + 8);
		pbuf_puts(w->b, ", Interface ");
		ospf_ip4(w, p + 4);
		msg_printf(w->b, ", metric %u", msg_u16(g, p + 2));
	}
	return true;
}

static bool ospf6_external_lsa(struct ospf_walk *w, size_t p, uint32_t len)
{
	const struct msg *g = &w->g;
	uint32_t flags;
	int used;
	size_t pfx = p + 4;

	if (len < 4 || !ospf_has(w, p, 4))
		return false;
	len -= 4;
	flags = msg_u32(g, p);
	pbuf_puts(w->b, "\n\t     Flags [");
	msg_bits_put(w->b, ospf6_asla_flags, "none", flags, ", ");
	msg_printf(w->b, "] metric %u", flags & 0x00ffffff);
	used = ospf6_prefix(w, pfx, len);
	if (used < 0)
		return false;
	len -= (uint32_t)used;
	p = pfx + (size_t)used;
	if (flags & 0x02000000) {
		if (len < 16 || !ospf_has(w, p, 16))
			return false;
		len -= 16;
		pbuf_puts(w->b, " forward ");
		pbuf_ip6(w->b, g->p + p);
		p += 16;
	}
	if (flags & 0x01000000) {
		if (len < 4 || !ospf_has(w, p, 4))
			return false;
		len -= 4;
		pbuf_puts(w->b, " tag ");
		ospf_ip4(w, p);
		p += 4;
	}
	/* tcpdump tests the metric's first byte for the referenced LS type */
	if (msg_u8(g, pfx + 2)) {
		if (len < 4 || !ospf_has(w, p, 4))
			return false;
		pbuf_puts(w->b, " RefLSID: ");
		ospf_ip4(w, p);
	}
	return true;
}

/* One LSA of an update; false when tcpdump stops the message there. */
static bool ospf6_lsa(struct ospf_walk *w, size_t lsa, size_t end)
{
	const struct msg *g = &w->g;
	size_t p = lsa + OSPF6_LSA_HDR_LEN;
	uint16_t length, type;
	uint32_t len;

	if (!ospf6_lshdr(w, lsa, end))
		return false;
	length = msg_u16(g, lsa + 18);
	if (length < OSPF6_LSA_HDR_LEN || lsa + length > end)
		return false;
	len = length - OSPF6_LSA_HDR_LEN;
	type = msg_u16(g, lsa + 2);
	switch (type) {
	case 0x2001:
		return ospf6_router_lsa(w, p, len);
	case 0x2002:
		if (len < 4 || !ospf_has(w, p, 4))
			return false;
		len -= 4;
		ospf6_options_put(w, "\n\t      Options [", p);
		pbuf_puts(w->b, "\n\t      Connected Routers:");
		for (p += 4; len; p += 4, len -= 4) {
			if (len < 4 || !ospf_has(w, p, 4))
				return false;
			pbuf_puts(w->b, "\n\t\t");
			ospf_ip4(w, p);
		}
		return true;
	case 0x2003:
		if (len < 4 || !ospf_has(w, p, 4))
			return false;
		msg_printf(w->b, ", metric %u", msg_u32(g, p) & 0x00ffffff);
		return ospf6_prefixes(w, p + 4, len - 4, 0, true);
	case 0x4005:
		return ospf6_external_lsa(w, p, len);
	case 0x0008:
		if (len < 4 || !ospf_has(w, p, 4))
			return false;
		ospf6_options_put(w, "\n\t      Options [", p);
		if (len < 24 || !ospf_has(w, p + 4, 20))
			return false;
		msg_printf(w->b, "\n\t      Priority %u, Link-local address ", msg_u8(g, p));
		pbuf_ip6(w->b, g->p + p + 4);
		msg_printf(w->b, ", Prefixes %u:", msg_u32(g, p + 20));
		return ospf6_prefixes(w, p + 24, len - 24, msg_u32(g, p + 20), false);
	case 0x2009:
		if (len < 12 || !ospf_has(w, p, 12))
			return false;
		ospf6_ls_type(w, msg_u16(g, p + 2), p + 4);
		msg_printf(w->b, "\n\t      Prefixes %u:", msg_u16(g, p));
		return ospf6_prefixes(w, p + 12, len - 12, msg_u16(g, p), false);
	case 0x000b:
		return ospf_grace_print(w, p, len) == OSPF_OK;
	case 0x000a:
		return ospf_te_print(w, p, len) == OSPF_OK;
	default:
		if (p > w->g.cap)
			return false;
		ospf_hex(w, p, len, "\n\t      ");
		return true;
	}
}

static bool ospf6_packet(struct ospf_walk *w, uint8_t type, size_t end)
{
	const struct msg *g = &w->g;
	size_t p;

	switch (type) {
	case 1:
		if (!ospf_has(w, 16, 20))
			return false;
		ospf6_options_put(w, "\n\tOptions [", 20);
		msg_printf(w->b, "\n\t  Hello Timer %us, Dead Timer %us, Interface-ID ", msg_u16(g, 24),
			   msg_u16(g, 26));
		ospf_ip4(w, 16);
		msg_printf(w->b, ", Priority %u", msg_u8(g, 20));
		if (!ospf_has(w, 28, 8))
			return false;
		if (msg_u32(g, 28)) {
			pbuf_puts(w->b, "\n\t  Designated Router ");
			ospf_ip4(w, 28);
		}
		if (msg_u32(g, 32)) {
			pbuf_puts(w->b, ", Backup Designated Router ");
			ospf_ip4(w, 32);
		}
		if (w->verbosity > 1) {
			pbuf_puts(w->b, "\n\t  Neighbor List:");
			for (p = 36; p < end; p += 4) {
				if (!ospf_has(w, p, 4))
					return false;
				pbuf_puts(w->b, "\n\t    ");
				ospf_ip4(w, p);
			}
		}
		return true;
	case 2:
		if (!ospf_has(w, 16, 12))
			return false;
		ospf6_options_put(w, "\n\tOptions [", 16);
		pbuf_puts(w->b, ", DD Flags [");
		msg_bits_put(w->b, ospf6_dd_flags, "none", msg_u8(g, 23), ", ");
		msg_printf(w->b, "], MTU %u, DD-Sequence 0x%08x", msg_u16(g, 20), msg_u32(g, 24));
		if (w->verbosity > 1)
			for (p = 28; p < end; p += OSPF6_LSA_HDR_LEN)
				if (!ospf6_lshdr(w, p, end))
					return false;
		return true;
	case 3:
		if (w->verbosity > 1) {
			for (p = 16; p < end; p += 12) {
				if (!ospf_has(w, p, 12))
					return false;
				pbuf_puts(w->b, "\n\t  Advertising Router ");
				ospf_ip4(w, p + 8);
				ospf6_ls_type(w, msg_u16(g, p + 2), p + 4);
			}
		}
		return true;
	case 4:
		if (w->verbosity > 1) {
			uint32_t n;

			if (!ospf_has(w, 16, 4))
				return false;
			n = msg_u32(g, 16);
			for (p = 20; p < end && n--;) {
				if (!ospf6_lsa(w, p, end))
					return false;
				p += msg_u16(g, p + 18);
			}
		}
		return true;
	case 5:
		if (w->verbosity > 1)
			for (p = 16; p < end; p += OSPF6_LSA_HDR_LEN)
				if (!ospf6_lshdr(w, p, end))
					return false;
		return true;
	}
	return true;
}

/* The trailers after the message: LLS (hello and DD with the L option), then the AT. */
static bool ospf6_trailer(struct ospf_walk *w, uint8_t type, size_t p, uint32_t len)
{
	const struct msg *g = &w->g;
	size_t opt = type == 1 ? 20 : 16;
	uint16_t n;

	if ((type == 1 || type == 2)) {
		if (!ospf_has(w, opt, 4))
			return false;
		if ((msg_u32(g, opt) & OSPF6_OPTION_L) && len) {
			if (len < 4 || !ospf_has(w, p, 4))
				return false;
			n = msg_u16(g, p + 2);
			msg_printf(w->b, "\n\tLLS Checksum 0x%04x, Data Length %u", msg_u16(g, p), n);
			if (n < 4 || n > len || !ospf_has(w, p, n))
				return false;
			p += n;
			len -= n;
		}
	}
	if (!len)
		return true;
	if (len < OSPF6_AT_HDR_LEN || !ospf_has(w, p, 4))
		return false;
	pbuf_puts(w->b, "\n\tAuthentication Type ");
	msg_tok_put(w->b, ospf6_auth_types, "unknown (0x%04x)", msg_u16(g, p));
	n = msg_u16(g, p + 2);
	msg_printf(w->b, ", Length %u", n);
	if (n < OSPF6_AT_HDR_LEN || n > len || !ospf_has(w, p + 4, 12))
		return false;
	msg_printf(w->b, ", SAID %u, CSN 0x%08x:%08x", msg_u16(g, p + 6), msg_u32(g, p + 8),
		   msg_u32(g, p + 12));
	if (!ospf_has(w, p + 16, n - OSPF6_AT_HDR_LEN))
		return false;
	if (w->verbosity > 1)
		ospf_hex(w, p + 16, n - OSPF6_AT_HDR_LEN, "\n\tAuthentication Data ");
	return true;
}

bool proto_ospf6_print(struct line *x, const struct msg *g)
{
	struct ospf_walk w = { &x->b, *g, line_verbosity(x) };
	uint16_t datalen;
	uint8_t type;

	if (!ospf_has(&w, 0, 2))
		return msg_trunc(x, "ospf3");
	type = msg_u8(g, 1);
	msg_printf(w.b, "OSPFv%u, ", msg_u8(g, 0));
	msg_tok_put(w.b, ospf6_types, "unknown packet type (%u)", type);
	msg_printf(w.b, ", length %u", g->len);
	if (!msg_tok_find(ospf6_types, type) || !w.verbosity)
		return true;
	if (!ospf_has(&w, 2, 2))
		return msg_trunc(x, "ospf3");
	datalen = msg_u16(g, 2);
	if (datalen > g->len) {
		msg_printf(w.b, " [len %u]", datalen);
		return true;
	}
	if (!ospf_has(&w, 4, 8))
		return msg_trunc(x, "ospf3");
	ospf_router_area(&w);
	if (!ospf_has(&w, 14, 1))
		return msg_trunc(x, "ospf3");
	if (msg_u8(g, 14))
		msg_printf(w.b, ", Instance %u", msg_u8(g, 14));
	if (msg_u8(g, 0) != 3)
		return true;
	if (!ospf6_packet(&w, type, datalen) ||
	    !ospf6_trailer(&w, type, datalen, g->len - datalen))
		return msg_trunc(x, "ospf3");
	return true;
}
