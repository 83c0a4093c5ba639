/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isis_reach.c: the entries of the IS-IS reachability TLVs as tcpdump
 * prints them: old-style metrics, extended IS and IP reachability with their
 * traffic engineering and segment routing sub-TLVs, and multi-topology ids.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "decode/gmpls_names.h"
#include "decode/proto_osi.h"

static const struct msg_tok isis_is_reach_subtlv_names[] = {
	{ 3, "Administrative groups" },
	{ 4, "Link Local/Remote Identifier" },
	{ 5, "Link Remote Identifier" },
	{ 6, "IPv4 interface address" },
	{ 8, "IPv4 neighbor address" },
	{ 9, "Maximum link bandwidth" },
	{ 10, "Reservable link bandwidth" },
	{ 11, "Unreserved bandwidth" },
	{ 18, "Traffic Engineering Metric" },
	{ 19, "Link Attribute" },
	{ 20, "Link Protection Type" },
	{ 21, "Interface Switching Capability" },
	{ 12, "Bandwidth Constraints (old)" },
	{ 22, "Bandwidth Constraints" },
	{ 32, "LAN Adjacency Segment Identifier" },
	{ 29, "SPB Metric" },
	{ 250, "Reserved for cisco specific extensions" },
	{ 251, "Reserved for cisco specific extensions" },
	{ 252, "Reserved for cisco specific extensions" },
	{ 253, "Reserved for cisco specific extensions" },
	{ 254, "Reserved for cisco specific extensions" },
	{ 255, "Reserved for future expansion" },
	{ 0, NULL },
};

static const struct msg_tok isis_ip_reach_subtlv_names[] = {
	{ 1, "32-Bit Administrative tag" },
	{ 2, "64-Bit Administrative tag" },
	{ 3, "Prefix SID" },
	{ 117, "Management Prefix Color" },
	{ 0, NULL },
};

static const struct msg_tok prefix_sid_flags[] = {
	{ 0x80, "Readvertisement" },
	{ 0x40, "Node" },
	{ 0x20, "No-PHP" },
	{ 0x10, "Explicit NULL" },
	{ 0x08, "Value" },
	{ 0x04, "Local" },
	{ 0, NULL },
};

static const struct msg_tok prefix_sid_algos[] = {
	{ 0, "SPF" },
	{ 1, "strict-SPF" },
	{ 0, NULL },
};

static const struct msg_tok link_attribute_flags[] = {
	{ 0x01, "Local Protection Available" },
	{ 0x02, "Link excluded from local protection path" },
	{ 0x04, "Local maintenance required" },
	{ 0, NULL },
};

static const struct msg_tok lan_adj_sid_flags[] = {
	{ 0x80, "Address family IPv6" },
	{ 0x40, "Backup" },
	{ 0x20, "Value" },
	{ 0x10, "Local significance" },
	{ 0x08, "Set of adjacencies" },
	{ 0x04, "Persistent" },
	{ 0, NULL },
};

static const struct msg_tok mt_names[] = {
	{ 0, "IPv4 unicast" },
	{ 1, "In-Band Management" },
	{ 2, "IPv6 unicast" },
	{ 3, "Multicast" },
	{ 4095, "Development, Experimental or Proprietary" },
	{ 0, NULL },
};

static const struct msg_tok mt_flags[] = {
	{ 0x4000, "ATT bit set" },
	{ 0x8000, "Overload bit set" },
	{ 0, NULL },
};

static const struct msg_tok gmpls_tsc_indications[] = {
	{ 0, "Standard SONET/SDH" },
	{ 1, "Arbitrary SONET/SDH" },
	{ 0, NULL },
};

static const struct msg_tok diffserv_te_bc_models[] = {
	{ 0, "Russian dolls" },
	{ 1, "Maximum Allocation" },
	{ 2, "Maximum Allocation with Reservation" },
	{ 0, NULL },
};

static const char *ie(uint8_t m)
{
	return m & 0x40 ? "External" : "Internal";
}

