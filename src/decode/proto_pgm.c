/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_pgm.c: PGM (RFC 3208), IP protocol 113, and over UDP (EPGM) with
 * sniff -T pgm or -T pgm_zmtp1, as tcpdump's print-pgm.c prints it, its
 * quirks included: SPMR and unknown types read their options from the PGM
 * header's first byte, options of no fixed size skip two bytes too many and
 * a NAK list does not count its own header, as tcpdump does.
 */
#include "config.h"

#include "decode/names_service.h"
#include "decode/packettype.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_zmtp1.h"

#define PGM_HDR_LEN 16
#define PGM_PROTO   113

enum {
	PGM_SPM = 0,
	PGM_POLL = 1,
	PGM_POLR = 2,
	PGM_ODATA = 4,
	PGM_RDATA = 5,
	PGM_NAK = 8,
	PGM_NULLNAK = 9,
	PGM_NCF = 10,
	PGM_ACK = 11,
	PGM_SPMR = 12,
};

enum {
	PGM_OPT_LENGTH = 0x00,
	PGM_OPT_FRAGMENT = 0x01,
	PGM_OPT_NAK_LIST = 0x02,
	PGM_OPT_JOIN = 0x03,
	PGM_OPT_NAK_BO_IVL = 0x04,
	PGM_OPT_NAK_BO_RNG = 0x05,
	PGM_OPT_REDIRECT = 0x07,
	PGM_OPT_PARITY_PRM = 0x08,
	PGM_OPT_PARITY_GRP = 0x09,
	PGM_OPT_CURR_TGSIZE = 0x0a,
	PGM_OPT_NBR_UNREACH = 0x0b,
	PGM_OPT_PATH_NLA = 0x0c,
	PGM_OPT_SYN = 0x0d,
	PGM_OPT_FIN = 0x0e,
	PGM_OPT_RST = 0x0f,
	PGM_OPT_CR = 0x10,
	PGM_OPT_CRQST = 0x11,
	PGM_OPT_PGMCC_DATA = 0x12,
	PGM_OPT_PGMCC_FEEDBACK = 0x13,
};

#define PGM_OPT_MASK	0x7f
#define PGM_OPT_END	0x80 /* the last option */
#define PGM_MIN_OPT_LEN 4

/* Address family numbers of the NLAs (RFC 1700) */
#define PGM_AFI_INET  1
#define PGM_AFI_INET6 2

/* Nothing is kept at dissection: the printer and the JSON view read the header again. */
int proto_pgm_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);

	(void)c;
	if (l->trans == PKT_PROTO_UDP)
		l->app = PKT_PROTO_PGM; /* EPGM, forced by -T */
	else
		l->trans = PKT_PROTO_PGM;
	return PKT_PROTO_NONE;
}

