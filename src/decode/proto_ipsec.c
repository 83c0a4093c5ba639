/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipsec.c: the IPsec headers, ESP (RFC 4303) and AH (RFC 4302): dissectors and tcpdump's text. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define ESP_HDR_LEN 8
#define AH_FIXED    12 /* next header, length, reserved, SPI, sequence number */

/*
 * RFC 4303 2: the SPI and sequence number; the rest is encrypted, and sniff
 * holds no keys.
 */
int proto_esp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ipsec *s = &l->esp;

	l->trans = PKT_PROTO_ESP;
	*s = (struct pkt_ipsec){ 0 };
	if (!pkt_get_be32(c, &s->spi) || !pkt_get_be32(c, &s->seq))
		return proto_short(m, ESP_HDR_LEN);
	return PKT_PROTO_NONE;
}

/*
 * RFC 4302 2: next header, payload length in 32-bit words minus 2, SPI,
 * sequence number and the ICV; what follows is the next header's, at the
 * same level (the IP addresses are still the packet's).
 */
int proto_ah_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ipsec *s = &l->ah;
	uint8_t len8;
	size_t len;

	*s = (struct pkt_ipsec){ .ah = true };
	if (!pkt_get_u8(c, &s->next) || !pkt_get_u8(c, &len8) || !pkt_skip(c, 2) ||
	    !pkt_get_be32(c, &s->spi) || !pkt_get_be32(c, &s->seq))
		return proto_short(m, AH_FIXED);
	len = ((size_t)len8 + 2) * 4;
	s->icv_len = (uint16_t)(len - 8); /* tcpdump's sumlen: from the sequence number on */
	if (len < AH_FIXED || !pkt_skip(c, len - AH_FIXED))
		return proto_short(m, len);
	return dispatch_lookup(l->net == PKT_PROTO_IPV6 ? DISPATCH_IPV6 : DISPATCH_IPV4, s->next);
}

/* ---- printers: tcpdump's text ---------------------------------------------------------------- */

bool proto_esp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_ipsec *s = &line_level(x)->esp;
	struct pbuf *b = &x->b;

	line_addrs(x, false, 0, 0);
	/* tcpdump wants a byte past the header, or calls the packet cut */
	if (ly->truncated || ly->invalid || ly->wire_len <= ESP_HDR_LEN ||
	    x->m->caplen <= ly->off + ESP_HDR_LEN) {
		pbuf_putc(b, ' ');
		return line_trunc(x, "esp");
	}
	pbuf_puts(b, "ESP(spi=0x");
	pbuf_hex(b, s->spi, 8);
	pbuf_puts(b, ",seq=0x");
	pbuf_hex(b, s->seq, 1);
	pbuf_puts(b, "), length ");
	pbuf_u32(b, ly->wire_len);
	return true;
}

/*
 * tcpdump 4.99's "AH(length=4(24-bytes),spi=0x00000001,seq=0x2,icv=0x...): ",
 * each field printed once read, the ICV byte by byte; false when cut.
 */
static bool ah_print_fields(struct pbuf *b, const struct msg *a, unsigned v)
{
	size_t len;

	/* tcpdump names the header once its first byte is there */
	if (!msg_has(a, 0, 1))
		return false;
	pbuf_puts(b, "AH");
	if (!msg_has(a, 0, 2))
		return false;
	len = ((size_t)msg_u8(a, 1) + 2) * 4;
	pbuf_putc(b, '(');
	if (v) {
		pbuf_puts(b, "length=");
		pbuf_u32(b, msg_u8(a, 1));
		pbuf_putc(b, '(');
		pbuf_u32(b, (uint32_t)len);
		pbuf_puts(b, "-bytes),");
	}
	if (!msg_has(a, 4, 4))
		return false;
	pbuf_puts(b, "spi=0x");
	pbuf_hex(b, msg_u32(a, 4), 8);
	pbuf_putc(b, ',');
	if (!msg_has(a, 8, 4))
		return false;
	pbuf_puts(b, "seq=0x");
	pbuf_hex(b, msg_u32(a, 8), 1);
	pbuf_puts(b, ",icv=0x");
	for (size_t i = AH_FIXED; i < len; i++) {
		if (!msg_has(a, i, 1))
			return false;
		pbuf_hex(b, msg_u8(a, i), 2);
	}
	pbuf_puts(b, "): ");
	return true;
}

bool proto_ah_print(struct line *x)
{
	const struct pkt_ipsec *s = &line_level(x)->ah;
	struct pbuf *b = &x->b;
	struct msg a;

	line_addrs(x, false, 0, 0);
	msg_of(&a, x);
	if (!ah_print_fields(b, &a, line_verbosity(x))) {
		pbuf_putc(b, ' ');
		return line_trunc(x, "ah");
	}
	/* the addresses are named once: what follows prints its ports only, as tcpdump */
	x->ports_only = true;
	if (line_more(x))
		return false;
	line_ip_payload(x, s->next);
	return true;
}
