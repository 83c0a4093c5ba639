/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipv4.c: the IPv4 header (RFC 791) and its options: dissector, ICMP quote, printer. */
#include "config.h"

#include <stddef.h>

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "util/csum.h"

#define IPV4_HDR_LEN  20
#define IPV4_CSUM_OFF 10 /* the checksum field's offset */

/* The header's checksum (RFC 1071) as it should be: every word but the checksum field's. */
static uint16_t ipv4_hdr_csum(const uint8_t *h, size_t len)
{
	uint32_t sum = csum_add(0, h, IPV4_CSUM_OFF);

	return csum_fold(csum_add(sum, h + IPV4_CSUM_OFF + 2, len - IPV4_CSUM_OFF - 2));
}

static bool ipv4_read_fixed(struct pkt_cursor *c, struct pkt_ipv4 *ip)
{
	uint16_t frag;

	if (!pkt_get_u8(c, &ip->tos) || !pkt_get_be16(c, &ip->tot_len) ||
	    !pkt_get_be16(c, &ip->id) || !pkt_get_be16(c, &frag) || !pkt_get_u8(c, &ip->ttl) ||
	    !pkt_get_u8(c, &ip->proto) || !pkt_get_be16(c, &ip->csum) ||
	    !pkt_copy(c, ip->src, sizeof(ip->src)) || !pkt_copy(c, ip->dst, sizeof(ip->dst)))
		return false;
	ip->rf = frag & 0x8000;
	ip->df = frag & 0x4000;
	ip->mf = frag & 0x2000;
	ip->frag_off = (uint16_t)((frag & 0x1fff) * 8);
	return true;
}

/*
 * RFC 791 section 3.1:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        Flags: 0, DF, MF
 */
int proto_ipv4_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ipv4 *ip = &l->ip4;
	const uint8_t *start = c->p;
	size_t wire = proto_layer(m)->wire_len;
	size_t hlen, len;
	uint8_t vhl;

	l->net = PKT_PROTO_IPV4;
	memset(ip, 0, offsetof(struct pkt_ipv4, opts));
	if (!pkt_get_u8(c, &vhl))
		return proto_short(m, IPV4_HDR_LEN);
	ip->version = vhl >> 4;
	ip->ihl = vhl & 0x0f;
	if (ip->version != 4)
		return proto_invalid(m, PKT_REASON_VERSION);
	if (ip->ihl < 5)
		return proto_invalid(m, PKT_REASON_HDR_LEN);
	if (!ipv4_read_fixed(c, ip))
		return proto_short(m, IPV4_HDR_LEN);

	hlen = (size_t)ip->ihl * 4;
	ip->opt_len = (uint8_t)(hlen - IPV4_HDR_LEN);
	/* A total length inside the header is the fault to name, as tcpdump's "bad-len". */
	if (ip->tot_len && ip->tot_len < hlen)
		return proto_invalid(m, PKT_REASON_TOTAL_LEN);
	if (hlen > wire)
		return proto_invalid(m, PKT_REASON_HDR_PAST_END);
	if (!pkt_copy(c, ip->opts, ip->opt_len))
		return proto_truncated(m);
	ip->csum_calc = ipv4_hdr_csum(start, hlen);
	ip->csum_ok = ip->csum_calc == ip->csum;

	/*
	 * Linux hands packet sockets GSO super-packets (BIG TCP) with a total
	 * length of 0: the packet's own length is the only one there is.
	 */
	len = ip->tot_len ? ip->tot_len : wire;
	if (len < hlen)
		return proto_invalid(m, PKT_REASON_TOTAL_LEN);
	/*
	 * A total length past the packet's end: tcpdump says how many bytes
	 * are missing and decodes what is there, so they count as cut by the
	 * capture.
	 */
	if (len > wire) {
		ip->len_missing = (uint16_t)(len - wire);
		c->snapped += len - wire;
	}
	pkt_clamp(c, len - hlen);

	if (ip->frag_off)
		return PKT_PROTO_NONE; /* no transport header in a later fragment */
	l->frag = ip->mf;
	return dispatch_lookup(DISPATCH_IPV4, ip->proto);
}

