/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_krb.c: Kerberos (UDP 88 and 750): version 4's messages, version 5 named only, as tcpdump. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * Kerberos 4 (Athena Technical Plan E.2.1, appendix I): a version byte, a
 * type byte whose low bit says the sender's byte order (1: little endian),
 * then per type NUL-terminated names (name, instance, realm) and a few
 * numbers in the sender's order.  Version 5 (RFC 4120) is ASN.1, which
 * tcpdump does not decode: it prints " v5" for the application tags 10 and
 * 11 (0x6a, 0x6b) and stops.
 */
#define KRB4_KDC_REQUEST (1 << 1)
#define KRB4_KDC_REPLY (2 << 1)
#define KRB4_APPL_REQUEST (3 << 1)
#define KRB4_ERR_REPLY (5 << 1)

static const struct msg_tok krb4_types[] = {
	{ KRB4_KDC_REQUEST, "KDC_REQUEST" },
	{ KRB4_KDC_REPLY, "KDC_REPLY" },
	{ KRB4_APPL_REQUEST, "APPL_REQUEST" },
	{ 4 << 1, "APPL_REQUEST_MUTUAL" },
	{ KRB4_ERR_REPLY, "ERR_REPLY" },
	{ 6 << 1, "PRIVATE" },
	{ 7 << 1, "SAFE" },
	{ 8 << 1, "APPL_ERR" },
	{ 63 << 1, "DIE" },
	{ 0, NULL },
};

static const struct msg_tok krb4_errors[] = {
	{ 0, "OK" },
	{ 1, "NAME_EXP" },
	{ 2, "SERVICE_EXP" },
	{ 3, "AUTH_EXP" },
	{ 4, "PKT_VER" },
	{ 5, "NAME_MAST_KEY_VER" },
	{ 6, "SERV_MAST_KEY_VER" },
	{ 7, "BYTE_ORDER" },
	{ 8, "PRINCIPAL_UNKNOWN" },
	{ 9, "PRINCIPAL_NOT_UNIQUE" },
	{ 10, "NULL_KEY" },
	{ 0, NULL },
};

int proto_krb_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_KRB;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* A NUL-terminated name at *off, *off moved past its NUL; false when the capture cut it. */
static bool put_name(struct pbuf *b, const struct msg *g, size_t *off)
{
	size_t n;

	if (*off > g->cap)
		return false;
	n = msg_printztn(b, g, *off, g->cap - *off);
	if (!n)
		return false;
	*off += n;
	return true;
}

/* name.instance@realm from byte 2; false when the capture cut it. */
static bool put_principal(struct pbuf *b, const struct msg *g, size_t *off)
{
	*off = 2;
	if (!put_name(b, g, off))
		return false;
	pbuf_putc(b, '.');
	if (!put_name(b, g, off))
		return false;
	pbuf_putc(b, '@');
	return put_name(b, g, off);
}

/* A 16-bit number in the sender's byte order. */
static uint16_t krb4_u16(const struct msg *g, size_t off, bool le)
{
	return le ? (uint16_t)(g->p[off] | g->p[off + 1] << 8) : msg_u16(g, off);
}

/* Version 4's message; false when the capture cut it. */
static bool put_krb4(struct pbuf *b, const struct msg *g)
{
	uint8_t type;
	bool le;
	size_t off = 0;

	if (!msg_has(g, 1, 1))
		return false;
	type = msg_u8(g, 1) & 0xfe;
	le = msg_u8(g, 1) & 1;
	pbuf_puts(b, le ? " le " : " be ");
	msg_tok_put(b, krb4_types, "#%d", type);
	pbuf_puts(b, ": ");
	switch (type) {
	case KRB4_KDC_REQUEST:
		if (!put_principal(b, g, &off))
			return false;
		off += 4; /* the client's time */
		if (!msg_has(g, off, 1))
			return false;
		msg_printf(b, " %umin ", msg_u8(g, off) * 5u);
		off++;
		if (!put_name(b, g, &off))
			return false;
		pbuf_putc(b, '.');
		return put_name(b, g, &off);
	case KRB4_APPL_REQUEST:
		if (!msg_has(g, 2, 1))
			return false;
		msg_printf(b, "v%u ", msg_u8(g, 2));
		off = 3;
		if (!put_name(b, g, &off))
			return false;
		if (!msg_has(g, off, 2)) {
			if (msg_has(g, off, 1))
				msg_printf(b, " (%u)", msg_u8(g, off));
			return false;
		}
		msg_printf(b, " (%u) (%u)", msg_u8(g, off), msg_u8(g, off + 1));
		return true;
	case KRB4_KDC_REPLY:
		if (!put_principal(b, g, &off))
			return false;
		off += 10; /* time stamp, n, expiry, key version */
		if (!msg_has(g, off, 2))
			return false;
		msg_printf(b, " (%u)", krb4_u16(g, off, le));
		return true;
	case KRB4_ERR_REPLY:
		if (!put_principal(b, g, &off))
			return false;
		off += 4; /* time stamp */
		if (!msg_has(g, off, 2))
			return false;
		pbuf_putc(b, ' ');
		msg_tok_put(b, krb4_errors, "#%d", krb4_u16(g, off, le));
		pbuf_putc(b, ' ');
		off += 4; /* the error code's 4 bytes, of which tcpdump reads the first 2 */
		return put_name(b, g, &off);
	default:
		pbuf_puts(b, "(unknown)");
		return true;
	}
}

bool proto_krb_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	uint8_t pvno;

	msg_of(&g, x);
	if (!msg_has(&g, 0, 1))
		return msg_trunc(x, "krb");
	pvno = msg_u8(&g, 0);
	switch (pvno) {
	case 1:
	case 2:
	case 3:
	case 4:
		msg_printf(b, " v%u", pvno);
		if (pvno == 4 && !put_krb4(b, &g))
			return msg_trunc(x, "krb");
		break;
	case 106: /* ASN.1 [APPLICATION 10], AS-REQ */
	case 107: /* [APPLICATION 11], AS-REP */
		pbuf_puts(b, " v5");
		break;
	}
	return true;
}
