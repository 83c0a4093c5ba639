/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6.c: ICMPv6 (RFC 4443), neighbor discovery (RFC 4861), MLD: dissector and printer. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_icmp6_msg.h"
#include "decode/proto_msg.h"

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
	case 138:
		return icmp6_router_renum(x, g);
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
	case 155:
		return icmp6_rpl(x, g);
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
	return (type >= 1 && type <= 4) || (type >= 128 && type <= 147) || type == 155;
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
		if (!ly->hdr_len)
			return line_trunc_sp(x, "icmp6");
		pbuf_puts(b, "ICMP6, ");
		if (name) {
			pbuf_puts(b, name);
			pbuf_putc(b, ' ');
		} else {
			msg_printf(b, "unknown icmp6 type (%u) ", t);
		}
		return line_trunc(x, "icmp6");
	}
	icmp6_msg_init(&g, ic);
	{
		struct msg raw;

		/* A message longer than the dissector keeps is read on from the packet. */
		if (msg_of(&raw, x)) {
			g.raw = raw.p;
			g.raw_cap = raw.cap;
		}
	}
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
