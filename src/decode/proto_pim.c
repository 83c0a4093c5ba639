/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_pim.c: PIM versions 1 and 2 (RFC 7761, 3973, 5015, 5059; IP protocol 103): dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "util/csum.h"

/*
 * RFC 7761 section 4.9: |PIM Ver| Type | Reserved | Checksum |, then the
 * message of the type.  The printer and the JSON read the message again.
 */
int proto_pim_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->trans = PKT_PROTO_PIM;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* ---- version 2 ---- */

enum {
	PIM_HELLO = 0,
	PIM_REGISTER = 1,
	PIM_REGISTER_STOP = 2,
	PIM_JOIN_PRUNE = 3,
	PIM_BOOTSTRAP = 4,
	PIM_ASSERT = 5,
	PIM_GRAFT = 6,
	PIM_GRAFT_ACK = 7,
	PIM_CANDIDATE_RP = 8,
	PIM_PRUNE_REFRESH = 9,
	PIM_DF_ELECTION = 10,
};

static const struct msg_tok proto_pim_types[] = {
	{ 0, "Hello" },
	{ 1, "Register" },
	{ 2, "Register Stop" },
	{ 3, "Join / Prune" },
	{ 4, "Bootstrap" },
	{ 5, "Assert" },
	{ 6, "Graft" },
	{ 7, "Graft Acknowledgement" },
	{ 8, "Candidate RP Advertisement" },
	{ 9, "Prune Refresh" },
	{ 10, "DF Election" },
	{ 11, "ECMP Redirect" },
	{ 0, NULL },
};

static const struct msg_tok pim_hello_opts[] = {
	{ 1, "Hold Time" },
	{ 2, "LAN Prune Delay" },
	{ 18, "DR Priority (Old)" },
	{ 19, "DR Priority" },
	{ 20, "Generation ID" },
	{ 21, "State Refresh Capability" },
	{ 22, "Bi-Directional Capability" },
	{ 24, "Address List" },
	{ 65001, "Address List (Old)" },
	{ 0, NULL },
};

static const struct msg_tok pim_df_subtypes[] = {
	{ 1, "Offer" }, { 2, "Winner" }, { 3, "Backoff" }, { 4, "Pass" }, { 0, NULL },
};

enum pim_addr_kind { PIM_UNICAST, PIM_GROUP, PIM_SOURCE };

/*
 * The walk over a PIMv2 message: off and len as tcpdump's bp and len (len
 * is unsigned and may wrap where tcpdump's does, on messages that lie about
 * their sizes); addr_len is the RFC 2117 unicast length of the header, 0
 * for encoded addresses.
 */
struct pim_walk {
	struct pbuf *b;
	struct msg g;
	size_t off;
	uint32_t len;
	unsigned addr_len;
};

static void pim_adv(struct pim_walk *w, uint32_t n)
{
	w->off += n;
	w->len -= n;
}

/*
 * An encoded address (RFC 7761 4.9.1), printed; its size, or -1 when it is
 * cut short or of a family tcpdump does not know.
 */
static int pim_addr(struct pim_walk *w, enum pim_addr_kind kind)
{
	const struct msg *g = &w->g;
	size_t p = w->off;
	unsigned alen = w->addr_len, hdr = 0, fam;
	uint32_t len = w->len;

	if (!alen) {
		if (len < 2 || !msg_has(g, p, 1))
			return -1;
		fam = msg_u8(g, p);
		if (fam != 1 && fam != 2)
			return -1;
		alen = fam == 1 ? 4 : 16;
		if (!msg_has(g, p + 1, 1) || msg_u8(g, p + 1) != 0)
			return -1;
		hdr = 2;
	} else if (alen != 4 && alen != 16) {
		return -1;
	}
	p += hdr;
	len -= hdr;
	if (kind == PIM_UNICAST) {
		if (len < alen || !msg_has(g, p, alen))
			return -1;
		if (alen == 4)
			pbuf_ip4(w->b, g->p + p);
		else
			pbuf_ip6(w->b, g->p + p);
		return (int)(hdr + alen);
	}
	if (len < alen + 2 || !msg_has(g, p, alen + 2))
		return -1;
	if (alen == 4)
		pbuf_ip4(w->b, g->p + p + 2);
	else
		pbuf_ip6(w->b, g->p + p + 2);
	if (msg_u8(g, p + 1) != alen * 8)
		msg_printf(w->b, "/%u", msg_u8(g, p + 1));
	if (msg_u8(g, p)) {
		uint8_t f = msg_u8(g, p);

		if (kind == PIM_GROUP) {
			msg_printf(w->b, "(0x%02x)", f);
		} else {
			msg_printf(w->b, "(%s%s%s", f & 4 ? "S" : "", f & 2 ? "W" : "",
				   f & 1 ? "R" : "");
			if (f & 0xf8)
				msg_printf(w->b, "+0x%02x", f & 0xf8);
			pbuf_putc(w->b, ')');
		}
	}
	return (int)(hdr + 2 + alen);
}

