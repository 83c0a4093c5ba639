/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rsvp_te.c: RSVP's traffic engineering objects as tcpdump's
 * rsvp_obj_print prints them: sessions, sender templates and filter specs,
 * IntServ specs, explicit and recorded routes, label requests, OIF UNI; the
 * C-Type names, and the helpers proto_rsvp_obj.c's other objects share.
 */
#include "config.h"

#include "decode/gmpls_names.h"
#include "decode/proto_bgp.h"
#include "decode/proto_gmpls.h"
#include "decode/tcpdump_names.h"

#define CT(class, ctype) ((class) << 8 | (ctype))
#define RSVP_OBJ_RRO 21

const struct msg_tok rsvp_ctypes[] = {
	{ CT(3, 1), "IPv4" },
	{ CT(3, 2), "IPv6" },
	{ CT(3, 3), "IPv4 plus opt. TLVs" },
	{ CT(3, 4), "IPv6 plus opt. TLVs" },
	{ CT(195, 1), "IPv4" },
	{ CT(195, 2), "IPv6" },
	{ CT(15, 1), "IPv4" },
	{ CT(15, 2), "IPv6" },
	{ CT(5, 1), "1" },
	{ CT(9, 1), "obsolete" },
	{ CT(9, 2), "IntServ" },
	{ CT(12, 2), "IntServ" },
	{ CT(13, 2), "IntServ" },
	{ CT(10, 1), "IPv4" },
	{ CT(10, 2), "IPv6" },
	{ CT(10, 3), "IPv6 Flow-label" },
	{ CT(10, 7), "Tunnel IPv4" },
	{ CT(10, 12), "IPv4 P2MP LSP Tunnel" },
	{ CT(10, 13), "IPv6 P2MP LSP Tunnel" },
	{ CT(1, 1), "IPv4" },
	{ CT(1, 2), "IPv6" },
	{ CT(1, 7), "Tunnel IPv4" },
	{ CT(1, 11), "UNI IPv4" },
	{ CT(1, 13), "IPv4 P2MP LSP Tunnel" },
	{ CT(1, 14), "IPv6 P2MP LSP Tunnel" },
	{ CT(11, 1), "IPv4" },
	{ CT(11, 2), "IPv6" },
	{ CT(11, 7), "Tunnel IPv4" },
	{ CT(11, 12), "IPv4 P2MP LSP Tunnel" },
	{ CT(11, 13), "IPv6 P2MP LSP Tunnel" },
	{ CT(23, 1), "1" },
	{ CT(24, 1), "Message id ack" },
	{ CT(24, 2), "Message id nack" },
	{ CT(25, 1), "1" },
	{ CT(8, 1), "1" },
	{ CT(22, 1), "Hello Request" },
	{ CT(22, 2), "Hello Ack" },
	{ CT(19, 1), "without label range" },
	{ CT(19, 2), "with ATM label range" },
	{ CT(19, 3), "with FR label range" },
	{ CT(19, 4), "Generalized Label" },
	{ CT(16, 1), "Label" },
	{ CT(16, 2), "Generalized Label" },
	{ CT(16, 3), "Waveband Switching" },
	{ CT(129, 1), "Label" },
	{ CT(129, 2), "Generalized Label" },
	{ CT(129, 3), "Waveband Switching" },
	{ CT(35, 1), "Label" },
	{ CT(35, 2), "Generalized Label" },
	{ CT(35, 3), "Waveband Switching" },
	{ CT(34, 1), "Label" },
	{ CT(34, 2), "Generalized Label" },
	{ CT(34, 3), "Waveband Switching" },
	{ CT(20, 1), "IPv4" },
	{ CT(21, 1), "IPv4" },
	{ CT(6, 1), "IPv4" },
	{ CT(6, 2), "IPv6" },
	{ CT(6, 3), "IPv4 plus opt. TLVs" },
	{ CT(6, 4), "IPv6 plus opt. TLVs" },
	{ CT(131, 1), "IPv4" },
	{ CT(134, 1), "1" },
	{ CT(207, 7), "Tunnel IPv4" },
	{ CT(205, 7), "Tunnel IPv4" }, /* the old style */
	{ CT(205, 1), "1" },	       /* the new */
	{ CT(63, 7), "Tunnel IPv4" },
	{ CT(204, 1), "1" },
	{ CT(196, 1), "1" },
	{ CT(66, 1), "1" },
	{ CT(125, 1), "1" },
	{ CT(36, 1), "1" },
	{ CT(229, 1), "1" },
	{ CT(50, 1), "IPv4 sub-LSP" },
	{ CT(50, 2), "IPv6 sub-LSP" },
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

static const struct msg_tok rsvp_uni_subobjs[] = {
	{ 1, "Source TNA address" },
	{ 2, "Destination TNA address" },
	{ 3, "Diversity" },
	{ 4, "Egress label" },
	{ 5, "Service level" },
	{ 0, NULL },
};

enum rsvp_body rsvp_too_short(struct gmpls_rd *r, const char *ind)
{
	msg_printf(r->b, "%sERROR: object is too short", ind);
	return RSVP_BODY_STOP;
}

enum rsvp_body rsvp_invalid(struct gmpls_rd *r)
{
	pbuf_puts(r->b, " (invalid)");
	return RSVP_BODY_STOP;
}

/* An address of 4 or 16 bytes at off. */
void rsvp_addr(struct gmpls_rd *r, size_t off, bool v6)
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
enum rsvp_body rsvp_intserv(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	if (n < 4)
		return rsvp_too_short(r, ind);
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
enum rsvp_body rsvp_xro(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
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
				return rsvp_invalid(r);
			}
			gmpls_need(r, off, 8);
		}
		if (type == 1) {
			uint8_t plen = msg_u8(r->g, off + 6);

			if (plen != 32) {
				msg_printf(r->b, " ERROR: Prefix length %u != 32", plen);
				return rsvp_invalid(r);
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

enum rsvp_body rsvp_label_request(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
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
			return rsvp_too_short(r, ind);
		l3pid(r, ind, off);
		msg_printf(r->b, ",%s merge capability", gmpls_u8(r, off + 4) & 0x80 ? "no" : "");
		msg_printf(r->b, "%s  Minimum VPI/VCI: %u/%u", ind, gmpls_u16(r, off + 4) & 0xfff,
			   gmpls_u16(r, off + 6) & 0xfff);
		msg_printf(r->b, "%s  Maximum VPI/VCI: %u/%u", ind, gmpls_u16(r, off + 8) & 0xfff,
			   gmpls_u16(r, off + 10) & 0xfff);
		return RSVP_BODY_DONE;
	case 3:
		if (n < 12)
			return rsvp_too_short(r, ind);
		l3pid(r, ind, off);
		bits = (gmpls_u16(r, off + 4) >> 7) & 3;
		msg_printf(r->b, "%s  Minimum/Maximum DLCI: %u/%u, %s%s bit DLCI", ind,
			   gmpls_u32(r, off + 4) & 0x7fffff, gmpls_u32(r, off + 8) & 0x7fffff,
			   bits == 0 ? "10" : "", bits == 2 ? "23" : "");
		return RSVP_BODY_DONE;
	case 4:
		if (n < 4)
			return rsvp_too_short(r, ind);
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
enum rsvp_body rsvp_generalized_uni(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n)
{
	uint32_t total = n;
	bool hex = false;

	if (n < 4)
		return rsvp_too_short(r, ind);
	while (total > 0) {
		uint16_t len, ta;
		uint8_t type, af;

		if (total < 4)
			return rsvp_invalid(r);
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
			return rsvp_invalid(r);
		switch (type) {
		case 1:
		case 2:
			if (af == 1 || af == 2) {
				if (len < (af == 1 ? 8 : 20))
					goto subobj_short;
				msg_printf(r->b, "%s    UNI IPv%c TNA address: ", ind, af == 1 ? '4' : '6');
				rsvp_addr(r, off + 4, af == 2);
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
enum rsvp_body rsvp_session(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
			      uint32_t n)
{
	switch (ctype) {
	case 1:
	case 2: {
		size_t a = ctype == 2 ? 16 : 4;

		if (n < a + 4)
			return rsvp_too_short(r, ind);
		msg_printf(r->b, "%s  IPv%c DestAddress: ", ind, ctype == 2 ? '6' : '4');
		rsvp_addr(r, off, ctype == 2);
		msg_printf(r->b, ", Protocol ID: 0x%02x", gmpls_u8(r, off + a));
		msg_printf(r->b, "%s  Flags: [0x%02x], DestPort %u", ind, gmpls_u8(r, off + a + 1),
			   gmpls_u16(r, off + a + 2));
		return RSVP_BODY_DONE;
	}
	case 8:
		if (n < 36)
			return rsvp_too_short(r, ind);
		msg_printf(r->b, "%s  IPv6 Tunnel EndPoint: ", ind);
		gmpls_ip6(r, off);
		msg_printf(r->b, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ", gmpls_u16(r, off + 18));
		gmpls_ip6(r, off + 20);
		return RSVP_BODY_DONE;
	case 14:
		if (n < 26)
			return rsvp_too_short(r, ind);
		msg_printf(r->b, "%s  IPv6 P2MP LSP ID: 0x%08x, Tunnel ID: 0x%04x, Extended Tunnel ID: ",
			   ind, gmpls_u32(r, off), gmpls_u16(r, off + 6));
		gmpls_ip6(r, off + 8);
		return RSVP_BODY_DONE;
	case 13:
	case 7:
	case 11:
		if (n < 12)
			return rsvp_too_short(r, ind);
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
	rsvp_addr(r, off, v6);
	msg_printf(r->b, ", LSP ID: 0x%04x%s  Sub-Group Originator ID: ", gmpls_u16(r, off + a + 2),
		   ind);
	rsvp_addr(r, off + a + 4, v6);
	msg_printf(r->b, ", Sub-Group ID: 0x%04x", gmpls_u16(r, off + (v6 ? 38 : 12)));
}

/* "Source Address: A, Source Port: P" (or LSP-ID, Flow Label) of a template or filter spec. */
static void source(struct gmpls_rd *r, const char *ind, size_t off, bool v6, const char *what,
		   uint32_t v, bool hex)
{
	msg_printf(r->b, "%s  Source Address: ", ind);
	rsvp_addr(r, off, v6);
	msg_printf(r->b, hex ? ", %s: 0x%04x" : ", %s: %u", what, v);
}

/* Sender Template and FilterSpec (the filter spec has C-Type 3 and 8 more). */
enum rsvp_body rsvp_sender(struct gmpls_rd *r, const char *ind, bool filter, uint8_t ctype,
			     size_t off, uint32_t n)
{
	switch (ctype) {
	case 1:
		if (n < 8)
			return rsvp_too_short(r, ind);
		gmpls_need(r, off, 4);
		source(r, ind, off, false, "Source Port", gmpls_u16(r, off + 6), false);
		return RSVP_BODY_DONE;
	case 2:
		if (n < 20)
			return rsvp_too_short(r, ind);
		gmpls_need(r, off, 16);
		source(r, ind, off, true, "Source Port", gmpls_u16(r, off + 18), false);
		return RSVP_BODY_DONE;
	case 13:
		if (n < 40)
			return rsvp_too_short(r, ind);
		gmpls_need(r, off, 40);
		p2mp_sender(r, ind, off, true);
		return RSVP_BODY_DONE;
	case 7:
		if (n < 8)
			return rsvp_too_short(r, ind);
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
			return rsvp_too_short(r, ind);
		gmpls_need(r, off, 16);
		p2mp_sender(r, ind, off, false);
		return RSVP_BODY_DONE;
	case 3:
		if (!filter)
			return RSVP_BODY_HEX;
		if (n < 20)
			return rsvp_too_short(r, ind);
		gmpls_need(r, off, 16);
		source(r, ind, off, true, "Flow Label", gmpls_u24(r, off + 17), false);
		return RSVP_BODY_DONE;
	case 8:
		if (!filter)
			return RSVP_BODY_HEX;
		if (n < 20)
			return rsvp_too_short(r, ind);
		/* tcpdump prints the IPv6 tunnel's sender as an IPv4 address: its text */
		gmpls_need(r, off, 4);
		source(r, ind, off, false, "LSP-ID", gmpls_u16(r, off + 18), true);
		return RSVP_BODY_DONE;
	default:
		return RSVP_BODY_HEX;
	}
}
