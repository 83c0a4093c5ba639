/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_hncp.c: the Home Networking Control Protocol (RFC 7788) and its
 * DNCP TLVs (RFC 7787) on UDP 8231, as tcpdump's hncp_print: nested TLVs,
 * one a line from -v (the top level) and from the nesting depth -v counts,
 * a summary of types on one line below it.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "decode/proto.h"
#include "decode/proto_dns.h"
#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"

enum {
	DNCP_REQUEST_NETWORK_STATE = 1,
	DNCP_REQUEST_NODE_STATE = 2,
	DNCP_NODE_ENDPOINT = 3,
	DNCP_NETWORK_STATE = 4,
	DNCP_NODE_STATE = 5,
	DNCP_PEER = 8,
	DNCP_KEEP_ALIVE_INTERVAL = 9,
	DNCP_TRUST_VERDICT = 10,
	HNCP_HNCP_VERSION = 32,
	HNCP_EXTERNAL_CONNECTION = 33,
	HNCP_DELEGATED_PREFIX = 34,
	HNCP_ASSIGNED_PREFIX = 35,
	HNCP_NODE_ADDRESS = 36,
	HNCP_DHCPV4_DATA = 37, /* RFC 7788 errata 5113 */
	HNCP_DHCPV6_DATA = 38,
	HNCP_DNS_DELEGATED_ZONE = 39,
	HNCP_DOMAIN_NAME = 40,
	HNCP_NODE_NAME = 41,
	HNCP_MANAGED_PSK = 42,
	HNCP_PREFIX_POLICY = 43,
	/* the ranges of types not named, as tcpdump's type_mask */
	RANGE_DNCP_RESERVED = 0x10000,
	RANGE_HNCP_UNASSIGNED = 0x10001,
	RANGE_DNCP_PRIVATE_USE = 0x10002,
	RANGE_DNCP_FUTURE_USE = 0x10003,
};

#define HNCP_TLV_HDR	 4
#define V4MAPPED_HEADING 12

static const struct msg_tok hncp_types[] = {
	{ DNCP_REQUEST_NETWORK_STATE, "Request network state" },
	{ DNCP_REQUEST_NODE_STATE, "Request node state" },
	{ DNCP_NODE_ENDPOINT, "Node endpoint" },
	{ DNCP_NETWORK_STATE, "Network state" },
	{ DNCP_NODE_STATE, "Node state" },
	{ DNCP_PEER, "Peer" },
	{ DNCP_KEEP_ALIVE_INTERVAL, "Keep-alive interval" },
	{ DNCP_TRUST_VERDICT, "Trust-Verdict" },
	{ HNCP_HNCP_VERSION, "HNCP-Version" },
	{ HNCP_EXTERNAL_CONNECTION, "External-Connection" },
	{ HNCP_DELEGATED_PREFIX, "Delegated-Prefix" },
	{ HNCP_PREFIX_POLICY, "Prefix-Policy" },
	{ HNCP_DHCPV4_DATA, "DHCPv4-Data" },
	{ HNCP_DHCPV6_DATA, "DHCPv6-Data" },
	{ HNCP_ASSIGNED_PREFIX, "Assigned-Prefix" },
	{ HNCP_NODE_ADDRESS, "Node-Address" },
	{ HNCP_DNS_DELEGATED_ZONE, "DNS-Delegated-Zone" },
	{ HNCP_DOMAIN_NAME, "Domain-Name" },
	{ HNCP_NODE_NAME, "Node-Name" },
	{ HNCP_MANAGED_PSK, "Managed-PSK" },
	{ RANGE_DNCP_RESERVED, "Reserved" },
	{ RANGE_HNCP_UNASSIGNED, "Unassigned" },
	{ RANGE_DNCP_PRIVATE_USE, "Private use" },
	{ RANGE_DNCP_FUTURE_USE, "Future use" },
	{ 0, NULL },
};

static const struct msg_tok dh4opt_names[] = {
	{ 6, "DNS-server" }, { 42, "NTP-server" }, { 119, "DNS-search" }, { 0, NULL },
};

