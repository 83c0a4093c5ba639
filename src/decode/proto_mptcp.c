/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_mptcp.c: the Multipath TCP option (RFC 8684, kind 30), printed as tcpdump 4.99 does. */
#include "config.h"

#include "decode/pkt.h"
#include "decode/pkt_meta.h"
#include "decode/proto_mptcp.h"

enum {
	MP_CAPABLE,
	MP_JOIN,
	MP_DSS,
	MP_ADD_ADDR,
	MP_REMOVE_ADDR,
	MP_PRIO,
	MP_FAIL,
	MP_FASTCLOSE,
	MP_UNKNOWN, /* tcpdump 4.99 names no subtype past fast-close (MP_TCPRST is 8) */
};

static const char *const mp_names[] = {
	"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "unknown",
};

static uint64_t be64(const uint8_t *p)
{
	return (uint64_t)pkt_be32(p) << 32 | pkt_be32(p + 4);
}

/* MP_CAPABLE (3.1): on a SYN 4 or 12 bytes, on the third ACK 20 or 22. */
static bool mp_capable(struct pbuf *b, const uint8_t *o, size_t len, uint16_t flags)
{
	unsigned version = o[2] & 0xf;

	if (!((len == 12 || len == 4) && (flags & PKT_TCP_SYN)) &&
	    !((len == 20 || len == 22) && (flags & (PKT_TCP_SYN | PKT_TCP_ACK)) == PKT_TCP_ACK))
		return false;
	if (version > 1) {
		pbuf_puts(b, " Unknown Version (");
		pbuf_u32(b, version);
		pbuf_putc(b, ')');
		return true;
	}
	pbuf_puts(b, " v");
	pbuf_u32(b, version);
	if (o[3] & 0x80)
		pbuf_puts(b, " csum");
	if (len == 12 || len >= 20) {
		pbuf_puts(b, " {0x");
		pbuf_hex64(b, o + 4);
		if (len >= 20) {
			pbuf_puts(b, ",0x");
			pbuf_hex64(b, o + 12);
		}
		pbuf_putc(b, '}');
	}
	return true;
}

/* MP_JOIN (3.2): SYN 12 bytes, SYN/ACK 16, ACK 24. */
static bool mp_join(struct pbuf *b, const uint8_t *o, size_t len, uint16_t flags)
{
	if (!(len == 12 && (flags & PKT_TCP_SYN)) &&
	    !(len == 16 && (flags & (PKT_TCP_SYN | PKT_TCP_ACK)) == (PKT_TCP_SYN | PKT_TCP_ACK)) &&
	    !(len == 24 && (flags & PKT_TCP_ACK)))
		return false;
	if (len != 24) {
		if (o[2] & 1)
			pbuf_puts(b, " backup");
		pbuf_puts(b, " id ");
		pbuf_u32(b, o[3]);
	}
	if (len == 12) {
		pbuf_puts(b, " token 0x");
		pbuf_hex(b, pkt_be32(o + 4), 1);
		pbuf_puts(b, " nonce 0x");
		pbuf_hex(b, pkt_be32(o + 8), 1);
	} else if (len == 16) {
		pbuf_puts(b, " hmac 0x");
		pbuf_hex64(b, o + 4);
		pbuf_puts(b, " nonce 0x");
		pbuf_hex(b, pkt_be32(o + 12), 1);
	} else {
		pbuf_puts(b, " hmac 0x");
		pbuf_hex_bytes(b, o + 4, 20);
	}
	return true;
}

/* A 4- or 8-byte number, as the flag says; false when the option ends first. */
static bool dss_num(struct pbuf *b, const uint8_t **p, size_t *left, bool wide)
{
	size_t n = wide ? 8 : 4;

	if (*left < n)
		return false;
	if (wide)
		pbuf_u64(b, be64(*p));
	else
		pbuf_u32(b, pkt_be32(*p));
	*p += n;
	*left -= n;
	return true;
}

