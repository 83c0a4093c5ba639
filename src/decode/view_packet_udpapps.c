/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * view_packet_udpapps.c: typed JSON fields of the applications tcpdump
 * decodes by port that came last (timed, AODV, HNCP, Rx, lwres, Telnet):
 * their fixed headers, read again from the captured bytes.
 */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"
#include "decode/view_packet_udpapps.h"

#define UDPAPPS_MAX_ITEMS 64 /* TLVs, options ... listed at most */

/* TSP: type, version, sequence; the sender's name when its NUL was captured. */
static void put_timed(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "timed");
	fmt_details_u64(fd, "len", a->len);
	if (msg_has(a, 0, 4)) {
		uint8_t type = msg_u8(a, 0);

		fmt_details_u64(fd, "type", type);
		if (proto_timed_type_name(type))
			fmt_details_str(fd, "type_name", proto_timed_type_name(type));
		fmt_details_u64(fd, "version", msg_u8(a, 1));
		fmt_details_u64(fd, "seq", msg_u16(a, 2));
	} else {
		fmt_details_bool(fd, "truncated", true);
	}
	fmt_details_object_end(fd);
}

/* AODV: the message type, and a request's or reply's hop count. */
static void put_aodv(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "aodv");
	fmt_details_u64(fd, "len", a->len);
	if (msg_has(a, 0, 1)) {
		uint8_t type = msg_u8(a, 0);

		fmt_details_u64(fd, "type", type);
		if (proto_aodv_type_name(type))
			fmt_details_str(fd, "type_name", proto_aodv_type_name(type));
		/* requests and replies (IPv6 draft-01's too) count hops in their fourth byte */
		if ((type == 1 || type == 2 || type == 16 || type == 17) && msg_has(a, 3, 1))
			fmt_details_u64(fd, "hop_count", msg_u8(a, 3));
		/* errors count their unreachable destinations there */
		if ((type == 3 || type == 18) && msg_has(a, 3, 1))
			fmt_details_u64(fd, "dest_count", msg_u8(a, 3));
	} else {
		fmt_details_bool(fd, "truncated", true);
	}
	fmt_details_object_end(fd);
}

/* HNCP: the top-level TLVs (type, name, body length), as far as the capture goes. */
static void put_hncp(struct fmt_details *fd, const struct msg *a)
{
	uint32_t off = 0;
	unsigned n = 0;

	fmt_details_object_begin(fd, "hncp");
	fmt_details_u64(fd, "len", a->len);
	fmt_details_array_begin(fd, "tlvs");
	while (n++ < UDPAPPS_MAX_ITEMS && off + 4 <= a->len && msg_has(a, off, 4)) {
		uint16_t type = msg_u16(a, off), len = msg_u16(a, off + 2);

		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "type", type);
		fmt_details_str(fd, "type_name", proto_hncp_type_name(type));
		fmt_details_u64(fd, "len", len);
		fmt_details_object_end(fd);
		off += 4 + ((len + 3u) & ~3u);
	}
	fmt_details_array_end(fd);
	fmt_details_object_end(fd);
}

/* Rx: the header; a call's opcode (the first word after it) when it opens a call. */
static void put_rx(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "rx");
	fmt_details_u64(fd, "len", a->len);
	if (msg_has(a, 0, 28)) {
		uint8_t type = msg_u8(a, 20), flags = msg_u8(a, 21);

		fmt_details_u64(fd, "epoch", msg_u32(a, 0));
		fmt_details_u64(fd, "cid", msg_u32(a, 4));
		fmt_details_u64(fd, "call_number", msg_u32(a, 8));
		fmt_details_u64(fd, "seq", msg_u32(a, 12));
		fmt_details_u64(fd, "serial", msg_u32(a, 16));
		fmt_details_u64(fd, "type", type);
		if (proto_rx_type_name(type))
			fmt_details_str(fd, "type_name", proto_rx_type_name(type));
		fmt_details_u64(fd, "flags", flags);
		fmt_details_u64(fd, "security_index", msg_u8(a, 23));
		fmt_details_u64(fd, "service_id", msg_u16(a, 26));
		/* a data packet opening a call (client-initiated, sequence 1) starts with its opcode */
		if (type == 1 && (flags & 1) && msg_u32(a, 12) == 1 && msg_has(a, 28, 4))
			fmt_details_u64(fd, "opcode", msg_u32(a, 28));
	} else {
		fmt_details_bool(fd, "truncated", true);
	}
	fmt_details_object_end(fd);
}

