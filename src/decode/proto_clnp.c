/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_clnp.c: CLNP (ISO 8473, ITU X.233) as tcpdump prints it: header, addresses, options. */
#include "config.h"

#include "decode/proto_osi.h"

#define CLNP_HDR_LEN	9
#define CLNP_SEG_LEN	6
#define CLNP_SEGMENTED	0x80
#define CLNP_MAX_QUOTES 32

#define CLNP_ER	 1
#define CLNP_ERP 31

#define CLNP_OPT_DISCARD   193
#define CLNP_OPT_QOS	   195
#define CLNP_OPT_SECURITY  197
#define CLNP_OPT_SRC_ROUTE 200
#define CLNP_OPT_RECORD	   203
#define CLNP_OPT_PADDING   204
#define CLNP_OPT_PRIORITY  205

static const struct msg_tok clnp_pdu_names[] = {
	{ 1, "Error Report" },	 { 29, "MD" }, { 28, "Data" }, { 30, "Echo Request" },
	{ 31, "Echo Response" }, { 0, NULL },
};

static const struct msg_tok clnp_flags[] = {
	{ 0x80, "Segmentation permitted" },
	{ 0x40, "more Segments" },
	{ 0x20, "request Error Report" },
	{ 0, NULL },
};

static const struct msg_tok clnp_option_names[] = {
	{ CLNP_OPT_DISCARD, "Discard Reason" },	  { CLNP_OPT_PRIORITY, "Priority" },
	{ CLNP_OPT_QOS, "QoS Maintenance" },	  { CLNP_OPT_SECURITY, "Security" },
	{ CLNP_OPT_SRC_ROUTE, "Source Routing" }, { CLNP_OPT_RECORD, "Route Recording" },
	{ CLNP_OPT_PADDING, "Padding" },	  { 0, NULL },
};

static const struct msg_tok rfd_classes[] = {
	{ 0x0, "General" },  { 0x8, "Address" },       { 0x9, "Source Routeing" },
	{ 0xa, "Lifetime" }, { 0xb, "PDU Discarded" }, { 0xc, "Reassembly" },
	{ 0, NULL },
};

static const struct msg_tok rfd_general[] = {
	{ 0x0, "Reason not specified" },
	{ 0x1, "Protocol procedure error" },
	{ 0x2, "Incorrect checksum" },
	{ 0x3, "PDU discarded due to congestion" },
	{ 0x4, "Header syntax error (cannot be parsed)" },
	{ 0x5, "Segmentation needed but not permitted" },
	{ 0x6, "Incomplete PDU received" },
	{ 0x7, "Duplicate option" },
	{ 0, NULL },
};

static const struct msg_tok rfd_address[] = {
	{ 0x0, "Destination address unreachable" },
	{ 0x1, "Destination address unknown" },
	{ 0, NULL },
};

static const struct msg_tok rfd_source_routeing[] = {
	{ 0x0, "Unspecified source routeing error" },
	{ 0x1, "Syntax error in source routeing field" },
	{ 0x2, "Unknown address in source routeing field" },
	{ 0x3, "Path not acceptable" },
	{ 0, NULL },
};

static const struct msg_tok rfd_lifetime[] = {
	{ 0x0, "Lifetime expired while data unit in transit" },
	{ 0x1, "Lifetime expired during reassembly" },
	{ 0, NULL },
};

static const struct msg_tok rfd_pdu_discard[] = {
	{ 0x0, "Unsupported option not specified" },
	{ 0x1, "Unsupported protocol version" },
	{ 0x2, "Unsupported security option" },
	{ 0x3, "Unsupported source routeing option" },
	{ 0x4, "Unsupported recording of route option" },
	{ 0, NULL },
};

static const struct msg_tok rfd_reassembly[] = {
	{ 0x0, "Reassembly interference" },
	{ 0, NULL },
};

/* The reasons of each of the 16 error classes, by class. */
static const struct msg_tok *const rfd_reasons[16] = {
	[0x0] = rfd_general,  [0x8] = rfd_address,     [0x9] = rfd_source_routeing,
	[0xa] = rfd_lifetime, [0xb] = rfd_pdu_discard, [0xc] = rfd_reassembly,
};

static const struct msg_tok clnp_scopes[] = {
	{ 0x40, "Source Address Specific" },
	{ 0x80, "Destination Address Specific" },
	{ 0xc0, "Globally unique" },
	{ 0, NULL },
};

static const struct msg_tok sr_rr_kinds[] = {
	{ 0x0, "partial" },
	{ 0x1, "complete" },
	{ 0, NULL },
};

static const struct msg_tok sr_rr_names[] = {
	{ CLNP_OPT_SRC_ROUTE, "source routing" },
	{ CLNP_OPT_RECORD, "recording of route in progress" },
	{ 0, NULL },
};

