/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_app.h: an application message as its printer walks it again, and tcpdump's text helpers. */
#ifndef SOCKEYE_PROTO_APP_H
#define SOCKEYE_PROTO_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/line.h"
#include "decode/pbuf.h"
#include "decode/proto_dns.h"

/*
 * The bytes of the layer being printed, from its offset to the end of its
 * transport's payload: len on the wire, cap of them captured.  Reads check
 * cap; len is what the message declares it has (tcpdump's "length").
 */
struct app_msg {
	const uint8_t *p;
	uint32_t len;
	uint32_t cap;
};

/* The message of layer x->i; none captured when the printer has no packet bytes. */
void app_msg_of(struct app_msg *a, const struct line *x);

static inline bool app_has(const struct app_msg *a, size_t off, size_t n)
{
	return off <= a->cap && n <= a->cap - off;
}

static inline uint8_t app_u8(const struct app_msg *a, size_t off)
{
	return a->p[off];
}

static inline uint16_t app_u16(const struct app_msg *a, size_t off)
{
	return (uint16_t)(a->p[off] << 8 | a->p[off + 1]);
}

static inline uint32_t app_u24(const struct app_msg *a, size_t off)
{
	return (uint32_t)a->p[off] << 16 | (uint32_t)a->p[off + 1] << 8 | a->p[off + 2];
}

static inline uint32_t app_u32(const struct app_msg *a, size_t off)
{
	return (uint32_t)a->p[off] << 24 | (uint32_t)a->p[off + 1] << 16 |
	       (uint32_t)a->p[off + 2] << 8 | a->p[off + 3];
}

/* tcpdump's fn_print_char: M- for bytes past ASCII, ^X for control characters (DNS's own). */
static inline void app_print_char(struct pbuf *b, uint8_t c)
{
	dns_print_char(b, c);
}

/*
 * tcpdump's nd_printztn: the NUL-terminated string at off, at most n bytes
 * with its NUL.  Returns the bytes it took, NUL included, or 0 when no NUL
 * came within n bytes or the capture ended first (tcpdump's truncation).
 */
size_t app_printztn(struct pbuf *b, const struct app_msg *a, size_t off, size_t n);

/*
 * tcpdump's nd_printjn: n bytes at off, each as app_print_char; false (after
 * printing what was captured) when the capture ends first.
 */
bool app_printjn(struct pbuf *b, const struct app_msg *a, size_t off, size_t n);

/*
 * tcpdump's nd_printjnp: like app_printjn, but stops at a NUL byte.
 */
bool app_printjnp(struct pbuf *b, const struct app_msg *a, size_t off, size_t n);

/*
 * tcpdump's hex_print: n bytes at off, 16 a line, each line starting with
 * indent and "0x%04x: "; false when the capture ends first.
 */
bool app_hex(struct pbuf *b, const struct app_msg *a, size_t off, size_t n, const char *indent);

/* tcpdump's nd_printn: n bytes as app_print_char (NULs too); false when the capture ends first. */
static inline bool app_printn(struct pbuf *b, const struct app_msg *a, size_t off, size_t n)
{
	return app_printjn(b, a, off, n);
}

/* v in decimal, zero-padded to width digits (printf's %0*u). */
void app_dec_pad(struct pbuf *b, uint32_t v, unsigned width);

/* " [|what]", tcpdump's nd_print_trunc; returns true (the line is complete). */
bool app_trunc(struct pbuf *b, const char *what);

/* tcpdump's tok2str fallback "unknown (N)"-style: name, or fmt's prefix and the number. */
void app_name_or(struct pbuf *b, const char *name, const char *prefix, uint32_t v);

#endif