/* DSS (3.3): flags F m M a A, then the data ACK and the mapping, as present. */
static bool mp_dss(struct pbuf *b, const uint8_t *o, size_t len, uint16_t flags)
{
	const uint8_t *p = o + 4;
	size_t left;
	uint8_t f;

	if (len < 4 || (flags & PKT_TCP_SYN))
		return false;
	f = o[3];
	left = len - 4;
	if (f & 0x10)
		pbuf_puts(b, " fin");
	if (f & 0x01) {
		pbuf_puts(b, " ack ");
		if (!dss_num(b, &p, &left, f & 0x02))
			return false;
	}
	if (f & 0x04) {
		pbuf_puts(b, " seq ");
		if (!dss_num(b, &p, &left, f & 0x08))
			return false;
		if (left < 4)
			return false;
		pbuf_puts(b, " subseq ");
		pbuf_u32(b, pkt_be32(p));
		p += 4;
		left -= 4;
		if (left < 2)
			return false;
		pbuf_puts(b, " len ");
		pbuf_u32(b, pkt_be16(p));
		p += 2;
		left -= 2;
		/* the checksum, when negotiated */
		if (left >= 2) {
			pbuf_puts(b, " csum 0x");
			pbuf_hex(b, pkt_be16(p), 1);
			left -= 2;
		}
	}
	return left == 0;
}

/* ADD_ADDR (3.4.1): IPv4 or IPv6 by length, with a port and an HMAC as the length says. */
static bool mp_add_addr(struct pbuf *b, const uint8_t *o, size_t len)
{
	static const char *const echo[16] = { [0] = "v1", [1] = "v1-echo", [4] = "v0-ip4",
					      [6] = "v0-ip6" };
	const char *name = echo[o[2] & 0xf];
	bool v6 = len >= 20, port = len == 10 || len == 18 || len == 22 || len == 30;
	size_t alen = v6 ? 16 : 4;

	if (!(len == 8 || len == 10 || len == 16 || len == 18 || len == 20 || len == 22 ||
	      len == 28 || len == 30))
		return false;
	pbuf_putc(b, ' ');
	pbuf_puts(b, name ? name : "[bad version/echo]");
	pbuf_puts(b, " id ");
	pbuf_u32(b, o[3]);
	pbuf_putc(b, ' ');
	if (v6)
		pbuf_ip6(b, o + 4);
	else
		pbuf_ip4(b, o + 4);
	if (port) {
		pbuf_putc(b, ':');
		pbuf_u32(b, pkt_be16(o + 4 + alen));
	}
	if (len == 16 || len == 18 || len == 28 || len == 30) {
		pbuf_puts(b, " hmac 0x");
		pbuf_hex64(b, o + 4 + alen + (port ? 2 : 0));
	}
	return true;
}

bool proto_mptcp_print(struct pbuf *b, const uint8_t *o, size_t len, uint16_t flags)
{
	unsigned sub;

	if (len < 3)
		return false;
	sub = o[2] >> 4;
	if (sub > MP_UNKNOWN)
		sub = MP_UNKNOWN;
	pbuf_putc(b, ' ');
	pbuf_u32(b, (uint32_t)len);
	pbuf_putc(b, ' ');
	pbuf_puts(b, mp_names[sub]);
	switch (sub) {
	case MP_CAPABLE:
		return mp_capable(b, o, len, flags);
	case MP_JOIN:
		return mp_join(b, o, len, flags);
	case MP_DSS:
		return mp_dss(b, o, len, flags);
	case MP_ADD_ADDR:
		return mp_add_addr(b, o, len);
	case MP_REMOVE_ADDR:
		if (len < 4)
			return false;
		pbuf_puts(b, " id");
		for (size_t i = 3; i < len; i++) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, o[i]);
		}
		return true;
	case MP_PRIO:
		if (len != 3 && len != 4)
			return false;
		pbuf_puts(b, o[2] & 1 ? " backup" : " non-backup");
		if (len == 4) {
			pbuf_puts(b, " id ");
			pbuf_u32(b, o[3]);
		}
		return true;
	case MP_FAIL:
	case MP_FASTCLOSE:
		if (len != 12)
			return false;
		if (sub == MP_FAIL) {
			pbuf_puts(b, " seq ");
			pbuf_u64(b, be64(o + 4));
		} else {
			pbuf_puts(b, " key 0x");
			pbuf_hex64(b, o + 4);
		}
		return true;
	default:
		return true;
	}
}