static const struct msg_tok dh6opt_names[] = {
	{ 23, "DNS-server" }, { 24, "DNS-search-list" }, { 31, "SNTP-servers" }, { 0, NULL },
};

int proto_hncp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_HNCP;
	return PKT_PROTO_NONE;
}

/* A TLV type's name or range, as tcpdump groups them. */
uint32_t proto_hncp_type_class(uint16_t type)
{
	uint32_t mask = type == 0			  ? RANGE_DNCP_RESERVED :
			(type >= 44 && type <= 511)	  ? RANGE_HNCP_UNASSIGNED :
			(type >= 768 && type <= 1023) ? RANGE_DNCP_PRIVATE_USE :
							  RANGE_DNCP_FUTURE_USE;

	if (type && msg_tok_find(hncp_types, type))
		mask = type;
	return mask;
}

const char *proto_hncp_type_name(uint16_t type)
{
	return msg_tok_find(hncp_types, proto_hncp_type_class(type));
}

struct hncp_ctx {
	struct line *x;
	const struct msg *g;
	unsigned v;
};

static void newline_indent(struct pbuf *b, int indent)
{
	pbuf_putc(b, '\n');
	for (int t = indent; t > 0; t--)
		pbuf_putc(b, '\t');
}

static void put_invalid(struct pbuf *b)
{
	pbuf_puts(b, " (invalid)");
}

static void put_nid(struct pbuf *b, const struct msg *g, size_t off)
{
	msg_printf(b, "%02x:%02x:%02x:%02x", msg_u8(g, off), msg_u8(g, off + 1), msg_u8(g, off + 2),
		   msg_u8(g, off + 3));
}

static void put_interval(struct pbuf *b, uint32_t n)
{
	msg_printf(b, "%u.%03us", n / 1000, n % 1000);
}

static uint64_t get_u64(const struct msg *g, size_t off)
{
	return (uint64_t)msg_u32(g, off) << 32 | msg_u32(g, off + 4);
}

static void put_256(struct pbuf *b, const struct msg *g, size_t off)
{
	for (int i = 0; i < 4; i++)
		msg_printf(b, "%016" PRIx64, get_u64(g, off + 8 * (size_t)i));
}

static bool is_v4mapped(const uint8_t *a)
{
	static const uint8_t heading[V4MAPPED_HEADING] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	return memcmp(a, heading, V4MAPPED_HEADING) == 0;
}

/* An IPv6 address, an IPv4-mapped one as IPv4. */
static void put_ip6addr(struct pbuf *b, const struct msg *g, size_t off)
{
	if (is_v4mapped(g->p + off))
		pbuf_ip4(b, g->p + off + V4MAPPED_HEADING);
	else
		pbuf_ip6(b, g->p + off);
}

/*
 * tcpdump's print_prefix over the captured body at off (max bytes): a
 * length byte and the prefix's bytes, an IPv4-mapped one as IPv4; the bytes
 * taken, or -1 (length past the family's), -2 or -3 (past max).
 */
static int put_prefix(struct pbuf *b, const struct msg *g, size_t off, unsigned max)
{
	uint8_t addr[16] = { 0 };
	unsigned plen = msg_u8(g, off), plenbytes;

	if (plen >= 96 && max >= V4MAPPED_HEADING + 1 && is_v4mapped(g->p + off + 1)) {
		plen -= 96;
		if (plen > 32)
			return -1;
		max -= 1;
		plenbytes = (plen + 7) / 8;
		if (max < plenbytes + V4MAPPED_HEADING)
			return -3;
		memcpy(addr, g->p + off + 1 + V4MAPPED_HEADING, plenbytes);
		if (plen % 8)
			addr[plenbytes - 1] &= (uint8_t)((0xff00 >> (plen % 8)) & 0xff);
		pbuf_ip4(b, addr);
		msg_printf(b, "/%u", plen);
		return (int)(plenbytes + 1 + V4MAPPED_HEADING);
	}
	if (max < 1)
		return -2;
	if (plen > 128)
		return -1;
	max -= 1;
	plenbytes = (plen + 7) / 8;
	if (max < plenbytes)
		return -2;
	memcpy(addr, g->p + off + 1, plenbytes);
	if (plen % 8)
		addr[plenbytes - 1] &= (uint8_t)((0xff00 >> (plen % 8)) & 0xff);
	pbuf_ip6(b, addr);
	msg_printf(b, "/%u", plen);
	return (int)(1 + plenbytes);
}

