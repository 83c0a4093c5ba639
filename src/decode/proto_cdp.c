/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_cdp.c: the Cisco Discovery Protocol (SNAP OUI 00-00-0c, pid 0x2000)
 * as tcpdump 4.99 prints it.  It reads with the OSI printers' readers
 * (proto_osi.h), which end the line with " [|cdp]" where the capture ends,
 * as tcpdump's do.
 */
#include "config.h"

#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_osi.h"

#define CDP_HDR_LEN 4
#define CDP_TLV_LEN 4

int proto_cdp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_CDP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok cdp_caps[] = {
	{ 0x01, "Router" },
	{ 0x02, "Transparent Bridge" },
	{ 0x04, "Source Route Bridge" },
	{ 0x08, "L2 Switch" },
	{ 0x10, "L3 capable" },
	{ 0x20, "IGMP snooping" },
	{ 0x40, "L1 capable" },
	{ 0, NULL },
};

enum cdp_value {
	CDP_NONE,    /* named, nothing printed */
	CDP_STRING,  /* 'text' */
	CDP_ADDR,    /* addresses */
	CDP_CAP,     /* capability bits */
	CDP_VERSION, /* lines of text */
	CDP_PREFIXES,
	CDP_U16,
	CDP_DUPLEX,
	CDP_ATA186,
	CDP_POWER,
	CDP_MTU,
	CDP_U8X,
	CDP_PHYS_LOC,
};

/* tcpdump's table of TLVs: name, value printer, shown without -v, length bounds (0: none). */
struct cdp_tlv_info {
	const char *name;
	enum cdp_value value;
	bool brief;
	uint16_t min, max;
};

static const struct cdp_tlv_info cdp_tlvs[] = {
	[0x01] = { "Device-ID", CDP_STRING, true, 0, 0 },
	[0x02] = { "Address", CDP_ADDR, false, 0, 0 },
	[0x03] = { "Port-ID", CDP_STRING, false, 0, 0 },
	[0x04] = { "Capability", CDP_CAP, false, 4, 4 },
	[0x05] = { "Version String", CDP_VERSION, false, 0, 0 },
	[0x06] = { "Platform", CDP_STRING, false, 0, 0 },
	[0x07] = { "Prefixes", CDP_PREFIXES, false, 0, 0 },
	[0x08] = { "Protocol-Hello option", CDP_NONE, false, 0, 0 },
	[0x09] = { "VTP Management Domain", CDP_STRING, false, 0, 0 },
	[0x0a] = { "Native VLAN ID", CDP_U16, false, 2, 2 },
	[0x0b] = { "Duplex", CDP_DUPLEX, false, 1, 1 },
	[0x0e] = { "ATA-186 VoIP VLAN assignment", CDP_ATA186, false, 3, 3 },
	[0x0f] = { "ATA-186 VoIP VLAN request", CDP_ATA186, false, 2, 3 },
	[0x10] = { "power consumption", CDP_POWER, false, 1, 3 },
	[0x11] = { "MTU", CDP_MTU, false, 4, 4 },
	[0x12] = { "AVVID trust bitmap", CDP_U8X, false, 1, 1 },
	[0x13] = { "AVVID untrusted ports CoS", CDP_U8X, false, 1, 1 },
	[0x14] = { "System Name", CDP_STRING, false, 0, 0 },
	[0x15] = { "System Object ID (not decoded)", CDP_NONE, false, 0, 0 },
	[0x16] = { "Management Addresses", CDP_ADDR, false, 4, 0 },
	[0x17] = { "Physical Location", CDP_PHYS_LOC, false, 1, 0 },
};

#define CDP_TLV_MAX (sizeof(cdp_tlvs) / sizeof(cdp_tlvs[0]))

/* nd_printjn: n bytes as text, NULs too. */
static void put_textn(struct osi *s, size_t t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		msg_put_char(s->b, osi_u8(s, t + i));
}

