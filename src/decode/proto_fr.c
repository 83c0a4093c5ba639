/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_fr.c: Frame Relay (DLT_FRELAY): the Q.922 address, Cisco's ethertype or an NLPID. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"
#include "decode/tcpdump_names.h"

#define FR_EA_BIT	 0x01
#define FR_UI		 0x03
#define FR_NLPID_IP	 0xcc
#define FR_NLPID_IP6	 0x8e
#define FR_NLPID_CLNP	 0x81
#define FR_NLPID_ESIS	 0x82
#define FR_NLPID_ISIS	 0x83
#define FR_NLPID_PPP	 0xcf
#define FR_NLPID_Q933	 0x08
#define FR_NLPID_FRF15	 0xb1
#define FRF15_B_BIT	 0x80
#define FRF15_E_BIT	 0x40
#define FRF15_C_BIT	 0x20
#define FRF15_INTERFACE	 0x01

/*
 * The Q.922 address (RFC 2427): 2, 3 or 4 bytes, each with its EA bit set
 * on the last.  1 when it parsed, 0 when it is not one, -1 when the packet
 * or the capture ends inside it (tcpdump's parse_q922_addr).
 */
static int fr_q922(const uint8_t *p, size_t n, struct pkt_fr *f)
{
	if (n < 1)
		return -1;
	if (p[0] & FR_EA_BIT)
		return 0;
	if (n < 2)
		return -1;
	f->addr_len = 2;
	f->dlci = (uint32_t)((p[0] & 0xfc) << 2 | (p[1] & 0xf0) >> 4);
	/* tcpdump's flags word: C/R from the first byte, FECN, BECN and DE from the second */
	f->flags = (uint32_t)(p[0] & 0x02) << 24 | (uint32_t)(p[1] & 0x0e) << 16;
	if (p[1] & FR_EA_BIT)
		return 1;
	if (n < 3)
		return -1;
	f->addr_len = 3;
	p += 2;
	if (!(p[0] & FR_EA_BIT)) {
		f->dlci = f->dlci << 7 | p[0] >> 1;
		f->addr_len = 4;
		p++;
		if (n < 4)
			return -1;
	}
	if (!(p[0] & FR_EA_BIT))
		return 0; /* more than 4 bytes of address */
	f->flags |= p[0] & 0x02u;
	f->dlci = f->dlci << 6 | p[0] >> 2;
	return 1;
}

/* tcpdump's q922_string, for the Frame Relay addresses of ARP. */
void proto_fr_q922_put(struct pbuf *b, const uint8_t *p, size_t n)
{
	struct pkt_fr f = { 0 };
	int r = fr_q922(p, n, &f);

	if (r > 0)
		msg_printf(b, "DLCI %u", f.dlci);
	else
		pbuf_puts(b, r == 0 ? "<Invalid DLCI>" : "<Truncated>");
}

static bool fr_behind_mfr(const struct pkt_meta *m)
{
	return m->n_layers >= 2 && m->layer[m->n_layers - 2].proto == PKT_PROTO_MFR;
}

/*
 * After the address: Cisco's encapsulation (an ethertype where the UI byte
 * should be) or RFC 2427's UI byte, an optional pad byte and the NLPID.
 * What is in the capture decides as it does tcpdump's reads: a short
 * capture is cut where tcpdump would be.
 */
int proto_fr_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_fr *f = &m->fr;
	size_t wire = pkt_wire_left(c), cap = pkt_left(c);
	size_t n = wire < cap ? wire : cap;
	const uint8_t *p = c->p;
	int next, r;

	l->link = PKT_PROTO_FR;
	*f = (struct pkt_fr){ 0 };
	/* fr_if_print's minimum; a fragment of FRF.16 goes to fr_print without it */
	if (cap < 4 && !fr_behind_mfr(m))
		return proto_truncated(m);
	r = fr_q922(p, n, f);
	if (r < 0)
		return proto_short(m, wire + 1);
	if (r == 0) {
		f->bad_addr = true;
		return PKT_PROTO_NONE;
	}
	if (n < f->addr_len + 1u)
		return proto_short(m, f->addr_len + 1u);
	if (p[f->addr_len] != FR_UI && f->dlci != 0) {
		f->ui = p[f->addr_len];
		if (n >= f->addr_len + 2u) {
			uint16_t type = (uint16_t)(p[f->addr_len] << 8 | p[f->addr_len + 1]);

			next = dispatch_ethertype(m, type);
			if (next != PKT_PROTO_NONE) {
				f->cisco = true;
				f->type = type;
				f->hdr_len = f->addr_len + 2u;
				pkt_skip(c, f->hdr_len);
				return next;
			}
		}
		f->ui_bang = true;
	}
	if (n < f->addr_len + 2u)
		return proto_short(m, f->addr_len + 2u);
	if (p[f->addr_len + 1] == 0) {
		f->pad = true;
		f->hdr_len = f->addr_len + 3u;
	} else {
		f->hdr_len = f->addr_len + 2u;
	}
	if (n < f->hdr_len)
		return proto_short(m, f->hdr_len);
	f->type = p[f->hdr_len - 1];
	f->nlpid = true;
	switch (f->type) {
	case FR_NLPID_IP:
		pkt_skip(c, f->hdr_len);
		return PKT_PROTO_IPV4;
	case FR_NLPID_IP6:
		pkt_skip(c, f->hdr_len);
		return PKT_PROTO_IPV6;
	case FR_NLPID_PPP: /* a PPP frame, as tcpdump's fr_print hands it to ppp_print */
		pkt_skip(c, f->hdr_len);
		return PKT_PROTO_PPP;
	case FR_NLPID_CLNP:
	case FR_NLPID_ESIS:
	case FR_NLPID_ISIS:
		/* the OSI printers start at the NLPID */
		pkt_skip(c, f->hdr_len - 1u);
		return PKT_PROTO_ISOCLNS;
	}
	pkt_skip(c, f->hdr_len);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok fr_flags[] = {
	{ 0x02000000, "C!" }, { 0x00020000, "DE" }, { 0x00040000, "BECN" },
	{ 0x00080000, "FECN" }, { 0x00000002, "sdlcore" }, { 0, NULL },
};

