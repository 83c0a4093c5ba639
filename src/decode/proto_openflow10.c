/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_openflow10.c: OpenFlow 1.0's messages (wire version 0x01) as
 * tcpdump 4.99 prints them: the header's line at every level, the body from
 * -v (the ports' details, the data's bytes from -vv), each message's length
 * checked against its type's first.  Matches and actions are in
 * proto_openflow10_match.c, statistics in proto_openflow10_stats.c, Big
 * Switch's vendor messages here.
 */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/line.h"
#include "decode/proto_openflow.h"

/* port config, port features, capabilities, actions (by bit number), flow-mod flags */
static const struct msg_tok ofppc_bits[] = {
	{ 1 << 0, "PORT_DOWN" }, { 1 << 1, "NO_STP" },	 { 1 << 2, "NO_RECV" },
	{ 1 << 3, "NO_RECV_STP" }, { 1 << 4, "NO_FLOOD" }, { 1 << 5, "NO_FWD" },
	{ 1 << 6, "NO_PACKET_IN" }, { 0, NULL },
};
#define OFPPC_U (~0x7fu)

static const struct msg_tok ofppf_bits[] = {
	{ 1 << 0, "10MB_HD" }, { 1 << 1, "10MB_FD" },   { 1 << 2, "100MB_HD" },
	{ 1 << 3, "100MB_FD" }, { 1 << 4, "1GB_HD" },   { 1 << 5, "1GB_FD" },
	{ 1 << 6, "10GB_FD" }, { 1 << 7, "COPPER" },    { 1 << 8, "FIBER" },
	{ 1 << 9, "AUTONEG" }, { 1 << 10, "PAUSE" },    { 1 << 11, "PAUSE_ASYM" },
	{ 0, NULL },
};
#define OFPPF_U (~0xfffu)

static const struct msg_tok ofpc_bits[] = {
	{ 1 << 0, "FLOW_STATS" }, { 1 << 1, "TABLE_STATS" }, { 1 << 2, "PORT_STATS" },
	{ 1 << 3, "STP" },	  { 1 << 4, "RESERVED" },    { 1 << 5, "IP_REASM" },
	{ 1 << 6, "QUEUE_STATS" }, { 1 << 7, "ARP_MATCH_IP" }, { 0, NULL },
};
/* RESERVED is named but counts as bogus */
#define OFPCAP_U (~0xefu)

static const struct msg_tok ofpat_bits[] = {
	{ 1 << 0, "OUTPUT" },	   { 1 << 1, "SET_VLAN_VID" }, { 1 << 2, "SET_VLAN_PCP" },
	{ 1 << 3, "STRIP_VLAN" },  { 1 << 4, "SET_DL_SRC" },   { 1 << 5, "SET_DL_DST" },
	{ 1 << 6, "SET_NW_SRC" },  { 1 << 7, "SET_NW_DST" },   { 1 << 8, "SET_NW_TOS" },
	{ 1 << 9, "SET_TP_SRC" },  { 1 << 10, "SET_TP_DST" },  { 1 << 11, "ENQUEUE" },
	{ 0, NULL },
};
#define OFPAT_U (~0xfffu)

static const struct msg_tok ofpff_bits[] = {
	{ 1 << 0, "SEND_FLOW_REM" }, { 1 << 1, "CHECK_OVERLAP" }, { 1 << 2, "EMERG" }, { 0, NULL },
};
#define OFPFF_U (~0x7u)

static const struct msg_tok of10_stp_states[] = {
	{ 0 << 8, "STP_LISTEN" }, { 1 << 8, "STP_LEARN" },
	{ 2 << 8, "STP_FORWARD" }, { 3 << 8, "STP_BLOCK" }, { 0, NULL },
};

static const struct msg_tok of10_config_flags[] = {
	{ 0, "FRAG_NORMAL" }, { 1, "FRAG_DROP" }, { 2, "FRAG_REASM" }, { 0, NULL },
};

static const struct msg_tok of10_flow_commands[] = {
	{ 0, "ADD" }, { 1, "MODIFY" }, { 2, "MODIFY_STRICT" }, { 3, "DELETE" },
	{ 4, "DELETE_STRICT" }, { 0, NULL },
};