/* tcpdump's print_dns_label: labels without pointers; the bytes taken, or -1 ("[|DNS]"). */
static int put_dns_label(struct pbuf *b, const struct msg *g, size_t off, unsigned max)
{
	unsigned length = 0;

	while (length < max) {
		unsigned lab = msg_u8(g, off + length);

		length++;
		if (!lab)
			return (int)length;
		if (length > 1)
			pbuf_putc(b, '.');
		if (length + lab > max) {
			msg_printjnp(b, g, off + length, max - length);
			break;
		}
		msg_printjnp(b, g, off + length, lab);
		length += lab;
	}
	pbuf_puts(b, "[|DNS]");
	return -1;
}

/* fqdn_print: one name from off, bounded by the capture; the offset after it, or 0. */
static size_t put_fqdn(struct pbuf *b, const struct msg *g, size_t off)
{
	struct dns_msg d = { .p = g->p + off, .cap = g->cap - off };
	size_t n = dns_name_print(b, &d, 0);

	return n == DNS_FAIL ? 0 : off + n;
}

/* dhcpv4_print: false (the TLV level is invalid) on a malformed option. */
static bool put_dhcpv4(struct hncp_ctx *h, size_t off, unsigned length, int indent)
{
	struct pbuf *b = &h->x->b;
	const struct msg *g = h->g;
	unsigned i = 0;

	while (i < length) {
		uint8_t type, optlen;
		size_t value = off + i + 2;

		if (i + 2 > length)
			return false;
		type = msg_u8(g, off + i);
		optlen = msg_u8(g, off + i + 1);
		newline_indent(b, indent);
		msg_tok_put(b, dh4opt_names, "Unknown", type);
		msg_printf(b, " (%u)", optlen + 2u);
		if (i + 2 + optlen > length)
			return false;
		switch (type) {
		case 6:
		case 42:
			if (optlen < 4 || optlen % 4)
				return false;
			for (unsigned t = 0; t < optlen; t += 4) {
				pbuf_putc(b, ' ');
				pbuf_ip4(b, g->p + value + t);
			}
			break;
		case 119:
			for (size_t tp = value; tp < value + optlen;) {
				pbuf_putc(b, ' ');
				tp = put_fqdn(b, g, tp);
				if (!tp)
					return false;
			}
			break;
		default:
			break;
		}
		i += 2u + optlen;
	}
	return true;
}

/* dhcpv6_print: false (" (invalid)" follows) on a malformed option. */
static bool put_dhcpv6(struct hncp_ctx *h, size_t off, unsigned length, int indent)
{
	struct pbuf *b = &h->x->b;
	const struct msg *g = h->g;
	unsigned i = 0;

	while (i < length) {
		uint16_t type, optlen;
		size_t value = off + i + 4;

		if (i + 4 > length)
			return false;
		type = msg_u16(g, off + i);
		optlen = msg_u16(g, off + i + 2);
		newline_indent(b, indent);
		msg_tok_put(b, dh6opt_names, "Unknown", type);
		msg_printf(b, " (%u)", optlen + 4u);
		if (i + 4 + optlen > length)
			return false;
		switch (type) {
		case 23:
		case 31:
			if (optlen % 16) {
				put_invalid(b);
				return false;
			}
			for (unsigned t = 0; t < optlen; t += 16) {
				pbuf_putc(b, ' ');
				pbuf_ip6(b, g->p + value + t);
			}
			break;
		case 24:
			for (size_t tp = value; tp < value + optlen;) {
				pbuf_putc(b, ' ');
				tp = put_fqdn(b, g, tp);
				if (!tp)
					return false;
			}
			break;
		default:
			break;
		}
		i += 4u + optlen;
	}
	return true;
}