static const struct msg_tok qos_global_flags[] = {
	{ 0x20, "reserved" },
	{ 0x10, "sequencing vs. delay" },
	{ 0x08, "congested" },
	{ 0x04, "delay vs. cost" },
	{ 0x02, "error vs. delay" },
	{ 0x01, "error vs. cost" },
	{ 0, NULL },
};

/* Source routing and route recording: the NSAPs listed from the offset the option names. */
static void put_route(struct osi *s, size_t t, unsigned tlen, unsigned op)
{
	unsigned nsap_off;

	msg_tok_put(s->b, sr_rr_kinds, "Unknown", osi_u8(s, t));
	pbuf_putc(s->b, ' ');
	msg_tok_put(s->b, sr_rr_names, "Unknown Option %u", op);
	nsap_off = osi_u8(s, t + 1);
	if (nsap_off == 0) {
		pbuf_puts(s->b, " Bad NSAP offset (0)");
		return;
	}
	nsap_off--;
	if (nsap_off > tlen) {
		pbuf_puts(s->b, " Bad NSAP offset (past end of option)");
		return;
	}
	t += nsap_off;
	tlen -= nsap_off;
	while (tlen > 0) {
		unsigned alen = osi_u8(s, t);

		if (tlen < alen + 1) {
			pbuf_puts(s->b, "\n\t    NSAP address goes past end of option");
			return;
		}
		if (alen > 0) {
			osi_need(s, t + 1, alen);
			msg_printf(s->b, "\n\t    NSAP address (length %u): ", alen);
			osi_put_nsap(s, t + 1, alen);
		}
		/* tcpdump never moves on to the next address: it prints the first again */
		tlen -= alen + 1;
	}
}

/* One option's value; false where tcpdump gives up on the PDU (", bad opt len"). */
static bool put_option(struct osi *s, size_t t, unsigned op, unsigned tlen)
{
	uint8_t v;

	switch (op) {
	case CLNP_OPT_RECORD:
	case CLNP_OPT_SRC_ROUTE:
		if (tlen < 2)
			break;
		put_route(s, t, tlen, op);
		return true;
	case CLNP_OPT_PRIORITY:
		if (tlen < 1)
			break;
		msg_printf(s->b, "0x%1x", osi_u8(s, t) & 0x0f);
		return true;
	case CLNP_OPT_QOS:
		if (tlen < 1)
			break;
		v = osi_u8(s, t);
		pbuf_puts(s->b, "\n\t    Format Code: ");
		msg_tok_put(s->b, clnp_scopes, "Reserved", v & 0xc0);
		if ((v & 0xc0) == 0xc0) {
			pbuf_puts(s->b, "\n\t    QoS Flags [");
			msg_bits_put(s->b, qos_global_flags, "none", v & 0x3f, ", ");
			pbuf_putc(s->b, ']');
		}
		return true;
	case CLNP_OPT_SECURITY:
		if (tlen < 2)
			break;
		v = osi_u8(s, t);
		pbuf_puts(s->b, "\n\t    Format Code: ");
		msg_tok_put(s->b, clnp_scopes, "Reserved", v & 0xc0);
		msg_printf(s->b, ", Security-Level %u", osi_u8(s, t + 1));
		return true;
	case CLNP_OPT_DISCARD: {
		unsigned major, minor;
		const struct msg_tok *reasons;

		if (tlen < 1)
			break;
		v = osi_u8(s, t);
		major = v >> 4;
		minor = v & 0x0f;
		reasons = rfd_reasons[major];
		pbuf_puts(s->b, "\n\t    Class: ");
		msg_tok_put(s->b, rfd_classes, "Unknown", major);
		msg_printf(s->b, " Error (0x%01x), ", major);
		if (reasons)
			msg_tok_put(s->b, reasons, "Unknown", minor);
		else
			pbuf_puts(s->b, "Unknown");
		msg_printf(s->b, " (0x%01x)", minor);
		return true;
	}
	case CLNP_OPT_PADDING:
		pbuf_puts(s->b, "padding data");
		return true;
	default:
		osi_unknown(s, t, "\n\t  ", tlen);
		return true;
	}
	pbuf_puts(s->b, ", bad opt len");
	return false;
}

/* Up to the options: false after one of tcpdump's complaints about the length indicator. */
static bool check_header(struct osi *s, size_t off, uint32_t length, unsigned li)
{
	if (osi_u8(s, off + 2) != 1) {
		msg_printf(s->b, "version %u packet not supported", osi_u8(s, off + 2));
		return false;
	}
	if (li > length) {
		msg_printf(s->b, " length indicator(%u) > PDU size (%u)!", li, length);
		return false;
	}
	if (li < CLNP_HDR_LEN) {
		msg_printf(s->b, " length indicator %u < min PDU size:", li);
		for (size_t i = off; i < s->g.cap; i++)
			msg_printf(s->b, "%02X", s->g.p[i]);
		return false;
	}
	return true;
}

