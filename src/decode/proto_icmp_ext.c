/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_icmp_ext.c: the quoted datagram of an ICMP error and the multi-part extensions
 * (RFC 4884, 4950, 5837) after it, as tcpdump 4.99 prints them with -v.
 */
#include "config.h"

#include "decode/pkt.h"
#include "decode/proto_icmp_ext.h"

/* The extension structure starts 128 bytes into the datagram field (RFC 4884 5.1). */
#define ICMP_EXT_OFF 136
/* tcpdump checks this much before looking at the extension at all */
#define ICMP_EXT_MIN_CAP 141

struct icmp_bytes {
	const uint8_t *p; /* the ICMP header */
	size_t cap;	  /* bytes captured from p, inside the IP payload */
	uint32_t len;	  /* the message's length */
};

static bool icmp_error_type(uint8_t type)
{
	return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
}

static uint16_t icmp_sum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* tcpdump's hex_print of an object's body: 16 bytes a line after indent and the offset. */
static bool ext_hex(struct pbuf *b, const struct icmp_bytes *m, size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i % 16 == 0) {
			pbuf_puts(b, "\n\t    0x");
			pbuf_hex(b, (uint32_t)i, 4);
			pbuf_puts(b, ": ");
		}
		/* tcpdump's print_unknown_data dumps what was captured of it */
		if (off + i >= m->cap)
			break;
		if (i % 2 == 0)
			pbuf_putc(b, ' ');
		pbuf_hex(b, m->p[off + i], 2);
	}
	return true;
}

/* "\n\tICMP Multi-Part extension v2, checksum 0x1234 (correct), length 84" and its objects. */
static bool ext_print(struct pbuf *b, const struct icmp_bytes *m)
{
	const uint8_t *e = m->p + ICMP_EXT_OFF;
	bool whole = m->cap >= m->len;
	uint32_t hlen = m->len - ICMP_EXT_OFF, tlen;
	size_t off;

	if (m->cap < ICMP_EXT_MIN_CAP)
		return false;
	/* without RFC 4884's length, only a checksum that holds says an extension is there */
	if (m->p[5] == 0 && whole && icmp_sum(e, hlen))
		return true;
	pbuf_puts(b, "\n\tICMP Multi-Part extension v");
	pbuf_u32(b, e[0] >> 4);
	if (e[0] >> 4 != 2) {
		pbuf_puts(b, " packet not supported");
		return true;
	}
	if (whole) {
		pbuf_puts(b, ", checksum 0x");
		pbuf_hex(b, pkt_be16(e + 2), 4);
		pbuf_puts(b, icmp_sum(e, hlen) ? " (incorrect)" : " (correct)");
		pbuf_puts(b, ", length ");
		pbuf_u32(b, hlen);
	}
	hlen -= 4; /* the extension header; tcpdump's unsigned count may wrap */
	off = ICMP_EXT_OFF + 4;
	while (hlen > 4) {
		const uint8_t *o = m->p + off;
		unsigned cls, ctype;

		if (off + 4 > m->cap)
			return false;
		tlen = pkt_be16(o);
		cls = o[2];
		ctype = o[3];
		off += 4;
		pbuf_puts(b, "\n\t  ");
		pbuf_puts(b, cls == 1 ? "MPLS Stack Entry" :
			     cls == 2 ? "Interface Identification" :
					"unknown");
		pbuf_puts(b, " Object (");
		pbuf_u32(b, cls);
		pbuf_puts(b, "), Class-Type: ");
		pbuf_u32(b, ctype);
		pbuf_puts(b, ", length ");
		pbuf_u32(b, tlen);
		hlen -= 4;
		if (cls == 0 || tlen < 4)
			return true;
		tlen -= 4;
		if (cls == 1 && ctype == 1) {
			uint32_t raw;

			if (off + 4 > m->cap)
				return false;
			raw = pkt_be32(m->p + off);
			pbuf_puts(b, "\n\t    label ");
			pbuf_u32(b, raw >> 12);
			pbuf_puts(b, ", tc ");
			pbuf_u32(b, (raw >> 9) & 7);
			if (raw & 0x100)
				pbuf_puts(b, ", [S]");
			pbuf_puts(b, ", ttl ");
			pbuf_u32(b, raw & 0xff);
		} else if (!ext_hex(b, m, off, tlen)) {
			return false;
		}
		if (hlen < tlen)
			break;
		hlen -= tlen;
		off += tlen;
	}
	return true;
}

bool icmp_ext_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_icmp *ic = &line_level(x)->icmp;
	struct pbuf *b = &x->b;
	struct icmp_bytes m;
	size_t qcap, tot;

	if (!x->o->data || !icmp_error_type(ic->type))
		return true;
	m.p = x->o->data + ly->off;
	m.cap = x->m->caplen - ly->off;
	if (m.cap > ly->wire_len)
		m.cap = ly->wire_len;
	m.len = ly->wire_len;
	/* the quoted datagram, cut where its own total length says it ends */
	pbuf_puts(b, "\n\t");
	if (m.cap < 8 + 4)
		return line_trunc_sp(x, "icmp");
	if (x->nested) {
		tot = pkt_be16(m.p + 8 + 2);
		qcap = m.cap - 8 < tot ? m.cap - 8 : tot;
		x->nested(x, m.p + 8, qcap, tot);
	}
	if (m.len > ICMP_EXT_OFF && (ic->type == 3 || ic->type == 11 || ic->type == 12) &&
	    !ext_print(b, &m))
		return line_trunc_sp(x, "icmp");
	return true;
}
