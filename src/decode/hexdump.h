/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hexdump.h: tcpdump's -x, -X and -A packet dumps as text. */
#ifndef SOCKEYE_HEXDUMP_H
#define SOCKEYE_HEXDUMP_H

#include <stddef.h>
#include <stdint.h>

enum hexdump_mode {
	HEXDUMP_NONE,
	HEXDUMP_HEX,		/* -x: 0x0000:  4500 0054 ... */
	HEXDUMP_HEX_ASCII,	/* -X: the same with the printable bytes beside */
	HEXDUMP_ASCII,		/* -A: the bytes as text, non-printables as '.' */
};

/*
 * Appends the dump of data[0..n) to buf (each line starts with "\n\t", as
 * tcpdump prints it under the summary).  Writes at most len bytes, always
 * NUL-terminated when len > 0, and returns the length the whole dump needs
 * (like snprintf): call again with a bigger buffer when it is len or more.
 */
size_t hexdump_format(char *buf, size_t len, const uint8_t *data, size_t n,
		      enum hexdump_mode mode);

#endif
