/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hexdump.c: the -x/-X/-A dumps, byte for byte as tcpdump lays them out. */
#include "config.h"

#include <stdbool.h>

#include "decode/hexdump.h"

static const char hex[] = "0123456789abcdef";

/* Appends c when it fits; the count goes on either way, so the caller learns the size. */
struct out {
	char *p;
	size_t len, n;
};

static void put(struct out *o, char c)
{
	if (o->n + 1 < o->len)
		o->p[o->n] = c;
	o->n++;
}

static void put_str(struct out *o, const char *s)
{
	while (*s)
		put(o, *s++);
}

/* tcpdump's -X column shows graphic characters only: a space is a dot there. */
static char graphic(uint8_t b)
{
	return b > 0x20 && b < 0x7f ? (char)b : '.';
}

/* One line: offset, eight groups of two bytes, then (-X) the bytes as text. */
static void hex_line(struct out *o, const uint8_t *p, size_t n, size_t off, bool ascii)
{
	int top = 12;

	/* "0x%04x": four digits at least, more past 64 KiB (GSO packets, big snap lengths). */
	while (top < 28 && off >> (top + 4))
		top += 4;
	put_str(o, "\n\t0x");
	for (int s = top; s >= 0; s -= 4)
		put(o, hex[(off >> s) & 0xf]);
	put_str(o, ": ");
	for (size_t i = 0; i < 16; i++) {
		if (i >= n && !ascii)
			break;	/* no padding after the last byte without the text column */
		if (!(i & 1))
			put(o, ' ');
		if (i < n) {
			put(o, hex[p[i] >> 4]);
			put(o, hex[p[i] & 0xf]);
		} else {
			put_str(o, "  ");
		}
	}
	if (!ascii)
		return;
	put_str(o, "  ");
	for (size_t i = 0; i < n; i++)
		put(o, graphic(p[i]));
}

size_t hexdump_format(char *buf, size_t len, const uint8_t *data, size_t n,
		      enum hexdump_mode mode)
{
	struct out o = { .p = buf, .len = len };

	switch (mode) {
	case HEXDUMP_NONE:
		break;
	case HEXDUMP_HEX:
	case HEXDUMP_HEX_ASCII:
		for (size_t off = 0; off < n; off += 16)
			hex_line(&o, data + off, n - off < 16 ? n - off : 16, off,
				 mode == HEXDUMP_HEX_ASCII);
		break;
	case HEXDUMP_ASCII:
		/*
		 * tcpdump -A keeps line breaks, tabs and spaces, drops a carriage
		 * return before a line break, and dots the rest.
		 */
		put(&o, '\n');
		for (size_t i = 0; i < n; i++) {
			uint8_t b = data[i];

			if (b == '\r' && i + 1 < n && data[i + 1] == '\n')
				continue;
			put(&o, b == '\n' || b == '\t' || b == ' ' ? (char)b : graphic(b));
		}
		break;
	}
	if (len)
		buf[o.n < len ? o.n : len - 1] = '\0';
	return o.n;
}
