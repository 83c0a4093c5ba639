/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dccp.c: the Datagram Congestion Control Protocol (RFC 4340): dissector and printer. */
#include "config.h"

#include "decode/l4csum.h"
#include "decode/proto.h"

enum {
	DCCP_REQUEST,
	DCCP_RESPONSE,
	DCCP_DATA,
	DCCP_ACK,
	DCCP_DATAACK,
	DCCP_CLOSEREQ,
	DCCP_CLOSE,
	DCCP_RESET,
	DCCP_SYNC,
	DCCP_SYNCACK,
};

#define DCCP_CSUM_OFF 6

/* The bytes each type adds to the generic header (5.2 - 5.6): service, ack, reset fields. */
static unsigned dccp_type_len(uint8_t type)
{
	switch (type) {
	case DCCP_REQUEST:
		return 4;
	case DCCP_RESPONSE:
	case DCCP_RESET:
		return 12;
	case DCCP_DATA:
		return 0;
	default:
		return 8;
	}
}

/*
 * RFC 4340 5.1, with X=1 (with X=0 the sequence number is 24 bits after a
 * reserved byte and the header is 12 bytes):
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |           Dest Port           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data Offset  | CCVal | CsCov |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     |       |X|               |                               .
 * | Res | Type  |=|   Reserved    |  Sequence Number (high bits)  .
 * |     |       |1|               |                               .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                  Sequence Number (low bits)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_dccp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_dccp *d = &l->dccp;
	const uint8_t *h = pkt_peek(c, 12), *t;
	size_t base, len = pkt_wire_left(c), cov;

	l->trans = PKT_PROTO_DCCP;
	*d = (struct pkt_dccp){ 0 };
	if (!h)
		return proto_short(m, 12);
	d->sport = pkt_be16(h);
	d->dport = pkt_be16(h + 2);
	d->doff = h[4];
	d->ccval = h[5] >> 4;
	d->cscov = h[5] & 0xf;
	d->csum = pkt_be16(h + 6);
	d->type = (h[8] >> 1) & 0xf;
	d->x = h[8] & 1;
	base = d->x ? 16 : 12;
	d->fixed_len = (uint8_t)(base + dccp_type_len(d->type));
	if (!pkt_peek(c, base))
		return proto_short(m, base);
	d->seq = d->x ? (uint64_t)pkt_be16(h + 10) << 32 | pkt_be32(h + 12) :
			(uint64_t)(h[9] << 16 | pkt_be16(h + 10));
	/* the type's fields, as far as they were captured: the printer says what is missing */
	t = pkt_peek(c, d->fixed_len);
	if (t) {
		if (d->type == DCCP_REQUEST || d->type == DCCP_RESPONSE)
			d->service = pkt_be32(t + d->fixed_len - 4);
		if (d->type != DCCP_REQUEST && d->type != DCCP_DATA) {
			d->has_ack = true;
			d->ack = d->x ? (uint64_t)pkt_be16(t + base + 2) << 32 |
						pkt_be32(t + base + 4) :
					(uint64_t)(t[base + 1] << 16 | pkt_be16(t + base + 2));
		}
		if (d->type == DCCP_RESET)
			d->reset_code = t[base + 8];
	}
	/* 9.2: the checksum covers the header and cscov - 1 words of data */
	cov = d->cscov ? ((size_t)d->doff + d->cscov - 1) * 4 : len;
	l4csum_verify_cov(m, h, c, PROTO_IP_DCCP, DCCP_CSUM_OFF, cov);
	pkt_skip(c, pkt_left(c) < (size_t)d->doff * 4 ? pkt_left(c) : (size_t)d->doff * 4);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const dccp_types[] = {
	"DCCP-Request", "DCCP-Response", "DCCP-Data",  "DCCP-Ack",  "DCCP-DataAck",
	"DCCP-CloseReq", "DCCP-Close",	 "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck",
};

static const char *const dccp_reset_codes[] = {
	"unspecified",	   "closed",	      "aborted",	  "no_connection",
	"packet_error",	   "option_error",    "mandatory_error",  "connection_refused",
	"bad_service_code", "too_busy",	      "bad_init_cookie",  "aggression_penalty",
};

