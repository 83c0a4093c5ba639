/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6_msg.c: the ICMPv6 printers' shared helpers: hex lines, bit names, name bytes, the cut mark. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_icmp6_msg.h"

/*
 * tcpdump's hex_print: 16 bytes a line, each starting with indent and the
 * offset; false when the capture ends first (the caller prints "[|icmp6]").
 */
bool icmp6_hex(struct pbuf *b, const struct icmp6_msg *g, size_t off, size_t n,
		      const char *indent)
{
	for (size_t i = 0; i < n; i += 2) {
		const uint8_t *p = icmp6_at(g, off + i, n - i >= 2 ? 2 : 1);

		if (i % 16 == 0) {
			pbuf_puts(b, indent);
			pbuf_puts(b, "0x");
			pbuf_hex(b, (uint32_t)i, 4);
			pbuf_puts(b, ": ");
		}
		if (!p)
			return false;
		pbuf_putc(b, ' ');
		pbuf_hex(b, p[0], 2);
		if (n - i >= 2)
			pbuf_hex(b, p[1], 2);
	}
	return true;
}

bool icmp6_trunc(struct line *x)
{
	pbuf_putc(&x->b, ' ');
	return line_trunc(x, "icmp6");
}

/* bittok2str: the names of the bits set, ", " between them, or "none". */
void icmp6_bits(struct pbuf *b, uint32_t v, const uint32_t *bits, const char *const *names,
		       unsigned n)
{
	bool any = false;

	for (unsigned i = 0; i < n; i++) {
		if (!(v & bits[i]))
			continue;
		if (any)
			pbuf_puts(b, ", ");
		pbuf_puts(b, names[i]);
		any = true;
	}
	if (!any)
		pbuf_puts(b, "none");
}

/* A byte of a name as tcpdump's fn_print_char: "M-" past ASCII, "^X" for a control. */
void icmp6_char(struct pbuf *b, uint8_t c)
{
	if (c & 0x80) {
		c &= 0x7f;
		pbuf_puts(b, "M-");
	}
	if (c < 0x20 || c == 0x7f) {
		c ^= 0x40;
		pbuf_putc(b, '^');
	}
	pbuf_putc(b, (char)c);
}
