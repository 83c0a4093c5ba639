/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ospf_te.c: the TLVs of OSPF's opaque LSAs as tcpdump prints them:
 * traffic engineering (RFC 3630, GMPLS RFC 4203), graceful restart (RFC 3623),
 * and router information (RFC 7770), with tcpdump 4.99's checks and quirks.
 */
#include "config.h"

#include <string.h>

#include "decode/gmpls_names.h"
#include "decode/proto_ospf.h"

static const struct msg_tok grace_tlvs[] = {
	{ 1, "Grace Period" }, { 2, "Graceful restart Reason" }, { 3, "IPv4 interface address" },
	{ 0, NULL },
};

static const struct msg_tok grace_reasons[] = {
	{ 0, "Unknown" }, { 1, "Software Restart" }, { 2, "Software Reload/Upgrade" },
	{ 3, "Control Processor Switch" }, { 0, NULL },
};

static const struct msg_tok te_tlvs[] = { { 1, "Router Address" }, { 2, "Link" }, { 0, NULL } };

static const struct msg_tok te_link_subtlvs[] = {
	{ 1, "Link Type" },
	{ 2, "Link ID" },
	{ 3, "Local Interface IP address" },
	{ 4, "Remote Interface IP address" },
	{ 5, "Traffic Engineering Metric" },
	{ 6, "Maximum Bandwidth" },
	{ 7, "Maximum Reservable Bandwidth" },
	{ 8, "Unreserved Bandwidth" },
	{ 9, "Administrative Group" },
	{ 11, "Link Local/Remote Identifier" },
	{ 14, "Link Protection Type" },
	{ 15, "Interface Switching Capability" },
	{ 16, "Shared Risk Link Group" },
	{ 17, "Bandwidth Constraints" },
	{ 0, NULL },
};

static const struct msg_tok te_link_types[] = { { 1, "Point-to-point" }, { 2, "Multi-Access" },
						{ 0, NULL } };

/* DiffServ-TE (RFC 4124) names; the GMPLS ones are in gmpls_names.c */
static const struct msg_tok diffserv_bc_models[] = {
	{ 0, "Russian dolls" },
	{ 1, "Maximum allocation" },
	{ 254, "Maximum allocation with E-LSP support" },
	{ 0, NULL },
};

/* tcpdump 4.99 names only the capabilities TLV of RFC 7770 */
static const struct msg_tok ri_tlvs[] = { { 1, "Router Capabilities" }, { 0, NULL } };

static const struct msg_tok ri_caps[] = {
	{ 1, "Reserved" },
	{ 2, "Reserved" },
	{ 4, "Reserved" },
	{ 8, "Reserved" },
	{ 16, "graceful restart capable" },
	{ 32, "graceful restart helper" },
	{ 64, "Stub router support" },
	{ 128, "Traffic engineering" },
	{ 256, "p2p over LAN" },
	{ 512, "path computation server" },
	{ 0, NULL },
};

void ospf_hex(struct ospf_walk *w, size_t off, uint32_t n, const char *ident)
{
	size_t cap = off < w->g.cap ? w->g.cap - off : 0;

	msg_hex_lines(w->b, ident, w->g.p + off, n < cap ? n : cap);
}

static int ospf_invalid(struct ospf_walk *w, const char *why)
{
	pbuf_puts(w->b, why);
	pbuf_puts(w->b, " (invalid)");
	return OSPF_INVALID;
}

/* A big-endian IEEE 754 single at off in Mbps, as tcpdump's GET_BE_F_4 * 8 / 1000000. */
static void ospf_mbps(struct ospf_walk *w, size_t off)
{
	uint32_t u = msg_u32(&w->g, off);
	float f;

	memcpy(&f, &u, sizeof(f));
	f = f * 8 / 1000000;
	msg_printf(w->b, "%.3f Mbps", (double)f);
}

/* tcpdump's early returns of a TLV walk: a line of its own, and the LSA ends. */
static int ospf_bogus(struct ospf_walk *w, const char *what, uint32_t a, const char *op, uint32_t b)
{
	msg_printf(w->b, "\n\t    %s %u %s %u", what, a, op, b);
	return OSPF_INVALID;
}

/* A TLV's type and length at *off, moved past them; OSPF_OK, or what ends the walk. */
static int tlv_head(struct ospf_walk *w, size_t *off, uint32_t *len, uint32_t *type,
		    uint32_t *tlen)
{
	if (!ospf_has(w, *off, 4))
		return OSPF_TRUNC;
	if (*len < 4)
		return ospf_bogus(w, "Remaining LS length", *len, "<", 4);
	*type = msg_u16(&w->g, *off);
	*tlen = msg_u16(&w->g, *off + 2);
	*off += 4;
	*len -= 4;
	return OSPF_OK;
}

