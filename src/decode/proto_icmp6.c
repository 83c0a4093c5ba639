/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6.c: ICMPv6 (RFC 4443), neighbor discovery (RFC 4861), MLD: dissector and printer. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/proto.h"

#define ICMP6_HDR_LEN	  8
#define ICMP6_QUOTE_MIN	  40 /* an error quotes at least the offending IPv6 header */
#define ND_OPT_LLADDR_LEN 1  /* in 8-byte units: an Ethernet address option */

enum {
	ICMP6_DST_UNREACH = 1,
	ICMP6_PACKET_TOO_BIG = 2,
	ICMP6_TIME_EXCEEDED = 3,
	ICMP6_PARAM_PROB = 4,
	ICMP6_ECHO_REQUEST = 128,
	ICMP6_ECHO_REPLY = 129,
	MLD_LISTENER_QUERY = 130,
	MLD_LISTENER_REPORT = 131,
	MLD_LISTENER_DONE = 132,
	ND_ROUTER_SOLICIT = 133,
	ND_ROUTER_ADVERT = 134,
	ND_NEIGHBOR_SOLICIT = 135,
	ND_NEIGHBOR_ADVERT = 136,
	ND_REDIRECT = 137,
};

enum {
	ND_OPT_SOURCE_LINKADDR = 1,
	ND_OPT_TARGET_LINKADDR = 2,
};

/*
 * Neighbor discovery options (RFC 4861 4.6), type-length-value with the
 * length in 8-byte units.  Those past the capture are left unread.
 */
static int icmp6_nd_options(struct pkt_cursor *c, struct pkt_icmp6 *ic)
{
	while (pkt_wire_left(c)) {
		struct pkt_cursor o;
		uint8_t type, len;

		if (pkt_wire_left(c) < 2)
			return PKT_REASON_OPTION;
		if (!pkt_get_u8(c, &type) || !pkt_get_u8(c, &len))
			break;
		if (len == 0 || !pkt_sub(c, (size_t)len * 8 - 2, &o))
			return PKT_REASON_OPTION;
		if (len != ND_OPT_LLADDR_LEN)
			continue;
		if (type == ND_OPT_SOURCE_LINKADDR && pkt_copy(&o, ic->sll, sizeof(ic->sll)))
			ic->has_sll = true;
		else if (type == ND_OPT_TARGET_LINKADDR && pkt_copy(&o, ic->tll, sizeof(ic->tll)))
			ic->has_tll = true;
	}
	return PKT_REASON_NONE;
}

/* The fixed part after the first word, by type; ND options may follow it. */
static int icmp6_body(struct pkt_cursor *c, struct pkt_meta *m, struct pkt_icmp6 *ic)
{
	struct pkt_cursor q;
	int why;

	switch (ic->type) {
	case ICMP6_DST_UNREACH:
	case ICMP6_PACKET_TOO_BIG:
	case ICMP6_TIME_EXCEEDED:
	case ICMP6_PARAM_PROB:
		q = *c;
		proto_ipv6_quote(&q, &ic->quote);
		if (!ic->quote.family)
			return proto_short(m, ICMP6_HDR_LEN + ICMP6_QUOTE_MIN);
		return PKT_PROTO_NONE;
	case MLD_LISTENER_QUERY:
	case MLD_LISTENER_REPORT:
	case MLD_LISTENER_DONE:
		if (!pkt_copy(c, ic->target, sizeof(ic->target)))
			return proto_short(m, ICMP6_HDR_LEN + sizeof(ic->target));
		ic->has_target = true;
		return PKT_PROTO_NONE;
	case ND_ROUTER_SOLICIT:
		break;
	case ND_ROUTER_ADVERT:
		/* reachable time, retransmit timer */
		if (!pkt_skip(c, 8))
			return proto_short(m, ICMP6_HDR_LEN + 8);
		break;
	case ND_NEIGHBOR_SOLICIT:
	case ND_NEIGHBOR_ADVERT:
		if (!pkt_copy(c, ic->target, sizeof(ic->target)))
			return proto_short(m, ICMP6_HDR_LEN + sizeof(ic->target));
		ic->has_target = true;
		break;
	case ND_REDIRECT:
		if (!pkt_copy(c, ic->target, sizeof(ic->target)) ||
		    !pkt_copy(c, ic->dst, sizeof(ic->dst)))
			return proto_short(m, ICMP6_HDR_LEN + 2 * sizeof(ic->target));
		ic->has_target = true;
		ic->has_dst = true;
		break;
	default:
		return PKT_PROTO_NONE;
	}
	why = icmp6_nd_options(c, ic);
	if (why != PKT_REASON_NONE)
		return proto_invalid(m, why);
	return PKT_PROTO_NONE;
}

/*
 * The messages whose body the printer reads for tcpdump's detail: all but
 * echo and the errors, which have fields of their own.
 */
