/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rsvp_obj.c: RSVP's object bodies as tcpdump's rsvp_obj_print prints
 * them, by class: hops, labels, styles, fast reroute, errors, message IDs,
 * GMPLS objects; each class's length checks ("ERROR: object is too short").
 * The traffic engineering objects are proto_rsvp_te.c's.
 */
#include "config.h"

#include "decode/proto_gmpls.h"

static const struct msg_tok rsvp_capability_flags[] = {
	{ 0x0004, "RecoveryPath Transmit Enabled" },
	{ 0x0002, "RecoveryPath Desired" },
	{ 0x0001, "RecoveryPath Srefresh Capable" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_integrity_flags[] = {
	{ 0x80, "Handshake" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_styles[] = {
	{ 17, "Wildcard Filter" },
	{ 10, "Fixed Filter" },
	{ 18, "Shared Explicit" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_session_attr_flags[] = {
	{ 0x01, "Local Protection" },
	{ 0x02, "Label Recording" },
	{ 0x04, "SE Style" },
	{ 0x08, "Bandwidth protection" }, /* RFC 4090 */
	{ 0x10, "Node protection" },	  /* RFC 4090 */
	{ 0, NULL },
};

static const struct msg_tok rsvp_prop_tlvs[] = {
	{ 0x01, "Cos" },	{ 0x02, "Metric 1" },  { 0x04, "Metric 2" },
	{ 0x08, "CCC Status" }, { 0x10, "Path Type" }, { 0, NULL },
};

#define ERR_ROUTING	    24
#define ERR_DIFFSERV_TE	    28
#define ERR_DIFFSERV_TE_OLD 125

static const struct msg_tok rsvp_error_codes[] = {
	{ ERR_ROUTING, "Routing Problem" },
	{ 25, "Notify Error" },
	{ ERR_DIFFSERV_TE, "Diffserv TE Error" },
	{ ERR_DIFFSERV_TE_OLD, "Diffserv TE Error (Old)" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_error_routing[] = {
	{ 1, "Bad EXPLICIT_ROUTE object" },
	{ 2, "Bad strict node" },
	{ 3, "Bad loose node" },
	{ 4, "Bad initial subobject" },
	{ 5, "No route available toward destination" },
	{ 6, "Unacceptable label value" },
	{ 7, "RRO indicated routing loops" },
	{ 8, "non-RSVP-capable router in the path" },
	{ 9, "MPLS label allocation failure" },
	{ 10, "Unsupported L3PID" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_error_diffserv_te[] = {
	{ 1, "Unexpected CT object" },
	{ 2, "Unsupported CT" },
	{ 3, "Invalid CT value" },
	{ 4, "CT/setup priority do not form a configured TE-Class" },
	{ 5, "CT/holding priority do not form a configured TE-Class" },
	{ 6, "CT/setup priority and CT/holding priority do not form a configured TE-Class" },
	{ 7, "Inconsistency between signaled PSC and signaled CT" },
	{ 8, "Inconsistency between signaled PHBs and signaled CT" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_admin_status_flags[] = {
	{ 0x80000000, "Reflect" },
	{ 0x00000004, "Testing" },
	{ 0x00000002, "Admin-down" },
	{ 0x00000001, "Delete-in-progress" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_label_set_actions[] = {
	{ 0, "Inclusive list" },
	{ 1, "Exclusive list" },
	{ 2, "Inclusive range" },
	{ 3, "Exclusive range" },
	{ 0, NULL },
};

/* An address of C-Type 1 (IPv4) or 2 (IPv6): Confirm, Notify Request, Sub-LSP. */
static enum rsvp_body one_addr(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
			       uint32_t n, const char *what)
{
	if (ctype != 1 && ctype != 2)
		return RSVP_BODY_HEX;
	if (n < (ctype == 2 ? 16u : 4u))
		return rsvp_too_short(r, ind);
	if (what[0] == 'S')
		msg_printf(r->b, "%s  %s: ", ind, what);
	else
		msg_printf(r->b, "%s  IPv%c %s: ", ind, ctype == 2 ? '6' : '4', what);
	rsvp_addr(r, off, ctype == 2);
	return RSVP_BODY_DONE;
}

/* Error Spec: the node, the code and its value. */
static enum rsvp_body error_spec(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
				 uint32_t n)
{
	bool v6 = ctype == 2 || ctype == 4;
	size_t a = v6 ? 16 : 4;
	uint8_t code;
	uint16_t value;

	if (ctype < 1 || ctype > 4)
		return RSVP_BODY_HEX;
	if (n < a + 4)
		return rsvp_too_short(r, ind);
	code = gmpls_u8(r, off + a + 1);
	value = gmpls_u16(r, off + a + 2);
	msg_printf(r->b, "%s  Error Node Address: ", ind);
	rsvp_addr(r, off, v6);
	msg_printf(r->b, ", Flags: [0x%02x]%s  Error Code: ", gmpls_u8(r, off + a), ind);
	msg_tok_put(r->b, rsvp_error_codes, "unknown", code);
	msg_printf(r->b, " (%u)", code);
	if (code == ERR_ROUTING) {
		pbuf_puts(r->b, ", Error Value: ");
		msg_tok_put(r->b, rsvp_error_routing, "unknown", value);
		msg_printf(r->b, " (%u)", value);
	} else if (v6) {
		/* IPv6's names only the routing errors */
	} else if (code == ERR_DIFFSERV_TE || code == ERR_DIFFSERV_TE_OLD) {
		pbuf_puts(r->b, ", Error Value: ");
		msg_tok_put(r->b, rsvp_error_diffserv_te, "unknown", value);
		msg_printf(r->b, " (%u)", value);
	} else {
		msg_printf(r->b, ", Unknown Error Value (%u)", value);
	}
	return RSVP_BODY_DONE;
}

/* Fast Re-Route: the new style (C-Type 1) and the old (7). */
static enum rsvp_body fast_reroute(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
				   uint32_t n)
{
	float bw;

	if (ctype != 1 && ctype != 7)
		return RSVP_BODY_HEX;
	if (n < (ctype == 1 ? 20u : 16u))
		return rsvp_too_short(r, ind);
	bw = gmpls_float(r, off + 4);
	msg_printf(r->b,
		   "%s  Setup Priority: %u, Holding Priority: %u, Hop-limit: %u, Bandwidth: %.10g Mbps",
		   ind, gmpls_u8(r, off), gmpls_u8(r, off + 1), gmpls_u8(r, off + 2),
		   bw * 8 / 1000000);
	if (ctype == 1)
		msg_printf(r->b, "%s  Include-any: 0x%08x, Exclude-any: 0x%08x, Include-all: 0x%08x",
			   ind, gmpls_u32(r, off + 8), gmpls_u32(r, off + 12), gmpls_u32(r, off + 16));
	else
		msg_printf(r->b, "%s  Include Colors: 0x%08x, Exclude Colors: 0x%08x", ind,
			   gmpls_u32(r, off + 8), gmpls_u32(r, off + 12));
	return RSVP_BODY_DONE;
}

/* Juniper's Properties: the TLV count, padding and each TLV's bytes. */
static enum rsvp_body properties(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	uint16_t pad;

	if (n < 4)
		return rsvp_too_short(r, ind);
	pad = gmpls_u16(r, off + 2);
	msg_printf(r->b, "%s  TLV count: %u, padding bytes: %u", ind, gmpls_u16(r, off), pad);
	off += 4;
	n -= 4;
	while (n >= 2u + pad) {
		uint8_t type = gmpls_u8(r, off), len = gmpls_u8(r, off + 1);

		msg_printf(r->b, "%s    ", ind);
		msg_tok_put(r->b, rsvp_prop_tlvs, "unknown", type);
		msg_printf(r->b, " TLV (0x%02x), length: %u", type, len);
		if (n < len)
			return rsvp_too_short(r, ind);
		if (len < 2) {
			msg_printf(r->b, "%sERROR: property TLV is too short", ind);
			return RSVP_BODY_STOP;
		}
		msg_hex_at(r->b, r->g, off + 2, len - 2u, "\n\t\t");
		n -= len;
		off += len;
	}
	return RSVP_BODY_DONE;
}

/* Session Attribute of C-Type 7: the name and the priorities. */
static enum rsvp_body session_attribute(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	uint8_t namelen, fl;

	if (n < 4)
		return rsvp_too_short(r, ind);
	namelen = gmpls_u8(r, off + 3);
	if (n < 4u + namelen)
		return rsvp_too_short(r, ind);
	msg_printf(r->b, "%s  Session Name: ", ind);
	for (unsigned i = 0; i < namelen; i++)
		msg_put_char(r->b, gmpls_u8(r, off + 4 + i));
	fl = gmpls_u8(r, off + 2);
	msg_printf(r->b, "%s  Setup Priority: %u, Holding Priority: %u, Flags: [", ind,
		   gmpls_u8(r, off), gmpls_u8(r, off + 1));
	msg_bits_put(r->b, rsvp_session_attr_flags, "none", fl, ", ");
	msg_printf(r->b, "] (%#x)", fl);
	return RSVP_BODY_DONE;
}

/* Label Set: an action with a range or a list of sub-channels. */
static enum rsvp_body label_set(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	uint8_t action;

	if (n < 4)
		return rsvp_too_short(r, ind);
	action = gmpls_u16(r, off) >> 8;
	msg_printf(r->b, "%s  Action: ", ind);
	msg_tok_put(r->b, rsvp_label_set_actions, "Unknown", action);
	msg_printf(r->b, " (%u), Label type: %u", action, gmpls_u32(r, off) & 0x7f);
	if (action == 2 || action == 3) {
		if (n < 12)
			return rsvp_too_short(r, ind);
		msg_printf(r->b, "%s  Start range: %u, End range: %u", ind, gmpls_u32(r, off + 4),
			   gmpls_u32(r, off + 8));
		return RSVP_BODY_DONE;
	}
	off += 4;
	n -= 4;
	for (unsigned sub = 1; n >= 4; sub++, off += 4, n -= 4)
		msg_printf(r->b, "%s  Subchannel #%u: %u", ind, sub, gmpls_u32(r, off));
	return RSVP_BODY_DONE;
}

/* Integrity (RFC 2747): key, sequence and digest; without a secret it is unchecked. */
static enum rsvp_body integrity(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	if (n < 32)
		return rsvp_too_short(r, ind);
	msg_printf(r->b, "%s  Key-ID 0x%04x%08x, Sequence 0x%08x%08x, Flags [", ind,
		   gmpls_u16(r, off + 2), gmpls_u32(r, off + 4), gmpls_u32(r, off + 8),
		   gmpls_u32(r, off + 12));
	msg_bits_put(r->b, rsvp_integrity_flags, "none", gmpls_u8(r, off), ", ");
	msg_printf(r->b, "]%s  MD5-sum 0x%08x%08x%08x%08x  (unchecked)", ind, gmpls_u32(r, off + 16),
		   gmpls_u32(r, off + 20), gmpls_u32(r, off + 24), gmpls_u32(r, off + 28));
	return RSVP_BODY_DONE;
}

/* Labels: C-Type 1 a list, 2 a generalized label, 3 a waveband. */
static enum rsvp_body label(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
			    uint32_t n)
{
	switch (ctype) {
	case 1:
		for (; n >= 4; n -= 4, off += 4)
			msg_printf(r->b, "%s  Label: %u", ind, gmpls_u32(r, off));
		return RSVP_BODY_DONE;
	case 2:
		if (n < 4)
			return rsvp_too_short(r, ind);
		msg_printf(r->b, "%s  Generalized Label: %u", ind, gmpls_u32(r, off));
		return RSVP_BODY_DONE;
	case 3:
		if (n < 12)
			return rsvp_too_short(r, ind);
		msg_printf(r->b, "%s  Waveband ID: %u%s  Start Label: %u, Stop Label: %u", ind,
			   gmpls_u32(r, off), ind, gmpls_u32(r, off + 4), gmpls_u32(r, off + 8));
		return RSVP_BODY_DONE;
	default:
		return RSVP_BODY_HEX;
	}
}

/* Message ID, its Ack and List: flags, epoch and the IDs. */
static enum rsvp_body message_ids(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	if (n < 4)
		return rsvp_too_short(r, ind);
	msg_printf(r->b, "%s  Flags [0x%02x], epoch: %u", ind, gmpls_u8(r, off), gmpls_u24(r, off + 1));
	for (off += 4, n -= 4; n >= 4; off += 4, n -= 4) {
		uint32_t id = gmpls_u32(r, off);

		msg_printf(r->b, "%s    Message-ID 0x%08x (%u)", ind, id, id);
	}
	return RSVP_BODY_DONE;
}

/* An object of C-Type 1 only, of at least need bytes. */
static bool ctype1(struct gmpls_rd *r, const char *ind, uint8_t ctype, uint32_t n, uint32_t need,
		   enum rsvp_body *res)
{
	if (ctype != 1) {
		*res = RSVP_BODY_HEX;
		return false;
	}
	if (n < need) {
		*res = rsvp_too_short(r, ind);
		return false;
	}
	*res = RSVP_BODY_DONE;
	return true;
}

enum rsvp_body rsvp_obj_body(struct gmpls_rd *r, const char *ind, uint8_t class, uint8_t ctype,
			     size_t off, uint32_t n)
{
	enum rsvp_body res;

	switch (class) {
	case 1:
		return rsvp_session(r, ind, ctype, off, n);
	case 15:
		return one_addr(r, ind, ctype, off, n, "Receiver Address");
	case 195:
		return one_addr(r, ind, ctype, off, n, "Notify Node Address");
	case 50:
		return one_addr(r, ind, ctype, off, n, "Sub-LSP destination address");
	case 129:
	case 35:
	case 34:
	case 16:
		return label(r, ind, ctype, off, n);
	case 8:
		if (ctype1(r, ind, ctype, n, 4, &res)) {
			msg_printf(r->b, "%s  Reservation Style: ", ind);
			msg_tok_put(r->b, rsvp_styles, "Unknown", gmpls_u24(r, off + 1));
			msg_printf(r->b, ", Flags: [0x%02x]", gmpls_u8(r, off));
		}
		return res;
	case 11:
		return rsvp_sender(r, ind, false, ctype, off, n);
	case 10:
		return rsvp_sender(r, ind, true, ctype, off, n);
	case 19:
		return rsvp_label_request(r, ind, ctype, off, n);
	case 20:
	case 21:
		return ctype == 1 ? rsvp_xro(r, ind, off, n) : RSVP_BODY_HEX;
	case 22:
		if (ctype != 1 && ctype != 2)
			return RSVP_BODY_HEX;
		if (n < 8)
			return rsvp_too_short(r, ind);
		msg_printf(r->b, "%s  Source Instance: 0x%08x, Destination Instance: 0x%08x", ind,
			   gmpls_u32(r, off), gmpls_u32(r, off + 4));
		return RSVP_BODY_DONE;
	case 131:
		if (ctype1(r, ind, ctype, n, 8, &res))
			msg_printf(r->b, "%s  Restart  Time: %ums, Recovery Time: %ums", ind,
				   gmpls_u32(r, off), gmpls_u32(r, off + 4));
		return res;
	case 134:
		if (ctype1(r, ind, ctype, n, 4, &res)) {
			uint32_t w = gmpls_u32(r, off);

			if (w & ~7u)
				msg_printf(r->b, "%s  [reserved=0x%08x must be zero]", ind, w & ~7u);
			msg_printf(r->b, "%s  Flags: [", ind);
			msg_bits_put(r->b, rsvp_capability_flags, "none", w & 7u, ", ");
			pbuf_putc(r->b, ']');
		}
		return res;
	case 207:
		return ctype == 7 ? session_attribute(r, ind, off, n) : RSVP_BODY_HEX;
	case 229:
		return ctype == 1 ? rsvp_generalized_uni(r, ind, off, n) : RSVP_BODY_HEX;
	case 3:
		if (ctype == 1 || ctype == 3 || ctype == 2 || ctype == 4) {
			bool v6 = ctype == 2 || ctype == 4;
			size_t a = v6 ? 16 : 4;

			if (n < a + 4)
				return rsvp_too_short(r, ind);
			msg_printf(r->b, "%s  Previous/Next Interface: ", ind);
			rsvp_addr(r, off, v6);
			msg_printf(r->b, ", Logical Interface Handle: 0x%08x", gmpls_u32(r, off + a));
			/* TLVs after it in hex (IPv6: always, as tcpdump) */
			return v6 || n > a + 4 ? RSVP_BODY_HEX : RSVP_BODY_DONE;
		}
		return RSVP_BODY_HEX;
	case 5:
		if (ctype1(r, ind, ctype, n, 4, &res))
			msg_printf(r->b, "%s  Refresh Period: %ums", ind, gmpls_u32(r, off));
		return res;
	case 12:
	case 13:
	case 9:
		return ctype == 2 ? rsvp_intserv(r, ind, off, n) : RSVP_BODY_HEX;
	case 205:
		return fast_reroute(r, ind, ctype, off, n);
	case 63:
		if (ctype != 7)
			return RSVP_BODY_HEX;
		for (; n >= 8; n -= 8, off += 8) {
			msg_printf(r->b, "%s  PLR-ID: ", ind);
			gmpls_ip4(r, off);
			pbuf_puts(r->b, ", Avoid-Node-ID: ");
			gmpls_ip4(r, off + 4);
		}
		return RSVP_BODY_DONE;
	case 66:
	case 125:
		if (ctype1(r, ind, ctype, n, 4, &res))
			msg_printf(r->b, "%s  CT: %u", ind, gmpls_u32(r, off) & 7);
		return res;
	case 6:
		return error_spec(r, ind, ctype, off, n);
	case 204:
		return ctype == 1 ? properties(r, ind, off, n) : RSVP_BODY_HEX;
	case 23:
	case 24:
	case 25:
		return ctype == 1 || ctype == 2 ? message_ids(r, ind, off, n) : RSVP_BODY_HEX;
	case 4:
		return ctype == 1 ? integrity(r, ind, off, n) : RSVP_BODY_HEX;
	case 196:
		if (ctype1(r, ind, ctype, n, 4, &res)) {
			msg_printf(r->b, "%s  Flags [", ind);
			msg_bits_put(r->b, rsvp_admin_status_flags, "none", gmpls_u32(r, off), ", ");
			pbuf_putc(r->b, ']');
		}
		return res;
	case 36:
		return ctype == 1 ? label_set(r, ind, off, n) : RSVP_BODY_HEX;
	default:
		/* Scope, Policy Data, Acceptable Label Set, Protection and the unknown: hex at -v */
		if (r->v <= 1)
			msg_hex_at(r->b, r->g, off, n, "\n\t    ");
		return RSVP_BODY_DONE;
	}
}
