/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_slow.c: IEEE slow protocols (ethertype 0x8809): LACP, Marker (802.1AX) and OAM (802.3ah). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

enum { SLOW_LACP = 1, SLOW_MARKER = 2, SLOW_OAM = 3 };

/*
 * A subtype byte selects the protocol; LACP and Marker follow it with a
 * version and TLVs of a type and a length that counts the TLV's own two
 * bytes; OAM with flags, a code and its own TLVs.  The printer and the JSON
 * read them again.
 */
int proto_slow_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_SLOW;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok slow_protos[] = {
	{ SLOW_LACP, "LACP" }, { SLOW_MARKER, "MARKER" }, { SLOW_OAM, "OAM" }, { 0, NULL },
};

static const struct msg_tok slow_tlvs[] = {
	{ (SLOW_LACP << 8) + 0, "Terminator" },
	{ (SLOW_LACP << 8) + 1, "Actor Information" },
	{ (SLOW_LACP << 8) + 2, "Partner Information" },
	{ (SLOW_LACP << 8) + 3, "Collector Information" },
	{ (SLOW_MARKER << 8) + 0, "Terminator" },
	{ (SLOW_MARKER << 8) + 1, "Marker Information" },
	{ 0, NULL },
};

static const struct msg_tok lacp_state_flags[] = {
	{ 0x01, "Activity" },	     { 0x02, "Timeout" },      { 0x04, "Aggregation" },
	{ 0x08, "Synchronization" }, { 0x10, "Collecting" },   { 0x20, "Distributing" },
	{ 0x40, "Default" },	     { 0x80, "Expired" },      { 0, NULL },
};

static const struct msg_tok oam_flags[] = {
	{ 0x0001, "Link Fault" },	 { 0x0002, "Dying Gasp" },
	{ 0x0004, "Critical Event" },	 { 0x0008, "Local Evaluating" },
	{ 0x0010, "Local Stable" },	 { 0x0020, "Remote Evaluating" },
	{ 0x0040, "Remote Stable" },	 { 0, NULL },
};

static const struct msg_tok oam_codes[] = {
	{ 0x00, "Information" },	{ 0x01, "Event Notification" },
	{ 0x02, "Variable Request" },	{ 0x03, "Variable Response" },
	{ 0x04, "Loopback Control" },	{ 0xfe, "Vendor Private" },
	{ 0, NULL },
};

static const struct msg_tok oam_info_types[] = {
	{ 0x00, "End of TLV marker" }, { 0x01, "Local" }, { 0x02, "Remote" },
	{ 0xfe, "Organization specific" }, { 0, NULL },
};

static const struct msg_tok oam_parser_actions[] = {
	{ 0, "forwarding" }, { 1, "looping back" }, { 2, "discarding" }, { 3, "reserved" },
	{ 0, NULL },
};

static const struct msg_tok oam_mux_actions[] = {
	{ 0, "forwarding" }, { 4, "discarding" }, { 0, NULL },
};

static const struct msg_tok oam_config_flags[] = {
	{ 0x01, "Active" },	 { 0x02, "Unidirectional" },	 { 0x04, "Remote-Loopback" },
	{ 0x08, "Link-Events" }, { 0x10, "Variable-Retrieval" }, { 0, NULL },
};

static const struct msg_tok oam_link_events[] = {
	{ 0x00, "End of TLV marker" },
	{ 0x01, "Errored Symbol Period Event" },
	{ 0x02, "Errored Frame Event" },
	{ 0x03, "Errored Frame Period Event" },
	{ 0x04, "Errored Frame Seconds Summary Event" },
	{ 0xfe, "Organization specific" },
	{ 0, NULL },
};

static const struct msg_tok oam_loopback_cmds[] = {
	{ 0x01, "Enable OAM Remote Loopback" }, { 0x02, "Disable OAM Remote Loopback" },
	{ 0, NULL },
};

enum slow_end { SLOW_DONE, SLOW_TRUNC, SLOW_SHORT };

