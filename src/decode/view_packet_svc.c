/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_svc.c: the JSON of the services and security layers, one function a protocol. */
#include "config.h"

#include <string.h>

#include "decode/names.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_bootp.h"
#include "decode/proto_dhcp6.h"
#include "decode/proto_ntp.h"
#include "decode/proto_ptp.h"
#include "decode/proto_tls.h"
#include "decode/view_packet_svc.h"

/* A NUL-terminated string at off within n bytes: its length, or -1 when cut or unterminated. */
static long svc_strlen(const struct msg *a, size_t off, size_t n)
{
	for (size_t i = 0; i < n && off + i < a->cap; i++)
		if (!a->p[off + i])
			return (long)i;
	return -1;
}

static void put_tftp(struct fmt_details *fd, const struct pkt_tftp *t, const struct msg *a)
{
	const char *op = t->has_opcode ? proto_tftp_op_name(t->opcode) : NULL;
	size_t off = 2;
	long n;

	fmt_details_object_begin(fd, "tftp");
	fmt_details_u64(fd, "len", a->len);
	if (t->has_opcode) {
		fmt_details_u64(fd, "opcode", t->opcode);
		if (op)
			fmt_details_str(fd, "op", op);
	}
	switch (op ? t->opcode : 0) {
	case 1: /* RRQ */
	case 2: /* WRQ */
		n = svc_strlen(a, off, a->len - off);
		if (n < 0)
			break;
		fmt_details_str_len(fd, "file", a->p + off, (size_t)n);
		off += (size_t)n + 1;
		n = svc_strlen(a, off, a->len - off);
		if (n >= 0)
			fmt_details_str_len(fd, "mode", a->p + off, (size_t)n);
		break;
	case 3: /* DATA */
	case 4: /* ACK */
		if (t->has_num)
			fmt_details_u64(fd, "block", t->num);
		break;
	case 5: /* ERROR */
		if (!t->has_num)
			break;
		fmt_details_u64(fd, "error_code", t->num);
		if (proto_tftp_error_name(t->num))
			fmt_details_str(fd, "error", proto_tftp_error_name(t->num));
		n = svc_strlen(a, 4, a->len - 4);
		if (n >= 0)
			fmt_details_str_len(fd, "message", a->p + 4, (size_t)n);
		break;
	}
	fmt_details_object_end(fd);
}

/* n bytes at off in hex, when all were captured. */
static void put_hex(struct fmt_details *fd, const char *key, const struct msg *a, size_t off,
		    size_t n)
{
	char hex[2 * 1024 + 1];
	struct pbuf b;

	if (n > 1024 || !msg_has(a, off, n))
		return;
	pbuf_init(&b, hex, sizeof(hex));
	pbuf_hex_bytes(&b, a->p + off, n);
	pbuf_finish(&b, sizeof(hex));
	fmt_details_str(fd, key, hex);
}

static void put_ip4(struct fmt_details *fd, const char *key, const struct msg *a, size_t off)
{
	char buf[16];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	pbuf_ip4(&b, a->p + off);
	pbuf_finish(&b, sizeof(buf));
	fmt_details_str(fd, key, buf);
}

