/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_zmtp1.c: ZMTP/1.0 (ZeroMQ's framing, RFC 13/ZMTP) as tcpdump's
 * print-zeromq.c prints it: over TCP with sniff -T zmtp1 only, and inside
 * PGM's ODATA and RDATA with -T pgm_zmtp1 (proto_pgm.c calls the datagram
 * printer).
 */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_zmtp1.h"

/* Body bytes dumped per frame at -v; -vv dumps them all. */
#define ZMTP1_VBYTES 128

/* Nothing is kept at dissection: the printer walks the frames from the payload. */
int proto_zmtp1_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_ZMTP1;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static uint64_t min64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* Whether the n bytes at off (64-bit: a frame's length may be anything) are captured. */
static bool zmtp1_has(const struct msg *g, uint64_t off, uint64_t n)
{
	return off <= g->cap && n <= g->cap - off;
}

/*
 * hex_and_ascii_print of n bytes at off: what is captured of them, then
 * false when the capture ended first (tcpdump's print stops there).
 */
static bool zmtp1_dump(struct pbuf *b, const struct msg *g, uint64_t off, uint64_t n)
{
	uint64_t have = off < g->cap ? g->cap - off : 0;

	msg_hex_ascii_lines(b, "\n\t ", g->p + (off < g->cap ? off : g->cap), (size_t)min64(n, have));
	return n <= have;
}

/*
 * One frame at *off, the walk ending at ep: its length (one byte, or 0xff and
 * eight), its flags and, with -v, its body; false when the capture ends in it.
 * A length reaching past the capture stops the walk: the sum is never formed
 * before the check, as a 64-bit length can wrap it.
 */
static bool zmtp1_frame(struct pbuf *b, const struct msg *g, uint64_t *off, uint64_t ep,
			unsigned verbosity)
{
	uint64_t declared, captured, hl;
	uint8_t flags;

	pbuf_puts(b, "\n\t");
	if (!zmtp1_has(g, *off, 1))
		return false;
	if (msg_u8(g, *off) != 0xff) {
		hl = 1;
		declared = msg_u8(g, *off);
		pbuf_puts(b, " frame flags+body  (8-bit) length ");
		pbuf_u64(b, declared);
	} else {
		hl = 9;
		pbuf_puts(b, " frame flags+body (64-bit) length");
		if (!zmtp1_has(g, *off, hl))
			return false;
		declared = (uint64_t)msg_u32(g, *off + 1) << 32 | msg_u32(g, *off + 5);
		pbuf_putc(b, ' ');
		pbuf_u64(b, declared);
	}
	if (!declared) {
		*off += hl;
		return true;
	}
	if (!zmtp1_has(g, *off, hl + 1))
		return false;
	flags = msg_u8(g, *off + hl);
	captured = ep - *off - hl;
	if (declared > captured) {
		pbuf_puts(b, " (");
		pbuf_u64(b, captured);
		pbuf_puts(b, " captured)");
	}
	pbuf_puts(b, ", flags 0x");
	pbuf_hex(b, flags, 2);
	if (verbosity) {
		uint64_t shown = min64(captured, declared);

		pbuf_puts(b, " (");
		for (unsigned bit = 0x80; bit; bit >>= 1) {
			pbuf_puts(b, flags & bit ? (bit == 1 ? "MORE" : "MBZ") : "-");
			if (bit != 1)
				pbuf_putc(b, '|');
		}
		pbuf_putc(b, ')');
		if (verbosity == 1)
			shown = min64(ZMTP1_VBYTES + 1, shown);
		if (shown > 1) {
			pbuf_puts(b, ", first ");
			pbuf_u64(b, shown - 1);
			pbuf_puts(b, " byte(s) of body:");
			if (!zmtp1_dump(b, g, *off + hl + 1, shown - 1))
				return false;
		}
	}
	*off += hl;
	if (!zmtp1_has(g, *off, declared))
		return false;
	*off += declared;
	return true;
}

/* The frames from off up to ep (or the capture's end); false when the capture cut one. */
static bool zmtp1_frames(struct pbuf *b, const struct msg *g, uint64_t off, uint64_t ep,
			 unsigned verbosity)
{
	if (ep > g->cap)
		ep = g->cap;
	while (off < ep)
		if (!zmtp1_frame(b, g, &off, ep, verbosity))
			return false;
	return true;
}

bool proto_zmtp1_print(struct line *x)
{
	struct msg g;

	msg_of(&g, x);
	pbuf_puts(&x->b, ": ZMTP/1.0");
	if (!zmtp1_frames(&x->b, &g, 0, g.len, line_verbosity(x)))
		return msg_trunc(x, "zmtp1");
	return true;
}

/*
 * zmq_pgm(7): a datagram starts with the offset of its first message's
 * first frame, 0xffff when all of it continues an earlier message; the bytes
 * before that offset are the end of an earlier message.
 */
void proto_zmtp1_datagram(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t len,
			  unsigned verbosity)
{
	uint64_t ep = (uint64_t)off + len;
	uint32_t first, left;

	if (!msg_has(g, off, 2)) {
		msg_trunc_put(b, "zmtp1");
		return;
	}
	first = msg_u16(g, off);
	pbuf_puts(b, "\n\t frame offset 0x");
	pbuf_hex(b, first, 4);
	off += 2;
	left = g->cap - off; /* captured, whatever the datagram's length says */
	if (first == 0xffff) {
		first = len - 2; /* as tcpdump: unsigned, whatever len is */
	} else if (2u + first > len) {
		pbuf_puts(b, " (exceeds datagram declared length)");
		msg_trunc_put(b, "zmtp1");
		return;
	}
	if (first) {
		pbuf_puts(b, "\n\t frame intermediate part, ");
		pbuf_u32(b, first);
		pbuf_puts(b, " bytes");
		if (first > left) {
			pbuf_puts(b, " (");
			pbuf_u32(b, left);
			pbuf_puts(b, " captured)");
		}
		if (verbosity) {
			uint32_t shown = first < left ? first : left;

			if (verbosity == 1 && shown > ZMTP1_VBYTES)
				shown = ZMTP1_VBYTES;
			if (shown > 1) {
				pbuf_puts(b, ", first ");
				pbuf_u32(b, shown);
				pbuf_puts(b, " byte(s):");
				msg_hex_ascii_lines(b, "\n\t ", g->p + off, shown);
			}
		}
	}
	if (!zmtp1_frames(b, g, (uint64_t)off + first, ep, verbosity))
		msg_trunc_put(b, "zmtp1");
}
