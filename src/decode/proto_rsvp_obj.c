/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rsvp_obj.c: RSVP's object bodies as tcpdump's rsvp_obj_print prints
 * them: sessions, hops, labels and label requests, explicit and recorded
 * routes, IntServ specs, filter specs, fast reroute, errors, GMPLS and UNI
 * objects; each class's length checks ("ERROR: object is too short").
 */
#include "config.h"

#include "decode/gmpls_names.h"
#include "decode/proto_bgp.h"
#include "decode/proto_gmpls.h"
#include "decode/tcpdump_names.h"

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

static const struct msg_tok rsvp_xro_types[] = {
	{ 0, "Reserved" },
	{ 1, "IPv4 prefix" },
	{ 2, "IPv6 prefix" },
	{ 3, "Label" },
	{ 32, "Autonomous system number" },
	{ 64, "MPLS label switched path termination" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_rro_flags[] = {
	{ 0x01, "Local protection available" },
	{ 0x02, "Local protection in use" },
	{ 0x04, "Bandwidth protection" },
	{ 0x08, "Node protection" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_rro_label_flags[] = {
	{ 0x01, "Global" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_styles[] = {
	{ 17, "Wildcard Filter" },
	{ 10, "Fixed Filter" },
	{ 18, "Shared Explicit" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_intserv_services[] = {
	{ 1, "Default/Global Information" },
	{ 2, "Guaranteed Service" },
	{ 5, "Controlled Load" },
	{ 0, NULL },
};

static const struct msg_tok rsvp_intserv_params[] = {
	{ 4, "IS hop cnt" },
	{ 6, "Path b/w estimate" },
	{ 8, "Minimum path latency" },
	{ 10, "Composed MTU" },
	{ 127, "Token Bucket TSpec" },
	{ 130, "Guaranteed Service RSpec" },
	{ 133, "End-to-end composed value for C" },
	{ 134, "End-to-end composed value for D" },
	{ 135, "Since-last-reshaping point composed C" },
	{ 136, "Since-last-reshaping point composed D" },
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

static const struct msg_tok rsvp_uni_subobjs[] = {
	{ 1, "Source TNA address" },
	{ 2, "Destination TNA address" },
	{ 3, "Diversity" },
	{ 4, "Egress label" },
	{ 5, "Service level" },
	{ 0, NULL },
};

static enum rsvp_body too_short(struct gmpls_rd *r, const char *ind)
{
	msg_printf(r->b, "%sERROR: object is too short", ind);
	return RSVP_BODY_STOP;
}

static enum rsvp_body invalid(struct gmpls_rd *r)
{
	pbuf_puts(r->b, " (invalid)");
	return RSVP_BODY_STOP;
}

/* An address of 4 or 16 bytes at off. */
static void addr(struct gmpls_rd *r, size_t off, bool v6)
{
	if (v6)
		gmpls_ip6(r, off);
	else
		gmpls_ip4(r, off);
}

/* The float at off divided as tcpdump does in float, printed "%.10g". */
static void float_g(struct gmpls_rd *r, size_t off, float div, const char *unit)
{
	float f = gmpls_float(r, off);

	msg_printf(r->b, "%.10g %s", f / div, unit);
}

/* rsvp_intserv_print: one parameter in n bytes at off; the bytes taken, 0 to stop. */
static uint32_t intserv_param(struct gmpls_rd *r, size_t off, uint32_t n)
{
	uint8_t id;
	uint32_t plen, v;

	if (n < 4)
		return 0;
	id = gmpls_u8(r, off);
	plen = (uint32_t)gmpls_u16(r, off + 2) << 2;
	pbuf_puts(r->b, "\n\t      Parameter ID: ");
	msg_tok_put(r->b, rsvp_intserv_params, "unknown", id);
	msg_printf(r->b, " (%u), length: %u, Flags: [0x%02x]", id, plen, gmpls_u8(r, off + 1));
	if (n < plen + 4)
		return 0;
	switch (id) {
	case 4:
		if (plen == 4)
			msg_printf(r->b, "\n\t\tIS hop count: %u", gmpls_u32(r, off + 4));
		break;
	case 6:
		if (plen == 4) {
			pbuf_puts(r->b, "\n\t\tPath b/w estimate: ");
			float_g(r, off + 4, 125000, "Mbps");
		}
		break;
	case 8:
		if (plen == 4) {
			v = gmpls_u32(r, off + 4);
			pbuf_puts(r->b, "\n\t\tMinimum path latency: ");
			if (v == 0xffffffff)
				pbuf_puts(r->b, "don't care");
			else
				pbuf_u32(r->b, v);
		}
		break;
	case 10:
		if (plen == 4)
			msg_printf(r->b, "\n\t\tComposed MTU: %u bytes", gmpls_u32(r, off + 4));
		break;
	case 127:
		if (plen == 20) {
			gmpls_need(r, off + 4, 20);
			pbuf_puts(r->b, "\n\t\tToken Bucket Rate: ");
			float_g(r, off + 4, 125000, "Mbps");
			pbuf_puts(r->b, "\n\t\tToken Bucket Size: ");
			float_g(r, off + 8, 1, "bytes");
			pbuf_puts(r->b, "\n\t\tPeak Data Rate: ");
			float_g(r, off + 12, 125000, "Mbps");
			msg_printf(r->b, "\n\t\tMinimum Policed Unit: %u bytes", gmpls_u32(r, off + 16));
			msg_printf(r->b, "\n\t\tMaximum Packet Size: %u bytes", gmpls_u32(r, off + 20));
		}
		break;
	case 130:
		if (plen == 8) {
			gmpls_need(r, off + 4, 8);
			pbuf_puts(r->b, "\n\t\tRate: ");
			float_g(r, off + 4, 125000, "Mbps");
			msg_printf(r->b, "\n\t\tSlack Term: %u", gmpls_u32(r, off + 8));
		}
		break;
	case 133:
	case 134:
	case 135:
	case 136:
		if (plen == 4)
			msg_printf(r->b, "\n\t\tValue: %u", gmpls_u32(r, off + 4));
		break;
	default:
		if (r->v <= 1)
			msg_hex_at(r->b, r->g, off + 4, plen, "\n\t\t");
		break;
	}
	return plen + 4;
}

/* Sender TSpec, Adspec and Flowspec of C-Type 2: IntServ's services and their parameters. */
static enum rsvp_body intserv(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	if (n < 4)
		return too_short(r, ind);
	msg_printf(r->b, "%s  Msg-Version: %u, length: %u", ind, (gmpls_u8(r, off) & 0xf0) >> 4,
		   (uint32_t)gmpls_u16(r, off + 2) << 2);
	off += 4;
	n -= 4;
	while (n >= 4) {
		uint32_t slen = (uint32_t)gmpls_u16(r, off + 2) << 2;
		uint8_t svc = gmpls_u8(r, off);

		msg_printf(r->b, "%s  Service Type: ", ind);
		msg_tok_put(r->b, rsvp_intserv_services, "unknown", svc);
		msg_printf(r->b, " (%u), break bit %sset, Service length: %u", svc,
			   gmpls_u8(r, off + 1) & 0x80 ? "" : "not ", slen);
		off += 4;
		n -= 4;
		while (slen >= 4) {
			uint32_t used = intserv_param(r, off, n);

			if (!used)
				break;
			n -= used;
			slen -= used;
			off += used;
		}
	}
	return RSVP_BODY_DONE;
}

/* ERO and RRO of C-Type 1: the sub-objects. */
static enum rsvp_body xro(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	while (n >= 4) {
		uint8_t type, len;

		gmpls_need(r, off, 4);
		type = msg_u8(r->g, off) & 0x7f;
		len = msg_u8(r->g, off + 1);
		msg_printf(r->b, "%s  Subobject Type: ", ind);
		msg_tok_put(r->b, rsvp_xro_types, "Unknown %u", type);
		msg_printf(r->b, ", length %u", len);
		if (n < len) {
			msg_printf(r->b, "%s  ERROR: ERO subobject length > object length", ind);
			break;
		}
		if (len == 0) {
			msg_printf(r->b, "%s  ERROR: zero length ERO subtype", ind);
			break;
		}
		if (type == 1 || type == 3) {
			if (len != 8) {
				pbuf_puts(r->b, " ERROR: length != 8");
				return invalid(r);
			}
			gmpls_need(r, off, 8);
		}
		if (type == 1) {
			uint8_t plen = msg_u8(r->g, off + 6);

			if (plen != 32) {
				msg_printf(r->b, " ERROR: Prefix length %u != 32", plen);
				return invalid(r);
			}
			msg_printf(r->b, ", %s, ", msg_u8(r->g, off) & 0x80 ? "Loose" : "Strict");
			gmpls_ip4(r, off + 2);
			msg_printf(r->b, "/%u, Flags: [", plen);
			msg_bits_put(r->b, rsvp_rro_flags, "none", msg_u8(r->g, off + 7), ", ");
			pbuf_putc(r->b, ']');
		} else if (type == 3) {
			uint8_t fl = msg_u8(r->g, off + 2), ct = msg_u8(r->g, off + 3);

			pbuf_puts(r->b, ", Flags: [");
			msg_bits_put(r->b, rsvp_rro_label_flags, "none", fl, ", ");
			msg_printf(r->b, "] (%#x), Class-Type: ", fl);
			msg_tok_put(r->b, rsvp_ctypes, "Unknown", ct + 256u * RSVP_OBJ_RRO);
			msg_printf(r->b, " (%u), %u", ct, msg_u32(r->g, off + 4));
		}
		n -= len;
		off += len;
	}
	return RSVP_BODY_DONE;
}

/* Label Request: C-Types 1 to 4 (without range, ATM, Frame Relay, generalized). */
static void l3pid(struct gmpls_rd *r, const char *ind, size_t off)
{
	uint16_t et = gmpls_u16(r, off + 2);
	const char *name = tcpdump_names_ethertype(et);

	msg_printf(r->b, "%s  L3 Protocol ID: ", ind);
	if (name)
		pbuf_puts(r->b, name);
	else
		msg_printf(r->b, "Unknown Protocol (0x%04x)", et);
}

static enum rsvp_body label_request(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
				    uint32_t n)
{
	uint8_t enc, sw;
	uint16_t pid;
	unsigned bits;

	switch (ctype) {
	case 1:
		for (; n >= 4; n -= 4, off += 4)
			l3pid(r, ind, off);
		return RSVP_BODY_DONE;
	case 2:
		if (n < 12)
			return too_short(r, ind);
		l3pid(r, ind, off);
		msg_printf(r->b, ",%s merge capability", gmpls_u8(r, off + 4) & 0x80 ? "no" : "");
		msg_printf(r->b, "%s  Minimum VPI/VCI: %u/%u", ind, gmpls_u16(r, off + 4) & 0xfff,
			   gmpls_u16(r, off + 6) & 0xfff);
		msg_printf(r->b, "%s  Maximum VPI/VCI: %u/%u", ind, gmpls_u16(r, off + 8) & 0xfff,
			   gmpls_u16(r, off + 10) & 0xfff);
		return RSVP_BODY_DONE;
	case 3:
		if (n < 12)
			return too_short(r, ind);
		l3pid(r, ind, off);
		bits = (gmpls_u16(r, off + 4) >> 7) & 3;
		msg_printf(r->b, "%s  Minimum/Maximum DLCI: %u/%u, %s%s bit DLCI", ind,
			   gmpls_u32(r, off + 4) & 0x7fffff, gmpls_u32(r, off + 8) & 0x7fffff,
			   bits == 0 ? "10" : "", bits == 2 ? "23" : "");
		return RSVP_BODY_DONE;
	case 4:
		if (n < 4)
			return too_short(r, ind);
		enc = gmpls_u8(r, off);
		msg_printf(r->b, "%s  LSP Encoding Type: ", ind);
		msg_tok_put(r->b, gmpls_encodings, "Unknown", enc);
		msg_printf(r->b, " (%u)", enc);
		sw = gmpls_u8(r, off + 1);
		pid = gmpls_u16(r, off + 2);
		msg_printf(r->b, "%s  Switching Type: ", ind);
		msg_tok_put(r->b, gmpls_switch_caps, "Unknown", sw);
		msg_printf(r->b, " (%u), Payload ID: ", sw);
		msg_tok_put(r->b, gmpls_payloads, "Unknown", pid);
		msg_printf(r->b, " (0x%04x)", pid);
		return RSVP_BODY_DONE;
	default:
		return RSVP_BODY_HEX;
	}
}

/* Generalized UNI (OIF UNI 1.0): its sub-objects. */
static enum rsvp_body generalized_uni(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	uint32_t total = n;
	bool hex = false;

	if (n < 4)
		return too_short(r, ind);
	while (total > 0) {
		uint16_t len, ta;
		uint8_t type, af;

		if (total < 4)
			return invalid(r);
		len = gmpls_u16(r, off);
		ta = gmpls_u16(r, off + 2);
		type = ta >> 8;
		af = ta & 0xff;
		msg_printf(r->b, "%s  Subobject Type: ", ind);
		msg_tok_put(r->b, rsvp_uni_subobjs, "Unknown", type);
		msg_printf(r->b, " (%u), AF: ", type);
		msg_tok_put(r->b, bgp_afi_names, "Unknown", af);
		msg_printf(r->b, " (%u), length: %u", af, len);
		if (len < 4 || len > total || n < len)
			return invalid(r);
		switch (type) {
		case 1:
		case 2:
			if (af == 1 || af == 2) {
				if (len < (af == 1 ? 8 : 20))
					goto subobj_short;
				msg_printf(r->b, "%s    UNI IPv%c TNA address: ", ind, af == 1 ? '4' : '6');
				addr(r, off + 4, af == 2);
			} else if (af == 3) {
				hex = true;
			}
			break;
		case 3:
			if (len > 4)
				hex = true;
			break;
		case 4: {
			uint32_t w;

			if (len < 16)
				goto subobj_short;
			w = gmpls_u32(r, off + 4);
			msg_printf(r->b, "%s    U-bit: %x, Label type: %u, Logical port id: %u, Label: %u",
				   ind, w >> 31, w & 0xff, gmpls_u32(r, off + 8), gmpls_u32(r, off + 12));
			break;
		}
		case 5:
			if (len < 8)
				goto subobj_short;
			msg_printf(r->b, "%s    Service level: %u", ind, gmpls_u32(r, off + 4) >> 24);
			break;
		default:
			hex = true;
			break;
		}
		total -= len;
		off += len;
		n += len; /* tcpdump adds where it means to subtract: its checks, its results */
	}
	return hex ? RSVP_BODY_HEX : RSVP_BODY_DONE;
subobj_short:
	msg_printf(r->b, "%sERROR: sub-object is too short", ind);
	return RSVP_BODY_STOP;
}

/* Session: by C-Type (IPv4, IPv6, tunnels, P2MP, UNI). */
static enum rsvp_body session(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
			      uint32_t n)
{
	switch (ctype) {
	case 1:
	case 2: {
		size_t a = ctype == 2 ? 16 : 4;

		if (n < a + 4)
			return too_short(r, ind);
		msg_printf(r->b, "%s  IPv%c DestAddress: ", ind, ctype == 2 ? '6' : '4');
		addr(r, off, ctype == 2);
		msg_printf(r->b, ", Protocol ID: 0x%02x", gmpls_u8(r, off + a));
		msg_printf(r->b, "%s  Flags: [0x%02x], DestPort %u", ind, gmpls_u8(r, off + a + 1),
			   gmpls_u16(r, off + a + 2));
		return RSVP_BODY_DONE;
	}
	case 8:
		if (n < 36)
			return too_short(r, ind);
		msg_printf(r->b, "%s  IPv6 Tunnel EndPoint: ", ind);
		gmpls_ip6(r, off);
		msg_printf(r->b, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ", gmpls_u16(r, off + 18));
		gmpls_ip6(r, off + 20);
		return RSVP_BODY_DONE;
	case 14:
		if (n < 26)
			return too_short(r, ind);
		msg_printf(r->b, "%s  IPv6 P2MP LSP ID: 0x%08x, Tunnel ID: 0x%04x, Extended Tunnel ID: ",
			   ind, gmpls_u32(r, off), gmpls_u16(r, off + 6));
		gmpls_ip6(r, off + 8);
		return RSVP_BODY_DONE;
	case 13:
	case 7:
	case 11:
		if (n < 12)
			return too_short(r, ind);
		msg_printf(r->b, "%s  IPv4 %s: ", ind, ctype == 13 ? "P2MP LSP ID" : "Tunnel EndPoint");
		gmpls_ip4(r, off);
		msg_printf(r->b, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ", gmpls_u16(r, off + 6));
		gmpls_ip4(r, off + 8);
		return RSVP_BODY_DONE;
	default:
		return RSVP_BODY_HEX;
	}
}

/* P2MP sender: address and LSP ID, sub-group originator and ID. */
static void p2mp_sender(struct gmpls_rd *r, const char *ind, size_t off, bool v6)
{
	size_t a = v6 ? 16 : 4;

	msg_printf(r->b, "%s  IPv%c Tunnel Sender Address: ", ind, v6 ? '6' : '4');
	addr(r, off, v6);
	msg_printf(r->b, ", LSP ID: 0x%04x%s  Sub-Group Originator ID: ", gmpls_u16(r, off + a + 2),
		   ind);
	addr(r, off + a + 4, v6);
	msg_printf(r->b, ", Sub-Group ID: 0x%04x", gmpls_u16(r, off + (v6 ? 38 : 12)));
}

/* "Source Address: A, Source Port: P" (or LSP-ID, Flow Label) of a template or filter spec. */
static void source(struct gmpls_rd *r, const char *ind, size_t off, bool v6, const char *what,
		   uint32_t v, bool hex)
{
	msg_printf(r->b, "%s  Source Address: ", ind);
	addr(r, off, v6);
	msg_printf(r->b, hex ? ", %s: 0x%04x" : ", %s: %u", what, v);
}

/* Sender Template and FilterSpec (the filter spec has C-Type 3 and 8 more). */
static enum rsvp_body sender(struct gmpls_rd *r, const char *ind, bool filter, uint8_t ctype,
			     size_t off, uint32_t n)
{
	switch (ctype) {
	case 1:
		if (n < 8)
			return too_short(r, ind);
		gmpls_need(r, off, 4);
		source(r, ind, off, false, "Source Port", gmpls_u16(r, off + 6), false);
		return RSVP_BODY_DONE;
	case 2:
		if (n < 20)
			return too_short(r, ind);
		gmpls_need(r, off, 16);
		source(r, ind, off, true, "Source Port", gmpls_u16(r, off + 18), false);
		return RSVP_BODY_DONE;
	case 13:
		if (n < 40)
			return too_short(r, ind);
		gmpls_need(r, off, 40);
		p2mp_sender(r, ind, off, true);
		return RSVP_BODY_DONE;
	case 7:
		if (n < 8)
			return too_short(r, ind);
		gmpls_need(r, off, 4);
		if (filter) {
			source(r, ind, off, false, "LSP-ID", gmpls_u16(r, off + 6), true);
		} else {
			msg_printf(r->b, "%s  IPv4 Tunnel Sender Address: ", ind);
			gmpls_ip4(r, off);
			msg_printf(r->b, ", LSP-ID: 0x%04x", gmpls_u16(r, off + 6));
		}
		return RSVP_BODY_DONE;
	case 12:
		if (n < 16)
			return too_short(r, ind);
		gmpls_need(r, off, 16);
		p2mp_sender(r, ind, off, false);
		return RSVP_BODY_DONE;
	case 3:
		if (!filter)
			return RSVP_BODY_HEX;
		if (n < 20)
			return too_short(r, ind);
		gmpls_need(r, off, 16);
		source(r, ind, off, true, "Flow Label", gmpls_u24(r, off + 17), false);
		return RSVP_BODY_DONE;
	case 8:
		if (!filter)
			return RSVP_BODY_HEX;
		if (n < 20)
			return too_short(r, ind);
		/* tcpdump prints the IPv6 tunnel's sender as an IPv4 address: its text */
		gmpls_need(r, off, 4);
		source(r, ind, off, false, "LSP-ID", gmpls_u16(r, off + 18), true);
		return RSVP_BODY_DONE;
	default:
		return RSVP_BODY_HEX;
	}
}

/* An address of C-Type 1 (IPv4) or 2 (IPv6): Confirm, Notify Request, Sub-LSP. */
static enum rsvp_body one_addr(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
			       uint32_t n, const char *what)
{
	if (ctype != 1 && ctype != 2)
		return RSVP_BODY_HEX;
	if (n < (ctype == 2 ? 16u : 4u))
		return too_short(r, ind);
	if (what[0] == 'S')
		msg_printf(r->b, "%s  %s: ", ind, what);
	else
		msg_printf(r->b, "%s  IPv%c %s: ", ind, ctype == 2 ? '6' : '4', what);
	addr(r, off, ctype == 2);
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
		return too_short(r, ind);
	code = gmpls_u8(r, off + a + 1);
	value = gmpls_u16(r, off + a + 2);
	msg_printf(r->b, "%s  Error Node Address: ", ind);
	addr(r, off, v6);
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
		return too_short(r, ind);
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
		return too_short(r, ind);
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
			return too_short(r, ind);
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
		return too_short(r, ind);
	namelen = gmpls_u8(r, off + 3);
	if (n < 4u + namelen)
		return too_short(r, ind);
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
		return too_short(r, ind);
	action = gmpls_u16(r, off) >> 8;
	msg_printf(r->b, "%s  Action: ", ind);
	msg_tok_put(r->b, rsvp_label_set_actions, "Unknown", action);
	msg_printf(r->b, " (%u), Label type: %u", action, gmpls_u32(r, off) & 0x7f);
	if (action == 2 || action == 3) {
		if (n < 12)
			return too_short(r, ind);
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
		return too_short(r, ind);
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
			return too_short(r, ind);
		msg_printf(r->b, "%s  Generalized Label: %u", ind, gmpls_u32(r, off));
		return RSVP_BODY_DONE;
	case 3:
		if (n < 12)
			return too_short(r, ind);
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
		return too_short(r, ind);
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
		*res = too_short(r, ind);
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
		return session(r, ind, ctype, off, n);
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
		return sender(r, ind, false, ctype, off, n);
	case 10:
		return sender(r, ind, true, ctype, off, n);
	case 19:
		return label_request(r, ind, ctype, off, n);
	case 20:
	case 21:
		return ctype == 1 ? xro(r, ind, off, n) : RSVP_BODY_HEX;
	case 22:
		if (ctype != 1 && ctype != 2)
			return RSVP_BODY_HEX;
		if (n < 8)
			return too_short(r, ind);
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
		return ctype == 1 ? generalized_uni(r, ind, off, n) : RSVP_BODY_HEX;
	case 3:
		if (ctype == 1 || ctype == 3 || ctype == 2 || ctype == 4) {
			bool v6 = ctype == 2 || ctype == 4;
			size_t a = v6 ? 16 : 4;

			if (n < a + 4)
				return too_short(r, ind);
			msg_printf(r->b, "%s  Previous/Next Interface: ", ind);
			addr(r, off, v6);
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
		return ctype == 2 ? intserv(r, ind, off, n) : RSVP_BODY_HEX;
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
