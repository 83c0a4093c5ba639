/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ip6_ext.c: IPv6 extension headers (RFC 8200 4): hop-by-hop and destination options
 * (jumbo payload RFC 2675, router alert RFC 2711, home address RFC 6275), routing types 0, 2
 * and 4 (segment routing, RFC 8754), fragment; one walk for the dissector and the printer.
 */
#include "config.h"

#include <string.h>

#include "decode/dispatch.h"
#include "decode/pkt.h"
#include "decode/proto.h"
#include "decode/proto_ip6_ext.h"

#define IP6_HDR_LEN 40

enum {
	IP6OPT_PAD1 = 0,
	IP6OPT_PADN = 1,
	IP6OPT_RTALERT = 5,
	IP6OPT_JUMBO = 0xc2,
	IP6OPT_HOMEADDR = 0xc9,
	IP6_MOBILITY_OLD = 62,
	IP6_MOBILITY = 135,
};

/* The walk's state: where it is, and what tcpdump's ip6_print keeps. */
struct walk {
	struct ip6x *w;
	size_t snap;	      /* captured bytes from ip, cut at the declared end */
	uint32_t payload_len; /* the header's, or a valid jumbo option's */
	bool found_jumbo;
	uint8_t ext_index; /* index the current header will get in ip6->ext[] */
};

/* ---- output, when printing --------------------------------------------------------------- */

static void out_s(struct walk *k, const char *s)
{
	if (k->w->b)
		pbuf_puts(k->w->b, s);
}

static void out_u(struct walk *k, uint32_t v)
{
	if (k->w->b)
		pbuf_u32(k->w->b, v);
}

static void out_hex(struct walk *k, uint32_t v, unsigned width)
{
	if (k->w->b)
		pbuf_hex(k->w->b, v, width);
}

static void out_ip6(struct walk *k, const uint8_t *a)
{
	if (k->w->b)
		pbuf_ip6(k->w->b, a);
}

static bool verbose(const struct walk *k)
{
	return k->w->verbosity > 0;
}

/* Whether bytes [0, end) from ip were captured (tcpdump's GET_ checks). */
static bool have(const struct walk *k, size_t end)
{
	return end <= k->snap;
}

/*
 * Why a header ending at end (from ip) cannot be read: the capture cut it
 * (the packet and its payload length have room for it), or it runs past the
 * payload or the packet.  tcpdump marks both "[|what]".
 */
static enum pkt_reason cut_reason(const struct walk *k, size_t end)
{
	size_t declared = k->w->wire;
	uint16_t plen = pkt_be16(k->w->ip + 4);

	if (plen && (size_t)plen + IP6_HDR_LEN < declared)
		declared = (size_t)plen + IP6_HDR_LEN;
	return end <= declared ? PKT_REASON_SNAPLEN : PKT_REASON_EXT_PAST_END;
}

static void stop(struct walk *k, enum ip6x_end end, enum pkt_reason why)
{
	k->w->end = (uint8_t)end;
	k->w->reason = (uint8_t)why;
}

/* " [|what]": tcpdump's mark for a header cut short, which ends the line. */
static void trunc_mark(struct walk *k, const char *what)
{
	out_s(k, " [|");
	out_s(k, what);
	out_s(k, "]");
}

/* ---- hop-by-hop and destination options ------------------------------------------------- */

static void keep_opt(struct walk *k, uint8_t type, uint8_t len, const uint8_t *data)
{
	struct pkt_ipv6 *ip = k->w->ip6;
	struct pkt_ip6_opt *o;

	if (!ip)
		return;
	if (ip->n_opt == PKT_IP6_MAX_OPTS) {
		if (!ip->opt_more)
			ip->opt_cut = k->ext_index;
		ip->opt_more = true;
		return;
	}
	o = &ip->opt[ip->n_opt++];
	*o = (struct pkt_ip6_opt){ .ext = k->ext_index, .type = type, .len = len };
	if (len == 2)
		o->val = pkt_be16(data);
	else if (len == 4)
		o->val = pkt_be32(data);
}