void isis_put_metric_block(struct osi *s, size_t off)
{
	static const char *const names[] = { "Delay", "Expense", "Error" };
	uint8_t d = osi_u8(s, off);

	msg_printf(s->b, ", Default Metric: %u, %s", d & 0x3f, ie(d));
	for (int i = 0; i < 3; i++) {
		uint8_t m = osi_u8(s, off + 1 + (size_t)i);

		/* the top bit set says the metric is not supported */
		if (!(m & 0x80))
			msg_printf(s->b, "\n\t\t  %s Metric: %u, %s", names[i], m & 0x3f, ie(m));
	}
}

/* "%15s": an IPv4 address right-aligned in 15 columns. */
static void put_ip4_15(struct pbuf *b, const uint8_t *a)
{
	char buf[16];
	struct pbuf t;
	size_t n;

	pbuf_init(&t, buf, sizeof(buf));
	pbuf_ip4(&t, a);
	n = pbuf_finish(&t, sizeof(buf));
	for (size_t i = n; i < 15; i++)
		pbuf_putc(b, ' ');
	pbuf_put(b, buf, n);
}

bool isis_put_ip_reach(struct osi *s, size_t off, const char *ident, unsigned len)
{
	static const char *const names[] = { "Delay", "Expense", "Error" };

	while (len > 0) {
		uint8_t d;
		int plen;

		if (len < 12) {
			msg_printf(s->b, "short IPv4 Reachability (%u vs %u)", len, 12);
			return false;
		}
		if (!osi_has(s, off, 12))
			return false;
		plen = msg_mask_plen(msg_u32(&s->g, off + 8));
		pbuf_puts(s->b, ident);
		pbuf_puts(s->b, "IPv4 prefix: ");
		if (plen == -1) {
			pbuf_ip4(s->b, s->g.p + off + 4);
			pbuf_puts(s->b, " mask ");
			pbuf_ip4(s->b, s->g.p + off + 8);
		} else {
			put_ip4_15(s->b, s->g.p + off + 4);
			msg_printf(s->b, "/%d", plen);
		}
		d = msg_u8(&s->g, off);
		msg_printf(s->b, ", Distribution: %s, Metric: %u, %s", d & 0x80 ? "down" : "up",
			   d & 0x3f, ie(d));
		for (int i = 0; i < 3; i++) {
			uint8_t m = msg_u8(&s->g, off + 1 + (size_t)i);

			if (!(m & 0x80))
				msg_printf(s->b, "%s  %s Metric: %u, %s", ident, names[i], m & 0x3f,
					   ie(m));
		}
		len -= 12;
		off += 12;
	}
	return true;
}

unsigned isis_put_mtid(struct osi *s, size_t off, const char *ident, unsigned remaining)
{
	uint16_t v;

	if (remaining < 2)
		return 0;
	v = osi_u16(s, off);
	pbuf_puts(s->b, ident);
	msg_tok_put(s->b, mt_names, "Reserved for IETF Consensus", v & 0x0fff);
	msg_printf(s->b, " Topology (0x%03x), Flags: [", v & 0x0fff);
	msg_bits_put(s->b, mt_flags, "none", v & 0xf000, ", ");
	pbuf_putc(s->b, ']');
	return 2;
}

/* A bandwidth: an IEEE float of bytes per second, as tcpdump computes Mbps in float. */
static void put_mbps(struct osi *s, size_t off)
{
	uint32_t i = osi_u32(s, off);
	float f;

	memcpy(&f, &i, sizeof(f));
	f = f * 8 / 1000000;
	msg_printf(s->b, "%.3f Mbps", (double)f);
}