static uint64_t be64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static enum slow_end put_lacp_tlvs(struct line *x, const struct msg *g, size_t off, unsigned sub)
{
	struct pbuf *b = &x->b;
	unsigned v = line_verbosity(x);
	size_t tlen = g->len - off;

	while (tlen) {
		unsigned type, len;
		const uint8_t *p;

		if (tlen < 2)
			return SLOW_SHORT;
		if (!msg_has(g, off, 2))
			return SLOW_TRUNC;
		type = msg_u8(g, off);
		len = msg_u8(g, off + 1);
		pbuf_puts(b, "\n\t");
		msg_tok_put(b, slow_tlvs, "Unknown", (sub << 8) + type);
		msg_printf(b, " TLV (0x%02x), length %u", type, len);
		if (!type)
			return SLOW_DONE;
		if (len < 2) {
			pbuf_puts(b, "\n\t    ERROR: illegal length - should be >= 2");
			return SLOW_DONE;
		}
		if (tlen < len)
			return SLOW_SHORT;
		if (!msg_has(g, off, len))
			return SLOW_TRUNC;
		p = g->p + off + 2;
		switch ((sub << 8) + type) {
		case (SLOW_LACP << 8) + 1:
		case (SLOW_LACP << 8) + 2:
			if (len - 2 != 18) {
				pbuf_puts(b, "\n\t    ERROR: illegal length - should be 20");
				break;
			}
			pbuf_puts(b, "\n\t  System ");
			pbuf_mac(b, p + 2);
			msg_printf(b, ", System Priority %u, Key %u, Port %u, Port Priority %u",
				   p[0] << 8 | p[1], p[8] << 8 | p[9], p[12] << 8 | p[13],
				   p[10] << 8 | p[11]);
			pbuf_puts(b, "\n\t  State Flags [");
			msg_bits_put(b, lacp_state_flags, "none", p[14], ", ");
			pbuf_putc(b, ']');
			break;
		case (SLOW_LACP << 8) + 3:
			if (len - 2 != 14) {
				pbuf_puts(b, "\n\t    ERROR: illegal length - should be 16");
				break;
			}
			msg_printf(b, "\n\t  Max Delay %u", p[0] << 8 | p[1]);
			break;
		case (SLOW_MARKER << 8) + 1:
			if (len - 2 != 14) {
				pbuf_puts(b, "\n\t    ERROR: illegal length - should be 16");
				break;
			}
			pbuf_puts(b, "\n\t  Request System ");
			pbuf_mac(b, p + 2);
			msg_printf(b, ", Request Port %u, Request Transaction ID 0x%08x",
				   p[0] << 8 | p[1],
				   (uint32_t)p[8] << 24 | (uint32_t)p[9] << 16 | (uint32_t)p[10] << 8 |
					   p[11]);
			break;
		default:
			if (v <= 1)
				msg_hex_lines(b, "\n\t  ", p, len - 2);
			break;
		}
		if (v > 1)
			msg_hex_lines(b, "\n\t  ", p, len - 2);
		off += len;
		tlen -= len;
	}
	return SLOW_DONE;
}

/* OAM TLVs of an Information or Event Notification PDU. */
static enum slow_end put_oam_tlvs(struct line *x, const struct msg *g, size_t off, bool events)
{
	struct pbuf *b = &x->b;
	size_t tlen = g->len - off;

	while (tlen) {
		unsigned type, len;
		const uint8_t *p;
		bool hexdump = false;

		if (tlen < 2)
			return SLOW_SHORT;
		if (!msg_has(g, off, 2))
			return SLOW_TRUNC;
		type = msg_u8(g, off);
		len = msg_u8(g, off + 1);
		pbuf_puts(b, "\n\t  ");
		msg_tok_put(b, events ? oam_link_events : oam_info_types, "Reserved", type);
		msg_printf(b, events ? " Link Event Type (%u), length %u" :
				       " Information Type (%u), length %u",
			   type, len);
		if (!type)
			return SLOW_DONE;
		if (len < 2) {
			pbuf_puts(b, "\n\t    ERROR: illegal length - should be >= 2");
			return SLOW_DONE;
		}
		if (tlen < len)
			return SLOW_SHORT;
		if (!msg_has(g, off, len))
			return SLOW_TRUNC;
		p = g->p + off;
		if (!events && (type == 1 || type == 2)) {
			if (p[1] != 16 || len < 16) {
				pbuf_puts(b, "\n\t    ERROR: illegal length - should be 16");
				hexdump = true;
			} else {
				uint32_t oui = (uint32_t)p[9] << 16 | (uint32_t)p[10] << 8 | p[11];
				const char *name = proto_llc_oui_name(oui);

				msg_printf(b, "\n\t    OAM-Version %u, Revision %u", p[2], p[3] << 8 | p[4]);
				pbuf_puts(b, "\n\t    State-Parser-Action ");
				msg_tok_put(b, oam_parser_actions, "Reserved", p[5] & 0x3);
				pbuf_puts(b, ", State-MUX-Action ");
				msg_tok_put(b, oam_mux_actions, "Reserved", p[5] & 0x4);
				pbuf_puts(b, "\n\t    OAM-Config Flags [");
				msg_bits_put(b, oam_config_flags, "none", p[6], ", ");
				msg_printf(b, "], OAM-PDU-Config max-PDU size %u", (p[7] << 8 | p[8]) & 0x7ff);
				msg_printf(b, "\n\t    OUI %s (0x%06x), Vendor-Private 0x%08x",
					   name ? name : "Unknown", oui,
					   (uint32_t)p[12] << 24 | (uint32_t)p[13] << 16 |
						   (uint32_t)p[14] << 8 | p[15]);
			}
		} else if (events && type >= 1 && type <= 4) {
			if (p[1] != 40 || len < 40) {
				pbuf_puts(b, "\n\t    ERROR: illegal length - should be 40");
				hexdump = true;
			} else {
				msg_printf(b,
					   "\n\t    Timestamp %u ms, Errored Window %llu"
					   "\n\t    Errored Threshold %llu"
					   "\n\t    Errors %llu"
					   "\n\t    Error Running Total %llu"
					   "\n\t    Event Running Total %u",
					   (unsigned)(p[2] << 8 | p[3]) * 100,
					   (unsigned long long)be64(p + 4),
					   (unsigned long long)be64(p + 12),
					   (unsigned long long)be64(p + 20),
					   (unsigned long long)be64(p + 28),
					   (uint32_t)p[36] << 24 | (uint32_t)p[37] << 16 |
						   (uint32_t)p[38] << 8 | p[39]);
			}
		} else {
			hexdump = true;
		}
		if (line_verbosity(x) > 1 || hexdump)
			msg_hex_lines(b, "\n\t  ", p, len);
		off += len;
		tlen -= len;
	}
	return SLOW_DONE;
}