int ospf_grace_print(struct ospf_walk *w, size_t off, uint32_t len)
{
	const struct msg *g = &w->g;

	while (len) {
		uint32_t type, tlen;
		int rc;

		rc = tlv_head(w, &off, &len, &type, &tlen);
		if (rc)
			return rc;
		pbuf_puts(w->b, "\n\t    ");
		msg_tok_put(w->b, grace_tlvs, "unknown", type);
		msg_printf(w->b, " TLV (%u), length %u, value: ", type, tlen);
		if (tlen > len)
			return ospf_bogus(w, "Bogus length", tlen, ">", len);
		/* a zero type or length would loop for ever */
		if (!type || !tlen)
			return OSPF_INVALID;
		if (!ospf_has(w, off, tlen))
			return OSPF_TRUNC;
		switch (type) {
		case 1:
			if (tlen != 4)
				return ospf_bogus(w, "Bogus length", tlen, "!=", 4);
			msg_printf(w->b, "%us", msg_u32(g, off));
			break;
		case 2:
			if (tlen != 1)
				return ospf_bogus(w, "Bogus length", tlen, "!=", 1);
			msg_tok_put(w->b, grace_reasons, "Unknown", msg_u8(g, off));
			msg_printf(w->b, " (%u)", msg_u8(g, off));
			break;
		case 3:
			if (tlen != 4)
				return ospf_bogus(w, "Bogus length", tlen, "!=", 4);
			ospf_ip4(w, off);
			break;
		default:
			if (w->verbosity <= 1)
				ospf_hex(w, off, tlen, "\n\t      ");
			break;
		}
		/* in OSPF everything is 32-bit aligned, TLVs too */
		if (tlen % 4)
			tlen += 4 - tlen % 4;
		len = tlen > len ? 0 : len - tlen;
		off += tlen;
	}
	return OSPF_OK;
}

/*
 * A link sub-TLV's value; the bytes tcpdump's pointer moved while printing it
 * (the shared risk groups move it, and the walk then skips the sub-TLV
 * again: tcpdump 4.99 reads the next one that much too far), or
 * OSPF_INVALID after " (invalid)".
 */
static int te_link_subtlv(struct ospf_walk *w, uint32_t type, size_t off, uint32_t len)
{
	const struct msg *g = &w->g;
	struct pbuf *b = w->b;

	switch (type) {
	case 9:
		if (len != 4)
			return ospf_invalid(w, " != 4");
		msg_printf(b, ", 0x%08x", msg_u32(g, off));
		break;
	case 2:
	case 11:
		if (len != 4 && len != 8)
			return ospf_invalid(w, " != 4 && != 8");
		for (uint32_t i = 0; i < len; i += 4) {
			pbuf_puts(b, ", ");
			ospf_ip4(w, off + i);
			msg_printf(b, " (0x%08x)", msg_u32(g, off + i));
		}
		break;
	case 3:
	case 4:
		if (len != 4)
			return ospf_invalid(w, " != 4");
		pbuf_puts(b, ", ");
		ospf_ip4(w, off);
		break;
	case 6:
	case 7:
		if (len != 4)
			return ospf_invalid(w, " != 4");
		pbuf_puts(b, ", ");
		ospf_mbps(w, off);
		break;
	case 8:
		if (len != 32)
			return ospf_invalid(w, " != 32");
		for (unsigned c = 0; c < 8; c++) {
			msg_printf(b, "\n\t\tTE-Class %u: ", c);
			ospf_mbps(w, off + c * 4);
		}
		break;
	case 17:
		if (len < 4)
			return ospf_invalid(w, " < 4");
		pbuf_puts(b, "\n\t\tBandwidth Constraints Model ID: ");
		msg_tok_put(b, diffserv_bc_models, "unknown", msg_u8(g, off));
		msg_printf(b, " (%u)", msg_u8(g, off));
		if (len % 4) {
			msg_printf(b, "\n\t\tlength %u != N x 4", len);
			return ospf_invalid(w, "");
		}
		if (len > 36) {
			msg_printf(b, "\n\t\tlength %u > 36", len);
			return ospf_invalid(w, "");
		}
		for (unsigned c = 0; c < (len - 4) / 4; c++) {
			msg_printf(b, "\n\t\t  Bandwidth constraint CT%u: ", c);
			ospf_mbps(w, off + 4 + c * 4);
		}
		break;
	case 5:
		if (len != 4)
			return ospf_invalid(w, " != 4");
		msg_printf(b, ", Metric %u", msg_u32(g, off));
		break;
	case 14:
		if (len != 4)
			return ospf_invalid(w, " != 4");
		pbuf_puts(b, ", ");
		msg_bits_put(b, gmpls_link_prot, "none", msg_u8(g, off), ", ");
		break;
	case 15:
		if (len < 36)
			return ospf_invalid(w, " < 36");
		pbuf_puts(b, "\n\t\tInterface Switching Capability: ");
		msg_tok_put(b, gmpls_switch_caps, "Unknown", msg_u8(g, off));
		pbuf_puts(b, "\n\t\tLSP Encoding: ");
		msg_tok_put(b, gmpls_encodings, "Unknown", msg_u8(g, off + 1));
		pbuf_puts(b, "\n\t\tMax LSP Bandwidth:");
		for (unsigned p = 0; p < 8; p++) {
			msg_printf(b, "\n\t\t  priority level %u: ", p);
			ospf_mbps(w, off + 4 + p * 4);
		}
		break;
	case 1:
		if (len != 1)
			return ospf_invalid(w, " != 1");
		pbuf_puts(b, ", ");
		msg_tok_put(b, te_link_types, "unknown", msg_u8(g, off));
		msg_printf(b, " (%u)", msg_u8(g, off));
		break;
	case 16:
		if (len % 4)
			return ospf_invalid(w, " != N x 4");
		if (len)
			pbuf_puts(b, "\n\t\t  Shared risk group: ");
		for (uint32_t i = 0; i < len; i += 4)
			msg_printf(b, "%s%u", i ? ", " : "", msg_u32(g, off + i));
		return (int)len;
	default:
		if (w->verbosity <= 1)
			ospf_hex(w, off, len, "\n\t\t");
		break;
	}
	return 0;
}

