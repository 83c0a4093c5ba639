/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scan.h: bounds-checked scanning of kernel text (/proc lines, blanks, decimal and hex numbers). */
#ifndef SOCKEYE_SCAN_H
#define SOCKEYE_SCAN_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Every function reads [p, end) and nothing past it: /proc text comes from a
 * read() and need not be NUL-terminated.
 */

/*
 * Splits off the next line [*line, *eol) of [*p, end), without its '\n', and
 * moves *p past it; false when the text is used up.  A last line without '\n'
 * ends at end (*eol == end): callers that want the kernel's final newline (a
 * cut read may stop mid-number) check for that.
 */
bool scan_next_line(const char **p, const char *end, const char **line, const char **eol);

/* The blanks that separate /proc columns, as scan_dec's stops. */
#define SCAN_BLANKS " \t"

/* The first byte at or after p that is not a space or a tab, or end. */
const char *scan_skip_blanks(const char *p, const char *end);

/* The value of a hex digit (either case), or -1. */
int scan_hex_digit(char c);

/*
 * Decimal digits at p (no sign, no leading blanks) as a number of at most
 * max.  The number must be followed by end or by a byte of stops; NULL stops
 * lets anything follow, "" nothing.  Returns the end of the digits, or NULL
 * with *out untouched when there is no digit, the value passes max or a
 * byte not in stops follows.
 */
const char *scan_dec(const char *p, const char *end, uint64_t max, const char *stops,
		     uint64_t *out);

/* As scan_dec for hex digits without "0x", up to UINT64_MAX (leading zeros are no overflow). */
const char *scan_hex(const char *p, const char *end, const char *stops, uint64_t *out);

#endif