/* A home address option's sub-options (RFC 6275 6.3), tcpdump's ", padn" list. */
static void homeaddr_subopts(struct walk *k, const uint8_t *p, size_t len)
{
	size_t optlen;

	for (size_t i = 0; i < len; i += optlen) {
		if (p[i] == IP6OPT_PAD1) {
			optlen = 1;
		} else if (i + 1 < len) {
			optlen = p[i + 1] + 2u;
		} else {
			out_s(k, "[trunc] ");
			return;
		}
		if (i + optlen > len) {
			out_s(k, "[trunc] ");
			return;
		}
		if (p[i] == IP6OPT_PAD1) {
			out_s(k, ", pad1");
		} else if (p[i] == IP6OPT_PADN) {
			out_s(k, ", padn");
		} else {
			out_s(k, ", sopt_type 0x");
			out_hex(k, p[i], 2);
			out_s(k, ": len=");
			out_u(k, p[i + 1]);
		}
	}
}

/*
 * A fixed-size option of minimum total length min: "(name: trunc)" when the
 * header ends first, "(name: invalid len N)" when its length is not min - 2.
 * tcpdump prints these two at any -v level and stops the header there.
 */
static bool opt_fits(struct walk *k, const char *name, const uint8_t *p, size_t left, size_t min)
{
	if (left < min) {
		out_s(k, "(");
		out_s(k, name);
		out_s(k, ": trunc)");
		return false;
	}
	if (p[1] != min - 2) {
		out_s(k, "(");
		out_s(k, name);
		out_s(k, ": invalid len ");
		out_u(k, p[1]);
		out_s(k, ")");
		return false;
	}
	return true;
}

static void jumbo_opt(struct walk *k, uint32_t v, bool hbh, bool *seen)
{
	const char *why = NULL;

	if (*seen) {
		why = " - already seen";
	} else {
		*seen = true;
		if (!hbh)
			why = " - not a hop-by-hop option";
		else if (k->payload_len)
			why = " - payload len != 0";
		else if (v < 65536)
			why = " - < 65536";
		else {
			k->found_jumbo = true;
			k->payload_len = v;
		}
	}
	if (!verbose(k))
		return;
	out_s(k, "(jumbo: ");
	out_u(k, v);
	if (why)
		out_s(k, why);
	out_s(k, ") ");
}

/* The options of one header, p[0 .. len): false when one is inconsistent. */
static bool opts_walk(struct walk *k, const uint8_t *p, size_t len, bool hbh)
{
	bool seen_jumbo = false;
	size_t optlen;

	for (size_t i = 0; i < len; i += optlen) {
		const uint8_t *o = p + i;
		size_t left = len - i;

		if (o[0] == IP6OPT_PAD1)
			optlen = 1;
		else if (i + 1 < len)
			optlen = o[1] + 2u;
		else
			return false;
		if (i + optlen > len)
			return false;
		keep_opt(k, o[0], o[0] == IP6OPT_PAD1 ? 0 : o[1], o + 2);
		switch (o[0]) {
		case IP6OPT_PAD1:
			if (verbose(k))
				out_s(k, "(pad1)");
			break;
		case IP6OPT_PADN:
			if (left < 2) {
				out_s(k, "(padn: trunc)");
				return false;
			}
			if (verbose(k))
				out_s(k, "(padn)");
			break;
		case IP6OPT_RTALERT:
			if (!opt_fits(k, "rtalert", o, left, 4))
				return false;
			if (verbose(k)) {
				out_s(k, "(rtalert: 0x");
				out_hex(k, pkt_be16(o + 2), 4);
				out_s(k, ") ");
			}
			break;
		case IP6OPT_JUMBO:
			if (!opt_fits(k, "jumbo", o, left, 6))
				return false;
			jumbo_opt(k, pkt_be32(o + 2), hbh, &seen_jumbo);
			break;
		case IP6OPT_HOMEADDR:
			if (left < 18) {
				out_s(k, "(homeaddr: trunc)");
				return false;
			}
			if (o[1] < 16) {
				out_s(k, "(homeaddr: invalid len ");
				out_u(k, o[1]);
				out_s(k, ")");
				return false;
			}
			if (verbose(k)) {
				out_s(k, "(homeaddr: ");
				out_ip6(k, o + 2);
				if (optlen > 18)
					homeaddr_subopts(k, o + 18, optlen - 18);
				out_s(k, ")");
			}
			break;
		default:
			if (verbose(k)) {
				out_s(k, "(opt_type 0x");
				out_hex(k, o[0], 2);
				out_s(k, ": len=");
				out_u(k, o[1]);
				out_s(k, ")");
			}
			break;
		}
	}
	if (verbose(k))
		out_s(k, " ");
	return true;
}

