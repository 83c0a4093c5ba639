/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_bgp.c: BGP-4 (RFC 4271) over TCP port 179 as tcpdump 4.99 prints it:
 * the messages of a segment found by their marker, OPEN, UPDATE's framing,
 * NOTIFICATION (RFC 4486 cease subcodes, RFC 9003 shutdown communication),
 * KEEPALIVE and ROUTE-REFRESH (RFC 2918); the reader the other proto_bgp_*.c
 * files share.  4.99 knows neither RFC 9072's extended optional parameters,
 * RFC 8538's hard reset nor RFC 7313's refresh subtypes: they print as it
 * prints them, unnamed or not at all.
 */
#include "config.h"

#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_bgp.h"

enum {
	BGP_OPEN = 1,
	BGP_UPDATE = 2,
	BGP_NOTIFICATION = 3,
	BGP_KEEPALIVE = 4,
	BGP_ROUTE_REFRESH = 5,
};

#define BGP_OPEN_LEN	      29 /* header, version, my AS, hold time, id, optional length */
#define BGP_NOTIFICATION_LEN  21
#define BGP_ROUTE_REFRESH_LEN 23

/*
 * Nothing is kept at dissection: the printer and the JSON view walk the
 * segment's messages again from the layer's offset.
 */
int proto_bgp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_BGP;
	return PKT_PROTO_NONE;
}

/* ---- tables ---------------------------------------------------------------------------------- */

static const struct msg_tok bgp_msg_names[] = {
	{ BGP_OPEN, "Open" },
	{ BGP_UPDATE, "Update" },
	{ BGP_NOTIFICATION, "Notification" },
	{ BGP_KEEPALIVE, "Keepalive" },
	{ BGP_ROUTE_REFRESH, "Route Refresh" },
	{ 0, NULL },
};

static const struct msg_tok bgp_opt_names[] = {
	{ 1, "Authentication Information" },
	{ 2, "Capabilities Advertisement" },
	{ 0, NULL },
};

static const struct msg_tok bgp_major_names[] = {
	{ 1, "Message Header Error" },
	{ 2, "OPEN Message Error" },
	{ 3, "UPDATE Message Error" },
	{ 4, "Hold Timer Expired" },
	{ 5, "Finite State Machine Error" },
	{ 6, "Cease" },
	{ 7, "Capability Message Error" },
	{ 0, NULL },
};

static const struct msg_tok bgp_minor_msg[] = {
	{ 1, "Connection Not Synchronized" },
	{ 2, "Bad Message Length" },
	{ 3, "Bad Message Type" },
	{ 0, NULL },
};

static const struct msg_tok bgp_minor_open[] = {
	{ 1, "Unsupported Version Number" },
	{ 2, "Bad Peer AS" },
	{ 3, "Bad BGP Identifier" },
	{ 4, "Unsupported Optional Parameter" },
	{ 5, "Authentication Failure" },
	{ 6, "Unacceptable Hold Time" },
	{ 7, "Capability Message Error" },
	{ 0, NULL },
};

static const struct msg_tok bgp_minor_update[] = {
	{ 1, "Malformed Attribute List" },
	{ 2, "Unrecognized Well-known Attribute" },
	{ 3, "Missing Well-known Attribute" },
	{ 4, "Attribute Flags Error" },
	{ 5, "Attribute Length Error" },
	{ 6, "Invalid ORIGIN Attribute" },
	{ 7, "AS Routing Loop" },
	{ 8, "Invalid NEXT_HOP Attribute" },
	{ 9, "Optional Attribute Error" },
	{ 10, "Invalid Network Field" },
	{ 11, "Malformed AS_PATH" },
	{ 0, NULL },
};

static const struct msg_tok bgp_minor_fsm[] = {
	{ 0, "Unspecified Error" },
	{ 1, "In OpenSent State" },
	{ 2, "In OpenConfirm State" },
	{ 3, "In Established State" },
	{ 0, NULL },
};

