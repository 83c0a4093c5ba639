/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pkt.h: the bounds-checked cursor every dissector reads packet bytes through. */
#ifndef SOCKEYE_PKT_H
#define SOCKEYE_PKT_H

#include <endian.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * A window on captured bytes.  Reads check the length first and never move
 * the cursor when they fail, so a caller can tell how far it got.  Multi-byte
 * fields are copied out with memcpy: packet data has no alignment guarantee,
 * so casting it to a header struct would be undefined behaviour.
 *
 * snapped counts the bytes the packet had on the wire past end, which the
 * snap length cut off.  It is what separates "the capture is short"
 * (truncated) from "the packet is short" (invalid), and it follows the
 * cursor through pkt_clamp so an inner length is checked against the outer
 * one, not against the capture.
 */
struct pkt_cursor {
	const uint8_t *p;   /* next unread byte */
	const uint8_t *end; /* one past the last captured byte of the window */
	size_t snapped;	    /* bytes on the wire past end */
};

static inline void pkt_init(struct pkt_cursor *c, const uint8_t *data, size_t caplen,
			    size_t wirelen)
{
	c->p = data;
	c->end = data + caplen;
	c->snapped = wirelen > caplen ? wirelen - caplen : 0;
}

/* Captured bytes left. */
static inline size_t pkt_left(const struct pkt_cursor *c)
{
	return (size_t)(c->end - c->p);
}

/* Bytes left on the wire: captured or not. */
static inline size_t pkt_wire_left(const struct pkt_cursor *c)
{
	return pkt_left(c) + c->snapped;
}

/* The next n bytes without consuming them, or NULL when fewer were captured. */
static inline const uint8_t *pkt_peek(const struct pkt_cursor *c, size_t n)
{
	if (n > (size_t)(c->end - c->p))
		return NULL;
	return c->p;
}

/* Consume n bytes and return where they start, or NULL (cursor unmoved). */
static inline const uint8_t *pkt_pull(struct pkt_cursor *c, size_t n)
{
	const uint8_t *q = c->p;

	if (n > (size_t)(c->end - c->p))
		return NULL;
	c->p += n;
	return q;
}

static inline bool pkt_skip(struct pkt_cursor *c, size_t n)
{
	return pkt_pull(c, n) != NULL;
}

static inline bool pkt_copy(struct pkt_cursor *c, void *dst, size_t n)
{
	const uint8_t *q = pkt_pull(c, n);

	if (!q)
		return false;
	memcpy(dst, q, n);
	return true;
}

static inline bool pkt_get_u8(struct pkt_cursor *c, uint8_t *v)
{
	if (1 > (size_t)(c->end - c->p))
		return false;
	*v = *c->p++;
	return true;
}

static inline bool pkt_get_be16(struct pkt_cursor *c, uint16_t *v)
{
	uint16_t x;

	if (!pkt_copy(c, &x, sizeof(x)))
		return false;
	*v = be16toh(x);
	return true;
}

static inline bool pkt_get_be32(struct pkt_cursor *c, uint32_t *v)
{
	uint32_t x;

	if (!pkt_copy(c, &x, sizeof(x)))
		return false;
	*v = be32toh(x);
	return true;
}

static inline bool pkt_get_be64(struct pkt_cursor *c, uint64_t *v)
{
	uint64_t x;

	if (!pkt_copy(c, &x, sizeof(x)))
		return false;
	*v = be64toh(x);
	return true;
}

/*
 * Limit the window to the next n wire bytes, as an IP total length or a UDP
 * length declares them: trailing link padding drops out of the payload.
 * Fails (cursor unchanged) when the packet has fewer than n bytes left; the
 * caller reports that as an inconsistent length.
 */
static inline bool pkt_clamp(struct pkt_cursor *c, size_t n)
{
	size_t left = pkt_left(c);

	if (n > left + c->snapped)
		return false;
	if (n <= left) {
		c->end = c->p + n;
		c->snapped = 0;
	} else {
		c->snapped = n - left;
	}
	return true;
}

/*
 * Split off the next n wire bytes as their own window (options, an extension
 * header) and move past them; bytes the snap length cut off stay counted in
 * the sub-window's snapped.  Fails when the packet has fewer than n bytes.
 */
static inline bool pkt_sub(struct pkt_cursor *c, size_t n, struct pkt_cursor *sub)
{
	size_t left = pkt_left(c);

	*sub = *c;
	if (!pkt_clamp(sub, n))
		return false;
	if (n <= left) {
		c->p += n;
	} else {
		c->p = c->end;
		c->snapped -= n - left;
	}
	return true;
}

/*
 * Big-endian numbers from bytes already captured and bounds-checked, such as
 * the option bytes a dissector copied into pkt_meta for its printer.
 */
static inline uint16_t pkt_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t pkt_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Little-endian numbers likewise (Linux's own headers: vsockmon, virtio). */
static inline uint16_t pkt_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t pkt_le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t pkt_le64(const uint8_t *p)
{
	return pkt_le32(p) | (uint64_t)pkt_le32(p + 4) << 32;
}

#endif /* SOCKEYE_PKT_H */