/* An address after its label; false when tcpdump gives up on it. */
static bool pim_addr_put(struct pim_walk *w, const char *label, enum pim_addr_kind kind)
{
	int n;

	pbuf_puts(w->b, label);
	n = pim_addr(w, kind);
	if (n < 0)
		return false;
	pim_adv(w, (uint32_t)n);
	return true;
}

/* The Internet checksum over n bytes from the message's start, with IPv6's pseudo-header. */
static const char *pim_csum_verdict(const struct line *x, const struct msg *g, uint32_t n)
{
	uint32_t sum;

	if (!msg_has(g, 0, n))
		return "(unverified)";
	if (x->family == 6 && x->src && x->dst)
		sum = csum_pseudo6(x->src, x->dst, 103, n);
	else if (x->family == 4)
		sum = 0;
	else
		return "(unverified)";
	sum = csum_add(sum, g->p, n);
	return csum_fold(sum) ? "(incorrect)" : "(correct)";
}

static bool pim_hello(struct pim_walk *w, unsigned verbosity)
{
	struct pbuf *b = w->b;
	const struct msg *g = &w->g;

	while (w->len) {
		uint16_t type, olen;
		size_t v;

		if (w->len < 4 || !msg_has(g, w->off, 4))
			return false;
		type = msg_u16(g, w->off);
		olen = msg_u16(g, w->off + 2);
		pbuf_puts(b, "\n\t  ");
		msg_tok_put(b, pim_hello_opts, "Unknown", type);
		msg_printf(b, " Option (%u), length %u, Value: ", type, olen);
		pim_adv(w, 4);
		v = w->off;
		if (w->len < olen || !msg_has(g, v, olen))
			return false;
		switch (type) {
		case 1:
			if (olen != 2) {
				msg_printf(b, "[option length %u != 2] (invalid)", olen);
				return true;
			}
			proto_msg_relts(b, msg_u16(g, v));
			break;
		case 2:
			if (olen != 4) {
				msg_printf(b, "[option length %u != 4] (invalid)", olen);
				return true;
			}
			msg_printf(b, "\n\t    T-bit=%u, LAN delay %ums, Override interval %ums",
				   msg_u8(g, v) >> 7, msg_u16(g, v) & 0x7fff, msg_u16(g, v + 2));
			break;
		case 18:
		case 19:
			if (olen == 0) {
				pbuf_puts(b, "Bi-Directional Capability (Old)");
			} else if (olen == 4) {
				pbuf_u32(b, msg_u32(g, v));
			} else {
				msg_printf(b, "[option length %u != 4] (invalid)", olen);
				return true;
			}
			break;
		case 20:
			if (olen != 4) {
				msg_printf(b, "[option length %u != 4] (invalid)", olen);
				return true;
			}
			msg_printf(b, "0x%08x", msg_u32(g, v));
			break;
		case 21:
			if (olen != 4) {
				msg_printf(b, "[option length %u != 4] (invalid)", olen);
				return true;
			}
			msg_printf(b, "v%u", msg_u8(g, v));
			if (msg_u8(g, v + 1)) {
				pbuf_puts(b, ", interval ");
				proto_msg_relts(b, msg_u8(g, v + 1));
			}
			if (msg_u16(g, v + 2))
				msg_printf(b, " ?0x%04x?", msg_u16(g, v + 2));
			break;
		case 22:
			break;
		case 24:
		case 65001:
			if (verbosity > 1) {
				struct pim_walk a = *w;

				while (a.off < v + olen) {
					pbuf_puts(b, "\n\t    ");
					if (!pim_addr_put(&a, "", PIM_UNICAST))
						return false;
				}
			}
			break;
		default:
			if (verbosity <= 1)
				msg_hex_lines(b, "\n\t    ", g->p + v, olen);
			break;
		}
		if (verbosity > 1)
			msg_hex_lines(b, "\n\t    ", g->p + v, olen);
		pim_adv(w, olen);
	}
	return true;
}

