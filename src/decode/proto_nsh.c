/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_nsh.c: the Network Service Header (RFC 8300), ethertype 0x894f or
 * VXLAN-GPE's next protocol 4, before an IPv4, IPv6 or Ethernet packet:
 * dissector and printer (tcpdump's print-nsh.c text).
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|O|U|    TTL    |   Length  |U|U|U|U|MD Type| Next Protocol |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Service Path Identifier (SPI)        | Service Index |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~               Context Header(s): Length - 2 words             ~
 *
 * Length counts 4-byte words, the two fixed ones included.  The printer
 * reads the header again from the packet's bytes.
 */
#define NSH_FIXED_LEN 8
#define NSH_WORD      4u
#define NSH_VER(w)    ((w) >> 30)
#define NSH_FLAGS(w)  (((w) >> 28) & 0x3)
#define NSH_TTL(w)    (((w) >> 22) & 0x3f)
#define NSH_LENGTH(w) (((w) >> 16) & 0x3f)
#define NSH_MD(w)     (((w) >> 8) & 0xf)
#define NSH_NEXT(w)   ((w) & 0xff)

/* the next protocol field (VXLAN-GPE's has the same values, and 4 for NSH) */
int proto_nsh_next(uint8_t np)
{
	switch (np) {
	case 1:
		return PKT_PROTO_IPV4;
	case 2:
		return PKT_PROTO_IPV6;
	case 3:
		return PKT_PROTO_ETH;
	case 4:
		return PKT_PROTO_NSH;
	}
	return PKT_PROTO_NONE;
}

int proto_nsh_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	size_t wire = proto_layer(m)->wire_len;
	uint32_t base, sph;
	unsigned words;

	/* the link header shows with -e only, as for any network layer */
	proto_level(m)->net = PKT_PROTO_NSH;
	if (wire < NSH_FIXED_LEN)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_get_be32(c, &base))
		return proto_truncated(m);
	if (NSH_VER(base) != 0)
		return PKT_PROTO_NONE;
	words = NSH_LENGTH(base);
	if (wire < words * NSH_WORD)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_get_be32(c, &sph))
		return proto_truncated(m);
	if (words < 2)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_skip(c, (words - 2) * NSH_WORD))
		return proto_truncated(m);
	/* NSH in NSH is not tcpdump's: it calls that protocol unknown */
	if (NSH_NEXT(base) == 4)
		return PKT_PROTO_NONE;
	return proto_nsh_next(NSH_NEXT(base));
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok nsh_flags[] = { { 0x2, "O" }, { 0, NULL } };
static const struct msg_tok nsh_md[] = {
	{ 0x0, "reserved" }, { 0x1, "1" }, { 0x2, "2" }, { 0xf, "experimental" }, { 0, NULL },
};
static const struct msg_tok nsh_np[] = {
	{ 0x01, "IPv4" }, { 0x02, "IPv6" },	    { 0x03, "Ethernet" },     { 0x04, "NSH" },
	{ 0x05, "MPLS" }, { 0xfe, "Experiment 1" }, { 0xff, "Experiment 2" }, { 0, NULL },
};

static bool nsh_invalid(struct pbuf *b, const char *why)
{
	pbuf_puts(b, why);
	pbuf_puts(b, " (invalid)");
	return true;
}

/* MD type 2's TLVs, -vvv: false when the capture ends first; *bad when one overruns */
static bool put_tlvs(struct pbuf *b, const struct msg *g, unsigned words, bool *bad)
{
	size_t off = NSH_FIXED_LEN;
	unsigned n = 0;

	while (n < words - 2) {
		unsigned tlen, padded;

		if (!msg_has(g, off, 4))
			return false;
		tlen = msg_u8(g, off + 3) & 0x7f;
		padded = (tlen + 3u) & ~3u;
		msg_printf(b, "\n        TLV Class %u, Type %u, Len %u", msg_u16(g, off),
			   msg_u8(g, off + 2), tlen);
		off += 4;
		n++;
		if (words - 2 < n + padded / NSH_WORD) {
			*bad = true;
			return true;
		}
		if (!tlen)
			continue;
		pbuf_puts(b, "\n            Value: ");
		for (unsigned i = 0; i < tlen; i++) {
			if (!msg_has(g, off, 1))
				return false;
			msg_printf(b, i ? ":%02x" : "0x%02x", msg_u8(g, off));
			off++;
		}
		if (!msg_has(g, off, padded - tlen))
			return false;
		off += padded - tlen;
		n += padded / NSH_WORD;
	}
	return true;
}

