/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipv6.c: the IPv6 header and its extension headers (RFC 8200): dissector and printer. */
#include "config.h"

#include <stddef.h>

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"

#define IPV6_HDR_LEN	  40
#define IPV6_FRAG_HDR_LEN 8

static bool ipv6_read_fixed(struct pkt_cursor *c, struct pkt_ipv6 *ip)
{
	uint32_t vtf;

	if (!pkt_get_be32(c, &vtf))
		return false;
	ip->version = vtf >> 28;
	ip->tclass = (vtf >> 20) & 0xff;
	ip->flow = vtf & 0xfffff;
	return pkt_get_be16(c, &ip->plen) && pkt_get_u8(c, &ip->nxt) && pkt_get_u8(c, &ip->hlim) &&
	       pkt_copy(c, ip->src, sizeof(ip->src)) && pkt_copy(c, ip->dst, sizeof(ip->dst));
}

#define IP6OPT_PAD1 0

/*
 * The options of a hop-by-hop or destination options header (RFC 8200 4.2),
 * type-length-value but for Pad1; e holds the whole header past its first
 * two bytes.  An option running past the header ends the walk: the header's
 * length is what the chain relies on, not its contents.
 */
static void ipv6_opts(struct pkt_cursor *e, struct pkt_ipv6 *ip)
{
	uint8_t type, len;

	while (pkt_get_u8(e, &type)) {
		struct pkt_cursor d = *e;
		struct pkt_ip6_opt *o;

		len = 0;
		if (type != IP6OPT_PAD1 && (!pkt_get_u8(e, &len) || !pkt_sub(e, len, &d)))
			return;
		if (ip->n_opt == PKT_IP6_MAX_OPTS) {
			if (!ip->opt_more)
				ip->opt_cut = ip->n_ext;
			ip->opt_more = true;
			return;
		}
		o = &ip->opt[ip->n_opt++];
		*o = (struct pkt_ip6_opt){ .ext = ip->n_ext, .type = type, .len = len };
		if (len == 2) {
			uint16_t v;

			if (pkt_get_be16(&d, &v))
				o->val = v;
		} else if (len == 4) {
			pkt_get_be32(&d, &o->val);
		}
	}
}

/*
 * Routing header types 0 and 2 (RFC 2460, 6275) list addresses after a
 * reserved word; type 4, segment routing (RFC 8754), lists segments after
 * last entry, flags and tag, the final destination first.  e is past the
 * first four bytes.
 */
static void ipv6_routing(struct pkt_cursor *e, struct pkt_ipv6 *ip)
{
	size_t n = ip->rt_len / 2u;
	uint8_t a[16];

	if (ip->rt_type != 0 && ip->rt_type != 2 && ip->rt_type != 4)
		return;
	pkt_get_be32(e, &ip->rt_word);
	if (ip->rt_type == 4 && (ip->rt_word >> 24) + 1u < n)
		n = (ip->rt_word >> 24) + 1u;
	for (size_t i = 0; i < n && pkt_copy(e, a, sizeof(a)); i++) {
		if (i < PKT_IP6_MAX_RT)
			memcpy(ip->rt_addr[i], a, sizeof(a));
		ip->rt_n_addr++;
		if (ip->rt_segleft && (ip->rt_type == 4 ? i == 0 : i + 1 == n)) {
			memcpy(ip->rt_final, a, sizeof(a));
			ip->has_rt_final = true;
		}
	}
}

static bool is_ext(uint8_t nh)
{
	return nh == PROTO_IP_HOPOPTS || nh == PROTO_IP_ROUTING || nh == PROTO_IP_FRAGMENT ||
	       nh == PROTO_IP_DSTOPTS;
}

/*
 * One extension header at the cursor, of type *nh; moves past it and sets *nh
 * to the header that follows.  Returns PKT_REASON_NONE, or why the chain
 * cannot be walked further.
 *
 * Hop-by-hop options, destination options (RFC 8200 4.3, 4.6):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * .                Options: (Hdr Ext Len + 1) * 8 bytes in all   .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Routing (4.4):
 * |  Next Header  |  Hdr Ext Len  |  Routing Type | Segments Left |
 * .                       type-specific data                      .
 * Fragment (4.5):
 * |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 * |                         Identification                        |
 */