bool osi_clnp_print(struct osi *s, size_t off, uint32_t length)
{
	static const char few[] = "li < size of fixed part of CLNP header and addresses";
	unsigned li, rest, type, flags, dlen, slen;
	size_t p = off + CLNP_HDR_LEN, dst, src;

	s->proto = "clnp";
	osi_need(s, off, CLNP_HDR_LEN);
	li = osi_u8(s, off + 1);
	if (!s->e)
		pbuf_puts(s->b, "CLNP");
	if (!check_header(s, off, length, li))
		return false;
	type = osi_u8(s, off + 4) & 0x1f;
	flags = osi_u8(s, off + 4) & 0xe0;
	rest = li - CLNP_HDR_LEN;
	if (rest < 1) {
		pbuf_puts(s->b, few);
		return false;
	}
	dlen = osi_u8(s, p);
	p++;
	rest--;
	if (rest < dlen) {
		pbuf_puts(s->b, few);
		return false;
	}
	osi_need(s, p, dlen);
	dst = p;
	p += dlen;
	rest -= dlen;
	if (rest < 1) {
		pbuf_puts(s->b, few);
		return false;
	}
	slen = osi_u8(s, p);
	p++;
	rest--;
	if (rest < slen) {
		pbuf_puts(s->b, few);
		return false;
	}
	osi_need(s, p, slen);
	src = p;
	p += slen;
	rest -= slen;
	if (!s->v) {
		pbuf_puts(s->b, s->e ? "" : ", ");
		osi_put_nsap(s, src, slen);
		pbuf_puts(s->b, " > ");
		osi_put_nsap(s, dst, dlen);
		pbuf_puts(s->b, ", ");
		msg_tok_put(s->b, clnp_pdu_names, "unknown (%u)", type);
		msg_printf(s->b, ", length %u", length);
		return true;
	}
	msg_printf(s->b, "%slength %u\n\t", s->e ? "" : ", ", length);
	msg_tok_put(s->b, clnp_pdu_names, "unknown (%u)", type);
	msg_printf(
		s->b,
		" PDU, hlen: %u, v: %u, lifetime: %u.%us, Segment PDU length: %u, checksum: 0x%04x",
		li, osi_u8(s, off + 2), osi_u8(s, off + 3) / 2, osi_u8(s, off + 3) % 2 * 5,
		osi_u16(s, off + 5), osi_u16(s, off + 7));
	osi_put_cksum(s, off, osi_u16(s, off + 7), 7, li);
	pbuf_puts(s->b, "\n\tFlags [");
	msg_bits_put(s->b, clnp_flags, "none", flags, ", ");
	msg_printf(s->b, "]\n\tsource address (length %u): ", slen);
	osi_put_nsap(s, src, slen);
	msg_printf(s->b, "\n\tdest   address (length %u): ", dlen);
	osi_put_nsap(s, dst, dlen);
	if (flags & CLNP_SEGMENTED) {
		if (rest < CLNP_SEG_LEN) {
			pbuf_puts(
				s->b,
				"li < size of fixed part of CLNP header, addresses, and segment part");
			return false;
		}
		osi_need(s, p, CLNP_SEG_LEN);
		msg_printf(s->b,
			   "\n\tData Unit ID: 0x%04x, Segment Offset: %u, Total PDU Length: %u",
			   osi_u16(s, p), osi_u16(s, p + 2), osi_u16(s, p + 4));
		p += CLNP_SEG_LEN;
		rest -= CLNP_SEG_LEN;
	}
	while (rest != 0) {
		unsigned op, opli;

		if (rest < 2) {
			pbuf_puts(s->b, ", bad opts/li");
			return false;
		}
		op = osi_u8(s, p);
		opli = osi_u8(s, p + 1);
		p += 2;
		rest -= 2;
		if (opli > rest) {
			msg_printf(s->b, ", opt (%u) too long", op);
			return false;
		}
		osi_need(s, p, opli);
		rest -= opli;
		pbuf_puts(s->b, "\n\t  ");
		msg_tok_put(s->b, clnp_option_names, "Unknown", op);
		msg_printf(s->b, " Option #%u, length %u, value: ", op, opli);
		if (!put_option(s, p, op, opli))
			return false;
		if (s->v > 1)
			osi_unknown(s, p, "\n\t  ", opli);
		p += opli;
	}
	/*
	 * An error report quotes the PDU it is about.  tcpdump recurses
	 * without a bound; past CLNP_MAX_QUOTES (a crafted chain, which a
	 * jumbo frame could make thousands deep) the quote is dumped instead.
	 */
	if ((type == CLNP_ER || type == CLNP_ERP) && osi_u8(s, p) == OSI_NLPID_CLNP &&
	    s->depth < CLNP_MAX_QUOTES) {
		pbuf_puts(s->b, "\n\t-----original packet-----\n\t");
		s->depth++;
		osi_clnp_print(s, p, length - li);
		s->depth--;
		return true;
	}
	if (length > p - off) {
		msg_printf(s->b, "\n\t  undecoded non-header data, length %u", length - li);
		osi_unknown(s, p, "\n\t  ", length - (p - off));
	}
	return true;
}