const char *proto_pgm_type_name(uint8_t type)
{
	static const char *const names[] = { "SPM", "POLL", "POLR", NULL, "ODATA", "RDATA", NULL,
					     NULL, "NAK", "NULLNAK", "NCF", "ACK", "SPMR" };

	return type <= PGM_SPMR ? names[type] : NULL;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

enum { PGM_OK, PGM_TRUNC, PGM_STOP };

/* A port as tcpdump's tcpport_string: a TCP service name without -n. */
static void put_port(struct line *x, uint16_t port)
{
	const char *name = x->o->port_names ? names_service(PROTO_IP_TCP, port) : NULL;

	if (name)
		pbuf_puts(&x->b, name);
	else
		pbuf_u32(&x->b, port);
}

/*
 * An NLA: its family at afi_off, the address at *off (moved past it), as
 * text into b; false (tcpdump's truncation) for a family other than IPv4
 * and IPv6, or an address the capture cut.
 */
static bool pgm_nla(struct pbuf *b, const struct msg *g, uint16_t afi, size_t *off)
{
	size_t n = afi == PGM_AFI_INET ? 4 : afi == PGM_AFI_INET6 ? 16 : 0;

	if (!n || !msg_has(g, *off, n))
		return false;
	if (n == 4)
		pbuf_ip4(b, g->p + *off);
	else
		pbuf_ip6(b, g->p + *off);
	*off += n;
	return true;
}

/* The NLA into a small buffer, for a text that names it later. */
static bool pgm_nla_str(char *s, size_t len, const struct msg *g, uint16_t afi, size_t *off)
{
	struct pbuf t;

	pbuf_init(&t, s, len);
	if (!pgm_nla(&t, g, afi, off))
		return false;
	pbuf_finish(&t, len);
	return true;
}

/* The type's body from PGM_HDR_LEN; *off ends where the options start. */
static int pgm_body(struct pbuf *b, const struct msg *g, uint8_t type, size_t *off)
{
	char nla[64], grp[64];
	size_t o = PGM_HDR_LEN;

	switch (type) {
	case PGM_SPM:
		if (!msg_has(g, o, 16))
			return PGM_TRUNC;
		o += 16;
		if (!pgm_nla_str(nla, sizeof(nla), g, msg_u16(g, PGM_HDR_LEN + 12), &o))
			return PGM_TRUNC;
		msg_printf(b, "SPM seq %u trail %u lead %u nla %s", msg_u32(g, PGM_HDR_LEN),
			   msg_u32(g, PGM_HDR_LEN + 4), msg_u32(g, PGM_HDR_LEN + 8), nla);
		break;
	case PGM_POLL:
		/* sequence, round, subtype, the NLA's family and reserved field: then the NLA */
		if (!msg_has(g, o, 12))
			return PGM_TRUNC;
		o += 12;
		if (!pgm_nla_str(nla, sizeof(nla), g, msg_u16(g, PGM_HDR_LEN + 8), &o))
			return PGM_TRUNC;
		if (!msg_has(g, o, 12))
			return PGM_TRUNC;
		msg_printf(b, "POLL seq %u round %u nla %s ivl %u rnd 0x%08x mask 0x%08x",
			   msg_u32(g, PGM_HDR_LEN), msg_u16(g, PGM_HDR_LEN + 4), nla, msg_u32(g, o),
			   msg_u32(g, o + 4), msg_u32(g, o + 8));
		o += 12;
		break;
	case PGM_POLR:
		if (!msg_has(g, o, 8))
			return PGM_TRUNC;
		msg_printf(b, "POLR seq %u round %u", msg_u32(g, o), msg_u16(g, o + 4));
		o += 8;
		break;
	case PGM_ODATA:
	case PGM_RDATA:
		if (!msg_has(g, o, 8))
			return PGM_TRUNC;
		msg_printf(b, "%s trail %u seq %u", type == PGM_ODATA ? "ODATA" : "RDATA",
			   msg_u32(g, o + 4), msg_u32(g, o));
		o += 8;
		break;
	case PGM_NAK:
	case PGM_NULLNAK:
	case PGM_NCF:
		if (!msg_has(g, o, 8))
			return PGM_TRUNC;
		o += 8;
		if (!pgm_nla_str(nla, sizeof(nla), g, msg_u16(g, PGM_HDR_LEN + 4), &o))
			return PGM_TRUNC;
		/*
		 * tcpdump skips the group's family and reserved field, then takes the
		 * family from the group address's first two bytes.
		 */
		o += 4;
		if (!msg_has(g, o, 2) || !pgm_nla_str(grp, sizeof(grp), g, msg_u16(g, o), &o))
			return PGM_TRUNC;
		pbuf_puts(b, type == PGM_NAK ? "NAK " : type == PGM_NULLNAK ? "NNAK " : "NCF ");
		msg_printf(b, "(%s -> %s), seq %u", nla, grp, msg_u32(g, PGM_HDR_LEN));
		break;
	case PGM_ACK:
		if (!msg_has(g, o, 8))
			return PGM_TRUNC;
		msg_printf(b, "ACK seq %u", msg_u32(g, o));
		o += 8;
		break;
	case PGM_SPMR:
		pbuf_puts(b, "SPMR");
		o = 0; /* tcpdump reads SPMR's options from the header's start */
		break;
	default:
		msg_printf(b, "UNKNOWN type 0x%02x", type);
		o = 0;
		break;
	}
	*off = o;
	return PGM_OK;
}

/* "[Bad OPT_X option, length N != M]" when len is not want; true when it is. */
static bool opt_len_is(struct pbuf *b, const char *name, unsigned len, unsigned want)
{
	if (len == want)
		return true;
	msg_printf(b, "[Bad %s option, length %u != %u]", name, len, want);
	return false;
}

/*
 * OPT_REDIRECT and the PGMCC options: a fixed part, then an NLA whose size
 * the option's length must match.  PGMCC's carry a 32-bit value first.
 */
static int opt_nla(struct pbuf *b, const struct msg *g, size_t *o, uint32_t *opts_len,
		   unsigned opt_len, uint8_t type)
{
	const char *name = type == PGM_OPT_REDIRECT     ? "OPT_REDIRECT"
			   : type == PGM_OPT_PGMCC_DATA ? "OPT_PGMCC_DATA"
							: "OPT_PGMCC_FEEDBACK";
	unsigned fixed = type == PGM_OPT_REDIRECT ? 8 : 12;
	uint32_t value = 0;
	uint16_t afi;
	char nla[64];

	if (opt_len < fixed) {
		msg_printf(b, "[Bad %s option, length %u < %u]",
			   type == PGM_OPT_PGMCC_FEEDBACK ? "PGM_OPT_PGMCC_FEEDBACK" : name, opt_len,
			   fixed);
		return PGM_STOP;
	}
	*o += 2;
	if (type != PGM_OPT_REDIRECT) {
		value = msg_u32(g, *o);
		*o += 4;
	}
	afi = msg_u16(g, *o);
	*o += 4;
	if (afi != PGM_AFI_INET && afi != PGM_AFI_INET6)
		return PGM_TRUNC;
	if (opt_len != fixed + (afi == PGM_AFI_INET ? 4u : 16u)) {
		msg_printf(b, "[Bad %s option, length %u != %u + address size]", name, opt_len,
			   fixed);
		return PGM_STOP;
	}
	if (!pgm_nla_str(nla, sizeof(nla), g, afi, o))
		return PGM_TRUNC;
	*opts_len -= opt_len;
	if (type == PGM_OPT_REDIRECT)
		msg_printf(b, " REDIRECT %s", nla);
	else
		msg_printf(b, " PGMCC %s %u %s", type == PGM_OPT_PGMCC_DATA ? "DATA" : "FEEDBACK",
			   value, nla);
	return PGM_OK;
}

/*
 * Options of a fixed size: the length they must have, the name their
 * complaint uses, and their text: words[k] before the k-th 32-bit value
 * (words[0] alone for an option of none).
 */
struct pgm_fixed_opt {
	uint8_t type;
	uint8_t len;
	const char *name;
	uint8_t n_values;
	const char *words[3];
};

static const struct pgm_fixed_opt fixed_opts[] = {
	{ PGM_OPT_FRAGMENT, 16, "OPT_FRAGMENT", 3, { " FRAG seq ", " off ", " len " } },
	{ PGM_OPT_JOIN, 8, "OPT_JOIN", 1, { " JOIN " } },
	{ PGM_OPT_NAK_BO_IVL, 12, "OPT_NAK_BO_IVL", 2, { " BACKOFF ivl ", " ivlseq " } },
	{ PGM_OPT_NAK_BO_RNG, 12, "OPT_NAK_BO_RNG", 2, { " BACKOFF max ", " min " } },
	{ PGM_OPT_PARITY_PRM, 8, "OPT_PARITY_PRM", 1, { " PARITY MAXTGS " } },
	{ PGM_OPT_PARITY_GRP, 8, "OPT_PARITY_GRP", 1, { " PARITY GROUP " } },
	{ PGM_OPT_CURR_TGSIZE, 8, "OPT_CURR_TGSIZE", 1, { " PARITY ATGS " } },
	{ PGM_OPT_NBR_UNREACH, 4, "OPT_NBR_UNREACH", 0, { " NBR_UNREACH" } },
	{ PGM_OPT_SYN, 4, "OPT_SYN", 0, { " SYN" } },
	{ PGM_OPT_FIN, 4, "OPT_FIN", 0, { " FIN" } },
	{ PGM_OPT_RST, 4, "OPT_RST", 0, { " RST" } },
	{ PGM_OPT_CRQST, 4, "OPT_CRQST", 0, { " CRQST" } },
};

/*
 * The options from *o (a 4-byte OPT_LENGTH first, then the options its
 * total covers); PGM_STOP when tcpdump ends the line on a complaint.
 */
static int pgm_options(struct pbuf *b, const struct msg *g, size_t *off)
{
	size_t o = *off;
	uint32_t opts_len;
	uint8_t opt_type, opt_len;

	if (!msg_has(g, o, PGM_MIN_OPT_LEN))
		return PGM_TRUNC;
	opt_type = msg_u8(g, o);
	if ((opt_type & PGM_OPT_MASK) != PGM_OPT_LENGTH) {
		msg_printf(b, "[First option bad, should be PGM_OPT_LENGTH, is %u]",
			   opt_type & PGM_OPT_MASK);
		return PGM_STOP;
	}
	opt_len = msg_u8(g, o + 1);
	if (opt_len != 4) {
		msg_printf(b, "[Bad OPT_LENGTH option, length %u != 4]", opt_len);
		return PGM_STOP;
	}
	opts_len = msg_u16(g, o + 2);
	o += 4;
	if (opts_len < 4) {
		msg_printf(b, "[Bad total option length %u < 4]", opts_len);
		return PGM_STOP;
	}
	msg_printf(b, " OPTS LEN %u", opts_len);
	opts_len -= 4;
	while (opts_len) {
		const struct pgm_fixed_opt *f = NULL;

		if (opts_len < PGM_MIN_OPT_LEN) {
			pbuf_puts(b, "[Total option length leaves no room for final option]");
			return PGM_STOP;
		}
		if (!msg_has(g, o, 2))
			return PGM_TRUNC;
		opt_type = msg_u8(g, o);
		opt_len = msg_u8(g, o + 1);
		o += 2;
		if (opt_len < PGM_MIN_OPT_LEN) {
			msg_printf(b, "[Bad option, length %u < %u]", opt_len, PGM_MIN_OPT_LEN);
			break; /* tcpdump goes on to the length and the data */
		}
		if (opts_len < opt_len) {
			pbuf_puts(b, "[Total option length leaves no room for final option]");
			return PGM_STOP;
		}
		if (!msg_has(g, o, opt_len - 2u))
			return PGM_TRUNC;
		for (size_t i = 0; i < sizeof(fixed_opts) / sizeof(fixed_opts[0]); i++)
			if (fixed_opts[i].type == (opt_type & PGM_OPT_MASK))
				f = &fixed_opts[i];
		if (f) {
			if (!opt_len_is(b, f->name, opt_len, f->len))
				return PGM_STOP;
			o += 2;
			if (!f->n_values)
				pbuf_puts(b, f->words[0]);
			for (unsigned k = 0; k < f->n_values; k++, o += 4) {
				pbuf_puts(b, f->words[k]);
				pbuf_u32(b, msg_u32(g, o));
			}
			opts_len -= f->len;
		} else {
			switch (opt_type & PGM_OPT_MASK) {
			case PGM_OPT_LENGTH:
				if (!opt_len_is(b, "OPT_LENGTH", opt_len, 4))
					return PGM_STOP;
				msg_printf(b, " OPTS LEN (extra?) %u", msg_u16(g, o));
				o += 2;
				opts_len -= 4;
				break;
			case PGM_OPT_NAK_LIST: {
				unsigned left = opt_len - 4u;

				o += 2;
				pbuf_puts(b, " NAK LIST");
				while (left) {
					if (left < 4) {
						pbuf_puts(b, "[Option length not a multiple of 4]");
						return PGM_STOP;
					}
					msg_printf(b, " %u", msg_u32(g, o));
					o += 4;
					left -= 4;
					opts_len -= 4;
				}
				break;
			}
			case PGM_OPT_REDIRECT:
			case PGM_OPT_PGMCC_DATA:
			case PGM_OPT_PGMCC_FEEDBACK: {
				int r = opt_nla(b, g, &o, &opts_len, opt_len, opt_type & PGM_OPT_MASK);

				if (r != PGM_OK)
					return r;
				break;
			}
			case PGM_OPT_PATH_NLA:
				msg_printf(b, " PATH_NLA [%u]", opt_len);
				o += opt_len;
				opts_len -= opt_len;
				break;
			case PGM_OPT_CR:
				pbuf_puts(b, " CR");
				o += opt_len;
				opts_len -= opt_len;
				break;
			default:
				msg_printf(b, " OPT_%02X [%u] ", opt_type, opt_len);
				o += opt_len;
				opts_len -= opt_len;
				break;
			}
		}
		if (opt_type & PGM_OPT_END)
			break;
	}
	*off = o;
	return PGM_OK;
}

bool proto_pgm_print(struct line *x)
{
	const struct pkt_level *l = line_level(x);
	struct pbuf *b = &x->b;
	bool over_ip = l->trans == PKT_PROTO_PGM;
	bool with_addrs;
	struct msg g;
	uint8_t type;
	size_t off;
	int r;

	if (over_ip)
		line_addrs(x, false, 0, 0);
	msg_of(&g, x);
	if (!msg_has(&g, 0, 4)) {
		line_ip_addrs(x);
		pbuf_putc(b, ':');
		return msg_trunc(x, "pgm");
	}
	/* the addresses too when the IP header's protocol is PGM's (not behind IPv6 extensions) */
	with_addrs = over_ip && (l->net != PKT_PROTO_IPV6 || l->ip6.nxt == PGM_PROTO);
	if (with_addrs) {
		line_addr(x, x->src);
		pbuf_putc(b, '.');
	}
	put_port(x, msg_u16(&g, 0));
	pbuf_puts(b, " > ");
	if (with_addrs) {
		line_addr(x, x->dst);
		pbuf_putc(b, '.');
	}
	put_port(x, msg_u16(&g, 2));
	pbuf_puts(b, ": ");
	if (!msg_has(&g, 0, PGM_HDR_LEN))
		return msg_trunc(x, "pgm");
	msg_printf(b, "PGM, length %u", msg_u16(&g, 14));
	if (!line_verbosity(x))
		return true;
	pbuf_puts(b, " 0x");
	msg_hex(b, g.p + 8, 6);
	pbuf_putc(b, ' ');
	type = msg_u8(&g, 4);
	r = pgm_body(b, &g, type, &off);
	if (r == PGM_OK && msg_u8(&g, 5) & 1)
		r = pgm_options(b, &g, &off);
	if (r == PGM_TRUNC)
		return msg_trunc(x, "pgm");
	if (r == PGM_STOP)
		return true;
	msg_printf(b, " [%u]", g.len);
	if (x->m->packettype == packettype_index(packettype_find("pgm_zmtp1")) &&
	    (type == PGM_ODATA || type == PGM_RDATA))
		proto_zmtp1_datagram(b, &g, (uint32_t)off, msg_u16(&g, 14), line_verbosity(x));
	return true;
}