/* One TLV type (count of them in a row) of the one-line summary. */
static void put_type_in_line(struct pbuf *b, uint32_t mask, int count, int indent, bool *first)
{
	if (count <= 0)
		return;
	if (*first) {
		*first = false;
		if (indent > 1)
			newline_indent(b, indent);
		else
			pbuf_putc(b, ' ');
	} else {
		pbuf_puts(b, ", ");
	}
	msg_tok_put(b, hncp_types, "Easter Egg", mask);
	if (count > 1)
		msg_printf(b, " (x%d)", count);
}

static bool hncp_rec(struct hncp_ctx *h, size_t off, unsigned length, int indent);

/* The body of a TLV in full (its bytes are captured); false when the level is invalid. */
static bool put_tlv(struct hncp_ctx *h, uint32_t mask, size_t value, unsigned bodylen, int indent)
{
	struct pbuf *b = &h->x->b;
	const struct msg *g = h->g;
	int l;

	switch (mask) {
	case DNCP_REQUEST_NETWORK_STATE:
		if (bodylen)
			put_invalid(b);
		break;
	case DNCP_REQUEST_NODE_STATE:
		if (bodylen != 4) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " NID: ");
		put_nid(b, g, value);
		break;
	case DNCP_NODE_ENDPOINT:
		if (bodylen != 8) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " NID: ");
		put_nid(b, g, value);
		msg_printf(b, " EPID: %08x", msg_u32(g, value + 4));
		break;
	case DNCP_NETWORK_STATE:
		if (bodylen != 8) {
			put_invalid(b);
			break;
		}
		msg_printf(b, " hash: %016" PRIx64, get_u64(g, value));
		break;
	case DNCP_NODE_STATE:
		if (bodylen < 20) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " NID: ");
		put_nid(b, g, value);
		msg_printf(b, " seqno: %u ", msg_u32(g, value + 4));
		put_interval(b, msg_u32(g, value + 8));
		msg_printf(b, " hash: %016" PRIx64, get_u64(g, value + 12));
		hncp_rec(h, value + 20, bodylen - 20, indent + 1);
		break;
	case DNCP_PEER:
		if (bodylen != 12) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " Peer-NID: ");
		put_nid(b, g, value);
		msg_printf(b, " Peer-EPID: %08x Local-EPID: %08x", msg_u32(g, value + 4),
			   msg_u32(g, value + 8));
		break;
	case DNCP_KEEP_ALIVE_INTERVAL:
		if (bodylen < 8) {
			put_invalid(b);
			break;
		}
		msg_printf(b, " EPID: %08x Interval: ", msg_u32(g, value));
		put_interval(b, msg_u32(g, value + 4));
		break;
	case DNCP_TRUST_VERDICT:
		if (bodylen <= 36) {
			put_invalid(b);
			break;
		}
		msg_printf(b, " Verdict: %u Fingerprint: ", msg_u8(g, value));
		put_256(b, g, value + 4);
		pbuf_puts(b, " Common Name: ");
		msg_printjnp(b, g, value + 36, bodylen - 36);
		break;
	case HNCP_HNCP_VERSION: {
		uint16_t cap;

		if (bodylen < 5) {
			put_invalid(b);
			break;
		}
		cap = msg_u16(g, value + 2);
		msg_printf(b, " M: %u P: %u H: %u L: %u User-agent: ", cap >> 12 & 0xf, cap >> 8 & 0xf,
			   cap >> 4 & 0xf, cap & 0xf);
		msg_printjnp(b, g, value + 4, bodylen - 4);
		break;
	}
	case HNCP_EXTERNAL_CONNECTION:
		hncp_rec(h, value, bodylen, indent + 1);
		break;
	case HNCP_DELEGATED_PREFIX:
		if (bodylen < 9 || bodylen < 9 + (msg_u8(g, value + 8) + 7u) / 8) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " VLSO: ");
		put_interval(b, msg_u32(g, value));
		pbuf_puts(b, " PLSO: ");
		put_interval(b, msg_u32(g, value + 4));
		pbuf_puts(b, " Prefix: ");
		l = put_prefix(b, g, value + 8, bodylen - 8);
		if (l == -1) {
			pbuf_puts(b, "(length is invalid)");
			break;
		}
		if (l < 0) {
			put_invalid(b);
			break;
		}
		l += 8 + (-l & 3);
		if (bodylen >= (unsigned)l)
			hncp_rec(h, value + (unsigned)l, bodylen - (unsigned)l, indent + 1);
		break;
	case HNCP_PREFIX_POLICY: {
		uint8_t policy;

		if (bodylen < 1) {
			put_invalid(b);
			break;
		}
		policy = msg_u8(g, value);
		pbuf_puts(b, " type: ");
		if (policy == 0) {
			if (bodylen != 1) {
				put_invalid(b);
				break;
			}
			pbuf_puts(b, "Internet connectivity");
		} else if (policy <= 128) {
			pbuf_puts(b, "Dest-Prefix: ");
			l = put_prefix(b, g, value, bodylen);
			if (l == -1)
				pbuf_puts(b, "(length is invalid)");
			else if (l < 0)
				put_invalid(b);
		} else if (policy == 129) {
			pbuf_puts(b, "DNS domain: ");
			put_dns_label(b, g, value + 1, bodylen - 1);
		} else if (policy == 130) {
			pbuf_puts(b, "Opaque UTF-8: ");
			msg_printjnp(b, g, value + 1, bodylen - 1);
		} else if (policy == 131) {
			if (bodylen != 1) {
				put_invalid(b);
				break;
			}
			pbuf_puts(b, "Restrictive assignment");
		} else {
			msg_printf(b, "Unknown (%u)", policy);
		}
		break;
	}
	case HNCP_DHCPV4_DATA:
		if (!bodylen) {
			put_invalid(b);
			break;
		}
		/* tcpdump: a bad DHCPv4 option makes the rest of this level invalid */
		if (!put_dhcpv4(h, value, bodylen, indent + 1))
			return false;
		break;
	case HNCP_DHCPV6_DATA:
		if (!bodylen || !put_dhcpv6(h, value, bodylen, indent + 1))
			put_invalid(b);
		break;
	case HNCP_ASSIGNED_PREFIX:
		if (bodylen < 6 || bodylen < 6 + (msg_u8(g, value + 5) + 7u) / 8) {
			put_invalid(b);
			break;
		}
		msg_printf(b, " EPID: %08x Prty: %u Prefix: ", msg_u32(g, value),
			   msg_u8(g, value + 4) & 0xfu);
		l = put_prefix(b, g, value + 5, bodylen - 5);
		if (l < 0) {
			put_invalid(b);
			break;
		}
		l += 5;
		l += -l & 3;
		if (bodylen >= (unsigned)l)
			hncp_rec(h, value + (unsigned)l, bodylen - (unsigned)l, indent + 1);
		break;
	case HNCP_NODE_ADDRESS:
		if (bodylen < 20) {
			put_invalid(b);
			break;
		}
		msg_printf(b, " EPID: %08x IP Address: ", msg_u32(g, value));
		put_ip6addr(b, g, value + 4);
		hncp_rec(h, value + 20, bodylen - 20, indent + 1);
		break;
	case HNCP_DNS_DELEGATED_ZONE: {
		uint8_t f;

		if (bodylen < 17) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " IP-Address: ");
		put_ip6addr(b, g, value);
		f = msg_u8(g, value + 16);
		msg_printf(b, " %c%c%c ", f & 4 ? 'l' : '-', f & 2 ? 'b' : '-', f & 1 ? 's' : '-');
		l = put_dns_label(b, g, value + 17, bodylen - 17);
		if (l < 0) {
			put_invalid(b);
			break;
		}
		l += 17;
		l += -l & 3;
		if (bodylen >= (unsigned)l)
			hncp_rec(h, value + (unsigned)l, bodylen - (unsigned)l, indent + 1);
		break;
	}
	case HNCP_DOMAIN_NAME:
		if (!bodylen) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " Domain: ");
		put_dns_label(b, g, value, bodylen);
		break;
	case HNCP_NODE_NAME: {
		unsigned n;

		if (bodylen < 17) {
			put_invalid(b);
			break;
		}
		n = msg_u8(g, value + 16);
		if (bodylen < 17 + n) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " IP-Address: ");
		put_ip6addr(b, g, value);
		pbuf_puts(b, " Name: ");
		if (n < 64) {
			pbuf_putc(b, '"');
			msg_printjnp(b, g, value + 17, n);
			pbuf_putc(b, '"');
		} else {
			put_invalid(b);
		}
		n = (n + 17 + 3) & ~3u;
		if (bodylen >= n)
			hncp_rec(h, value + n, bodylen - n, indent + 1);
		break;
	}
	case HNCP_MANAGED_PSK:
		if (bodylen < 32) {
			put_invalid(b);
			break;
		}
		pbuf_puts(b, " PSK: ");
		put_256(b, g, value);
		hncp_rec(h, value + 32, bodylen - 32, indent + 1);
		break;
	default:
		break;
	}
	return true;
}