/* The encapsulated packet of a Register: raw IP on the line, as tcpdump's ip_print. */
static bool pim_register(struct line *x, struct pim_walk *w)
{
	struct pbuf *b = w->b;
	const struct msg *g = &w->g;
	uint32_t flags;
	uint8_t ver;

	if (w->len < 4 || !msg_has(g, w->off, 4))
		return false;
	flags = msg_u32(g, w->off);
	pbuf_puts(b, ", Flags [ ");
	pbuf_puts(b, flags == 0x80000000 ? "Border" : flags == 0x40000000 ? "Null" : "none");
	pbuf_puts(b, " ]\n\t");
	pim_adv(w, 4);
	if (!w->len || !msg_has(g, w->off, 1))
		return false;
	ver = msg_u8(g, w->off) >> 4;
	if (ver == 0) {
		if (!msg_has(g, w->off + 12, 8))
			return false;
		pbuf_puts(b, "IP-Null-header ");
		pbuf_ip4(b, g->p + w->off + 12);
		pbuf_puts(b, " > ");
		pbuf_ip4(b, g->p + w->off + 16);
	} else if (ver == 4 || ver == 6) {
		size_t cap = g->cap - w->off;

		if (x->nested)
			x->nested(x, g->p + w->off, cap < w->len ? cap : w->len, w->len);
	} else {
		msg_printf(b, "IP ver %u", ver);
	}
	return true;
}

static bool pim_join_prune(struct pim_walk *w, unsigned type)
{
	struct pbuf *b = w->b;
	const struct msg *g = &w->g;
	unsigned ngroups;
	uint16_t hold;

	if (type != PIM_GRAFT_ACK && !pim_addr_put(w, ", upstream-neighbor: ", PIM_UNICAST))
		return false;
	if (w->len < 4 || !msg_has(g, w->off, 4))
		return false;
	ngroups = msg_u8(g, w->off + 1);
	hold = msg_u16(g, w->off + 2);
	msg_printf(b, "\n\t  %u group(s)", ngroups);
	if (type != PIM_GRAFT_ACK) {
		pbuf_puts(b, ", holdtime: ");
		if (hold == 0xffff)
			pbuf_puts(b, "infinite");
		else
			proto_msg_relts(b, hold);
	}
	pim_adv(w, 4);
	for (unsigned i = 0; i < ngroups; i++) {
		unsigned njoin, nprune;

		msg_printf(b, "\n\t    group #%u: ", i + 1);
		if (!pim_addr_put(w, "", PIM_GROUP))
			return false;
		if (w->len < 4 || !msg_has(g, w->off, 4))
			return false;
		njoin = msg_u16(g, w->off);
		nprune = msg_u16(g, w->off + 2);
		msg_printf(b, ", joined sources: %u, pruned sources: %u", njoin, nprune);
		pim_adv(w, 4);
		for (unsigned j = 0; j < njoin; j++) {
			msg_printf(b, "\n\t      joined source #%u: ", j + 1);
			if (!pim_addr_put(w, "", PIM_SOURCE))
				return false;
		}
		for (unsigned j = 0; j < nprune; j++) {
			msg_printf(b, "\n\t      pruned source #%u: ", j + 1);
			if (!pim_addr_put(w, "", PIM_SOURCE))
				return false;
		}
	}
	return true;
}

