/* SPDX-License-Identifier: GPL-2.0-or-later */
/* utf8.c: strict UTF-8 validation following the well-formed byte table of Unicode 15, 3.9. */
#include "config.h"

#include "util/utf8.h"

static bool utf8_is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;	/* the second byte's range */
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xc2)	/* a continuation byte, or C0/C1: overlong two-byte forms */
		return 0;
	if (s[0] < 0xe0) {
		len = 2;
	} else if (s[0] < 0xf0) {
		len = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;	/* below: overlong */
		else if (s[0] == 0xed)
			hi = 0x9f;	/* above: UTF-16 surrogates */
	} else if (s[0] < 0xf5) {
		len = 4;
		if (s[0] == 0xf0)
			lo = 0x90;	/* below: overlong */
		else if (s[0] == 0xf4)
			hi = 0x8f;	/* above: beyond U+10FFFF */
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (!utf8_is_cont(s[i]))
			return 0;
	return len;
}

bool utf8_is_valid(const void *s, size_t n)
{
	const unsigned char *p = s;

	while (n) {
		size_t len = utf8_seq_len(p, n);

		if (!len)
			return false;
		p += len;
		n -= len;
	}
	return true;
}
