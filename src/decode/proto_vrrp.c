/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vrrp.c: VRRP versions 2 and 3 (RFC 3768, 5798; IP protocol 112): dissector and printer. */
#include "config.h"

#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define VRRP_HDR_LEN  8
#define VRRP_CSUM_OFF 6

/*
 * RFC 5798 section 5.1:
 *
 * |Version| Type  | Virtual Rtr ID|   Priority    |Count IPvX Addr|
 * |(rsvd) |     Max Adver Int     |          Checksum             |
 * |                       IPvX Address(es)                        |
 *
 * Version 2 has an authentication type and an interval in seconds where
 * version 3 has the interval in centiseconds, and a checksum without the IP
 * pseudo-header.  The printer and the JSON read the message again; the
 * version 3 checksum is verified here with the transports' when asked.
 */
int proto_vrrp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	const uint8_t *p = pkt_peek(c, 1);

	l->trans = PKT_PROTO_VRRP;
	if (p && *p >> 4 == 3 && pkt_peek(c, VRRP_HDR_LEN)) {
		struct pkt_cursor whole = *c;

		pkt_skip(&whole, pkt_left(&whole));
		l4csum_verify(m, c->p, &whole, 112, VRRP_CSUM_OFF);
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static bool sum_ok(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s == 0xffff;
}

bool proto_vrrp_print(struct line *x)
{
	const struct pkt_level *l = line_level(x);
	struct pbuf *b = &x->b;
	unsigned ttl = l->net == PKT_PROTO_IPV4 ? l->ip4.ttl : l->ip6.hlim;
	uint8_t version, type, auth = 0, naddrs;
	struct msg g;
	size_t off;

	line_addrs(x, false, 0, 0);
	if (!msg_of(&g, x) || !msg_has(&g, 0, 1))
		return msg_trunc(x, "vrrp");
	version = msg_u8(&g, 0) >> 4;
	type = msg_u8(&g, 0) & 0x0f;
	msg_printf(b, "VRRPv%u, ", version);
	if (type == 1)
		pbuf_puts(b, "Advertisement");
	else
		msg_printf(b, "unknown type (%u)", type);
	if (ttl != 255)
		msg_printf(b, ", (ttl %u)", ttl);
	if (version < 2 || version > 3 || type != 1)
		return true;
	if (!msg_has(&g, 1, 2))
		return msg_trunc(x, "vrrp");
	msg_printf(b, ", vrid %u, prio %u", msg_u8(&g, 1), msg_u8(&g, 2));
	if (!msg_has(&g, 4, 2))
		return msg_trunc(x, "vrrp");
	if (version == 2) {
		static const char *const auths[] = { "none", "simple", "ah" };

		auth = msg_u8(&g, 4);
		pbuf_puts(b, ", authtype ");
		if (auth < 3)
			pbuf_puts(b, auths[auth]);
		else
			msg_printf(b, "#%u", auth);
		msg_printf(b, ", intvl %us, length %u", msg_u8(&g, 5), g.len);
	} else {
		msg_printf(b, ", intvl %ucs, length %u", (msg_u8(&g, 4) & 0x0f) << 8 | msg_u8(&g, 5),
			   g.len);
	}
	if (!line_verbosity(x))
		return true;
	if (!msg_has(&g, 3, 1))
		return msg_trunc(x, "vrrp");
	naddrs = msg_u8(&g, 3);
	if (g.cap == g.len) {
		/* v3's sum (pseudo-header included) of a message too short to hold it is taken as bad */
		bool bad = version == 2 ? !sum_ok(g.p, g.len)
					: g.len < VRRP_HDR_LEN || l->csum == PKT_CSUM_BAD;

		/* a message shorter than its checksum field: tcpdump's read of it is cut */
		if (bad && !msg_has(&g, 6, 2))
			return msg_trunc(x, "vrrp");
		if (bad)
			msg_printf(b, ", (bad vrrp cksum %x)", msg_u16(&g, 6));
	}
	pbuf_puts(b, ", addrs");
	if (naddrs > 1)
		msg_printf(b, "(%u)", naddrs);
	pbuf_putc(b, ':');
	off = VRRP_HDR_LEN;
	for (unsigned i = 0; i < naddrs; i++) {
		/* tcpdump takes the addresses' family from the IP version, whatever VRRP's */
		bool v6 = l->net == PKT_PROTO_IPV6;

		if (!msg_has(&g, off, v6 ? 16 : 4))
			return msg_trunc(x, "vrrp");
		pbuf_putc(b, i ? ',' : ' ');
		if (v6)
			pbuf_ip6(b, g.p + off);
		else
			pbuf_ip4(b, g.p + off);
		off += v6 ? 16 : 4;
	}
	if (version == 2 && auth == 1) {
		pbuf_puts(b, " auth \"");
		if (!msg_printjnp(b, &g, off, 8))
			return msg_trunc(x, "vrrp");
		pbuf_putc(b, '"');
	}
	return true;
}
