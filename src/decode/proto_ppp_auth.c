/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp_auth.c: PAP (RFC 1334), CHAP (RFC 1994) and the multilink
 * header (RFC 1990) inside PPP, as tcpdump 4.99.3's handle_pap, handle_chap
 * and handle_mlppp print them, their length checks included.
 */
#include "config.h"

#include "decode/proto_ppp_cp.h"

static const struct msg_tok pap_codes[] = {
	{ 1, "Auth-Req" }, { 2, "Auth-ACK" }, { 3, "Auth-NACK" }, { 0, NULL },
};

static const struct msg_tok chap_codes[] = {
	{ 1, "Challenge" }, { 2, "Response" }, { 3, "Success" }, { 4, "Fail" }, { 0, NULL },
};

static const struct msg_tok ml_flags[] = { { 0x80, "begin" }, { 0x40, "end" }, { 0, NULL } };

/* n bytes from off as fn_print_char prints them; false when the capture ended first. */
static bool put_chars(struct ppp_pr *p, size_t off, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		uint8_t c = ppp_u8(p, off + i);

		if (p->cut)
			return false;
		msg_put_char(p->b, c);
	}
	return true;
}

/* The code, id and length every PAP and CHAP packet starts with; false when too short. */
static bool auth_head(struct ppp_pr *p, size_t off, uint32_t length, const char *what,
		      const struct msg_tok *codes, uint8_t *code, uint16_t *len)
{
	if (length < 1) {
		msg_printf(p->b, "[|%s]", what);
		return false;
	}
	if (length < 4) {
		uint8_t c = ppp_u8(p, off);

		if (!p->cut)
			msg_printf(p->b, "[|%s 0x%02x]", what, c);
		return false;
	}
	*code = ppp_u8(p, off);
	if (p->cut)
		return false;
	msg_printf(p->b, "%s, ", what[0] == 'p' ? "PAP" : "CHAP");
	msg_tok_put(p->b, codes, "unknown", *code);
	msg_printf(p->b, " (0x%02x)", *code);
	if (!ppp_need(p, off + 1, 1))
		return false;
	msg_printf(p->b, ", id %u", msg_u8(&p->g, off + 1));
	*len = ppp_u16(p, off + 2);
	return !p->cut;
}

void ppp_pap_print(struct ppp_pr *p, size_t off, uint32_t length)
{
	uint8_t code, n;
	uint16_t len;
	size_t q = off + 4;

	if (!auth_head(p, off, length, "pap", pap_codes, &code, &len))
		return;
	if (len > length) {
		msg_printf(p->b, ", length %u > packet size", len);
		return;
	}
	if (len < 4) {
		msg_printf(p->b, ", length %u < PAP header length", len);
		return;
	}
	switch (code) {
	case 1: /* the peer id and the password, each after its length */
		if (len < 6) {
			pbuf_puts(p->b, "[|pap]");
			return;
		}
		if (len - (q - off) < 1)
			return;
		n = ppp_u8(p, q++);
		if (p->cut || len - (q - off) < n)
			return;
		pbuf_puts(p->b, ", Peer ");
		if (!put_chars(p, q, n))
			return;
		q += n;
		if (len - (q - off) < 1)
			return;
		n = ppp_u8(p, q++);
		if (p->cut || len - (q - off) < n)
			return;
		pbuf_puts(p->b, ", Name ");
		put_chars(p, q, n);
		break;
	case 2:
	case 3: /* the message after its length */
		if (len < 5) {
			pbuf_puts(p->b, "[|pap]");
			return;
		}
		n = ppp_u8(p, q++);
		if (p->cut || len - (q - off) < n)
			return;
		pbuf_puts(p->b, ", Msg ");
		put_chars(p, q, n);
		break;
	}
}

void ppp_chap_print(struct ppp_pr *p, size_t off, uint32_t length)
{
	uint8_t code, n;
	uint16_t len;
	size_t q = off + 4;

	if (!auth_head(p, off, length, "chap", chap_codes, &code, &len))
		return;
	switch (code) {
	case 1:
	case 2: /* the value after its size, then the name up to the encoded length */
		if (length - (q - off) < 1)
			return;
		n = ppp_u8(p, q++);
		if (p->cut || length - (q - off) < n)
			return;
		pbuf_puts(p->b, ", Value ");
		for (unsigned i = 0; i < n; i++) {
			uint8_t c = ppp_u8(p, q++);

			if (p->cut)
				return;
			pbuf_hex(p->b, c, 2);
		}
		pbuf_puts(p->b, ", Name ");
		/* an encoded length below the value's end wraps as tcpdump's u_int does */
		put_chars(p, q, (uint32_t)len - (uint32_t)(q - off));
		break;
	case 3:
	case 4:
		pbuf_puts(p->b, ", Msg ");
		put_chars(p, q, (uint32_t)len - 4u);
		break;
	}
}

void ppp_ml_print(struct ppp_pr *p, size_t off, uint32_t length)
{
	uint16_t h;

	if (!p->e)
		pbuf_puts(p->b, "MLPPP, ");
	if (length < 2 || !msg_has(&p->g, off, 2)) {
		pbuf_puts(p->b, "[|mlppp]");
		return;
	}
	h = msg_u16(&p->g, off);
	/* only the 12-bit sequence number space, as tcpdump */
	msg_printf(p->b, "seq 0x%03x, Flags [", h & 0x0fff);
	msg_bits_put(p->b, ml_flags, "none", (h >> 8) & 0xc0, ", ");
	msg_printf(p->b, "], length %u", length);
}
