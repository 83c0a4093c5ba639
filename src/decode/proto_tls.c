/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_tls.c: TLS records (RFC 8446 5.1) and a ClientHello's server name: dissector and --decode-more text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_tls.h"

#define TLS_REC_HDR 5
#define TLS_HS_HDR  4

/*
 * The server name of a ClientHello (RFC 8446 4.1.2, RFC 6066 3) whose body
 * starts at off: its offset and length in the segment, or false.  Every
 * length is checked against what was captured.
 */
static bool tls_sni(const uint8_t *p, size_t n, size_t off, uint16_t *name_off, uint16_t *name_len)
{
	size_t end;

	off += 2 + 32; /* legacy_version, random */
	if (off >= n)
		return false;
	off += 1u + p[off]; /* session ID */
	if (off + 2 > n)
		return false;
	off += 2u + (size_t)(p[off] << 8 | p[off + 1]); /* cipher suites */
	if (off >= n)
		return false;
	off += 1u + p[off]; /* compression methods */
	if (off + 2 > n)
		return false;
	end = off + 2 + (size_t)(p[off] << 8 | p[off + 1]);
	off += 2;
	if (end > n)
		end = n;
	while (off + 4 <= end) {
		uint16_t type = (uint16_t)(p[off] << 8 | p[off + 1]);
		size_t len = (size_t)(p[off + 2] << 8 | p[off + 3]);

		off += 4;
		if (type == 0 && len >= 5 && off + 5 <= end && p[off + 2] == 0) {
			size_t nlen = (size_t)(p[off + 3] << 8 | p[off + 4]);

			if (off + 5 + nlen > end || off + 5 > UINT16_MAX)
				return false;
			*name_off = (uint16_t)(off + 5);
			*name_len = (uint16_t)nlen;
			return true;
		}
		off += len;
	}
	return false;
}

/*
 * The first record of the segment: content type, version and length; of a
 * handshake record, the message type, and a ClientHello's server name.  A
 * segment that does not start a record (the middle of a long one) keeps
 * has_record false.
 */
int proto_tls_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_tls *t = &l->tls;
	const uint8_t *p = c->p;
	size_t n = pkt_left(c);

	l->app = PKT_PROTO_TLS;
	*t = (struct pkt_tls){ 0 };
	if (n < TLS_REC_HDR || p[0] < 20 || p[0] > 24 || p[1] != 3)
		return PKT_PROTO_NONE;
	t->has_record = true;
	t->content_type = p[0];
	t->version = (uint16_t)(p[1] << 8 | p[2]);
	t->record_len = (uint16_t)(p[3] << 8 | p[4]);
	if (t->content_type == 22 && n > TLS_REC_HDR) {
		t->has_handshake = true;
		t->handshake_type = p[TLS_REC_HDR];
		if (t->handshake_type == 1)
			t->has_sni = tls_sni(p, n, TLS_REC_HDR + TLS_HS_HDR, &t->sni_off, &t->sni_len);
	}
	return PKT_PROTO_NONE;
}

/* ---- names and the --decode-more text -------------------------------------------------------- */

const char *proto_tls_content_name(uint8_t type)
{
	static const char *const names[] = { "change_cipher_spec", "alert", "handshake",
					     "application_data", "heartbeat" };

	return type >= 20 && type <= 24 ? names[type - 20] : NULL;
}

const char *proto_tls_handshake_name(uint8_t type)
{
	switch (type) {
	case 1: return "client_hello";
	case 2: return "server_hello";
	case 4: return "new_session_ticket";
	case 8: return "encrypted_extensions";
	case 11: return "certificate";
	case 12: return "server_key_exchange";
	case 13: return "certificate_request";
	case 14: return "server_hello_done";
	case 15: return "certificate_verify";
	case 16: return "client_key_exchange";
	case 20: return "finished";
	}
	return NULL;
}

const char *proto_tls_version_name(uint16_t version)
{
	switch (version) {
	case 0x0300: return "SSL 3.0";
	case 0x0301: return "TLS 1.0";
	case 0x0302: return "TLS 1.1";
	case 0x0303: return "TLS 1.2";
	case 0x0304: return "TLS 1.3";
	}
	return NULL;
}

/*
 * tcpdump 4.99 prints nothing past the TCP header on port 443: the text
 * stays its own unless --decode-more asks for ": TLS 1.2 handshake
 * client_hello, SNI example.test".
 */
bool proto_tls_print(struct line *x)
{
	const struct pkt_tls *t = &line_level(x)->tls;
	struct pbuf *b = &x->b;
	struct msg a;

	if (!x->o->decode_more || !t->has_record)
		return true;
	msg_of(&a, x);
	pbuf_puts(b, ": ");
	if (proto_tls_version_name(t->version)) {
		pbuf_puts(b, proto_tls_version_name(t->version));
	} else {
		pbuf_puts(b, "TLS version 0x");
		pbuf_hex(b, t->version, 4);
	}
	pbuf_putc(b, ' ');
	msg_name_or(b, proto_tls_content_name(t->content_type), "type ", t->content_type);
	if (t->has_handshake) {
		pbuf_putc(b, ' ');
		msg_name_or(b, proto_tls_handshake_name(t->handshake_type), "type ",
			    t->handshake_type);
	}
	pbuf_puts(b, ", length ");
	pbuf_u32(b, t->record_len);
	if (t->has_sni && msg_has(&a, t->sni_off, t->sni_len)) {
		pbuf_puts(b, ", SNI ");
		msg_printjn(b, &a, t->sni_off, t->sni_len);
	}
	return true;
}
