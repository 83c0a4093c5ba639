/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_loopback.c: Ethernet configuration testing protocol (loopback, ethertype 0x9000). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * Ethernet v2.0 section 8 (as Cisco keepalives use it): a little-endian
 * skip count, that many bytes, then little-endian function codes: reply (1)
 * with a receipt number, forward data (2) with an address.  The printer
 * reads it again.
 */
int proto_loopback_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_LOOPBACK;
	return PKT_PROTO_NONE;
}

static uint16_t le16(const struct msg *g, size_t off)
{
	return (uint16_t)(g->p[off] | g->p[off + 1] << 8);
}

bool proto_loopback_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	size_t off = 0, len;
	uint16_t skip, fn;

	pbuf_puts(b, "Loopback");
	if (!msg_of(&g, x))
		return msg_trunc(x, "loopback");
	len = g.len;
	if (len < 2)
		goto invalid;
	if (!msg_has(&g, off, 2))
		return msg_trunc(x, "loopback");
	skip = le16(&g, off);
	off += 2;
	len -= 2;
	msg_printf(b, ", skipCount %u", skip);
	if (skip % 8)
		pbuf_puts(b, " (bogus)");
	if (skip > len)
		goto invalid;
	off += skip;
	len -= skip;
	if (len < 2)
		goto invalid;
	if (!msg_has(&g, off, 2))
		return msg_trunc(x, "loopback");
	fn = le16(&g, off);
	off += 2;
	len -= 2;
	if (fn == 1)
		pbuf_puts(b, ", Reply");
	else if (fn == 2)
		pbuf_puts(b, ", Forward Data");
	else
		msg_printf(b, ",  invalid (%u)", fn);
	if (fn == 1) {
		if (len < 2)
			goto invalid;
		if (!msg_has(&g, off, 2))
			return msg_trunc(x, "loopback");
		msg_printf(b, ", receipt number %u", le16(&g, off));
		off += 2;
		len -= 2;
		msg_printf(b, ", data (%u octets)", (unsigned)len);
	} else if (fn == 2) {
		if (len < 6)
			goto invalid;
		if (!msg_has(&g, off, 6))
			return msg_trunc(x, "loopback");
		pbuf_puts(b, ", forwarding address ");
		pbuf_mac(b, g.p + off);
		off += 6;
		len -= 6;
		msg_printf(b, ", data (%u octets)", (unsigned)len);
	}
	if (!msg_has(&g, off, len))
		return msg_trunc(x, "loopback");
	return true;
invalid:
	pbuf_puts(b, " (invalid)");
	if (g.cap < g.len)
		return msg_trunc(x, "loopback");
	return true;
}