static enum slow_end put_oam(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	size_t off = 1;
	uint8_t code;

	if (g->len < 4)
		return SLOW_SHORT;
	if (!msg_has(g, 1, 3))
		return SLOW_TRUNC;
	code = msg_u8(g, 3);
	pbuf_puts(b, "\n\tCode ");
	msg_tok_put(b, oam_codes, "Unknown (%u)", code);
	pbuf_puts(b, " OAM PDU, Flags [");
	msg_bits_put(b, oam_flags, "none", msg_u16(g, 1), ", ");
	pbuf_putc(b, ']');
	off = 4;
	switch (code) {
	case 0x00:
		return put_oam_tlvs(x, g, off, false);
	case 0x01:
		if (g->len - off < 2)
			return SLOW_SHORT;
		if (!msg_has(g, off, 2))
			return SLOW_TRUNC;
		msg_printf(b, "\n\t  Sequence Number %u", msg_u16(g, off));
		return put_oam_tlvs(x, g, off + 2, true);
	case 0x04:
		if (g->len - off < 1)
			return SLOW_SHORT;
		if (!msg_has(g, off, 1))
			return SLOW_TRUNC;
		pbuf_puts(b, "\n\t  Command ");
		msg_tok_put(b, oam_loopback_cmds, "Unknown", msg_u8(g, off));
		msg_printf(b, " (%u)", msg_u8(g, off));
		return SLOW_DONE;
	}
	if (line_verbosity(x) <= 1) {
		if (!msg_has(g, off, g->len - off)) {
			msg_hex_lines(b, "\n\t  ", g->p + off, g->cap - off);
			return SLOW_DONE;
		}
		msg_hex_lines(b, "\n\t  ", g->p + off, g->len - off);
	}
	return SLOW_DONE;
}

static enum slow_end put_slow(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	uint8_t sub;

	if (g->len < 1)
		return SLOW_SHORT;
	if (!msg_has(g, 0, 1))
		return SLOW_TRUNC;
	sub = msg_u8(g, 0);
	if (sub == SLOW_LACP || sub == SLOW_MARKER) {
		if (g->len < 2)
			return SLOW_SHORT;
		if (!msg_has(g, 1, 1))
			return SLOW_TRUNC;
		if (msg_u8(g, 1) != 1) {
			msg_printf(b, "%s version %u packet not supported",
				   sub == SLOW_LACP ? "LACP" : "MARKER", msg_u8(g, 1));
			return SLOW_DONE;
		}
		msg_printf(b, "%sv%u, length %u", sub == SLOW_LACP ? "LACP" : "MARKER",
			   msg_u8(g, 1), g->len);
		if (!line_verbosity(x))
			return SLOW_DONE;
		return put_lacp_tlvs(x, g, 2, sub);
	}
	msg_tok_put(b, slow_protos, "unknown (%u)", sub);
	msg_printf(b, ", length %u", g->len);
	if (sub != SLOW_OAM) {
		/* tcpdump's print_unknown_data: what was captured */
		msg_hex_lines(b, "\n\t", g->p, g->cap);
		return SLOW_DONE;
	}
	if (!line_verbosity(x))
		return SLOW_DONE;
	return put_oam(x, g);
}

bool proto_slow_print(struct line *x)
{
	struct msg g;

	if (!msg_of(&g, x))
		return msg_trunc(x, "slow");
	switch (put_slow(x, &g)) {
	case SLOW_TRUNC:
		return msg_trunc(x, "slow");
	case SLOW_SHORT:
		pbuf_puts(&x->b, line_verbosity(x) ? "\n\t\t packet is too short" :
						     " (packet is too short)");
		return true;
	case SLOW_DONE:
		break;
	}
	return true;
}