/* Interface switching capability (RFC 4205): 36 bytes at least. */
static void put_intf_sw_cap(struct osi *s, size_t t, unsigned *len, const char *ident)
{
	uint8_t cap = osi_u8(s, t);

	msg_printf(s->b, "%s  Interface Switching Capability:", ident);
	msg_tok_put(s->b, gmpls_switch_caps, "Unknown", cap);
	pbuf_puts(s->b, ", LSP Encoding: ");
	msg_tok_put(s->b, gmpls_encodings, "Unknown", osi_u8(s, t + 1));
	t += 4;
	*len -= 4;
	msg_printf(s->b, "%s  Max LSP Bandwidth:", ident);
	for (unsigned p = 0; p < 8; p++, t += 4, *len -= 4) {
		osi_need(s, t, 4);
		msg_printf(s->b, "%s    priority level %u: ", ident, p);
		put_mbps(s, t);
	}
	switch (cap) {
	case 1:
	case 2:
	case 3:
	case 4:
		if (*len < 6)
			break;
		osi_need(s, t, 4);
		msg_printf(s->b, "%s  Min LSP Bandwidth: ", ident);
		put_mbps(s, t);
		msg_printf(s->b, "%s  Interface MTU: %u", ident, osi_u16(s, t + 4));
		break;
	case 100:
		if (*len < 8)
			break;
		osi_need(s, t, 4);
		msg_printf(s->b, "%s  Min LSP Bandwidth: ", ident);
		put_mbps(s, t);
		msg_printf(s->b, "%s  Indication ", ident);
		msg_tok_put(s->b, gmpls_tsc_indications, "Unknown (%u)", osi_u8(s, t + 4));
		break;
	default:
		if (*len)
			osi_unknown(s, t, "\n\t\t    ", *len);
		break;
	}
}

/* One sub-TLV of an extended IS reachability entry, its value at t of len bytes. */
static void put_is_reach_subtlv(struct osi *s, size_t t, unsigned type, unsigned len,
				const char *ident)
{
	switch (type) {
	case 3:
	case 4:
	case 5:
		if (len >= 4) {
			msg_printf(s->b, ", 0x%08x", osi_u32(s, t));
			if (len == 8)
				msg_printf(s->b, ", 0x%08x", osi_u32(s, t + 4));
		}
		break;
	case 6:
	case 8:
		if (len >= 4) {
			osi_need(s, t, 4);
			pbuf_puts(s->b, ", ");
			osi_put_ip4(s, t);
		}
		break;
	case 9:
	case 10:
		if (len >= 4) {
			osi_need(s, t, 4);
			pbuf_puts(s->b, ", ");
			put_mbps(s, t);
		}
		break;
	case 11:
		if (len >= 32)
			for (unsigned c = 0; c < 8; c++, t += 4) {
				osi_need(s, t, 4);
				msg_printf(s->b, "%s  TE-Class %u: ", ident, c);
				put_mbps(s, t);
			}
		break;
	case 12:
	case 22: {
		uint8_t model;

		if (len == 0)
			break;
		model = osi_u8(s, t);
		msg_printf(s->b, "%sBandwidth Constraints Model ID: ", ident);
		msg_tok_put(s->b, diffserv_te_bc_models, "unknown", model);
		msg_printf(s->b, " (%u)", model);
		t++;
		len--;
		for (unsigned c = 0; len >= 4; c++, t += 4, len -= 4) {
			osi_need(s, t, 4);
			msg_printf(s->b, "%s  Bandwidth constraint CT%u: ", ident, c);
			put_mbps(s, t);
		}
		break;
	}
	case 18:
		if (len >= 3)
			msg_printf(s->b, ", %u", osi_u24(s, t));
		break;
	case 19:
		if (len == 2) {
			uint16_t v = osi_u16(s, t);

			pbuf_puts(s->b, ", [ ");
			msg_bits_put(s->b, link_attribute_flags, "Unknown", v, ", ");
			msg_printf(s->b, " ] (0x%04x)", v);
		}
		break;
	case 20:
		if (len >= 2) {
			uint8_t f = osi_u8(s, t), prio = osi_u8(s, t + 1);

			pbuf_puts(s->b, ", ");
			msg_bits_put(s->b, gmpls_link_prot, "none", f, ", ");
			msg_printf(s->b, ", Priority %u", prio);
		}
		break;
	case 29:
		if (len >= 6) {
			msg_printf(s->b, ", LM: %u", osi_u24(s, t));
			msg_printf(s->b, ", P: %u", osi_u8(s, t + 3));
			msg_printf(s->b, ", P-ID: %u", osi_u16(s, t + 4));
		}
		break;
	case 21:
		if (len >= 36)
			put_intf_sw_cap(s, t, &len, ident);
		break;
	case 32:
		if (len >= 8) {
			uint8_t f = osi_u8(s, t);
			bool vflag = f & 0x20, lflag = f & 0x10;

			msg_printf(s->b, "%s  Flags: [", ident);
			msg_bits_put(s->b, lan_adj_sid_flags, "none", f, ", ");
			pbuf_putc(s->b, ']');
			msg_printf(s->b, "%s  Weight: %u", ident, osi_u8(s, t + 1));
			t += 2;
			len -= 2;
			if (len >= OSI_SYSTEM_ID_LEN) {
				osi_need(s, t, OSI_SYSTEM_ID_LEN);
				msg_printf(s->b, "%s  Neighbor System-ID: ", ident);
				osi_put_id(s, t, OSI_SYSTEM_ID_LEN);
			}
			if (vflag && lflag)
				msg_printf(s->b, "%s  Label: %u", ident,
					   osi_u24(s, t + OSI_SYSTEM_ID_LEN));
			else if (!vflag && !lflag)
				msg_printf(s->b, "%s  Index: %u", ident,
					   osi_u32(s, t + OSI_SYSTEM_ID_LEN));
			else
				pbuf_puts(s->b, " (invalid)");
		}
		break;
	default:
		osi_unknown(s, t, "\n\t\t    ", len);
		break;
	}
}