/* The fixed header, then each option of the vendor area with its tag, name and bytes. */
static void put_bootp(struct fmt_details *fd, const struct pkt_bootp *bp, const struct msg *a)
{
	static const char *const addrs[] = { "ciaddr", "yiaddr", "siaddr", "giaddr" };
	size_t off;

	fmt_details_object_begin(fd, "bootp");
	fmt_details_u64(fd, "len", a->len);
	if (bp->has_op)
		fmt_details_u64(fd, "op", bp->op);
	if (bp->dhcp_type) {
		fmt_details_u64(fd, "dhcp_type", bp->dhcp_type);
		if (proto_bootp_msg_name(bp->dhcp_type))
			fmt_details_str(fd, "dhcp_msg", proto_bootp_msg_name(bp->dhcp_type));
	}
	if (!msg_has(a, 0, BOOTP_VEND)) {
		fmt_details_bool(fd, "header_truncated", true);
		fmt_details_object_end(fd);
		return;
	}
	fmt_details_u64(fd, "htype", msg_u8(a, BOOTP_HTYPE));
	fmt_details_u64(fd, "hlen", msg_u8(a, BOOTP_HLEN));
	fmt_details_u64(fd, "hops", msg_u8(a, BOOTP_HOPS));
	fmt_details_u64(fd, "xid", msg_u32(a, BOOTP_XID));
	fmt_details_u64(fd, "secs", msg_u16(a, BOOTP_SECS));
	fmt_details_u64(fd, "flags", msg_u16(a, BOOTP_FLAGS));
	for (unsigned i = 0; i < 4; i++)
		put_ip4(fd, addrs[i], a, BOOTP_CIADDR + 4 * i);
	put_hex(fd, "chaddr", a, BOOTP_CHADDR,
		msg_u8(a, BOOTP_HLEN) <= 16 ? msg_u8(a, BOOTP_HLEN) : 16);
	if (svc_strlen(a, BOOTP_SNAME, 64) > 0)
		fmt_details_str_len(fd, "sname", a->p + BOOTP_SNAME,
				    (size_t)svc_strlen(a, BOOTP_SNAME, 64));
	if (svc_strlen(a, BOOTP_FILE, 128) > 0)
		fmt_details_str_len(fd, "file", a->p + BOOTP_FILE,
				    (size_t)svc_strlen(a, BOOTP_FILE, 128));
	if (!msg_has(a, BOOTP_VEND, 4) || memcmp(a->p + BOOTP_VEND, "\x63\x82\x53\x63", 4)) {
		fmt_details_object_end(fd);
		return;
	}
	fmt_details_array_begin(fd, "options");
	for (off = BOOTP_VEND + 4; off < a->cap;) {
		uint8_t tag = msg_u8(a, off++), len;
		const char *name = proto_bootp_tag(tag);

		if (tag == BOOTP_TAG_PAD)
			continue;
		if (tag == BOOTP_TAG_END || !msg_has(a, off, 1))
			break;
		len = msg_u8(a, off++);
		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "tag", tag);
		if (name)
			fmt_details_str(fd, "name", name + 1);
		fmt_details_u64(fd, "len", len);
		if (msg_has(a, off, len))
			put_hex(fd, "data", a, off, len);
		else
			fmt_details_bool(fd, "truncated", true);
		fmt_details_object_end(fd);
		off += len;
	}
	fmt_details_array_end(fd);
	fmt_details_object_end(fd);
}

static void put_ip6(struct fmt_details *fd, const char *key, const struct msg *a, size_t off)
{
	char buf[48];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	pbuf_ip6(&b, a->p + off);
	pbuf_finish(&b, sizeof(buf));
	fmt_details_str(fd, key, buf);
}

/* The message type and ID (a relay's hop count and addresses), and the top-level options. */
static void put_dhcp6(struct fmt_details *fd, const struct pkt_dhcp6 *d, const struct msg *a)
{
	size_t off = 4, end = a->cap < a->len ? a->cap : a->len;

	fmt_details_object_begin(fd, "dhcp6");
	fmt_details_u64(fd, "len", a->len);
	if (!d->has_type) {
		fmt_details_object_end(fd);
		return;
	}
	fmt_details_u64(fd, "msg_type", d->msg_type);
	if (proto_dhcp6_msg_name(d->msg_type))
		fmt_details_str(fd, "msg", proto_dhcp6_msg_name(d->msg_type));
	if (d->msg_type == 12 || d->msg_type == 13) {
		if (!msg_has(a, 0, 34)) {
			fmt_details_object_end(fd);
			return;
		}
		fmt_details_u64(fd, "hop_count", msg_u8(a, 1));
		put_ip6(fd, "link_addr", a, 2);
		put_ip6(fd, "peer_addr", a, 18);
		off = 34;
	} else {
		fmt_details_u64(fd, "xid", d->xid);
	}
	fmt_details_array_begin(fd, "options");
	while (off + 4 <= end) {
		uint16_t code = msg_u16(a, off), len = msg_u16(a, off + 2);

		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "code", code);
		if (proto_dhcp6_opt_name(code))
			fmt_details_str(fd, "name", proto_dhcp6_opt_name(code));
		fmt_details_u64(fd, "len", len);
		if (msg_has(a, off + 4, len) && off + 4 + len <= end)
			put_hex(fd, "data", a, off + 4, len);
		else
			fmt_details_bool(fd, "truncated", true);
		fmt_details_object_end(fd);
		off += 4u + len;
	}
	fmt_details_array_end(fd);
	fmt_details_object_end(fd);
}

