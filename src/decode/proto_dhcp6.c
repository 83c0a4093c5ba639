/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dhcp6.c: DHCPv6 (RFC 8415 and its options' RFCs): dissector and tcpdump's text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_dhcp6.h"
#include "decode/proto_dns.h"

enum {
	DH6_RELAY_FORW = 12,
	DH6_RELAY_REPLY = 13,
};

/*
 * RFC 8415 section 8: a message type and a 3-byte transaction ID, then
 * options; relay messages (section 9) carry a hop count and two addresses
 * before theirs.  The dissector keeps the type and ID.
 */
int proto_dhcp6_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_dhcp6 *d = &l->dhcp6;
	uint32_t word;

	l->app = PKT_PROTO_DHCP6;
	*d = (struct pkt_dhcp6){ 0 };
	if (pkt_get_be32(c, &word)) {
		d->has_type = true;
		d->msg_type = (uint8_t)(word >> 24);
		d->xid = word & 0xffffff;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const dh6_msgs[] = {
	NULL,	     "solicit",	    "advertise",   "request",	  "confirm",
	"renew",     "rebind",	    "reply",	   "release",	  "decline",
	"reconfigure", "inf-req",   "relay-fwd",   "relay-reply", "leasequery",
	"leasequery-reply",
};

const char *proto_dhcp6_msg_name(uint8_t type)
{
	return type < sizeof(dh6_msgs) / sizeof(dh6_msgs[0]) ? dh6_msgs[type] : NULL;
}

static const struct {
	uint16_t code;
	const char *name;
} dh6_opt_names[] = {
	{ 1, "client-ID" },
	{ 2, "server-ID" },
	{ 3, "IA_NA" },
	{ 4, "IA_TA" },
	{ 5, "IA_ADDR" },
	{ 6, "option-request" },
	{ 7, "preference" },
	{ 8, "elapsed-time" },
	{ 9, "relay-message" },
	{ 11, "authentication" },
	{ 12, "server-unicast" },
	{ 13, "status-code" },
	{ 14, "rapid-commit" },
	{ 15, "user-class" },
	{ 16, "vendor-class" },
	{ 17, "vendor-specific-info" },
	{ 18, "interface-ID" },
	{ 19, "reconfigure-message" },
	{ 20, "reconfigure-accept" },
	{ 21, "SIP-servers-domain" },
	{ 22, "SIP-servers-address" },
	{ 23, "DNS-server" },
	{ 24, "DNS-search-list" },
	{ 25, "IA_PD" },
	{ 26, "IA_PD-prefix" },
	{ 27, "NIS-server" },
	{ 28, "NIS+-server" },
	{ 29, "NIS-domain-name" },
	{ 30, "NIS+-domain-name" },
	{ 31, "SNTP-servers" },
	{ 32, "lifetime" },
	{ 33, "BCMCS-domain-name" },
	{ 34, "BCMCS-server" },
	{ 36, "Geoconf-Civic" },
	{ 37, "Remote-ID" },
	{ 38, "Subscriber-ID" },
	{ 39, "Client-FQDN" },
	{ 40, "PANA-agent" },
	{ 41, "POSIX-timezone" },
	{ 42, "POSIX-tz-database" },
	{ 43, "Echo-request-option" },
	{ 44, "Lease-query" },
	{ 45, "LQ-client-data" },
	{ 46, "Clt-time" },
	{ 47, "LQ-relay-data" },
	{ 48, "LQ-client-link" },
	{ 56, "NTP-server" },
	{ 64, "AFTR-Name" },
	{ 112, "MUD-URL" },
};

const char *proto_dhcp6_opt_name(uint16_t code)
{
	for (size_t i = 0; i < sizeof(dh6_opt_names) / sizeof(dh6_opt_names[0]); i++)
		if (dh6_opt_names[i].code == code)
			return dh6_opt_names[i].name;
	return NULL;
}

static const char *const dh6_status[] = {
	"Success",	 "UnspecFail",	  "NoAddrsAvail",  "NoBinding",
	"NotOnLink",	 "UseMulticast",  "NoPrefixAvail", "UnknownQueryType",
	"MalformedQuery", "NotConfigured", "NotAllowed",
};

static void dh6_opt_name(struct pbuf *b, uint16_t code)
{
	msg_name_or(b, proto_dhcp6_opt_name(code), "opt_", code);
}

static void dh6_ip6(struct pbuf *b, const struct msg *a, size_t off)
{
	pbuf_ip6(b, a->p + off);
}

static void dh6_hex(struct pbuf *b, const struct msg *a, size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pbuf_hex(b, msg_u8(a, off + i), 2);
}

/* tcpdump's fqdn_print over [off, end): one name; the offset after it, or 0 when it fails. */
static size_t dh6_fqdn(struct pbuf *b, const struct msg *a, size_t off, size_t end)
{
	struct dns_msg d = { .p = a->p + off, .cap = end - off };
	size_t n = dns_name_print(b, &d, 0);

	return n == DNS_FAIL ? 0 : off + n;
}

static bool dh6_print_msg(struct pbuf *b, const struct msg *a, size_t off, size_t end,
			  unsigned v);

/* The client/server identifier (DUID, RFC 8415 11). */
static void dh6_duid(struct pbuf *b, const struct msg *a, size_t tp, size_t len)
{
	if (len < 2) {
		pbuf_puts(b, " ?)");
		return;
	}
	switch (msg_u16(a, tp)) {
	case 1:
		if (len < 8) {
			pbuf_puts(b, " ?)");
			return;
		}
		pbuf_puts(b, " hwaddr/time type ");
		pbuf_u32(b, msg_u16(a, tp + 2));
		pbuf_puts(b, " time ");
		pbuf_u32(b, msg_u32(a, tp + 4));
		pbuf_putc(b, ' ');
		dh6_hex(b, a, tp + 8, len - 8);
		break;
	case 2:
		if (len < 10) {
			pbuf_puts(b, " ?)");
			return;
		}
		pbuf_puts(b, " vid ");
		dh6_hex(b, a, tp + 2, 8);
		break;
	case 3:
		if (len < 4) {
			pbuf_puts(b, " ?)");
			return;
		}
		pbuf_puts(b, " hwaddr type ");
		pbuf_u32(b, msg_u16(a, tp + 2));
		pbuf_putc(b, ' ');
		dh6_hex(b, a, tp + 4, len - 4);
		break;
	default:
		pbuf_puts(b, " type ");
		pbuf_u32(b, msg_u16(a, tp));
		break;
	}
	pbuf_putc(b, ')');
}

/* Authentication (RFC 8415 21.11). */
static void dh6_auth(struct pbuf *b, const struct msg *a, size_t tp, size_t len)
{
	uint8_t proto, alg, rdm;
	size_t info;

	if (len < 11) {
		pbuf_puts(b, " ?)");
		return;
	}
	proto = msg_u8(a, tp);
	alg = msg_u8(a, tp + 1);
	rdm = msg_u8(a, tp + 2);
	pbuf_puts(b, " proto: ");
	if (proto == 2)
		pbuf_puts(b, "delayed");
	else if (proto == 3)
		pbuf_puts(b, "reconfigure");
	else
		pbuf_u32(b, proto);
	pbuf_puts(b, ", alg: ");
	if (alg == 1)
		pbuf_puts(b, "HMAC-MD5");
	else
		pbuf_u32(b, alg);
	pbuf_puts(b, ", RDM: ");
	if (rdm == 0)
		pbuf_puts(b, "mono");
	else
		pbuf_u32(b, rdm);
	pbuf_puts(b, ", RD:");
	for (unsigned i = 0; i < 4; i++) {
		pbuf_putc(b, ' ');
		pbuf_hex(b, msg_u16(a, tp + 3 + 2 * i), 4);
	}
	tp += 11;
	info = len - 11;
	if (proto == 2) {
		if (info && info < 20) {
			pbuf_puts(b, " ??");
		} else if (info) {
			if (info > 20)
				pbuf_puts(b, ", realm: ");
			dh6_hex(b, a, tp, info - 20);
			tp += info - 20;
			pbuf_puts(b, ", key ID: ");
			pbuf_hex(b, msg_u32(a, tp), 8);
			pbuf_puts(b, ", HMAC-MD5:");
			for (unsigned i = 0; i < 4; i++) {
				pbuf_putc(b, ' ');
				pbuf_hex(b, msg_u32(a, tp + 4 + 4 * i), 8);
			}
		}
	} else if (proto == 3) {
		if (info != 17) {
			pbuf_puts(b, " ??");
		} else {
			uint8_t t = msg_u8(a, tp);

			pbuf_puts(b, t == 1 ? " reconfig-key" : t == 2 ? " type: HMAC-MD5" : " type: ??");
			pbuf_puts(b, " value:");
			for (unsigned i = 0; i < 4; i++) {
				pbuf_putc(b, ' ');
				pbuf_hex(b, msg_u32(a, tp + 1 + 4 * i), 8);
			}
		}
	} else {
		pbuf_puts(b, " ??");
	}
	pbuf_putc(b, ')');
}

/*
 * The options in [off, end) (end within the capture), as tcpdump's
 * dhcp6opt_print: " (name ...)" each.  A cut or overlong option ends the list
 * with " [|dhcp6]"; false when a relayed message was cut where tcpdump gives
 * up on the whole packet.
 */
static bool dh6_opts(struct pbuf *b, const struct msg *a, size_t off, size_t end, unsigned v)
{
	while (off < end) {
		uint16_t type, len;
		size_t tp;

		if (end - off < 4 || end - off - 4 < msg_u16(a, off + 2)) {
			msg_trunc_put(b, "dhcp6");
			return true;
		}
		type = msg_u16(a, off);
		len = msg_u16(a, off + 2);
		tp = off + 4;
		pbuf_puts(b, " (");
		dh6_opt_name(b, type);
		switch (type) {
		case 1:
		case 2:
			dh6_duid(b, a, tp, len);
			break;
		case 5: /* IA_ADDR */
			if (len < 24) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			dh6_ip6(b, a, tp);
			pbuf_puts(b, " pltime:");
			pbuf_u32(b, msg_u32(a, tp + 16));
			pbuf_puts(b, " vltime:");
			pbuf_u32(b, msg_u32(a, tp + 20));
			if (len > 24 && !dh6_opts(b, a, tp + 24, tp + len, v))
				return false;
			pbuf_putc(b, ')');
			break;
		case 6: /* option request */
		case 43: /* echo request */
			if (len % 2) {
				pbuf_puts(b, " ?)");
				break;
			}
			for (size_t i = 0; i < len; i += 2) {
				pbuf_putc(b, ' ');
				dh6_opt_name(b, msg_u16(a, tp + i));
			}
			pbuf_putc(b, ')');
			break;
		case 7: /* preference */
			if (len != 1) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			pbuf_u32(b, msg_u8(a, tp));
			pbuf_putc(b, ')');
			break;
		case 8: /* elapsed time */
			if (len != 2) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			pbuf_u32(b, msg_u16(a, tp));
			pbuf_putc(b, ')');
			break;
		case 9: /* relay message: a whole message inside */
			pbuf_puts(b, " (");
			if (!dh6_print_msg(b, a, tp, tp + len, v))
				return false;
			pbuf_putc(b, ')');
			break;
		case 11:
			dh6_auth(b, a, tp, len);
			break;
		case 18: /* interface ID */
		case 38: /* subscriber ID */
			pbuf_putc(b, ' ');
			dh6_hex(b, a, tp, len < 10 ? len : 10);
			pbuf_puts(b, "...)");
			break;
		case 19: /* reconfigure message */
			if (len != 1) {
				pbuf_puts(b, " ?)");
				break;
			}
			if (msg_u8(a, tp) == 5) {
				pbuf_puts(b, " for renew)");
			} else if (msg_u8(a, tp) == 11) {
				pbuf_puts(b, " for inf-req)");
			} else {
				pbuf_puts(b, " for ?\?\?(");
				pbuf_hex(b, msg_u8(a, tp), 2);
				pbuf_puts(b, "))");
			}
			break;
		case 22: /* address lists */
		case 23:
		case 27:
		case 28:
		case 31:
		case 34:
		case 40:
		case 48:
			if (len % 16) {
				pbuf_puts(b, " ?)");
				break;
			}
			for (size_t i = 0; i < len; i += 16) {
				pbuf_putc(b, ' ');
				dh6_ip6(b, a, tp + i);
			}
			pbuf_putc(b, ')');
			break;
		case 21: /* domain lists */
		case 24:
			for (size_t p = tp; p < tp + len;) {
				pbuf_putc(b, ' ');
				/* tcpdump bounds a name by the capture, not by its option */
				p = dh6_fqdn(b, a, p, a->cap);
				if (!p) {
					msg_trunc_put(b, "dhcp6");
					return true;
				}
			}
			pbuf_putc(b, ')');
			break;
		case 13: /* status code */
			if (len < 2) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			if (msg_u16(a, tp) > 255)
				pbuf_puts(b, "INVALID code");
			else
				msg_name_or(b, msg_u16(a, tp) < 11 ? dh6_status[msg_u16(a, tp)] : NULL,
					    "code", msg_u16(a, tp));
			pbuf_putc(b, ')');
			break;
		case 3: /* IA_NA */
		case 25: /* IA_PD */
			if (len < 12) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_puts(b, " IAID:");
			pbuf_u32(b, msg_u32(a, tp));
			pbuf_puts(b, " T1:");
			pbuf_u32(b, msg_u32(a, tp + 4));
			pbuf_puts(b, " T2:");
			pbuf_u32(b, msg_u32(a, tp + 8));
			if (len > 12 && !dh6_opts(b, a, tp + 12, tp + len, v))
				return false;
			pbuf_putc(b, ')');
			break;
		case 4: /* IA_TA */
			if (len < 4) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_puts(b, " IAID:");
			pbuf_u32(b, msg_u32(a, tp));
			if (len > 4 && !dh6_opts(b, a, tp + 4, tp + len, v))
				return false;
			pbuf_putc(b, ')');
			break;
		case 26: /* IA_PD prefix */
			if (len < 25) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			dh6_ip6(b, a, tp + 9);
			pbuf_putc(b, '/');
			pbuf_u32(b, msg_u8(a, tp + 8));
			pbuf_puts(b, " pltime:");
			pbuf_u32(b, msg_u32(a, tp));
			pbuf_puts(b, " vltime:");
			pbuf_u32(b, msg_u32(a, tp + 4));
			if (len > 25 && !dh6_opts(b, a, tp + 25, tp + len, v))
				return false;
			pbuf_putc(b, ')');
			break;
		case 32: /* lifetime */
		case 46: /* client last transaction time */
			if (len != 4) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			pbuf_u32(b, msg_u32(a, tp));
			pbuf_putc(b, ')');
			break;
		case 37: /* remote ID */
			if (len < 4) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			pbuf_u32(b, msg_u32(a, tp));
			pbuf_putc(b, ' ');
			dh6_hex(b, a, tp + 4, len - 4 < 10 ? len - 4u : 10);
			pbuf_puts(b, "...)");
			break;
		case 44: /* lease query */
			if (len < 17) {
				pbuf_puts(b, " ?)");
				break;
			}
			if (msg_u8(a, tp) == 1) {
				pbuf_puts(b, " by-address");
			} else if (msg_u8(a, tp) == 2) {
				pbuf_puts(b, " by-clientID");
			} else {
				pbuf_puts(b, " type_");
				pbuf_u32(b, msg_u8(a, tp));
			}
			pbuf_putc(b, ' ');
			dh6_ip6(b, a, tp + 1);
			if (len > 17 && !dh6_opts(b, a, tp + 17, tp + len, v))
				return false;
			pbuf_putc(b, ')');
			break;
		case 45: /* client data */
			if (len && !dh6_opts(b, a, tp, tp + len, v))
				return false;
			pbuf_putc(b, ')');
			break;
		case 47: /* relay data */
			if (len < 16) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			dh6_ip6(b, a, tp);
			pbuf_putc(b, ' ');
			dh6_hex(b, a, tp + 16, len - 16 < 10 ? len - 16u : 10);
			pbuf_puts(b, "...)");
			break;
		case 56: /* NTP server (RFC 5908) */
			if (len < 4) {
				pbuf_puts(b, " ?)");
				break;
			}
			for (size_t p = tp; p < tp + len - 4;) {
				uint16_t sub = msg_u16(a, p), sublen = msg_u16(a, p + 2);

				p += 4;
				if (p + sublen > tp + len) {
					msg_trunc_put(b, "dhcp6");
					return true;
				}
				pbuf_puts(b, " subopt:");
				pbuf_u32(b, sub);
				if ((sub == 1 || sub == 2) && sublen == 16) {
					pbuf_putc(b, ' ');
					dh6_ip6(b, a, p);
				} else if (sub == 3) {
					pbuf_putc(b, ' ');
					if (!dh6_fqdn(b, a, p, a->cap)) {
						msg_trunc_put(b, "dhcp6");
						return true;
					}
				} else {
					pbuf_puts(b, " ?");
				}
				p += sublen;
			}
			pbuf_putc(b, ')');
			break;
		case 64: { /* AFTR name (RFC 6334) */
			size_t remain = len, p = tp;

			if (len < 3) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			while (remain && msg_u8(a, p)) {
				uint8_t label = msg_u8(a, p++);

				if (label < remain - 1) {
					msg_printjnp(b, a, p, label);
					p += label;
					remain -= label + 1u;
					if (msg_u8(a, p))
						pbuf_putc(b, '.');
				} else {
					pbuf_puts(b, " ?");
					break;
				}
			}
			pbuf_putc(b, ')');
			break;
		}
		case 41: /* timezones, MUD URL */
		case 42:
		case 112:
			if (len < 5) {
				pbuf_puts(b, " ?)");
				break;
			}
			pbuf_putc(b, ' ');
			msg_printjnp(b, a, tp, len);
			pbuf_putc(b, ')');
			break;
		default:
			pbuf_putc(b, ')');
			break;
		}
		off = tp + len;
	}
	return true;
}

/*
 * One message in [off, end) (end may pass the capture): "dhcp6 solicit", and
 * with -v its ID (or a relay's addresses) and options.  False when cut where
 * tcpdump gives up on the whole packet.
 */
static bool dh6_print_msg(struct pbuf *b, const struct msg *a, size_t off, size_t end,
			  unsigned v)
{
	uint8_t type;
	const char *name;

	if (end > a->cap)
		end = a->cap;
	pbuf_puts(b, "dhcp6");
	if (off > end || end - off < 4) {
		msg_trunc_put(b, "dhcp6");
		return true;
	}
	type = msg_u8(a, off);
	name = proto_dhcp6_msg_name(type);
	pbuf_putc(b, ' ');
	msg_name_or(b, name, "msgtype-", type);
	if (!v)
		return true;
	pbuf_puts(b, " (");
	if (type != DH6_RELAY_FORW && type != DH6_RELAY_REPLY) {
		pbuf_puts(b, "xid=");
		pbuf_hex(b, msg_u32(a, off) & 0xffffff, 1);
		if (!dh6_opts(b, a, off + 4, end, v))
			return false;
	} else {
		if (!msg_has(a, off + 2, 16) || off + 18 > end)
			return false;
		pbuf_puts(b, "linkaddr=");
		dh6_ip6(b, a, off + 2);
		if (!msg_has(a, off + 18, 16) || off + 34 > end)
			return false;
		pbuf_puts(b, " peeraddr=");
		dh6_ip6(b, a, off + 18);
		if (!dh6_opts(b, a, off + 34, end, v))
			return false;
	}
	pbuf_putc(b, ')');
	return true;
}

bool proto_dhcp6_print(struct line *x)
{
	struct msg a;

	msg_of(&a, x);
	if (!dh6_print_msg(&x->b, &a, 0, a.len, line_verbosity(x)))
		msg_trunc_put(&x->b, "dhcp6");
	return true;
}
