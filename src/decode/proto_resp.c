/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_resp.c: RESP, the Redis serialization protocol (TCP 6379), as tcpdump prints it. */
#include "config.h"

#include <limits.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * Nothing is kept at dissection: the printer walks the segment's items
 * (several when commands are pipelined) from the payload.
 */
int proto_resp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_RESP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/*
 * A walk over the segment: off moves on, left is what the segment's length
 * (not the capture) says remains.  Every step checks both, as tcpdump's
 * LCHECK (length) and ND_TCHECK (capture); either failing ends the line with
 * tcpdump's truncation mark, whatever the reason.
 */
struct resp_walk {
	const struct msg *a;
	struct pbuf *b;
	size_t off;
	long left;
};

enum {
	RESP_LEN_TRUNC = -2,	/* ran out of segment or capture */
	RESP_LEN_TOO_LARGE = -3,
	RESP_LEN_NEGATIVE = -4, /* negative and not -1 */
	RESP_LEN_INVALID = -5,
};

/* Whether n more bytes are within the segment and captured. */
static bool resp_has(const struct resp_walk *w, long n)
{
	return w->left >= n && msg_has(w->a, w->off, (size_t)n);
}

static void resp_skip(struct resp_walk *w, long n)
{
	w->off += (size_t)n;
	w->left -= n;
}

/* ' "text"' of n bytes at off; false when the capture ends inside. */
static bool resp_segment(struct resp_walk *w, size_t off, size_t n)
{
	pbuf_puts(w->b, " \"");
	if (!msg_printjn(w->b, w->a, off, n))
		return false;
	pbuf_putc(w->b, '"');
	return true;
}

/* Moves to the next CR LF (not past it); false when none comes in time. */
static bool resp_find_crlf(struct resp_walk *w)
{
	for (;;) {
		if (!resp_has(w, 2))
			return false;
		if (msg_u8(w->a, w->off) == '\r' && msg_u8(w->a, w->off + 1) == '\n')
			return true;
		resp_skip(w, 1);
	}
}

/* Skips a run of CR and LF bytes; false when the segment ends before any. */
static bool resp_skip_cr_lf(struct resp_walk *w)
{
	bool found = false;

	for (;;) {
		uint8_t c;

		if (!resp_has(w, 1))
			return found;
		c = msg_u8(w->a, w->off);
		if (c != '\r' && c != '\n')
			return true;
		found = true;
		resp_skip(w, 1);
	}
}

/*
 * tcpdump's resp_get_length: a decimal length and its CR LF, -1 for "-1"
 * (null), or a RESP_LEN_* verdict.  It consumes what it read, up to and
 * including the byte found invalid.
 */
static int resp_length(struct resp_walk *w)
{
	bool neg = false, digit = false, too_large = false;
	int v = 0;

	if (!resp_has(w, 1))
		return RESP_LEN_TRUNC;
	if (msg_u8(w->a, w->off) == '-') {
		neg = true;
		resp_skip(w, 1);
	}
	for (;;) {
		uint8_t c;

		if (!resp_has(w, 1))
			return RESP_LEN_TRUNC;
		c = msg_u8(w->a, w->off);
		if (c < '0' || c > '9') {
			if (!digit) {
				resp_skip(w, 1);
				return RESP_LEN_INVALID;
			}
			break;
		}
		c -= '0';
		if (v > INT_MAX / 10 || (v == INT_MAX / 10 * 10 && c > INT_MAX % 10))
			too_large = true;
		else
			v = v * 10 + c;
		resp_skip(w, 1);
		digit = true;
	}
	/* A CR LF must follow the digits. */
	if (msg_u8(w->a, w->off) != '\r') {
		resp_skip(w, 1);
		return RESP_LEN_INVALID;
	}
	resp_skip(w, 1);
	if (!resp_has(w, 1))
		return RESP_LEN_TRUNC;
	if (msg_u8(w->a, w->off) != '\n') {
		resp_skip(w, 1);
		return RESP_LEN_INVALID;
	}
	resp_skip(w, 1);
	if (neg)
		return too_large || v != 1 ? RESP_LEN_NEGATIVE : -1;
	return too_large ? RESP_LEN_TOO_LARGE : v;
}

