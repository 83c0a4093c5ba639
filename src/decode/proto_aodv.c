/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_aodv.c: AODV (RFC 3561) on UDP 654, as tcpdump's aodv_print: route
 * requests, replies, errors and acks over IPv4, their IPv6 forms (the same
 * types over IPv6), the IPv6 draft-01 types 16-19, and the hello extension.
 */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"

enum {
	AODV_RREQ = 1,
	AODV_RREP = 2,
	AODV_RERR = 3,
	AODV_RREP_ACK = 4,
	AODV_V6_DRAFT_01_RREQ = 16,
	AODV_V6_DRAFT_01_RREP = 17,
	AODV_V6_DRAFT_01_RERR = 18,
	AODV_V6_DRAFT_01_RREP_ACK = 19,
};

/* tcpdump tests these bits of the type byte, not of the flags byte: kept */
#define RREQ_JOIN    0x80
#define RREQ_REPAIR  0x40
#define RREQ_GRAT    0x20
#define RREQ_DEST    0x10
#define RREQ_UNKNOWN 0x08
#define RREP_REPAIR  0x80
#define RREP_ACK     0x40
#define RREP_PREFIX_MASK 0x1f
#define RERR_NODELETE 0x80
#define AODV_EXT_HELLO 1
#define AODV_EXT_HDR   2
#define AODV_HELLO_LEN 6

/* Where a request's or reply's fields sit: the three layouts of each. */
struct aodv_layout {
	unsigned size;	/* the fixed message */
	unsigned alen;	/* 4 or 16 */
	unsigned da, ds, oa, os; /* offsets; os is a reply's lifetime */
};

static const struct aodv_layout rreq4 = { 24, 4, 8, 12, 16, 20 };
static const struct aodv_layout rreq6 = { 48, 16, 8, 24, 28, 44 };
static const struct aodv_layout rreq6_draft = { 48, 16, 16, 8, 32, 12 };
static const struct aodv_layout rrep4 = { 20, 4, 4, 8, 12, 16 };
static const struct aodv_layout rrep6 = { 44, 16, 4, 20, 24, 40 };
static const struct aodv_layout rrep6_draft = { 44, 16, 8, 4, 24, 40 };

int proto_aodv_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_AODV;
	return PKT_PROTO_NONE;
}

const char *proto_aodv_type_name(unsigned type)
{
	switch (type) {
	case AODV_RREQ:
	case AODV_V6_DRAFT_01_RREQ:
		return "rreq";
	case AODV_RREP:
	case AODV_V6_DRAFT_01_RREP:
		return "rrep";
	case AODV_RERR:
	case AODV_V6_DRAFT_01_RERR:
		return "rerr";
	case AODV_RREP_ACK:
	case AODV_V6_DRAFT_01_RREP_ACK:
		return "rrep-ack";
	}
	return NULL;
}

static void put_addr(struct pbuf *b, const struct msg *g, size_t off, unsigned alen)
{
	if (alen == 4)
		pbuf_ip4(b, g->p + off);
	else
		pbuf_ip6(b, g->p + off);
}

/* The extension after a request or reply, when i (>= 2) bytes follow it. */
static bool put_extension(struct line *x, const struct msg *g, size_t off, uint32_t i)
{
	struct pbuf *b = &x->b;

	if (!msg_has(g, off, AODV_EXT_HDR))
		return msg_trunc(x, "aodv");
	if (msg_u8(g, off) != AODV_EXT_HELLO) {
		msg_printf(b, "\n\text %u %u", msg_u8(g, off), msg_u8(g, off + 1));
		return true;
	}
	if (!msg_has(g, off, AODV_HELLO_LEN) || i < AODV_HELLO_LEN)
		return msg_trunc(x, "aodv");
	if (msg_u8(g, off + 1) < 4)
		msg_printf(b, "\n\text HELLO - bad length %u", msg_u8(g, off + 1));
	else
		msg_printf(b, "\n\text HELLO %u ms", msg_u32(g, off + 2));
	return true;
}