bool proto_nsh_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned v = line_verbosity(x);
	unsigned words, md;
	bool past = false;
	uint32_t base;
	struct msg g;

	msg_of(&g, x);
	if (g.len < NSH_FIXED_LEN) {
		msg_printf(b, " (packet length %u < %u)", g.len, NSH_FIXED_LEN);
		return nsh_invalid(b, "");
	}
	if (!msg_has(&g, 0, 4))
		return msg_trunc(x, "nsh");
	base = msg_u32(&g, 0);
	words = NSH_LENGTH(base);
	md = NSH_MD(base);
	pbuf_puts(b, "NSH, ");
	if (v > 1)
		msg_printf(b, "ver %u, ", NSH_VER(base));
	if (NSH_VER(base) != 0)
		return true;
	pbuf_puts(b, "flags [");
	msg_bits_put(b, nsh_flags, "none", NSH_FLAGS(base), "");
	pbuf_puts(b, "], ");
	if (v > 2) {
		msg_printf(b, "TTL %u, length %u, md type ", NSH_TTL(base), words);
		msg_tok_put(b, nsh_md, "unknown (0x%02x)", md);
		pbuf_puts(b, ", ");
	}
	if (v > 1) {
		pbuf_puts(b, "next-protocol ");
		msg_tok_put(b, nsh_np, "unknown (0x%02x)", NSH_NEXT(base));
		pbuf_puts(b, ", ");
	}
	if (g.len < words * NSH_WORD) {
		msg_printf(b, " (too many headers for packet length %u)", g.len);
		return nsh_invalid(b, "");
	}
	if (!msg_has(&g, 4, 3))
		return msg_trunc(x, "nsh");
	msg_printf(b, "service-path-id 0x%06x, ", msg_u24(&g, 4));
	if (!msg_has(&g, 7, 1))
		return msg_trunc(x, "nsh");
	msg_printf(b, "service-index 0x%x", msg_u8(&g, 7));
	if (words < 2)
		return nsh_invalid(b, " (less than two headers)");
	if (v > 2 && md == 1) {
		if (words != 6)
			return nsh_invalid(b, " (invalid length for the MD type)");
		for (unsigned n = 0; n < 4; n++) {
			if (!msg_has(&g, NSH_FIXED_LEN + n * NSH_WORD, NSH_WORD))
				return msg_trunc(x, "nsh");
			msg_printf(b, "\n        Context[%02u]: 0x%08x", n,
				   msg_u32(&g, NSH_FIXED_LEN + n * NSH_WORD));
		}
		past = true;
	} else if (v > 2 && md == 2) {
		bool bad = false;

		if (!put_tlvs(b, &g, words, &bad))
			return msg_trunc(x, "nsh");
		if (bad)
			return nsh_invalid(b, " (length too big)");
		past = true;
	}
	if (!past && !msg_has(&g, NSH_FIXED_LEN, (words - 2) * NSH_WORD))
		return msg_trunc(x, "nsh");
	pbuf_puts(b, v ? "\n    " : ": ");
	if (NSH_NEXT(base) == 4 || proto_nsh_next(NSH_NEXT(base)) == PKT_PROTO_NONE) {
		pbuf_puts(b, "ERROR: unknown-next-protocol");
		return true;
	}
	return !line_more(x);
}
