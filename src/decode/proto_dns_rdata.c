/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dns_rdata.c: DNS records as tcpdump prints them: types, classes, TTLs, EDNS0, each type's data. */
#include "config.h"

#include "decode/line.h"
#include "decode/names.h"
#include "decode/proto.h"
#include "decode/proto_dns_print.h"
#include "decode/proto_msg.h"

enum {
	EDNS_NSID = 3,
	EDNS_DAU = 5,
	EDNS_DHU = 6,
	EDNS_N3U = 7,
	EDNS_ECS = 8,
	EDNS_EXPIRE = 9,
	EDNS_COOKIE = 10,
	EDNS_KEEPALIVE = 11,
	EDNS_PADDING = 12,
	EDNS_CHAIN = 13,
	EDNS_KEYTAG = 14,
};

void dns_print_type(struct pbuf *b, uint16_t type)
{
	const char *s = names_dns_type(type);

	if (s) {
		pbuf_puts(b, s);
		return;
	}
	pbuf_puts(b, "Type");
	pbuf_u32(b, type);
}

void dns_print_class(struct pbuf *b, uint16_t cls)
{
	const char *s = names_dns_class(cls);

	if (s) {
		pbuf_puts(b, s);
		return;
	}
	pbuf_puts(b, "(Class ");
	pbuf_u32(b, cls);
	pbuf_putc(b, ')');
}

/* tcpdump's unsigned_relts_print: "1w2d1h2m5s", "0s". */
void dns_print_ttl(struct pbuf *b, uint32_t secs)
{
	static const char units[] = "ywdhms";
	static const uint32_t size[] = { 31536000, 604800, 86400, 3600, 60, 1 };

	if (!secs) {
		pbuf_puts(b, "0s");
		return;
	}
	for (unsigned k = 0; secs; k++) {
		if (secs >= size[k]) {
			pbuf_u32(b, secs / size[k]);
			pbuf_putc(b, units[k]);
			secs %= size[k];
		}
	}
}

/* n bytes from off as characters; false when the capture ends first. */
static bool dns_print_chars(struct dns_print *p, size_t off, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (!dns_has(p->d, off + k, 1))
			return false;
		msg_put_char(p->b, p->d->p[off + k]);
	}
	return true;
}

static void dns_print_invalid(struct pbuf *b)
{
	pbuf_puts(b, " (invalid)");
}

/* EDNS client subnet (RFC 7871): "192.0.2.0/24/0". */
static void dns_print_ecs(struct pbuf *b, const uint8_t *q, size_t n)
{
	uint8_t addr[16] = { 0 };
	unsigned family, src, scope, bits;

	if (n < 4) {
		dns_print_invalid(b);
		return;
	}
	family = pkt_be16(q);
	src = q[2];
	scope = q[3];
	bits = family == 1 ? 32 : family == 2 ? 128 : 0;
	if (!bits || n - 4 > bits / 8 || src > bits || scope > bits || (src + 7) / 8 != n - 4) {
		dns_print_invalid(b);
		return;
	}
	memcpy(addr, q + 4, n - 4);
	if (family == 1)
		pbuf_ip4(b, addr);
	else
		pbuf_ip6(b, addr);
	pbuf_putc(b, '/');
	pbuf_u32(b, src);
	pbuf_putc(b, '/');
	pbuf_u32(b, scope);
}

/* The DAU, DHU and N3U lists of algorithm numbers (RFC 6975). */
static void dns_print_algs(struct pbuf *b, uint16_t code, const uint8_t *q, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *s = names_dns_edns_alg(code, q[k]);

		if (k)
			pbuf_putc(b, ' ');
		if (s) {
			pbuf_puts(b, s);
		} else {
			pbuf_puts(b, "Alg_");
			pbuf_u32(b, q[k]);
		}
	}
}

