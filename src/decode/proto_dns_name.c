/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dns_name.c: DNS names (RFC 1035 4.1.4): skipping, decompressing, printing. */
#include "config.h"

#include "decode/proto_dns.h"
#include "decode/proto_msg.h"

/* The two top bits of a length byte: what the label is (RFC 1035 4.1.4, RFC 6891 5). */
#define DNS_LABEL_MASK	   0xc0
#define DNS_LABEL_NORMAL   0x00
#define DNS_LABEL_EXTENDED 0x40 /* RFC 2673 bit labels, ELT 1 only */
#define DNS_LABEL_RESERVED 0x80
#define DNS_LABEL_POINTER  0xc0
#define DNS_ELT_BITLABEL   0x01

bool dns_msg_of(struct dns_msg *d, const struct pkt_dns *dns, const uint8_t *data,
		uint32_t caplen)
{
	if (!data || dns->msg_off > caplen)
		return false;
	d->p = data + dns->msg_off;
	d->cap = dns->msg_caplen;
	if (d->cap > caplen - dns->msg_off)
		d->cap = caplen - dns->msg_off;
	return true;
}

size_t dns_name_skip(const struct dns_msg *d, size_t off)
{
	uint8_t i;

	if (!dns_has(d, off, 1))
		return DNS_FAIL;
	i = d->p[off++];
	while (i) {
		switch (i & DNS_LABEL_MASK) {
		case DNS_LABEL_POINTER:
			return off + 1;
		case DNS_LABEL_EXTENDED: {
			unsigned bits;

			if ((i & ~DNS_LABEL_MASK) != DNS_ELT_BITLABEL || !dns_has(d, off, 1))
				return DNS_FAIL;
			bits = d->p[off] ? d->p[off] : 256;
			off += 1 + (bits + 7) / 8;
			break;
		}
		case DNS_LABEL_RESERVED:
			return DNS_FAIL;
		default:
			off += i;
			break;
		}
		if (!dns_has(d, off, 1))
			return DNS_FAIL;
		i = d->p[off++];
	}
	return off;
}

/*
 * The bytes a label of length byte at off takes after that byte, or -1
 * (printed as tcpdump marks it) for a type that has no length.
 */
static long dns_label_len(struct pbuf *b, const struct dns_msg *d, size_t off)
{
	uint8_t i;
	unsigned bits;

	if (!dns_has(d, off, 1))
		return -1;
	i = d->p[off];
	switch (i & DNS_LABEL_MASK) {
	case DNS_LABEL_EXTENDED:
		if ((i & ~DNS_LABEL_MASK) != DNS_ELT_BITLABEL) {
			pbuf_puts(b, "<ELT ");
			pbuf_u32(b, i & ~DNS_LABEL_MASK);
			pbuf_putc(b, '>');
			return -1;
		}
		if (!dns_has(d, off + 1, 1))
			return -1;
		bits = d->p[off + 1] ? d->p[off + 1] : 256;
		return (long)((bits + 7) / 8 + 1);
	case DNS_LABEL_RESERVED:
		pbuf_puts(b, "<BAD LABEL TYPE>");
		return -1;
	default:
		return i;
	}
}

/* An RFC 2673 bit label, its count byte at off: "\[xabcd/16]".  false when cut. */
static bool dns_bitlabel_print(struct pbuf *b, const struct dns_msg *d, size_t off)
{
	unsigned bits, k;
	size_t q;

	if (!dns_has(d, off, 1))
		return false;
	bits = d->p[off] ? d->p[off] : 256;
	pbuf_puts(b, "\\[x");
	for (q = off + 1, k = bits; k > 7; k -= 8, q++) {
		if (!dns_has(d, q, 1))
			return false;
		pbuf_hex(b, d->p[q], 2);
	}
	if (k > 0) {
		if (!dns_has(d, q, 1))
			return false;
		if (k > 4)
			pbuf_hex(b, d->p[q] & (0xffu << (8 - k)) & 0xff, 2);
		else
			pbuf_hex(b, (d->p[q] >> 4) & (0x0fu << (4 - k)) & 0x0f, 1);
	}
	pbuf_puts(b, "/");
	pbuf_u32(b, bits);
	pbuf_putc(b, ']');
	return true;
}

/* n bytes of a label from off; false when the capture ends first. */
static bool dns_label_print(struct pbuf *b, const struct dns_msg *d, size_t off, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (!dns_has(d, off + k, 1))
			return false;
		msg_put_char(b, d->p[off + k]);
	}
	return true;
}

