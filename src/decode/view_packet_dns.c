/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_dns.c: a DNS message's JSON: header, questions, records, EDNS. */
#include "config.h"

#include <stdio.h>

#include "decode/names.h"
#include "decode/proto_dns.h"
#include "decode/view_packet_dns.h"

/* A name in presentation format: 255 wire bytes, each \DDD at worst. */
#define DNS_TEXT_MAX 1100

struct dns_json {
	struct fmt_details *fd;
	const struct dns_msg *d;
	bool mdns;
};

static void put_type(struct fmt_details *fd, const char *key, uint16_t type)
{
	const char *s = names_dns_type(type);
	char buf[16];

	if (!s) {
		snprintf(buf, sizeof(buf), "TYPE%u", type); /* RFC 3597 */
		s = buf;
	}
	fmt_details_str(fd, key, s);
}

static void put_class(struct fmt_details *fd, uint16_t cls)
{
	const char *s = names_dns_class(cls);
	char buf[16];

	if (!s) {
		snprintf(buf, sizeof(buf), "CLASS%u", cls);
		s = buf;
	}
	fmt_details_str(fd, "class", s);
}

/* A name that could not be read whole is left out; false then. */
static bool put_name(struct dns_json *j, const char *key, size_t off, size_t *next)
{
	char buf[DNS_TEXT_MAX];
	size_t end = dns_name_text(j->d, off, buf, sizeof(buf));

	if (end == DNS_FAIL)
		return false;
	fmt_details_str(j->fd, key, buf);
	if (next)
		*next = end;
	return true;
}

/* RFC 3597's generic form: "\# 4 0a000001". */
static void data_generic(struct pbuf *b, const struct dns_msg *d, size_t off, size_t len)
{
	pbuf_puts(b, "\\# ");
	pbuf_u32(b, (uint32_t)len);
	if (len) {
		pbuf_putc(b, ' ');
		pbuf_hex_bytes(b, d->p + off, len);
	}
}

/* A name inside record data, then a space when more follows; false when unreadable. */
static bool data_name(struct pbuf *b, const struct dns_msg *d, size_t *off)
{
	char buf[DNS_TEXT_MAX];
	size_t end = dns_name_text(d, *off, buf, sizeof(buf));

	if (end == DNS_FAIL)
		return false;
	pbuf_puts(b, buf);
	*off = end;
	return true;
}

/* TXT: each string quoted, '"' and '\' escaped, other bytes outside ASCII print as \DDD. */
static bool data_txt(struct pbuf *b, const struct dns_msg *d, size_t off, size_t end)
{
	while (off < end) {
		uint8_t n = d->p[off++];

		if (off + n > end)
			return false;
		if (b->n)
			pbuf_putc(b, ' ');
		pbuf_putc(b, '"');
		for (size_t k = 0; k < n; k++) {
			uint8_t c = d->p[off + k];

			if (c == '"' || c == '\\') {
				pbuf_putc(b, '\\');
				pbuf_putc(b, (char)c);
			} else if (c >= 0x20 && c < 0x7f) {
				pbuf_putc(b, (char)c);
			} else {
				pbuf_putc(b, '\\');
				pbuf_putc(b, (char)('0' + c / 100));
				pbuf_putc(b, (char)('0' + c / 10 % 10));
				pbuf_putc(b, (char)('0' + c % 10));
			}
		}
		pbuf_putc(b, '"');
		off += n;
	}
	return true;
}

