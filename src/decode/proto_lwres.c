/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_lwres.c: BIND 9's lightweight resolver protocol (lwres) on UDP 921,
 * as tcpdump's lwres_print: the packet header, the queries and responses of
 * noop, getaddrsbyname, getnamebyaddr and getrdatabyname, and the length
 * checks ("[len: N != M]", "[extra]").
 */
#include "config.h"

#include <setjmp.h>

#include "decode/names.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"

#define LWRES_HDR_LEN	   28
#define LWRES_RESPONSE	   0x0001u
#define LWRES_ADDRTYPE_V4  1u
#define LWRES_ADDRTYPE_V6  2u
#define LWRES_GABNREQ_LEN  10
#define LWRES_GNBAREQ_LEN  4
#define LWRES_GRBNREQ_LEN  10
#define LWRES_GABNRESP_LEN 10
#define LWRES_GNBARESP_LEN 8
#define LWRES_GRBNRESP_LEN 16
#define LWRES_ADDR_LEN	   6

enum {
	LWRES_OPCODE_NOOP = 0,
	LWRES_OPCODE_GETADDRSBYNAME = 0x00010001,
	LWRES_OPCODE_GETNAMEBYADDR = 0x00010002,
	LWRES_OPCODE_GETRDATABYNAME = 0x00010003,
};

static const struct msg_tok lwres_opcodes[] = {
	{ LWRES_OPCODE_NOOP, "noop" },
	{ LWRES_OPCODE_GETADDRSBYNAME, "getaddrsbyname" },
	{ LWRES_OPCODE_GETNAMEBYADDR, "getnamebyaddr" },
	{ LWRES_OPCODE_GETRDATABYNAME, "getrdatabyname" },
	{ 0, NULL },
};

/* Reads as tcpdump's GET_ macros: past the capture, back to lwres_walk (" [|lwres]"). */
struct lwres_rd {
	const struct msg *g;
	struct pbuf *b;
	jmp_buf cut;
};

static void need(struct lwres_rd *r, uint32_t off, uint32_t n)
{
	if (!msg_has(r->g, off, n))
		longjmp(r->cut, 1);
}

static uint8_t get8(struct lwres_rd *r, uint32_t off)
{
	need(r, off, 1);
	return msg_u8(r->g, off);
}

static uint16_t get16(struct lwres_rd *r, uint32_t off)
{
	need(r, off, 2);
	return msg_u16(r->g, off);
}

static uint32_t get32(struct lwres_rd *r, uint32_t off)
{
	need(r, off, 4);
	return msg_u32(r->g, off);
}

int proto_lwres_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_LWRES;
	return PKT_PROTO_NONE;
}

const char *proto_lwres_opcode_name(uint32_t opcode)
{
	return msg_tok_find(lwres_opcodes, opcode);
}

/* lwres_printname: l bytes of name and the NUL that should follow; the bytes taken. */
static uint32_t put_name(struct lwres_rd *r, uint32_t l, uint32_t off)
{
	pbuf_putc(r->b, ' ');
	for (uint32_t i = 0; i < l; i++)
		msg_put_char(r->b, get8(r, off + i));
	if (get8(r, off + l))
		pbuf_puts(r->b, " (not NUL-terminated!)");
	return l + 1;
}

static uint32_t put_namelen(struct lwres_rd *r, uint32_t off)
{
	return 2 + put_name(r, get16(r, off), off + 2);
}

static uint32_t put_binlen(struct lwres_rd *r, uint32_t off)
{
	uint16_t l = get16(r, off);

	for (uint32_t i = 0; i < l; i++)
		msg_printf(r->b, "%02x", get8(r, off + 2 + i));
	return 2u + l;
}