static int ipv6_ext(struct pkt_cursor *c, struct pkt_ipv6 *ip, uint8_t *nh)
{
	struct pkt_cursor e;
	const uint8_t *h = pkt_peek(c, 2);
	size_t len;
	uint16_t frag = 0;

	if (pkt_wire_left(c) < 2)
		return PKT_REASON_EXT_PAST_END;
	if (!h)
		return PKT_REASON_SNAPLEN;
	len = *nh == PROTO_IP_FRAGMENT ? IPV6_FRAG_HDR_LEN : ((size_t)h[1] + 1) * 8;
	if (!pkt_sub(c, len, &e))
		return PKT_REASON_EXT_PAST_END;
	/* A header cut short is a truncated layer. */
	if (pkt_left(&e) < len)
		return PKT_REASON_SNAPLEN;

	ip->ext_len = (uint16_t)(ip->ext_len + len);
	/* e holds the whole header: these reads cannot fail */
	if (*nh == PROTO_IP_ROUTING) {
		ip->rt_len = h[1];
		pkt_skip(&e, 2);
		pkt_get_u8(&e, &ip->rt_type);
		pkt_get_u8(&e, &ip->rt_segleft);
		ipv6_routing(&e, ip);
	} else if (*nh == PROTO_IP_HOPOPTS || *nh == PROTO_IP_DSTOPTS) {
		pkt_skip(&e, 2);
		ipv6_opts(&e, ip);
	} else if (*nh == PROTO_IP_FRAGMENT) {
		pkt_skip(&e, 2);
		pkt_get_be16(&e, &frag);
		pkt_get_be32(&e, &ip->frag_id);
		ip->has_frag = true;
		ip->frag_off = frag & 0xfff8;
		ip->frag_more = frag & 1;
		ip->frag_len = (uint16_t)pkt_wire_left(c);
	}
	ip->ext[ip->n_ext++] = *nh;
	*nh = h[0];
	return PKT_REASON_NONE;
}

/* Walk the extension headers to the upper-layer protocol, left in ip->proto. */
static int ipv6_walk(struct pkt_cursor *c, struct pkt_ipv6 *ip)
{
	uint8_t nh = ip->nxt;
	int why;

	while (is_ext(nh)) {
		if (ip->n_ext == PKT_IP6_MAX_EXT)
			return PKT_REASON_EXT_COUNT;
		why = ipv6_ext(c, ip, &nh);
		if (why != PKT_REASON_NONE)
			return why;
		/* A non-first fragment carries no further headers to walk. */
		if (ip->has_frag && ip->frag_off)
			break;
	}
	ip->proto = nh;
	return PKT_REASON_NONE;
}

/*
 * RFC 8200 section 3:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                    Source Address (128 bits)                  +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                 Destination Address (128 bits)                +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_ipv6_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ipv6 *ip = &l->ip6;
	const uint8_t *p = pkt_peek(c, 1);
	int why;

	l->net = PKT_PROTO_IPV6;
	/* the address and option arrays past rt_final are read only up to their counts */
	memset(ip, 0, offsetof(struct pkt_ipv6, rt_final));
	if (p && *p >> 4 != 6) {
		ip->version = *p >> 4;
		return proto_invalid(m, PKT_REASON_VERSION);
	}
	if (!ipv6_read_fixed(c, ip))
		return proto_short(m, IPV6_HDR_LEN);

	/* A zero length with hop-by-hop options is a jumbogram (RFC 2675). */
	if ((ip->plen || ip->nxt != PROTO_IP_HOPOPTS) && !pkt_clamp(c, ip->plen))
		return proto_invalid(m, PKT_REASON_LEN_PAST_END);

	why = ipv6_walk(c, ip);
	if (why == PKT_REASON_SNAPLEN)
		return proto_truncated(m);
	if (why != PKT_REASON_NONE)
		return proto_invalid(m, why);

	if (ip->has_frag) {
		if (ip->frag_off)
			return PKT_PROTO_NONE;
		l->frag = ip->frag_more;
	}
	return dispatch_lookup(DISPATCH_IPV6, ip->proto);
}