static const struct msg_tok bgp_minor_cap[] = {
	{ 1, "Invalid Action Value" },
	{ 2, "Invalid Capability Length" },
	{ 3, "Malformed Capability Value" },
	{ 4, "Unsupported Capability Code" },
	{ 0, NULL },
};

enum {
	BGP_CEASE_MAXPRFX = 1, /* RFC 4486 */
	BGP_CEASE_SHUT = 2,    /* RFC 9003 */
	BGP_CEASE_RESET = 4,
};

static const struct msg_tok bgp_minor_cease[] = {
	{ BGP_CEASE_MAXPRFX, "Maximum Number of Prefixes Reached" },
	{ BGP_CEASE_SHUT, "Administrative Shutdown" },
	{ 3, "Peer Unconfigured" },
	{ BGP_CEASE_RESET, "Administrative Reset" },
	{ 5, "Connection Rejected" },
	{ 6, "Other Configuration Change" },
	{ 7, "Connection Collision Resolution" },
	{ 0, NULL },
};

/* "Name (n)", as tcpdump's "%s (%u)" of tok2str(t, unknown, v) and v. */
static void bgp_named(struct pbuf *b, const struct msg_tok *t, const char *unknown, uint32_t v)
{
	msg_tok_put(b, t, unknown, v);
	pbuf_puts(b, " (");
	pbuf_u32(b, v);
	pbuf_putc(b, ')');
}

/* ---- OPEN ------------------------------------------------------------------------------------ */

static void bgp_open_print(struct bgp_pr *r, size_t at, size_t length)
{
	struct pbuf *b = r->b;
	size_t opts, i, off;
	uint8_t version;
	uint16_t myas, hold;

	if (!msg_has(&r->g, at, BGP_OPEN_LEN) || length < BGP_OPEN_LEN) {
		bgp_trunc(r);
		return;
	}
	version = msg_u8(&r->g, at + 19);
	myas = msg_u16(&r->g, at + 20);
	hold = msg_u16(&r->g, at + 22);
	pbuf_puts(b, "\n\t  Version ");
	pbuf_u32(b, version);
	pbuf_puts(b, ", my AS ");
	bgp_as(r, myas);
	pbuf_puts(b, ", Holdtime ");
	pbuf_u32(b, hold);
	pbuf_puts(b, "s, ID ");
	pbuf_ip4(b, bgp_ptr(r, at + 24));
	opts = msg_u8(&r->g, at + 28);
	pbuf_puts(b, "\n\t  Optional parameters, length: ");
	pbuf_u32(b, (uint32_t)opts);
	off = at + BGP_OPEN_LEN;
	length -= BGP_OPEN_LEN;
	for (i = 0; i < opts;) {
		uint8_t type, len;

		if (!msg_has(&r->g, off + i, 2) || length < 2 + i) {
			bgp_trunc(r);
			return;
		}
		type = msg_u8(&r->g, off + i);
		len = msg_u8(&r->g, off + i + 1);
		if (2 + i + len > opts) {
			msg_printf(b, "\n\t     Option %u, length: %u, goes past the end of the options",
				   type, len);
			break;
		}
		pbuf_puts(b, "\n\t    Option ");
		bgp_named(b, bgp_opt_names, "Unknown", type);
		pbuf_puts(b, ", length: ");
		pbuf_u32(b, len);
		if (type == 2)
			bgp_caps_print(r, off + 2 + i, len);
		else
			msg_printf(b, "\n\t      no decoder for option %u", type);
		if (r->cut)
			return;
		i += 2u + len;
	}
}

/* ---- UPDATE ---------------------------------------------------------------------------------- */

/*
 * Withdrawn routes or the NLRI at the end: IPv4 prefixes, with path ids
 * when they read better so.  false: tcpdump's trunc.
 */
