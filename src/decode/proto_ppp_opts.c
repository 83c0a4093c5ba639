/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp_opts.c: the configuration options of LCP (RFC 1661 6 and the
 * RFCs after it), IPCP (RFC 1332, 1877, 2290, 3544), IPv6CP (RFC 5072), CCP
 * (RFC 1962 and the compressors') and BACP (RFC 2125), as tcpdump 4.99.3's
 * print_*_config_options print them: one line each, the value, the length
 * checks' complaints, and with -vv the option's bytes.
 */
#include "config.h"

#include "decode/proto_l2.h"
#include "decode/proto_ppp_cp.h"

/* lcpconfopts, by option number */
static const char *const lcp_names[] = {
	"Vend-Ext",	   "MRU",	    "ACCM",	      "Auth-Prot",
	"Qual-Prot",	   "Magic-Num",	    "deprecated(6)",  "PFC",
	"ACFC",		   "FCS-Alt",	    "SDP",	      "Num-Mode",
	"deprecated(12)",  "Call-Back",	    "deprecated(14)", "deprecated(15)",
	"deprecated(16)",  "MRRU",	    "12-Bit seq #",   "End-Disc",
	"Proprietary",	   "DCE-Id",	    "MP+",	      "Link-Disc",
	"LCP-Auth-Opt",	   "COBS",	    "Prefix-elision", "Multilink-header-Form",
	"I18N",		   "SDL-over-SONET/SDH", "PPP-Muxing",
};
#define LCP_NAMES (sizeof(lcp_names) / sizeof(lcp_names[0]))

static const struct msg_tok auth_algs[] = {
	{ 5, "MD5" }, { 128, "MS-CHAPv1" }, { 129, "MS-CHAPv2" }, { 0, NULL },
};

static const struct msg_tok callback_ops[] = {
	{ 0, "UserAuth" }, { 1, "DialString" }, { 2, "LocalID" },
	{ 3, "E.164" },	   { 4, "X.500" },	{ 6, "CBCP" }, { 0, NULL },
};

static const struct msg_tok ipcp_names[] = {
	{ 1, "IP-Addrs" },   { 2, "IP-Comp" },	 { 3, "IP-Addr" },   { 4, "Home-Addr" },
	{ 129, "Pri-DNS" },  { 130, "Pri-NBNS" }, { 131, "Sec-DNS" }, { 132, "Sec-NBNS" },
	{ 0, NULL },
};

static const struct msg_tok ipcp_comp_protos[] = {
	{ 0x002d, "VJ-Comp" }, { 0x61, "IP Header Compression" }, { 0, NULL },
};

static const struct msg_tok ipcp_comp_subopts[] = {
	{ 1, "RTP-Compression" }, { 2, "Enhanced RTP-Compression" }, { 0, NULL },
};

static const struct msg_tok ip6cp_names[] = { { 1, "Interface-ID" }, { 0, NULL } };

static const struct msg_tok ccp_names[] = {
	{ 0, "OUI" },	       { 1, "Pred-1" },	  { 2, "Pred-2" },    { 3, "Puddle" },
	{ 16, "HP-PPC" },      { 17, "Stac-LZS" }, { 18, "MPPC" },     { 19, "Gand-FZA" },
	{ 20, "V.42bis" },     { 21, "BSD-Comp" }, { 23, "LZS-DCP" },  { 24, "MVRCA" },
	{ 25, "DEC" },	       { 26, "Deflate" },  { 255, "Reserved" }, { 0, NULL },
};

static const struct msg_tok bacp_names[] = { { 1, "Favored-Peer" }, { 0, NULL } };

#define IPCP_IPCOMP_HDRCOMP 0x61
#define IPCP_IPCOMP_MINLEN  14

/* " (length bogus, should be >= 4)" and the like. */
static void bogus(struct ppp_pr *p, const char *rel, unsigned want)
{
	msg_printf(p->b, " (length bogus, should be %s %u)", rel, want);
}

/* A printer's own "goto trunc": "[|lcp]", no space, and nothing more. */
static size_t opt_trunc(struct ppp_pr *p, const char *what)
{
	pbuf_puts(p->b, "[|");
	pbuf_puts(p->b, what);
	pbuf_putc(p->b, ']');
	p->cut = true;
	return 0;
}

/*
 * The common start of every option printer: the type and length (false to
 * stop, *adv the answer), and the "unknown" complaints of a length below 2.
 */
static bool opt_head(struct ppp_pr *p, size_t o, size_t length, const char *what,
		     const struct msg_tok *names, const char *unknown, uint8_t *opt, uint8_t *len)
{
	if (length < 2)
		return false;
	if (!msg_has(&p->g, o, 2)) {
		opt_trunc(p, what);
		return false;
	}
	*opt = msg_u8(&p->g, o);
	*len = msg_u8(&p->g, o + 1);
	if (length < *len)
		return false;
	pbuf_puts(p->b, "\n\t  ");
	msg_tok_put(p->b, names, unknown, *opt);
	msg_printf(p->b, " Option (0x%02x), length %u", *opt, *len);
	if (*len < 2) {
		pbuf_puts(p->b, " (length bogus, should be >= 2)");
		return false;
	}
	return true;
}

/* The end of every option printer: an unknown option's bytes, or with -vv any option's. */
static size_t opt_tail(struct ppp_pr *p, size_t o, uint8_t len, bool known)
{
	if (p->cut)
		return 0;
	if ((!known && p->v < 2) || p->v > 1)
		ppp_unknown_data(p, o + 2, len - 2u, "\n\t    ");
	return len;
}

/* RFC 1990's endpoint discriminator: its class, and the address of two of them. */
static size_t lcp_ed(struct ppp_pr *p, size_t o, uint8_t len)
{
	uint8_t cls = ppp_u8(p, o + 2);

	if (p->cut)
		return 0;
	switch (cls) {
	case 0:
		pbuf_puts(p->b, ": Null");
		break;
	case 1:
		pbuf_puts(p->b, ": Local");
		break;
	case 2:
		if (len != 7) {
			bogus(p, "=", 7);
			return 0;
		}
		if (!ppp_need(p, o + 3, 4))
			return 0;
		pbuf_puts(p->b, ": IPv4 ");
		pbuf_ip4(p->b, p->g.p + o + 3);
		break;
	case 3:
		if (len != 9) {
			bogus(p, "=", 9);
			return 0;
		}
		if (!ppp_need(p, o + 3, 6))
			return 0;
		pbuf_puts(p->b, ": MAC ");
		pbuf_mac(p->b, p->g.p + o + 3);
		break;
	case 4:
		pbuf_puts(p->b, ": Magic-Num-Block");
		break;
	case 5:
		pbuf_puts(p->b, ": PSNDN");
		break;
	default:
		msg_printf(p->b, ": Unknown class %u", cls);
		break;
	}
	return len;
}

/* The authentication protocol option: the protocol, CHAP's algorithm, others' bytes. */
static void lcp_auth(struct ppp_pr *p, size_t o, uint8_t len)
{
	uint16_t ap = ppp_u16(p, o + 2);
	const char *name = ppp_proto_name(ap);
	uint8_t alg;

	if (p->cut)
		return;
	pbuf_puts(p->b, ": ");
	pbuf_puts(p->b, name ? name : "Unknown Auth Proto (0x04x)");
	switch (ap) {
	case PPP_PROTO_CHAP:
		alg = ppp_u8(p, o + 4);
		if (p->cut)
			return;
		pbuf_puts(p->b, ", ");
		msg_tok_put(p->b, auth_algs, "Unknown Auth Alg %u", alg);
		break;
	case PPP_PROTO_PAP:
	case 0xc227: /* EAP */
	case 0xc027: /* SPAP */
	case 0xc123: /* old SPAP */
		break;
	default:
		ppp_unknown_data(p, o, len, "\n\t");
		break;
	}
}

static size_t lcp_opt(struct ppp_pr *p, size_t o, size_t length)
{
	uint8_t opt, len;
	uint32_t v;

	if (length < 2)
		return 0;
	if (!msg_has(&p->g, o, 2))
		return opt_trunc(p, "lcp");
	opt = msg_u8(&p->g, o);
	len = msg_u8(&p->g, o + 1);
	if (length < len)
		return 0;
	if (opt >= LCP_NAMES) {
		msg_printf(p->b, "\n\tunknown LCP option 0x%02x", opt);
		return len < 2 ? 0 : len;
	}
	msg_printf(p->b, "\n\t  %s Option (0x%02x), length %u", lcp_names[opt], opt, len);
	if (len < 2) {
		pbuf_puts(p->b, " (length bogus, should be >= 2)");
		return 0;
	}
	switch (opt) {
	case 0: /* vendor extension: the OUI */
		if (len < 6) {
			bogus(p, ">=", 6);
			return len;
		}
		if (!ppp_need(p, o + 2, 3))
			return 0;
		v = msg_u24(&p->g, o + 2);
		msg_printf(p->b, ": Vendor: %s (%u)", proto_llc_oui_name(v) ?: "Unknown", v);
		break;
	case 1: /* MRU */
	case 17: /* MRRU */
	case 23: /* link discriminator */
		if (len != 4) {
			bogus(p, "=", 4);
			return opt == 1 ? len : 0;
		}
		v = ppp_u16(p, o + 2);
		if (p->cut)
			return 0;
		msg_printf(p->b, opt == 23 ? ": 0x%04x" : ": %u", v);
		break;
	case 2: /* ACCM */
	case 5: /* magic number */
		if (len != 6) {
			bogus(p, "=", 6);
			return opt == 2 ? len : 0;
		}
		v = ppp_u32(p, o + 2);
		if (p->cut)
			return 0;
		msg_printf(p->b, ": 0x%08x", v);
		break;
	case 3:
		if (len < 4) {
			bogus(p, ">=", 4);
			return len;
		}
		lcp_auth(p, o, len);
		break;
	case 4: /* quality protocol */
		if (len < 4) {
			bogus(p, ">=", 4);
			return 0;
		}
		v = ppp_u16(p, o + 2);
		if (p->cut)
			return 0;
		pbuf_puts(p->b, v == PPP_PROTO_LQM ? ": LQR" : ": unknown");
		break;
	case 7: /* PFC */
	case 8: /* ACFC */
		break;
	case 13: /* callback: tcpdump's ": " twice */
		if (len < 3) {
			bogus(p, ">=", 3);
			return 0;
		}
		pbuf_puts(p->b, ": ");
		v = ppp_u8(p, o + 2);
		if (p->cut)
			return 0;
		pbuf_puts(p->b, ": Callback Operation ");
		msg_tok_put(p->b, callback_ops, "Unknown", v);
		msg_printf(p->b, " (%u)", v);
		break;
	case 19: /* endpoint discriminator */
		if (len < 3) {
			bogus(p, ">=", 3);
			return 0;
		}
		if (!lcp_ed(p, o, len))
			return 0;
		break;
	default:
		return opt_tail(p, o, len, false);
	}
	return opt_tail(p, o, len, true);
}

/* RFC 3544's IP header compression parameters and suboptions; false to stop. */
static bool ipcp_iphc(struct ppp_pr *p, size_t *o, uint8_t len)
{
	uint32_t left;

	if (len < IPCP_IPCOMP_MINLEN) {
		bogus(p, ">=", IPCP_IPCOMP_MINLEN);
		return false;
	}
	if (!msg_has(&p->g, *o + 2, IPCP_IPCOMP_MINLEN)) {
		opt_trunc(p, "ipcp");
		return false;
	}
	msg_printf(p->b,
		   "\n\t    TCP Space %u, non-TCP Space %u, maxPeriod %u, maxTime %u, maxHdr %u",
		   msg_u16(&p->g, *o + 4), msg_u16(&p->g, *o + 6), msg_u16(&p->g, *o + 8),
		   msg_u16(&p->g, *o + 10), msg_u16(&p->g, *o + 12));
	if (len <= IPCP_IPCOMP_MINLEN)
		return true;
	/* tcpdump moves its option pointer here: -vv's dump starts after the parameters */
	left = len - IPCP_IPCOMP_MINLEN;
	*o += IPCP_IPCOMP_MINLEN;
	msg_printf(p->b, "\n\t      Suboptions, length %u", left);
	/* and moves it over each suboption as well */
	for (size_t q = *o; left >= 2;) {
		uint8_t so, sl;

		if (!msg_has(&p->g, q, 2)) {
			opt_trunc(p, "ipcp");
			return false;
		}
		so = msg_u8(&p->g, q);
		sl = msg_u8(&p->g, q + 1);
		if (!so || !sl)
			break;
		pbuf_puts(p->b, "\n\t\t");
		msg_tok_put(p->b, ipcp_comp_subopts, "Unknown", so);
		msg_printf(p->b, " Suboption #%u, length %u", so, sl);
		if (left < sl) {
			msg_printf(p->b, " [remaining suboptions length %u < %u] (invalid)", left, sl);
			break;
		}
		left -= sl;
		q += sl;
		*o += sl;
	}
	return true;
}

static size_t ipcp_opt(struct ppp_pr *p, size_t o, size_t length)
{
	uint8_t opt, len;
	uint16_t comp;

	if (!opt_head(p, o, length, "ipcp", ipcp_names, "unknown", &opt, &len))
		return 0;
	switch (opt) {
	case 1: /* the deprecated IP-Addresses (RFC 1172) */
		if (len != 10) {
			bogus(p, "=", 10);
			return len;
		}
		if (!ppp_need(p, o + 2, 8))
			return 0;
		pbuf_puts(p->b, ": src ");
		pbuf_ip4(p->b, p->g.p + o + 2);
		pbuf_puts(p->b, ", dst ");
		pbuf_ip4(p->b, p->g.p + o + 6);
		break;
	case 2:
		if (len < 4) {
			bogus(p, ">=", 4);
			return 0;
		}
		comp = ppp_u16(p, o + 2);
		if (p->cut)
			return 0;
		pbuf_puts(p->b, ": ");
		msg_tok_put(p->b, ipcp_comp_protos, "Unknown", comp);
		msg_printf(p->b, " (0x%02x):", comp);
		if (comp == IPCP_IPCOMP_HDRCOMP && !ipcp_iphc(p, &o, len))
			return 0;
		break;
	case 3: /* an address */
	case 4:
	case 129:
	case 130:
	case 131:
	case 132:
		if (len != 6) {
			bogus(p, "=", 6);
			return 0;
		}
		if (!ppp_need(p, o + 2, 4))
			return 0;
		pbuf_puts(p->b, ": ");
		pbuf_ip4(p->b, p->g.p + o + 2);
		break;
	default:
		return opt_tail(p, o, len, false);
	}
	return opt_tail(p, o, len, true);
}

static size_t ip6cp_opt(struct ppp_pr *p, size_t o, size_t length)
{
	uint8_t opt, len;

	if (!opt_head(p, o, length, "ip6cp", ip6cp_names, "unknown", &opt, &len))
		return 0;
	if (opt != 1)
		return opt_tail(p, o, len, false);
	if (len != 10) {
		bogus(p, "=", 10);
		return len;
	}
	if (!msg_has(&p->g, o + 2, 8))
		return opt_trunc(p, "ip6cp");
	msg_printf(p->b, ": %04x:%04x:%04x:%04x", msg_u16(&p->g, o + 2), msg_u16(&p->g, o + 4),
		   msg_u16(&p->g, o + 6), msg_u16(&p->g, o + 8));
	return opt_tail(p, o, len, true);
}

static size_t ccp_opt(struct ppp_pr *p, size_t o, size_t length)
{
	uint8_t opt, len, a, c;

	if (!opt_head(p, o, length, "ccp", ccp_names, "Unknown", &opt, &len))
		return 0;
	switch (opt) {
	case 21: /* BSD compress */
		if (len < 3) {
			bogus(p, ">=", 3);
			return len;
		}
		a = ppp_u8(p, o + 2);
		if (p->cut)
			return 0;
		msg_printf(p->b, ": Version: %u, Dictionary Bits: %u", a >> 5, a & 0x1f);
		break;
	case 24: /* Magnalink */
		if (len < 4) {
			bogus(p, ">=", 4);
			return len;
		}
		a = ppp_u8(p, o + 2);
		c = ppp_u8(p, o + 3);
		if (p->cut)
			return 0;
		msg_printf(p->b, ": Features: %u, PxP: %s, History: %u, #CTX-ID: %u", (a & 0xc0) >> 6,
			   a & 0x20 ? "Enabled" : "Disabled", a & 0x1f, c);
		break;
	case 26: /* deflate */
		if (len < 4) {
			bogus(p, ">=", 4);
			return len;
		}
		a = ppp_u8(p, o + 2);
		c = ppp_u8(p, o + 3);
		if (p->cut)
			return 0;
		msg_printf(p->b, ": Window: %uK, Method: %s (0x%x), MBZ: %u, CHK: %u", (a & 0xf0) >> 4,
			   (a & 0x0f) == 8 ? "zlib" : "unknown", a & 0x0f, (c & 0xfc) >> 2, c & 0x03);
		break;
	default:
		return opt_tail(p, o, len, false);
	}
	return opt_tail(p, o, len, true);
}

static size_t bacp_opt(struct ppp_pr *p, size_t o, size_t length)
{
	uint8_t opt, len;
	uint32_t v;

	if (!opt_head(p, o, length, "bacp", bacp_names, "Unknown", &opt, &len))
		return 0;
	if (opt != 1)
		return opt_tail(p, o, len, false);
	if (len != 6) {
		bogus(p, "=", 6);
		return len;
	}
	v = ppp_u32(p, o + 2);
	if (p->cut)
		return 0;
	msg_printf(p->b, ": Magic-Num 0x%08x", v);
	return opt_tail(p, o, len, true);
}

const char *ppp_opt_name(uint16_t proto, uint8_t opt)
{
	switch (proto) {
	case PPP_PROTO_LCP:
		return opt < LCP_NAMES ? lcp_names[opt] : NULL;
	case PPP_PROTO_IPCP:
		return msg_tok_find(ipcp_names, opt);
	case PPP_PROTO_IPV6CP:
		return msg_tok_find(ip6cp_names, opt);
	case PPP_PROTO_CCP:
		return msg_tok_find(ccp_names, opt);
	case PPP_PROTO_BACP:
		return msg_tok_find(bacp_names, opt);
	}
	return NULL;
}

ppp_opt_fn ppp_opt_printer(uint16_t proto)
{
	switch (proto) {
	case PPP_PROTO_LCP:
		return lcp_opt;
	case PPP_PROTO_IPCP:
		return ipcp_opt;
	case PPP_PROTO_IPV6CP:
		return ip6cp_opt;
	case PPP_PROTO_CCP:
		return ccp_opt;
	case PPP_PROTO_BACP:
		return bacp_opt;
	}
	return NULL;
}
