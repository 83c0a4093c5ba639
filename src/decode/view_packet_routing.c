/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_routing.c: the JSON fields of the routing layers (issue 13): BGP's messages, sFlow's header. */
#include "config.h"

#include <string.h>

#include "decode/proto_bgp.h"
#include "decode/view_packet_routing.h"

#define BGP_JSON_MAX_MESSAGES 64 /* a full segment of keepalives is 78: the rest is counted */

static const char *const bgp_type_names[] = {
	[1] = "open", [2] = "update", [3] = "notification", [4] = "keepalive", [5] = "route_refresh",
};

/* One message whose bytes were all captured: its header and its fixed fields. */
static void put_bgp_message(struct fmt_details *fd, const struct msg *g, size_t at, uint16_t len)
{
	uint8_t type = msg_u8(g, at + 18);

	fmt_details_object_begin(fd, NULL);
	fmt_details_u64(fd, "type", type);
	if (type < sizeof(bgp_type_names) / sizeof(bgp_type_names[0]) && bgp_type_names[type])
		fmt_details_str(fd, "type_name", bgp_type_names[type]);
	fmt_details_u64(fd, "len", len);
	switch (type) {
	case 1:
		if (len < 29)
			break;
		fmt_details_u64(fd, "version", msg_u8(g, at + 19));
		fmt_details_u64(fd, "my_as", msg_u16(g, at + 20));
		fmt_details_u64(fd, "hold_time", msg_u16(g, at + 22));
		fmt_details_u64(fd, "bgp_id", msg_u32(g, at + 24));
		fmt_details_u64(fd, "opt_len", msg_u8(g, at + 28));
		break;
	case 2: {
		uint16_t wlen, alen;

		if (len < 23)
			break;
		wlen = msg_u16(g, at + 19);
		fmt_details_u64(fd, "withdrawn_len", wlen);
		if (23u + wlen > len)
			break;
		alen = msg_u16(g, at + 21 + wlen);
		fmt_details_u64(fd, "attrs_len", alen);
		if (23u + wlen + alen <= len)
			fmt_details_u64(fd, "nlri_len", len - 23u - wlen - alen);
		break;
	}
	case 3:
		if (len < 21)
			break;
		fmt_details_u64(fd, "code", msg_u8(g, at + 19));
		fmt_details_u64(fd, "subcode", msg_u8(g, at + 20));
		break;
	case 5:
		if (len < 23)
			break;
		fmt_details_u64(fd, "afi", msg_u16(g, at + 19));
		fmt_details_u64(fd, "safi", msg_u8(g, at + 22));
		break;
	}
	fmt_details_object_end(fd);
}

/*
 * The segment's messages from the first marker on, as the printer finds them;
 * "truncated" when the last one's bytes are not all there.
 */
static void put_bgp(struct fmt_details *fd, const struct msg *g)
{
	static const uint8_t marker[16] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	size_t p = 0, n = 0, skipped = 0;
	bool truncated = false, invalid = false;

	fmt_details_object_begin(fd, "bgp");
	fmt_details_u64(fd, "len", g->len);
	fmt_details_array_begin(fd, "messages");
	while (p < g->cap) {
		uint16_t hlen;

		if (!msg_has(g, p, sizeof(marker)) || memcmp(g->p + p, marker, sizeof(marker))) {
			if (!msg_has(g, p, sizeof(marker)))
				break;
			p++;
			skipped++;
			continue;
		}
		if (!msg_has(g, p, BGP_HDR_LEN)) {
			truncated = true;
			break;
		}
		hlen = msg_u16(g, p + 16);
		if (hlen < BGP_HDR_LEN) {
			invalid = true;
			break;
		}
		if (!msg_has(g, p, hlen)) {
			truncated = true;
			break;
		}
		if (n++ < BGP_JSON_MAX_MESSAGES)
			put_bgp_message(fd, g, p, hlen);
		p += hlen;
	}
	fmt_details_array_end(fd);
	fmt_details_u64(fd, "count", n);
	fmt_details_u64(fd, "skipped", skipped);
	fmt_details_bool(fd, "truncated", truncated || g->cap < g->len);
	fmt_details_bool(fd, "invalid", invalid);
	fmt_details_object_end(fd);
}

/* The sFlow v5 datagram header (an IPv4 or IPv6 agent), when all of it was captured. */
static void put_sflow(struct fmt_details *fd, const struct msg *g)
{
	uint32_t ipv;
	size_t hdr;

	fmt_details_object_begin(fd, "sflow");
	fmt_details_u64(fd, "len", g->len);
	if (msg_has(g, 0, 8)) {
		fmt_details_u64(fd, "version", msg_u32(g, 0));
		ipv = msg_u32(g, 4);
		fmt_details_u64(fd, "agent_ip_version", ipv);
		hdr = ipv == 1 ? 28 : 40;
		if ((ipv == 1 || ipv == 2) && msg_u32(g, 0) == 5 && msg_has(g, 0, hdr)) {
			char ip[64];
			struct pbuf b;

			pbuf_init(&b, ip, sizeof(ip));
			if (ipv == 1)
				pbuf_ip4(&b, g->p + 8);
			else
				pbuf_ip6(&b, g->p + 8);
			pbuf_finish(&b, sizeof(ip));
			fmt_details_str(fd, "agent", ip);
			fmt_details_u64(fd, "agent_id", msg_u32(g, hdr - 16));
			fmt_details_u64(fd, "seqnum", msg_u32(g, hdr - 12));
			fmt_details_u64(fd, "uptime_ms", msg_u32(g, hdr - 8));
			fmt_details_u64(fd, "samples", msg_u32(g, hdr - 4));
		}
	}
	fmt_details_object_end(fd);
}

bool view_packet_routing(struct fmt_details *fd, const struct pkt_meta *m,
			 const struct pkt_layer *ly, const uint8_t *data)
{
	struct msg g;

	switch (ly->proto) {
	case PKT_PROTO_BGP:
		(void)msg_at(&g, m, data, ly);
		put_bgp(fd, &g);
		return true;
	case PKT_PROTO_SFLOW:
		(void)msg_at(&g, m, data, ly);
		put_sflow(fd, &g);
		return true;
	default:
		return false;
	}
}
