/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_media.c: typed JSON fields of RTP, RTCP, vat/vt, wb, QUIC and WireGuard. */
#include "config.h"

#include "decode/pbuf.h"
#include "decode/proto_media.h"
#include "decode/view_packet_media.h"

#define MEDIA_MAX_RTCP 64 /* RTCP packets of a compound datagram listed at most */
#define MEDIA_CID_MAX  20 /* QUIC connection IDs are at most 20 bytes */

static void put_hex(struct fmt_details *fd, const char *key, const uint8_t *p, size_t n)
{
	char hex[2 * MEDIA_CID_MAX + 1];
	struct pbuf b;

	if (n > MEDIA_CID_MAX)
		return;
	pbuf_init(&b, hex, sizeof(hex));
	msg_hex(&b, p, n);
	fmt_details_str_len(fd, key, hex, 2 * n);
}

static void put_rtp(struct fmt_details *fd, const struct msg *a)
{
	struct proto_rtp r;

	if (!proto_rtp_read(a, &r))
		return;
	fmt_details_object_begin(fd, "rtp");
	fmt_details_u64(fd, "version", r.version);
	fmt_details_bool(fd, "padding", r.padding);
	fmt_details_bool(fd, "extension", r.extension);
	fmt_details_bool(fd, "marker", r.marker);
	fmt_details_u64(fd, "csrc_count", r.csrc_count);
	fmt_details_u64(fd, "payload_type", r.payload_type);
	fmt_details_u64(fd, "seq", r.seq);
	fmt_details_u64(fd, "timestamp", r.timestamp);
	if (r.has_ssrc)
		fmt_details_u64(fd, "ssrc", r.ssrc);
	fmt_details_u64(fd, "len", a->len);
	fmt_details_object_end(fd);
}

/* Each packet of a compound datagram, as far as the capture goes. */
static void put_rtcp(struct fmt_details *fd, const struct msg *a)
{
	struct proto_rtcp r;
	uint32_t off = 0;

	fmt_details_object_begin(fd, "rtcp");
	fmt_details_u64(fd, "len", a->len);
	fmt_details_array_begin(fd, "packets");
	for (unsigned n = 0; n < MEDIA_MAX_RTCP && off < a->cap && proto_rtcp_read(a, off, &r);
	     n++) {
		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "type", r.type);
		if (proto_rtcp_type_name(r.type))
			fmt_details_str(fd, "type_name", proto_rtcp_type_name(r.type));
		fmt_details_u64(fd, "count", r.count);
		fmt_details_u64(fd, "len", r.len);
		fmt_details_u64(fd, "ssrc", r.ssrc);
		fmt_details_object_end(fd);
		off += r.len;
	}
	fmt_details_array_end(fd);
	fmt_details_object_end(fd);
}

static void put_vat(struct fmt_details *fd, const struct msg *a)
{
	struct proto_vat v;

	if (!proto_vat_read(a, &v))
		return;
	fmt_details_object_begin(fd, "vat");
	fmt_details_str(fd, "tool", v.vt ? "vt" : "vat");
	if (v.vt) {
		fmt_details_u64(fd, "seq", v.vt_seq);
		fmt_details_u64(fd, "type", v.vt_type);
	} else {
		fmt_details_u64(fd, "conf", v.conf);
		fmt_details_u64(fd, "timestamp", v.ts);
		fmt_details_bool(fd, "mark", v.mark);
		fmt_details_u64(fd, "format", v.format);
		fmt_details_u64(fd, "flags", v.flags);
	}
	fmt_details_u64(fd, "len", a->len);
	fmt_details_object_end(fd);
}

/* The first packet's header: always in JSON, whatever --decode-more says for text. */
static void put_quic(struct fmt_details *fd, const struct msg *a)
{
	struct proto_quic q;

	if (!proto_quic_read(a, &q))
		return;
	fmt_details_object_begin(fd, "quic");
	fmt_details_str(fd, "header", q.long_header ? "long" : "short");
	fmt_details_str(fd, "type", proto_quic_type_name(&q));
	if (q.long_header) {
		fmt_details_u64(fd, "version", q.version);
		put_hex(fd, "dcid", a->p + q.dcid_off, q.dcid_len);
		put_hex(fd, "scid", a->p + q.scid_off, q.scid_len);
		if (q.has_token)
			fmt_details_u64(fd, "token_len", q.token_len);
		if (q.has_length)
			fmt_details_u64(fd, "length", q.length);
	}
	fmt_details_object_end(fd);
}

static void put_wireguard(struct fmt_details *fd, const struct msg *a)
{
	struct proto_wireguard w;

	if (!proto_wireguard_read(a, &w))
		return;
	fmt_details_object_begin(fd, "wireguard");
	fmt_details_u64(fd, "type", w.type);
	fmt_details_str(fd, "type_name", proto_wireguard_type_name(w.type));
	if (w.type == 1 || w.type == 2)
		fmt_details_u64(fd, "sender", w.sender);
	if (w.type != 1)
		fmt_details_u64(fd, "receiver", w.receiver);
	if (w.type == 4) {
		fmt_details_u64(fd, "counter", w.counter);
		fmt_details_u64(fd, "data_len", w.data_len);
	}
	fmt_details_object_end(fd);
}

/* The whiteboard's transport header: source site id, timestamp, version, type, flags. */
static void put_wb(struct fmt_details *fd, const struct msg *a)
{
	char ip[16];
	struct pbuf b;

	if (a->len < 12 || !msg_has(a, 0, 12))
		return;
	pbuf_init(&b, ip, sizeof(ip));
	pbuf_ip4(&b, a->p);
	fmt_details_object_begin(fd, "wb");
	fmt_details_str_len(fd, "src", ip, b.n);
	fmt_details_u64(fd, "ts", msg_u32(a, 4));
	fmt_details_u64(fd, "version", msg_u16(a, 8));
	fmt_details_u64(fd, "type", msg_u8(a, 10));
	if (proto_wb_type_name(msg_u8(a, 10)))
		fmt_details_str(fd, "type_name", proto_wb_type_name(msg_u8(a, 10)));
	fmt_details_u64(fd, "flags", msg_u8(a, 11));
	fmt_details_u64(fd, "len", a->len);
	fmt_details_object_end(fd);
}

bool view_packet_media(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		       const uint8_t *data)
{
	struct msg a;

	switch (ly->proto) {
	case PKT_PROTO_RTP:
	case PKT_PROTO_RTCP:
	case PKT_PROTO_VAT:
	case PKT_PROTO_QUIC:
	case PKT_PROTO_WIREGUARD:
	case PKT_PROTO_WB:
		break;
	default:
		return false;
	}
	if (!msg_at(&a, m, data, ly))
		return true;
	switch (ly->proto) {
	case PKT_PROTO_RTP:
		put_rtp(fd, &a);
		break;
	case PKT_PROTO_RTCP:
		put_rtcp(fd, &a);
		break;
	case PKT_PROTO_VAT:
		put_vat(fd, &a);
		break;
	case PKT_PROTO_QUIC:
		put_quic(fd, &a);
		break;
	case PKT_PROTO_WB:
		put_wb(fd, &a);
		break;
	default:
		put_wireguard(fd, &a);
		break;
	}
	return true;
}