unsigned isis_put_ext_is_reach(struct osi *s, size_t off, const char *ident, unsigned type,
			       unsigned remaining)
{
	char sub_ident[20];
	unsigned sum, taken = 0;
	size_t t = off;

	if (!osi_has(s, t, OSI_NODE_ID_LEN) || remaining < OSI_NODE_ID_LEN)
		return 0;
	pbuf_puts(s->b, ident);
	pbuf_puts(s->b, "IS Neighbor: ");
	osi_put_id(s, t, OSI_NODE_ID_LEN);
	t += OSI_NODE_ID_LEN;
	remaining -= OSI_NODE_ID_LEN;
	taken += OSI_NODE_ID_LEN;
	/* the alias TLV (24) has no metric */
	if (type != 24) {
		if (!osi_has(s, t, 3) || remaining < 3)
			return 0;
		msg_printf(s->b, ", Metric: %u", msg_u24(&s->g, t));
		t += 3;
		remaining -= 3;
		taken += 3;
	}
	if (!osi_has(s, t, 1) || remaining < 1)
		return 0;
	sum = msg_u8(&s->g, t);
	t++;
	remaining--;
	taken++;
	msg_printf(s->b, ", %ssub-TLVs present", sum ? "" : "no ");
	if (!sum)
		return taken;
	msg_printf(s->b, " (%u)", sum);
	snprintf(sub_ident, sizeof(sub_ident), "%s  ", ident);
	while (sum) {
		unsigned st, sl;

		if (!osi_has(s, t, 2))
			return 0;
		if (remaining < 2) {
			msg_printf(s->b, "%sRemaining data in TLV shorter than a subTLV header",
				   sub_ident);
			return taken + remaining;
		}
		if (sum < 2) {
			msg_printf(s->b, "%sRemaining data in subTLVs shorter than a subTLV header",
				   sub_ident);
			return taken + sum;
		}
		st = msg_u8(&s->g, t);
		sl = msg_u8(&s->g, t + 1);
		t += 2;
		remaining -= 2;
		sum -= 2;
		taken += 2;
		msg_printf(s->b, "%s%s subTLV #%u, length: %u", sub_ident,
			   msg_tok_find(isis_is_reach_subtlv_names, st) ?
				   msg_tok_find(isis_is_reach_subtlv_names, st) :
				   "unknown",
			   st, sl);
		if (sum < sl) {
			pbuf_puts(s->b,
				  " (remaining data in subTLVs shorter than the current subTLV)");
			return taken + sum;
		}
		if (remaining < sl) {
			pbuf_puts(s->b, " (> remaining tlv length)");
			return taken + remaining;
		}
		if (!osi_has(s, t, sl))
			return 0;
		put_is_reach_subtlv(s, t, st, sl, sub_ident);
		t += sl;
		remaining -= sl;
		sum -= sl;
		taken += sl;
	}
	return taken;
}