static const struct msg_tok of10_buffer_ids[] = { { 0xffffffff, "NONE" }, { 0, NULL } };

static const struct msg_tok of10_packet_in_reasons[] = {
	{ 0, "NO_MATCH" }, { 1, "ACTION" }, { 0, NULL },
};

static const struct msg_tok of10_flow_removed_reasons[] = {
	{ 0, "IDLE_TIMEOUT" }, { 1, "HARD_TIMEOUT" }, { 2, "DELETE" }, { 0, NULL },
};

static const struct msg_tok of10_port_reasons[] = {
	{ 0, "ADD" }, { 1, "DELETE" }, { 2, "MODIFY" }, { 0, NULL },
};

static const struct msg_tok of10_error_types[] = {
	{ 0, "HELLO_FAILED" },	  { 1, "BAD_REQUEST" },	    { 2, "BAD_ACTION" },
	{ 3, "FLOW_MOD_FAILED" }, { 4, "PORT_MOD_FAILED" }, { 5, "QUEUE_OP_FAILED" },
	{ 0, NULL },
};

static const struct msg_tok ofphfc[] = { { 0, "INCOMPATIBLE" }, { 1, "EPERM" }, { 0, NULL } };
static const struct msg_tok ofpbrc[] = {
	{ 0, "BAD_VERSION" }, { 1, "BAD_TYPE" }, { 2, "BAD_STAT" }, { 3, "BAD_VENDOR" },
	{ 4, "BAD_SUBTYPE" }, { 5, "EPERM" },	 { 6, "BAD_LEN" },  { 7, "BUFFER_EMPTY" },
	{ 8, "BUFFER_UNKNOWN" }, { 0, NULL },
};
static const struct msg_tok ofpbac[] = {
	{ 0, "BAD_TYPE" },     { 1, "BAD_LEN" },      { 2, "BAD_VENDOR" },
	{ 3, "BAD_VENDOR_TYPE" }, { 4, "BAD_OUT_PORT" }, { 5, "BAD_ARGUMENT" },
	{ 6, "EPERM" },	       { 7, "TOO_MANY" },     { 8, "BAD_QUEUE" }, { 0, NULL },
};
static const struct msg_tok ofpfmfc[] = {
	{ 0, "ALL_TABLES_FULL" }, { 1, "OVERLAP" },     { 2, "EPERM" },
	{ 3, "BAD_EMERG_TIMEOUT" }, { 4, "BAD_COMMAND" }, { 5, "UNSUPPORTED" }, { 0, NULL },
};
static const struct msg_tok ofppmfc[] = { { 0, "BAD_PORT" }, { 1, "BAD_HW_ADDR" }, { 0, NULL } };
static const struct msg_tok ofpqofc[] = {
	{ 0, "BAD_PORT" }, { 1, "BAD_QUEUE" }, { 2, "EPERM" }, { 0, NULL },
};
static const struct msg_tok *const of10_error_codes[] = { ofphfc, ofpbrc, ofpbac,
							   ofpfmfc, ofppmfc, ofpqofc };

static const struct msg_tok of10_queue_prop_types[] = { { 0, "NONE" }, { 1, "MIN_RATE" }, { 0, NULL } };

/* struct ofp_phy_port (48 bytes): a line, and its bitmaps' at -vv. */
static bool of10_phy_port(struct of_walk *w, size_t off)
{
	uint32_t state;

	OF_NEED(off, 2);
	pbuf_puts(w->b, "\n\t  port_no ");
	of10_port(w, off);
	OF_NEED(off + 2, 6);
	pbuf_puts(w->b, ", hw_addr ");
	pbuf_mac(w->b, w->g->p + off + 2);
	pbuf_puts(w->b, ", name '");
	if (!msg_printjnp(w->b, w->g, off + 8, 16))
		return false;
	pbuf_putc(w->b, '\'');
	off += 24;
	if (w->v < 2)
		return of_has(w, off, 24);
	if (!of_bits32(w, "\n\t   config ", off, ofppc_bits, OFPPC_U))
		return false;
	OF_NEED(off + 4, 4);
	state = msg_u32(w->g, off + 4);
	/* the STP state is a code point, LINK_DOWN a bit: one list */
	msg_printf(w->b, "\n\t   state 0x%08x (", state);
	msg_tok_put(w->b, of10_stp_states, "", state & 0x300);
	msg_printf(w->b, "%s)%s", state & 1 ? ", LINK_DOWN" : "", state & ~0x301u ? " (bogus)" : "");
	return of_bits32(w, "\n\t   curr ", off + 8, ofppf_bits, OFPPF_U) &&
	       of_bits32(w, "\n\t   advertised ", off + 12, ofppf_bits, OFPPF_U) &&
	       of_bits32(w, "\n\t   supported ", off + 16, ofppf_bits, OFPPF_U) &&
	       of_bits32(w, "\n\t   peer ", off + 20, ofppf_bits, OFPPF_U);
}