static bool pim_bootstrap(struct pim_walk *w)
{
	struct pbuf *b = w->b;
	const struct msg *g = &w->g;

	if (w->len < 2 || !msg_has(g, w->off, 2))
		return false;
	msg_printf(b, " tag=%x", msg_u16(g, w->off));
	pim_adv(w, 2);
	if (w->len < 1 || !msg_has(g, w->off, 1))
		return false;
	msg_printf(b, " hashmlen=%u", msg_u8(g, w->off));
	if (w->len < 2 || !msg_has(g, w->off, 3))
		return false;
	msg_printf(b, " BSRprio=%u", msg_u8(g, w->off + 1));
	pim_adv(w, 2);
	if (!pim_addr_put(w, " BSR=", PIM_UNICAST))
		return false;
	for (unsigned i = 0; w->len > 0; i++) {
		unsigned frpcnt;

		msg_printf(b, " (group%u: ", i);
		if (!pim_addr_put(w, "", PIM_GROUP))
			return false;
		if (w->len < 1 || !msg_has(g, w->off, 1))
			return false;
		msg_printf(b, " RPcnt=%u", msg_u8(g, w->off));
		if (w->len < 2 || !msg_has(g, w->off + 1, 1))
			return false;
		frpcnt = msg_u8(g, w->off + 1);
		msg_printf(b, " FRPcnt=%u", frpcnt);
		if (w->len < 4)
			return false;
		pim_adv(w, 4);
		for (unsigned j = 0; j < frpcnt && w->len > 0; j++) {
			msg_printf(b, " RP%u=", j);
			if (!pim_addr_put(w, "", PIM_UNICAST))
				return false;
			if (w->len < 2 || !msg_has(g, w->off, 2))
				return false;
			pbuf_puts(b, ",holdtime=");
			proto_msg_relts(b, msg_u16(g, w->off));
			if (w->len < 3 || !msg_has(g, w->off + 2, 1))
				return false;
			msg_printf(b, ",prio=%u", msg_u8(g, w->off + 2));
			if (w->len < 4)
				return false;
			pim_adv(w, 4);
		}
		pbuf_putc(b, ')');
	}
	return true;
}

static bool pim_df_election(struct pim_walk *w, unsigned subtype)
{
	static const char *const who[] = { [3] = "offer", [4] = "new winner" };
	struct pbuf *b = w->b;
	const struct msg *g = &w->g;

	pbuf_puts(b, "\n\t  ");
	msg_tok_put(b, pim_df_subtypes, "Unknown", subtype);
	pbuf_putc(b, ',');
	if (!pim_addr_put(w, " rpa=", PIM_UNICAST) || !msg_has(g, w->off, 8))
		return false;
	msg_printf(b, " sender pref=%u sender metric=%u", msg_u32(g, w->off), msg_u32(g, w->off + 4));
	pim_adv(w, 8);
	if (subtype != 3 && subtype != 4)
		return true;
	msg_printf(b, "\n\t  %s addr=", who[subtype]);
	if (!pim_addr_put(w, "", PIM_UNICAST) || !msg_has(g, w->off, 8))
		return false;
	msg_printf(b, " %s pref=%u %s metric=%u", who[subtype], msg_u32(g, w->off), who[subtype],
		   msg_u32(g, w->off + 4));
	pim_adv(w, 8);
	if (subtype == 3) {
		if (!msg_has(g, w->off, 2))
			return false;
		msg_printf(b, " interval %ums", msg_u16(g, w->off));
	}
	return true;
}