static int te_link(struct ospf_walk *w, size_t off, uint32_t len)
{
	while (len) {
		uint32_t type, slen;
		int moved;

		if (len < 4)
			return ospf_bogus(w, "Remaining TLV length", len, "<", 4);
		if (!ospf_has(w, off, 4))
			return OSPF_TRUNC;
		type = msg_u16(&w->g, off);
		slen = msg_u16(&w->g, off + 2);
		off += 4;
		len -= 4;
		if (!type || !slen)
			return ospf_invalid(w, "");
		pbuf_puts(w->b, "\n\t      ");
		msg_tok_put(w->b, te_link_subtlvs, "unknown", type);
		msg_printf(w->b, " subTLV (%u), length: %u", type, slen);
		if (len < slen)
			return ospf_bogus(w, "Remaining TLV length", len + 4, "<", slen + 4);
		if (!ospf_has(w, off, slen))
			return OSPF_TRUNC;
		moved = te_link_subtlv(w, type, off, slen);
		if (moved < 0)
			return moved;
		off += (size_t)moved;
		if (slen % 4)
			slen += 4 - slen % 4;
		if (len < slen)
			return ospf_bogus(w, "Remaining TLV length", len + 4, "<", slen + 4);
		len -= slen;
		off += slen;
	}
	return OSPF_OK;
}

int ospf_te_print(struct ospf_walk *w, size_t off, uint32_t len)
{
	while (len) {
		uint32_t type, tlen;
		int rc;

		rc = tlv_head(w, &off, &len, &type, &tlen);
		if (rc)
			return rc;
		pbuf_puts(w->b, "\n\t    ");
		msg_tok_put(w->b, te_tlvs, "unknown", type);
		msg_printf(w->b, " TLV (%u), length: %u", type, tlen);
		if (tlen > len)
			return ospf_bogus(w, "Bogus length", tlen, ">", len);
		if (!type || !tlen)
			return OSPF_INVALID;
		switch (type) {
		case 2:
			rc = te_link(w, off, tlen);
			if (rc)
				return rc;
			break;
		case 1:
			if (tlen < 4)
				return ospf_bogus(w, "TLV length", tlen, "<", 4);
			if (!ospf_has(w, off, 4))
				return OSPF_TRUNC;
			pbuf_puts(w->b, ", ");
			ospf_ip4(w, off);
			break;
		default:
			if (w->verbosity <= 1)
				ospf_hex(w, off, tlen, "\n\t      ");
			break;
		}
		if (tlen % 4)
			tlen += 4 - tlen % 4;
		if (tlen > len)
			return ospf_bogus(w, "Bogus padded length", tlen, ">", len);
		len -= tlen;
		off += tlen;
	}
	return OSPF_OK;
}

int ospf_ri_print(struct ospf_walk *w, size_t off, uint32_t len)
{
	const struct msg *g = &w->g;
	struct pbuf *b = w->b;

	/* tcpdump 4.99 does not pad these TLVs to 32 bits */
	while (len) {
		uint32_t type, tlen;
		int rc;

		rc = tlv_head(w, &off, &len, &type, &tlen);
		if (rc)
			return rc;
		pbuf_puts(b, "\n\t    ");
		msg_tok_put(b, ri_tlvs, "unknown", type);
		msg_printf(b, " TLV (%u), length: %u, value: ", type, tlen);
		if (tlen > len)
			return ospf_bogus(w, "Bogus length", tlen, "> remaining LS length", len);
		if (!ospf_has(w, off, tlen))
			return OSPF_TRUNC;
		if (type == 1) {
			if (tlen != 4)
				return ospf_bogus(w, "Bogus length", tlen, "!=", 4);
			pbuf_puts(b, "Capabilities: ");
			msg_bits_put(b, ri_caps, "Unknown", msg_u32(g, off), ", ");
		} else if (w->verbosity <= 1) {
			ospf_hex(w, off, tlen, "\n\t      ");
		}
		off += tlen;
		len -= tlen;
	}
	return OSPF_OK;
}