/* FEATURES_REPLY's body: len bytes with the header's. */
static bool of10_features_reply(struct of_walk *w, size_t off, size_t len)
{
	OF_NEED(off, 8);
	msg_printf(w->b, "\n\t dpid 0x%016llx", (unsigned long long)of_u64(w, off));
	OF_NEED(off + 8, 4);
	msg_printf(w->b, ", n_buffers %u", msg_u32(w->g, off + 8));
	OF_NEED(off + 12, 1);
	msg_printf(w->b, ", n_tables %u", msg_u8(w->g, off + 12));
	OF_NEED(off + 13, 3);
	if (!of_bits32(w, "\n\t capabilities ", off + 16, ofpc_bits, OFPCAP_U) ||
	    !of_bits32(w, "\n\t actions ", off + 20, ofpat_bits, OFPAT_U))
		return false;
	off += 24;
	len -= 24;
	while (len) {
		if (len < 48)
			return of_invalid(w, off, len);
		if (!of10_phy_port(w, off))
			return false;
		off += 48;
		len -= 48;
	}
	return true;
}

/* PORT_MOD's body (24 bytes). */
static bool of10_port_mod(struct of_walk *w, size_t off)
{
	OF_NEED(off, 2);
	pbuf_puts(w->b, "\n\t port_no ");
	of10_port(w, off);
	OF_NEED(off + 2, 6);
	pbuf_puts(w->b, ", hw_addr ");
	pbuf_mac(w->b, w->g->p + off + 2);
	return of_bits32(w, "\n\t config ", off + 8, ofppc_bits, OFPPC_U) &&
	       of_bits32(w, "\n\t mask ", off + 12, ofppc_bits, OFPPC_U) &&
	       of_bits32(w, "\n\t advertise ", off + 16, ofppf_bits, OFPPF_U) &&
	       of_has(w, off + 20, 4);
}

/* A queue's properties: len bytes at off. */
static bool of10_queue_props(struct of_walk *w, size_t off, size_t len)
{
	while (len) {
		uint16_t prop, plen;
		bool skip = false;

		if (len < 8)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		prop = msg_u16(w->g, off);
		pbuf_puts(w->b, "\n\t   property ");
		msg_tok_put(w->b, of10_queue_prop_types, "invalid (0x%04x)", prop);
		OF_NEED(off + 2, 2);
		plen = msg_u16(w->g, off + 2);
		msg_printf(w->b, ", len %u", plen);
		if (plen < 8 || plen > len)
			return of_invalid(w, off + 4, len - 4);
		OF_NEED(off + 4, 4);
		if (prop > 1) {
			skip = true;
		} else if (plen != (prop == 1 ? 16 : 8)) {
			pbuf_puts(w->b, " (bogus)");
			skip = true;
		}
		if (!skip && prop == 1) {
			uint16_t rate;

			OF_NEED(off + 8, 2);
			rate = msg_u16(w->g, off + 8);
			if (rate > 1000)
				pbuf_puts(w->b, ", rate disabled");
			else
				msg_printf(w->b, ", rate %u.%u%%", rate / 10, rate % 10);
		}
		OF_NEED(off + 8, plen - 8u);
		off += plen;
		len -= plen;
	}
	return true;
}

