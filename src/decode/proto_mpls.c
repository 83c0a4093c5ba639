/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_mpls.c: the MPLS label stack (RFC 3032) and what follows it, guessed as tcpdump does. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

#define MPLS_LABEL(e) ((e) >> 12)
#define MPLS_TC(e)    (((e) >> 9) & 0x7)
#define MPLS_S(e)     (((e) >> 8) & 0x1)
#define MPLS_TTL(e)   ((e) & 0xff)

/*
 * RFC 3032 section 2.1: 4-byte entries, label (20 bits), traffic class (3),
 * bottom of stack (1), TTL (8), up to the one with S set.  The payload's
 * protocol is not in the stack: the explicit and implicit NULL labels say
 * IPv4 (0, 3) or IPv6 (2), else the first nibble of the payload is taken as
 * an IP version, as tcpdump does.  The printer reads the entries again.
 */
int proto_mpls_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	uint32_t e;
	const uint8_t *p;

	if (l->net == PKT_PROTO_NONE)
		l->net = PKT_PROTO_MPLS;
	do {
		if (!pkt_get_be32(c, &e))
			return proto_short(m, 4);
	} while (!MPLS_S(e));
	switch (MPLS_LABEL(e)) {
	case 0:
	case 3:
		return PKT_PROTO_IPV4;
	case 2:
		return PKT_PROTO_IPV6;
	}
	p = pkt_peek(c, 1);
	if (!p)
		return PKT_PROTO_NONE;
	if (*p >= 0x45 && *p <= 0x4f)
		return PKT_PROTO_IPV4;
	if (*p >= 0x60 && *p <= 0x6f)
		return PKT_PROTO_IPV6;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const mpls_label_names[16] = {
	"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL", "implicit NULL",
	"rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
	"rsvd",
};

bool proto_mpls_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned v = line_verbosity(x);
	struct msg g;
	size_t off = 0;
	uint32_t e = 0;

	pbuf_puts(b, "MPLS");
	if (!msg_of(&g, x))
		return msg_trunc(x, "mpls");
	do {
		if (g.len - off < 4) {
			pbuf_puts(b, " (invalid)");
			return g.cap < g.len ? msg_trunc(x, "mpls") : true;
		}
		if (!msg_has(&g, off, 4))
			return msg_trunc(x, "mpls");
		e = msg_u32(&g, off);
		pbuf_puts(b, off && v ? "\n\t(label " : " (label ");
		pbuf_u32(b, MPLS_LABEL(e));
		if (v && MPLS_LABEL(e) < 16) {
			pbuf_puts(b, " (");
			pbuf_puts(b, mpls_label_names[MPLS_LABEL(e)]);
			pbuf_putc(b, ')');
		}
		msg_printf(b, ", tc %u%s, ttl %u)", MPLS_TC(e), MPLS_S(e) ? ", [S]" : "",
			   MPLS_TTL(e));
		off += 4;
	} while (!MPLS_S(e));
	if (line_more(x)) {
		pbuf_puts(b, v ? "\n\t" : " ");
		return false;
	}
	/* a payload not guessed: tcpdump dumps it, unless asked for a dump anyway */
	if (off < g.len && !x->o->dump && off < g.cap)
		proto_l2_default_print(b, g.p + off, g.cap - off);
	if (off < g.len && g.cap < g.len)
		return msg_trunc(x, "mpls");
	return true;
}
