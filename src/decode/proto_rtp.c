/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_rtp.c: RTP (RFC 3550, and version 1) forced with sniff -T rtp: dissector and tcpdump's text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_media.h"

#define RTP_V1_HDR 8
#define RTP_V2_HDR 12
#define RTP_H261   0x1f /* tcpdump prints the first 16 bits of H.261's own header */

/* tcpdump decodes RTP only when told (-T rtp): no port is RTP's. */
int proto_rtp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_RTP;
	return PKT_PROTO_NONE;
}

/*
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *
 * Version 1 (draft-ietf-avt-rtp-04) has an 8-byte header: V=1, a channel
 * and option bit, a 6-bit content type, the sequence number, the timestamp.
 */
bool proto_rtp_read(const struct msg *g, struct proto_rtp *r)
{
	uint32_t i0;

	*r = (struct proto_rtp){ 0 };
	if (g->len < RTP_V1_HDR || !msg_has(g, 0, RTP_V1_HDR))
		return false;
	i0 = msg_u32(g, 0);
	r->seq = (uint16_t)i0;
	r->timestamp = msg_u32(g, 4);
	if (i0 >> 30 == 1) {
		r->version = 1;
		r->extension = i0 & 0x800000;
		r->marker = i0 & 0x400000;
		r->payload_type = (i0 >> 16) & 0x3f;
		return true;
	}
	if (g->len < RTP_V2_HDR || !msg_has(g, 0, RTP_V2_HDR))
		return false;
	r->version = 2;
	r->padding = i0 & 0x20000000;
	r->extension = i0 & 0x10000000;
	r->csrc_count = (i0 >> 24) & 0x0f;
	r->marker = i0 & 0x800000;
	r->payload_type = (i0 >> 16) & 0x7f;
	r->has_ssrc = true;
	r->ssrc = msg_u32(g, 8);
	return true;
}

/* ---- printer: tcpdump's rtp_print -------------------------------------------------------------- */

/*
 * -v: the third word, then version 1's options or version 2's extension
 * skipped by their lengths (in 32-bit words, "!opt" or "!ext" past the
 * datagram), then H.261's header; w is the word after the fixed header,
 * words how many the datagram has from there.
 */
static bool put_rtp_detail(struct pbuf *b, const struct msg *g, const struct proto_rtp *r,
			   uint32_t w, uint32_t words)
{
	uint32_t i2, n;

	if (!msg_has(g, 8, 4))
		return false;
	msg_printf(b, " %u", msg_u32(g, 8));
	if (r->version == 1 && r->extension) {
		do {
			if (!msg_has(g, 4u * w, 4))
				return false;
			i2 = msg_u32(g, 4u * w);
			n = (i2 >> 16) & 0xff;
			if (n == 0 || n > words) {
				pbuf_puts(b, " !opt");
				return true;
			}
			w += n;
			words -= n;
		} while (!(i2 & 0x80000000u));
	}
	if (r->version == 2 && r->extension) {
		if (!msg_has(g, 4u * w, 4))
			return false;
		n = (msg_u32(g, 4u * w) & 0xffff) + 1;
		if (n > words) {
			pbuf_puts(b, " !ext");
			return true;
		}
		w += n;
	}
	if (r->payload_type == RTP_H261) {
		if (!msg_has(g, 4u * w, 4))
			return false;
		msg_printf(b, " 0x%04x", msg_u32(g, 4u * w) >> 16);
	}
	return true;
}

bool proto_rtp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct proto_rtp r;
	struct msg g;
	uint32_t dlen, w, words;

	msg_of(&g, x);
	if (g.len < RTP_V1_HDR) {
		msg_printf(b, "udp/rtp, length %u < 8", g.len);
		return true;
	}
	if (!msg_has(&g, 0, RTP_V1_HDR))
		return msg_trunc_put(b, "rtp");
	dlen = g.len - RTP_V1_HDR;
	w = 2;
	words = (g.len >> 2) - 2;
	if (msg_u8(&g, 0) >> 6 != 1) {
		if (dlen < 4) {
			msg_printf(b, "udp/rtp, length %u < 12", g.len);
			return true;
		}
		dlen -= 4;
		w++;
		words--;
	}
	if (!proto_rtp_read(&g, &r)) {
		/* version 2 with only 8 bytes captured: tcpdump prints its line first */
		uint32_t i0 = msg_u32(&g, 0);

		msg_printf(b, "udp/rtp %u c%u %s%s %u %u", dlen, (i0 >> 16) & 0x7f,
			   i0 & 0x10000000 ? "+" : "", i0 & 0x800000 ? "*" : "", i0 & 0xffff,
			   msg_u32(&g, 4));
		return line_verbosity(x) ? msg_trunc_put(b, "rtp") : true;
	}
	msg_printf(b, "udp/%s %u c%u %s%s %u %u", r.version == 1 ? "rtpv1" : "rtp", dlen,
		   r.payload_type, r.extension ? "+" : "", r.marker ? "*" : "", r.seq, r.timestamp);
	if (line_verbosity(x) && !put_rtp_detail(b, &g, &r, w, words))
		return msg_trunc_put(b, "rtp");
	return true;
}