/* QUEUE_GET_CONFIG_REPLY's queues: len bytes at off. */
static bool of10_queues(struct of_walk *w, size_t off, size_t len)
{
	while (len) {
		uint16_t qlen;

		if (len < 8)
			return of_invalid(w, off, len);
		OF_NEED(off, 4);
		msg_printf(w->b, "\n\t  queue_id %u", msg_u32(w->g, off));
		OF_NEED(off + 4, 2);
		qlen = msg_u16(w->g, off + 4);
		msg_printf(w->b, ", len %u", qlen);
		if (qlen < 8 || qlen > len)
			return of_invalid(w, off + 6, len - 6);
		OF_NEED(off + 6, 2);
		if (w->v >= 2) {
			if (!of10_queue_props(w, off + 8, qlen - 8u))
				return false;
		} else {
			OF_NEED(off + 8, qlen - 8u);
		}
		off += qlen;
		len -= qlen;
	}
	return true;
}

/* FLOW_MOD's body: len bytes with the header's. */
static bool of10_flow_mod(struct of_walk *w, size_t off, size_t len)
{
	uint16_t cmd, v;

	if (!of10_match(w, "\n\t ", off))
		return false;
	off += 40;
	OF_NEED(off, 8);
	msg_printf(w->b, "\n\t cookie 0x%016llx", (unsigned long long)of_u64(w, off));
	OF_NEED(off + 8, 2);
	cmd = msg_u16(w->g, off + 8);
	pbuf_puts(w->b, ", command ");
	msg_tok_put(w->b, of10_flow_commands, "invalid (0x%04x)", cmd);
	OF_NEED(off + 10, 2);
	if ((v = msg_u16(w->g, off + 10)))
		msg_printf(w->b, ", idle_timeout %u", v);
	OF_NEED(off + 12, 2);
	if ((v = msg_u16(w->g, off + 12)))
		msg_printf(w->b, ", hard_timeout %u", v);
	OF_NEED(off + 14, 2);
	if ((v = msg_u16(w->g, off + 14)))
		msg_printf(w->b, ", priority %u", v);
	OF_NEED(off + 16, 4);
	if (cmd <= 2) {
		pbuf_puts(w->b, ", buffer_id ");
		msg_tok_put(w->b, of10_buffer_ids, "0x%08x", msg_u32(w->g, off + 16));
	}
	OF_NEED(off + 20, 2);
	if (cmd == 3 || cmd == 4) {
		pbuf_puts(w->b, ", out_port ");
		of10_port(w, off + 20);
	}
	OF_NEED(off + 22, 2);
	msg_printf(w->b, ", flags 0x%04x", msg_u16(w->g, off + 22));
	of_bitmap(w->b, ofpff_bits, msg_u16(w->g, off + 22), OFPFF_U);
	return of10_actions(w, "\n\t ", off + 24, len - 64);
}

/* FLOW_REMOVED's body (80 bytes). */
static bool of10_flow_removed(struct of_walk *w, size_t off)
{
	uint16_t v;

	if (!of10_match(w, "\n\t ", off))
		return false;
	off += 40;
	OF_NEED(off, 8);
	msg_printf(w->b, "\n\t cookie 0x%016llx", (unsigned long long)of_u64(w, off));
	OF_NEED(off + 8, 2);
	if ((v = msg_u16(w->g, off + 8)))
		msg_printf(w->b, ", priority %u", v);
	OF_NEED(off + 10, 1);
	pbuf_puts(w->b, ", reason ");
	msg_tok_put(w->b, of10_flow_removed_reasons, "unknown (0x%02x)", msg_u8(w->g, off + 10));
	OF_NEED(off + 12, 4);
	msg_printf(w->b, ", duration_sec %u", msg_u32(w->g, off + 12));
	OF_NEED(off + 16, 4);
	msg_printf(w->b, ", duration_nsec %u", msg_u32(w->g, off + 16));
	OF_NEED(off + 20, 2);
	if ((v = msg_u16(w->g, off + 20)))
		msg_printf(w->b, ", idle_timeout %u", v);
	OF_NEED(off + 24, 8);
	msg_printf(w->b, ", packet_count %llu", (unsigned long long)of_u64(w, off + 24));
	OF_NEED(off + 32, 8);
	msg_printf(w->b, ", byte_count %llu", (unsigned long long)of_u64(w, off + 32));
	return true;
}