static const char *const dccp_features[] = {
	"reserved",	 "ccid",	   "allow_short_seqno",		"sequence_window",
	"ecn_incapable", "ack_ratio",	   "send_ack_vector",		"send_ndp_count",
	"minimum checksum coverage",	   "check data checksum",
};

static const char *dccp_opt_name(uint8_t t)
{
	static const char *const low[] = { "nop", "mandatory", "slowreceiver" };
	static const char *const high[] = {
		"change_l",	"confirm_l",	"change_r",	"confirm_r",   "initcookie",
		"ndp_count",	"ack_vector0",	"ack_vector1",	"data_dropped", "timestamp",
		"timestamp_echo", "elapsed_time", "data_checksum",
	};

	if (t < 3)
		return low[t];
	if (t >= 32 && t <= 44)
		return high[t - 32];
	return NULL;
}

static void dccp_opt_label(struct pbuf *b, uint8_t t)
{
	const char *name = dccp_opt_name(t);

	if (t >= 128) {
		pbuf_puts(b, "CCID option ");
		pbuf_u32(b, t);
	} else if (name) {
		pbuf_puts(b, name);
	} else {
		pbuf_puts(b, "Option ");
		pbuf_u32(b, t);
	}
}

static void dccp_hex(struct pbuf *b, const uint8_t *p, size_t n, const char *lead)
{
	if (!n)
		return;
	pbuf_puts(b, lead);
	pbuf_hex_bytes(b, p, n);
}

/* One option at o (hlen bytes left in the header): its length, or 0 to stop. */
static size_t dccp_option(struct line *x, const uint8_t *o, size_t hlen, size_t cap)
{
	struct pbuf *b = &x->b;
	size_t optlen = 1;

	if (!cap) {
		pbuf_puts(b, " [|dccp]");
		return 0;
	}
	if (o[0] >= 32) {
		if (cap < 2) {
			pbuf_puts(b, " [|dccp]");
			return 0;
		}
		optlen = o[1];
		if (optlen < 2) {
			dccp_opt_label(b, o[0]);
			pbuf_puts(b, " optlen too short");
			return 0;
		}
	}
	if (hlen < optlen) {
		dccp_opt_label(b, o[0]);
		pbuf_puts(b, " optlen goes past header length");
		return 0;
	}
	if (cap < optlen) {
		pbuf_puts(b, " [|dccp]");
		return 0;
	}
	dccp_opt_label(b, o[0]);
	if (o[0] >= 128) {
		if (optlen == 4) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, pkt_be16(o + 2));
		} else if (optlen == 6) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, pkt_be32(o + 2));
		}
		return optlen;
	}
	switch (o[0]) {
	case 32: case 33: case 34: case 35:
		if (optlen < 3) {
			pbuf_puts(b, " optlen too short");
			return optlen;
		}
		if (o[2] < 10) {
			pbuf_putc(b, ' ');
			pbuf_puts(b, dccp_features[o[2]]);
			for (size_t i = 3; i < optlen; i++) {
				pbuf_putc(b, ' ');
				pbuf_u32(b, o[i]);
			}
		}
		break;
	case 37:
		for (size_t i = 2; i < optlen; i++) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, o[i]);
		}
		break;
	case 36: case 38: case 39: case 40:
		dccp_hex(b, o + 2, optlen - 2, " 0x");
		break;
	case 41:
		if (optlen == 6) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, pkt_be32(o + 2));
		} else {
			pbuf_puts(b, " [optlen != 6]");
		}
		break;
	case 42:
		if (optlen == 6 || optlen == 8 || optlen == 10) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, pkt_be32(o + 2));
			if (optlen > 6) {
				pbuf_puts(b, " (elapsed time ");
				pbuf_u32(b, optlen == 8 ? pkt_be16(o + 6) : pkt_be32(o + 6));
				pbuf_putc(b, ')');
			}
		} else {
			pbuf_puts(b, " [optlen != 6 or 8 or 10]");
		}
		break;
	case 43:
		if (optlen == 6 || optlen == 4) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, optlen == 6 ? pkt_be32(o + 2) : pkt_be16(o + 2));
		} else {
			pbuf_puts(b, " [optlen != 4 or 6]");
		}
		break;
	case 44:
		dccp_hex(b, o + 2, optlen - 2, " ");
		break;
	default:
		break;
	}
	return optlen;
}

