/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scan.c: bounds-checked scanning of kernel text, shared by the /proc parsers. */
#include "config.h"

#include <string.h>

#include "util/scan.h"

bool scan_next_line(const char **p, const char *end, const char **line, const char **eol)
{
	const char *nl;

	if (*p >= end)
		return false;
	*line = *p;
	nl = memchr(*p, '\n', (size_t)(end - *p));
	*eol = nl ? nl : end;
	*p = nl ? nl + 1 : end;
	return true;
}

const char *scan_skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

int scan_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Whether the byte at p may end a number.  strchr would match the NUL of stops to a NUL in text. */
static bool ends_number(const char *p, const char *end, const char *stops)
{
	return p == end || !stops || (*p && strchr(stops, *p));
}

const char *scan_dec(const char *p, const char *end, uint64_t max, const char *stops,
		     uint64_t *out)
{
	uint64_t v = 0;

	if (p >= end || *p < '0' || *p > '9')
		return NULL;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');

		/* v * 10 + d <= max, without the multiplication that could wrap. */
		if (d > max || v > (max - d) / 10)
			return NULL;
		v = v * 10 + d;
	}
	if (!ends_number(p, end, stops))
		return NULL;
	*out = v;
	return p;
}

const char *scan_hex(const char *p, const char *end, const char *stops, uint64_t *out)
{
	uint64_t v = 0;
	int d;

	if (p >= end || scan_hex_digit(*p) < 0)
		return NULL;
	for (; p < end && (d = scan_hex_digit(*p)) >= 0; p++) {
		/* Past 60 bits, one more nibble would shift the top ones out. */
		if (v >> 60)
			return NULL;
		v = v << 4 | (uint64_t)d;
	}
	if (!ends_number(p, end, stops))
		return NULL;
	*out = v;
	return p;
}
