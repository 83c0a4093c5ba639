/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_quic.c: QUIC's packet headers (RFC 8999, 9000, 9369) on UDP 443: dissector and --decode-more text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_media.h"

#define QUIC_LONG	   0x80
#define QUIC_FIXED	   0x40
#define QUIC_MAX_CID	   20
#define QUIC_V1		   0x00000001u
#define QUIC_V2		   0x6b3343cfu /* RFC 9369 */
#define QUIC_DRAFT_PREFIX  0xff000000u

enum { QUIC_INITIAL, QUIC_0RTT, QUIC_HANDSHAKE, QUIC_RETRY };

/* tcpdump 4.99 prints UDP 443 as plain UDP: the header is read again by the printer and the JSON. */
int proto_quic_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_QUIC;
	return PKT_PROTO_NONE;
}

/* A variable-length integer (RFC 9000 16) at *off, moving past it; false when not captured. */
static bool quic_varint(const struct msg *g, uint32_t *off, uint64_t *v)
{
	unsigned n;

	if (!msg_has(g, *off, 1))
		return false;
	n = 1u << (msg_u8(g, *off) >> 6);
	if (!msg_has(g, *off, n))
		return false;
	*v = msg_u8(g, *off) & 0x3f;
	for (unsigned i = 1; i < n; i++)
		*v = *v << 8 | msg_u8(g, *off + i);
	*off += n;
	return true;
}

/* A connection ID's length byte at *off and the ID after it; false when cut or over 20 bytes. */
static bool quic_cid(const struct msg *g, uint32_t *off, uint8_t *len, uint16_t *at)
{
	if (!msg_has(g, *off, 1))
		return false;
	*len = msg_u8(g, *off);
	*at = (uint16_t)(*off + 1);
	if (*len > QUIC_MAX_CID || !msg_has(g, *at, *len))
		return false;
	*off = *at + *len;
	return true;
}

/*
 * Long header (RFC 9000 17.2):
 *   Header Form (1) = 1, Fixed Bit (1) = 1, Long Packet Type (2), Type-Specific Bits (4),
 *   Version (32), DCID Length (8), DCID (0..160), SCID Length (8), SCID (0..160),
 *   then Initial's Token Length (i) and Token, and Length (i) but in Retry.
 * Short header (17.3): Header Form = 0, Fixed Bit = 1, then protected bits and a DCID
 * whose length only the endpoints know.
 */
bool proto_quic_read(const struct msg *g, struct proto_quic *q)
{
	uint32_t off = 5;
	uint64_t v;

	*q = (struct proto_quic){ 0 };
	if (g->len < 1 || !msg_has(g, 0, 1))
		return false;
	q->first = msg_u8(g, 0);
	q->long_header = q->first & QUIC_LONG;
	if (!q->long_header)
		return q->first & QUIC_FIXED;
	if (!msg_has(g, 1, 4))
		return false;
	q->version = msg_u32(g, 1);
	/* version negotiation leaves the fixed bit unused (RFC 9000 17.2.1) */
	if (!(q->first & QUIC_FIXED) && q->version)
		return false;
	if (!quic_cid(g, &off, &q->dcid_len, &q->dcid_off) ||
	    !quic_cid(g, &off, &q->scid_len, &q->scid_off))
		return false;
	q->type = (q->first >> 4) & 3;
	if (q->version == QUIC_V2)
		q->type = (q->type + 3) & 3; /* RFC 9369 3.2: Retry 0, Initial 1, 0-RTT 2, Handshake 3 */
	if (!q->version || q->type == QUIC_RETRY)
		return true;
	if (q->type == QUIC_INITIAL) {
		if (!quic_varint(g, &off, &v))
			return true;
		q->has_token = true;
		q->token_len = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
		if (v > g->len - off)
			return true;
		off += (uint32_t)v;
	}
	q->has_length = quic_varint(g, &off, &q->length);
	return true;
}

const char *proto_quic_type_name(const struct proto_quic *q)
{
	static const char *const names[] = { "initial", "0-rtt", "handshake", "retry" };

	if (!q->long_header)
		return "1-rtt";
	return q->version ? names[q->type & 3] : "version-negotiation";
}

/* ---- the --decode-more text ------------------------------------------------------------------ */

static void put_version(struct pbuf *b, uint32_t version)
{
	if (version == QUIC_V1)
		pbuf_puts(b, ", version 1");
	else if (version == QUIC_V2)
		pbuf_puts(b, ", version 2");
	else if ((version & 0xffffff00u) == QUIC_DRAFT_PREFIX)
		msg_printf(b, ", draft-%u", version & 0xff);
	else
		msg_printf(b, ", version 0x%08x", version);
}

/*
 * tcpdump 4.99 prints "UDP, length N" and no more; --decode-more adds the
 * first packet's header: ": QUIC initial, version 1, dcid 8394c8f03e515708,
 * scid f067a5502a4262b5, token 0, length 50".  The text past the header is
 * encrypted: nothing more is printed.
 */
bool proto_quic_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct proto_quic q;
	struct msg g;

	if (!msg_udp_undecoded(x, &g) || !proto_quic_read(&g, &q))
		return true;
	pbuf_puts(b, ": QUIC ");
	pbuf_puts(b, proto_quic_type_name(&q));
	if (!q.long_header)
		return true;
	if (q.version)
		put_version(b, q.version);
	if (q.dcid_len) {
		pbuf_puts(b, ", dcid ");
		msg_hex(b, g.p + q.dcid_off, q.dcid_len);
	}
	if (q.scid_len) {
		pbuf_puts(b, ", scid ");
		msg_hex(b, g.p + q.scid_off, q.scid_len);
	}
	if (q.has_token)
		msg_printf(b, ", token %u", q.token_len);
	if (q.has_length)
		msg_printf(b, ", length %llu", (unsigned long long)q.length);
	return true;
}