/* The words tcpdump prints for a length that is not one; false for a truncated one. */
static bool resp_bad_length(struct resp_walk *w, int len)
{
	switch (len) {
	case -1:
		pbuf_puts(w->b, " null");
		return true;
	case RESP_LEN_TRUNC:
		return false;
	case RESP_LEN_TOO_LARGE:
		pbuf_puts(w->b, " length too large");
		return true;
	case RESP_LEN_NEGATIVE:
		pbuf_puts(w->b, " length negative and not -1");
		return true;
	default:
		pbuf_puts(w->b, " invalid");
		return true;
	}
}

static bool resp_item(struct resp_walk *w, unsigned depth);

/* +simple string, -error, :integer: the text up to CR LF. */
static bool resp_line(struct resp_walk *w)
{
	size_t start;

	resp_skip(w, 1);
	start = w->off;
	if (!resp_find_crlf(w) || !resp_segment(w, start, w->off - start))
		return false;
	resp_skip(w, 2);
	return true;
}

/* $length CR LF bytes CR LF */
static bool resp_bulk_string(struct resp_walk *w)
{
	int len;

	resp_skip(w, 1);
	len = resp_length(w);
	if (len < 0)
		return resp_bad_length(w, len);
	if (!len) {
		pbuf_puts(w->b, " empty");
	} else {
		if (!resp_has(w, len) || !resp_segment(w, w->off, (size_t)len))
			return false;
		resp_skip(w, len);
	}
	/* tcpdump looks for the CR LF wherever it is, not right after the string. */
	if (!resp_find_crlf(w))
		return false;
	resp_skip(w, 2);
	return true;
}

/* *count CR LF, then count items */
static bool resp_array(struct resp_walk *w, unsigned depth)
{
	int n;

	resp_skip(w, 1);
	n = resp_length(w);
	if (n == 0) {
		pbuf_puts(w->b, " empty");
		return true;
	}
	if (n < 0)
		return resp_bad_length(w, n);
	for (int i = 0; i < n; i++)
		if (!resp_item(w, depth + 1))
			return false;
	return true;
}

/* An inline command (telnet's way): a line ended by any run of CR and LF. */
static bool resp_inline(struct resp_walk *w)
{
	size_t start;

	if (!resp_skip_cr_lf(w))
		return false;
	start = w->off;
	for (;;) {
		uint8_t c;

		if (!resp_has(w, 1))
			return false;
		c = msg_u8(w->a, w->off);
		if (c == '\r' || c == '\n')
			break;
		resp_skip(w, 1);
	}
	if (!resp_segment(w, start, w->off - start))
		return false;
	return resp_skip_cr_lf(w);
}

/*
 * One item; false ends the line truncated.  Nesting is bounded by the bytes
 * each level consumes (at least its opcode), but the C stack is not the
 * segment's: past a depth no real reply reaches, stop as tcpdump would at
 * the capture's end.
 */
static bool resp_item(struct resp_walk *w, unsigned depth)
{
	if (!resp_has(w, 1) || depth > 1000)
		return false;
	switch (msg_u8(w->a, w->off)) {
	case '+':
	case '-':
	case ':':
		return resp_line(w);
	case '$':
		return resp_bulk_string(w);
	case '*':
		return resp_array(w, depth);
	default:
		return resp_inline(w);
	}
}

bool proto_resp_print(struct line *x)
{
	struct msg a;
	struct resp_walk w = { &a, &x->b, 0, 0 };

	msg_of(&a, x);
	if (!a.len)
		return true;
	w.left = a.len;
	pbuf_puts(&x->b, ": RESP");
	/* Pipelined commands: item after item until the segment is used up. */
	while (w.left > 0)
		if (!resp_item(&w, 0))
			return msg_trunc(x, "resp");
	return true;
}
