/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ospf.c: OSPF (IP protocol 89): the dissector, and OSPFv2 (RFC 2328)
 * as tcpdump 4.99 prints it: header, hello, database description, LS
 * request/update/ack, the LSAs, and link-local signalling (RFC 5613).
 * tcpdump 4.99 knows three opaque LSA types: traffic engineering, grace and
 * router information.
 * OSPFv3 is in proto_ospf6.c, the opaque LSAs' TLVs in proto_ospf_te.c.
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_ospf.h"

#define OSPF_HDR_LEN	 24
#define OSPF_LSA_HDR_LEN 20
#define OSPF_AUTH_MD5	 2
#define OSPF_AUTH_MD5_LEN 16
#define OSPF_OPTION_L	 0x10

int proto_ospf_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->trans = PKT_PROTO_OSPF;
	return PKT_PROTO_NONE;
}

static const struct msg_tok ospf_options[] = {
	{ 0x01, "MultiTopology" }, { 0x02, "External" }, { 0x04, "Multicast" },
	{ 0x08, "NSSA" },	   { 0x10, "LLS" },	 { 0x20, "Demand Circuit" },
	{ 0x40, "Opaque" },	   { 0x80, "Up/Down" },	 { 0, NULL },
};

static const struct msg_tok ospf_auth_types[] = { { 0, "none" }, { 1, "simple" }, { 2, "MD5" },
						  { 0, NULL } };

static const struct msg_tok ospf_rla_flags[] = {
	{ 0x01, "ABR" },      { 0x02, "ASBR" }, { 0x04, "Virtual" }, { 0x08, "Wildcard" },
	{ 0x10, "Nt" },	      { 0x80, "Host" }, { 0, NULL },
};

static const struct msg_tok ospf_types[] = {
	{ 1, "Hello" }, { 2, "Database Description" }, { 3, "LS-Request" },
	{ 4, "LS-Update" }, { 5, "LS-Ack" },	       { 0, NULL },
};

static const struct msg_tok ospf_lsa_types[] = {
	{ 1, "Router" },		{ 2, "Network" },	     { 3, "Summary" },
	{ 4, "ASBR Summary" },		{ 5, "External" },	     { 6, "Multicast Group" },
	{ 7, "NSSA" },			{ 9, "Link Local Opaque" }, { 10, "Area Local Opaque" },
	{ 11, "Domain Wide Opaque" }, { 0, NULL },
};