size_t dns_name_print(struct pbuf *b, const struct dns_msg *d, size_t off)
{
	size_t rp = DNS_FAIL, max_off = off, chars = 0;
	bool compressed = false;
	long l;
	uint8_t i;

	l = dns_label_len(b, d, off);
	if (l < 0)
		return DNS_FAIL;
	i = d->p[off++];
	if ((i & DNS_LABEL_MASK) != DNS_LABEL_POINTER)
		rp = off + (size_t)l;
	if (!i) {
		pbuf_putc(b, '.');
		return rp;
	}
	while (i && off < d->cap) {
		switch (i & DNS_LABEL_MASK) {
		case DNS_LABEL_POINTER: {
			size_t to;

			if (!compressed) {
				rp = off + 1;
				compressed = true;
			}
			to = ((size_t)(i & ~DNS_LABEL_MASK) << 8) | d->p[off];
			/* only backwards, as BIND requires: no loop can form */
			if (to >= max_off) {
				pbuf_puts(b, "<BAD PTR>");
				return DNS_FAIL;
			}
			max_off = to;
			off = to;
			if (!dns_has(d, off, 1))
				return DNS_FAIL;
			i = d->p[off];
			l = dns_label_len(b, d, off);
			if (l < 0)
				return DNS_FAIL;
			off++;
			continue;
		}
		case DNS_LABEL_EXTENDED:
			/* dns_label_len let only bit labels through */
			if (!dns_bitlabel_print(b, d, off))
				return DNS_FAIL;
			break;
		case DNS_LABEL_RESERVED:
			pbuf_puts(b, "<BAD LABEL TYPE>");
			return DNS_FAIL;
		default:
			if (chars + (size_t)l <= DNS_MAX_NAME) {
				if (!dns_label_print(b, d, off, (size_t)l))
					return DNS_FAIL;
			} else if (chars < DNS_MAX_NAME) {
				if (!dns_label_print(b, d, off, DNS_MAX_NAME - chars))
					return DNS_FAIL;
			}
			chars += (size_t)l;
			break;
		}
		off += (size_t)l;
		if (chars <= DNS_MAX_NAME)
			pbuf_putc(b, '.');
		chars++;
		if (!dns_has(d, off, 1))
			return DNS_FAIL;
		i = d->p[off];
		l = dns_label_len(b, d, off);
		if (l < 0)
			return DNS_FAIL;
		off++;
		if (!compressed)
			rp += (size_t)l + 1;
	}
	if (chars > DNS_MAX_NAME)
		pbuf_puts(b, "<DOMAIN NAME TOO LONG>");
	return rp;
}

/* ---- presentation format, for JSON ---------------------------------------------------------- */

static void dns_text_byte(struct pbuf *b, uint8_t c)
{
	if (c == '.' || c == '\\' || c == '"') {
		pbuf_putc(b, '\\');
		pbuf_putc(b, (char)c);
	} else if (c > 0x20 && c < 0x7f) {
		pbuf_putc(b, (char)c);
	} else {
		pbuf_putc(b, '\\');
		pbuf_putc(b, (char)('0' + c / 100));
		pbuf_putc(b, (char)('0' + c / 10 % 10));
		pbuf_putc(b, (char)('0' + c % 10));
	}
}

size_t dns_name_text(const struct dns_msg *d, size_t off, char *buf, size_t len)
{
	size_t rp = DNS_FAIL, max_off = off, wire = 0;
	struct pbuf b;

	pbuf_init(&b, buf, len);
	for (;;) {
		uint8_t i;

		if (!dns_has(d, off, 1))
			return DNS_FAIL;
		i = d->p[off++];
		if (!i)
			break;
		if ((i & DNS_LABEL_MASK) == DNS_LABEL_POINTER) {
			size_t to;

			if (!dns_has(d, off, 1))
				return DNS_FAIL;
			to = ((size_t)(i & ~DNS_LABEL_MASK) << 8) | d->p[off];
			if (rp == DNS_FAIL)
				rp = off + 1;
			if (to >= max_off)
				return DNS_FAIL;
			max_off = off = to;
			continue;
		}
		/* bit labels and reserved types have no presentation here */
		if (i & DNS_LABEL_MASK || !dns_has(d, off, i))
			return DNS_FAIL;
		wire += 1u + i;
		if (wire > DNS_MAX_NAME)
			return DNS_FAIL;
		for (size_t k = 0; k < i; k++)
			dns_text_byte(&b, d->p[off + k]);
		pbuf_putc(&b, '.');
		off += i;
	}
	if (!wire)
		pbuf_putc(&b, '.');
	pbuf_finish(&b, len);
	if (b.n >= len)
		return DNS_FAIL;
	return rp == DNS_FAIL ? off : rp;
}