static const struct msg_tok fr_nlpids[] = {
	{ 0x00, "NULL" }, { 0x08, "Q.933" }, { 0x80, "SNAP" }, { 0x81, "CLNP" },
	{ 0x82, "ES-IS" }, { 0x83, "IS-IS" }, { 0x8e, "IPv6" }, { 0xb1, "FRF.15" },
	{ 0xcc, "IPv4" }, { 0xcf, "PPP" }, { 0, NULL },
};

/* tcpdump's fr_hdr_print. */
static void fr_hdr(struct line *x, const struct pkt_fr *f, uint32_t length, unsigned addr_len)
{
	struct pbuf *b = &x->b;

	if (x->o->quiet) {
		msg_printf(b, "Q.922, DLCI %u, length %u: ", f->dlci, length);
		return;
	}
	msg_printf(b, "Q.922, hdr-len %u, DLCI %u, Flags [", addr_len, f->dlci);
	msg_bits_put(b, fr_flags, "none", f->flags, ", ");
	if (f->nlpid) {
		pbuf_puts(b, "], NLPID ");
		msg_tok_put(b, fr_nlpids, "unknown", f->type);
		msg_printf(b, " (0x%02x), length %u: ", f->type, length);
	} else {
		const char *name = tcpdump_names_ethertype(f->type);

		msg_printf(b, "], cisco-ethertype %s (0x%04x), length %u: ", name ? name : "unknown",
			   f->type, length);
	}
}

static const struct msg_tok frf15_flags[] = {
	{ FRF15_B_BIT, "Begin" }, { FRF15_E_BIT, "End" }, { FRF15_C_BIT, "Control" }, { 0, NULL },
};

/* FRF.15 end-to-end or interface fragmentation (NLPID 0xb1): tcpdump's frf15_print */
static bool frf15_print(struct pbuf *b, const struct msg *g)
{
	uint8_t c;

	if (g->len < 2 || !msg_has(g, 0, 2))
		return msg_trunc_put(b, "fr");
	c = msg_u8(g, 0);
	msg_printf(b, "FRF.15, seq 0x%03x, Flags [", (unsigned)((c & 0x1e) << 7 | msg_u8(g, 1)));
	msg_bits_put(b, frf15_flags, "none", c & (FRF15_B_BIT | FRF15_E_BIT | FRF15_C_BIT), ", ");
	msg_printf(b, "],%s Fragmentation, length %u", c & FRF15_INTERFACE ? "Interface" : "End-to-End",
		   g->len);
	return true;
}

bool proto_fr_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_fr *f = &x->m->fr;
	struct pbuf *b = &x->b;
	struct msg g;

	if (f->bad_addr) {
		pbuf_puts(b, "Q.922, invalid address");
		return true;
	}
	if (f->ui_bang)
		msg_printf(b, "UI %02x! ", f->ui);
	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, "fr");
	if (f->nlpid && f->pad && f->addr_len != 3)
		pbuf_puts(b, "Pad! ");
	else if (f->nlpid && !f->pad && f->addr_len == 3)
		pbuf_puts(b, "No pad! ");
	if (x->o->link)
		fr_hdr(x, f, ly->wire_len, f->addr_len);
	if (line_more(x))
		return false;
	if (f->nlpid && (f->type == FR_NLPID_Q933 || f->type == FR_NLPID_FRF15)) {
		struct msg q;

		msg_of(&g, x);
		q = msg_sub(&g, f->hdr_len, g.len - f->hdr_len);
		if (f->type == FR_NLPID_FRF15)
			return frf15_print(b, &q);
		proto_q933_put(b, &q, line_verbosity(x), x->o->link);
		return true;
	}
	/* an NLPID not decoded: the header's text, then the payload's bytes */
	if (!x->o->link)
		fr_hdr(x, f, ly->wire_len, f->addr_len);
	if (!x->o->dump && msg_of(&g, x) && g.cap > f->hdr_len) {
		proto_l2_default_print(b, g.p + f->hdr_len, g.cap - f->hdr_len);
		if (g.cap < g.len)
			return line_trunc_sp(x, "fr");
	}
	return true;
}