/*
 * The Ethernet frame a PACKET_IN or PACKET_OUT carries: its size, and from
 * -vvv the frame itself on the next line, printed as at three -v fewer (the
 * message's bytes only: more messages may follow in the segment).
 */
static bool of10_packet_data(struct of_walk *w, size_t off, size_t len)
{
	size_t have;

	if (!len)
		return true;
	msg_printf(w->b, "\n\t data (%zu octets)", len);
	if (w->v < 3 || !w->x->nested_frame)
		return of_has(w, off, len);
	pbuf_puts(w->b, ", frame decoding below\n");
	have = off < w->g->cap ? w->g->cap - off : 0;
	w->x->nested_frame(w->x, DLT_EN10MB, have ? w->g->p + off : NULL, have < len ? have : len,
			   len, w->v - 3);
	return true;
}

/* PACKET_OUT's body: len bytes with the header's. */
static bool of10_packet_out(struct of_walk *w, size_t off, size_t len)
{
	uint16_t alen;

	OF_NEED(off, 4);
	msg_printf(w->b, "\n\t buffer_id 0x%08x", msg_u32(w->g, off));
	OF_NEED(off + 4, 2);
	pbuf_puts(w->b, ", in_port ");
	of10_port(w, off + 4);
	OF_NEED(off + 6, 2);
	alen = msg_u16(w->g, off + 6);
	off += 8;
	len -= 8;
	if (alen > len)
		return of_invalid(w, off, len);
	if (!of10_actions(w, "\n\t ", off, alen))
		return false;
	return of10_packet_data(w, off + alen, len - alen);
}

/* PACKET_IN's body: len bytes with the header's. */
static bool of10_packet_in(struct of_walk *w, size_t off, size_t len)
{
	OF_NEED(off, 4);
	pbuf_puts(w->b, "\n\t buffer_id ");
	msg_tok_put(w->b, of10_buffer_ids, "0x%08x", msg_u32(w->g, off));
	OF_NEED(off + 4, 2);
	msg_printf(w->b, ", total_len %u", msg_u16(w->g, off + 4));
	OF_NEED(off + 6, 2);
	pbuf_puts(w->b, ", in_port ");
	of10_port(w, off + 6);
	OF_NEED(off + 8, 1);
	pbuf_puts(w->b, ", reason ");
	msg_tok_put(w->b, of10_packet_in_reasons, "invalid (0x%02x)", msg_u8(w->g, off + 8));
	OF_NEED(off + 9, 1);
	return of10_packet_data(w, off + 10, len - 10);
}

static bool of10_error(struct of_walk *w, size_t off, size_t len)
{
	return of_error(w, off, len, of10_error_types, of10_error_codes,
			sizeof(of10_error_codes) / sizeof(of10_error_codes[0]));
}

/* ---- Big Switch's vendor messages ------------------------------------------------------------- */

static const struct msg_tok bsn_subtypes[] = {
	{ 0, "SET_IP_MASK" },
	{ 1, "GET_IP_MASK_REQUEST" },
	{ 2, "GET_IP_MASK_REPLY" },
	{ 3, "SET_MIRRORING" },
	{ 4, "GET_MIRRORING_REQUEST" },
	{ 5, "GET_MIRRORING_REPLY" },
	{ 6, "SHELL_COMMAND" },
	{ 7, "SHELL_OUTPUT" },
	{ 8, "SHELL_STATUS" },
	{ 9, "GET_INTERFACES_REQUEST" },
	{ 10, "GET_INTERFACES_REPLY" },
	{ 11, "SET_PKTIN_SUPPRESSION_REQUEST" },
	{ 12, "SET_L2_TABLE_REQUEST" },
	{ 13, "GET_L2_TABLE_REQUEST" },
	{ 14, "GET_L2_TABLE_REPLY" },
	{ 15, "VIRTUAL_PORT_CREATE_REQUEST" },
	{ 16, "VIRTUAL_PORT_CREATE_REPLY" },
	{ 17, "VIRTUAL_PORT_REMOVE_REQUEST" },
	{ 18, "BW_ENABLE_SET_REQUEST" },
	{ 19, "BW_ENABLE_GET_REQUEST" },
	{ 20, "BW_ENABLE_GET_REPLY" },
	{ 21, "BW_CLEAR_DATA_REQUEST" },
	{ 22, "BW_CLEAR_DATA_REPLY" },
	{ 23, "BW_ENABLE_SET_REPLY" },
	{ 24, "SET_L2_TABLE_REPLY" },
	{ 25, "SET_PKTIN_SUPPRESSION_REPLY" },
	{ 26, "VIRTUAL_PORT_REMOVE_REPLY" },
	{ 27, "HYBRID_GET_REQUEST" },
	{ 28, "HYBRID_GET_REPLY" },
	{ 31, "PDU_TX_REQUEST" },
	{ 32, "PDU_TX_REPLY" },
	{ 33, "PDU_RX_REQUEST" },
	{ 34, "PDU_RX_REPLY" },
	{ 35, "PDU_RX_TIMEOUT" },
	{ 0, NULL },
};

