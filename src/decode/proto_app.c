/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_app.c: the application message view and tcpdump's string printers. */
#include "config.h"

#include "decode/proto_app.h"

void app_msg_of(struct app_msg *a, const struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	uint32_t caplen = x->m->caplen;

	a->p = NULL;
	a->len = ly->wire_len;
	a->cap = 0;
	if (!x->o->data || ly->off > caplen)
		return;
	a->p = x->o->data + ly->off;
	/* trailing link padding is captured too, but is not the message's */
	a->cap = caplen - ly->off < ly->wire_len ? caplen - ly->off : ly->wire_len;
}

size_t app_printztn(struct pbuf *b, const struct app_msg *a, size_t off, size_t n)
{
	size_t took = 0;

	for (;;) {
		uint8_t c;

		if (!n || off >= a->cap)
			return 0;
		c = a->p[off++];
		took++;
		n--;
		if (!c)
			return took;
		app_print_char(b, c);
	}
}

bool app_printjn(struct pbuf *b, const struct app_msg *a, size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (off + i >= a->cap)
			return false;
		app_print_char(b, a->p[off + i]);
	}
	return true;
}

bool app_printjnp(struct pbuf *b, const struct app_msg *a, size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (off + i >= a->cap)
			return false;
		if (!a->p[off + i])
			return true;
		app_print_char(b, a->p[off + i]);
	}
	return true;
}

bool app_trunc(struct pbuf *b, const char *what)
{
	pbuf_puts(b, " [|");
	pbuf_puts(b, what);
	pbuf_putc(b, ']');
	return true;
}

void app_name_or(struct pbuf *b, const char *name, const char *prefix, uint32_t v)
{
	if (name) {
		pbuf_puts(b, name);
		return;
	}
	pbuf_puts(b, prefix);
	pbuf_u32(b, v);
}

bool app_hex(struct pbuf *b, const struct app_msg *a, size_t off, size_t n, const char *indent)
{
	for (size_t i = 0; i < n; i += 2) {
		if (i % 16 == 0) {
			pbuf_puts(b, indent);
			pbuf_puts(b, "0x");
			pbuf_hex(b, (uint32_t)i, 4);
			pbuf_puts(b, ": ");
		}
		if (!app_has(a, off + i, n - i >= 2 ? 2 : 1))
			return false;
		pbuf_putc(b, ' ');
		pbuf_hex(b, app_u8(a, off + i), 2);
		if (n - i >= 2)
			pbuf_hex(b, app_u8(a, off + i + 1), 2);
	}
	return true;
}

void app_dec_pad(struct pbuf *b, uint32_t v, unsigned width)
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
