/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_msg.c: tcpdump's ways of naming values, flags, strings and unknown bytes. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "decode/proto_msg.h"

/* The fallback formats come from the protocol tables, as tcpdump's tok2str takes them. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

const char *msg_tok_find(const struct msg_tok *t, uint32_t v)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return NULL;
}

void msg_tok_put(struct pbuf *b, const struct msg_tok *t, const char *fmt, uint32_t v)
{
	const char *s = msg_tok_find(t, v);

	if (s)
		pbuf_puts(b, s);
	else
		msg_printf(b, fmt, v);
}

void msg_bits_put(struct pbuf *b, const struct msg_tok *t, const char *none, uint32_t v,
		  const char *sep)
{
	bool any = false;

	/* as bittok2str: an entry names a bit when it equals v's bit at some position */
	for (; t->s; t++) {
		for (uint32_t bit = 1; bit; bit <<= 1) {
			if (t->v == (v & bit)) {
				if (any)
					pbuf_puts(b, sep);
				pbuf_puts(b, t->s);
				any = true;
				break;
			}
		}
	}
	if (!any)
		msg_printf(b, none, v);
}

void msg_printf(struct pbuf *b, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		pbuf_put(b, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

static void put_char(struct pbuf *b, uint8_t c)
{
	if (c & 0x80) {
		pbuf_puts(b, "M-");
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f) {
		pbuf_putc(b, '^');
		pbuf_putc(b, (char)(c ^ 0x40));
		return;
	}
	pbuf_putc(b, (char)c);
}

void msg_put_text(struct pbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n && p[i]; i++)
		put_char(b, p[i]);
}

void msg_put_textn(struct pbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put_char(b, p[i]);
}

void msg_hex_lines(struct pbuf *b, const char *ident, const uint8_t *p, size_t n)
{
	/* pairs of bytes, then an odd last one; a line of 16 bytes starts with its offset */
	for (size_t i = 0; i < n; i += 2) {
		if (i % 16 == 0) {
			pbuf_puts(b, ident);
			pbuf_puts(b, "0x");
			pbuf_hex(b, (uint32_t)i, 4);
			pbuf_puts(b, ": ");
		}
		pbuf_putc(b, ' ');
		pbuf_hex(b, p[i], 2);
		if (i + 1 < n)
			pbuf_hex(b, p[i + 1], 2);
	}
}

void msg_hex(struct pbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pbuf_hex(b, p[i], 2);
}

bool msg_trunc(struct line *x, const char *what)
{
	pbuf_puts(&x->b, " [|");
	pbuf_puts(&x->b, what);
	pbuf_putc(&x->b, ']');
	return true;
}