static const struct msg_tok bsn_onoff[] = { { 0, "OFF" }, { 1, "ON" }, { 0, NULL } };

/* ", data '...'": n bytes as text, NULs too. */
static bool bsn_text(struct of_walk *w, size_t off, size_t n)
{
	pbuf_puts(w->b, ", data '");
	if (!msg_printjn(w->b, w->g, off, n))
		return false;
	pbuf_putc(w->b, '\'');
	return true;
}

/* A Big Switch message after the vendor id: len bytes at off. */
static bool of10_bsn_message(struct of_walk *w, size_t off, size_t len)
{
	uint32_t subtype;

	if (len < 4)
		return of_invalid(w, off, len);
	OF_NEED(off, 4);
	subtype = msg_u32(w->g, off);
	pbuf_puts(w->b, "\n\t subtype ");
	msg_tok_put(w->b, bsn_subtypes, "unknown (0x%08x)", subtype);
	off += 4;
	len -= 4;
	switch (subtype) {
	case 1: /* GET_IP_MASK_REQUEST: index, pad */
		if (len != 8)
			return of_invalid(w, off, len);
		OF_NEED(off, 1);
		msg_printf(w->b, ", index %u", msg_u8(w->g, off));
		return of_has(w, off + 1, 7);
	case 0: /* SET_IP_MASK, GET_IP_MASK_REPLY: index, pad, mask */
	case 2:
		if (len != 8)
			return of_invalid(w, off, len);
		OF_NEED(off, 1);
		msg_printf(w->b, ", index %u", msg_u8(w->g, off));
		OF_NEED(off + 4, 4);
		pbuf_puts(w->b, ", mask ");
		pbuf_ip4(w->b, w->g->p + off + 4);
		return true;
	case 3: /* the mirroring ones: report_mirror_ports, pad */
	case 4:
	case 5:
		if (len != 4)
			return of_invalid(w, off, len);
		OF_NEED(off, 1);
		pbuf_puts(w->b, ", report_mirror_ports ");
		msg_tok_put(w->b, bsn_onoff, "bogus (%u)", msg_u8(w->g, off));
		return of_has(w, off + 1, 3);
	case 9: /* requests of no body */
	case 13:
	case 19:
	case 21:
	case 27:
		if (len)
			return of_invalid(w, off, len);
		return true;
	case 17: /* VIRTUAL_PORT_REMOVE_REQUEST */
		if (len != 4)
			return of_invalid(w, off, len);
		OF_NEED(off, 4);
		msg_printf(w->b, ", vport_no %u", msg_u32(w->g, off));
		return true;
	case 6: /* SHELL_COMMAND: service, data */
		if (len < 4)
			return of_invalid(w, off, len);
		OF_NEED(off, 4);
		msg_printf(w->b, ", service %u", msg_u32(w->g, off));
		return bsn_text(w, off + 4, len - 4);
	case 7: /* SHELL_OUTPUT */
		return bsn_text(w, off, len);
	case 8: /* SHELL_STATUS */
		if (len != 4)
			return of_invalid(w, off, len);
		OF_NEED(off, 4);
		msg_printf(w->b, ", status 0x%08x", msg_u32(w->g, off));
		return true;
	}
	return of_has(w, off, len);
}

#define OUI_BSN 0x005c16c7

