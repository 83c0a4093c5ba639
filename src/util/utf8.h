/* SPDX-License-Identifier: GPL-2.0-or-later */
/* utf8.h: strict UTF-8 validation (RFC 3629) for the renderers that must never emit bad bytes. */
#ifndef SOCKEYE_UTF8_H
#define SOCKEYE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Length (1..4) of the well-formed UTF-8 sequence at s[0..n), or 0 when there
 * is none (n == 0, a stray continuation byte, an overlong form, a surrogate,
 * a code point above U+10FFFF or a sequence cut short).
 */
size_t utf8_seq_len(const unsigned char *s, size_t n);

/* Whether all of s[0..n) is well-formed UTF-8. */
bool utf8_is_valid(const void *s, size_t n);

#endif
