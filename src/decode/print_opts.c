/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print_opts.c: tcpdump's text for IPv4 options, IPv6 option headers and less common TCP options. */
#include "config.h"

#include "decode/print_impl.h"

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void hex_bytes(struct pbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pbuf_hex(b, p[i], 2);
}

/* A 64-bit number as "%" PRIx64 prints it. */
static void hex64(struct pbuf *b, const uint8_t *p)
{
	uint32_t hi = get32(p), lo = get32(p + 4);

	if (hi) {
		pbuf_hex(b, hi, 1);
		pbuf_hex(b, lo, 8);
	} else {
		pbuf_hex(b, lo, 1);
	}
}

/* ---- TCP ---------------------------------------------------------------------------------- */

enum {
	TCPOPT_ECHO = 6,
	TCPOPT_ECHOREPLY = 7,
	TCPOPT_CC = 11,
	TCPOPT_CCNEW = 12,
	TCPOPT_CCECHO = 13,
	TCPOPT_MD5 = 19, /* RFC 2385 */
	TCPOPT_UTO = 28, /* RFC 5482 */
	TCPOPT_AO = 29,	 /* RFC 5925 */
	TCPOPT_MPTCP = 30,
	TCPOPT_TFO = 34,	 /* RFC 7413 */
	TCPOPT_EXP = 254,	 /* RFC 6994 experiments, by magic number */
	TCPOPT_EXP_TFO = 0xf989, /* TFO before it had its kind */
};

/* RFC 8684 subtypes, with tcpdump's names. */
static const char *const mptcp_names[] = {
	"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "tcprst",
};

/* " cookiereq", " cookie 0a0b...", or " (invalid)": RFC 7413 cookies are 4 to 16 even bytes. */
static void tcp_tfo(struct pbuf *b, const uint8_t *p, size_t n)
{
	if (!n)
		pbuf_puts(b, " cookiereq");
	else if (n % 2 || n < 4 || n > 16)
		pbuf_puts(b, " (invalid)");
	else {
		pbuf_puts(b, " cookie ");
		hex_bytes(b, p, n);
	}
}

/*
 * MP_CAPABLE (RFC 8684 3.1): subtype and version, flags, then the sender's
 * key and, on the third ACK, the receiver's.  The other subtypes print by
 * name only (README.sniff lists it).
 */
static void tcp_mptcp(struct pbuf *b, const uint8_t *p, size_t n)
{
	unsigned sub;

	pbuf_putc(b, ' ');
	pbuf_u32(b, (uint32_t)n + 2);
	if (!n) {
		pbuf_puts(b, " [len 2]");
		return;
	}
	sub = p[0] >> 4;
	pbuf_putc(b, ' ');
	pbuf_puts(b, sub < sizeof(mptcp_names) / sizeof(mptcp_names[0]) ? mptcp_names[sub] :
									  "unknown");
	if (sub != 0 || n < 2)
		return;
	if ((p[0] & 0xf) > 1) {
		pbuf_puts(b, " Unknown Version (");
		pbuf_u32(b, p[0] & 0xf);
		pbuf_putc(b, ')');
		return;
	}
	pbuf_puts(b, " v");
	pbuf_u32(b, p[0] & 0xf);
	if (p[1] & 0x80)
		pbuf_puts(b, " csum");
	if (n >= 10) {
		pbuf_puts(b, " {0x");
		hex64(b, p + 2);
		if (n >= 18) {
			pbuf_puts(b, ",0x");
			hex64(b, p + 10);
		}
		pbuf_putc(b, '}');
	}
}

static void tcp_ao(struct pbuf *b, const uint8_t *p, size_t n)
{
	if (n < 2) {
		pbuf_puts(b, " (invalid)");
		return;
	}
	pbuf_puts(b, " keyid ");
	pbuf_u32(b, p[0]);
	pbuf_puts(b, " rnextkeyid ");
	pbuf_u32(b, p[1]);
	if (n > 2) {
		pbuf_puts(b, " mac 0x");
		hex_bytes(b, p + 2, n - 2);
	}
}