/* VENDOR's body after the header: len bytes at off. */
static bool of10_vendor_message(struct of_walk *w, size_t off, size_t len)
{
	uint32_t vendor;

	OF_NEED(off, 4);
	vendor = msg_u32(w->g, off);
	of_vendor(w->b, vendor);
	if (vendor == OUI_BSN)
		return of10_bsn_message(w, off + 4, len - 4);
	return of_data(w, off + 4, len - 4);
}

/* ---- the message dispatch ---------------------------------------------------------------------- */

static bool of10_switch_config(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 2);
	pbuf_puts(w->b, "\n\t flags ");
	msg_tok_put(w->b, of10_config_flags, "invalid (0x%04x)", msg_u16(w->g, off));
	OF_NEED(off + 2, 2);
	msg_printf(w->b, ", miss_send_len %u", msg_u16(w->g, off + 2));
	return true;
}

static bool of10_queue_get_config_request(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 2);
	pbuf_puts(w->b, "\n\t port ");
	of10_port(w, off);
	return of_has(w, off + 2, 2);
}

static bool of10_queue_get_config_reply(struct of_walk *w, size_t off, size_t len)
{
	OF_NEED(off, 2);
	pbuf_puts(w->b, "\n\t port ");
	of10_port(w, off);
	OF_NEED(off + 2, 6);
	return of10_queues(w, off + 8, len - 8);
}

static bool of10_port_status(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 1);
	pbuf_puts(w->b, "\n\t reason ");
	msg_tok_put(w->b, of10_port_reasons, "invalid (0x%02x)", msg_u8(w->g, off));
	OF_NEED(off + 1, 7);
	return of10_phy_port(w, off + 8);
}

static bool of10_port_mod_body(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	return of10_port_mod(w, off);
}

static bool of10_flow_removed_body(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	return of10_flow_removed(w, off);
}

/*
 * By type: the name, the body's printer from -v (none: the header says
 * all), and the length the body must have (exact) or at least have.
 */
static const struct of_type of10_types[] = {
	{ "HELLO", of_data, OF_REQ_MIN, 0 },
	{ "ERROR", of10_error, OF_REQ_MIN, 4 },
	{ "ECHO_REQUEST", of_data, OF_REQ_MIN, 0 },
	{ "ECHO_REPLY", of_data, OF_REQ_MIN, 0 },
	{ "VENDOR", of10_vendor_message, OF_REQ_MIN, 4 },
	{ "FEATURES_REQUEST", NULL, OF_REQ_FIX, 0 },
	{ "FEATURES_REPLY", of10_features_reply, OF_REQ_MIN, 24 },
	{ "GET_CONFIG_REQUEST", NULL, OF_REQ_FIX, 0 },
	{ "GET_CONFIG_REPLY", of10_switch_config, OF_REQ_FIX, 4 },
	{ "SET_CONFIG", of10_switch_config, OF_REQ_FIX, 4 },
	/* 12 with the 2 octets of padding the message does not send */
	{ "PACKET_IN", of10_packet_in, OF_REQ_MIN, 10 },
	{ "FLOW_REMOVED", of10_flow_removed_body, OF_REQ_FIX, 80 },
	{ "PORT_STATUS", of10_port_status, OF_REQ_FIX, 56 },
	{ "PACKET_OUT", of10_packet_out, OF_REQ_MIN, 8 },
	{ "FLOW_MOD", of10_flow_mod, OF_REQ_MIN, 64 },
	{ "PORT_MOD", of10_port_mod_body, OF_REQ_FIX, 24 },
	{ "STATS_REQUEST", of10_stats_request, OF_REQ_MIN, 4 },
	{ "STATS_REPLY", of10_stats_reply, OF_REQ_MIN, 4 },
	{ "BARRIER_REQUEST", NULL, OF_REQ_FIX, 0 },
	{ "BARRIER_REPLY", NULL, OF_REQ_FIX, 0 },
	{ "QUEUE_GET_CONFIG_REQUEST", of10_queue_get_config_request, OF_REQ_FIX, 4 },
	{ "QUEUE_GET_CONFIG_REPLY", of10_queue_get_config_reply, OF_REQ_MIN, 8 },
};

const struct of_type *of10_type(uint8_t type)
{
	return type < sizeof(of10_types) / sizeof(of10_types[0]) ? &of10_types[type] : NULL;
}