/* The message after the type name, at -v; false where tcpdump marks it cut short. */
static bool pimv2_body(struct line *x, struct pim_walk *w, unsigned type, unsigned rsv)
{
	struct pbuf *b = w->b;
	const struct msg *g = &w->g;

	switch (type) {
	case PIM_HELLO:
		return pim_hello(w, line_verbosity(x));
	case PIM_REGISTER:
		return pim_register(x, w);
	case PIM_REGISTER_STOP:
		return pim_addr_put(w, " group=", PIM_GROUP) &&
		       pim_addr_put(w, " source=", PIM_UNICAST);
	case PIM_JOIN_PRUNE:
	case PIM_GRAFT:
	case PIM_GRAFT_ACK:
		return pim_join_prune(w, type);
	case PIM_BOOTSTRAP:
		return pim_bootstrap(w);
	case PIM_ASSERT:
		if (!pim_addr_put(w, " group=", PIM_GROUP) || !pim_addr_put(w, " src=", PIM_UNICAST))
			return false;
		if (w->len < 8 || !msg_has(g, w->off, 8))
			return false;
		if (msg_u8(g, w->off) & 0x80)
			pbuf_puts(b, " RPT");
		msg_printf(b, " pref=%u metric=%u", msg_u32(g, w->off) & 0x7fffffff,
			   msg_u32(g, w->off + 4));
		return true;
	case PIM_CANDIDATE_RP: {
		unsigned pfxcnt;

		if (w->len < 1 || !msg_has(g, w->off, 1))
			return false;
		pfxcnt = msg_u8(g, w->off);
		msg_printf(b, " prefix-cnt=%u", pfxcnt);
		if (w->len < 2 || !msg_has(g, w->off + 1, 1))
			return false;
		msg_printf(b, " prio=%u", msg_u8(g, w->off + 1));
		if (w->len < 4 || !msg_has(g, w->off + 2, 2))
			return false;
		pbuf_puts(b, " holdtime=");
		proto_msg_relts(b, msg_u16(g, w->off + 2));
		pim_adv(w, 4);
		if (!pim_addr_put(w, " RP=", PIM_UNICAST))
			return false;
		for (unsigned i = 0; i < pfxcnt && w->len > 0; i++) {
			msg_printf(b, " Group%u=", i);
			if (!pim_addr_put(w, "", PIM_GROUP))
				return false;
		}
		return true;
	}
	case PIM_PRUNE_REFRESH:
		if (!pim_addr_put(w, " src=", PIM_UNICAST) || !pim_addr_put(w, " grp=", PIM_GROUP) ||
		    !pim_addr_put(w, " forwarder=", PIM_UNICAST))
			return false;
		if (w->len < 2 || !msg_has(g, w->off, 2))
			return false;
		pbuf_puts(b, " TUNR ");
		proto_msg_relts(b, msg_u16(g, w->off));
		return true;
	case PIM_DF_ELECTION:
		return pim_df_election(w, rsv >> 4);
	default:
		msg_printf(b, " [type %u]", type);
		return true;
	}
}

static bool pimv2_print(struct line *x, const struct msg *g)
{
	struct pim_walk w = { &x->b, *g, 0, g->len, 0 };
	struct pbuf *b = &x->b;
	unsigned type = msg_u8(g, 0) & 0x0f, rsv;
	uint16_t csum;

	if (g->len < 2) {
		msg_printf(b, "[length %u < 2] (invalid)", g->len);
		return true;
	}
	if (!msg_has(g, 1, 1))
		return msg_trunc(x, "pimv2");
	rsv = msg_u8(g, 1);
	w.addr_len = rsv & 0x0f;
	if (w.addr_len)
		pbuf_puts(b, ", RFC2117-encoding");
	if (g->len < 4) {
		msg_printf(b, "[length %u < 4] (invalid)", g->len);
		return true;
	}
	if (!msg_has(g, 2, 2))
		return msg_trunc(x, "pimv2");
	csum = msg_u16(g, 2);
	msg_printf(b, ", cksum 0x%04x ", csum);
	if (!csum) {
		pbuf_puts(b, "(unverified)");
	} else {
		const char *v = pim_csum_verdict(x, g, type == PIM_REGISTER ? 8 : g->len);

		/* RFC 7761 4.9: a Register's checksum covering all of it is accepted too */
		if (type == PIM_REGISTER && v[1] == 'i')
			v = pim_csum_verdict(x, g, g->len);
		pbuf_puts(b, v);
	}
	pim_adv(&w, 4);
	if (!pimv2_body(x, &w, type, rsv))
		return msg_trunc(x, "pimv2");
	return true;
}

bool proto_pim_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	unsigned ver, type;

	line_addrs(x, false, 0, 0);
	if (!msg_of(&g, x) || !msg_has(&g, 0, 1))
		return msg_trunc(x, "pim");
	ver = msg_u8(&g, 0) >> 4;
	type = msg_u8(&g, 0) & 0x0f;
	if (ver != 2) {
		msg_printf(b, "PIMv%u, length %u", ver, g.len);
		return true;
	}
	if (!line_verbosity(x)) {
		pbuf_puts(b, "PIMv2, ");
		msg_tok_put(b, proto_pim_types, "Unknown Type", type);
		msg_printf(b, ", length %u", g.len);
		return true;
	}
	msg_printf(b, "PIMv2, length %u\n\t", g.len);
	msg_tok_put(b, proto_pim_types, "Unknown Type", type);
	return pimv2_print(x, &g);
}