/* As far as it was captured: the addresses and protocol, then the ports. */
void proto_ipv4_quote(struct pkt_cursor *c, struct pkt_quote *q)
{
	struct pkt_ipv4 ip = { 0 };
	uint8_t vhl;

	*q = (struct pkt_quote){ 0 };
	if (!pkt_get_u8(c, &vhl) || vhl >> 4 != 4 || (vhl & 0x0f) < 5 || !ipv4_read_fixed(c, &ip))
		return;
	q->family = 4;
	q->proto = ip.proto;
	memcpy(q->src, ip.src, sizeof(ip.src));
	memcpy(q->dst, ip.dst, sizeof(ip.dst));
	/* the transports with ports first: tcpdump names SCTP's and DCCP's in a port unreachable too */
	if (ip.frag_off || (ip.proto != PROTO_IP_TCP && ip.proto != PROTO_IP_UDP &&
			    ip.proto != PROTO_IP_SCTP && ip.proto != PROTO_IP_DCCP))
		return;
	if (!pkt_skip(c, (size_t)(vhl & 0x0f) * 4 - IPV4_HDR_LEN) || !pkt_get_be16(c, &q->sport) ||
	    !pkt_get_be16(c, &q->dport))
		return;
	q->has_ports = true;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

enum {
	IPOPT_EOL = 0,
	IPOPT_NOP = 1,
	IPOPT_RR = 7,
	IPOPT_TS = 68,
	IPOPT_SECURITY = 130,
	IPOPT_LSRR = 131,
	IPOPT_SSRR = 137,
	IPOPT_RFC1393 = 82,
	IPOPT_RA = 148,
};

static void ipv4_opt_bad_len(struct pbuf *b, unsigned len)
{
	pbuf_puts(b, " [bad length ");
	pbuf_u32(b, len);
	pbuf_putc(b, ']');
}

/*
 * Record route and source routes (RFC 791): a pointer, then addresses.  As
 * tcpdump, an address that a bad length leaves partly past the option is
 * read on from the bytes after it while they were captured (cap: the bytes
 * from p); false when one runs past them.
 */
static bool ipv4_opt_route(struct pbuf *b, const uint8_t *p, unsigned len, size_t cap)
{
	unsigned ptr;

	if (len < 3) {
		ipv4_opt_bad_len(b, len);
		return true;
	}
	if ((len + 1) & 3)
		ipv4_opt_bad_len(b, len);
	ptr = p[2] - 1u;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > len + 1) {
		pbuf_puts(b, " [bad ptr ");
		pbuf_u32(b, p[2]);
		pbuf_putc(b, ']');
	}
	for (unsigned i = 3; i < len; i += 4) {
		if (i + 4 > cap)
			return false;
		pbuf_putc(b, ' ');
		pbuf_ip4(b, p + i);
		if (ptr > i)
			pbuf_putc(b, ',');
	}
	return true;
}

/*
 * Timestamp (RFC 791): "TS{TSONLY ^ 0@ 0@}", '^' where the pointer is; its
 * entries read as the routes' addresses are (cap, false past it).
 */
static bool ipv4_opt_ts(struct pbuf *b, const uint8_t *p, unsigned len, size_t cap)
{
	static const char *const kinds[] = { "TSONLY", "TS+ADDR", NULL, "PRESPEC" };
	unsigned hop, ptr, flag;
	const char *sep = " ";

	if (len < 4) {
		pbuf_puts(b, "[bad length ");
		pbuf_u32(b, len);
		pbuf_putc(b, ']');
		return true;
	}
	flag = p[3] & 0xf;
	hop = flag ? 8 : 4;
	pbuf_puts(b, " TS{");
	if ((len - 4) & (hop - 1)) {
		pbuf_puts(b, "[bad length ");
		pbuf_u32(b, len);
		pbuf_putc(b, ']');
	}
	ptr = p[2] - 1u;
	if (ptr < 4 || ((ptr - 4) & (hop - 1)) || ptr > len + 1) {
		pbuf_puts(b, "[bad ptr ");
		pbuf_u32(b, p[2]);
		pbuf_putc(b, ']');
	}
	if (flag < 4 && kinds[flag]) {
		unsigned i;

		pbuf_puts(b, kinds[flag]);
		for (i = 4; i < len; i += hop) {
			if (i + hop > cap)
				return false;
			pbuf_puts(b, ptr == i ? " ^ " : sep);
			pbuf_u32(b, pkt_be32(p + i + hop - 4));
			pbuf_putc(b, '@');
			if (hop == 8)
				pbuf_ip4(b, p + i);
		}
		/* a full option points past its last entry */
		if (ptr == i)
			pbuf_puts(b, " ^ ");
	} else {
		pbuf_puts(b, "[bad ts type ");
		pbuf_u32(b, flag);
		pbuf_putc(b, ']');
	}
	if (p[3] >> 4) {
		pbuf_puts(b, " [");
		pbuf_u32(b, p[3] >> 4);
		pbuf_puts(b, " hops not recorded]} ");
	} else {
		pbuf_putc(b, '}');
	}
	return true;
}

