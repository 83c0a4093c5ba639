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

void msg_put_char(struct pbuf *b, uint8_t c)
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
		msg_put_char(b, p[i]);
}

void msg_put_textn(struct pbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		msg_put_char(b, p[i]);
}

bool msg_hex_at(struct pbuf *b, const struct msg *g, size_t off, size_t n, const char *ident)
{
	/* pairs of bytes, then an odd last one; a line of 16 bytes starts with its offset */
	for (size_t i = 0; i < n; i += 2) {
		size_t pair = n - i >= 2 ? 2 : 1;

		if (i % 16 == 0) {
			pbuf_puts(b, ident);
			pbuf_puts(b, "0x");
			pbuf_hex(b, (uint32_t)i, 4);
			pbuf_puts(b, ": ");
		}
		if (!msg_has(g, off + i, pair))
			return false;
		pbuf_putc(b, ' ');
		pbuf_hex(b, msg_u8(g, off + i), 2);
		if (pair == 2)
			pbuf_hex(b, msg_u8(g, off + i + 1), 2);
	}
	return true;
}

void msg_unknown_data(struct pbuf *b, const struct msg *g, size_t off, size_t n, const char *ident)
{
	if (off > g->cap) {
		pbuf_puts(b, ident);
		pbuf_puts(b, "Dissector error: print_unknown_data called with pointer past end of packet");
		return;
	}
	msg_hex_at(b, g, off, n < g->cap - off ? n : g->cap - off, ident);
}

void msg_hex_lines(struct pbuf *b, const char *ident, const uint8_t *p, size_t n)
{
	struct msg all = { p, (uint32_t)n, (uint32_t)n };

	msg_hex_at(b, &all, 0, n, ident);
}

void msg_hex_ascii_lines(struct pbuf *b, const char *ident, const uint8_t *p, size_t n)
{
	for (size_t off = 0; off < n; off += 16) {
		size_t k = n - off < 16 ? n - off : 16;

		pbuf_puts(b, ident);
		msg_printf(b, "0x%04zx: ", off);
		for (size_t i = 0; i < 16; i++) {
			if (!(i & 1))
				pbuf_putc(b, ' ');
			if (i < k)
				pbuf_hex(b, p[off + i], 2);
			else
				pbuf_puts(b, "  ");
		}
		pbuf_puts(b, "  ");
		for (size_t i = 0; i < k; i++) {
			uint8_t c = p[off + i];

			pbuf_putc(b, c > 0x20 && c < 0x7f ? (char)c : '.');
		}
	}
}

void msg_hex(struct pbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pbuf_hex(b, p[i], 2);
}

size_t msg_printztn(struct pbuf *b, const struct msg *g, size_t off, size_t n)
{
	size_t took = 0;

	for (;;) {
		uint8_t c;

		if (!n || off >= g->cap)
			return 0;
		c = g->p[off++];
		took++;
		n--;
		if (!c)
			return took;
		msg_put_char(b, c);
	}
}

bool msg_printjn(struct pbuf *b, const struct msg *g, size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (off + i >= g->cap)
			return false;
		msg_put_char(b, g->p[off + i]);
	}
	return true;
}

bool msg_printjnp(struct pbuf *b, const struct msg *g, size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (off + i >= g->cap)
			return false;
		if (!g->p[off + i])
			return true;
		msg_put_char(b, g->p[off + i]);
	}
	return true;
}

void msg_dec_pad(struct pbuf *b, uint32_t v, unsigned width)
{
	char digits[10];
	unsigned n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (width > n && width--)
		pbuf_putc(b, '0');
	while (n)
		pbuf_putc(b, digits[--n]);
}

void msg_name_or(struct pbuf *b, const char *name, const char *prefix, uint32_t v)
{
	if (name) {
		pbuf_puts(b, name);
		return;
	}
	pbuf_puts(b, prefix);
	pbuf_u32(b, v);
}

bool msg_trunc_put(struct pbuf *b, const char *what)
{
	pbuf_puts(b, " [|");
	pbuf_puts(b, what);
	pbuf_putc(b, ']');
	return true;
}

bool msg_udp_undecoded(struct line *x, struct msg *g)
{
	pbuf_puts(&x->b, "UDP, length ");
	pbuf_u32(&x->b, line_level(x)->udp.len - 8u);
	msg_of(g, x);
	return x->o->decode_more;
}

int msg_mask_plen(uint32_t mask)
{
	for (int len = 32; len >= 0; len--)
		if ((len ? 0xffffffffu << (32 - len) : 0) == mask)
			return len;
	return -1;
}

uint32_t msg_snap_cap(const struct line *x, const struct msg *g)
{
	const struct pkt_layer *ly = line_layer(x), *ip;
	uint32_t end = x->m->caplen;
	unsigned j;

	if (!g->p)
		return g->cap;
	for (j = x->i; j-- > 0;) {
		ip = &x->m->layer[j];
		if (ip->proto != PKT_PROTO_IPV4 && ip->proto != PKT_PROTO_IPV6)
			continue;
		if (ip->off + ip->wire_len < end)
			end = ip->off + ip->wire_len;
		break;
	}
	if (end <= ly->off || end - ly->off < g->cap)
		return g->cap;
	return end - ly->off;
}
