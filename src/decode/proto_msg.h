/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_msg.h: a message layer's bytes as its printer and JSON view walk them
 * again (the link-layer control protocols, BFD, HSRP ...), and tcpdump's ways
 * of naming values and flags.
 */
#ifndef SOCKEYE_PROTO_MSG_H
#define SOCKEYE_PROTO_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/line.h"
#include "decode/pbuf.h"
#include "decode/pkt_meta.h"

/*
 * A message from a layer's first byte: len bytes on the wire, cap of them
 * captured (cap <= len).  Every read goes through msg_has first.
 */
struct msg {
	const uint8_t *p;
	uint32_t len;
	uint32_t cap;
};

/*
 * The message of layer ly in a packet's captured bytes; false without the
 * bytes (then g is the layer's wire length with none of it captured, so
 * every msg_has fails).  Trailing link padding is captured too, but is not
 * the message's: cap stops at the layer's wire length.
 */
static inline bool msg_at(struct msg *g, const struct pkt_meta *m, const uint8_t *data,
			  const struct pkt_layer *ly)
{
	uint32_t cap;

	g->p = NULL;
	g->len = ly->wire_len;
	g->cap = 0;
	if (!data || ly->off > m->caplen)
		return false;
	cap = m->caplen - ly->off;
	g->p = data + ly->off;
	g->len = ly->wire_len;
	g->cap = cap < g->len ? cap : g->len;
	return true;
}

/* The layer a printer is at. */
static inline bool msg_of(struct msg *g, const struct line *x)
{
	return msg_at(g, x->m, x->o->data, line_layer(x));
}

/* A part of g from off: n bytes on the wire (clamped to g). */
static inline struct msg msg_sub(const struct msg *g, size_t off, size_t n)
{
	struct msg s = { g->p, 0, 0 };

	if (off > g->len)
		return s;
	s.p = g->p + (off < g->cap ? off : g->cap);
	s.len = (uint32_t)(n < g->len - off ? n : g->len - off);
	s.cap = off < g->cap ? (uint32_t)(g->cap - off) : 0;
	if (s.cap > s.len)
		s.cap = s.len;
	return s;
}

static inline bool msg_has(const struct msg *g, size_t off, size_t n)
{
	return off <= g->cap && n <= g->cap - off;
}

static inline uint8_t msg_u8(const struct msg *g, size_t off)
{
	return g->p[off];
}

static inline uint16_t msg_u16(const struct msg *g, size_t off)
{
	return (uint16_t)(g->p[off] << 8 | g->p[off + 1]);
}

static inline uint32_t msg_u24(const struct msg *g, size_t off)
{
	return (uint32_t)g->p[off] << 16 | (uint32_t)g->p[off + 1] << 8 | g->p[off + 2];
}

static inline uint32_t msg_u32(const struct msg *g, size_t off)
{
	return (uint32_t)g->p[off] << 24 | (uint32_t)g->p[off + 1] << 16 |
	       (uint32_t)g->p[off + 2] << 8 | g->p[off + 3];
}

/* tcpdump's struct tok: a value and its name; tables end with a NULL name. */
struct msg_tok {
	uint32_t v;
	const char *s;
};

/* The name of v in t, or NULL. */
const char *msg_tok_find(const struct msg_tok *t, uint32_t v);
/* tok2str: the name, or fmt ("Unknown (%u)"-like, one %u, %x or %02x ...) of v. */
void msg_tok_put(struct pbuf *b, const struct msg_tok *t, const char *fmt, uint32_t v);
/*
 * bittok2str: the names of the bits of v set in t joined by sep (", " as
 * bittok2str, " " as bittok2str_nosep), in the table's order; none (a
 * format of v, or plain text) when no bit is named.
 */
void msg_bits_put(struct pbuf *b, const struct msg_tok *t, const char *none, uint32_t v,
		  const char *sep);

