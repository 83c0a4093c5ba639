/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_osi.c: what the OSI printers (CLNP, ES-IS, IS-IS) share: NLPID names,
 * NSAPs, system ids, the Fletcher checksum, unknown bytes.  A file of its own
 * so that the printers call it and proto_isoclns.c calls the printers, no
 * call going back up.
 */
#include "config.h"

#include "decode/proto_osi.h"

const struct msg_tok osi_nlpid_names[] = {
	{ 0x00, "NULL" }, { 0x08, "Q.933" },	 { 0x09, "LMI" },    { 0x80, "SNAP" },
	{ 0x81, "CLNP" }, { 0x82, "ES-IS" },	 { 0x83, "IS-IS" },  { 0x84, "CONS" },
	{ 0x85, "IDRP" }, { 0xc1, "ISIS_SPB" },	 { 0xb1, "FRF.15" }, { 0xcc, "IPv4" },
	{ 0xcf, "PPP" },  { 0x8a, "X25 ES-IS" }, { 0x8e, "IPv6" },   { 0, NULL },
};

_Noreturn void osi_trunc(struct osi *s)
{
	longjmp(s->trunc, 1);
}

void osi_put_nsap(struct osi *s, size_t off, size_t len)
{
	/* tcpdump checks the bytes are there before it judges the length */
	osi_need(s, off, len);
	if (len < 1 || len > 20) {
		pbuf_puts(s->b, "isonsap_string: illegal length");
		return;
	}
	for (size_t i = 0; i < len; i++) {
		pbuf_hex(s->b, msg_u8(&s->g, off + i), 2);
		if (!(i & 1) && i + 1 < len)
			pbuf_putc(s->b, '.');
	}
}

void osi_put_id(struct osi *s, size_t off, size_t len)
{
	size_t sysid = len < OSI_SYSTEM_ID_LEN ? len : OSI_SYSTEM_ID_LEN;

	for (size_t i = 1; i <= sysid; i++) {
		pbuf_hex(s->b, osi_u8(s, off + i - 1), 2);
		if (i == 2 || i == 4)
			pbuf_putc(s->b, '.');
	}
	if (len >= OSI_NODE_ID_LEN) {
		pbuf_putc(s->b, '.');
		pbuf_hex(s->b, osi_u8(s, off + 6), 2);
	}
	if (len == OSI_LSP_ID_LEN) {
		pbuf_putc(s->b, '-');
		pbuf_hex(s->b, osi_u8(s, off + 7), 2);
	}
}

void osi_put_ip4(struct osi *s, size_t off)
{
	osi_need(s, off, 4);
	pbuf_ip4(s->b, s->g.p + off);
}

/* create_osi_cksum: ISO 8473-1 annex C.3, the checksum field read as zero. */
static uint16_t osi_cksum(const uint8_t *p, int cksum_off, int len)
{
	uint32_t c0 = 0, c1 = 0, mul;
	int x, y;

	for (int i = 0; i < len; i++) {
		if (i != cksum_off && i != cksum_off + 1)
			c0 += p[i];
		c1 += c0;
	}
	c0 %= 255;
	c1 %= 255;
	mul = (uint32_t)(len - cksum_off) * c0;
	x = (int)(mul - c0 - c1);
	y = (int)(c1 - mul - 1);
	if (y >= 0)
		y++;
	if (x < 0)
		x--;
	x %= 255;
	y %= 255;
	if (x == 0)
		x = 255;
	if (y == 0)
		y = 255;
	/* x may be negative here (C's % keeps the sign): its two's complement bits, as tcpdump's */
	return (uint16_t)(((unsigned)x << 8) | ((unsigned)y & 0xff));
}

void osi_put_cksum(struct osi *s, size_t off, uint16_t cksum, int cksum_off, uint32_t len)
{
	uint16_t want;

	if (!cksum || cksum_off < 0 || !osi_has(s, off + (size_t)cksum_off, 2) ||
	    (uint32_t)cksum_off > len || !osi_has(s, off, len)) {
		pbuf_puts(s->b, " (unverified)");
		return;
	}
	want = osi_cksum(s->g.p + off, cksum_off, (int)len);
	if (want == cksum) {
		pbuf_puts(s->b, " (correct)");
		return;
	}
	pbuf_puts(s->b, " (incorrect should be 0x");
	pbuf_hex(s->b, want, 4);
	pbuf_putc(s->b, ')');
}

bool osi_unknown(struct osi *s, size_t off, const char *ident, size_t len)
{
	if (off > s->g.cap) {
		pbuf_puts(s->b, ident);
		pbuf_puts(s->b, "Dissector error: print_unknown_data called with pointer past end "
				"of packet");
		return false;
	}
	if (len > s->g.cap - off)
		len = s->g.cap - off;
	msg_hex_at(s->b, &s->g, off, len, ident);
	return true;
}

void osi_put_text(struct osi *s, size_t off, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint8_t c = osi_u8(s, off + i);

		if (!c)
			break;
		msg_put_char(s->b, c);
	}
}

/* INVALID_OR_DECREMENT's complaint, and the TLV loops' about an entry longer than the TLV. */
void isis_put_invalid_len(struct osi *s, const char *what, unsigned have, unsigned want)
{
	msg_printf(s->b, " [%s %u < %u] (invalid)", what, have, want);
}