/*
 * A hop-by-hop or destination options header at off: its length, or 0 when
 * it is cut short or an option is inconsistent (marked " [|hbhopt]").
 * tcpdump walks hop-by-hop options at every -v level (the jumbo option
 * decides the payload's length), destination options only with -v.
 */
static size_t opts_hdr(struct walk *k, size_t off, bool hbh)
{
	const char *what = hbh ? "hbhopt" : "dstopt";
	const uint8_t *h = k->w->ip + off;
	size_t hlen;

	if (!have(k, off + 2) || !have(k, off + ((size_t)h[1] + 1) * 8)) {
		trunc_mark(k, what);
		stop(k, IP6X_TRUNC,
		     cut_reason(k, have(k, off + 2) ? off + ((size_t)h[1] + 1) * 8 : off + 2));
		return 0;
	}
	hlen = ((size_t)h[1] + 1) * 8;
	out_s(k, hbh ? "HBH " : "DSTOPT ");
	/* the dissector lists destination options for JSON, whatever they hold */
	if (hbh || verbose(k)) {
		if (!opts_walk(k, h + 2, hlen - 2, hbh)) {
			trunc_mark(k, what);
			stop(k, IP6X_TRUNC, PKT_REASON_OPTION);
			return 0;
		}
	} else if (k->w->ip6) {
		opts_walk(k, h + 2, hlen - 2, hbh);
	}
	return hlen;
}

/* ---- routing ------------------------------------------------------------------------------ */

static void keep_rt(struct walk *k, const uint8_t *h, size_t n_addr)
{
	struct pkt_ipv6 *ip = k->w->ip6;

	if (!ip)
		return;
	ip->rt_len = h[1];
	ip->rt_type = h[2];
	ip->rt_segleft = h[3];
	ip->rt_word = pkt_be32(h + 4);
	ip->rt_n_addr = (uint8_t)n_addr;
	for (size_t i = 0; i < n_addr && i < PKT_IP6_MAX_RT; i++)
		memcpy(ip->rt_addr[i], h + 8 + 16 * i, 16);
	/*
	 * The address transport checksums cover, as tcpdump finds it: the last
	 * one of types 0 and 2, the first (the final segment) of type 4.
	 */
	if (n_addr) {
		size_t i = h[2] == 4 ? 0 : n_addr - 1;

		memcpy(ip->rt_final, h + 8 + 16 * i, 16);
		ip->has_rt_final = true;
	}
}

