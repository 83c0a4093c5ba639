/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_olsr.c: OLSR (RFC 3626, UDP 698) and olsr.org's extensions over IPv4 and IPv6: dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * A packet is a 4-byte header (packet length, sequence number) and messages,
 * each a header (type, vtime, size, originator address, TTL, hop count,
 * sequence number) and a body:
 *
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Packet Length         |    Packet Sequence Number     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Message Type |     Vtime     |         Message Size          |
 * |                      Originator Address (4 or 16)             |
 * |  Time To Live |   Hop Count   |    Message Sequence Number    |
 *
 * The address size follows the IP version the packet came over.  The printer
 * and the JSON read the message again from the layer's offset.
 */
#define OLSR_HDR_LEN 4
#define OLSR_HELLO 1
#define OLSR_TC 2
#define OLSR_MID 3
#define OLSR_HNA 4
#define OLSR_NAMESERVICE 130
#define OLSR_HELLO_LQ 201 /* olsr.org's link quality extension */
#define OLSR_TC_LQ 202

int proto_olsr_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_OLSR;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok olsr_msg_names[] = {
	{ OLSR_HELLO, "Hello" },
	{ OLSR_TC, "TC" },
	{ OLSR_MID, "MID" },
	{ OLSR_HNA, "HNA" },
	{ 128, "Powerinfo" },
	{ OLSR_NAMESERVICE, "Nameservice" },
	{ OLSR_HELLO_LQ, "Hello-LQ" },
	{ OLSR_TC_LQ, "TC-LQ" },
	{ 0, NULL },
};

static const struct msg_tok olsr_link_names[] = {
	{ 0, "Unspecified" }, { 1, "Asymmetric" }, { 2, "Symmetric" }, { 3, "Lost" }, { 0, NULL },
};

static const struct msg_tok olsr_neighbor_names[] = {
	{ 0, "Not-Neighbor" }, { 1, "Symmetric" }, { 2, "Symmetric-MPR" }, { 0, NULL },
};

/* What a message's walk ended on: the next message, the packet's end, or the capture's end. */
enum olsr_walk { OLSR_NEXT, OLSR_STOP, OLSR_CUT };

/* A time as mantissa (high nibble) and exponent (low nibble) of 1/16 s, RFC 3626 18.3. */
static void put_me_time(struct pbuf *b, uint8_t me)
{
	msg_printf(b, "%.3fs", 0.0625 * (1 + (double)(me >> 4) / 16) * (double)(1u << (me & 0x0f)));
}

static void put_addr(struct pbuf *b, const struct msg *g, size_t off, bool v6)
{
	if (v6)
		pbuf_ip6(b, g->p + off);
	else
		pbuf_ip4(b, g->p + off);
}

/*
 * A plain neighbor list: IPv4 addresses whatever the IP version (tcpdump
 * reads them so), each followed by a space (its "4 a line" counter never
 * moves).
 */
static bool put_neighbors(struct pbuf *b, const struct msg *g, size_t off, uint32_t len)
{
	pbuf_puts(b, "\n\t      neighbor\n\t\t");
	for (; len >= 4; off += 4, len -= 4) {
		if (!msg_has(g, off, 4))
			return false;
		pbuf_ip4(b, g->p + off);
		pbuf_putc(b, ' ');
	}
	return true;
}

/* A neighbor list with link qualities (olsr.org): address, LQ, NLQ, 2 reserved bytes. */
static bool put_lq_neighbors(struct pbuf *b, const struct msg *g, size_t off, uint32_t len,
			     bool v6)
{
	size_t asz = v6 ? 16 : 4;

	for (; len >= asz + 4; off += asz + 4, len -= (uint32_t)(asz + 4)) {
		if (!msg_has(g, off, asz + 4))
			return false;
		pbuf_puts(b, "\n\t      neighbor ");
		put_addr(b, g, off, v6);
		msg_printf(b, ", link-quality %.2f%%, neighbor-link-quality %.2f%%",
			   (double)msg_u8(g, off + asz) / 2.55, (double)msg_u8(g, off + asz + 1) / 2.55);
	}
	return true;
}