/* printf into b (rare paths only: floats, odd widths). */
void msg_printf(struct pbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* tcpdump's fn_print_char: "M-" for the high bit, "^X" for control characters. */
void msg_put_char(struct pbuf *b, uint8_t c);
/*
 * nd_printjnp: at most n bytes as text, stopping at a NUL, unprintable bytes
 * as tcpdump escapes them ("M-" for the high bit, "^" for control).  The
 * bytes must be captured.
 */
void msg_put_text(struct pbuf *b, const uint8_t *p, size_t n);
/* nd_printn without the NUL stop. */
void msg_put_textn(struct pbuf *b, const uint8_t *p, size_t n);
/*
 * hex_print: tcpdump's hex lines of 16 bytes, each starting with ident and the
 * offset ("\n\t  0x0000:  0102 0304"); the bytes must be captured.
 */
void msg_hex_lines(struct pbuf *b, const char *prefix, const uint8_t *p, size_t n);
/*
 * hex_print over g's bytes at off: n bytes, 16 a line, each line starting
 * with ident and "0x%04x: "; false (after what was captured) when the
 * capture ends first.
 */
bool msg_hex_at(struct pbuf *b, const struct msg *g, size_t off, size_t n, const char *ident);
/*
 * print_unknown_data over g's bytes at off: the captured part of n bytes as
 * msg_hex_at's lines, no mark for the rest; tcpdump's "Dissector error" line
 * when off is past the capture.
 */
void msg_unknown_data(struct pbuf *b, const struct msg *g, size_t off, size_t n, const char *ident);
/*
 * hex_and_ascii_print: 16 bytes a line, each line starting with ident and
 * "0x%04x: ", the bytes in pairs then, after two spaces, those that are
 * graphic as text (the others as '.'); the bytes must be captured.
 */
void msg_hex_ascii_lines(struct pbuf *b, const char *ident, const uint8_t *p, size_t n);
/* The bytes as "%02x" each, without separators. */
void msg_hex(struct pbuf *b, const uint8_t *p, size_t n);

/* tcpdump's unsigned_relts_print: seconds as "0s", "3s", "1m40s", "1d2h" ... */
void proto_msg_relts(struct pbuf *b, uint32_t secs);

/*
 * Bounds-checked string printers over g's bytes from off (each byte as
 * msg_put_char):
 * - msg_printztn, tcpdump's nd_printztn: the NUL-terminated string, at most
 *   n bytes with its NUL; the bytes taken, NUL included, or 0 when no NUL
 *   came within n bytes or the capture ended first;
 * - msg_printjn (nd_printjn, nd_printn): n bytes, NULs too;
 * - msg_printjnp (nd_printjnp): n bytes, stopping at a NUL;
 * the last two return false (after what was captured) when the capture ends first.
 */
size_t msg_printztn(struct pbuf *b, const struct msg *g, size_t off, size_t n);
bool msg_printjn(struct pbuf *b, const struct msg *g, size_t off, size_t n);
bool msg_printjnp(struct pbuf *b, const struct msg *g, size_t off, size_t n);

/* tcpdump's mask2plen: the prefix length of a contiguous IPv4 mask, or -1. */
int msg_mask_plen(uint32_t mask);

/* v in decimal, zero-padded to width digits (printf's %0*u). */
void msg_dec_pad(struct pbuf *b, uint32_t v, unsigned width);

/* name, or when it is NULL prefix and v in decimal (tok2str's "unknown (N)" kind). */
void msg_name_or(struct pbuf *b, const char *name, const char *prefix, uint32_t v);

/*
 * A UDP application tcpdump 4.99 does not decode (QUIC, WireGuard): its
 * "UDP, length N" as tcpdump prints it, and g set to the layer's message;
 * true when --decode-more asks for the rest of the text.
 */
bool msg_udp_undecoded(struct line *x, struct msg *g);

/*
 * tcpdump's snapend for the layer a printer is at: how many bytes from the
 * layer's first are captured up to the end of the IP packet it is in
 * (ip_print cuts the capture there, not at UDP's length), at least g's cap.
 * print_unknown_data and GET_* reads of tcpdump's printers may look that far.
 */
uint32_t msg_snap_cap(const struct line *x, const struct msg *g);

/* " [|what]", tcpdump's mark for a message cut by the capture; true (the line is complete). */
bool msg_trunc_put(struct pbuf *b, const char *what);
static inline bool msg_trunc(struct line *x, const char *what)
{
	return msg_trunc_put(&x->b, what);
}

#endif /* SOCKEYE_PROTO_MSG_H */