/* lwres: the packet header. */
static void put_lwres(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "lwres");
	fmt_details_u64(fd, "len", a->len);
	if (msg_has(a, 0, 28)) {
		uint32_t op = msg_u32(a, 12);

		fmt_details_u64(fd, "lwres_len", msg_u32(a, 0));
		fmt_details_u64(fd, "version", msg_u16(a, 4));
		fmt_details_u64(fd, "flags", msg_u16(a, 6));
		fmt_details_bool(fd, "response", msg_u16(a, 6) & 1);
		fmt_details_u64(fd, "serial", msg_u32(a, 8));
		fmt_details_u64(fd, "opcode", op);
		if (proto_lwres_opcode_name(op))
			fmt_details_str(fd, "opcode_name", proto_lwres_opcode_name(op));
		fmt_details_u64(fd, "result", msg_u32(a, 16));
	} else {
		fmt_details_bool(fd, "truncated", true);
	}
	fmt_details_object_end(fd);
}

/* Telnet: the IAC commands the segment starts with (what tcpdump prints), by code. */
static void put_telnet(struct fmt_details *fd, const struct msg *a)
{
	uint32_t off = 0;
	unsigned n = 0;

	fmt_details_object_begin(fd, "telnet");
	fmt_details_u64(fd, "len", a->len);
	fmt_details_array_begin(fd, "commands");
	/* IAC, a command; WILL, WONT, DO, DONT and SB name an option: their byte after */
	while (n++ < UDPAPPS_MAX_ITEMS && msg_has(a, off, 2) && msg_u8(a, off) == 255 &&
	       msg_u8(a, off + 1) >= 236) {
		uint8_t cmd = msg_u8(a, off + 1);

		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "command", cmd);
		off += 2;
		if (cmd >= 250 && cmd <= 254 && msg_has(a, off, 1))
			fmt_details_u64(fd, "option", msg_u8(a, off++));
		fmt_details_object_end(fd);
		/* a subnegotiation runs to IAC SE */
		if (cmd == 250) {
			while (msg_has(a, off, 2) && !(msg_u8(a, off) == 255 && msg_u8(a, off + 1) == 240))
				off++;
			off += 2;
		}
	}
	fmt_details_array_end(fd);
	fmt_details_object_end(fd);
}

/* Zephyr: the version field ("ZEPH0.2") when its NUL was captured within 32 bytes. */
static void put_zephyr(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "zephyr");
	fmt_details_u64(fd, "len", a->len);
	for (uint32_t i = 0; i < 32 && i < a->len && msg_has(a, i, 1); i++) {
		if (!msg_u8(a, i)) {
			fmt_details_str_len(fd, "version", a->p, i);
			break;
		}
	}
	fmt_details_object_end(fd);
}

bool view_packet_udpapps(struct fmt_details *fd, const struct pkt_meta *m,
			 const struct pkt_layer *ly, const uint8_t *data)
{
	struct msg a;

	switch (ly->proto) {
	case PKT_PROTO_TIMED:
	case PKT_PROTO_AODV:
	case PKT_PROTO_HNCP:
	case PKT_PROTO_RX:
	case PKT_PROTO_LWRES:
	case PKT_PROTO_TELNET:
	case PKT_PROTO_ZEPHYR:
		break;
	default:
		return false;
	}
	if (!msg_at(&a, m, data, ly))
		return true;
	switch (ly->proto) {
	case PKT_PROTO_TIMED:
		put_timed(fd, &a);
		break;
	case PKT_PROTO_AODV:
		put_aodv(fd, &a);
		break;
	case PKT_PROTO_HNCP:
		put_hncp(fd, &a);
		break;
	case PKT_PROTO_RX:
		put_rx(fd, &a);
		break;
	case PKT_PROTO_LWRES:
		put_lwres(fd, &a);
		break;
	case PKT_PROTO_TELNET:
		put_telnet(fd, &a);
		break;
	case PKT_PROTO_ZEPHYR:
		put_zephyr(fd, &a);
		break;
	default:
		break;
	}
	return true;
}