static bool icmp6_keeps_data(uint8_t type)
{
	return type > ICMP6_PARAM_PROB && type != ICMP6_ECHO_REQUEST && type != ICMP6_ECHO_REPLY;
}

/*
 * RFC 4443 section 2.1; the second word is the identifier and sequence
 * number (echo), the MTU (packet too big) or the pointer (parameter problem).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Type-specific word                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   ND: target address (16 bytes), then options; errors: as    |
 * +   much of the invoking packet as fits the minimum MTU         +
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_icmp6_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	const uint8_t *start = c->p;
	struct pkt_icmp6 *ic = &l->icmp6;

	l->trans = PKT_PROTO_ICMP6;
	/* data is filled only as far as data_len says: clearing it would cost every packet */
	memset(ic, 0, offsetof(struct pkt_icmp6, data));
	ic->len = (uint32_t)pkt_wire_left(c);
	if (!pkt_get_u8(c, &ic->type) || !pkt_get_u8(c, &ic->code) || !pkt_get_be16(c, &ic->csum) ||
	    !pkt_get_be32(c, &ic->rest))
		return proto_short(m, ICMP6_HDR_LEN);
	ic->id = ic->rest >> 16;
	ic->seq = ic->rest & 0xffff;
	if (icmp6_keeps_data(ic->type)) {
		size_t n = pkt_left(c) < sizeof(ic->data) ? pkt_left(c) : sizeof(ic->data);

		memcpy(ic->data, c->p, n);
		ic->data_len = (uint16_t)n;
	}
	/* the message runs to the end of the IP payload, which c ends at */
	l4csum_verify(m, start, c, PROTO_IP_ICMPV6, 2);
	return icmp6_body(c, m, ic);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* tcpdump's icmp6_type_values */
static const char *icmp6_name(uint8_t type)
{
	static const char *const low[] = {
		[1] = "destination unreachable",
		[2] = "packet too big",
		[3] = "time exceeded in-transit",
		[4] = "parameter problem",
	};
	static const char *const high[] = {
		"echo request",
		"echo reply",
		"multicast listener query",
		"multicast listener report",
		"multicast listener done",
		"router solicitation",
		"router advertisement",
		"neighbor solicitation",
		"neighbor advertisement",
		"redirect",
		"router renumbering",
		"who-are-you request",
		"who-are-you reply",
		"inverse neighbor solicitation",
		"inverse neighbor advertisement",
		"multicast listener report v2",
		"ha discovery request",
		"ha discovery reply",
		"mobile router solicitation",
		"mobile router advertisement",
	};

	if (type < sizeof(low) / sizeof(low[0]))
		return low[type];
	if (type >= 128 && type - 128u < sizeof(high) / sizeof(high[0]))
		return high[type - 128];
	if (type == 155)
		return "RPL";
	if (type == 200)
		return "mtrace response";
	if (type == 201)
		return "mtrace";
	return NULL;
}

/* The message as the printer sees it: its first 8 bytes, then data as captured. */
struct icmp6_msg {
	const struct pkt_icmp6 *ic;
	uint8_t head[8];
};

static void icmp6_msg_init(struct icmp6_msg *g, const struct pkt_icmp6 *ic)
{
	g->ic = ic;
	g->head[0] = ic->type;
	g->head[1] = ic->code;
	g->head[2] = (uint8_t)(ic->csum >> 8);
	g->head[3] = (uint8_t)ic->csum;
	g->head[4] = (uint8_t)(ic->rest >> 24);
	g->head[5] = (uint8_t)(ic->rest >> 16);
	g->head[6] = (uint8_t)(ic->rest >> 8);
	g->head[7] = (uint8_t)ic->rest;
}