/* The data of a record, all captured, in presentation format; false: use the generic form. */
static bool data_text(struct pbuf *b, const struct dns_msg *d, uint16_t type, size_t off,
		      size_t len)
{
	size_t end = off + len;

	switch (type) {
	case DNS_T_A:
		if (len != 4)
			return false;
		pbuf_ip4(b, d->p + off);
		return true;
	case DNS_T_AAAA:
		if (len != 16)
			return false;
		pbuf_ip6(b, d->p + off);
		return true;
	case DNS_T_NS:
	case DNS_T_CNAME:
	case DNS_T_PTR:
	case DNS_T_DNAME:
		return data_name(b, d, &off) && off <= end;
	case DNS_T_MX:
		if (len < 3)
			return false;
		pbuf_u32(b, dns_u16(d, off));
		pbuf_putc(b, ' ');
		off += 2;
		return data_name(b, d, &off) && off <= end;
	case DNS_T_SRV:
		if (len < 7)
			return false;
		for (unsigned k = 0; k < 3; k++) {
			pbuf_u32(b, dns_u16(d, off + 2 * k));
			pbuf_putc(b, ' ');
		}
		off += 6;
		return data_name(b, d, &off) && off <= end;
	case DNS_T_SOA:
		if (!data_name(b, d, &off))
			return false;
		pbuf_putc(b, ' ');
		if (!data_name(b, d, &off) || off + 20 != end)
			return false;
		for (unsigned k = 0; k < 5; k++) {
			pbuf_putc(b, ' ');
			pbuf_u32(b, dns_u32(d, off + 4 * k));
		}
		return true;
	case DNS_T_TXT:
		return data_txt(b, d, off, end);
	default:
		return false;
	}
}

static void put_data(struct fmt_details *fd, const struct dns_msg *d, uint16_t type, size_t off,
		     size_t len)
{
	char buf[4096 + 64];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	if (!data_text(&b, d, type, off, len)) {
		pbuf_init(&b, buf, sizeof(buf));
		data_generic(&b, d, off, len);
	}
	/* very long data is cut where the buffer ends */
	pbuf_finish(&b, sizeof(buf));
	fmt_details_str(fd, "data", buf);
}

/* EDNS (RFC 6891 6.1.3): the OPT record's fields and its options, bytes in hex. */
static void put_edns(struct dns_json *j, size_t off, uint16_t cls, uint32_t ttl, size_t len)
{
	struct fmt_details *fd = j->fd;
	size_t end = off + len;

	fmt_details_object_begin(fd, "edns");
	fmt_details_u64(fd, "udp_size", cls);
	fmt_details_u64(fd, "ext_rcode", ttl >> 24);
	fmt_details_u64(fd, "version", ttl >> 16 & 0xff);
	fmt_details_bool(fd, "do", ttl & 0x8000);
	fmt_details_array_begin(fd, "options");
	while (off + 4 <= end) {
		uint16_t code = dns_u16(j->d, off), n = dns_u16(j->d, off + 2);
		const char *name = names_dns_edns_opt(code);
		char hex[2 * 512 + 1];
		struct pbuf b;

		off += 4;
		if (off + n > end)
			break;
		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "code", code);
		if (name)
			fmt_details_str(fd, "name", name);
		pbuf_init(&b, hex, sizeof(hex));
		pbuf_hex_bytes(&b, j->d->p + off, n);
		pbuf_finish(&b, sizeof(hex));
		fmt_details_str(fd, "data", hex);
		fmt_details_object_end(fd);
		off += n;
	}
	fmt_details_array_end(fd);
	fmt_details_object_end(fd);
}

/*
 * count records from *off into an array named key; the OPT record of the
 * additional section goes to "edns" instead (after the array).  false when
 * a record could not be read whole: the walk stops.
 */
static bool put_section(struct dns_json *j, const char *key, unsigned count, size_t *off,
			size_t *opt_at)
{
	const struct dns_msg *d = j->d;
	bool ok = true;

	fmt_details_array_begin(j->fd, key);
	for (unsigned k = 0; k < count; k++) {
		size_t at = *off, p = dns_name_skip(d, at);
		uint16_t type, raw, len;

		if (p == DNS_FAIL || !dns_has(d, p, 10)) {
			ok = false;
			break;
		}
		type = dns_u16(d, p);
		raw = dns_u16(d, p + 2);
		len = dns_u16(d, p + 8);
		if (!dns_has(d, p + 10, len)) {
			ok = false;
			break;
		}
		*off = p + 10 + len;
		if (type == DNS_T_OPT && opt_at) {
			*opt_at = at;
			continue;
		}
		fmt_details_object_begin(j->fd, NULL);
		if (!put_name(j, "name", at, NULL))
			ok = false;
		put_type(j->fd, "type", type);
		put_class(j->fd, j->mdns ? raw & 0x7fff : raw);
		if (j->mdns)
			fmt_details_bool(j->fd, "cache_flush", raw & 0x8000);
		fmt_details_u64(j->fd, "ttl", dns_u32(d, p + 4));
		put_data(j->fd, d, type, p + 10, len);
		fmt_details_object_end(j->fd);
		if (!ok)
			break;
	}
	fmt_details_array_end(j->fd);
	return ok;
}