/* One sub-TLV of an extended IP reachability prefix; false where tcpdump's returns 0. */
static bool put_ip_reach_subtlv(struct osi *s, size_t t, unsigned type, unsigned len,
				const char *ident)
{
	pbuf_puts(s->b, ident);
	pbuf_puts(s->b, msg_tok_find(isis_ip_reach_subtlv_names, type) ?
				msg_tok_find(isis_ip_reach_subtlv_names, type) :
				"unknown");
	msg_printf(s->b, " subTLV #%u, length: %u", type, len);
	if (!osi_has(s, t, len)) {
		msg_trunc_put(s->b, s->proto);
		return false;
	}
	switch (type) {
	case 117:
	case 1:
		for (; len >= 4; len -= 4, t += 4)
			msg_printf(s->b, ", 0x%08x (=%u)", osi_u32(s, t), osi_u32(s, t));
		break;
	case 2:
		for (; len >= 8; len -= 8, t += 8)
			msg_printf(s->b, ", 0x%08x%08x", osi_u32(s, t), osi_u32(s, t + 4));
		break;
	case 3: {
		uint8_t flags = osi_u8(s, t), algo = osi_u8(s, t + 1);
		uint32_t sid;

		if (flags & 0x08) {
			if (len < 5) {
				msg_trunc_put(s->b, s->proto);
				return false;
			}
			sid = osi_u24(s, t + 2);
		} else {
			if (len < 6) {
				msg_trunc_put(s->b, s->proto);
				return false;
			}
			sid = osi_u32(s, t + 2);
		}
		pbuf_puts(s->b, ", Flags [");
		msg_bits_put(s->b, prefix_sid_flags, "None", flags, ", ");
		pbuf_puts(s->b, "], Algo ");
		msg_tok_put(s->b, prefix_sid_algos, "Unknown", algo);
		msg_printf(s->b, " (%u), %s %u", algo, flags & 0x08 ? "label" : "index", sid);
		break;
	}
	default:
		if (!osi_unknown(s, t, "\n\t\t    ", len))
			return false;
		break;
	}
	return true;
}

unsigned isis_put_extd_ip_reach(struct osi *s, size_t off, const char *ident, bool ipv6)
{
	char sub_ident[20];
	uint8_t prefix[16] = { 0 };
	uint32_t metric = osi_u32(s, off);
	unsigned status, bits, bytes, taken = 4;
	size_t t = off + 4;

	if (!ipv6) {
		status = osi_u8(s, t);
		t++;
		bits = status & 0x3f;
		if (bits > 32) {
			msg_printf(s->b, "%sIPv4 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		taken++;
	} else {
		status = osi_u8(s, t);
		bits = osi_u8(s, t + 1);
		if (bits > 128) {
			msg_printf(s->b, "%sIPv6 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		t += 2;
		taken += 2;
	}
	bytes = (bits + 7) / 8;
	osi_need(s, t, bytes);
	memcpy(prefix, s->g.p + t, bytes);
	t += bytes;
	taken += bytes;
	pbuf_puts(s->b, ident);
	if (!ipv6) {
		pbuf_puts(s->b, "IPv4 prefix: ");
		put_ip4_15(s->b, prefix);
	} else {
		pbuf_puts(s->b, "IPv6 prefix: ");
		pbuf_ip6(s->b, prefix);
	}
	msg_printf(s->b, "/%u, Distribution: %s, Metric: %u", bits, status & 0x80 ? "down" : "up",
		   metric);
	if (!ipv6 && (status & 0x40))
		pbuf_puts(s->b, ", sub-TLVs present");
	else if (ipv6)
		msg_printf(s->b, ", %s%s", status & 0x40 ? "External" : "Internal",
			   status & 0x20 ? ", sub-TLVs present" : "");
	if ((!ipv6 && (status & 0x40)) || (ipv6 && (status & 0x20))) {
		/* one byte for all the sub-TLVs of this prefix */
		unsigned sum = osi_u8(s, t);

		t++;
		taken += sum + 1;
		msg_printf(s->b, " (%u)", sum);
		while (sum > 0) {
			unsigned st = osi_u8(s, t), sl = osi_u8(s, t + 1);

			t += 2;
			snprintf(sub_ident, sizeof(sub_ident), "%s  ", ident);
			if (!put_ip_reach_subtlv(s, t, st, sl, sub_ident))
				return 0;
			t += sl;
			/* tcpdump's count is unsigned: a sub-TLV past the sum wraps it */
			sum = (sum - (sl + 2)) & 0xffffffffu;
		}
	}
	return taken;
}