static const char *ipv4_opt_name(uint8_t code)
{
	switch (code) {
	case IPOPT_EOL:
		return "EOL";
	case IPOPT_NOP:
		return "NOP";
	case IPOPT_TS:
		return "timestamp";
	case IPOPT_SECURITY:
		return "security";
	case IPOPT_RR:
		return "RR";
	case IPOPT_SSRR:
		return "SSRR";
	case IPOPT_LSRR:
		return "LSRR";
	case IPOPT_RA:
		return "RA";
	case IPOPT_RFC1393:
		return "traceroute";
	default:
		return NULL;
	}
}

/*
 * The options; false when one runs past the captured bytes (tcpdump's
 * "[truncated-option]").  g: the IP header's message, whose bytes after
 * the options an option with a bad length is read on into.
 */
static bool ipv4_print_opts(struct pbuf *b, const struct pkt_ipv4 *ip, const struct msg *g)
{
	unsigned left = ip->opt_len < sizeof(ip->opts) ? ip->opt_len : sizeof(ip->opts);
	const uint8_t *p = ip->opts;
	const uint8_t *start = ip->opts;
	size_t cap = left;

	if (g->p && g->cap > 20 + (size_t)left) {
		start = p = g->p + 20;
		cap = g->cap - 20;
	}

	for (unsigned len; left; p += len, left -= len) {
		const char *name = ipv4_opt_name(p[0]);

		if (p != start)
			pbuf_putc(b, ',');
		if (name) {
			pbuf_puts(b, name);
		} else {
			pbuf_puts(b, "unknown ");
			pbuf_u32(b, p[0]);
		}
		if (p[0] == IPOPT_EOL)
			break;
		if (p[0] == IPOPT_NOP) {
			len = 1;
			continue;
		}
		len = left > 1 ? p[1] : 0;
		if (len < 2 || len > left) {
			ipv4_opt_bad_len(b, len);
			break;
		}
		if (p[0] == IPOPT_TS) {
			if (!ipv4_opt_ts(b, p, len, cap - (size_t)(p - start)))
				return false;
		} else if (p[0] == IPOPT_RR || p[0] == IPOPT_LSRR || p[0] == IPOPT_SSRR) {
			if (!ipv4_opt_route(b, p, len, cap - (size_t)(p - start)))
				return false;
		} else if (p[0] == IPOPT_RA) {
			if (len < 4)
				ipv4_opt_bad_len(b, len);
			else if (pkt_be16(p + 2)) {
				pbuf_puts(b, " value ");
				pbuf_u32(b, pkt_be16(p + 2));
			}
		}
	}
	return true;
}