/* One EDNS option at off: "COOKIE 0001020304050607"; the offset after it, or DNS_FAIL. */
static size_t dns_print_edns_opt(struct dns_print *p, size_t off)
{
	struct pbuf *b = p->b;
	const char *name;
	const uint8_t *q;
	uint16_t code;
	size_t n;

	if (!dns_has(p->d, off, 2))
		return DNS_FAIL;
	code = dns_u16(p->d, off);
	name = names_dns_edns_opt(code);
	if (name) {
		pbuf_puts(b, name);
	} else {
		pbuf_puts(b, "Opt");
		pbuf_u32(b, code);
	}
	if (!dns_has(p->d, off + 2, 2))
		return DNS_FAIL;
	n = dns_u16(p->d, off + 2);
	off += 4;
	if (!dns_has(p->d, off, n))
		return DNS_FAIL;
	if (!n)
		return off;
	q = p->d->p + off;
	pbuf_putc(b, ' ');
	switch (code) {
	case EDNS_ECS:
		dns_print_ecs(b, q, n);
		break;
	case EDNS_COOKIE:
		if (n < 8 || (n > 8 && n < 16) || n > 40) {
			dns_print_invalid(b);
			break;
		}
		pbuf_hex_bytes(b, q, 8);
		if (n > 8) {
			pbuf_putc(b, ' ');
			pbuf_hex_bytes(b, q + 8, n - 8);
		}
		break;
	case EDNS_KEEPALIVE:
		if (n != 2) {
			dns_print_invalid(b);
			break;
		}
		/* in units of 100 ms, as seconds with one decimal */
		pbuf_u32(b, pkt_be16(q) / 10u);
		pbuf_putc(b, '.');
		pbuf_u32(b, pkt_be16(q) % 10u);
		pbuf_puts(b, " sec");
		break;
	case EDNS_EXPIRE:
		if (n != 4) {
			dns_print_invalid(b);
			break;
		}
		pbuf_u32(b, pkt_be32(q));
		pbuf_puts(b, " sec");
		break;
	case EDNS_PADDING:
		pbuf_putc(b, '(');
		pbuf_u32(b, (uint32_t)n);
		pbuf_putc(b, ')');
		break;
	case EDNS_KEYTAG:
		if (n % 2) {
			dns_print_invalid(b);
			break;
		}
		for (size_t k = 0; k < n; k += 2) {
			if (k)
				pbuf_putc(b, ' ');
			pbuf_u32(b, pkt_be16(q + k));
		}
		break;
	case EDNS_DAU:
	case EDNS_DHU:
	case EDNS_N3U:
		dns_print_algs(b, code, q, n);
		break;
	case EDNS_CHAIN:
		/* the closest trust point: a name, its outcome ignored as tcpdump does */
		dns_name_print(b, p->d, off);
		break;
	default: /* NSID and the rest: bytes */
		pbuf_hex_bytes(b, q, n);
		break;
	}
	return off + n;
}

/* The OPT pseudo-record's data (RFC 6891 6.1.2): " UDPsize=1232 DO [NSID,...]". */
size_t dns_print_opt(struct dns_print *p, size_t off, size_t rp, uint16_t cls,
			    uint16_t flags)
{
	struct pbuf *b = p->b;

	pbuf_puts(b, " UDPsize=");
	pbuf_u32(b, cls);
	if (flags & 0x8000)
		pbuf_puts(b, " DO");
	if (off >= rp)
		return rp;
	pbuf_puts(b, " [");
	while (off < rp) {
		off = dns_print_edns_opt(p, off);
		if (off == DNS_FAIL)
			return DNS_FAIL;
		if (off < rp)
			pbuf_putc(b, ',');
	}
	pbuf_putc(b, ']');
	return rp;
}

/* " 1 10 https://x.test/" */
static bool dns_print_uri(struct dns_print *p, size_t off, size_t len)
{
	struct pbuf *b = p->b;

	if (!dns_has(p->d, off, len) || !dns_has(p->d, off, 4))
		return false;
	pbuf_putc(b, ' ');
	pbuf_u32(b, dns_u16(p->d, off));
	pbuf_putc(b, ' ');
	pbuf_u32(b, dns_u16(p->d, off + 2));
	pbuf_putc(b, ' ');
	/* a length under 4 reads on to the end of the capture, then stops: as tcpdump */
	return dns_print_chars(p, off + 4, len >= 4 ? len - 4 : SIZE_MAX / 2);
}

/* A6 (RFC 2874): prefix length, address suffix, prefix name. */
static bool dns_print_a6(struct dns_print *p, size_t off)
{
	struct pbuf *b = p->b;
	uint8_t a[16] = { 0 };
	unsigned pbit, pbyte;

	if (!dns_has(p->d, off, 1))
		return false;
	pbit = p->d->p[off];
	pbyte = (pbit & ~7u) / 8;
	if (pbit > 128) {
		pbuf_putc(b, ' ');
		pbuf_u32(b, pbit);
		pbuf_puts(b, "(bad plen)");
		return true;
	}
	if (pbit < 128) {
		if (!dns_has(p->d, off + 1, 16 - pbyte))
			return false;
		memcpy(a + pbyte, p->d->p + off + 1, 16 - pbyte);
		pbuf_putc(b, ' ');
		pbuf_u32(b, pbit);
		pbuf_putc(b, ' ');
		pbuf_ip6(b, a);
	}
	if (pbit > 0) {
		pbuf_putc(b, ' ');
		if (dns_name_print(b, p->d, off + 1 + 16 - pbyte) == DNS_FAIL)
			return false;
	}
	return true;
}