static bool put_questions(struct dns_json *j, unsigned count, size_t *off)
{
	bool ok = true;

	fmt_details_array_begin(j->fd, "questions");
	for (unsigned k = 0; k < count; k++) {
		size_t p = dns_name_skip(j->d, *off);
		uint16_t raw;

		if (p == DNS_FAIL || !dns_has(j->d, p, 4)) {
			ok = false;
			break;
		}
		raw = dns_u16(j->d, p + 2);
		fmt_details_object_begin(j->fd, NULL);
		ok = put_name(j, "name", *off, NULL);
		put_type(j->fd, "type", dns_u16(j->d, p));
		put_class(j->fd, j->mdns ? raw & 0x7fff : raw);
		if (j->mdns)
			fmt_details_bool(j->fd, "unicast_response", raw & 0x8000);
		fmt_details_object_end(j->fd);
		*off = p + 4;
		if (!ok)
			break;
	}
	fmt_details_array_end(j->fd);
	return ok;
}

static void put_flags(struct fmt_details *fd, uint16_t flags)
{
	static const struct {
		uint16_t bit;
		const char *name;
	} names[] = {
		{ PKT_DNS_AA, "aa" }, { PKT_DNS_TC, "tc" }, { PKT_DNS_RD, "rd" }, { PKT_DNS_RA, "ra" },
		{ 0x0040, "z" },      { PKT_DNS_AD, "ad" }, { PKT_DNS_CD, "cd" },
	};

	fmt_details_array_begin(fd, "flags");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit)
			fmt_details_str(fd, NULL, names[i].name);
	fmt_details_array_end(fd);
}

void view_packet_dns(struct fmt_details *fd, const struct pkt_dns *h, bool mdns,
		     const uint8_t *data, uint32_t caplen)
{
	unsigned opcode = h->flags >> 11 & 0xf, rcode = h->flags & 0xf;
	struct dns_msg d;
	struct dns_json j = { .fd = fd, .d = &d, .mdns = mdns };
	size_t off = DNS_HDR_LEN, opt_at = DNS_FAIL;
	const char *s;
	char buf[16];
	bool ok;

	if (h->over_tcp)
		fmt_details_u64(fd, "length_prefix", h->prefix);
	fmt_details_u64(fd, "id", h->id);
	fmt_details_bool(fd, "response", h->flags & PKT_DNS_QR);
	s = names_dns_opcode(opcode);
	if (!s) {
		snprintf(buf, sizeof(buf), "op%u", opcode);
		s = buf;
	}
	fmt_details_str(fd, "opcode", s);
	put_flags(fd, h->flags);
	fmt_details_u64(fd, "qdcount", h->qdcount);
	fmt_details_u64(fd, "ancount", h->ancount);
	fmt_details_u64(fd, "nscount", h->nscount);
	fmt_details_u64(fd, "arcount", h->arcount);
	if (!dns_msg_of(&d, h, data, caplen))
		return;
	ok = put_questions(&j, h->qdcount, &off) &&
	     put_section(&j, "answers", h->ancount, &off, NULL) &&
	     put_section(&j, "authority", h->nscount, &off, NULL) &&
	     put_section(&j, "additional", h->arcount, &off, &opt_at);
	if (opt_at != DNS_FAIL) {
		size_t p = dns_name_skip(&d, opt_at);
		uint32_t ttl = dns_u32(&d, p + 4);

		rcode |= (ttl >> 24) << 4;
		put_edns(&j, p + 10, dns_u16(&d, p + 2), ttl, dns_u16(&d, p + 8));
	}
	s = names_dns_rcode(rcode);
	if (!s) {
		snprintf(buf, sizeof(buf), "rcode%u", rcode);
		s = buf;
	}
	fmt_details_str(fd, "rcode", s);
	/* a record cut by the capture or unreadable: the sections stop before it */
	if (!ok)
		fmt_details_bool(fd, "records_truncated", true);
}