static bool put_hello(struct pbuf *b, const struct msg *g, size_t off, uint32_t tlen, bool lq,
		      bool v6)
{
	uint32_t hlen;
	uint8_t code;

	if (tlen < 4 || !msg_has(g, off, 4))
		return false;
	pbuf_puts(b, "\n\t  hello-time ");
	put_me_time(b, msg_u8(g, off + 2));
	msg_printf(b, ", MPR willingness %u", msg_u8(g, off + 3));
	off += 4;
	tlen -= 4;
	while (tlen >= 4) {
		if (!msg_has(g, off, 4))
			return false;
		code = msg_u8(g, off);
		hlen = msg_u16(g, off + 2);
		pbuf_puts(b, "\n\t    link-type ");
		msg_tok_put(b, olsr_link_names, "Unknown", code & 3);
		pbuf_puts(b, ", neighbor-type ");
		msg_tok_put(b, olsr_neighbor_names, "Unknown", code >> 2);
		msg_printf(b, ", len %u", hlen);
		if (hlen > tlen || hlen < 4) {
			pbuf_puts(b, " (invalid)");
			return true;
		}
		off += 4;
		tlen -= 4;
		hlen -= 4;
		if (!msg_has(g, off, hlen))
			return false;
		if (!(lq ? put_lq_neighbors(b, g, off, hlen, v6) : put_neighbors(b, g, off, hlen)))
			return false;
		off += hlen;
		tlen -= hlen;
	}
	return true;
}

/* tcpdump's mask62plen: the bits up to the first byte that is not 0xff, that byte's when it is a mask's. */
static uint32_t mask_plen6(const uint8_t *mask)
{
	uint32_t len = 0;
	unsigned i, bits;

	for (i = 0; i < 16; i++) {
		for (bits = 0; bits <= 8; bits++)
			if (mask[i] == (uint8_t)(0xff00u >> bits))
				break;
		if (bits <= 8)
			len += bits;
		if (mask[i] != 0xff)
			break;
	}
	return len;
}

/* olsr.org's smart gateway speed: 5 bits of mantissa, 3 of decimal exponent, in kbit/s. */
static uint32_t gw_speed(uint8_t v)
{
	uint32_t speed, exp;

	if (!v)
		return 0;
	if (v == 0xff)
		return 320000000;
	speed = (uint32_t)(v >> 3) + 1;
	for (exp = v & 7; exp; exp--)
		speed *= 10;
	return speed;
}

static const struct msg_tok olsr_gw_flags[] = {
	{ 0x01, " LINKSPEED" }, { 0x02, " IPV4" },	  { 0x04, " IPV4-NAT" },
	{ 0x08, " IPV6" },	{ 0x10, " IPv6-PREFIX" }, { 0, NULL },
};

static bool put_hna(struct pbuf *b, const struct msg *g, size_t off, uint32_t tlen, bool v6)
{
	const struct msg_tok *t;
	unsigned col = 0;
	const uint8_t *e;
	uint8_t fl;

	msg_printf(b, "\n\t  Advertised networks (total %u)", tlen / (v6 ? 32u : 8u));
	if (v6) {
		/* tcpdump numbers every entry #0 */
		for (; tlen >= 32; off += 32, tlen -= 32) {
			if (!msg_has(g, off, 32))
				return false;
			pbuf_puts(b, "\n\t    #0: ");
			pbuf_ip6(b, g->p + off);
			msg_printf(b, "/%u", mask_plen6(g->p + off + 16));
		}
		return true;
	}
	for (; tlen >= 8; off += 8, tlen -= 8, col = (col + 1) % 4) {
		if (!msg_has(g, off, 8))
			return false;
		e = g->p + off;
		pbuf_puts(b, col ? ", " : "\n\t    ");
		fl = e[5];
		if (!e[0] && !e[1] && !e[2] && !e[3] && !e[4] && fl) {
			/* a smart gateway: the mask's bytes are its flags and speeds */
			pbuf_puts(b, "Smart-Gateway:");
			for (t = olsr_gw_flags; t->s; t++)
				if (fl & t->v)
					pbuf_puts(b, t->s);
			msg_printf(b, " %u/%u", fl & 1 ? gw_speed(e[6]) : 0, fl & 1 ? gw_speed(e[7]) : 0);
			continue;
		}
		pbuf_ip4(b, e);
		/* tcpdump prints mask2plen's -1 unsigned */
		msg_printf(b, "/%u", (uint32_t)msg_mask_plen(msg_u32(g, off + 4)));
	}
	return true;
}

static bool put_nameservice(struct pbuf *b, const struct msg *g, size_t off, uint32_t tlen, bool v6)
{
	uint32_t asz = v6 ? 16 : 4, n, i, elen, pad;

	if (tlen < 4 || !msg_has(g, off, 4))
		return false;
	n = msg_u16(g, off + 2);
	msg_printf(b, "\n\t  Version %u, Entries %u", msg_u16(g, off), n);
	if (!n || n * (4 + asz) > tlen) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	off += 4;
	tlen -= 4;
	for (i = 0; i < n && tlen >= 4; i++) {
		if (!msg_has(g, off, 4))
			return false;
		elen = msg_u16(g, off + 2);
		msg_printf(b, "\n\t    #%u: type %#06x, length %u", i, msg_u16(g, off), elen);
		off += 4;
		tlen -= 4;
		if (!elen || asz + elen > tlen) {
			pbuf_puts(b, " (invalid)");
			return true;
		}
		pad = elen % 4 ? 4 - elen % 4 : 0;
		if (tlen < asz + elen + pad || !msg_has(g, off, asz + elen + pad))
			return false;
		pbuf_puts(b, ", address ");
		put_addr(b, g, off, v6);
		pbuf_puts(b, ", name \"");
		msg_printjn(b, g, off + asz, elen);
		pbuf_putc(b, '"');
		off += asz + elen + pad;
		tlen -= asz + elen + pad;
	}
	return true;
}

