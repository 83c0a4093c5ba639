/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_lmp.c: the Link Management Protocol (RFC 4204, UDP 701, and UNI
 * 1.0's service discovery) as tcpdump's lmp_print: the message type at the
 * default level, every object and its data link sub-objects from -v, the
 * objects' hex from -vv.
 */
#include "config.h"

#include "decode/gmpls_names.h"
#include "decode/proto.h"
#include "decode/proto_gmpls.h"

#define LMP_HDR_LEN 8
#define LMP_OBJ_HDR 4

enum lmp_class {
	LMP_OBJ_CC_ID = 1,
	LMP_OBJ_NODE_ID = 2,
	LMP_OBJ_LINK_ID = 3,
	LMP_OBJ_INTERFACE_ID = 4,
	LMP_OBJ_MESSAGE_ID = 5,
	LMP_OBJ_CONFIG = 6,
	LMP_OBJ_HELLO = 7,
	LMP_OBJ_VERIFY_BEGIN = 8,
	LMP_OBJ_VERIFY_BEGIN_ACK = 9,
	LMP_OBJ_VERIFY_ID = 10,
	LMP_OBJ_TE_LINK = 11,
	LMP_OBJ_DATA_LINK = 12,
	LMP_OBJ_CHANNEL_STATUS = 13,
	LMP_OBJ_CHANNEL_STATUS_REQ = 14,
	LMP_OBJ_ERROR_CODE = 20,
	LMP_OBJ_SERVICE_CONFIG = 51,
};

static const struct msg_tok lmp_header_flags[] = {
	{ 0x01, "Control Channel Down" },
	{ 0x02, "LMP restart" },
	{ 0, NULL },
};

static const struct msg_tok lmp_te_link_flags[] = {
	{ 0x01, "Fault Management Supported" },
	{ 0x02, "Link Verification Supported" },
	{ 0, NULL },
};

static const struct msg_tok lmp_data_link_flags[] = {
	{ 0x01, "Data Link Port" },
	{ 0x02, "Allocated for user traffic" },
	{ 0x04, "Failed link" },
	{ 0, NULL },
};

static const struct msg_tok lmp_channel_status[] = {
	{ 1, "Signal Okay" },
	{ 2, "Signal Degraded" },
	{ 3, "Signal Fail" },
	{ 0, NULL },
};

static const struct msg_tok lmp_begin_verify_flags[] = {
	{ 0x0001, "Verify all links" },
	{ 0x0002, "Data link type" },
	{ 0, NULL },
};

static const struct msg_tok lmp_begin_verify_errors[] = {
	{ 0x01, "Link Verification Procedure Not supported" },
	{ 0x02, "Unwilling to verify" },
	{ 0x04, "Unsupported verification transport mechanism" },
	{ 0x08, "Link-Id configuration error" },
	{ 0x10, "Unknown object c-type" },
	{ 0, NULL },
};

static const struct msg_tok lmp_link_summary_errors[] = {
	{ 0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters" },
	{ 0x02, "Renegotiate LINK-SUMMARY parameters" },
	{ 0x04, "Invalid TE-LINK Object" },
	{ 0x08, "Invalid DATA-LINK Object" },
	{ 0x10, "Unknown TE-LINK Object c-type" },
	{ 0x20, "Unknown DATA-LINK Object c-type" },
	{ 0, NULL },
};

/* UNI 1.0 service discovery (the Service Config object's C-Types) */
static const struct msg_tok lmp_sc_protocols[] = {
	{ 0x01, "RSVP Supported" },
	{ 0x02, "LDP Supported" },
	{ 0, NULL },
};

static const struct msg_tok lmp_sc_cpsa_transparency[] = {
	{ 0x01, "Path/VC Overhead Transparency Supported" },
	{ 0x02, "Line/MS Overhead Transparency Supported" },
	{ 0x04, "Section/RS Overhead Transparency Supported" },
	{ 0, NULL },
};

static const struct msg_tok lmp_sc_cpsa_concat[] = {
	{ 0x01, "Contiguous Concatenation Types Supported" },
	{ 0, NULL },
};

static const struct msg_tok lmp_sc_nsa_transparency[] = {
	{ 0x01, "Standard SOH/RSOH Transparency Supported" },
	{ 0x02, "Standard LOH/MSOH Transparency Supported" },
	{ 0, NULL },
};

static const struct msg_tok lmp_sc_nsa_tcm[] = {
	{ 0x01, "Transparent Tandem Connection Monitoring Supported" },
	{ 0, NULL },
};

static const struct msg_tok lmp_sc_nsa_diversity[] = {
	{ 0x01, "Node Diversity Supported" },
	{ 0x02, "Link Diversity Supported" },
	{ 0x04, "SRLG Diversity Supported" },
	{ 0, NULL },
};

#define LMP_LINK_TYPE_SDH   5
#define LMP_LINK_TYPE_SONET 6

static const struct msg_tok lmp_sc_link_types[] = {
	{ LMP_LINK_TYPE_SDH, "SDH ITU-T G.707" },
	{ LMP_LINK_TYPE_SONET, "SONET ANSI T1.105" },
	{ 0, NULL },
};

static const struct msg_tok lmp_sc_signals_sdh[] = {
	{ 5, "VC-3" },	  { 6, "VC-4" },    { 7, "STM-0" },   { 8, "STM-1" }, { 9, "STM-4" },
	{ 10, "STM-16" }, { 11, "STM-64" }, { 12, "STM-256" }, { 0, NULL },
};

static const struct msg_tok lmp_sc_signals_sonet[] = {
	{ 5, "STS-1 SPE" }, { 6, "STS-3c SPE" }, { 7, "STS-1" },   { 8, "STM-3" },
	{ 9, "STM-12" },    { 10, "STM-48" },    { 11, "STM-192" }, { 12, "STM-768" },
	{ 0, NULL },
};

static const struct msg_tok lmp_msg_types[] = {
	{ 1, "Config" },
	{ 2, "Config ACK" },
	{ 3, "Config NACK" },
	{ 4, "Hello" },
	{ 5, "Begin Verify" },
	{ 6, "Begin Verify ACK" },
	{ 7, "Begin Verify NACK" },
	{ 8, "End Verify" },
	{ 9, "End Verify ACK" },
	{ 10, "Test" },
	{ 11, "Test Status Success" },
	{ 12, "Test Status Failure" },
	{ 13, "Test Status ACK" },
	{ 14, "Link Summary" },
	{ 15, "Link Summary ACK" },
	{ 16, "Link Summary NACK" },
	{ 17, "Channel Status" },
	{ 18, "Channel Status ACK" },
	{ 19, "Channel Status Request" },
	{ 20, "Channel Status Response" },
	{ 50, "Service Config" },
	{ 51, "Service Config ACK" },
	{ 52, "Service Config NACK" },
	{ 0, NULL },
};

static const struct msg_tok lmp_objects[] = {
	{ LMP_OBJ_CC_ID, "Control Channel ID" },
	{ LMP_OBJ_NODE_ID, "Node ID" },
	{ LMP_OBJ_LINK_ID, "Link ID" },
	{ LMP_OBJ_INTERFACE_ID, "Interface ID" },
	{ LMP_OBJ_MESSAGE_ID, "Message ID" },
	{ LMP_OBJ_CONFIG, "Configuration" },
	{ LMP_OBJ_HELLO, "Hello" },
	{ LMP_OBJ_VERIFY_BEGIN, "Verify Begin" },
	{ LMP_OBJ_VERIFY_BEGIN_ACK, "Verify Begin ACK" },
	{ LMP_OBJ_VERIFY_ID, "Verify ID" },
	{ LMP_OBJ_TE_LINK, "TE Link" },
	{ LMP_OBJ_DATA_LINK, "Data Link" },
	{ LMP_OBJ_CHANNEL_STATUS, "Channel Status" },
	{ LMP_OBJ_CHANNEL_STATUS_REQ, "Channel Status Request" },
	{ LMP_OBJ_ERROR_CODE, "Error Code" },
	{ LMP_OBJ_SERVICE_CONFIG, "Service Config" },
	{ 0, NULL },
};

#define CT(class, ctype) ((class) << 8 | (ctype))

/* C-Types are per class: keyed by class << 8 | C-Type, as tcpdump's table */
static const struct msg_tok lmp_ctypes[] = {
	{ CT(LMP_OBJ_CC_ID, 1), "Local" },
	{ CT(LMP_OBJ_CC_ID, 2), "Remote" },
	{ CT(LMP_OBJ_NODE_ID, 1), "Local" },
	{ CT(LMP_OBJ_NODE_ID, 2), "Remote" },
	{ CT(LMP_OBJ_LINK_ID, 1), "IPv4 Local" },
	{ CT(LMP_OBJ_LINK_ID, 2), "IPv4 Remote" },
	{ CT(LMP_OBJ_LINK_ID, 3), "IPv6 Local" },
	{ CT(LMP_OBJ_LINK_ID, 4), "IPv6 Remote" },
	{ CT(LMP_OBJ_LINK_ID, 5), "Unnumbered Local" },
	{ CT(LMP_OBJ_LINK_ID, 6), "Unnumbered Remote" },
	{ CT(LMP_OBJ_INTERFACE_ID, 1), "IPv4 Local" },
	{ CT(LMP_OBJ_INTERFACE_ID, 2), "IPv4 Remote" },
	{ CT(LMP_OBJ_INTERFACE_ID, 3), "IPv6 Local" },
	{ CT(LMP_OBJ_INTERFACE_ID, 4), "IPv6 Remote" },
	{ CT(LMP_OBJ_INTERFACE_ID, 5), "Unnumbered Local" },
	{ CT(LMP_OBJ_INTERFACE_ID, 6), "Unnumbered Remote" },
	{ CT(LMP_OBJ_MESSAGE_ID, 1), "1" },
	{ CT(LMP_OBJ_MESSAGE_ID, 2), "2" },
	{ CT(LMP_OBJ_CONFIG, 1), "1" },
	{ CT(LMP_OBJ_HELLO, 1), "1" },
	{ CT(LMP_OBJ_VERIFY_BEGIN, 1), "1" },
	{ CT(LMP_OBJ_VERIFY_BEGIN_ACK, 1), "1" },
	{ CT(LMP_OBJ_VERIFY_ID, 1), "1" },
	{ CT(LMP_OBJ_TE_LINK, 1), "IPv4" },
	{ CT(LMP_OBJ_TE_LINK, 2), "IPv6" },
	{ CT(LMP_OBJ_TE_LINK, 3), "Unnumbered" },
	{ CT(LMP_OBJ_DATA_LINK, 1), "IPv4" },
	{ CT(LMP_OBJ_DATA_LINK, 2), "IPv6" },
	{ CT(LMP_OBJ_DATA_LINK, 3), "Unnumbered" },
	{ CT(LMP_OBJ_CHANNEL_STATUS, 1), "IPv4" },
	{ CT(LMP_OBJ_CHANNEL_STATUS, 2), "IPv6" },
	{ CT(LMP_OBJ_CHANNEL_STATUS, 3), "Unnumbered" },
	{ CT(LMP_OBJ_CHANNEL_STATUS_REQ, 1), "IPv4" },
	{ CT(LMP_OBJ_CHANNEL_STATUS_REQ, 2), "IPv6" },
	{ CT(LMP_OBJ_CHANNEL_STATUS_REQ, 3), "Unnumbered" },
	{ CT(LMP_OBJ_ERROR_CODE, 1), "1" },
	{ CT(LMP_OBJ_ERROR_CODE, 2), "2" },
	{ CT(LMP_OBJ_SERVICE_CONFIG, 1), "1" },
	{ CT(LMP_OBJ_SERVICE_CONFIG, 2), "2" },
	{ CT(LMP_OBJ_SERVICE_CONFIG, 3), "3" },
	{ CT(LMP_OBJ_SERVICE_CONFIG, 4), "4" },
	{ 0, NULL },
};

static const struct msg_tok lmp_data_link_subobjs[] = {
	{ 1, "Interface Switching Type" },
	{ 2, "Wavelength" },
	{ 0, NULL },
};

int proto_lmp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_LMP;
	return PKT_PROTO_NONE;
}

const char *proto_lmp_msg_name(unsigned type)
{
	return msg_tok_find(lmp_msg_types, type);
}

/* "\n\t    NAME: a.b.c.d (0x%08x)", an address or a number with its hex */
static void id4(struct gmpls_rd *r, const char *name, size_t off, bool addr)
{
	uint32_t v = gmpls_u32(r, off);

	msg_printf(r->b, "\n\t    %s: ", name);
	if (addr)
		gmpls_ip4(r, off);
	else
		pbuf_u32(r->b, v);
	msg_printf(r->b, " (0x%08x)", v);
}

static void id6(struct gmpls_rd *r, const char *name, size_t off)
{
	gmpls_need(r, off, 16);
	msg_printf(r->b, "\n\t    %s: ", name);
	gmpls_ip6(r, off);
	msg_printf(r->b, " (0x%08x)", gmpls_u32(r, off));
}

/* The data link object's sub-objects from off; true when an unknown one asks for the hex. */
static bool data_link_subobjs(struct gmpls_rd *r, size_t off, int left)
{
	while (left > 0) {
		uint8_t type = gmpls_u8(r, off), len = gmpls_u8(r, off + 1);

		pbuf_puts(r->b, "\n\t    Subobject, Type: ");
		msg_tok_put(r->b, lmp_data_link_subobjs, "Unknown", type);
		msg_printf(r->b, " (%u), Length: %u", type, len);
		if (len < 4) {
			pbuf_puts(r->b, " (too short)");
			return false;
		}
		if (len % 4) {
			pbuf_puts(r->b, " (not a multiple of 4)");
			return false;
		}
		if (left < len) {
			pbuf_puts(r->b, " (goes past the end of the object)");
			return false;
		}
		if (type == 1) {
			uint8_t sw = gmpls_u8(r, off + 2), enc;

			pbuf_puts(r->b, "\n\t      Switching Type: ");
			msg_tok_put(r->b, gmpls_switch_caps, "Unknown", sw);
			msg_printf(r->b, " (%u)", sw);
			enc = gmpls_u8(r, off + 3);
			pbuf_puts(r->b, "\n\t      Encoding Type: ");
			msg_tok_put(r->b, gmpls_encodings, "Unknown", enc);
			msg_printf(r->b, " (%u)", enc);
			gmpls_need(r, off + 4, 4);
			pbuf_puts(r->b, "\n\t      Min Reservable Bandwidth: ");
			gmpls_mbps(r, off + 4);
			gmpls_need(r, off + 8, 4);
			pbuf_puts(r->b, "\n\t      Max Reservable Bandwidth: ");
			gmpls_mbps(r, off + 8);
		} else if (type == 2) {
			msg_printf(r->b, "\n\t      Wavelength: %u", gmpls_u32(r, off + 4));
		} else {
			return true;
		}
		left -= len;
		off += len;
	}
	return false;
}

/* The Channel Status pairs (an interface ID and its status word) of an object. */
static void channel_status(struct gmpls_rd *r, size_t off, uint32_t n, uint8_t ctype)
{
	size_t idlen = ctype == 2 ? 16 : 4;

	for (size_t o = 0; o + idlen + 4 <= n; o += idlen + 4) {
		uint32_t st;

		if (ctype == 2)
			id6(r, "Interface ID", off + o);
		else
			id4(r, "Interface ID", off + o, ctype == 1);
		st = gmpls_u32(r, off + o + idlen);
		msg_printf(r->b, "\n\t\t    Active: %s (%u)", st >> 31 ? "Allocated" : "Non-allocated",
			   st >> 31);
		msg_printf(r->b, "\n\t\t    Direction: %s (%u)", (st >> 30) & 1 ? "Transmit" : "Receive",
			   (st >> 30) & 1);
		pbuf_puts(r->b, "\n\t\t    Channel Status: ");
		msg_tok_put(r->b, lmp_channel_status, "Unknown", st & 0x3ffffff);
		msg_printf(r->b, " (%u)", st & 0x3ffffff);
	}
}

static void channel_status_req(struct gmpls_rd *r, size_t off, uint32_t n, uint8_t ctype)
{
	size_t idlen = ctype == 2 ? 16 : 4;

	for (size_t o = 0; o + idlen <= n; o += idlen) {
		if (ctype == 2)
			id6(r, "Interface ID", off + o);
		else
			id4(r, "Interface ID", off + o, ctype == 1);
	}
}

/* The flags and link IDs of a TE link or data link object: local and remote, by C-Type. */
static void link_ids(struct gmpls_rd *r, size_t off, uint8_t ctype, const char *local,
		     const char *remote, const struct msg_tok *flags)
{
	pbuf_puts(r->b, "\n\t    Flags: [");
	msg_bits_put(r->b, flags, "none", gmpls_u8(r, off), ", ");
	pbuf_putc(r->b, ']');
	if (ctype == 2) {
		id6(r, local, off + 4);
		id6(r, remote, off + 20);
	} else {
		id4(r, local, off + 4, ctype == 1);
		id4(r, remote, off + 8, ctype == 1);
	}
}

/* Service Config (UNI 1.0): true when its C-Type is unknown (hex). */
static bool service_config(struct gmpls_rd *r, size_t off, uint32_t n, uint8_t ctype)
{
	switch (ctype) {
	case 1:
		if (n != 4)
			break;
		pbuf_puts(r->b, "\n\t Flags: ");
		msg_bits_put(r->b, lmp_sc_protocols, "none", gmpls_u8(r, off), ", ");
		msg_printf(r->b, "\n\t  UNI Version: %u", gmpls_u8(r, off + 1));
		return false;
	case 2: {
		uint8_t lt;

		if (n != 16)
			break;
		lt = gmpls_u8(r, off);
		pbuf_puts(r->b, "\n\t Link Type: ");
		msg_tok_put(r->b, lmp_sc_link_types, "Unknown", lt);
		msg_printf(r->b, " (%u)", lt);
		if (lt == LMP_LINK_TYPE_SDH || lt == LMP_LINK_TYPE_SONET) {
			uint8_t sig = gmpls_u8(r, off + 1);

			pbuf_puts(r->b, "\n\t Signal Type: ");
			msg_tok_put(r->b, lt == LMP_LINK_TYPE_SDH ? lmp_sc_signals_sdh : lmp_sc_signals_sonet,
				    "Unknown", sig);
			msg_printf(r->b, " (%u)", sig);
		}
		pbuf_puts(r->b, "\n\t Transparency: ");
		msg_bits_put(r->b, lmp_sc_cpsa_transparency, "none", gmpls_u8(r, off + 2), ", ");
		pbuf_puts(r->b, "\n\t Contiguous Concatenation Types: ");
		msg_bits_put(r->b, lmp_sc_cpsa_concat, "none", gmpls_u8(r, off + 3), ", ");
		msg_printf(r->b, "\n\t Minimum NCC: %u", gmpls_u16(r, off + 4));
		msg_printf(r->b, "\n\t Maximum NCC: %u", gmpls_u16(r, off + 6));
		msg_printf(r->b, "\n\t Minimum NVC:%u", gmpls_u16(r, off + 8));
		msg_printf(r->b, "\n\t Maximum NVC:%u", gmpls_u16(r, off + 10));
		id4(r, "Local Interface ID", off + 12, true);
		return false;
	}
	case 3:
		if (n != 8)
			break;
		pbuf_puts(r->b, "\n\t Transparency Flags: ");
		msg_bits_put(r->b, lmp_sc_nsa_transparency, "none", gmpls_u32(r, off), ", ");
		pbuf_puts(r->b, "\n\t TCM Monitoring Flags: ");
		msg_bits_put(r->b, lmp_sc_nsa_tcm, "none", gmpls_u8(r, off + 7), ", ");
		return false;
	case 4:
		if (n != 4)
			break;
		pbuf_puts(r->b, "\n\t Diversity: Flags: ");
		msg_bits_put(r->b, lmp_sc_nsa_diversity, "none", gmpls_u8(r, off + 3), ", ");
		return false;
	default:
		return true;
	}
	pbuf_puts(r->b, " (not correct for object)");
	return false;
}

/* " (not correct for object)": an object whose length its C-Type does not allow. */
static bool wrong_len(struct gmpls_rd *r)
{
	pbuf_puts(r->b, " (not correct for object)");
	return false;
}

/* A 4-byte number and its hex ("Message ID: 3 (0x00000003)"), when the object holds just it. */
static bool num4(struct gmpls_rd *r, const char *name, size_t off, uint32_t n, bool addr)
{
	if (n != 4)
		return wrong_len(r);
	id4(r, name, off, addr);
	return false;
}

/* The object's body: n bytes at off.  True when tcpdump would hex dump it (an unknown C-Type). */
static bool object_body(struct gmpls_rd *r, uint8_t class, uint8_t ctype, size_t off, uint32_t n)
{
	switch (class) {
	case LMP_OBJ_CC_ID:
		if (ctype != 1 && ctype != 2)
			return true;
		return num4(r, "Control Channel ID", off, n, false);
	case LMP_OBJ_LINK_ID:
	case LMP_OBJ_INTERFACE_ID:
		if (ctype == 1 || ctype == 2)
			return num4(r, "IPv4 Link ID", off, n, true);
		if (ctype == 5 || ctype == 6)
			return num4(r, "Link ID", off, n, false);
		if (ctype != 3 && ctype != 4)
			return true;
		if (n != 16)
			return wrong_len(r);
		id6(r, "IPv6 Link ID", off);
		return false;
	case LMP_OBJ_MESSAGE_ID:
		if (ctype != 1 && ctype != 2)
			return true;
		return num4(r, ctype == 1 ? "Message ID" : "Message ID Ack", off, n, false);
	case LMP_OBJ_NODE_ID:
		if (ctype != 1 && ctype != 2)
			return true;
		return num4(r, "Node ID", off, n, true);
	case LMP_OBJ_CONFIG:
		if (ctype != 1)
			return true;
		if (n != 4)
			return wrong_len(r);
		msg_printf(r->b, "\n\t    Hello Interval: %u\n\t    Hello Dead Interval: %u",
			   gmpls_u16(r, off), gmpls_u16(r, off + 2));
		return false;
	case LMP_OBJ_HELLO:
		if (ctype != 1)
			return true;
		if (n != 8)
			return wrong_len(r);
		msg_printf(r->b, "\n\t    Tx Seq: %u, Rx Seq: %u", gmpls_u32(r, off), gmpls_u32(r, off + 4));
		return false;
	case LMP_OBJ_TE_LINK:
		if (ctype < 1 || ctype > 3)
			return true;
		if (n != (ctype == 2 ? 36u : 12u))
			return wrong_len(r);
		link_ids(r, off, ctype, "Local Link-ID", "Remote Link-ID", lmp_te_link_flags);
		return false;
	case LMP_OBJ_DATA_LINK: {
		uint32_t fixed = ctype == 2 ? 36 : 12;

		if (ctype < 1 || ctype > 3)
			return true;
		if (n < fixed)
			return wrong_len(r);
		link_ids(r, off, ctype, "Local Interface ID", "Remote Interface ID",
			 lmp_data_link_flags);
		return data_link_subobjs(r, off + fixed, (int)(n - fixed));
	}
	case LMP_OBJ_VERIFY_BEGIN: {
		uint16_t mech;

		if (ctype != 1)
			return true;
		if (n != 20)
			return wrong_len(r);
		pbuf_puts(r->b, "\n\t    Flags: ");
		msg_bits_put(r->b, lmp_begin_verify_flags, "none", gmpls_u16(r, off), ", ");
		msg_printf(r->b, "\n\t    Verify Interval: %u", gmpls_u16(r, off + 2));
		msg_printf(r->b, "\n\t    Data links: %u", gmpls_u32(r, off + 4));
		pbuf_puts(r->b, "\n\t    Encoding type: ");
		msg_tok_put(r->b, gmpls_encodings, "Unknown", gmpls_u8(r, off + 8));
		mech = gmpls_u16(r, off + 10);
		/* tcpdump tests bit 8000 decimal, not 0x8000: its text, its test */
		msg_printf(r->b, "\n\t    Verify Transport Mechanism: %u (0x%x)%s", mech, mech,
			   mech & 8000 ? " (Payload test messages capable)" : "");
		pbuf_puts(r->b, "\n\t    Transmission Rate: ");
		gmpls_mbps(r, off + 12);
		msg_printf(r->b, "\n\t    Wavelength: %u", gmpls_u32(r, off + 16));
		return false;
	}
	case LMP_OBJ_VERIFY_BEGIN_ACK:
		if (ctype != 1)
			return true;
		if (n != 4)
			return wrong_len(r);
		msg_printf(r->b, "\n\t    Verify Dead Interval: %u\n\t    Verify Transport Response: %u",
			   gmpls_u16(r, off), gmpls_u16(r, off + 2));
		return false;
	case LMP_OBJ_VERIFY_ID:
		if (ctype != 1)
			return true;
		if (n != 4)
			return wrong_len(r);
		msg_printf(r->b, "\n\t    Verify ID: %u", gmpls_u32(r, off));
		return false;
	case LMP_OBJ_CHANNEL_STATUS:
		if (ctype < 1 || ctype > 3)
			return true;
		channel_status(r, off, n, ctype);
		return false;
	case LMP_OBJ_CHANNEL_STATUS_REQ:
		if (ctype < 1 || ctype > 3)
			return true;
		channel_status_req(r, off, n, ctype);
		return false;
	case LMP_OBJ_ERROR_CODE:
		if (ctype != 1 && ctype != 2)
			return true;
		if (n != 4)
			return wrong_len(r);
		pbuf_puts(r->b, "\n\t    Error Code: ");
		msg_bits_put(r->b, ctype == 1 ? lmp_begin_verify_errors : lmp_link_summary_errors,
			     "none", gmpls_u32(r, off), ", ");
		return false;
	case LMP_OBJ_SERVICE_CONFIG:
		return service_config(r, off, n, ctype);
	default:
		/* an unknown class: its hex once at -v (and once, below, from -vv) */
		if (r->v <= 1)
			msg_hex_at(r->b, r->g, off, n, "\n\t    ");
		return false;
	}
}

/* The objects from the header's end to tlen (the message's length, at most the datagram's). */
static void objects(struct gmpls_rd *r, uint32_t tlen)
{
	size_t off = LMP_HDR_LEN;

	tlen -= LMP_HDR_LEN;
	while (tlen > 0) {
		uint8_t ctype, class;
		uint16_t len;
		bool hex;

		gmpls_need(r, off, LMP_OBJ_HDR);
		len = msg_u16(r->g, off + 2);
		ctype = msg_u8(r->g, off) & 0x7f;
		class = msg_u8(r->g, off + 1);
		pbuf_puts(r->b, "\n\t  ");
		msg_tok_put(r->b, lmp_objects, "Unknown", class);
		msg_printf(r->b, " Object (%u), Class-Type: ", class);
		msg_tok_put(r->b, lmp_ctypes, "Unknown", CT((uint32_t)class, ctype));
		msg_printf(r->b, " (%u) Flags: [%snegotiable], length: %u", ctype,
			   msg_u8(r->g, off) & 0x80 ? "" : "non-", len);
		if (len < LMP_OBJ_HDR) {
			pbuf_puts(r->b, " (too short)");
			return;
		}
		if (len % 4) {
			pbuf_puts(r->b, " (not a multiple of 4)");
			return;
		}
		gmpls_need(r, off, len);
		hex = object_body(r, class, ctype, off + LMP_OBJ_HDR, len - LMP_OBJ_HDR);
		if (r->v > 1 || hex)
			msg_hex_at(r->b, r->g, off + LMP_OBJ_HDR, len - LMP_OBJ_HDR, "\n\t    ");
		if (tlen < len) {
			msg_printf(r->b, " [remaining objects length %u < %u] (invalid)", tlen, len);
			return;
		}
		off += len;
		tlen -= len;
	}
}

/* lmp_print's text; false when the capture ended first. */
static bool lmp_walk(struct gmpls_rd *r)
{
	uint8_t version;
	uint16_t tlen;

	if (setjmp(r->cut))
		return false;
	gmpls_need(r, 0, LMP_HDR_LEN);
	version = msg_u8(r->g, 0) >> 4;
	if (version != 1) {
		msg_printf(r->b, "LMP version %u packet not supported", version);
		return true;
	}
	if (!r->v) {
		msg_printf(r->b, "LMPv%u ", version);
		msg_tok_put(r->b, lmp_msg_types, "unknown (%u)", msg_u8(r->g, 3));
		msg_printf(r->b, " Message, length: %u", r->g->len);
		return true;
	}
	tlen = msg_u16(r->g, 4);
	msg_printf(r->b, "\n\tLMPv%u, msg-type: ", version);
	msg_tok_put(r->b, lmp_msg_types, "unknown, type: %u", msg_u8(r->g, 3));
	pbuf_puts(r->b, ", Flags: [");
	msg_bits_put(r->b, lmp_header_flags, "none", msg_u8(r->g, 2), ", ");
	msg_printf(r->b, "], length: %u", tlen);
	if (tlen < LMP_HDR_LEN) {
		pbuf_puts(r->b, " (too short)");
		return true;
	}
	if (tlen > r->g->len) {
		pbuf_puts(r->b, " (too long)");
		tlen = (uint16_t)r->g->len;
	}
	objects(r, tlen);
	return true;
}

bool proto_lmp_print(struct line *x)
{
	struct msg g;
	struct gmpls_rd r;

	msg_of(&g, x);
	r.g = &g;
	r.b = &x->b;
	r.v = line_verbosity(x);
	if (!lmp_walk(&r))
		return msg_trunc(x, "lmp");
	return true;
}