static const struct msg_tok ospf_dd_flags[] = {
	{ 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" }, { 0x08, "OOBResync" }, { 0, NULL },
};

static const struct msg_tok ospf_opaque_types[] = {
	{ 1, "Traffic Engineering" }, { 3, "Graceful restart" }, { 4, "Router Information" },
	{ 0, NULL },
};

static const struct msg_tok ospf_topologies[] = { { 0, "default" }, { 1, "multicast" },
						  { 2, "management" }, { 0, NULL } };

static const struct msg_tok ospf_lls_tlvs[] = { { 1, "Extended Options" },
						{ 2, "MD5 Authentication" },
						{ 0, NULL } };

static const struct msg_tok ospf_lls_eo[] = { { 1, "LSDB resync" }, { 2, "Restart" }, { 0, NULL } };

/* "topology NAME" of a summary or external metric word; the topology's number. */
static uint32_t ospf_topology(struct ospf_walk *w, uint32_t ul)
{
	uint32_t topo = (ul & 0x7f000000) >> 24;

	pbuf_puts(w->b, "\n\t\ttopology ");
	msg_tok_put(w->b, ospf_topologies, "Unknown", topo);
	return topo;
}

static bool is_opaque(uint8_t type)
{
	return type >= 9 && type <= 11;
}

/* An LSA header; its length, or -1 (bogus length, written) or OSPF_TRUNC. */
static int ospf_lshdr(struct ospf_walk *w, size_t off)
{
	const struct msg *g = &w->g;
	uint16_t len;
	uint8_t type;

	if (!ospf_has(w, off + 18, 2))
		return OSPF_TRUNC;
	len = msg_u16(g, off + 18);
	if (len < OSPF_LSA_HDR_LEN) {
		msg_printf(w->b, "\n\t    Bogus length %u < header (%u)", len, OSPF_LSA_HDR_LEN);
		return -1;
	}
	if (!ospf_has(w, off, OSPF_LSA_HDR_LEN))
		return OSPF_TRUNC;
	pbuf_puts(w->b, "\n\t  Advertising Router ");
	ospf_ip4(w, off + 8);
	msg_printf(w->b, ", seq 0x%08x, age %us, length %u", msg_u32(g, off + 12), msg_u16(g, off),
		   len - OSPF_LSA_HDR_LEN);
	type = msg_u8(g, off + 3);
	pbuf_puts(w->b, "\n\t    ");
	msg_tok_put(w->b, ospf_lsa_types, "unknown", type);
	msg_printf(w->b, " LSA (%u), ", type);
	if (is_opaque(type)) {
		pbuf_puts(w->b, "Opaque-Type ");
		msg_tok_put(w->b, ospf_opaque_types, "unknown", msg_u8(g, off + 4));
		msg_printf(w->b, " LSA (%u), Opaque-ID %u", msg_u8(g, off + 4), msg_u24(g, off + 5));
	} else {
		pbuf_puts(w->b, "LSA-ID: ");
		ospf_ip4(w, off + 4);
	}
	pbuf_puts(w->b, "\n\t    Options: [");
	msg_bits_put(w->b, ospf_options, "none", msg_u8(g, off + 2), ", ");
	pbuf_putc(w->b, ']');
	return len;
}

/* A router LSA's links (RFC 2328 A.4.2), each with its metrics by topology. */
static int ospf_router_lsa(struct ospf_walk *w, size_t off)
{
	const struct msg *g = &w->g;
	unsigned count;

	if (!ospf_has(w, off, 4))
		return OSPF_TRUNC;
	pbuf_puts(w->b, "\n\t    Router LSA Options: [");
	msg_bits_put(w->b, ospf_rla_flags, "none", msg_u8(g, off), ", ");
	pbuf_putc(w->b, ']');
	count = msg_u16(g, off + 2);
	off += 4;
	if (!ospf_has(w, off, 12))
		return OSPF_TRUNC;
	for (; count; count--) {
		static const char *const kinds[] = {
			NULL, "Neighbor Router-ID: ", "Neighbor Network-ID: ", "Stub Network: ",
			"Virtual Link: Neighbor Router-ID: ",
		};
		static const char *const kinds_tail[] = {
			NULL, ", Interface Address: ", ", Interface Address: ", ", Mask: ",
			", Interface Address: ",
		};
		uint8_t type, ntos;

		if (!ospf_has(w, off, 12))
			return OSPF_TRUNC;
		type = msg_u8(g, off + 8);
		if (type < 1 || type > 4) {
			msg_printf(w->b, "\n\t      Unknown Router Link Type (%u)", type);
			return OSPF_INVALID;
		}
		{
			char id[16];
			struct pbuf ib;

			pbuf_init(&ib, id, sizeof(id));
			pbuf_ip4(&ib, g->p + off);
			pbuf_finish(&ib, sizeof(id));
			pbuf_puts(w->b, "\n\t      ");
			pbuf_puts(w->b, kinds[type]);
			pbuf_puts(w->b, id);
			pbuf_puts(w->b, kinds_tail[type]);
		}
		ospf_ip4(w, off + 4);
		ntos = msg_u8(g, off + 9);
		for (unsigned i = 0; i <= ntos; i++) {
			size_t t = off + 8 + 4 * i;
			unsigned topo;

			if (!ospf_has(w, t, 4))
				return OSPF_TRUNC;
			topo = i ? msg_u8(g, t) : 0;
			pbuf_puts(w->b, "\n\t\ttopology ");
			msg_tok_put(w->b, ospf_topologies, "Unknown", topo);
			msg_printf(w->b, " (%u), metric %u", topo, msg_u16(g, t + 2));
		}
		off += 12 + 4 * (size_t)ntos;
	}
	return OSPF_OK;
}

/* The LSA's body after its header; OSPF_INVALID ends the LSA quietly, as tcpdump's early returns. */
static int ospf_lsa_body(struct ospf_walk *w, size_t lsa, size_t end, uint32_t blen)
{
	const struct msg *g = &w->g;
	size_t body = lsa + OSPF_LSA_HDR_LEN, p;
	uint8_t type = msg_u8(g, lsa + 3);

	switch (type) {
	case 1:
		return ospf_router_lsa(w, body);
	case 2:
		if (!ospf_has(w, body, 4))
			return OSPF_TRUNC;
		pbuf_puts(w->b, "\n\t    Mask ");
		ospf_ip4(w, body);
		pbuf_puts(w->b, "\n\t    Connected Routers:");
		for (p = body + 4; p < end; p += 4) {
			if (!ospf_has(w, p, 4))
				return OSPF_TRUNC;
			pbuf_puts(w->b, "\n\t      ");
			ospf_ip4(w, p);
		}
		return OSPF_OK;
	case 3:
	case 4:
		if (!ospf_has(w, body, 8))
			return OSPF_TRUNC;
		if (type == 3) {
			pbuf_puts(w->b, "\n\t    Mask ");
			ospf_ip4(w, body);
		}
		for (p = body + 4; p < end; p += 4) {
			uint32_t ul, topo;

			if (!ospf_has(w, p, 4))
				return OSPF_TRUNC;
			ul = msg_u32(g, p);
			topo = ospf_topology(w, ul);
			msg_printf(w->b, " (%u) metric %u", topo, ul & 0x00ffffff);
		}
		return OSPF_OK;
	case 5:
	case 7:
		if (!ospf_has(w, body, 8))
			return OSPF_TRUNC;
		pbuf_puts(w->b, "\n\t    Mask ");
		ospf_ip4(w, body);
		for (p = body + 4; p < end; p += 12) {
			uint32_t ul, topo;

			if (!ospf_has(w, p, 4))
				return OSPF_TRUNC;
			ul = msg_u32(g, p);
			topo = ospf_topology(w, ul);
			msg_printf(w->b, " (%u), type %u, metric", topo, ul & 0x80000000 ? 2 : 1);
			if ((ul & 0x00ffffff) == 0xffffff)
				pbuf_puts(w->b, " infinite");
			else
				msg_printf(w->b, " %u", ul & 0x00ffffff);
			if (!ospf_has(w, p + 4, 4))
				return OSPF_TRUNC;
			if (msg_u32(g, p + 4)) {
				pbuf_puts(w->b, ", forward ");
				ospf_ip4(w, p + 4);
			}
			if (!ospf_has(w, p + 8, 4))
				return OSPF_TRUNC;
			if (msg_u32(g, p + 8)) {
				pbuf_puts(w->b, ", tag ");
				ospf_ip4(w, p + 8);
			}
		}
		return OSPF_OK;
	case 6:
		for (p = body; p < end; p += 8) {
			uint32_t vt;

			if (!ospf_has(w, p, 4))
				return OSPF_TRUNC;
			vt = msg_u32(g, p);
			if (vt == 1 || vt == 2) {
				if (!ospf_has(w, p + 4, 4))
					return OSPF_TRUNC;
				pbuf_puts(w->b, vt == 1 ? "\n\t    Router Router-ID " :
							  "\n\t    Network Designated Router ");
				ospf_ip4(w, p + 4);
			} else {
				msg_printf(w->b, "\n\t    unknown VertexType (%u)", vt);
			}
		}
		return OSPF_OK;
	case 9:
	case 10:
	case 11: {
		int rc;

		switch (msg_u8(g, lsa + 4)) {
		case 4:
			rc = ospf_ri_print(w, body, blen);
			break;
		case 3:
			rc = ospf_grace_print(w, body, blen);
			break;
		case 1:
			rc = ospf_te_print(w, body, blen);
			break;
		default:
			rc = OSPF_OK;
			if (w->verbosity <= 1)
				ospf_hex(w, body, blen, "\n\t    ");
			break;
		}
		return rc;
	}
	}
	return OSPF_OK;
}

/* One LSA of an update; the offset past it, or OSPF_TRUNC (the message stops). */
static long ospf_lsa(struct ospf_walk *w, size_t lsa)
{
	int len = ospf_lshdr(w, lsa), rc;
	size_t end;

	if (len < 0)
		return len == -1 ? OSPF_TRUNC : len;
	end = lsa + (size_t)len;
	rc = ospf_lsa_body(w, lsa, end, (uint32_t)len - OSPF_LSA_HDR_LEN);
	if (rc == OSPF_TRUNC)
		return rc;
	if (rc == OSPF_OK && w->verbosity > 1)
		ospf_hex(w, lsa + OSPF_LSA_HDR_LEN, (uint32_t)len - OSPF_LSA_HDR_LEN, "\n\t    ");
	return (long)end;
}

static int ospf_hello(struct ospf_walk *w, size_t end)
{
	const struct msg *g = &w->g;

	if (!ospf_has(w, 24, 20))
		return OSPF_TRUNC;
	pbuf_puts(w->b, "\n\tOptions [");
	msg_bits_put(w->b, ospf_options, "none", msg_u8(g, 30), ", ");
	msg_printf(w->b, "]\n\t  Hello Timer %us, Dead Timer %us, Mask ", msg_u16(g, 28),
		   msg_u32(g, 32));
	ospf_ip4(w, 24);
	msg_printf(w->b, ", Priority %u", msg_u8(g, 31));
	if (msg_u32(g, 36)) {
		pbuf_puts(w->b, "\n\t  Designated Router ");
		ospf_ip4(w, 36);
	}
	if (msg_u32(g, 40)) {
		pbuf_puts(w->b, ", Backup Designated Router ");
		ospf_ip4(w, 40);
	}
	if (44 < end)
		pbuf_puts(w->b, "\n\t  Neighbor List:");
	for (size_t p = 44; p < end; p += 4) {
		if (!ospf_has(w, p, 4))
			return OSPF_TRUNC;
		pbuf_puts(w->b, "\n\t    ");
		ospf_ip4(w, p);
	}
	return OSPF_OK;
}

static int ospf_packet(struct ospf_walk *w, uint8_t type, size_t end)
{
	const struct msg *g = &w->g;
	size_t p;

	switch (type) {
	case 1:
		return ospf_hello(w, end);
	case 2:
		if (!ospf_has(w, 24, 8))
			return OSPF_TRUNC;
		pbuf_puts(w->b, "\n\tOptions [");
		msg_bits_put(w->b, ospf_options, "none", msg_u8(g, 26), ", ");
		pbuf_puts(w->b, "], DD Flags [");
		msg_bits_put(w->b, ospf_dd_flags, "none", msg_u8(g, 27), ", ");
		pbuf_putc(w->b, ']');
		if (msg_u16(g, 24))
			msg_printf(w->b, ", MTU: %u", msg_u16(g, 24));
		msg_printf(w->b, ", Sequence: 0x%08x", msg_u32(g, 28));
		for (p = 32; p < end; p += OSPF_LSA_HDR_LEN) {
			int rc = ospf_lshdr(w, p);

			if (rc == OSPF_TRUNC)
				return rc;
			if (rc == -1)
				break;
		}
		return OSPF_OK;
	case 3:
		for (p = 24; p < end; p += 12) {
			uint32_t lt;

			if (!ospf_has(w, p, 12))
				return OSPF_TRUNC;
			lt = msg_u32(g, p);
			pbuf_puts(w->b, "\n\t  Advertising Router: ");
			ospf_ip4(w, p + 8);
			pbuf_puts(w->b, ", ");
			msg_tok_put(w->b, ospf_lsa_types, "unknown", lt);
			msg_printf(w->b, " LSA (%u)", lt);
			if (lt >= 9 && lt <= 11) {
				pbuf_puts(w->b, ", Opaque-Type: ");
				msg_tok_put(w->b, ospf_opaque_types, "unknown", msg_u8(g, p + 4));
				msg_printf(w->b, " LSA (%u), Opaque-ID: %u", msg_u8(g, p + 4),
					   msg_u24(g, p + 5));
			} else {
				pbuf_puts(w->b, ", LSA-ID: ");
				ospf_ip4(w, p + 4);
			}
		}
		return OSPF_OK;
	case 4: {
		uint32_t count;
		long at = 28;

		if (!ospf_has(w, 24, 4))
			return OSPF_TRUNC;
		count = msg_u32(g, 24);
		msg_printf(w->b, ", %u LSA%s", count, count == 1 ? "" : "s");
		for (uint32_t i = 1; i <= count && count; i++) {
			msg_printf(w->b, "\n\t  LSA #%u", i);
			at = ospf_lsa(w, (size_t)at);
			if (at < 0)
				return (int)at;
		}
		return OSPF_OK;
	}
	case 5:
		/* tcpdump 4.99 walks an ack's headers until one is bogus or cut short */
		for (p = 24;; p += OSPF_LSA_HDR_LEN) {
			int rc = ospf_lshdr(w, p);

			if (rc < 0)
				return rc == -1 ? OSPF_OK : rc;
		}
	}
	return OSPF_OK;
}

/* RFC 5613 link-local signalling after a hello or DD with the L option. */
static int ospf_lls(struct ospf_walk *w, uint8_t type, uint16_t ospf_len, uint32_t length)
{
	const struct msg *g = &w->g;
	size_t p, end = length;
	uint32_t olen = ospf_len;

	if (type != 1 && type != 2)
		return OSPF_OK;
	if (!ospf_has(w, type == 1 ? 30 : 26, 1))
		return OSPF_TRUNC;
	if (!(msg_u8(g, type == 1 ? 30 : 26) & OSPF_OPTION_L))
		return OSPF_OK;
	p = ospf_len;
	if (!ospf_has(w, 14, 6))
		return OSPF_TRUNC;
	if (msg_u16(g, 14) == OSPF_AUTH_MD5) {
		p += msg_u8(g, 19);
		olen += msg_u8(g, 19);
	}
	if (olen >= length) {
		pbuf_puts(w->b, "\n\t[LLS truncated]");
		return OSPF_OK;
	}
	if (!ospf_has(w, p, 4))
		return OSPF_TRUNC;
	msg_printf(w->b, "\n\t  LLS: checksum: 0x%04x, length: %u", msg_u16(g, p), msg_u16(g, p + 2));
	for (p += 4; p < end;) {
		uint16_t lt, ll;

		if (!ospf_has(w, p, 2))
			return OSPF_TRUNC;
		lt = msg_u16(g, p);
		pbuf_puts(w->b, "\n\t    ");
		msg_tok_put(w->b, ospf_lls_tlvs, "Unknown TLV", lt);
		msg_printf(w->b, " (%u)", lt);
		if (!ospf_has(w, p + 2, 2))
			return OSPF_TRUNC;
		ll = msg_u16(g, p + 2);
		msg_printf(w->b, ", length: %u", ll);
		p += 4;
		if (lt == 1 || lt == 2) {
			uint16_t want = lt == 1 ? 4 : 20;

			if (ll != want) {
				msg_printf(w->b, " [should be %u]", want);
				ll = want;
			}
			if (!ospf_has(w, p, 4))
				return OSPF_TRUNC;
			if (lt == 1) {
				msg_printf(w->b, "\n\t      Options: 0x%08x [", msg_u32(g, p));
				msg_bits_put(w->b, ospf_lls_eo, "?", msg_u32(g, p), ", ");
				pbuf_putc(w->b, ']');
			} else {
				msg_printf(w->b, "\n\t      Sequence number: 0x%08x", msg_u32(g, p));
			}
		}
		p += ll;
	}
	return OSPF_OK;
}

static bool ospf2_print(struct line *x, const struct msg *whole)
{
	struct ospf_walk w = { &x->b, *whole, line_verbosity(x) };
	const struct msg *g = &w.g;
	uint32_t length = g->len;
	uint16_t auth, ospf_len;
	uint8_t type;
	size_t end;
	int rc;

	pbuf_puts(w.b, "OSPF");
	if (length < OSPF_HDR_LEN) {
		msg_printf(w.b, " [length %u < %u] (invalid)", length, OSPF_HDR_LEN);
		return true;
	}
	if (!ospf_has(&w, 0, 1))
		return msg_trunc(x, "ospf2");
	if (msg_u8(g, 0) != 2) {
		msg_printf(w.b, " [version %u != 2] (invalid)", msg_u8(g, 0));
		return true;
	}
	pbuf_puts(w.b, "v2");
	if (!ospf_has(&w, 14, 2))
		return msg_trunc(x, "ospf2");
	auth = msg_u16(g, 14);
	/* the MD5 digest trails the message: out of the way before anything else */
	if (auth == OSPF_AUTH_MD5) {
		length -= OSPF_AUTH_MD5_LEN;
		w.g.len = length;
		w.g.cap = w.g.cap > OSPF_AUTH_MD5_LEN ? w.g.cap - OSPF_AUTH_MD5_LEN : 0;
	}
	if (!ospf_has(&w, 1, 1))
		return msg_trunc(x, "ospf2");
	type = msg_u8(g, 1);
	pbuf_puts(w.b, ", ");
	msg_tok_put(w.b, ospf_types, "unknown LS-type %u", type);
	msg_printf(w.b, ", length %u", length);
	if (!msg_tok_find(ospf_types, type) || !w.verbosity)
		return true;
	if (!ospf_has(&w, 2, 2))
		return msg_trunc(x, "ospf2");
	ospf_len = msg_u16(g, 2);
	if (length != ospf_len)
		msg_printf(w.b, " [len %u]", ospf_len);
	end = length > ospf_len ? ospf_len : length;
	if (!ospf_has(&w, 4, 8))
		return msg_trunc(x, "ospf2");
	ospf_router_area(&w);
	if (!ospf_has(&w, 16, 8))
		return msg_trunc(x, "ospf2");
	pbuf_puts(w.b, ", Authentication Type: ");
	msg_tok_put(w.b, ospf_auth_types, "unknown", auth);
	msg_printf(w.b, " (%u)", auth);
	if (auth == 1) {
		pbuf_puts(w.b, "\n\tSimple text password: ");
		msg_printjnp(w.b, g, 16, 8);
	} else if (auth == OSPF_AUTH_MD5) {
		msg_printf(w.b, "\n\tKey-ID: %u, Auth-Length: %u, Crypto Sequence Number: 0x%08x",
			   msg_u8(g, 18), msg_u8(g, 19), msg_u32(g, 20));
	} else if (auth) {
		return true;
	}
	rc = ospf_packet(&w, type, end);
	if (rc == OSPF_TRUNC)
		return msg_trunc(x, "ospf2");
	if (length > ospf_len && ospf_lls(&w, type, ospf_len, length) == OSPF_TRUNC)
		return msg_trunc(x, "ospf2");
	return true;
}

bool proto_ospf_print(struct line *x)
{
	struct msg g;

	line_addrs(x, false, 0, 0);
	msg_of(&g, x);
	if (line_level(x)->net == PKT_PROTO_IPV6)
		return proto_ospf6_print(x, &g);
	return ospf2_print(x, &g);
}