/* lwres_printaddr: family, length, address; the bytes taken, or -1 (too short for the family). */
static int64_t put_addr(struct lwres_rd *r, uint32_t off)
{
	uint16_t l = get16(r, off + 4);
	uint32_t p = off + LWRES_ADDR_LEN, family;

	need(r, p, l);
	family = get32(r, off);
	switch (family) {
	case 1:
		if (l < 4)
			return -1;
		pbuf_putc(r->b, ' ');
		pbuf_ip4(r->b, r->g->p + p);
		p += 4;
		break;
	case 2:
		if (l < 16)
			return -1;
		pbuf_putc(r->b, ' ');
		pbuf_ip6(r->b, r->g->p + p);
		p += 16;
		break;
	default:
		msg_printf(r->b, " %u/", family);
		for (uint32_t i = 0; i < l; i++)
			msg_printf(r->b, "%02x", get8(r, p++));
		break;
	}
	return p - off;
}

static void put_type_class(struct lwres_rd *r, uint32_t type_off, uint32_t class_off)
{
	uint16_t type = get16(r, type_off), cls;
	const char *name = names_dns_type(type);

	if (name)
		msg_printf(r->b, " %s", name);
	else
		msg_printf(r->b, " Type%u", type);
	cls = get16(r, class_off);
	if (cls != 1) {
		name = names_dns_class(cls);
		if (name)
			msg_printf(r->b, " %s", name);
		else
			msg_printf(r->b, " Class%u", cls);
	}
}

static void put_flags(struct lwres_rd *r, unsigned v, uint32_t off)
{
	if (v > 2)
		msg_printf(r->b, " flags:0x%x", get32(r, off));
}

/* A query's body from p; false when invalid.  *s is where it ends, *unsupported for other opcodes. */
static bool put_query(struct lwres_rd *r, unsigned v, uint32_t op, uint32_t p, uint32_t *s,
		      bool *unsupported)
{
	uint32_t t;
	int64_t adv;

	*s = p;
	switch (op) {
	case LWRES_OPCODE_NOOP:
		break;
	case LWRES_OPCODE_GETADDRSBYNAME:
		need(r, p + 8, 2);
		put_flags(r, v, p);
		t = get32(r, p + 4);
		switch (t & (LWRES_ADDRTYPE_V4 | LWRES_ADDRTYPE_V6)) {
		case LWRES_ADDRTYPE_V4:
			pbuf_puts(r->b, " IPv4");
			break;
		case LWRES_ADDRTYPE_V6:
			pbuf_puts(r->b, " IPv6");
			break;
		case LWRES_ADDRTYPE_V4 | LWRES_ADDRTYPE_V6:
			pbuf_puts(r->b, " IPv4/6");
			break;
		}
		if (t & ~(LWRES_ADDRTYPE_V4 | LWRES_ADDRTYPE_V6))
			msg_printf(r->b, "[0x%x]", t);
		*s = p + LWRES_GABNREQ_LEN;
		*s += put_name(r, get16(r, p + 8), *s);
		break;
	case LWRES_OPCODE_GETNAMEBYADDR:
		need(r, p, 4);
		put_flags(r, v, p);
		*s = p + LWRES_GNBAREQ_LEN;
		adv = put_addr(r, *s);
		if (adv < 0)
			return false;
		*s += (uint32_t)adv;
		break;
	case LWRES_OPCODE_GETRDATABYNAME:
		need(r, p + 8, 2);
		put_flags(r, v, p);
		put_type_class(r, p + 6, p + 4);
		*s = p + LWRES_GRBNREQ_LEN;
		*s += put_name(r, get16(r, p + 8), *s);
		break;
	default:
		*unsupported = true;
		break;
	}
	return true;
}