void proto_ipv6_quote(struct pkt_cursor *c, struct pkt_quote *q)
{
	struct pkt_ipv6 ip = { 0 };

	*q = (struct pkt_quote){ 0 };
	if (!ipv6_read_fixed(c, &ip) || ip.version != 6)
		return;
	q->family = 6;
	q->proto = ip.nxt;
	memcpy(q->src, ip.src, sizeof(ip.src));
	memcpy(q->dst, ip.dst, sizeof(ip.dst));
	/* The quote is cut wherever the error's sender chose: walk what is there. */
	if (ipv6_walk(c, &ip) != PKT_REASON_NONE)
		return;
	q->proto = ip.proto;
	if ((ip.has_frag && ip.frag_off) || (ip.proto != PROTO_IP_TCP && ip.proto != PROTO_IP_UDP))
		return;
	if (!pkt_get_be16(c, &q->sport) || !pkt_get_be16(c, &q->dport))
		return;
	q->has_ports = true;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

enum {
	IP6OPT_PADN = 1,
	IP6OPT_RTALERT = 5,
	IP6OPT_JUMBO = 0xc2,
};

/* " (rtalert: 0x0000) (padn)": the options of extension header k, tcpdump's way. */
static void ipv6_print_opts(struct pbuf *b, const struct pkt_ipv6 *ip, unsigned k)
{
	bool any = false;

	for (unsigned i = 0; i < ip->n_opt && i < PKT_IP6_MAX_OPTS; i++) {
		const struct pkt_ip6_opt *o = &ip->opt[i];

		if (o->ext != k)
			continue;
		if (!any)
			pbuf_putc(b, ' ');
		any = true;
		switch (o->type) {
		case IP6OPT_PAD1:
			pbuf_puts(b, "(pad1)");
			break;
		case IP6OPT_PADN:
			pbuf_puts(b, "(padn)");
			break;
		case IP6OPT_RTALERT:
			if (o->len != 2) {
				pbuf_puts(b, "(rtalert: invalid len ");
				pbuf_u32(b, o->len);
				pbuf_puts(b, ") ");
				break;
			}
			pbuf_puts(b, "(rtalert: 0x");
			pbuf_hex(b, o->val, 4);
			pbuf_puts(b, ") ");
			break;
		case IP6OPT_JUMBO:
			pbuf_puts(b, "(jumbo: ");
			if (o->len != 4) {
				pbuf_puts(b, "invalid len ");
				pbuf_u32(b, o->len);
				pbuf_putc(b, ')');
				break;
			}
			pbuf_u32(b, o->val);
			if (ip->ext[k] != 0)
				pbuf_puts(b, " - not a hop-by-hop option");
			else if (ip->plen)
				pbuf_puts(b, " - payload len != 0");
			else if (o->val < 65536)
				pbuf_puts(b, " - < 65536");
			pbuf_puts(b, ") ");
			break;
		default:
			pbuf_puts(b, "(opt_type 0x");
			pbuf_hex(b, o->type, 2);
			pbuf_puts(b, ": len=");
			pbuf_u32(b, o->len);
			pbuf_putc(b, ')');
			break;
		}
	}
	if (ip->opt_more && k >= ip->opt_cut)
		pbuf_puts(b, any ? "..." : " ...");
}

/* "RT6 (len=2, type=0 [Deprecated], segleft=0, rsv=0x0, [0]2001:db8::2)" */
static void ipv6_print_rt(struct pbuf *b, const struct pkt_ipv6 *ip, bool verbose)
{
	pbuf_puts(b, "RT6 (len=");
	pbuf_u32(b, ip->rt_len);
	pbuf_puts(b, ", type=");
	pbuf_u32(b, ip->rt_type);
	if (ip->rt_type == 0)
		pbuf_puts(b, " [Deprecated]");
	pbuf_puts(b, ", segleft=");
	pbuf_u32(b, ip->rt_segleft);
	if (ip->rt_type == 0 || ip->rt_type == 2) {
		if (ip->rt_word || verbose) {
			pbuf_puts(b, ", rsv=0x");
			pbuf_hex(b, ip->rt_word, 1);
		}
	} else if (ip->rt_type == 4) {
		pbuf_puts(b, ", last-entry=");
		pbuf_u32(b, ip->rt_word >> 24);
		if ((ip->rt_word >> 16 & 0xff) || verbose) {
			pbuf_puts(b, ", flags=0x");
			pbuf_hex(b, ip->rt_word >> 16 & 0xff, 1);
		}
		pbuf_puts(b, ", tag=");
		pbuf_hex(b, ip->rt_word & 0xffff, 1);
	}
	for (unsigned i = 0; i < ip->rt_n_addr && i < PKT_IP6_MAX_RT; i++) {
		pbuf_puts(b, ", [");
		pbuf_u32(b, i);
		pbuf_putc(b, ']');
		pbuf_ip6(b, ip->rt_addr[i]);
	}
	if (ip->rt_n_addr > PKT_IP6_MAX_RT)
		pbuf_puts(b, ", ...");
	pbuf_putc(b, ')');
}

static void ipv6_print_verbose(struct line *x, const struct pkt_ipv6 *ip)
{
	struct pbuf *b = &x->b;

	pbuf_putc(b, '(');
	if (ip->tclass) {
		pbuf_puts(b, "class 0x");
		pbuf_hex(b, ip->tclass, 1);
		pbuf_puts(b, ", ");
	}
	if (ip->flow) {
		pbuf_puts(b, "flowlabel 0x");
		pbuf_hex(b, ip->flow, 5);
		pbuf_puts(b, ", ");
	}
	pbuf_puts(b, "hlim ");
	pbuf_u32(b, ip->hlim);
	pbuf_puts(b, ", next-header ");
	line_ipproto(x, ip->nxt);
	pbuf_puts(b, " payload length: ");
	pbuf_u32(b, ip->plen);
	pbuf_puts(b, ") ");
}

/* The walked extension headers, separated by spaces; sep ends the list when set. */
static void ipv6_print_exts(struct line *x, const struct pkt_ipv6 *ip, bool sep)
{
	struct pbuf *b = &x->b;

	for (unsigned k = 0; k < ip->n_ext; k++) {
		if (k)
			pbuf_putc(b, ' ');
		switch (ip->ext[k]) {
		case 0:
		case 60:
			/* tcpdump lists the options only with -v */
			pbuf_puts(b, ip->ext[k] ? "DSTOPT" : "HBH");
			if (x->o->verbose)
				ipv6_print_opts(b, ip, k);
			break;
		case 43:
			ipv6_print_rt(b, ip, x->o->verbose);
			break;
		default:
			pbuf_puts(b, "frag (");
			if (x->o->verbose) {
				pbuf_puts(b, "0x");
				pbuf_hex(b, ip->frag_id, 8);
				pbuf_putc(b, ':');
			}
			pbuf_u32(b, ip->frag_off);
			pbuf_putc(b, '|');
			pbuf_u32(b, ip->frag_len);
			pbuf_putc(b, ')');
			break;
		}
	}
	if (ip->n_ext && sep)
		pbuf_putc(b, ' ');
}

bool proto_ipv6_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_ipv6 *ip = &line_level(x)->ip6;
	const char *prefix = x->link_shown ? "" : "IP6 ";
	struct pbuf *b = &x->b;
	bool later_frag;

	/* Addresses are known once the 40-byte fixed header was captured. */
	if ((ly->truncated || ly->reason == PKT_REASON_SHORT) && ly->hdr_len < 40) {
		pbuf_puts(b, prefix);
		return line_trunc(x, "ip6");
	}
	x->family = 6;
	x->src = ip->src;
	x->dst = ip->dst;
	x->ports_only = false;
	if (ly->reason == PKT_REASON_VERSION) {
		pbuf_puts(b, prefix);
		pbuf_puts(b, "version error: ");
		pbuf_u32(b, ip->version);
		pbuf_puts(b, " != 6");
		return true;
	}
	pbuf_puts(b, prefix);
	if (ly->reason == PKT_REASON_LEN_PAST_END) {
		pbuf_puts(b, "truncated-ip6 - ");
		pbuf_u32(b, 40u + ip->plen - ly->wire_len);
		pbuf_puts(b, " bytes missing! ");
		line_ip_addrs(x);
		return true;
	}
	if (x->o->verbose)
		ipv6_print_verbose(x, ip);
	if (!ly->truncated && !ly->invalid && !ip->n_ext && line_transport_next(x))
		return false;

	/* With extension headers tcpdump names the addresses first, then the ports. */
	line_ip_addrs(x);
	pbuf_puts(b, ": ");
	/* A later fragment ends the line with its "frag (offset|length)". */
	later_frag = ip->has_frag && ip->frag_off && !ly->truncated && !ly->invalid;
	ipv6_print_exts(x, ip, !later_frag);
	if (ly->truncated)
		return line_trunc(x, "ip6");
	if (ly->invalid) {
		pbuf_puts(b, "(invalid)");
		return true;
	}
	if (later_frag)
		return true;
	if (line_transport_next(x)) {
		x->ports_only = true;
		return false;
	}
	if (ip->proto == 59)
		pbuf_puts(b, "no next header");
	else
		line_ip_payload(x, ip->proto);
	return true;
}