/* The address TLVs: a count, then protocol type, protocol, and address of each. */
static void put_addrs(struct osi *s, size_t p, unsigned l)
{
	static const uint8_t llc_ipv6[8] = { 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd };
	uint32_t num;

	if (l < 4) {
		pbuf_puts(s->b, " (not enough space for num)");
		goto invalid;
	}
	num = osi_u32(s, p);
	p += 4;
	l -= 4;
	while (num) {
		unsigned pt, pl, al;

		if (l < 2) {
			pbuf_puts(s->b, " (not enough space for PT+PL)");
			goto invalid;
		}
		pt = osi_u8(s, p);
		pl = osi_u8(s, p + 1);
		p += 2;
		l -= 2;
		if (l < pl + 2) {
			pbuf_puts(s->b, " (not enough space for P+AL)");
			goto invalid;
		}
		al = osi_u16(s, p + pl);
		if (pt == 1 && pl == 1 && osi_u8(s, p) == 0xcc && al == 4) {
			p += pl + 2;
			l -= pl + 2;
			if (l < al) {
				pbuf_puts(s->b, " (not enough space for A)");
				goto invalid;
			}
			osi_need(s, p, 4);
			msg_printf(s->b, "IPv4 (%u) ", num);
			pbuf_ip4(s->b, s->g.p + p);
			p += al;
			l -= al;
		} else if (pt == 2 && pl == 8 && osi_has(s, p, 8) &&
			   !memcmp(s->g.p + p, llc_ipv6, 8) && al == 16) {
			p += pl + 2;
			l -= pl + 2;
			if (l < al) {
				pbuf_puts(s->b, " (not enough space for A)");
				goto invalid;
			}
			osi_need(s, p, 16);
			msg_printf(s->b, "IPv6 (%u) ", num);
			pbuf_ip6(s->b, s->g.p + p);
			p += al;
			l -= al;
		} else {
			msg_printf(s->b, "pt=0x%02x, pl=%u, pb=", pt, pl);
			for (; pl; pl--, p++, l--)
				msg_printf(s->b, " %02x", osi_u8(s, p));
			msg_printf(s->b, ", al=%u, a=", al);
			p += 2;
			l -= 2;
			if (l < al) {
				pbuf_puts(s->b, " (not enough space for A)");
				goto invalid;
			}
			for (; al; al--, p++, l--)
				msg_printf(s->b, " %02x", osi_u8(s, p));
		}
		num--;
		if (num)
			pbuf_putc(s->b, ' ');
	}
	if (l)
		msg_printf(s->b, " (%u bytes of stray data)", l);
	return;
invalid:
	osi_need(s, p, l);
}

static void put_value(struct osi *s, enum cdp_value v, size_t t, unsigned len)
{
	uint32_t u;

	switch (v) {
	case CDP_NONE:
		osi_need(s, t, len);
		break;
	case CDP_STRING:
		pbuf_putc(s->b, '\'');
		put_textn(s, t, len);
		pbuf_putc(s->b, '\'');
		break;
	case CDP_ADDR:
		put_addrs(s, t, len);
		break;
	case CDP_CAP:
		u = osi_u32(s, t);
		msg_printf(s->b, "(0x%08x): ", u);
		msg_bits_put(s->b, cdp_caps, "none", u, ", ");
		break;
	case CDP_VERSION:
		pbuf_puts(s->b, "\n\t  ");
		for (unsigned i = 0; i < len; i++) {
			uint8_t c = osi_u8(s, t + i);

			if (c == '\n')
				pbuf_puts(s->b, "\n\t  ");
			else
				msg_put_char(s->b, c);
		}
		break;
	case CDP_PREFIXES:
		if (len % 5) {
			msg_printf(s->b, " [length %u is not a multiple of 5]", len);
			osi_need(s, t, len);
			break;
		}
		msg_printf(s->b, " IPv4 Prefixes (%u):", len / 5);
		for (; len > 0; len -= 5, t += 5) {
			osi_need(s, t, 5);
			msg_printf(s->b, " %u.%u.%u.%u/%u", s->g.p[t], s->g.p[t + 1], s->g.p[t + 2],
				   s->g.p[t + 3], s->g.p[t + 4]);
		}
		break;
	case CDP_U16:
		pbuf_u32(s->b, osi_u16(s, t));
		break;
	case CDP_DUPLEX:
		pbuf_puts(s->b, osi_u8(s, t) ? "full" : "half");
		break;
	case CDP_ATA186:
		if (len == 2)
			msg_printf(s->b, "unknown 0x%04x", osi_u16(s, t));
		else
			msg_printf(s->b, "app %u, vlan %u", osi_u8(s, t), osi_u16(s, t + 1));
		break;
	case CDP_POWER:
		u = len == 1 ? osi_u8(s, t) :
		    len == 2 ? osi_u16(s, t) :
		    len == 3 ? osi_u24(s, t) :
			       0;
		msg_printf(s->b, "%1.2fW", u / 1000.0);
		break;
	case CDP_MTU:
		msg_printf(s->b, "%u bytes", osi_u32(s, t));
		break;
	case CDP_U8X:
		msg_printf(s->b, "0x%02x", osi_u8(s, t));
		break;
	case CDP_PHYS_LOC:
		msg_printf(s->b, "0x%02x", osi_u8(s, t));
		if (len > 1) {
			pbuf_putc(s->b, '/');
			put_textn(s, t + 1, len - 1);
		}
		break;
	}
}