static bool bgp_routes_print(struct bgp_pr *r, size_t *p, size_t *length, size_t *left,
			     bool withdrawn)
{
	bool add_path = bgp_check_add_path(r, *p, *left, 32);
	uint32_t path_id = 0;
	size_t n = *left;

	/* what is left of n stays in *left: an illegal prefix ends the walk there */
	while ((*left = n)) {
		int w;

		if (add_path) {
			if (withdrawn && n < 4) {
				*p += n;
				*length -= n;
				return true;
			}
			if (!withdrawn && (!msg_has(&r->g, *p, 4) || *length < 4))
				return false;
			path_id = bgp_u32(r, *p);
			*p += 4;
			*length -= 4;
			n -= 4;
		}
		w = bgp_prefix4(r, *p, n, "\n\t    ");
		if (r->cut)
			return true;
		if (w == -1) {
			pbuf_puts(r->b, "\n\t    (illegal prefix length)");
			return true;
		}
		if (w == -2)
			return false;
		if (add_path) {
			pbuf_puts(r->b, "   Path Id: ");
			pbuf_u32(r->b, path_id);
		}
		*p += (size_t)w;
		*length -= (size_t)w;
		n -= (size_t)w;
	}
	*left = n;
	return true;
}

static bool bgp_update_attrs(struct bgp_pr *r, size_t *p, size_t *length, size_t len)
{
	struct pbuf *b = r->b;

	while (len) {
		uint8_t flags, type;
		size_t lenlen;
		uint16_t alen;

		if (!msg_has(&r->g, *p, 2) || *length < 2)
			return false;
		if (len < 2) {
			pbuf_puts(b, "\n\t  [path attrs too short]");
			*p += len;
			*length -= len;
			return true;
		}
		flags = msg_u8(&r->g, *p);
		type = msg_u8(&r->g, *p + 1);
		*p += 2;
		len -= 2;
		*length -= 2;
		lenlen = flags & 0x10 ? 2 : 1;
		if (!msg_has(&r->g, *p, lenlen) || *length < lenlen)
			return false;
		if (len < lenlen) {
			pbuf_puts(b, "\n\t  [path attrs too short]");
			*p += len;
			*length -= len;
			return true;
		}
		alen = lenlen == 2 ? msg_u16(&r->g, *p) : msg_u8(&r->g, *p);
		*p += lenlen;
		len -= lenlen;
		*length -= lenlen;
		pbuf_puts(b, "\n\t  ");
		bgp_named(b, bgp_attr_names, "Unknown Attribute", type);
		pbuf_puts(b, ", length: ");
		pbuf_u32(b, alen);
		if (flags) {
			bgp_attr_flags_put(b, flags);
			pbuf_puts(b, ": ");
		}
		if (len < alen) {
			pbuf_puts(b, " [path attrs too short]");
			*p += len;
			*length -= len;
			return true;
		}
		if (*length < alen)
			return false;
		if (!bgp_attr_print(r, type, *p, alen, 0) || r->cut)
			return false;
		*p += alen;
		len -= alen;
		*length -= alen;
	}
	return true;
}

static void bgp_update_print(struct bgp_pr *r, size_t at, size_t length)
{
	size_t p = at + BGP_HDR_LEN, withdrawn, len;

	length -= BGP_HDR_LEN;
	if (!msg_has(&r->g, p, 2) || length < 2)
		goto trunc;
	withdrawn = msg_u16(&r->g, p);
	p += 2;
	length -= 2;
	if (!msg_has(&r->g, p, withdrawn) || length < withdrawn)
		goto trunc;
	if (withdrawn > 1) {
		/* IPv4 only: which family an older message announced is not known here */
		pbuf_puts(r->b, "\n\t  Withdrawn routes:");
		if (!bgp_routes_print(r, &p, &length, &withdrawn, true))
			goto trunc;
		if (r->cut)
			return;
	} else {
		p += withdrawn;
		length -= withdrawn;
	}
	if (!msg_has(&r->g, p, 2) || length < 2)
		goto trunc;
	len = msg_u16(&r->g, p);
	p += 2;
	length -= 2;
	if (withdrawn == 0 && len == 0 && length == 0) {
		pbuf_puts(r->b, "\n\t  End-of-Rib Marker (empty NLRI)");
		return;
	}
	if (len) {
		if (length < len)
			goto trunc;
		if (!bgp_update_attrs(r, &p, &length, len))
			goto trunc;
	}
	if (length) {
		size_t left = length;

		pbuf_puts(r->b, "\n\t  Updated routes:");
		if (!bgp_routes_print(r, &p, &length, &left, false))
			goto trunc;
	}
	return;
trunc:
	bgp_trunc(r);
}