/* A 16.16 fixed-point value in seconds. */
static double ntp_short(const struct msg *a, size_t off)
{
	return msg_u16(a, off) + msg_u16(a, off + 2) / 65536.0;
}

/* The header's fields; a time message's timestamps as the raw 64-bit NTP values (32.32 since 1900). */
static void put_ntp(struct fmt_details *fd, const struct pkt_ntp *n, const struct msg *a)
{
	static const char *const stamps[] = { "ref_ts", "org_ts", "rec_ts", "xmt_ts" };
	static const char *const ctrl[] = { "sequence", "status", "assoc", "offset", "count" };

	fmt_details_object_begin(fd, "ntp");
	fmt_details_u64(fd, "len", a->len);
	if (!n->has_header) {
		fmt_details_object_end(fd);
		return;
	}
	fmt_details_u64(fd, "leap", n->leap);
	fmt_details_u64(fd, "version", n->version);
	fmt_details_u64(fd, "mode", n->mode);
	fmt_details_str(fd, "mode_name", proto_ntp_mode_name(n->mode));
	if (n->mode == 6) {
		if (a->len >= 12 && msg_has(a, 0, 12)) {
			uint8_t c = msg_u8(a, 1);

			fmt_details_bool(fd, "response", c & 0x80);
			fmt_details_bool(fd, "error", c & 0x40);
			fmt_details_bool(fd, "more", c & 0x20);
			fmt_details_u64(fd, "opcode", c & 0x1f);
			for (unsigned i = 0; i < 5; i++)
				fmt_details_u64(fd, ctrl[i], msg_u16(a, 2 + 2 * i));
		}
		fmt_details_object_end(fd);
		return;
	}
	fmt_details_u64(fd, "stratum", n->stratum);
	fmt_details_s64(fd, "poll", n->poll);
	if (a->len >= 48 && msg_has(a, 0, 48)) {
		fmt_details_s64(fd, "precision", (int8_t)msg_u8(a, 3));
		fmt_details_double(fd, "root_delay", ntp_short(a, 4));
		fmt_details_double(fd, "root_dispersion", ntp_short(a, 8));
		if (n->stratum == 1)
			fmt_details_str_len(fd, "refid", a->p + 12,
					    svc_strlen(a, 12, 4) >= 0 ? (size_t)svc_strlen(a, 12, 4) : 4);
		else
			put_hex(fd, "refid", a, 12, 4);
		for (unsigned i = 0; i < 4; i++)
			fmt_details_u64(fd, stamps[i],
					(uint64_t)msg_u32(a, 16 + 8 * i) << 32 | msg_u32(a, 20 + 8 * i));
	}
	fmt_details_object_end(fd);
}

/* The common header, and a timestamp's seconds and nanoseconds where the type has one. */
static void put_ptp(struct fmt_details *fd, const struct pkt_ptp *t, const struct msg *a)
{
	fmt_details_object_begin(fd, "ptp");
	fmt_details_u64(fd, "len", a->len);
	if (t->has_header) {
		fmt_details_u64(fd, "msg_type", t->msg_type);
		if (proto_ptp_msg_name(t->msg_type))
			fmt_details_str(fd, "msg", proto_ptp_msg_name(t->msg_type));
		fmt_details_u64(fd, "version", t->version);
	}
	if (a->len >= 34 && msg_has(a, 0, 34)) {
		fmt_details_u64(fd, "domain", msg_u8(a, 4));
		fmt_details_u64(fd, "flags", msg_u16(a, 6));
		fmt_details_s64(fd, "correction", (int64_t)((uint64_t)msg_u32(a, 8) << 32 |
							     msg_u32(a, 12)));
		put_hex(fd, "clock_id", a, 20, 8);
		fmt_details_u64(fd, "port", msg_u16(a, 28));
		fmt_details_u64(fd, "seq", msg_u16(a, 30));
		fmt_details_u64(fd, "control", msg_u8(a, 32));
		fmt_details_s64(fd, "log_interval", (int8_t)msg_u8(a, 33));
		if (t->msg_type != 0xc && t->msg_type != 0xd && t->msg_type <= 0xb &&
		    msg_has(a, 34, 10)) {
			fmt_details_u64(fd, "ts_sec",
					(uint64_t)msg_u16(a, 34) << 32 | msg_u32(a, 36));
			fmt_details_u64(fd, "ts_nsec", msg_u32(a, 40));
		}
	}
	fmt_details_object_end(fd);
}

