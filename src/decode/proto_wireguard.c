/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_wireguard.c: WireGuard's messages on UDP 51820: dissector and --decode-more text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_media.h"

/* The message lengths the protocol fixes (the whitepaper's section 5.4). */
#define WG_INITIATION_LEN 148
#define WG_RESPONSE_LEN	  92
#define WG_COOKIE_LEN	  64
#define WG_DATA_HDR	  16
#define WG_TAG_LEN	  16 /* Poly1305: a keepalive is a data message of the tag alone */

enum { WG_INITIATION = 1, WG_RESPONSE, WG_COOKIE, WG_DATA };

/* tcpdump 4.99 prints UDP 51820 as plain UDP: the header is read again by the printer and the JSON. */
int proto_wireguard_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_WIREGUARD;
	return PKT_PROTO_NONE;
}

/* WireGuard's integers are little-endian. */
static uint32_t wg_le32(const struct msg *g, size_t off)
{
	return (uint32_t)g->p[off] | (uint32_t)g->p[off + 1] << 8 | (uint32_t)g->p[off + 2] << 16 |
	       (uint32_t)g->p[off + 3] << 24;
}

/*
 * Every message starts with a type byte and three reserved zero bytes, then
 * the sender's index (initiation, response) and the receiver's (response,
 * cookie reply, data); data has a 64-bit counter before the encrypted packet.
 */
bool proto_wireguard_read(const struct msg *g, struct proto_wireguard *w)
{
	*w = (struct proto_wireguard){ 0 };
	if (!msg_has(g, 0, 8) || msg_u8(g, 1) || msg_u8(g, 2) || msg_u8(g, 3))
		return false;
	w->type = msg_u8(g, 0);
	switch (w->type) {
	case WG_INITIATION:
		w->sender = wg_le32(g, 4);
		return g->len == WG_INITIATION_LEN;
	case WG_RESPONSE:
		if (g->len != WG_RESPONSE_LEN || !msg_has(g, 8, 4))
			return false;
		w->sender = wg_le32(g, 4);
		w->receiver = wg_le32(g, 8);
		return true;
	case WG_COOKIE:
		w->receiver = wg_le32(g, 4);
		return g->len == WG_COOKIE_LEN;
	case WG_DATA:
		if (g->len < WG_DATA_HDR + WG_TAG_LEN || !msg_has(g, 8, 8))
			return false;
		w->receiver = wg_le32(g, 4);
		w->counter = (uint64_t)wg_le32(g, 12) << 32 | wg_le32(g, 8);
		w->data_len = g->len - WG_DATA_HDR;
		return true;
	}
	return false;
}

const char *proto_wireguard_type_name(uint8_t type)
{
	static const char *const names[] = { "initiation", "response", "cookie-reply", "data" };

	return type >= WG_INITIATION && type <= WG_DATA ? names[type - WG_INITIATION] : NULL;
}

/* ---- the --decode-more text ------------------------------------------------------------------ */

/*
 * tcpdump 4.99 prints "UDP, length N" and no more; --decode-more adds the
 * message: ": WireGuard handshake initiation, sender 0x11223344", "...
 * transport data, receiver 0x55667788, counter 42, length 48".
 */
bool proto_wireguard_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct proto_wireguard w;
	struct msg g;

	if (!msg_udp_undecoded(x, &g) || !proto_wireguard_read(&g, &w))
		return true;
	switch (w.type) {
	case WG_INITIATION:
		msg_printf(b, ": WireGuard handshake initiation, sender 0x%08x", w.sender);
		break;
	case WG_RESPONSE:
		msg_printf(b, ": WireGuard handshake response, sender 0x%08x, receiver 0x%08x",
			   w.sender, w.receiver);
		break;
	case WG_COOKIE:
		msg_printf(b, ": WireGuard cookie reply, receiver 0x%08x", w.receiver);
		break;
	default:
		msg_printf(b, ": WireGuard %s, receiver 0x%08x, counter %llu, length %u",
			   w.data_len == WG_TAG_LEN ? "keepalive" : "transport data", w.receiver,
			   (unsigned long long)w.counter, w.data_len);
		break;
	}
	return true;
}
