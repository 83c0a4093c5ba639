/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6_nd.c: neighbour discovery options (RFC 4861 4.6 and after) as tcpdump prints them. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_icmp6_msg.h"

static void icmp6_lifetime(struct pbuf *b, uint32_t v)
{
	if (v == 0xffffffff) {
		pbuf_puts(b, "infinity");
		return;
	}
	pbuf_u32(b, v);
	pbuf_putc(b, 's');
}

const char *icmp6_rtpref(uint8_t flags)
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
bool icmp6_opts(struct line *x, const struct icmp6_msg *g, size_t off)
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