/* ESP's or AH's SPI and sequence number; AH's next header and ICV length too. */
static void put_ipsec(struct fmt_details *fd, const char *key, const struct pkt_ipsec *s)
{
	fmt_details_object_begin(fd, key);
	fmt_details_u64(fd, "spi", s->spi);
	fmt_details_u64(fd, "seq", s->seq);
	if (s->ah) {
		fmt_details_u64(fd, "next", s->next);
		fmt_details_u64(fd, "icv_len", s->icv_len);
	}
	fmt_details_object_end(fd);
}

/*
 * HTTP, SIP, SSH: the message's first line, when it is printable text ending
 * in LF or CR-LF within the capture (a request, status or banner line, or a
 * body's continuation: JSON does not judge which).
 */
static void put_text(struct fmt_details *fd, const char *key, const struct msg *a)
{
	size_t end = a->cap < a->len ? a->cap : a->len, i;

	fmt_details_object_begin(fd, key);
	fmt_details_u64(fd, "len", a->len);
	for (i = 0; i < end; i++) {
		uint8_t c = msg_u8(a, i);

		if (c == '\n' || (c == '\r' && i + 1 < end && msg_u8(a, i + 1) == '\n')) {
			fmt_details_str_len(fd, "first_line", a->p, i);
			break;
		}
		if ((c < 0x20 && c != '\t') || c >= 0x7f)
			break;
	}
	fmt_details_object_end(fd);
}

/* The segment's first record: always in JSON, whatever --decode-more says for text. */
static void put_tls(struct fmt_details *fd, const struct pkt_tls *t, const struct msg *a)
{
	fmt_details_object_begin(fd, "tls");
	fmt_details_u64(fd, "len", a->len);
	fmt_details_bool(fd, "record_start", t->has_record);
	if (t->has_record) {
		fmt_details_u64(fd, "content_type", t->content_type);
		if (proto_tls_content_name(t->content_type))
			fmt_details_str(fd, "content", proto_tls_content_name(t->content_type));
		fmt_details_u64(fd, "version", t->version);
		if (proto_tls_version_name(t->version))
			fmt_details_str(fd, "version_name", proto_tls_version_name(t->version));
		fmt_details_u64(fd, "record_len", t->record_len);
	}
	if (t->has_handshake) {
		fmt_details_u64(fd, "handshake_type", t->handshake_type);
		if (proto_tls_handshake_name(t->handshake_type))
			fmt_details_str(fd, "handshake", proto_tls_handshake_name(t->handshake_type));
	}
	if (t->has_sni && msg_has(a, t->sni_off, t->sni_len))
		fmt_details_str_len(fd, "sni", a->p + t->sni_off, t->sni_len);
	fmt_details_object_end(fd);
}

void view_packet_svc(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	const struct pkt_level *l = &m->l[ly->level < 2 ? ly->level : 1];
	struct msg a;

	(void)msg_at(&a, m, data, ly);
	switch (ly->proto) {
	case PKT_PROTO_TFTP:
		put_tftp(fd, &l->tftp, &a);
		break;
	case PKT_PROTO_BOOTP:
		put_bootp(fd, &l->bootp, &a);
		break;
	case PKT_PROTO_DHCP6:
		put_dhcp6(fd, &l->dhcp6, &a);
		break;
	case PKT_PROTO_NTP:
		put_ntp(fd, &l->ntp, &a);
		break;
	case PKT_PROTO_PTP:
		put_ptp(fd, &l->ptp, &a);
		break;
	case PKT_PROTO_ESP:
		put_ipsec(fd, "esp", &l->esp);
		break;
	case PKT_PROTO_AH:
		put_ipsec(fd, "ah", &l->ah);
		break;
	case PKT_PROTO_HTTP:
	case PKT_PROTO_SIP:
	case PKT_PROTO_SSH:
	case PKT_PROTO_FTP:
	case PKT_PROTO_SMTP:
	case PKT_PROTO_WHOIS:
	case PKT_PROTO_RTSP:
		put_text(fd, names_layer(ly->proto), &a);
		break;
	case PKT_PROTO_TLS:
		put_tls(fd, &l->tls, &a);
		break;
	}
}