void print_opts_tcp(struct pbuf *b, const struct pkt_tcp *t, const struct pkt_tcp_opt *o)
{
	/* tcp_options kept off + len - 2 inside the 40 bytes of opt_data */
	const uint8_t *p = t->opt_data + o->off;
	size_t n = o->len - 2u;
	uint32_t v;

	switch (o->kind) {
	case TCPOPT_ECHO:
	case TCPOPT_ECHOREPLY:
	case TCPOPT_CC:
	case TCPOPT_CCNEW:
	case TCPOPT_CCECHO:
		/* RFC 1072 and 1644, long obsolete; tcpdump names ccecho "" */
		pbuf_puts(b, o->kind == TCPOPT_ECHO	 ? "echo" :
			     o->kind == TCPOPT_ECHOREPLY ? "echoreply" :
			     o->kind == TCPOPT_CC	 ? "cc" :
			     o->kind == TCPOPT_CCNEW	 ? "ccnew" :
							   "");
		if (n != 4)
			break;
		pbuf_putc(b, ' ');
		pbuf_u32(b, get32(p));
		return;
	case TCPOPT_MD5:
		pbuf_puts(b, "md5");
		if (n != 16)
			break;
		pbuf_puts(b, " shared secret not supplied with -M, can't check - ");
		hex_bytes(b, p, n);
		return;
	case TCPOPT_UTO:
		pbuf_puts(b, "uto");
		if (n != 2)
			break;
		/* granularity bit set: minutes */
		v = get16(p);
		pbuf_puts(b, " 0x");
		pbuf_hex(b, v, 1);
		pbuf_putc(b, ' ');
		pbuf_u32(b, v & 1 ? (v >> 1) * 60 : v >> 1);
		return;
	case TCPOPT_AO:
		pbuf_puts(b, "tcp-ao");
		tcp_ao(b, p, n);
		return;
	case TCPOPT_MPTCP:
		pbuf_puts(b, "mptcp");
		tcp_mptcp(b, p, n);
		return;
	case TCPOPT_TFO:
		pbuf_puts(b, "tfo ");
		tcp_tfo(b, p, n);
		return;
	case TCPOPT_EXP:
		pbuf_puts(b, "exp");
		if (n < 2)
			break;
		pbuf_putc(b, '-');
		if (get16(p) == TCPOPT_EXP_TFO) {
			pbuf_puts(b, "tfo");
			tcp_tfo(b, p + 2, n - 2);
		} else {
			pbuf_hex(b, get16(p), 4);
		}
		return;
	default:
		pbuf_puts(b, "unknown-");
		pbuf_u32(b, o->kind);
		if (n) {
			pbuf_puts(b, " 0x");
			hex_bytes(b, p, n);
		}
		return;
	}
	pbuf_puts(b, " [len ");
	pbuf_u32(b, o->len);
	pbuf_putc(b, ']');
}

/* ---- IPv4 --------------------------------------------------------------------------------- */

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

static void ip4_bad_len(struct pbuf *b, unsigned len)
{
	pbuf_puts(b, " [bad length ");
	pbuf_u32(b, len);
	pbuf_putc(b, ']');
}

/* Record route and source routes (RFC 791): a pointer, then addresses. */
static void ip4_route(struct pbuf *b, const uint8_t *p, unsigned len)
{
	unsigned ptr;

	if (len < 3) {
		ip4_bad_len(b, len);
		return;
	}
	if ((len + 1) & 3)
		ip4_bad_len(b, len);
	ptr = p[2] - 1u;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > len + 1) {
		pbuf_puts(b, " [bad ptr ");
		pbuf_u32(b, p[2]);
		pbuf_putc(b, ']');
	}
	for (unsigned i = 3; i + 4 <= len; i += 4) {
		pbuf_putc(b, ' ');
		pbuf_ip4(b, p + i);
		if (ptr > i)
			pbuf_putc(b, ',');
	}
}

/* Timestamp (RFC 791): "TS{TSONLY ^ 0@ 0@}", '^' where the pointer is. */
static void ip4_ts(struct pbuf *b, const uint8_t *p, unsigned len)
{
	static const char *const kinds[] = { "TSONLY", "TS+ADDR", NULL, "PRESPEC" };
	unsigned hop, ptr, flag;
	const char *sep = " ";

	if (len < 4) {
		pbuf_puts(b, "[bad length ");
		pbuf_u32(b, len);
		pbuf_putc(b, ']');
		return;
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
		for (i = 4; i + hop <= len; i += hop) {
			pbuf_puts(b, ptr == i ? " ^ " : sep);
			pbuf_u32(b, get32(p + i + hop - 4));
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
}

static const char *ip4_opt_name(uint8_t code)
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

void print_opts_ipv4(struct pbuf *b, const struct pkt_ipv4 *ip)
{
	unsigned left = ip->opt_len < sizeof(ip->opts) ? ip->opt_len : sizeof(ip->opts);
	const uint8_t *p = ip->opts;

	pbuf_puts(b, ", options (");
	for (unsigned len; left; p += len, left -= len) {
		const char *name = ip4_opt_name(p[0]);

		if (p != ip->opts)
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
			ip4_bad_len(b, len);
			break;
		}
		if (p[0] == IPOPT_TS) {
			ip4_ts(b, p, len);
		} else if (p[0] == IPOPT_RR || p[0] == IPOPT_LSRR || p[0] == IPOPT_SSRR) {
			ip4_route(b, p, len);
		} else if (p[0] == IPOPT_RA) {
			if (len < 4)
				ip4_bad_len(b, len);
			else if (get16(p + 2)) {
				pbuf_puts(b, " value ");
				pbuf_u32(b, get16(p + 2));
			}
		}
	}
	pbuf_putc(b, ')');
}

/* ---- IPv6 --------------------------------------------------------------------------------- */

enum {
	IP6OPT_PAD1 = 0,
	IP6OPT_PADN = 1,
	IP6OPT_RTALERT = 5,
	IP6OPT_JUMBO = 0xc2,
};

/* " (rtalert: 0x0000) (padn)": the options of extension header k, tcpdump's way. */
void print_opts_ipv6(struct pbuf *b, const struct pkt_ipv6 *ip, unsigned k)
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
void print_opts_rt6(struct pbuf *b, const struct pkt_ipv6 *ip, bool verbose)
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