/* "RT6 (len=2, type=0 [Deprecated], segleft=0, [0]2001:db8::2) ": the header's length, or 0. */
static size_t rt_hdr(struct walk *k, size_t off)
{
	const uint8_t *h = k->w->ip + off;
	unsigned len, type;
	size_t n, need = off + 2;

	/* tcpdump's ip6_print checks the next header byte first, then rt6_print names itself */
	if (!have(k, need = off + 1)) {
		trunc_mark(k, "ip6");
		stop(k, IP6X_TRUNC, cut_reason(k, need));
		return 0;
	}
	out_s(k, "RT6");
	if (!have(k, need = off + 2))
		goto trunc;
	len = h[1];
	out_s(k, " (len=");
	out_u(k, len);
	if (!have(k, need = off + 3))
		goto trunc;
	type = h[2];
	out_s(k, ", type=");
	out_u(k, type);
	if (type == 0)
		out_s(k, " [Deprecated]");
	if (!have(k, need = off + 4))
		goto trunc;
	out_s(k, ", segleft=");
	out_u(k, h[3]);
	switch (type) {
	case 0:
	case 2:
		if (!have(k, need = off + 8))
			goto trunc;
		if (pkt_be32(h + 4) || verbose(k)) {
			out_s(k, ", rsv=0x");
			out_hex(k, pkt_be32(h + 4), 1);
		}
		break;
	case 4:
		if (!have(k, need = off + 5))
			goto trunc;
		out_s(k, ", last-entry=");
		out_u(k, h[4]);
		if (!have(k, need = off + 6))
			goto trunc;
		if (h[5] || verbose(k)) {
			out_s(k, ", flags=0x");
			out_hex(k, h[5], 1);
		}
		if (!have(k, need = off + 8))
			goto trunc;
		out_s(k, ", tag=");
		out_hex(k, pkt_be16(h + 6), 1);
		break;
	default:
		out_s(k, " (unknown type) (invalid)");
		stop(k, IP6X_INVALID, PKT_REASON_EXT_INVALID);
		return 0;
	}
	if (len % 2) {
		out_s(k, " (invalid length ");
		out_u(k, len);
		out_s(k, ") (invalid)");
		stop(k, IP6X_INVALID, PKT_REASON_EXT_INVALID);
		return 0;
	}
	n = len / 2;
	for (size_t i = 0; i < n; i++) {
		if (!have(k, need = off + 8 + 16 * (i + 1)))
			goto trunc;
		out_s(k, ", [");
		out_u(k, (uint32_t)i);
		out_s(k, "]");
		out_ip6(k, h + 8 + 16 * i);
	}
	out_s(k, ") ");
	keep_rt(k, h, n);
	return ((size_t)len + 1) * 8;
trunc:
	trunc_mark(k, "rt6");
	stop(k, IP6X_TRUNC, cut_reason(k, need));
	return 0;
}

/* ---- fragment ----------------------------------------------------------------------------- */

/* "frag (0x00000005:0|1232) ": false when the walk ends here. */
static bool frag_hdr(struct walk *k, size_t off, uint16_t plen)
{
	const uint8_t *h = k->w->ip + off;
	/* tcpdump counts the fragment's bytes from the header's payload length */
	uint32_t flen = (uint32_t)(IP6_HDR_LEN + plen - off - 8);
	uint16_t offlg;

	if (!have(k, off + (verbose(k) ? 8 : 4))) {
		trunc_mark(k, "frag6");
		stop(k, IP6X_TRUNC, cut_reason(k, off + 8));
		return false;
	}
	offlg = pkt_be16(h + 2);
	out_s(k, "frag (");
	if (verbose(k)) {
		out_s(k, "0x");
		out_hex(k, pkt_be32(h + 4), 8);
		out_s(k, ":");
	}
	out_u(k, offlg & 0xfff8);
	out_s(k, "|");
	out_u(k, flen);
	out_s(k, ")");
	if (k->w->ip6 && have(k, off + 8)) {
		struct pkt_ipv6 *ip = k->w->ip6;

		ip->has_frag = true;
		ip->frag_off = offlg & 0xfff8;
		ip->frag_more = offlg & 1;
		ip->frag_id = pkt_be32(h + 4);
		ip->frag_len = (uint16_t)flen;
	}
	/* a later fragment carries no header to decode: its data follows */
	if (offlg & 0xfff8) {
		stop(k, IP6X_DONE, PKT_REASON_NONE);
		k->w->upper = h[0];
		k->w->upper_off = off + 8;
		return false;
	}
	out_s(k, " ");
	if (!have(k, off + 8)) {
		stop(k, IP6X_TRUNC, cut_reason(k, off + 8));
		return false;
	}
	/*
	 * Nothing captured past it: tcpdump's line ends here.  The dissector
	 * goes on, to mark the upper layer cut.
	 */
	if (k->w->b && k->snap <= off + 8) {
		stop(k, IP6X_DONE, PKT_REASON_NONE);
		return false;
	}
	k->w->fragmented = true;
	return true;
}

/* ---- the walk ----------------------------------------------------------------------------- */

static void keep_ext(struct walk *k, uint8_t nh, size_t len)
{
	struct pkt_ipv6 *ip = k->w->ip6;

	/* headers past PKT_IP6_MAX_EXT are walked and printed, not listed */
	if (k->ext_index < UINT8_MAX)
		k->ext_index++;
	if (!ip || ip->n_ext == PKT_IP6_MAX_EXT)
		return;
	ip->ext[ip->n_ext++] = nh;
	ip->ext_len = (uint16_t)(ip->ext_len + len);
}

