/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6_rr.c: ICMPv6 router renumbering (RFC 2894), printed as tcpdump 4.99 does. */
#include "config.h"

#include "decode/proto_icmp6_msg.h"

/* The header after the ICMPv6 one: segment, flags, max delay, reserved (RFC 2894 3.1). */
#define RR_HDR_END   16
#define RR_MATCH_LEN 24 /* a match-prefix part (3.1) */
#define RR_USE_LEN   32 /* a use-prefix part */

static void rr_sep(struct line *x)
{
	pbuf_puts(&x->b, x->o->verbosity > 1 ? "\n\t" : " ");
}

/* "use(V,mask=0x0,raflags=0x0,vltime=infty,pltime=604800,3ffe:501::/48/16)" */
static bool rr_use(struct line *x, const struct icmp6_msg *g, size_t off)
{
	const uint8_t *u = icmp6_at(g, off, RR_USE_LEN);
	struct pbuf *b = &x->b;

	if (!u)
		return false;
	rr_sep(x);
	pbuf_puts(b, "use(");
	if (be32(u + 12)) {
		if (u[12] & 0x80)
			pbuf_putc(b, 'V');
		if (u[12] & 0x40)
			pbuf_putc(b, 'P');
		pbuf_putc(b, ',');
	}
	if (x->o->verbose) {
		pbuf_puts(b, "mask=0x");
		pbuf_hex(b, u[2], 1);
		pbuf_puts(b, ",raflags=0x");
		pbuf_hex(b, u[3], 1);
		pbuf_putc(b, ',');
		for (int i = 0; i < 2; i++) {
			uint32_t t = be32(u + 4 + 4 * i);

			pbuf_puts(b, i ? "pltime=" : "vltime=");
			if (t == UINT32_MAX)
				pbuf_puts(b, "infty");
			else
				pbuf_u32(b, t);
			pbuf_putc(b, ',');
		}
	}
	pbuf_ip6(b, u + 16);
	pbuf_putc(b, '/');
	pbuf_u32(b, u[0]);
	pbuf_putc(b, '/');
	pbuf_u32(b, u[1]);
	pbuf_putc(b, ')');
	return true;
}

/* ", command, seq=0[S,seg=0,maxdelay=0] match(add,...) use(...)": false when cut short. */
static bool rr_print(struct line *x, const struct icmp6_msg *g)
{
	static const char *const codes[] = { "command", "result" };
	static const char *const match_codes[] = { [1] = "add", [2] = "change", [3] = "setglobal" };
	const struct pkt_icmp6 *ic = g->ic;
	struct pbuf *b = &x->b;
	const uint8_t *h = icmp6_at(g, 8, 8), *m;
	unsigned n;

	if (!h)
		return false;
	pbuf_puts(b, ", ");
	if (ic->code < 2) {
		pbuf_puts(b, codes[ic->code]);
	} else if (ic->code == 255) {
		pbuf_puts(b, "sequence number reset");
	} else {
		pbuf_puts(b, "code-#");
		pbuf_u32(b, ic->code);
	}
	pbuf_puts(b, ", seq=");
	pbuf_u32(b, ic->rest);
	if (x->o->verbose) {
		pbuf_putc(b, '[');
		if (h[1]) {
			static const char flags[] = "TRASP";

			for (int i = 0; i < 5; i++)
				if (h[1] & (0x80 >> i))
					pbuf_putc(b, flags[i]);
			pbuf_putc(b, ',');
		}
		pbuf_puts(b, "seg=");
		pbuf_u32(b, h[0]);
		pbuf_puts(b, ",maxdelay=");
		pbuf_u32(b, be16(h + 2));
		if (be32(h + 4)) {
			pbuf_puts(b, "rsvd=0x");
			pbuf_hex(b, be32(h + 4), 1);
		}
		pbuf_putc(b, ']');
	}
	if (ic->code != 0)
		return true;
	m = icmp6_at(g, RR_HDR_END, RR_MATCH_LEN);
	if (!m)
		return false;
	rr_sep(x);
	pbuf_puts(b, "match(");
	if (m[0] >= 1 && m[0] <= 3) {
		pbuf_puts(b, match_codes[m[0]]);
	} else {
		pbuf_putc(b, '#');
		pbuf_u32(b, m[0]);
	}
	if (x->o->verbose) {
		pbuf_puts(b, ",ord=");
		pbuf_u32(b, m[2]);
		pbuf_puts(b, ",min=");
		pbuf_u32(b, m[4]);
		pbuf_puts(b, ",max=");
		pbuf_u32(b, m[5]);
	}
	pbuf_putc(b, ',');
	pbuf_ip6(b, m + 8);
	pbuf_putc(b, '/');
	pbuf_u32(b, m[3]);
	pbuf_putc(b, ')');
	/* the match part's length, in 8-byte units, counts its use parts: 3 + 4 each */
	if (m[1] < 3 || (m[1] - 3u) % 4)
		return false;
	n = (m[1] - 3u) / 4;
	for (unsigned i = 0; i < n; i++)
		if (!rr_use(x, g, RR_HDR_END + RR_MATCH_LEN + (size_t)RR_USE_LEN * i))
			return false;
	return true;
}

bool icmp6_router_renum(struct line *x, const struct icmp6_msg *g)
{
	/* tcpdump marks a message cut short and still ends the line with its length */
	if (!rr_print(x, g))
		pbuf_puts(&x->b, " [|icmp6]");
	return true;
}