static bool put_response(struct lwres_rd *r, unsigned v, uint32_t op, uint32_t p, uint32_t *s,
			 bool *unsupported)
{
	uint32_t na;
	int64_t adv;

	*s = p;
	switch (op) {
	case LWRES_OPCODE_NOOP:
		break;
	case LWRES_OPCODE_GETADDRSBYNAME:
		need(r, p + 8, 2);
		put_flags(r, v, p);
		msg_printf(r->b, " %u/%u", get16(r, p + 4), get16(r, p + 6));
		*s = p + LWRES_GABNRESP_LEN;
		*s += put_name(r, get16(r, p + 8), *s);
		na = get16(r, p + 4);
		for (uint32_t i = 0; i < na; i++)
			*s += put_namelen(r, *s);
		na = get16(r, p + 6);
		for (uint32_t i = 0; i < na; i++) {
			adv = put_addr(r, *s);
			if (adv < 0)
				return false;
			*s += (uint32_t)adv;
		}
		break;
	case LWRES_OPCODE_GETNAMEBYADDR:
		need(r, p + 6, 2);
		put_flags(r, v, p);
		msg_printf(r->b, " %u", get16(r, p + 4));
		*s = p + LWRES_GNBARESP_LEN;
		*s += put_name(r, get16(r, p + 6), *s);
		na = get16(r, p + 4);
		for (uint32_t i = 0; i < na; i++)
			*s += put_namelen(r, *s);
		break;
	case LWRES_OPCODE_GETRDATABYNAME:
		need(r, p + 14, 2);
		put_flags(r, v, p);
		put_type_class(r, p + 6, p + 4);
		pbuf_puts(r->b, " TTL ");
		proto_msg_relts(r->b, get32(r, p + 8));
		msg_printf(r->b, " %u/%u", get16(r, p + 12), get16(r, p + 14));
		*s = p + LWRES_GRBNRESP_LEN;
		*s += put_namelen(r, *s);
		na = get16(r, p + 12);
		for (uint32_t i = 0; i < na; i++)
			*s += put_binlen(r, *s);
		na = get16(r, p + 14);
		for (uint32_t i = 0; i < na; i++)
			*s += put_binlen(r, *s);
		break;
	default:
		*unsupported = true;
		break;
	}
	return true;
}

/* lwres_print after its first check; false on an invalid address (" (invalid)"). */
static bool lwres_body(struct lwres_rd *r, unsigned v)
{
	const struct msg *g = r->g;
	uint32_t ver, op, flags, s = 0;
	bool response, unsupported = false, ok;

	pbuf_puts(r->b, " lwres");
	ver = get16(r, 4);
	if (v || ver != 0)
		msg_printf(r->b, " v%u", ver);
	if (ver != 0) {
		s = get32(r, 0); /* tcpdump: the declared length is where the body ends */
	} else {
		flags = get16(r, 6);
		response = flags & LWRES_RESPONSE;
		op = get32(r, 12);
		pbuf_putc(r->b, ' ');
		msg_tok_put(r->b, lwres_opcodes, "#0x%x", op);
		if (!response)
			pbuf_putc(r->b, '?');
		if (flags & ~LWRES_RESPONSE)
			msg_printf(r->b, "[0x%x]", flags);
		if (v > 1) {
			msg_printf(r->b, " (serial:0x%x result:0x%x recvlen:%u", get32(r, 8), get32(r, 16),
				   get32(r, 20));
			if (v > 2)
				msg_printf(r->b, " authtype:0x%x authlen:%u", get16(r, 24), get16(r, 26));
			pbuf_putc(r->b, ')');
		}
		ok = response ? put_response(r, v, op, LWRES_HDR_LEN, &s, &unsupported) :
				put_query(r, v, op, LWRES_HDR_LEN, &s, &unsupported);
		if (!ok)
			return false;
	}
	if (get32(r, 0) != g->len)
		msg_printf(r->b, " [len: %u != %u]", get32(r, 0), g->len);
	if (!unsupported && s < get32(r, 0))
		pbuf_puts(r->b, "[extra]");
	return true;
}

/* 0: printed, 1: cut (" [|lwres]"), 2: invalid */
static int lwres_walk(struct lwres_rd *r, unsigned v)
{
	if (setjmp(r->cut))
		return 1;
	return lwres_body(r, v) ? 0 : 2;
}

bool proto_lwres_print(struct line *x)
{
	struct msg g;
	struct lwres_rd r;

	msg_of(&g, x);
	r.g = &g;
	r.b = &x->b;
	/* ND_TCHECK_2(np->authlength): the whole header, before " lwres" */
	if (!msg_has(&g, 0, LWRES_HDR_LEN))
		return msg_trunc(x, "lwres");
	switch (lwres_walk(&r, line_verbosity(x))) {
	case 1:
		return msg_trunc(x, "lwres");
	case 2:
		pbuf_puts(&x->b, " (invalid)");
		break;
	default:
		break;
	}
	return true;
}