static bool put_rreq(struct line *x, const struct msg *g, const struct aodv_layout *a,
		     const char *name)
{
	struct pbuf *b = &x->b;
	uint8_t t;

	if (!msg_has(g, 0, a->size) || g->len < a->size)
		return msg_trunc(x, "aodv");
	t = msg_u8(g, 0);
	msg_printf(b, "%s %u %s%s%s%s%shops %u id 0x%08x\n\tdst ", name, g->len,
		   t & RREQ_JOIN ? "[J]" : "", t & RREQ_REPAIR ? "[R]" : "",
		   t & RREQ_GRAT ? "[G]" : "", t & RREQ_DEST ? "[D]" : "",
		   t & RREQ_UNKNOWN ? "[U] " : " ", msg_u8(g, 3), msg_u32(g, 4));
	put_addr(b, g, a->da, a->alen);
	msg_printf(b, " seq %u src ", msg_u32(g, a->ds));
	put_addr(b, g, a->oa, a->alen);
	msg_printf(b, " seq %u", msg_u32(g, a->os));
	if (g->len - a->size >= AODV_EXT_HDR)
		return put_extension(x, g, a->size, g->len - a->size);
	return true;
}

static bool put_rrep(struct line *x, const struct msg *g, const struct aodv_layout *a)
{
	struct pbuf *b = &x->b;
	uint8_t t;

	if (!msg_has(g, 0, a->size) || g->len < a->size)
		return msg_trunc(x, "aodv");
	t = msg_u8(g, 0);
	msg_printf(b, " rrep %u %s%sprefix %u hops %u\n\tdst ", g->len, t & RREP_REPAIR ? "[R]" : "",
		   t & RREP_ACK ? "[A] " : " ", msg_u8(g, 2) & RREP_PREFIX_MASK, msg_u8(g, 3));
	put_addr(b, g, a->da, a->alen);
	msg_printf(b, " dseq %u src ", msg_u32(g, a->ds));
	put_addr(b, g, a->oa, a->alen);
	msg_printf(b, " %u ms", msg_u32(g, a->os));
	if (g->len - a->size >= AODV_EXT_HDR)
		return put_extension(x, g, a->size, g->len - a->size);
	return true;
}

/* An error's unreachable destinations: an address and a sequence number each. */
static bool put_rerr(struct line *x, const struct msg *g, unsigned alen)
{
	struct pbuf *b = &x->b;
	size_t off = 4;
	uint32_t i;

	if (!msg_has(g, 0, 4) || g->len < 4)
		return msg_trunc(x, "aodv");
	msg_printf(b, " rerr %s [items %u] [%u]:", msg_u8(g, 1) & RERR_NODELETE ? "[D]" : "",
		   msg_u8(g, 3), g->len);
	i = g->len - 4;
	for (unsigned dc = msg_u8(g, 3); dc; dc--, off += alen + 4, i -= alen + 4) {
		if (!msg_has(g, off, alen + 4) || i < alen + 4)
			return msg_trunc(x, "aodv");
		pbuf_puts(b, " {");
		put_addr(b, g, off, alen);
		msg_printf(b, "}(%u)", msg_u32(g, off + alen));
	}
	return true;
}

bool proto_aodv_print(struct line *x)
{
	bool ip6 = line_level(x)->net == PKT_PROTO_IPV6;
	struct msg g;
	uint8_t type;

	msg_of(&g, x);
	if (!msg_has(&g, 0, 1))
		return msg_trunc(x, "aodv");
	type = msg_u8(&g, 0);
	pbuf_puts(&x->b, " aodv");
	switch (type) {
	case AODV_RREQ:
		return ip6 ? put_rreq(x, &g, &rreq6, " v6 rreq") : put_rreq(x, &g, &rreq4, " rreq");
	case AODV_RREP:
		return put_rrep(x, &g, ip6 ? &rrep6 : &rrep4);
	case AODV_RERR:
		return put_rerr(x, &g, ip6 ? 16 : 4);
	case AODV_RREP_ACK:
	case AODV_V6_DRAFT_01_RREP_ACK:
		msg_printf(&x->b, " rrep-ack %u", g.len);
		return true;
	case AODV_V6_DRAFT_01_RREQ:
		return put_rreq(x, &g, &rreq6_draft, " rreq");
	case AODV_V6_DRAFT_01_RREP:
		return put_rrep(x, &g, &rrep6_draft);
	case AODV_V6_DRAFT_01_RERR:
		return put_rerr(x, &g, 16);
	default:
		msg_printf(&x->b, " type %u %u", type, g.len);
		return true;
	}
}