/* The verbose header in parentheses; false when an option is cut ("[truncated-option]"). */
static bool ipv4_print_verbose(struct line *x, const struct pkt_ipv4 *ip)
{
	static const char *const ecn[] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
	struct pbuf *b = &x->b;
	const char *sep = "";
	bool opts_whole = true;

	pbuf_puts(b, "(tos 0x");
	pbuf_hex(b, ip->tos, 1);
	pbuf_puts(b, ecn[ip->tos & 3]);
	/* tcpdump's ip_print leaves out a TTL of 0 */
	if (ip->ttl) {
		pbuf_puts(b, ", ttl ");
		pbuf_u32(b, ip->ttl);
	}
	pbuf_puts(b, ", id ");
	pbuf_u32(b, ip->id);
	pbuf_puts(b, ", offset ");
	pbuf_u32(b, ip->frag_off);
	pbuf_puts(b, ", flags [");
	if (ip->mf) {
		pbuf_puts(b, "+");
		sep = ", ";
	}
	if (ip->df) {
		pbuf_puts(b, sep);
		pbuf_puts(b, "DF");
		sep = ", ";
	}
	if (ip->rf) {
		pbuf_puts(b, sep);
		pbuf_puts(b, "rsvd");
	}
	if (!ip->mf && !ip->df && !ip->rf)
		pbuf_puts(b, "none");
	pbuf_puts(b, "], proto ");
	line_ipproto(x, ip->proto);
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ip->tot_len);
	if (ip->opt_len) {
		struct msg g;

		pbuf_puts(b, ", options (");
		msg_of(&g, x);
		opts_whole = ipv4_print_opts(b, ip, &g);
		pbuf_puts(b, opts_whole ? ")" : " [truncated-option])");
	}
	if (!ip->csum_ok) {
		pbuf_puts(b, ", bad cksum ");
		pbuf_hex(b, ip->csum, 1);
		pbuf_puts(b, " (->");
		pbuf_hex(b, ip->csum_calc, 1);
		pbuf_puts(b, ")!");
	}
	pbuf_puts(b, ")\n    ");
	return opts_whole;
}

bool proto_ipv4_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_ipv4 *ip = &line_level(x)->ip4;
	const char *prefix = x->link_shown ? "" : "IP ";
	struct pbuf *b = &x->b;

	/* the fixed header not all there, whether the capture or the packet is short */
	if (ly->truncated || (ly->reason == PKT_REASON_SHORT && ly->hdr_len < 20)) {
		/* not a byte of it: tcpdump's ip_print stops before it names the header */
		if (!ly->hdr_len)
			return line_trunc_sp(x, "ip");
		pbuf_puts(b, prefix);
		pbuf_putc(b, ' ');
		return line_trunc(x, "ip");
	}
	x->family = 4;
	x->src = ip->src;
	x->dst = ip->dst;
	x->ports_only = false;
	if (ly->invalid) {
		switch (ly->reason) {
		case PKT_REASON_VERSION:
			/* a raw IP link's first header: tcpdump's ipN_print knows neither version */
			if (x->i == 0 && x->depth == 0 && dispatch_raw_ip(x->m->linktype)) {
				pbuf_puts(b, "unknown ip ");
				pbuf_u32(b, ip->version);
			} else if (ip->version == 6) {
				pbuf_puts(b, "IP6, wrong link-layer encapsulation (invalid)");
			} else {
				pbuf_puts(b, "IP");
				pbuf_u32(b, ip->version);
				pbuf_puts(b, " (invalid)");
			}
			break;
		case PKT_REASON_HDR_LEN:
			pbuf_puts(b, prefix);
			pbuf_puts(b, "bad-hlen ");
			pbuf_u32(b, ip->ihl * 4u);
			break;
		case PKT_REASON_TOTAL_LEN:
			pbuf_puts(b, prefix);
			pbuf_puts(b, "bad-len ");
			pbuf_u32(b, ip->tot_len);
			break;
		default: /* the header itself runs past the packet */
			pbuf_puts(b, prefix);
			pbuf_puts(b, "truncated-ip - ");
			pbuf_u32(b, (ip->ihl < 5 ? 5 : ip->ihl) * 4u - ly->wire_len);
			pbuf_puts(b, " bytes missing!");
			break;
		}
		return true;
	}
	pbuf_puts(b, prefix);
	if (ip->len_missing) {
		pbuf_puts(b, "truncated-ip - ");
		pbuf_u32(b, ip->len_missing);
		pbuf_puts(b, " bytes missing! ");
	}
	if (x->o->verbose && !ipv4_print_verbose(x, ip)) {
		/* tcpdump names the addresses and stops */
		line_ip_addrs(x);
		pbuf_puts(b, ": ");
		return line_trunc_sp(x, "ip");
	}
	if (line_transport_next(x) && !ip->frag_off)
		return false;
	line_ip_addrs(x);
	pbuf_puts(b, ": ");
	if (ip->frag_off) {
		pbuf_puts(b, "ip-proto-");
		pbuf_u32(b, ip->proto);
	} else {
		line_ip_payload(x, ip->proto);
	}
	return true;
}
