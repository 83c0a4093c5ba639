/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rsvp.c: RSVP (IP protocol 46; RFC 2205, RSVP-TE RFC 3209, GMPLS RFC
 * 3473, refresh reduction RFC 2961) as tcpdump's rsvp_print: the message type
 * at the default level, from -v the common header and each object's header,
 * bundles' inner messages, from -vv each object's bytes.  The object bodies
 * are proto_rsvp_obj.c's.
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_gmpls.h"

#define RSVP_HDR_LEN	 8
#define RSVP_OBJ_HDR_LEN 4
#define RSVP_MSG_BUNDLE	 12

static const struct msg_tok rsvp_msg_types[] = {
	{ 1, "Path" },	     { 2, "Resv" },	       { 3, "PathErr" },	{ 4, "ResvErr" },
	{ 5, "PathTear" },   { 6, "ResvTear" },	       { 7, "ResvConf" },	{ 12, "Bundle" },
	{ 13, "Acknowledgement" }, { 14, "Hello (Old)" }, { 15, "Refresh" },	{ 20, "Hello" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_header_flags[] = {
	{ 0x01, "Refresh reduction capable" }, /* RFC 2961 */
	{ 0, NULL },
};

static const struct msg_tok rsvp_classes[] = {
	{ 1, "Session" },
	{ 3, "RSVP Hop" },
	{ 4, "Integrity" },
	{ 5, "Time Values" },
	{ 6, "Error Spec" },
	{ 7, "Scope" },
	{ 8, "Style" },
	{ 9, "Flowspec" },
	{ 10, "FilterSpec" },
	{ 11, "Sender Template" },
	{ 12, "Sender TSpec" },
	{ 13, "Adspec" },
	{ 14, "Policy Data" },
	{ 15, "Confirm" },
	{ 16, "Label" },
	{ 19, "Label Request" },
	{ 20, "ERO" },
	{ 21, "RRO" },
	{ 22, "Hello" },
	{ 23, "Message ID" },
	{ 24, "Message ID Ack" },
	{ 25, "Message ID List" },
	{ 34, "Recovery Label" },
	{ 35, "Upstream Label" },
	{ 36, "Label Set" },
	{ 130, "Acceptable Label Set" },
	{ 63, "Detour" },
	{ 66, "Class Type" },
	{ 125, "Class Type (old)" },
	{ 129, "Suggested Label" },
	{ 204, "Properties" },
	{ 205, "Fast Re-Route" },
	{ 207, "Session Attribute" },
	{ 229, "Generalized UNI" },
	{ 230, "Call-ID" },
	{ 236, "Call Capability" },
	{ 131, "Restart Capability" },
	{ 134, "Capability" },
	{ 195, "Notify Request" },
	{ 37, "Protection" },
	{ 196, "Administrative Status" },
	{ 50, "Sub-LSP to LSP" },
	{ 0, NULL },
};

#define CT(class, ctype) ((class) << 8 | (ctype))

int proto_rsvp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->trans = PKT_PROTO_RSVP;
	return PKT_PROTO_NONE;
}

const char *proto_rsvp_msg_name(unsigned type)
{
	return msg_tok_find(rsvp_msg_types, type);
}

/* rsvp_obj_print: the objects in tlen bytes from off; false after an error (the message ends). */
static bool objects(struct gmpls_rd *r, size_t off, uint32_t tlen, const char *ind)
{
	while (tlen >= RSVP_OBJ_HDR_LEN) {
		uint16_t len;
		uint8_t class, ctype;
		enum rsvp_body body;

		gmpls_need(r, off, RSVP_OBJ_HDR_LEN);
		len = msg_u16(r->g, off);
		class = msg_u8(r->g, off + 2);
		ctype = msg_u8(r->g, off + 3);
		if (len % 4) {
			msg_printf(r->b, "%sERROR: object header size %u not a multiple of 4", ind, len);
			return false;
		}
		if (len < RSVP_OBJ_HDR_LEN) {
			msg_printf(r->b, "%sERROR: object header too short %u < 4", ind, len);
			return false;
		}
		pbuf_puts(r->b, ind);
		msg_tok_put(r->b, rsvp_classes, "Unknown", class);
		msg_printf(r->b, " Object (%u) Flags: [%s if unknown], Class-Type: ", class,
			   class & 0x80 ? (class & 0x40 ? "ignore and forward" : "ignore silently")
					: "reject");
		msg_tok_put(r->b, rsvp_ctypes, "Unknown", CT((uint32_t)class, ctype));
		msg_printf(r->b, " (%u), length: %u", ctype, len);
		if (tlen < len) {
			msg_printf(r->b, "%sERROR: object goes past end of objects TLV", ind);
			return false;
		}
		gmpls_need(r, off, len);
		body = rsvp_obj_body(r, ind, class, ctype, off + RSVP_OBJ_HDR_LEN,
				     len - RSVP_OBJ_HDR_LEN);
		if (body == RSVP_BODY_STOP)
			return false;
		if (r->v > 1 || body == RSVP_BODY_HEX)
			msg_hex_at(r->b, r->g, off + RSVP_OBJ_HDR_LEN, len - RSVP_OBJ_HDR_LEN, "\n\t    ");
		off += len;
		tlen -= len;
	}
	return true;
}

/* The common header at off as -v prints it ("RSVPv1 Path Message (1), Flags: ..."). */
static void header_line(struct gmpls_rd *r, size_t off, const char *ind)
{
	uint8_t type = msg_u8(r->g, off + 1);

	msg_printf(r->b, "%sRSVPv%u ", ind, msg_u8(r->g, off) >> 4);
	msg_tok_put(r->b, rsvp_msg_types, "unknown, type: %u", type);
	msg_printf(r->b, " Message (%u), Flags: [", type);
	msg_bits_put(r->b, rsvp_header_flags, "none", msg_u8(r->g, off) & 0x0f, ", ");
	msg_printf(r->b, "], length: %u, ttl: %u, checksum: 0x%04x", msg_u16(r->g, off + 6),
		   msg_u8(r->g, off + 4), msg_u16(r->g, off + 2));
}

/* A bundle's messages, each with its own header, in tlen bytes from off. */
static void bundle(struct gmpls_rd *r, size_t off, uint32_t tlen)
{
	while (tlen > 0) {
		uint16_t sublen;

		gmpls_need(r, off, RSVP_HDR_LEN);
		if (msg_u8(r->g, off) >> 4 != 1) {
			msg_printf(r->b, "ERROR: RSVP version %u packet not supported",
				   msg_u8(r->g, off) >> 4);
			return;
		}
		sublen = msg_u16(r->g, off + 6);
		header_line(r, off, "\n\t  ");
		if (sublen < RSVP_HDR_LEN) {
			msg_printf(r->b, "ERROR: common header too short %u < 8", sublen);
			return;
		}
		if (tlen < sublen) {
			msg_printf(r->b, "ERROR: common header too large %u > %u", sublen, tlen);
			return;
		}
		if (!objects(r, off + RSVP_HDR_LEN, sublen - RSVP_HDR_LEN, "\n\t    "))
			return;
		off += sublen;
		tlen -= sublen;
	}
}

/* rsvp_print's text; false when the capture ended first. */
static bool rsvp_walk(struct gmpls_rd *r)
{
	uint8_t version, type;
	uint16_t tlen;

	if (setjmp(r->cut))
		return false;
	gmpls_need(r, 0, RSVP_HDR_LEN);
	version = msg_u8(r->g, 0) >> 4;
	if (version != 1) {
		msg_printf(r->b, "ERROR: RSVP version %u packet not supported", version);
		return true;
	}
	type = msg_u8(r->g, 1);
	if (!r->v) {
		msg_printf(r->b, "RSVPv%u ", version);
		msg_tok_put(r->b, rsvp_msg_types, "unknown (%u)", type);
		msg_printf(r->b, " Message, length: %u", r->g->len);
		return true;
	}
	tlen = msg_u16(r->g, 6);
	header_line(r, 0, "\n\t");
	if (tlen < RSVP_HDR_LEN) {
		msg_printf(r->b, "ERROR: common header too short %u < 8", tlen);
		return true;
	}
	tlen -= RSVP_HDR_LEN;
	switch (type) {
	case RSVP_MSG_BUNDLE:
		bundle(r, RSVP_HDR_LEN, tlen);
		break;
	case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 13: case 14: case 15: case 20:
		objects(r, RSVP_HDR_LEN, tlen, "\n\t  ");
		break;
	default:
		msg_hex_at(r->b, r->g, RSVP_HDR_LEN, tlen, "\n\t    ");
		break;
	}
	return true;
}

bool proto_rsvp_print(struct line *x)
{
	struct msg g;
	struct gmpls_rd r;

	line_addrs(x, false, 0, 0);
	msg_of(&g, x);
	r.g = &g;
	r.b = &x->b;
	r.v = line_verbosity(x);
	if (!rsvp_walk(&r))
		return msg_trunc(x, "rsvp");
	return true;
}