/* tcpdump's invalid: the mark, and the rest must have been captured. */
static void put_invalid(struct osi *s, size_t t, uint32_t length)
{
	pbuf_puts(s->b, " (invalid)");
	osi_need(s, t, length);
}

static void print_cdp(struct osi *s)
{
	uint32_t length = s->g.len, orig = s->g.len;
	size_t t = CDP_HDR_LEN;
	uint16_t cksum;

	if (length < CDP_HDR_LEN) {
		msg_printf(s->b, " (packet length %u < %u)", length, CDP_HDR_LEN);
		put_invalid(s, 0, length);
		return;
	}
	msg_printf(s->b, "CDPv%u, ttl: %us", osi_u8(s, 0), osi_u8(s, 1));
	cksum = osi_u16(s, 2);
	if (s->v)
		msg_printf(s->b, ", checksum: 0x%04x (unverified), length %u", cksum, orig);
	length -= CDP_HDR_LEN;
	while (length) {
		const struct cdp_tlv_info *info;
		const char *name;
		unsigned type, len;
		bool covered = false;

		if (length < CDP_TLV_LEN) {
			msg_printf(s->b, " (remaining packet length %u < %u)", length, CDP_TLV_LEN);
			put_invalid(s, t, length);
			return;
		}
		type = osi_u16(s, t);
		len = osi_u16(s, t + 2);
		info = type < CDP_TLV_MAX ? &cdp_tlvs[type] : NULL;
		name = info && info->name ? info->name : "unknown field type";
		if (len < CDP_TLV_LEN) {
			if (s->v)
				msg_printf(s->b,
					   "\n\t%s (0x%02x), TLV length: %u byte%s (too short)",
					   name, type, len, len == 1 ? "" : "s");
			else
				msg_printf(s->b, ", %s TLV length %u too short", name, len);
			put_invalid(s, t, length);
			return;
		}
		if (len > length) {
			msg_printf(s->b, " (TLV length %u > %u)", len, length);
			put_invalid(s, t, length);
			return;
		}
		t += CDP_TLV_LEN;
		length -= CDP_TLV_LEN;
		len -= CDP_TLV_LEN;
		if (s->v)
			msg_printf(s->b, "\n\t%s (0x%02x), value length: %u byte%s: ", name, type,
				   len, len == 1 ? "" : "s");
		else if (info && info->brief)
			msg_printf(s->b, ", %s ", name);
		if (info) {
			if ((info->min && len < info->min) || (info->max && len > info->max)) {
				pbuf_puts(s->b, " (malformed TLV)");
			} else if (s->v || info->brief) {
				put_value(s, info->value, t, len);
				covered = true;
			}
		}
		/* tcpdump 4.99 dumps what it did not print, -v or not */
		if (!covered) {
			osi_need(s, t, len);
			osi_unknown(s, t, "\n\t  ", len);
		}
		t += len;
		length -= len;
	}
	if (!s->v)
		msg_printf(s->b, ", length %u", orig);
}

bool proto_cdp_print(struct line *x)
{
	struct osi s = { .b = &x->b, .v = line_verbosity(x), .e = x->o->link, .proto = "cdp" };

	msg_of(&s.g, x);
	if (setjmp(s.trunc)) {
		msg_trunc_put(s.b, "cdp");
		return true;
	}
	print_cdp(&s);
	return true;
}
