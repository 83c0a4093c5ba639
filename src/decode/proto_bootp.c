/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_bootp.c: BOOTP and DHCPv4 (RFC 951, 2131, 2132): dissector and tcpdump's text. */
#include "config.h"

#include <string.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_bootp.h"

/*
 * RFC 951: op, htype, hlen, hops, xid, secs, flags, four addresses, chaddr,
 * sname, file, then the vendor area (RFC 1048's magic cookie and options).
 * The dissector keeps the op and the DHCP message type; the rest is read
 * again when printed.
 */
int proto_bootp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_bootp *bp = &l->bootp;
	const uint8_t *p = c->p;
	size_t n = pkt_left(c), off;

	l->app = PKT_PROTO_BOOTP;
	*bp = (struct pkt_bootp){ 0 };
	bp->has_op = pkt_get_u8(c, &bp->op);
	/* The DHCP message type (option 53), for JSON and filters: a bounded walk of the options. */
	if (n < BOOTP_VEND + 4 || p[BOOTP_VEND] != 99 || p[BOOTP_VEND + 1] != 130 ||
	    p[BOOTP_VEND + 2] != 83 || p[BOOTP_VEND + 3] != 99)
		return PKT_PROTO_NONE;
	for (off = BOOTP_VEND + 4; off < n;) {
		uint8_t tag = p[off++];

		if (tag == BOOTP_TAG_PAD)
			continue;
		if (tag == BOOTP_TAG_END || off >= n)
			break;
		if (tag == BOOTP_TAG_DHCP_MSG && p[off] == 1 && off + 1 < n) {
			bp->dhcp_type = p[off + 1];
			break;
		}
		off += 1u + p[off];
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const dhcp_msgs[] = {
	NULL, "Discover", "Offer", "Request", "Decline", "ACK", "NACK", "Release", "Inform",
	/* 9 (RFC 3203 FORCERENEW) is not named by tcpdump; 10-13 are RFC 4388 leasequery. */
	NULL, "LeaseQuery", "LeaseUnassigned", "LeaseUnknown", "LeaseActive",
};

const char *proto_bootp_msg_name(uint8_t type)
{
	return type < sizeof(dhcp_msgs) / sizeof(dhcp_msgs[0]) ? dhcp_msgs[type] : NULL;
}

static void bootp_ip(struct pbuf *b, const struct msg *a, size_t off)
{
	pbuf_ip4(b, a->p + off);
}

static void bootp_mac(struct pbuf *b, const struct msg *a, size_t off)
{
	pbuf_mac(b, a->p + off);
}

/* The values of an option in one of tag2str's plain formats; the bytes it did not use. */
static size_t bootp_plain(struct pbuf *b, const struct msg *a, size_t off, size_t len, char c)
{
	bool first = true;

	switch (c) {
	case 'a':
		pbuf_putc(b, '"');
		msg_printjn(b, a, off, len);
		pbuf_putc(b, '"');
		return 0;
	case 'i':
	case 'l':
	case 'L':
		for (; len >= 4; off += 4, len -= 4, first = false) {
			if (!first)
				pbuf_putc(b, ',');
			if (c == 'i') {
				bootp_ip(b, a, off);
			} else if (c == 'L' && msg_u32(a, off) & 0x80000000u) {
				pbuf_putc(b, '-');
				pbuf_u32(b, 0u - msg_u32(a, off));
			} else {
				pbuf_u32(b, msg_u32(a, off));
			}
		}
		return len;
	case 'p':
		for (; len >= 8; off += 8, len -= 8, first = false) {
			if (!first)
				pbuf_putc(b, ',');
			pbuf_putc(b, '(');
			bootp_ip(b, a, off);
			pbuf_putc(b, ':');
			bootp_ip(b, a, off + 4);
			pbuf_putc(b, ')');
		}
		return len;
	case 's':
		for (; len >= 2; off += 2, len -= 2, first = false) {
			if (!first)
				pbuf_putc(b, ',');
			pbuf_u32(b, msg_u16(a, off));
		}
		return len;
	case 'B':
		for (; len; off++, len--, first = false) {
			uint8_t v = msg_u8(a, off);

			if (!first)
				pbuf_putc(b, ',');
			if (v > 1) {
				pbuf_u32(b, v);
				pbuf_putc(b, '?');
			} else {
				pbuf_putc(b, v ? 'Y' : 'N');
			}
		}
		return 0;
	default: /* 'b', 'x' */
		for (; len; off++, len--, first = false) {
			if (!first)
				pbuf_putc(b, c == 'x' ? ':' : '.');
			if (c == 'x')
				pbuf_hex(b, msg_u8(a, off), 2);
			else
				pbuf_u32(b, msg_u8(a, off));
		}
		return 0;
	}
}

/* Classless static routes (RFC 3442): "(10.0.0.0/8:10.0.0.1)" each; the bytes left unread. */
static size_t bootp_classless(struct pbuf *b, const struct msg *a, size_t off, size_t len)
{
	bool first = true;

	if (len < 5) {
		pbuf_puts(b, "[ERROR: length < 5 bytes]");
		return 0;
	}
	while (len) {
		unsigned width = msg_u8(a, off), octets;

		if (!first)
			pbuf_putc(b, ',');
		off++;
		len--;
		if (width > 32) {
			pbuf_puts(b, "[ERROR: Mask width (");
			pbuf_u32(b, width);
			pbuf_puts(b, ") > 32]");
			return 0;
		}
		octets = (width + 7) / 8;
		if (len < octets + 4) {
			pbuf_puts(b, "[ERROR: Remaining length (");
			pbuf_u32(b, (uint32_t)len);
			pbuf_puts(b, ") < ");
			pbuf_u32(b, octets + 4);
			pbuf_puts(b, " bytes]");
			return 0;
		}
		pbuf_putc(b, '(');
		if (!width) {
			pbuf_puts(b, "default");
		} else {
			for (unsigned i = 0; i < 4; i++) {
				if (i)
					pbuf_putc(b, '.');
				pbuf_u32(b, i < octets ? msg_u8(a, off + i) : 0);
			}
			pbuf_putc(b, '/');
			pbuf_u32(b, width);
		}
		off += octets;
		pbuf_putc(b, ':');
		bootp_ip(b, a, off);
		pbuf_putc(b, ')');
		off += 4;
		len -= octets + 4;
		first = false;
	}
	return 0;
}

static const char *const agent_subopts[] = {
	[1] = "Circuit-ID", [2] = "Remote-ID", [6] = "Subscriber-ID",
};

/* Relay agent information (RFC 3046): its sub-options; the bytes left unread. */
static size_t bootp_agent(struct pbuf *b, const struct msg *a, size_t off, size_t len)
{
	while (len >= 2) {
		uint8_t sub = msg_u8(a, off), sublen = msg_u8(a, off + 1);
		const char *name = sub < 7 && agent_subopts[sub] ? agent_subopts[sub] : "Unknown";

		off += 2;
		len -= 2;
		pbuf_puts(b, "\n\t      ");
		pbuf_puts(b, name);
		pbuf_puts(b, " SubOption ");
		pbuf_u32(b, sub);
		pbuf_puts(b, ", length ");
		pbuf_u32(b, sublen);
		if (sublen > len) {
			pbuf_puts(b, ": length goes past end of option");
			return 0;
		}
		pbuf_puts(b, ": ");
		if (name[0] != 'U')
			msg_printjn(b, a, off, sublen);
		else
			msg_hex_at(b, a, off, sublen, "\n\t\t");
		off += sublen;
		len -= sublen;
	}
	return len;
}

/* User class (RFC 3004): its instances. */
static void bootp_user_class(struct pbuf *b, const struct msg *a, size_t off, size_t len)
{
	unsigned n = 1;

	if (len < 2) {
		pbuf_puts(b, "[ERROR: length < 2 bytes]");
		return;
	}
	while (len) {
		uint8_t sublen = msg_u8(a, off);

		off++;
		len--;
		pbuf_puts(b, "\n\t      instance#");
		pbuf_u32(b, n);
		pbuf_puts(b, ": ");
		if (!sublen) {
			pbuf_puts(b, "[ERROR: suboption length must be non-zero]");
			return;
		}
		if (len < sublen) {
			pbuf_puts(b, "[ERROR: invalid option]");
			return;
		}
		pbuf_putc(b, '"');
		msg_printjn(b, a, off, sublen);
		pbuf_puts(b, "\", length ");
		pbuf_u32(b, sublen);
		n++;
		off += sublen;
		len -= sublen;
	}
}

static const char *const arp_hw[] = {
	[1] = "ether", [6] = "ieee802", [7] = "arcnet", [15] = "frelay", [23] = "strip",
	[24] = "ieee1394",
};

/* The options tcpdump prints with code of their own ('$'); the bytes left unread. */
static size_t bootp_special(struct pbuf *b, const struct msg *a, uint8_t tag, size_t off,
			    size_t len)
{
	static const char *const nodes[] = { NULL, "b-node", "p-node", NULL, "m-node",
					     NULL, NULL,       NULL,     "h-node" };
	static const char *const overload[] = { NULL, "file", "sname", "file+sname" };
	uint8_t v;

	switch (tag) {
	case 46: /* NetBIOS node type */
	case 52: /* option overload */
		if (len < 1) {
			pbuf_puts(b, "[ERROR: length < 1 bytes]");
			return 0;
		}
		v = msg_u8(a, off);
		if (tag == 46 && v < 9 && nodes[v])
			pbuf_puts(b, nodes[v]);
		else if (tag == 52 && v < 4 && overload[v])
			pbuf_puts(b, overload[v]);
		else
			msg_name_or(b, NULL, "#", v);
		return len - 1;
	case 81: /* client FQDN (RFC 4702) */
		if (len < 3) {
			pbuf_puts(b, "[ERROR: length < 3 bytes]");
			return 0;
		}
		v = msg_u8(a, off);
		if (v) {
			pbuf_putc(b, '[');
			if (v & 1)
				pbuf_putc(b, 'S');
			if (v & 2)
				pbuf_putc(b, 'O');
			if (v & 4)
				pbuf_putc(b, 'E');
			if (v & 8)
				pbuf_putc(b, 'N');
			pbuf_puts(b, "] ");
		}
		if (msg_u8(a, off + 1) || msg_u8(a, off + 2)) {
			pbuf_u32(b, msg_u8(a, off + 1));
			pbuf_putc(b, '/');
			pbuf_u32(b, msg_u8(a, off + 2));
			pbuf_putc(b, ' ');
		}
		pbuf_putc(b, '"');
		msg_printjn(b, a, off + 3, len - 3);
		pbuf_putc(b, '"');
		return 0;
	case 61: /* client identifier */
		if (len < 1) {
			pbuf_puts(b, "[ERROR: length < 1 bytes]");
			return 0;
		}
		v = msg_u8(a, off);
		if (!v) {
			pbuf_putc(b, '"');
			msg_printjn(b, a, off + 1, len - 1);
			pbuf_putc(b, '"');
			return 0;
		}
		if (v < sizeof(arp_hw) / sizeof(arp_hw[0]) && arp_hw[v]) {
			pbuf_puts(b, arp_hw[v]);
		} else {
			pbuf_puts(b, "hardware-type ");
			pbuf_u32(b, v);
			pbuf_putc(b, ',');
		}
		pbuf_putc(b, ' ');
		for (size_t i = 1; i < len; i++) {
			if (i > 1)
				pbuf_putc(b, ':');
			pbuf_hex(b, msg_u8(a, off + i), 2);
		}
		return 0;
	case 82:
		return bootp_agent(b, a, off, len);
	case 121:
	case 249:
		return bootp_classless(b, a, off, len);
	case 77:
		bootp_user_class(b, a, off, len);
		return 0;
	}
	return 0;
}

/* The vendor area after RFC 1048's magic cookie: each option; false when cut by the capture. */
static bool bootp_rfc1048(struct pbuf *b, const struct msg *a, unsigned v)
{
	size_t off = BOOTP_VEND + 4;

	pbuf_puts(b, "\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x");
	pbuf_hex(b, msg_u32(a, BOOTP_VEND), 8);
	while (off < a->cap) {
		uint8_t tag = msg_u8(a, off++);
		const char *name;
		size_t len;
		char c;

		if (tag == BOOTP_TAG_PAD && v < 3)
			continue;
		if (tag == BOOTP_TAG_END && v < 3)
			return true;
		name = proto_bootp_tag(tag);
		c = name ? *name++ : '?';
		if (tag == BOOTP_TAG_PAD || tag == BOOTP_TAG_END) {
			len = 0;
		} else {
			if (!msg_has(a, off, 1))
				return false;
			len = msg_u8(a, off++);
		}
		pbuf_puts(b, "\n\t    ");
		pbuf_puts(b, name ? name : "Unknown");
		pbuf_puts(b, " (");
		pbuf_u32(b, tag);
		pbuf_puts(b, "), length ");
		pbuf_u32(b, (uint32_t)len);
		if (len)
			pbuf_puts(b, ": ");
		if (tag == BOOTP_TAG_PAD && v > 2) {
			unsigned n = 1;

			while (off < a->cap && msg_u8(a, off) == BOOTP_TAG_PAD) {
				off++;
				n++;
			}
			if (n > 1) {
				pbuf_puts(b, ", occurs ");
				pbuf_u32(b, n);
			}
		}
		/* tcpdump 4.99 reads an option only whole: a cut one ends the message */
		if (!msg_has(a, off, len))
			return false;
		if (tag == BOOTP_TAG_DHCP_MSG && len == 1) {
			uint8_t t = msg_u8(a, off++);

			if (proto_bootp_msg_name(t)) {
				pbuf_puts(b, proto_bootp_msg_name(t));
			} else {
				msg_name_or(b, NULL, "Unknown (", t);
				pbuf_putc(b, ')');
			}
			continue;
		}
		if (tag == BOOTP_TAG_PARM_REQ) {
			for (size_t i = 0; i < len; i++) {
				const char *pn = proto_bootp_tag(msg_u8(a, off + i));

				pbuf_puts(b, i % 4 ? ", " : "\n\t      ");
				pbuf_puts(b, pn ? pn + 1 : "Unknown");
				pbuf_puts(b, " (");
				pbuf_u32(b, msg_u8(a, off + i));
				pbuf_putc(b, ')');
			}
			off += len;
			continue;
		}
		if (c == '?')
			c = len & 1 ? 'b' : len & 2 ? 's' : 'l';
		{
			size_t left = c == '$' ? bootp_special(b, a, tag, off, len) :
						 bootp_plain(b, a, off, len, c);

			off += len;
			if (left) {
				pbuf_puts(b, "\n\t  trailing data length ");
				pbuf_u32(b, (uint32_t)left);
			}
		}
	}
	return true;
}

/* CMU's vendor area: the addresses that are set. */
static bool bootp_cmu(struct pbuf *b, const struct msg *a)
{
	static const char *const names[] = { "DG", "SM", "NS1", "NS2", "IEN1", "IEN2", "TS1", "TS2" };
	static const unsigned offs[] = { 12, 8, 16, 20, 24, 28, 32, 36 };
	size_t v = BOOTP_VEND;
	uint8_t flags;

	pbuf_puts(b, " vend-cmu");
	if (!msg_has(a, v + 4, 4))
		return false;
	flags = msg_u8(a, v + 4);
	if (flags & ~1u) {
		pbuf_puts(b, " F:0x");
		pbuf_hex(b, flags, 1);
	}
	for (unsigned i = 0; i < 8; i++) {
		if (!msg_has(a, v + offs[i], 4))
			return false;
		if (!msg_u32(a, v + offs[i]))
			continue;
		pbuf_putc(b, ' ');
		pbuf_puts(b, names[i]);
		if (i == 1 && !(flags & 1))
			pbuf_putc(b, '*');
		pbuf_putc(b, ':');
		bootp_ip(b, a, v + offs[i]);
	}
	return true;
}

/* sname or file: a string when its first byte is set; false when tcpdump calls it cut. */
static bool bootp_field(struct pbuf *b, const struct msg *a, size_t off, size_t n,
			const char *label)
{
	bool whole;

	if (!msg_has(a, off, 1))
		return false;
	if (!msg_u8(a, off))
		return true;
	pbuf_puts(b, label);
	whole = msg_printztn(b, a, off, n) != 0;
	pbuf_putc(b, '"');
	return whole;
}

/* -v: the fixed header's fields and the vendor area; false when cut. */
static bool bootp_print_v(struct pbuf *b, const struct msg *a, unsigned v, uint8_t htype,
			  uint8_t hlen)
{
	static const char *const addrs[] = { "\n\t  Client-IP ", "\n\t  Your-IP ",
					     "\n\t  Server-IP ", "\n\t  Gateway-IP " };
	uint16_t flags;

	if (htype != 1) {
		pbuf_puts(b, ", htype ");
		pbuf_u32(b, htype);
	}
	if (htype != 1 || hlen != 6) {
		pbuf_puts(b, ", hlen ");
		pbuf_u32(b, hlen);
	}
	if (!msg_has(a, BOOTP_HOPS, 1))
		return false;
	if (msg_u8(a, BOOTP_HOPS)) {
		pbuf_puts(b, ", hops ");
		pbuf_u32(b, msg_u8(a, BOOTP_HOPS));
	}
	if (!msg_has(a, BOOTP_XID, 4))
		return false;
	if (msg_u32(a, BOOTP_XID)) {
		pbuf_puts(b, ", xid 0x");
		pbuf_hex(b, msg_u32(a, BOOTP_XID), 1);
	}
	if (!msg_has(a, BOOTP_SECS, 2))
		return false;
	if (msg_u16(a, BOOTP_SECS)) {
		pbuf_puts(b, ", secs ");
		pbuf_u32(b, msg_u16(a, BOOTP_SECS));
	}
	if (!msg_has(a, BOOTP_FLAGS, 2))
		return false;
	flags = msg_u16(a, BOOTP_FLAGS);
	pbuf_puts(b, flags & 0x8000 ? ", Flags [Broadcast]" : ", Flags [none]");
	if (v > 1) {
		pbuf_puts(b, " (0x");
		pbuf_hex(b, flags, 4);
		pbuf_putc(b, ')');
	}
	for (unsigned i = 0; i < 4; i++) {
		size_t off = BOOTP_CIADDR + 4 * i;

		if (!msg_has(a, off, 4))
			return false;
		if (msg_u32(a, off)) {
			pbuf_puts(b, addrs[i]);
			bootp_ip(b, a, off);
		}
	}
	if (htype == 1 && hlen == 6) {
		if (!msg_has(a, BOOTP_CHADDR, 6))
			return false;
		pbuf_puts(b, "\n\t  Client-Ethernet-Address ");
		bootp_mac(b, a, BOOTP_CHADDR);
	}
	if (!bootp_field(b, a, BOOTP_SNAME, 64, "\n\t  sname \"") ||
	    !bootp_field(b, a, BOOTP_FILE, 128, "\n\t  file \"") || !msg_has(a, BOOTP_VEND, 4))
		return false;
	if (!memcmp(a->p + BOOTP_VEND, "\x63\x82\x53\x63", 4))
		return bootp_rfc1048(b, a, v);
	if (!memcmp(a->p + BOOTP_VEND, "CMU", 4))
		return bootp_cmu(b, a);
	if (msg_u32(a, BOOTP_VEND)) {
		pbuf_puts(b, "\n\t  Vendor-#0x");
		pbuf_hex(b, msg_u32(a, BOOTP_VEND), 1);
	}
	return true;
}

bool proto_bootp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg a;
	uint8_t op, htype, hlen;

	msg_of(&a, x);
	if (!msg_has(&a, BOOTP_OP, 1))
		return msg_trunc_put(b, "bootp");
	op = msg_u8(&a, BOOTP_OP);
	pbuf_puts(b, "BOOTP/DHCP, ");
	if (op == 1 || op == 2) {
		pbuf_puts(b, op == 1 ? "Request" : "Reply");
	} else {
		pbuf_puts(b, "unknown (0x");
		pbuf_hex(b, op, 2);
		pbuf_putc(b, ')');
	}
	if (!msg_has(&a, BOOTP_HTYPE, 2))
		return msg_trunc_put(b, "bootp");
	htype = msg_u8(&a, BOOTP_HTYPE);
	hlen = msg_u8(&a, BOOTP_HLEN);
	if (htype == 1 && hlen == 6 && op == 1) {
		if (!msg_has(&a, BOOTP_CHADDR, 6))
			return msg_trunc_put(b, "bootp");
		pbuf_puts(b, " from ");
		bootp_mac(b, &a, BOOTP_CHADDR);
	}
	pbuf_puts(b, ", length ");
	pbuf_u32(b, a.len);
	if (!line_verbosity(x))
		return true;
	if (!bootp_print_v(b, &a, line_verbosity(x), htype, hlen))
		return msg_trunc_put(b, "bootp");
	return true;
}