/* ---- NOTIFICATION ---------------------------------------------------------------------------- */

static void bgp_subcode(struct pbuf *b, const char *sep, const struct msg_tok *t, uint8_t minor)
{
	pbuf_puts(b, sep);
	pbuf_puts(b, "subcode ");
	bgp_named(b, t, "Unknown", minor);
}

static void bgp_notification_code(struct bgp_pr *r, size_t off, size_t length, uint8_t major,
				  uint8_t minor)
{
	struct pbuf *b = r->b;

	pbuf_puts(b, ", ");
	bgp_named(b, bgp_major_names, "Unknown Error", major);
	switch (major) {
	case 1:
		bgp_subcode(b, ", ", bgp_minor_msg, minor);
		break;
	case 2:
		bgp_subcode(b, ", ", bgp_minor_open, minor);
		break;
	case 3:
		bgp_subcode(b, ", ", bgp_minor_update, minor);
		break;
	case 5:
		bgp_subcode(b, " ", bgp_minor_fsm, minor);
		break;
	case 7:
		bgp_subcode(b, " ", bgp_minor_cap, minor);
		break;
	case 6:
		bgp_subcode(b, ", ", bgp_minor_cease, minor);
		if (minor == BGP_CEASE_MAXPRFX && length >= 7) {
			uint16_t afi = bgp_u16(r, off);
			uint8_t safi = bgp_u8(r, off + 2);
			uint32_t max = bgp_u32(r, off + 3);

			if (r->cut)
				return;
			pbuf_puts(b, ", AFI ");
			bgp_named(b, bgp_afi_names, "Unknown", afi);
			pbuf_puts(b, ", SAFI ");
			bgp_named(b, bgp_safi_names, "Unknown", safi);
			pbuf_puts(b, ", Max Prefixes: ");
			pbuf_u32(b, max);
		}
		if ((minor == BGP_CEASE_SHUT || minor == BGP_CEASE_RESET) && length >= 1) {
			uint8_t n = bgp_u8(r, off);
			size_t rest = 0;

			if (r->cut)
				return;
			if (n > length - 1) {
				pbuf_puts(b, ", invalid Shutdown Communication length");
			} else if (n == 0) {
				pbuf_puts(b, ", empty Shutdown Communication");
				rest = 1;
			} else {
				msg_printf(b, ", Shutdown Communication (length: %u): \"", n);
				if (!msg_printjn(b, &r->g, off + 1, n)) {
					bgp_has(r, r->g.cap + 1, 1);
					return;
				}
				pbuf_putc(b, '"');
				rest = n + 1u;
			}
			if (length > rest) {
				msg_printf(b, ", Data: (length: %zu)", length - rest);
				bgp_hex(r, off + rest, length - rest, "\n\t\t");
			}
		}
		break;
	default:
		break;
	}
}

static void bgp_notification_print(struct bgp_pr *r, size_t at, size_t length)
{
	if (!msg_has(&r->g, at, BGP_NOTIFICATION_LEN)) {
		bgp_trunc(r);
		return;
	}
	if (length < BGP_NOTIFICATION_LEN)
		return;
	bgp_notification_code(r, at + BGP_NOTIFICATION_LEN, length - BGP_NOTIFICATION_LEN,
			      msg_u8(&r->g, at + 19), msg_u8(&r->g, at + 20));
}

/* ---- ROUTE-REFRESH --------------------------------------------------------------------------- */