/* The n bytes at message offset off, or NULL when they were not captured (or kept). */
static const uint8_t *icmp6_at(const struct icmp6_msg *g, size_t off, size_t n)
{
	if (off + n <= 8)
		return g->head + off;
	if (off < 8 || off - 8 + n > g->ic->data_len)
		return NULL;
	return g->ic->data + off - 8;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/*
 * tcpdump's hex_print: 16 bytes a line, each starting with indent and the
 * offset; false when the capture ends first (the caller prints "[|icmp6]").
 */
static bool icmp6_hex(struct pbuf *b, const struct icmp6_msg *g, size_t off, size_t n,
		      const char *indent)
{
	for (size_t i = 0; i < n; i += 2) {
		const uint8_t *p = icmp6_at(g, off + i, n - i >= 2 ? 2 : 1);

		if (i % 16 == 0) {
			pbuf_puts(b, indent);
			pbuf_puts(b, "0x");
			pbuf_hex(b, (uint32_t)i, 4);
			pbuf_puts(b, ": ");
		}
		if (!p)
			return false;
		pbuf_putc(b, ' ');
		pbuf_hex(b, p[0], 2);
		if (n - i >= 2)
			pbuf_hex(b, p[1], 2);
	}
	return true;
}

static bool icmp6_trunc(struct line *x)
{
	pbuf_putc(&x->b, ' ');
	return line_trunc(x, "icmp6");
}

/* bittok2str: the names of the bits set, ", " between them, or "none". */
static void icmp6_bits(struct pbuf *b, uint32_t v, const uint32_t *bits, const char *const *names,
		       unsigned n)
{
	bool any = false;

	for (unsigned i = 0; i < n; i++) {
		if (!(v & bits[i]))
			continue;
		if (any)
			pbuf_puts(b, ", ");
		pbuf_puts(b, names[i]);
		any = true;
	}
	if (!any)
		pbuf_puts(b, "none");
}

static void icmp6_lifetime(struct pbuf *b, uint32_t v)
{
	if (v == 0xffffffff) {
		pbuf_puts(b, "infinity");
		return;
	}
	pbuf_u32(b, v);
	pbuf_putc(b, 's');
}

static const char *icmp6_rtpref(uint8_t flags)
{
	static const char *const pref[] = { "medium", "high", "rsv", "low" };

	return pref[(flags & 0x18) >> 3];
}

static const char *icmp6_opt_name(uint8_t type)
{
	switch (type) {
	case 1:
		return "source link-address";
	case 2:
		return "destination link-address";
	case 3:
		return "prefix info";
	case 4:
		return "redirected header";
	case 5:
		return "mtu";
	case 7:
		return "advertisement interval";
	case 8:
		return "homeagent information";
	case 24:
		return "route info";
	case 25:
		return "rdnss";
	case 31:
		return "dnssl";
	default:
		return "unknown";
	}
}

/* A byte of a name as tcpdump's fn_print_char: "M-" past ASCII, "^X" for a control. */
static void icmp6_char(struct pbuf *b, uint8_t c)
{
	if (c & 0x80) {
		c &= 0x7f;
		pbuf_puts(b, "M-");
	}
	if (c < 0x20 || c == 0x7f) {
		c ^= 0x40;
		pbuf_putc(b, '^');
	}
	pbuf_putc(b, (char)c);
}

/* RFC 1035 labels as tcpdump's fqdn_print writes them ("example.com."); next offset or 0. */
/* A name may run past its option, as in tcpdump, to the end of what was captured. */
static size_t icmp6_fqdn(struct pbuf *b, const struct icmp6_msg *g, size_t off)
{
	for (;;) {
		const uint8_t *p = icmp6_at(g, off, 1);

		if (!p || *p > 63)
			return 0;
		if (!*p)
			return off + 1;
		for (size_t i = 1; i <= *p; i++) {
			const uint8_t *ch = icmp6_at(g, off + i, 1);

			if (!ch)
				return 0;
			icmp6_char(b, *ch);
		}
		pbuf_putc(b, '.');
		off += 1 + (size_t)*p;
	}
}

/* One option's value after "NAME option (T), length L (N): "; false when cut short. */
static bool icmp6_opt_value(struct line *x, const struct icmp6_msg *g, size_t first, size_t off,
			    uint8_t type, size_t len)
{
	static const uint32_t pi_bits[] = { 0x80, 0x40, 0x20 };
	static const char *const pi_names[] = { "onlink", "auto", "router" };
	struct pbuf *b = &x->b;
	const uint8_t *p;
	uint8_t in6[16] = { 0 };

	switch (type) {
	case 1:
	case 2:
		for (size_t i = 2; i < len; i++) {
			if (!(p = icmp6_at(g, off + i, 1)))
				return false;
			if (i > 2)
				pbuf_putc(b, ':');
			pbuf_hex(b, *p, 2);
		}
		return true;
	case 3:
		if (!(p = icmp6_at(g, off, 32)))
			return false;
		pbuf_ip6(b, p + 16);
		pbuf_putc(b, '/');
		pbuf_u32(b, p[2]);
		if (len != 32)
			pbuf_puts(b, "badlen");
		pbuf_puts(b, ", Flags [");
		icmp6_bits(b, p[3], pi_bits, pi_names, 3);
		pbuf_puts(b, "], valid time ");
		icmp6_lifetime(b, be32(p + 4));
		pbuf_puts(b, ", pref. time ");
		icmp6_lifetime(b, be32(p + 8));
		return true;
	case 4:
		/* tcpdump dumps this option's length from the first option on */
		return icmp6_hex(b, g, first, len, "\n\t    ");
	case 5:
		if (!(p = icmp6_at(g, off, 8)))
			return false;
		pbuf_putc(b, ' ');
		pbuf_u32(b, be32(p + 4));
		if (len != 8)
			pbuf_puts(b, "bad option length");
		return true;
	case 7:
		if (!(p = icmp6_at(g, off, 8)))
			return false;
		pbuf_putc(b, ' ');
		pbuf_u32(b, be32(p + 4));
		pbuf_puts(b, "ms");
		return true;
	case 8:
		if (!(p = icmp6_at(g, off, 8)))
			return false;
		pbuf_puts(b, " preference ");
		pbuf_u32(b, be16(p + 4));
		pbuf_puts(b, ", lifetime ");
		pbuf_u32(b, be16(p + 6));
		return true;
	case 24:
		if (!(p = icmp6_at(g, off, 8)) || len > 24 || !icmp6_at(g, off, len))
			return false;
		if (len > 8)
			memcpy(in6, icmp6_at(g, off + 8, len - 8), len - 8);
		pbuf_putc(b, ' ');
		pbuf_ip6(b, in6);
		pbuf_putc(b, '/');
		pbuf_u32(b, p[2]);
		pbuf_puts(b, ", pref=");
		pbuf_puts(b, icmp6_rtpref(p[3]));
		pbuf_puts(b, ", lifetime=");
		icmp6_lifetime(b, be32(p + 4));
		return true;
	case 25:
		if (!(p = icmp6_at(g, off, 8)))
			return false;
		pbuf_puts(b, " lifetime ");
		pbuf_u32(b, be32(p + 4));
		pbuf_puts(b, "s,");
		for (size_t i = 0; i < (len / 8 - 1) / 2; i++) {
			if (!(p = icmp6_at(g, off + 8 + 16 * i, 16)))
				return false;
			pbuf_puts(b, " addr: ");
			pbuf_ip6(b, p);
		}
		return true;
	case 31: {
		size_t d = off + 8;

		if (!(p = icmp6_at(g, off, 8)))
			return false;
		pbuf_puts(b, " lifetime ");
		pbuf_u32(b, be32(p + 4));
		pbuf_puts(b, "s, domain(s):");
		while (d < off + len) {
			if (!(p = icmp6_at(g, d, 1)))
				return false;
			if (!*p)
				break;
			pbuf_putc(b, ' ');
			if (!(d = icmp6_fqdn(b, g, d)))
				return false;
		}
		return true;
	}
	default:
		return true;
	}
}

/*
 * ND options with -v as tcpdump's icmp6_opt_print: one line each, and with
 * -vv the option's bytes in hex.  off is where they start in the message.
 */
static bool icmp6_opts(struct line *x, const struct icmp6_msg *g, size_t off)
{
	const struct pkt_icmp6 *ic = g->ic;
	size_t end = 8 + (size_t)ic->data_len; /* captured, within the message */
	size_t first = off;
	struct pbuf *b = &x->b;

	if (end > ic->len)
		end = ic->len;
	while (off < end) {
		const uint8_t *p = icmp6_at(g, off, 2);
		size_t len;

		if (!p)
			return false;
		len = (size_t)p[1] * 8;
		if (!len || off + len > end)
			return false;
		pbuf_puts(b, "\n\t  ");
		pbuf_puts(b, icmp6_opt_name(p[0]));
		pbuf_puts(b, " option (");
		pbuf_u32(b, p[0]);
		pbuf_puts(b, "), length ");
		pbuf_u32(b, (uint32_t)len);
		pbuf_puts(b, " (");
		pbuf_u32(b, p[1]);
		pbuf_puts(b, "): ");
		if (!icmp6_opt_value(x, g, first, off, p[0], len))
			return false;
		if (x->o->verbosity > 1) {
			if (!icmp6_hex(b, g, off + 2, len - 2, "\n\t    "))
				return false;
		} else if (!strcmp(icmp6_opt_name(p[0]), "unknown")) {
			/* tcpdump -v dumps an unknown option, then stops */
			return icmp6_hex(b, g, off + 2, len - 2, "\n\t  ");
		}
		off += len;
	}
	return true;
}

static void icmp6_unreach(struct pbuf *b, const struct pkt_icmp6 *ic)
{
	static const char *const fmt[] = {
		[0] = "unreachable route %",
		[1] = "unreachable prohibited %",
		[3] = "unreachable address %",
	};
	const struct pkt_quote *q = &ic->quote;

	switch (ic->code) {
	case 0:
	case 1:
	case 3:
		line_quote_fmt(b, fmt[ic->code], q);
		break;
	case 2:
		line_quote_fmt(b, "beyond scope %, source address ", q);
		line_quote_addr(b, q, q->src);
		break;
	case 4:
		line_quote_fmt(b, "unreachable port, % ", q);
		line_quote_port(b, q);
		break;
	default:
		pbuf_puts(b, "unknown unreach code (");
		pbuf_u32(b, ic->code);
		pbuf_putc(b, ')');
		break;
	}
}

static bool icmp6_mld_query_v2(struct line *x, const struct icmp6_msg *g)
{
	const struct pkt_icmp6 *ic = g->ic;
	struct pbuf *b = &x->b;
	const uint8_t *p;
	uint32_t mrt = ic->id, qqi;
	uint16_t nsrcs;

	pbuf_puts(b, " v2");
	if (mrt >= 32768)
		mrt = ((mrt & 0x0fff) | 0x1000) << (((mrt & 0x7000) >> 12) + 3);
	if (x->o->verbose) {
		pbuf_puts(b, " [max resp delay=");
		pbuf_u32(b, mrt);
		pbuf_putc(b, ']');
	}
	if (!(p = icmp6_at(g, 8, 16)))
		return false;
	pbuf_puts(b, " [gaddr ");
	pbuf_ip6(b, p);
	if (!(p = icmp6_at(g, 24, 4)))
		return false;
	if (x->o->verbose) {
		if (p[0] & 0x08)
			pbuf_puts(b, " sflag");
		if (p[0] & 0x07) {
			pbuf_puts(b, " robustness=");
			pbuf_u32(b, p[0] & 0x07);
		}
		qqi = p[1] < 128 ? p[1] : ((p[1] & 0x0fu) | 0x10) << (((p[1] & 0x70) >> 4) + 3);
		pbuf_puts(b, " qqi=");
		pbuf_u32(b, qqi);
	}
	nsrcs = be16(p + 2);
	if (nsrcs) {
		if (ic->len < 28 + (uint32_t)nsrcs * 16) {
			pbuf_puts(b, " [invalid number of sources]");
		} else if (x->o->verbosity > 1) {
			pbuf_puts(b, " {");
			for (unsigned i = 0; i < nsrcs; i++) {
				if (!(p = icmp6_at(g, 28 + 16 * (size_t)i, 16)))
					return false;
				pbuf_putc(b, ' ');
				pbuf_ip6(b, p);
			}
			pbuf_puts(b, " }");
		} else {
			pbuf_puts(b, ", ");
			pbuf_u32(b, nsrcs);
			pbuf_puts(b, " source(s)");
		}
	}
	pbuf_putc(b, ']');
	return true;
}

static bool icmp6_mld_report_v2(struct line *x, const struct icmp6_msg *g)
{
	static const char *const rec[] = { NULL,    "is_in", "is_ex", "to_in",
					   "to_ex", "allow", "block" };
	const struct pkt_icmp6 *ic = g->ic;
	struct pbuf *b = &x->b;
	uint32_t group = 8;

	pbuf_puts(b, ", ");
	pbuf_u32(b, ic->seq);
	pbuf_puts(b, " group record(s)");
	if (!x->o->verbose)
		return true;
	for (unsigned i = 0; i < ic->seq; i++) {
		const uint8_t *p;
		uint16_t nsrcs;

		if (ic->len < group + 20) {
			pbuf_puts(b, " [invalid number of groups]");
			return true;
		}
		if (!(p = icmp6_at(g, group, 20)))
			return false;
		pbuf_puts(b, " [gaddr ");
		pbuf_ip6(b, p + 4);
		pbuf_putc(b, ' ');
		if (p[0] >= 1 && p[0] <= 6) {
			pbuf_puts(b, rec[p[0]]);
		} else {
			pbuf_puts(b, " [v2-report-#");
			pbuf_u32(b, p[0]);
			pbuf_putc(b, ']');
		}
		nsrcs = be16(p + 2);
		if (ic->len < group + 20 + (uint32_t)nsrcs * 16) {
			pbuf_puts(b, " [invalid number of sources ");
			pbuf_u32(b, nsrcs);
			pbuf_putc(b, ']');
			return true;
		}
		if (x->o->verbosity <= 1) {
			pbuf_puts(b, ", ");
			pbuf_u32(b, nsrcs);
			pbuf_puts(b, " source(s)");
		} else {
			pbuf_puts(b, " {");
			for (unsigned j = 0; j < nsrcs; j++) {
				if (!(p = icmp6_at(g, group + 20 + 16 * (size_t)j, 16)))
					return false;
				pbuf_putc(b, ' ');
				pbuf_ip6(b, p);
			}
			pbuf_puts(b, " }");
		}
		group += 20 + (uint32_t)nsrcs * 16;
		pbuf_putc(b, ']');
	}
	return true;
}

/* MLDv1 (RFC 2710): "max resp delay: N addr: GROUP"; nothing when not all captured. */
static void icmp6_mld(struct pbuf *b, const struct icmp6_msg *g)
{
	const uint8_t *p = icmp6_at(g, 8, 16);

	if (!p)
		return;
	pbuf_puts(b, "max resp delay: "); /* right after the name, as tcpdump */
	pbuf_u32(b, g->ic->id);
	pbuf_puts(b, " addr: ");
	pbuf_ip6(b, p);
}

/* tcpdump's dnsname_print: a name in a node information message, no compression. */
static void icmp6_ni_name(struct pbuf *b, const struct icmp6_msg *g, size_t cp, size_t ep)
{
	pbuf_puts(b, ", \"");
	while (cp < ep) {
		unsigned n = *icmp6_at(g, cp++, 1);

		if (n) {
			if (n > ep - cp) {
				pbuf_puts(b, "???");
				break;
			}
			while (n-- && cp < ep)
				icmp6_char(b, *icmp6_at(g, cp++, 1));
			if (cp + 1 < ep && *icmp6_at(g, cp, 1))
				pbuf_putc(b, '.');
		} else {
			if (cp == ep)
				pbuf_putc(b, '.');
			else if (!(cp + 1 == ep && !*icmp6_at(g, cp, 1)))
				pbuf_puts(b, "???");
			break;
		}
	}
	pbuf_putc(b, '"');
}

/* A name that is a length-prefixed string (icmp-name-lookup-03), or labels. */
static void icmp6_ni_subject(struct line *x, const struct icmp6_msg *g, size_t cp, size_t ep)
{
	const uint8_t *p = icmp6_at(g, cp, 1);

	if (p && *p == ep - cp - 1) {
		if (x->o->verbose)
			pbuf_puts(&x->b, ", 03 draft");
		pbuf_puts(&x->b, ", \"");
		for (cp++; cp < ep; cp++)
			icmp6_char(&x->b, *icmp6_at(g, cp, 1));
		pbuf_putc(&x->b, '"');
	} else {
		icmp6_ni_name(&x->b, g, cp, ep);
	}
}

/* Node address flags (RFC 4620 4.1); the T flag only in a reply. */
static void icmp6_ni_flags(struct pbuf *b, uint16_t f, bool reply)
{
	static const uint16_t bit[] = { 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01 };
	static const char name[] = "aGSLCAT";

	if (!f)
		return;
	pbuf_puts(b, " [");
	for (unsigned i = 0; i < (reply ? 7u : 6u); i++)
		if (f & bit[i])
			pbuf_putc(b, name[i]);
	pbuf_putc(b, ']');
}

/* Node information queries and replies (RFC 4620), as tcpdump's icmp6_nodeinfo_print. */
static bool icmp6_nodeinfo(struct line *x, const struct icmp6_msg *g)
{
	const struct pkt_icmp6 *ic = g->ic;
	size_t siz = 8 + (size_t)ic->data_len, cp = 16;
	struct pbuf *b = &x->b;
	bool comma = false;
	const uint8_t *p;

	if (siz > ic->len)
		siz = ic->len;
	if (ic->type == 139) {
		if (siz == 12) {
			pbuf_puts(b, " who-are-you request");
			return true;
		}
		pbuf_puts(b, " node information query");
		if (siz < 16)
			return false;
		pbuf_puts(b, " (");
		switch (ic->id) {
		case 0:
			pbuf_puts(b, "noop");
			break;
		case 1:
			pbuf_puts(b, "supported qtypes");
			if (ic->seq)
				pbuf_puts(b, ic->seq & 1 ? " [C]" : " []");
			break;
		case 2:
			pbuf_puts(b, "DNS name");
			break;
		case 3:
			pbuf_puts(b, "node addresses");
			icmp6_ni_flags(b, ic->seq, false);
			break;
		default:
			pbuf_puts(b, "unknown");
			break;
		}
		if (ic->id <= 1) {
			if (siz != 16 && x->o->verbose)
				pbuf_puts(b, ", invalid len");
		} else if (siz == 16) {
			pbuf_puts(b, ", 03 draft");
		} else if (ic->code == 0 || ic->code == 2) {
			size_t alen = ic->code ? 4 : 16;

			if (!(p = icmp6_at(g, cp, alen))) {
				/* tcpdump says nothing of a subject not all captured */
			} else if (siz != 16 + alen) {
				if (x->o->verbose)
					pbuf_puts(b, ", invalid subject len");
			} else {
				pbuf_puts(b, ", subject=");
				if (alen == 4)
					pbuf_ip4(b, p);
				else
					pbuf_ip6(b, p);
			}
		} else if (ic->code == 1) {
			pbuf_puts(b, ", subject=DNS name");
			icmp6_ni_subject(x, g, cp, siz);
		} else {
			pbuf_puts(b, ", unknown subject");
		}
		pbuf_putc(b, ')');
		return true;
	}
	if (ic->len > siz || siz < 16)
		return false;
	pbuf_puts(b, " node information reply (");
	if (ic->code == 0 && x->o->verbose) {
		pbuf_puts(b, "success");
		comma = true;
	} else if (ic->code == 1 || ic->code == 2) {
		pbuf_puts(b, ic->code == 1 ? "refused" : "unknown");
		comma = true;
		if (siz != 16 && x->o->verbose)
			pbuf_puts(b, ", invalid length");
	}
	if (ic->code) {
		pbuf_putc(b, ')');
		return true;
	}
	if (comma)
		pbuf_puts(b, ", ");
	switch (ic->id) {
	case 0:
		pbuf_puts(b, "noop");
		if (siz != 16 && x->o->verbose)
			pbuf_puts(b, ", invalid length");
		break;
	case 1:
		pbuf_puts(b, "supported qtypes");
		if (ic->seq)
			pbuf_puts(b, ic->seq & 1 ? " [C]" : " []");
		break;
	case 2:
		pbuf_puts(b, "DNS name");
		if (!icmp6_at(g, cp + 4, 1))
			return false;
		icmp6_ni_subject(x, g, cp + 4, siz);
		if (ic->seq & 1) {
			pbuf_puts(b, " [TTL=");
			pbuf_u32(b, be32(icmp6_at(g, cp, 4)));
			pbuf_putc(b, ']');
		}
		break;
	case 3:
		pbuf_puts(b, "node addresses");
		for (size_t i = 16; i + 20 <= siz; i += 20) {
			p = icmp6_at(g, i, 20);
			pbuf_putc(b, ' ');
			pbuf_ip6(b, p + 4);
			pbuf_putc(b, '(');
			pbuf_u32(b, be32(p));
			pbuf_putc(b, ')');
		}
		icmp6_ni_flags(b, ic->seq, true);
		break;
	default:
		pbuf_puts(b, "unknown");
		break;
	}
	pbuf_putc(b, ')');
	return true;
}

/* What follows "ICMP6, NAME"; false when the capture ended inside the message. */
static bool icmp6_text(struct line *x, const struct icmp6_msg *g)
{
	static const char *const param_code[] = {
		"erroneous",
		"next header",
		"option",
		"incomplete header chain",
	};
	static const uint32_t ra_bits[] = { 0x80, 0x40, 0x20, 0x02 };
	static const char *const ra_names[] = { "managed", "other stateful", "home agent",
						"ipv6 only" };
	static const uint32_t na_bits[] = { 0x80000000, 0x40000000, 0x20000000 };
	static const char *const na_names[] = { "router", "solicited", "override" };
	const struct pkt_icmp6 *ic = g->ic;
	bool v = x->o->verbose;
	struct pbuf *b = &x->b;
	const uint8_t *p;

	switch (ic->type) {
	case 1:
		pbuf_puts(b, ", ");
		icmp6_unreach(b, ic);
		return true;
	case 2:
		pbuf_puts(b, ", mtu ");
		pbuf_u32(b, ic->rest);
		return true;
	case 3:
		if (ic->code == 0) {
			line_quote_fmt(b, " for %", &ic->quote);
		} else if (ic->code == 1) {
			pbuf_puts(b, " (reassembly)");
		} else {
			pbuf_puts(b, ", unknown code (");
			pbuf_u32(b, ic->code);
			pbuf_putc(b, ')');
		}
		return true;
	case 4:
		pbuf_puts(b, ", ");
		if (ic->code < sizeof(param_code) / sizeof(param_code[0])) {
			pbuf_puts(b, param_code[ic->code]);
			pbuf_puts(b, " - octet ");
			pbuf_u32(b, ic->rest);
		} else {
			pbuf_puts(b, "code-#");
			pbuf_u32(b, ic->code);
		}
		return true;
	case 128:
	case 129:
		pbuf_puts(b, ", id ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, ", seq ");
		pbuf_u32(b, ic->seq);
		return true;
	case 130:
		if (ic->len == 24) {
			icmp6_mld(b, g);
		} else if (ic->len >= 28) {
			return icmp6_mld_query_v2(x, g);
		} else {
			pbuf_puts(b, " unknown-version (len ");
			pbuf_u32(b, ic->len);
			pbuf_puts(b, ") ");
		}
		return true;
	case 131:
	case 132:
		icmp6_mld(b, g);
		return true;
	case 133:
		return !v || icmp6_opts(x, g, 8);
	case 134:
		if (!v)
			return true;
		if (!(p = icmp6_at(g, 8, 8)))
			return false;
		pbuf_puts(b, "\n\thop limit ");
		pbuf_u32(b, ic->rest >> 24);
		pbuf_puts(b, ", Flags [");
		icmp6_bits(b, ic->rest >> 16 & 0xff, ra_bits, ra_names, 4);
		pbuf_puts(b, "], pref ");
		pbuf_puts(b, icmp6_rtpref(ic->rest >> 16 & 0xff));
		pbuf_puts(b, ", router lifetime ");
		pbuf_u32(b, ic->rest & 0xffff);
		pbuf_puts(b, "s, reachable time ");
		pbuf_u32(b, be32(p));
		pbuf_puts(b, "ms, retrans timer ");
		pbuf_u32(b, be32(p + 4));
		pbuf_puts(b, "ms");
		return icmp6_opts(x, g, 16);
	case 135:
		pbuf_puts(b, ", who has ");
		pbuf_ip6(b, ic->target);
		return !v || icmp6_opts(x, g, 24);
	case 136:
		pbuf_puts(b, ", tgt is ");
		pbuf_ip6(b, ic->target);
		if (!v)
			return true;
		pbuf_puts(b, ", Flags [");
		icmp6_bits(b, ic->rest, na_bits, na_names, 3);
		pbuf_putc(b, ']');
		return icmp6_opts(x, g, 24);
	case 137:
		pbuf_puts(b, ", ");
		pbuf_ip6(b, ic->dst);
		pbuf_puts(b, " to ");
		pbuf_ip6(b, ic->target);
		return !v || icmp6_opts(x, g, 40);
	case 139:
	case 140:
		/* tcpdump marks a node information message cut short, then goes on */
		if (!icmp6_nodeinfo(x, g)) {
			pbuf_putc(b, ' ');
			line_trunc(x, "icmp6");
		}
		return true;
	case 143:
		return icmp6_mld_report_v2(x, g);
	case 144:
	case 146:
		pbuf_puts(b, ", id 0x");
		pbuf_hex(b, ic->id, 4);
		return true;
	case 145:
		if (!v)
			return true;
		pbuf_puts(b, ", id 0x");
		pbuf_hex(b, ic->id, 4);
		for (size_t off = 8; off < ic->len; off += 16) {
			if (!(p = icmp6_at(g, off, 16)))
				return false;
			pbuf_puts(b, ", ");
			pbuf_ip6(b, p);
		}
		return true;
	case 147:
		if (!v)
			return true;
		pbuf_puts(b, ", id 0x");
		pbuf_hex(b, ic->id, 4);
		if (ic->seq & 0xc000)
			pbuf_putc(b, ' ');
		if (ic->seq & 0x8000)
			pbuf_putc(b, 'M');
		if (ic->seq & 0x4000)
			pbuf_putc(b, 'O');
		return icmp6_opts(x, g, 8);
	default:
		return true;
	}
}

/* Types tcpdump decodes no further: the length, and below -vv the message in hex. */
static bool icmp6_unknown(struct line *x, const struct icmp6_msg *g)
{
	pbuf_puts(&x->b, ", length ");
	pbuf_u32(&x->b, g->ic->len);
	if (x->o->verbosity <= 1 && !icmp6_hex(&x->b, g, 0, g->ic->len, "\n\t"))
		return icmp6_trunc(x);
	return true;
}

static bool icmp6_known(uint8_t type)
{
	return (type >= 1 && type <= 4) || (type >= 128 && type <= 147);
}

bool proto_icmp6_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_icmp6 *ic = &line_level(x)->icmp6;
	const char *name = icmp6_name(ic->type);
	struct pbuf *b = &x->b;
	struct icmp6_msg g;
	uint8_t t = ic->type;

	line_addrs(x, false, 0, 0);
	if (!ly->wire_len) {
		pbuf_puts(b, "ICMP6, length 0 (invalid)");
		return true;
	}
	if (ly->truncated || ly->reason == PKT_REASON_SHORT) {
		if (ly->hdr_len) {
			pbuf_puts(b, "ICMP6, ");
			if (name) {
				pbuf_puts(b, name);
				pbuf_putc(b, ' ');
			}
		}
		return line_trunc(x, "icmp6");
	}
	icmp6_msg_init(&g, ic);
	line_csum(x, "icmp6", ic->csum);
	pbuf_puts(b, "ICMP6, ");
	if (t == 1 && ic->code == 4 && !ic->quote.has_ports) {
		pbuf_puts(b, "destination unreachable, unreachable port ");
		return line_trunc(x, "icmp6");
	}
	if (name) {
		pbuf_puts(b, name);
	} else {
		pbuf_puts(b, "unknown icmp6 type (");
		pbuf_u32(b, t);
		pbuf_putc(b, ')');
	}
	if (!icmp6_known(t))
		return icmp6_unknown(x, &g);
	/* tcpdump -v gives the length of these after the name, of none of the others */
	if (x->o->verbose && ((t >= 133 && t <= 137) || t == 145 || t == 147)) {
		pbuf_puts(b, ", length ");
		pbuf_u32(b, ic->len);
	}
	if (!icmp6_text(x, &g))
		return icmp6_trunc(x);
	if (!x->o->verbose) {
		pbuf_puts(b, ", length ");
		pbuf_u32(b, ic->len);
	}
	return true;
}