/*
 * hncp_print_rec: the TLVs in [off, off + length); false when it stopped on
 * a cut (" [|hncp]") or an invalid TLV (" (invalid)"), which end only this
 * level, as tcpdump's.
 */
static bool hncp_rec(struct hncp_ctx *h, size_t off, unsigned length, int indent)
{
	struct pbuf *b = &h->x->b;
	const struct msg *g = h->g;
	bool in_line = indent - 1 >= (int)h->v && h->v < 3;
	bool first = true;
	uint32_t last_mask = 0xffffffffu;
	int last_count = -1;
	unsigned i = 0;

	while (i < length) {
		size_t tlv = off + i;
		uint16_t type, bodylen;
		uint32_t mask;

		if (!in_line)
			newline_indent(b, indent);
		if (!msg_has(g, tlv, HNCP_TLV_HDR)) {
			msg_trunc_put(b, "hncp");
			return false;
		}
		if (i + HNCP_TLV_HDR > length) {
			put_invalid(b);
			return false;
		}
		type = msg_u16(g, tlv);
		bodylen = msg_u16(g, tlv + 2);
		if (!msg_has(g, tlv + HNCP_TLV_HDR, bodylen)) {
			msg_trunc_put(b, "hncp");
			return false;
		}
		if (i + bodylen + HNCP_TLV_HDR > length) {
			put_invalid(b);
			return false;
		}
		mask = proto_hncp_type_class(type);
		if (in_line) {
			if (last_mask == mask) {
				last_count++;
			} else {
				put_type_in_line(b, last_mask, last_count, indent, &first);
				last_mask = mask;
				last_count = 1;
			}
		} else {
			msg_tok_put(b, hncp_types, "Easter Egg (42)", mask);
			if (mask > 0xffff)
				msg_printf(b, ": type=%u", type);
			msg_printf(b, " (%u)", bodylen + 4u);
			if (!put_tlv(h, mask, tlv + HNCP_TLV_HDR, bodylen, indent)) {
				put_invalid(b);
				return false;
			}
		}
		i += HNCP_TLV_HDR + ((bodylen + 3u) & ~3u);
	}
	put_type_in_line(b, last_mask, last_count, indent, &first);
	return true;
}

bool proto_hncp_print(struct line *x)
{
	struct msg g;
	struct hncp_ctx h = { x, &g, line_verbosity(x) };

	msg_of(&g, x);
	msg_printf(&x->b, "hncp (%u)", g.len);
	hncp_rec(&h, 0, g.len, 1);
	return true;
}
