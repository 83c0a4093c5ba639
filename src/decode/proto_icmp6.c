/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6.c: ICMPv6 (RFC 4443), neighbor discovery (RFC 4861), MLD: dissector and printer. */
#include "config.h"

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
	*ic = (struct pkt_icmp6){ 0 };
	if (!pkt_get_u8(c, &ic->type) || !pkt_get_u8(c, &ic->code) || !pkt_get_be16(c, &ic->csum) ||
	    !pkt_get_be32(c, &ic->rest))
		return proto_short(m, ICMP6_HDR_LEN);
	ic->id = ic->rest >> 16;
	ic->seq = ic->rest & 0xffff;
	/* the message runs to the end of the IP payload, which c ends at */
	l4csum_verify(m, start, c, PROTO_IP_ICMPV6, 2);
	return icmp6_body(c, m, ic);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *icmp6_name(uint8_t type)
{
	switch (type) {
	case 1:
		return "destination unreachable";
	case 2:
		return "packet too big";
	case 3:
		return "time exceeded";
	case 4:
		return "parameter problem";
	case 128:
		return "echo request";
	case 129:
		return "echo reply";
	case 130:
		return "multicast listener query";
	case 131:
		return "multicast listener report";
	case 132:
		return "multicast listener done";
	case 133:
		return "router solicitation";
	case 134:
		return "router advertisement";
	case 135:
		return "neighbor solicitation";
	case 136:
		return "neighbor advertisement";
	case 137:
		return "redirect";
	case 143:
		return "multicast listener report v2";
	default:
		return NULL;
	}
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

static void icmp6_text(struct pbuf *b, const struct pkt_icmp6 *ic)
{
	static const char *const param_code[] = {
		"erroneous",
		"next header",
		"option",
		"incomplete header chain",
	};
	const char *name = icmp6_name(ic->type);

	switch (ic->type) {
	case 1:
		pbuf_puts(b, "destination unreachable, ");
		icmp6_unreach(b, ic);
		break;
	case 2:
		pbuf_puts(b, "packet too big, mtu ");
		pbuf_u32(b, ic->rest);
		break;
	case 3:
		if (ic->code == 0) {
			line_quote_fmt(b, "time exceeded in-transit for %", &ic->quote);
		} else if (ic->code == 1) {
			pbuf_puts(b, "time exceeded in-transit (reassembly)");
		} else {
			pbuf_puts(b, "time exceeded in-transit, unknown code (");
			pbuf_u32(b, ic->code);
			pbuf_putc(b, ')');
		}
		break;
	case 4:
		pbuf_puts(b, "parameter problem, ");
		if (ic->code < sizeof(param_code) / sizeof(param_code[0])) {
			pbuf_puts(b, param_code[ic->code]);
		} else {
			pbuf_puts(b, "code-#");
			pbuf_u32(b, ic->code);
		}
		pbuf_puts(b, " - octet ");
		pbuf_u32(b, ic->rest);
		break;
	case 128:
	case 129:
		pbuf_puts(b, name);
		pbuf_puts(b, ", id ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, ", seq ");
		pbuf_u32(b, ic->seq);
		break;
	case 130:
	case 131:
	case 132:
		pbuf_puts(b, name);
		pbuf_puts(b, " max resp delay: ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, " addr: ");
		pbuf_ip6(b, ic->target);
		break;
	case 135:
		pbuf_puts(b, "neighbor solicitation, who has ");
		pbuf_ip6(b, ic->target);
		break;
	case 136:
		pbuf_puts(b, "neighbor advertisement, tgt is ");
		pbuf_ip6(b, ic->target);
		break;
	case 137:
		pbuf_puts(b, "redirect, ");
		pbuf_ip6(b, ic->dst);
		pbuf_puts(b, " to ");
		pbuf_ip6(b, ic->target);
		break;
	case 143:
		pbuf_puts(b, "multicast listener report v2, ");
		pbuf_u32(b, ic->seq);
		pbuf_puts(b, " group record(s)");
		break;
	default:
		if (name) {
			pbuf_puts(b, name);
		} else {
			pbuf_puts(b, "unknown icmp6 type (");
			pbuf_u32(b, ic->type);
			pbuf_putc(b, ')');
		}
		break;
	}
}

bool proto_icmp6_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_icmp6 *ic = &line_level(x)->icmp6;
	const char *name = icmp6_name(ic->type);
	struct pbuf *b = &x->b;

	line_addrs(x, false, 0, 0);
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
	line_csum(x, "icmp6", ic->csum);
	pbuf_puts(b, "ICMP6, ");
	if (ic->type == 1 && ic->code == 4 && !ic->quote.has_ports) {
		pbuf_puts(b, "destination unreachable, unreachable port ");
		return line_trunc(x, "icmp6");
	}
	icmp6_text(b, ic);
	if (ly->invalid)
		pbuf_puts(b, " (invalid)");
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ly->wire_len);
	return true;
}
