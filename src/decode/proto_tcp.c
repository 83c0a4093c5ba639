/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_tcp.c: the TCP header and its options (RFC 9293, 7323, 2018). */
#include "config.h"

#include <stddef.h>

#include "decode/proto.h"

#define TCP_HDR_LEN  20
#define TCP_CSUM_OFF 16

enum {
	TCPOPT_EOL = 0,
	TCPOPT_NOP = 1,
	TCPOPT_MSS = 2,
	TCPOPT_WSCALE = 3,
	TCPOPT_SACK_OK = 4,
	TCPOPT_SACK = 5,
	TCPOPT_TS = 8,
};

/* The value of one option whose length byte and data are all captured. */
static void tcp_opt_value(struct pkt_cursor *d, struct pkt_tcp *t, uint8_t kind, uint8_t len)
{
	bool known = true;

	switch (kind) {
	case TCPOPT_MSS:
		known = len == 4 && pkt_get_be16(d, &t->mss);
		t->has_mss |= known;
		break;
	case TCPOPT_WSCALE:
		known = len == 3 && pkt_get_u8(d, &t->wscale);
		t->has_wscale |= known;
		break;
	case TCPOPT_SACK_OK:
		known = len == 2;
		t->sack_ok |= known;
		break;
	case TCPOPT_SACK:
		known = len > 2 && (len - 2) % 8 == 0;
		for (int i = 0; known && i < (len - 2) / 8 && t->n_sack < PKT_MAX_SACK; i++) {
			struct pkt_tcp_sack *s = &t->sack[t->n_sack++];

			pkt_get_be32(d, &s->left);
			pkt_get_be32(d, &s->right);
		}
		break;
	case TCPOPT_TS:
		known = len == 10 && pkt_get_be32(d, &t->ts_val) && pkt_get_be32(d, &t->ts_ecr);
		t->has_ts |= known;
		break;
	default:
		known = false;
		break;
	}
	if (!known)
		t->n_unknown++;
}

/*
 * Walk the option bytes: kind, then length and data for all but EOL and NOP.
 * Returns PKT_REASON_NONE, PKT_REASON_SNAPLEN when the capture ends inside
 * them, or PKT_REASON_OPTION for a length that does not fit.
 */
static int tcp_options(struct pkt_cursor *o, struct pkt_tcp *t)
{
	const uint8_t *base = o->p;

	/* The bytes themselves, for the kinds printed from their data (md5, tfo, mptcp ...). */
	memcpy(t->opt_data, base,
	       pkt_left(o) < sizeof(t->opt_data) ? pkt_left(o) : sizeof(t->opt_data));
	while (pkt_wire_left(o) && t->n_opts < PKT_TCP_MAX_OPTS) {
		struct pkt_tcp_opt *opt = &t->opts[t->n_opts];
		struct pkt_cursor d;
		uint8_t kind, len;

		if (!pkt_get_u8(o, &kind))
			return PKT_REASON_SNAPLEN;
		if (kind == TCPOPT_EOL || kind == TCPOPT_NOP) {
			*opt = (struct pkt_tcp_opt){ .kind = kind, .len = 1 };
			t->n_opts++;
			if (kind == TCPOPT_EOL)
				break; /* the rest is padding */
			continue;
		}
		if (!pkt_wire_left(o))
			return PKT_REASON_OPTION;
		if (!pkt_get_u8(o, &len))
			return PKT_REASON_SNAPLEN;
		if (len < 2 || !pkt_sub(o, len - 2u, &d))
			return PKT_REASON_OPTION;
		if (pkt_left(&d) < len - 2u)
			return PKT_REASON_SNAPLEN;
		*opt = (struct pkt_tcp_opt){ .kind = kind,
					     .len = len,
					     .off = (uint8_t)(d.p - base) };
		t->n_opts++;
		tcp_opt_value(&d, t, kind, len);
	}
	return PKT_REASON_NONE;
}

/*
 * RFC 9293 section 3.1:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |A|C|E|U|A|P|R|S|F|                             |
 * | Offset| Rsrvd |E|W|C|R|C|S|S|Y|I|            Window           |
 * |       |       | |R|E|G|K|H|T|N|N|                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           [Options]                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_tcp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_tcp *t = &l->tcp;
	const uint8_t *start = c->p;
	struct pkt_cursor o;
	uint8_t off, flags;
	size_t hlen;
	int why;

	l->trans = PKT_PROTO_TCP;
	/* opts[] past n_opts is never read: skip clearing it. */
	memset(t, 0, offsetof(struct pkt_tcp, opts));
	if (!pkt_get_be16(c, &t->sport) || !pkt_get_be16(c, &t->dport) ||
	    !pkt_get_be32(c, &t->seq) || !pkt_get_be32(c, &t->ack) || !pkt_get_u8(c, &off) ||
	    !pkt_get_u8(c, &flags) || !pkt_get_be16(c, &t->win) || !pkt_get_be16(c, &t->csum) ||
	    !pkt_get_be16(c, &t->urg))
		return proto_short(m, TCP_HDR_LEN);
	t->doff = off >> 4;
	t->flags = (uint16_t)(flags | (off & 1) << 8);
	if (t->doff < 5)
		return proto_invalid(m, PKT_REASON_HDR_LEN);
	hlen = (size_t)t->doff * 4;
	if (!pkt_sub(c, hlen - TCP_HDR_LEN, &o))
		return proto_invalid(m, PKT_REASON_HDR_PAST_END);

	why = tcp_options(&o, t);
	if (why == PKT_REASON_SNAPLEN)
		return proto_truncated(m);
	if (why != PKT_REASON_NONE)
		return proto_invalid(m, why);
	/* c now ends where the IP payload does: the whole segment */
	proto_csum_verify(m, start, c, PROTO_IP_TCP, TCP_CSUM_OFF);
	return PKT_PROTO_NONE;
}