bool proto_dccp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_level *l = line_level(x);
	const struct pkt_dccp *d = &l->dccp;
	struct pbuf *b = &x->b;
	uint32_t len = ly->wire_len, hlen = d->doff * 4u;
	size_t cap;

	/* the X bit lies in the 12-byte generic header */
	if (ly->hdr_len < 12 && (ly->truncated || ly->invalid)) {
		line_addrs(x, false, 0, 0);
		pbuf_puts(b, "[Invalid packet|dccp]");
		return true;
	}
	line_addrs(x, true, d->sport, d->dport);
	if (ly->truncated || ly->invalid) {
		pbuf_puts(b, "DCCP[|dccp]");
		return true;
	}
	pbuf_puts(b, "DCCP");
	if (x->o->quiet) {
		pbuf_putc(b, ' ');
		pbuf_u32(b, len - hlen);
		if (hlen > len) {
			pbuf_puts(b, " [bad hdr length ");
			pbuf_u32(b, hlen);
			pbuf_puts(b, " - too long, > ");
			pbuf_u32(b, len);
			pbuf_putc(b, ']');
		}
		return true;
	}
	if (x->o->verbose) {
		pbuf_puts(b, " (CCVal ");
		pbuf_u32(b, d->ccval);
		pbuf_puts(b, ", CsCov ");
		pbuf_u32(b, d->cscov);
		/* No checksum part when the segment was not captured whole. */
		if (l->csum != PKT_CSUM_UNCHECKED) {
			pbuf_puts(b, ", cksum 0x");
			pbuf_hex(b, d->csum, 4);
			if (l->csum == PKT_CSUM_BAD) {
				pbuf_puts(b, " (incorrect -> 0x");
				pbuf_hex(b, l->csum_good, 4);
				pbuf_putc(b, ')');
			} else {
				pbuf_puts(b, " (correct)");
			}
		}
		pbuf_putc(b, ')');
	}
	pbuf_putc(b, ' ');
	if (d->type > DCCP_SYNCACK) {
		pbuf_puts(b, "unknown-type-");
		pbuf_u32(b, d->type);
		pbuf_putc(b, ' ');
	} else if (len < d->fixed_len) {
		pbuf_puts(b, "truncated-");
		pbuf_puts(b, dccp_types[d->type]);
		pbuf_puts(b, " - ");
		pbuf_u32(b, len - d->fixed_len);
		pbuf_puts(b, " bytes missing!");
		return true;
	} else {
		pbuf_puts(b, dccp_types[d->type]);
		if (d->type == DCCP_REQUEST || d->type == DCCP_RESPONSE) {
			pbuf_puts(b, " (service=");
			pbuf_u32(b, d->service);
			pbuf_putc(b, ')');
		} else if (d->type == DCCP_RESET) {
			pbuf_puts(b, " (code=");
			pbuf_puts(b, d->reset_code < 12 ? dccp_reset_codes[d->reset_code] :
							  "invalid");
			pbuf_putc(b, ')');
		}
		pbuf_putc(b, ' ');
	}
	if (d->has_ack) {
		pbuf_puts(b, "(ack=");
		pbuf_u64(b, d->ack);
		pbuf_puts(b, ") ");
	}
	if (line_verbosity(x) < 2)
		return true;
	pbuf_puts(b, "seq ");
	pbuf_u64(b, d->seq);
	if (hlen > d->fixed_len && x->o->data) {
		const uint8_t *o = x->o->data + ly->off + d->fixed_len;
		size_t left = hlen - d->fixed_len, n;

		cap = x->m->caplen - ly->off;
		cap = cap > d->fixed_len ? cap - d->fixed_len : 0;
		pbuf_puts(b, " <");
		for (;;) {
			n = dccp_option(x, o, left, cap);
			if (!n || left <= n)
				break;
			left -= n;
			cap -= n;
			o += n;
			pbuf_puts(b, ", ");
		}
		pbuf_putc(b, '>');
	}
	return true;
}