static void bgp_route_refresh_print(struct bgp_pr *r, size_t at, size_t len)
{
	struct pbuf *b = r->b;

	if (!msg_has(&r->g, at, BGP_ROUTE_REFRESH_LEN)) {
		bgp_trunc(r);
		return;
	}
	if (len < BGP_ROUTE_REFRESH_LEN)
		return;
	pbuf_puts(b, "\n\t  AFI ");
	bgp_named(b, bgp_afi_names, "Unknown", msg_u16(&r->g, at + 19));
	pbuf_puts(b, ", SAFI ");
	bgp_named(b, bgp_safi_names, "Unknown", msg_u8(&r->g, at + 22));
	if (r->verbosity > 1) {
		if (!msg_has(&r->g, at, len)) {
			bgp_trunc(r);
			return;
		}
		bgp_unknown(r, at, len, "\n\t  ");
	}
}

/* ---- the segment ----------------------------------------------------------------------------- */

static void bgp_pdu_print(struct bgp_pr *r, size_t at, size_t length)
{
	uint8_t type = msg_u8(&r->g, at + 18);

	pbuf_puts(r->b, "\n\t");
	msg_tok_put(r->b, bgp_msg_names, "Unknown", type);
	msg_printf(r->b, " Message (%u), length: %zu", type, length);
	switch (type) {
	case BGP_OPEN:
		bgp_open_print(r, at, length);
		break;
	case BGP_UPDATE:
		bgp_update_print(r, at, length);
		break;
	case BGP_NOTIFICATION:
		bgp_notification_print(r, at, length);
		break;
	case BGP_KEEPALIVE:
		break;
	case BGP_ROUTE_REFRESH:
		bgp_route_refresh_print(r, at, length);
		break;
	default:
		pbuf_puts(r->b, "\n\t  no Message ");
		pbuf_u32(r->b, type);
		pbuf_puts(r->b, " decoder");
		bgp_unknown(r, at, length, "\n\t  ");
		break;
	}
}

static const uint8_t bgp_marker[16] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

/* Every message whose marker the segment holds; bytes before a marker are marked cut. */
static void bgp_messages(struct bgp_pr *r)
{
	const struct msg *g = &r->g;
	size_t p = 0, start = 0;

	while (p < g->cap && !r->cut) {
		uint16_t hlen;

		if (msg_u8(g, p) != 0xff) {
			p++;
			continue;
		}
		if (!msg_has(g, p, sizeof(bgp_marker)))
			break;
		if (memcmp(g->p + p, bgp_marker, sizeof(bgp_marker))) {
			p++;
			continue;
		}
		if (!msg_has(g, p, BGP_HDR_LEN)) {
			bgp_trunc(r);
			return;
		}
		if (start != p)
			bgp_trunc(r);
		hlen = msg_u16(g, p + 16);
		if (hlen < BGP_HDR_LEN) {
			msg_printf(r->b, "\nmessage length %u < %u", hlen, BGP_HDR_LEN);
			bgp_invalid(r);
			break;
		}
		if (!msg_has(g, p, hlen)) {
			pbuf_puts(r->b, "\n[|BGP ");
			msg_tok_put(r->b, bgp_msg_names, "Unknown Message Type", msg_u8(g, p + 18));
			pbuf_putc(r->b, ']');
			break;
		}
		bgp_pdu_print(r, p, hlen);
		p += hlen;
		start = p;
	}
}

bool proto_bgp_print(struct line *x)
{
	struct bgp_pr r = { .b = &x->b, .verbosity = line_verbosity(x), .asdot = x->o->asdot };

	pbuf_puts(&x->b, ": BGP");
	if (!r.verbosity)
		return true;
	msg_of(&r.g, x);
	bgp_messages(&r);
	if (r.cut) {
		/* tcpdump leaves the packet at the read past its end: what followed is not printed */
		x->b.p = r.cut_p;
		x->b.n = r.cut_n;
		bgp_trunc(&r);
	}
	return true;
}
