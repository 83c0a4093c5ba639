/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_small.c: JSON of GeoNetworking, CALM FAST, LISP, SOME/IP and VQP, read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_small.h"

/* GeoNetworking's common header: its first 8 bytes */
static void put_geonet(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "geonet");
	fmt_details_u64(d, "version", msg_u8(g, 0) >> 4);
	fmt_details_u64(d, "next_header", msg_u8(g, 0) & 0x0f);
	fmt_details_u64(d, "header_type", msg_u8(g, 1) >> 4);
	fmt_details_u64(d, "header_subtype", msg_u8(g, 1) & 0x0f);
	fmt_details_u64(d, "payload_len", msg_u16(g, 4));
	fmt_details_u64(d, "hop_limit", msg_u8(g, 7));
	fmt_details_object_end(d);
}

static void put_calm_fast(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "calm_fast");
	fmt_details_u64(d, "src_nwref", msg_u8(g, 0));
	fmt_details_u64(d, "dst_nwref", msg_u8(g, 1));
	fmt_details_object_end(d);
}

/* LISP's control header: type, flags word, record count, key id and authentication length */
static void put_lisp(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "lisp");
	fmt_details_u64(d, "type", msg_u8(g, 0) >> 4);
	fmt_details_u64(d, "record_count", msg_u8(g, 3));
	fmt_details_u64(d, "key_id", msg_u16(g, 12));
	fmt_details_u64(d, "auth_len", msg_u16(g, 14));
	fmt_details_object_end(d);
}

static void put_someip(struct fmt_details *d, const struct msg *g)
{
	uint32_t id = msg_u32(g, 0), req = msg_u32(g, 8);

	fmt_details_object_begin(d, "someip");
	fmt_details_u64(d, "service", id >> 16);
	fmt_details_bool(d, "event", id & 0x8000);
	fmt_details_u64(d, "method", id & 0x7fff);
	fmt_details_u64(d, "length", msg_u32(g, 4));
	fmt_details_u64(d, "client", req >> 16);
	fmt_details_u64(d, "session", req & 0xffff);
	fmt_details_u64(d, "protocol_version", msg_u8(g, 12));
	fmt_details_u64(d, "interface_version", msg_u8(g, 13));
	fmt_details_u64(d, "msg_type", msg_u8(g, 14));
	fmt_details_u64(d, "return_code", msg_u8(g, 15));
	fmt_details_object_end(d);
}

static void put_vqp(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "vqp");
	fmt_details_u64(d, "version", msg_u8(g, 0));
	fmt_details_u64(d, "msg_type", msg_u8(g, 1));
	fmt_details_u64(d, "error_code", msg_u8(g, 2));
	fmt_details_u64(d, "items", msg_u8(g, 3));
	fmt_details_u64(d, "seq", msg_u32(g, 4));
	fmt_details_object_end(d);
}

bool view_packet_small(struct fmt_details *d, const struct pkt_meta *m, const struct pkt_layer *ly,
		       const uint8_t *data)
{
	struct msg g;
	bool have;

	switch (ly->proto) {
	case PKT_PROTO_GEONET:
	case PKT_PROTO_CALM_FAST:
	case PKT_PROTO_LISP:
	case PKT_PROTO_SOMEIP:
	case PKT_PROTO_VQP:
		break;
	default:
		return false;
	}
	have = msg_at(&g, m, data, ly);
	/* each object only when its fixed header was captured */
	switch (ly->proto) {
	case PKT_PROTO_GEONET:
		if (have && msg_has(&g, 0, 8))
			put_geonet(d, &g);
		break;
	case PKT_PROTO_CALM_FAST:
		if (have && msg_has(&g, 0, 2))
			put_calm_fast(d, &g);
		break;
	case PKT_PROTO_LISP:
		if (have && msg_has(&g, 0, 16))
			put_lisp(d, &g);
		break;
	case PKT_PROTO_SOMEIP:
		if (have && msg_has(&g, 0, 16))
			put_someip(d, &g);
		break;
	case PKT_PROTO_VQP:
		if (have && msg_has(&g, 0, 8))
			put_vqp(d, &g);
		break;
	}
	return true;
}