/* One message at off of a packet of length bytes (the smaller of UDP's and OLSR's). */
static enum olsr_walk put_message(struct pbuf *b, const struct msg *g, size_t off,
				  uint32_t length, bool v6, uint32_t *mlen)
{
	size_t hlen = v6 ? 24 : 12, asz = v6 ? 16 : 4;
	uint32_t tlen;
	uint8_t type;
	bool ok;

	if (!msg_has(g, off, hlen))
		return OLSR_CUT;
	type = msg_u8(g, off);
	*mlen = msg_u16(g, off + 2);
	if (!type || !*mlen)
		return OLSR_STOP;
	pbuf_puts(b, "\n\t");
	msg_tok_put(b, olsr_msg_names, "Unknown", type);
	msg_printf(b, " Message (%#04x), originator ", type);
	put_addr(b, g, off + 4, v6);
	msg_printf(b, ", ttl %u, hop %u\n\t  vtime ", msg_u8(g, off + 4 + asz),
		   msg_u8(g, off + 5 + asz));
	put_me_time(b, msg_u8(g, off + 1));
	msg_printf(b, ", msg-seq 0x%04x, length %u", msg_u16(g, off + 6 + asz), *mlen);
	if (*mlen < hlen || *mlen > length) {
		pbuf_puts(b, " (invalid)");
		return OLSR_STOP;
	}
	tlen = *mlen - (uint32_t)hlen;
	off += hlen;
	switch (type) {
	case OLSR_HELLO:
	case OLSR_HELLO_LQ:
		ok = put_hello(b, g, off, tlen, type == OLSR_HELLO_LQ, v6);
		break;
	case OLSR_TC:
	case OLSR_TC_LQ:
		if (tlen < 4 || !msg_has(g, off, 4))
			return OLSR_CUT;
		msg_printf(b, "\n\t    advertised neighbor seq 0x%04x", msg_u16(g, off));
		if (type == OLSR_TC)
			ok = put_neighbors(b, g, off + 4, tlen - 4);
		else
			ok = put_lq_neighbors(b, g, off + 4, tlen - 4, v6);
		break;
	case OLSR_MID:
		ok = true;
		for (; tlen >= asz; off += asz, tlen -= (uint32_t)asz) {
			ok = msg_has(g, off, asz);
			if (!ok)
				break;
			pbuf_puts(b, "\n\t  interface address ");
			put_addr(b, g, off, v6);
		}
		break;
	case OLSR_HNA:
		ok = put_hna(b, g, off, tlen, v6);
		break;
	case OLSR_NAMESERVICE:
		ok = put_nameservice(b, g, off, tlen, v6);
		break;
	default:
		/* tcpdump's print_unknown_data: what was captured of it, no mark for the rest */
		if (off < g->cap)
			msg_hex_lines(b, "\n\t    ", g->p + off,
				      tlen < g->cap - off ? tlen : g->cap - off);
		ok = true;
		break;
	}
	return ok ? OLSR_NEXT : OLSR_CUT;
}

bool proto_olsr_print(struct line *x)
{
	bool v6 = line_level(x)->net == PKT_PROTO_IPV6;
	struct pbuf *b = &x->b;
	uint32_t length, mlen = 0;
	enum olsr_walk w;
	struct msg g;
	size_t off;

	pbuf_puts(b, v6 ? "OLSRv6" : "OLSRv4");
	if (!msg_of(&g, x) || g.len < OLSR_HDR_LEN || !msg_has(&g, 0, OLSR_HDR_LEN))
		return msg_trunc(x, "olsr");
	length = g.len < msg_u16(&g, 0) ? g.len : msg_u16(&g, 0);
	msg_printf(b, ", seq 0x%04x, length %u", msg_u16(&g, 2), length);
	if (!line_verbosity(x))
		return true;
	for (off = OLSR_HDR_LEN; off < length; off += mlen) {
		w = put_message(b, &g, off, length, v6, &mlen);
		if (w == OLSR_CUT)
			return msg_trunc(x, "olsr");
		if (w == OLSR_STOP)
			break;
	}
	return true;
}