/* TSIG (RFC 8945) with -v: algorithm, fudge, MAC length, original ID, error, other length. */
static bool dns_print_tsig(struct dns_print *p, size_t off)
{
	static const char *const words[] = { " fudge=", " maclen=", " origid=", " error=",
					     " otherlen=" };
	struct pbuf *b = p->b;

	pbuf_putc(b, ' ');
	off = dns_name_print(b, p->d, off);
	if (off == DNS_FAIL)
		return false;
	off += 6; /* time signed */
	for (unsigned k = 0; k < 5; k++) {
		uint16_t v;

		if (!dns_has(p->d, off, 2))
			return false;
		v = dns_u16(p->d, off);
		pbuf_puts(b, words[k]);
		pbuf_u32(b, v);
		off += 2;
		if (k == 1)
			off += v; /* the MAC */
	}
	return true;
}

/* The data of a record of type typ, all of it captured (off to rp); false: cut. */
bool dns_print_rdata(struct dns_print *p, uint16_t typ, size_t off, size_t len)
{
	const struct dns_msg *d = p->d;
	struct pbuf *b = p->b;
	size_t rp = off + len;

	switch (typ) {
	case DNS_T_A:
		if (!dns_has(d, off, 4))
			return false;
		pbuf_putc(b, ' ');
		pbuf_ip4(b, d->p + off);
		return true;
	case DNS_T_NS:
	case DNS_T_CNAME:
	case DNS_T_PTR:
	case DNS_T_DNAME:
		pbuf_putc(b, ' ');
		return dns_name_print(b, d, off) != DNS_FAIL;
	case DNS_T_SOA:
		if (!p->v)
			return true;
		pbuf_putc(b, ' ');
		off = dns_name_print(b, d, off);
		if (off == DNS_FAIL)
			return false;
		pbuf_putc(b, ' ');
		off = dns_name_print(b, d, off);
		if (off == DNS_FAIL || !dns_has(d, off, 20))
			return false;
		for (unsigned k = 0; k < 5; k++) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, dns_u32(d, off + 4 * k));
		}
		return true;
	case DNS_T_MX:
		pbuf_putc(b, ' ');
		if (!dns_has(d, off, 2) || dns_name_print(b, d, off + 2) == DNS_FAIL)
			return false;
		pbuf_putc(b, ' ');
		pbuf_u32(b, dns_u16(d, off));
		return true;
	case DNS_T_TXT:
		while (off < rp) {
			uint8_t n;

			pbuf_puts(b, " \"");
			if (!dns_has(d, off, 1))
				return false;
			n = d->p[off++];
			if (!dns_print_chars(p, off, n))
				return false;
			off += n;
			pbuf_putc(b, '"');
		}
		return true;
	case DNS_T_SRV:
		pbuf_putc(b, ' ');
		if (!dns_has(d, off, 6) || dns_name_print(b, d, off + 6) == DNS_FAIL)
			return false;
		pbuf_putc(b, ':');
		pbuf_u32(b, dns_u16(d, off + 4));
		pbuf_putc(b, ' ');
		pbuf_u32(b, dns_u16(d, off));
		pbuf_putc(b, ' ');
		pbuf_u32(b, dns_u16(d, off + 2));
		return true;
	case DNS_T_AAAA:
		if (!dns_has(d, off, 16))
			return false;
		pbuf_putc(b, ' ');
		pbuf_ip6(b, d->p + off);
		return true;
	case DNS_T_A6:
		return dns_print_a6(p, off);
	case DNS_T_URI:
		return dns_print_uri(p, off, len);
	case DNS_T_UNSPECA: /* one long string */
		return dns_print_chars(p, off, len);
	case DNS_T_TSIG:
		return !p->v || dns_print_tsig(p, off);
	default:
		return true;
	}
}

/*
 * One resource record at off, as tcpdump's ns_rprint: its name with -v, its
 * class when not IN, its TTL with -vvv, its type and data.  Returns the
 * offset after it, DNS_FAIL when it was cut (the line ends "[|domain]"), or
 * the end of the capture when not even its fixed part was captured.
 */