/*
 * tcpdump's ip6_print loop: each extension header in turn until an upper
 * layer, with its checks of order and length.  The addresses are the
 * caller's to print ("src > dst: " unless TCP, UDP, DCCP or SCTP follows
 * the fixed header directly).
 */
void ip6x_walk(struct ip6x *w)
{
	struct walk k = { .w = w };
	const uint8_t *ip = w->ip;
	uint16_t plen = pkt_be16(ip + 4);
	uint8_t nh = ip[6], ph = 255;
	size_t len, off = 0, adv = IP6_HDR_LEN, total = 0;
	bool found_ext = false, found_hbh = false;

	w->fragmented = w->jumbo = false;
	k.payload_len = plen;
	/* A zero length is a jumbogram's: the headers are walked to find its option. */
	len = plen ? (size_t)plen + IP6_HDR_LEN : w->wire + IP6_HDR_LEN;
	k.snap = w->cap < len ? w->cap : len;
	while (off < k.snap) {
		if (len < adv) {
			trunc_mark(&k, "ip6");
			stop(&k, IP6X_TRUNC, PKT_REASON_EXT_PAST_END);
			return;
		}
		off += adv;
		len -= adv;
		total += adv;
		switch (nh) {
		case PROTO_IP_HOPOPTS:
			if (found_hbh || ph != 255) {
				out_s(&k, found_hbh ? "[The Hop-by-Hop Options header was already found]"
						    : "[The Hop-by-Hop Options header don't follow the "
						      "IPv6 header]");
				out_s(&k, " (invalid)");
				stop(&k, IP6X_INVALID, PKT_REASON_EXT_ORDER);
				return;
			}
			adv = opts_hdr(&k, off, true);
			if (k.payload_len == 0 && !k.found_jumbo) {
				out_s(&k, "[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
				stop(&k, IP6X_INVALID, PKT_REASON_JUMBO);
				return;
			}
			if (!adv)
				return;
			found_hbh = true;
			break;
		case PROTO_IP_DSTOPTS:
			adv = opts_hdr(&k, off, false);
			if (!adv)
				return;
			break;
		case PROTO_IP_FRAGMENT:
			if (!frag_hdr(&k, off, plen)) {
				/* a later fragment's header is still one of the packet's */
				if (w->end == IP6X_DONE && have(&k, off + 8))
					keep_ext(&k, nh, 8);
				return;
			}
			adv = 8;
			break;
		case PROTO_IP_ROUTING:
			adv = rt_hdr(&k, off);
			if (!adv)
				return;
			break;
		case IP6_MOBILITY_OLD:
		case IP6_MOBILITY:
			if (w->b)
				ip6_mobility_print(w->b, ip + off, k.snap - off, w->verbosity);
			stop(&k, IP6X_DONE, PKT_REASON_NONE);
			return;
		default:
			if (k.found_jumbo) {
				len = (size_t)k.payload_len + IP6_HDR_LEN;
				if (len < total) {
					trunc_mark(&k, "ip6");
					stop(&k, IP6X_TRUNC, PKT_REASON_EXT_PAST_END);
					return;
				}
				if (w->wire < len) {
					out_s(&k, "truncated-ip6 - ");
					out_u(&k, (uint32_t)(len - w->wire));
					out_s(&k, " bytes missing!");
				}
				len -= total;
				w->jumbo = true;
			} else if (plen == 0) {
				if (found_ext) {
					trunc_mark(&k, "ip6");
					stop(&k, IP6X_TRUNC, PKT_REASON_EXT_PAST_END);
					return;
				}
				len = 0;
			}
			w->end = IP6X_UPPER;
			w->upper = nh;
			w->upper_off = off;
			w->upper_len = (uint32_t)len;
			return;
		}
		keep_ext(&k, nh, adv);
		found_ext = true;
		ph = nh;
		nh = ip[off];
	}
	stop(&k, IP6X_DONE, PKT_REASON_NONE);
}
