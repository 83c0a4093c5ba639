/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_openflow13.c: OpenFlow 1.3's messages (wire version 0x04) as
 * tcpdump 4.99 prints them: every type by name, the bodies of the fixed-size
 * ones, HELLO's elements, ERROR and EXPERIMENTER; tcpdump decodes no body of
 * PACKET_IN, FLOW_MOD, MULTIPART and the other variable ones, nor checks
 * their lengths.
 */
#include "config.h"

#include "decode/proto_openflow.h"

static const struct msg_tok of13_capabilities[] = {
	{ 1 << 0, "FLOW_STATS" }, { 1 << 1, "TABLE_STATS" }, { 1 << 2, "PORT_STATS" },
	{ 1 << 3, "GROUP_STATS" }, { 1 << 5, "IP_REASM" },   { 1 << 6, "QUEUE_STATS" },
	{ 1 << 8, "PORT_BLOCKED" }, { 0, NULL },
};
#define OFPCAP_U (~0x16fu)

static const struct msg_tok of13_config_flags[] = {
	{ 0, "FRAG_NORMAL" }, { 1, "FRAG_DROP" }, { 2, "FRAG_REASM" }, { 0, NULL },
};

static const struct msg_tok of13_table_ids[] = { { 0xfe, "MAX" }, { 0xff, "ALL" }, { 0, NULL } };

static const struct msg_tok of13_miss_send_lens[] = {
	{ 0xffe5, "MAX" }, { 0xffff, "NO_BUFFER" }, { 0, NULL },
};

static const struct msg_tok of13_port_config[] = {
	{ 1 << 0, "PORT_DOWN" }, { 1 << 2, "NO_RECV" }, { 1 << 5, "NO_FWD" },
	{ 1 << 6, "NO_PACKET_IN" }, { 0, NULL },
};
#define OFPPC_U (~0x65u)

static const struct msg_tok of13_port_state[] = {
	{ 1 << 0, "LINK_DOWN" }, { 1 << 1, "BLOCKED" }, { 1 << 2, "LIVE" }, { 0, NULL },
};
#define OFPPS_U (~0x7u)

static const struct msg_tok of13_port_features[] = {
	{ 1 << 0, "10MB_HD" },	 { 1 << 1, "10MB_FD" },	  { 1 << 2, "100MB_HD" },
	{ 1 << 3, "100MB_FD" },	 { 1 << 4, "1GB_HD" },	  { 1 << 5, "1GB_FD" },
	{ 1 << 6, "10GB_FD" },	 { 1 << 7, "40GB_FD" },	  { 1 << 8, "100GB_FD" },
	{ 1 << 9, "1TB_FD" },	 { 1 << 10, "OTHER" },	  { 1 << 11, "COPPER" },
	{ 1 << 12, "FIBER" },	 { 1 << 13, "AUTONEG" },  { 1 << 14, "PAUSE" },
	{ 1 << 15, "PAUSE_ASYM" }, { 0, NULL },
};
#define OFPPF_U (~0xffffu)

static const struct msg_tok of13_hello_elements[] = { { 1, "VERSIONBITMAP" }, { 0, NULL } };

static const struct msg_tok of13_ports[] = {
	{ 0xffffff00, "MAX" },	    { 0xfffffff8, "IN_PORT" }, { 0xfffffff9, "TABLE" },
	{ 0xfffffffa, "NORMAL" },   { 0xfffffffb, "FLOOD" },   { 0xfffffffc, "ALL" },
	{ 0xfffffffd, "CONTROLLER" }, { 0xfffffffe, "LOCAL" }, { 0xffffffff, "ANY" },
	{ 0, NULL },
};

static const struct msg_tok of13_roles[] = {
	{ 0, "NOCHANGE" }, { 1, "EQUAL" }, { 2, "MASTER" }, { 3, "SLAVE" }, { 0, NULL },
};

/* HELLO's version bitmap: bit n is wire version n + 1 */
static const struct msg_tok of13_version_bits[] = {
	{ 1 << 0, "1.0" }, { 1 << 1, "1.1" }, { 1 << 2, "1.2" },
	{ 1 << 3, "1.3" }, { 1 << 4, "1.4" }, { 1 << 5, "1.5" }, { 0, NULL },
};
#define OF_BIT_VER_U (~0x3fu)

static const struct msg_tok of13_async_packet_in[] = {
	{ 1 << 0, "NO_MATCH" }, { 1 << 1, "ACTION" }, { 1 << 2, "INVALID_TTL" }, { 0, NULL },
};
#define ASYNC_OFPR_U (~0x7u)

static const struct msg_tok of13_port_reasons[] = {
	{ 0, "ADD" }, { 1, "DELETE" }, { 2, "MODIFY" }, { 0, NULL },
};
/* the port status reasons as bits (tcpdump masks flow removals with them too) */
static const struct msg_tok of13_async_port[] = {
	{ 1 << 0, "ADD" }, { 1 << 1, "DELETE" }, { 1 << 2, "MODIFY" }, { 0, NULL },
};
#define ASYNC_OFPPR_U (~0x7u)

static const struct msg_tok of13_error_types[] = {
	{ 0, "HELLO_FAILED" },		{ 1, "BAD_REQUEST" },
	{ 2, "BAD_ACTION" },		{ 3, "BAD_INSTRUCTION" },
	{ 4, "BAD_MATCH" },		{ 5, "FLOW_MOD_FAILED" },
	{ 6, "GROUP_MOD_FAILED" },	{ 7, "PORT_MOD_FAILED" },
	{ 8, "TABLE_MOD_FAILED" },	{ 9, "QUEUE_OP_FAILED" },
	{ 10, "SWITCH_CONFIG_FAILED" }, { 11, "ROLE_REQUEST_FAILED" },
	{ 12, "METER_MOD_FAILED" },	{ 13, "TABLE_FEATURES_FAILED" },
	{ 0xffff, "EXPERIMENTER" },	{ 0, NULL },
};

static const struct msg_tok ofphfc[] = { { 0, "INCOMPATIBLE" }, { 1, "EPERM" }, { 0, NULL } };
static const struct msg_tok ofpbrc[] = {
	{ 0, "BAD_VERSION" },	 { 1, "BAD_TYPE" },	    { 2, "BAD_MULTIPART" },
	{ 3, "BAD_EXPERIMENTER" }, { 4, "BAD_EXP_TYPE" },   { 5, "EPERM" },
	{ 6, "BAD_LEN" },	 { 7, "BUFFER_EMPTY" },	    { 8, "BUFFER_UNKNOWN" },
	{ 9, "BAD_TABLE_ID" },	 { 10, "IS_SLAVE" },	    { 11, "BAD_PORT" },
	{ 12, "BAD_PACKET" },	 { 13, "MULTIPART_BUFFER_OVERFLOW" }, { 0, NULL },
};
static const struct msg_tok ofpbac[] = {
	{ 0, "BAD_TYPE" },	      { 1, "BAD_LEN" },		   { 2, "BAD_EXPERIMENTER" },
	{ 3, "BAD_EXP_TYPE" },	      { 4, "BAD_OUT_PORT" },	   { 5, "BAD_ARGUMENT" },
	{ 6, "EPERM" },		      { 7, "TOO_MANY" },	   { 8, "BAD_QUEUE" },
	{ 9, "BAD_OUT_GROUP" },	      { 10, "MATCH_INCONSISTENT" }, { 11, "UNSUPPORTED_ORDER" },
	{ 12, "BAD_TAG" },	      { 13, "BAD_SET_TYPE" },	   { 14, "BAD_SET_LEN" },
	{ 15, "BAD_SET_ARGUMENT" },   { 0, NULL },
};
static const struct msg_tok ofpbic[] = {
	{ 0, "UNKNOWN_INST" },	    { 1, "UNSUP_INST" },	  { 2, "BAD_TABLE_ID" },
	{ 3, "UNSUP_METADATA" },    { 4, "UNSUP_METADATA_MASK" }, { 5, "BAD_EXPERIMENTER" },
	{ 6, "BAD_EXP_TYPE" },	    { 7, "BAD_LEN" },		  { 8, "EPERM" },
	{ 0, NULL },
};
static const struct msg_tok ofpbmc[] = {
	{ 0, "BAD_TYPE" },	   { 1, "BAD_LEN" },		{ 2, "BAD_TAG" },
	{ 3, "BAD_DL_ADDR_MASK" }, { 4, "BAD_NW_ADDR_MASK" },	{ 5, "BAD_WILDCARDS" },
	{ 6, "BAD_FIELD" },	   { 7, "BAD_VALUE" },		{ 8, "BAD_MASK" },
	{ 9, "BAD_PREREQ" },	   { 10, "DUP_FIELD" },		{ 11, "EPERM" },
	{ 0, NULL },
};
static const struct msg_tok ofpfmfc[] = {
	{ 0, "UNKNOWN" }, { 1, "TABLE_FULL" },	{ 2, "BAD_TABLE_ID" }, { 3, "OVERLAP" },
	{ 4, "EPERM" },	  { 5, "BAD_TIMEOUT" }, { 6, "BAD_COMMAND" },  { 7, "BAD_FLAGS" },
	{ 0, NULL },
};
static const struct msg_tok ofpgmfc[] = {
	{ 0, "GROUP_EXISTS" },	       { 1, "INVALID_GROUP" },	 { 2, "WEIGHT_UNSUPPORTED" },
	{ 3, "OUT_OF_GROUPS" },	       { 4, "OUT_OF_BUCKETS" },	 { 5, "CHAINING_UNSUPPORTED" },
	{ 6, "WATCH_UNSUPPORTED" },    { 7, "LOOP" },		 { 8, "UNKNOWN_GROUP" },
	{ 9, "CHAINED_GROUP" },	       { 10, "BAD_TYPE" },	 { 11, "BAD_COMMAND" },
	{ 12, "BAD_BUCKET" },	       { 13, "BAD_MATCH" },	 { 14, "EPERM" },
	{ 0, NULL },
};
static const struct msg_tok ofppmfc[] = {
	{ 0, "BAD_PORT" }, { 1, "BAD_HW_ADDR" }, { 2, "BAD_CONFIG" }, { 3, "BAD_ADVERTISE" },
	{ 4, "EPERM" },	   { 0, NULL },
};
static const struct msg_tok ofptmfc[] = {
	{ 0, "BAD_TABLE" }, { 1, "BAD_CONFIG" }, { 2, "EPERM" }, { 0, NULL },
};
static const struct msg_tok ofpqofc[] = {
	{ 0, "BAD_PORT" }, { 1, "BAD_QUEUE" }, { 2, "EPERM" }, { 0, NULL },
};
static const struct msg_tok ofpscfc[] = {
	{ 0, "BAD_FLAGS" }, { 1, "BAD_LEN" }, { 2, "EPERM" }, { 0, NULL },
};
static const struct msg_tok ofprrfc[] = {
	{ 0, "STALE" }, { 1, "UNSUP" }, { 2, "BAD_ROLE" }, { 0, NULL },
};
static const struct msg_tok ofpmmfc[] = {
	{ 0, "UNKNOWN" },	{ 1, "METER_EXISTS" }, { 2, "INVALID_METER" },
	{ 3, "UNKNOWN_METER" }, { 4, "BAD_COMMAND" },  { 5, "BAD_FLAGS" },
	{ 6, "BAD_RATE" },	{ 7, "BAD_BURST" },    { 8, "BAD_BAND" },
	{ 9, "BAD_BAND_VALUE" }, { 10, "OUT_OF_METERS" }, { 11, "OUT_OF_BANDS" },
	{ 0, NULL },
};
static const struct msg_tok ofptffc[] = {
	{ 0, "BAD_TABLE" }, { 1, "BAD_METADATA" }, { 2, "BAD_TYPE" }, { 3, "BAD_LEN" },
	{ 4, "BAD_ARGUMENT" }, { 5, "EPERM" }, { 0, NULL },
};
/* by error type; EXPERIMENTER defines no codes */
static const struct msg_tok *const of13_error_codes[] = {
	ofphfc, ofpbrc, ofpbac, ofpbic, ofpbmc, ofpfmfc, ofpgmfc,
	ofppmfc, ofptmfc, ofpqofc, ofpscfc, ofprrfc, ofpmmfc, ofptffc,
};

static bool of13_port_no(struct of_walk *w, const char *pfx, size_t off)
{
	OF_NEED(off, 4);
	pbuf_puts(w->b, pfx);
	msg_tok_put(w->b, of13_ports, "%u", msg_u32(w->g, off));
	return true;
}

/* struct ofp_port (64 bytes). */
static bool of13_port(struct of_walk *w, size_t off)
{
	if (!of13_port_no(w, "\n\t  port_no ", off))
		return false;
	OF_NEED(off + 8, 6);
	pbuf_puts(w->b, ", hw_addr ");
	pbuf_mac(w->b, w->g->p + off + 8);
	pbuf_puts(w->b, ", name '");
	if (!msg_printjnp(w->b, w->g, off + 16, 16))
		return false;
	pbuf_putc(w->b, '\'');
	off += 32;
	if (w->v < 2)
		return of_has(w, off, 32);
	if (!of_bits32(w, "\n\t   config ", off, of13_port_config, OFPPC_U) ||
	    !of_bits32(w, "\n\t   state ", off + 4, of13_port_state, OFPPS_U) ||
	    !of_bits32(w, "\n\t   curr ", off + 8, of13_port_features, OFPPF_U) ||
	    !of_bits32(w, "\n\t   advertised ", off + 12, of13_port_features, OFPPF_U) ||
	    !of_bits32(w, "\n\t   supported ", off + 16, of13_port_features, OFPPF_U) ||
	    !of_bits32(w, "\n\t   peer ", off + 20, of13_port_features, OFPPF_U))
		return false;
	OF_NEED(off + 24, 4);
	msg_printf(w->b, "\n\t   curr_speed %ukbps", msg_u32(w->g, off + 24));
	OF_NEED(off + 28, 4);
	msg_printf(w->b, "\n\t   max_speed %ukbps", msg_u32(w->g, off + 28));
	return true;
}

static bool of13_features_reply(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 8);
	msg_printf(w->b, "\n\t dpid 0x%016llx", (unsigned long long)of_u64(w, off));
	OF_NEED(off + 8, 4);
	msg_printf(w->b, ", n_buffers %u", msg_u32(w->g, off + 8));
	OF_NEED(off + 12, 1);
	msg_printf(w->b, ", n_tables %u", msg_u8(w->g, off + 12));
	OF_NEED(off + 13, 1);
	msg_printf(w->b, ", auxiliary_id %u", msg_u8(w->g, off + 13));
	return of_bits32(w, "\n\t capabilities ", off + 16, of13_capabilities, OFPCAP_U) &&
	       of_has(w, off + 20, 4);
}

static bool of13_switch_config(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 2);
	pbuf_puts(w->b, "\n\t flags ");
	msg_tok_put(w->b, of13_config_flags, "invalid (0x%04x)", msg_u16(w->g, off));
	OF_NEED(off + 2, 2);
	pbuf_puts(w->b, ", miss_send_len ");
	msg_tok_put(w->b, of13_miss_send_lens, "%u", msg_u16(w->g, off + 2));
	return true;
}

static bool of13_table_mod(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 1);
	pbuf_puts(w->b, "\n\t table_id ");
	msg_tok_put(w->b, of13_table_ids, "%u", msg_u8(w->g, off));
	OF_NEED(off + 4, 4);
	msg_printf(w->b, ", config 0x%08x", msg_u32(w->g, off + 4));
	return true;
}

static bool of13_role(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 4);
	pbuf_puts(w->b, "\n\t role ");
	msg_tok_put(w->b, of13_roles, "invalid (0x%08x)", msg_u32(w->g, off));
	OF_NEED(off + 8, 8);
	msg_printf(w->b, ", generation_id 0x%016llx", (unsigned long long)of_u64(w, off + 8));
	return true;
}

static bool of13_async(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	return of_bits32(w, "\n\t packet_in_mask[EM] ", off, of13_async_packet_in, ASYNC_OFPR_U) &&
	       of_bits32(w, "\n\t packet_in_mask[S] ", off + 4, of13_async_packet_in,
			   ASYNC_OFPR_U) &&
	       of_bits32(w, "\n\t port_status_mask[EM] ", off + 8, of13_async_port,
			   ASYNC_OFPPR_U) &&
	       of_bits32(w, "\n\t port_status_mask[S] ", off + 12, of13_async_port,
			   ASYNC_OFPPR_U) &&
	       of_bits32(w, "\n\t flow_removed_mask[EM] ", off + 16, of13_async_port,
			   ASYNC_OFPPR_U) &&
	       of_bits32(w, "\n\t flow_removed_mask[S] ", off + 20, of13_async_port,
			   ASYNC_OFPPR_U);
}

static bool of13_port_mod(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	if (!of13_port_no(w, "\n\t port_no ", off))
		return false;
	OF_NEED(off + 8, 6);
	pbuf_puts(w->b, ", hw_addr ");
	pbuf_mac(w->b, w->g->p + off + 8);
	return of_bits32(w, "\n\t  config ", off + 16, of13_port_config, OFPPC_U) &&
	       of_bits32(w, "\n\t  mask ", off + 20, of13_port_config, OFPPC_U) &&
	       of_bits32(w, "\n\t  advertise ", off + 24, of13_port_features, OFPPF_U) &&
	       of_has(w, off + 28, 4);
}

static bool of13_port_status(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	OF_NEED(off, 1);
	pbuf_puts(w->b, "\n\t reason ");
	/* tcpdump's format lacks its '%': the text as it stands */
	msg_tok_put(w->b, of13_port_reasons, "invalid (0x02x)", msg_u8(w->g, off));
	return of13_port(w, off + 8);
}

static bool of13_hello(struct of_walk *w, size_t off, size_t len)
{
	while (len) {
		uint16_t type, elen;

		if (len < 4)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		type = msg_u16(w->g, off);
		pbuf_puts(w->b, "\n\t type ");
		msg_tok_put(w->b, of13_hello_elements, "unknown (0x%04x)", type);
		OF_NEED(off + 2, 2);
		elen = msg_u16(w->g, off + 2);
		msg_printf(w->b, ", length %u", elen);
		off += 4;
		len -= 4;
		if (elen < 4 || elen > len + 4)
			return of_invalid(w, off, len);
		if (type == 1 && elen == 8) {
			OF_NEED(off, 4);
			msg_printf(w->b, ", bitmap 0x%08x", msg_u32(w->g, off));
			of_bitmap(w->b, of13_version_bits, msg_u32(w->g, off), OF_BIT_VER_U);
		} else {
			if (type == 1)
				pbuf_puts(w->b, " (bogus)");
			OF_NEED(off, elen - 4u);
		}
		off += elen - 4u;
		len -= elen - 4u;
	}
	return true;
}

static bool of13_experimenter(struct of_walk *w, size_t off, size_t len)
{
	OF_NEED(off, 4);
	pbuf_puts(w->b, "\n\t experimenter ");
	of_vendor_id(w->b, msg_u32(w->g, off));
	OF_NEED(off + 4, 4);
	msg_printf(w->b, ", exp_type 0x%08x", msg_u32(w->g, off + 4));
	return of_data(w, off + 8, len - 8);
}

static bool of13_queue_get_config_request(struct of_walk *w, size_t off, size_t len)
{
	(void)len;
	return of13_port_no(w, "\n\t port ", off) && of_has(w, off + 4, 4);
}

static bool of13_error(struct of_walk *w, size_t off, size_t len)
{
	return of_error(w, off, len, of13_error_types, of13_error_codes,
			sizeof(of13_error_codes) / sizeof(of13_error_codes[0]));
}

static const struct of_type of13_types[] = {
	{ "HELLO", of13_hello, OF_REQ_MIN, 0 },
	{ "ERROR", of13_error, OF_REQ_MIN, 4 },
	{ "ECHO_REQUEST", of_data, OF_REQ_MIN, 0 },
	{ "ECHO_REPLY", of_data, OF_REQ_MIN, 0 },
	{ "EXPERIMENTER", of13_experimenter, OF_REQ_MIN, 8 },
	{ "FEATURES_REQUEST", NULL, OF_REQ_FIX, 0 },
	{ "FEATURES_REPLY", of13_features_reply, OF_REQ_FIX, 24 },
	{ "GET_CONFIG_REQUEST", NULL, OF_REQ_FIX, 0 },
	{ "GET_CONFIG_REPLY", of13_switch_config, OF_REQ_FIX, 4 },
	{ "SET_CONFIG", of13_switch_config, OF_REQ_FIX, 4 },
	{ "PACKET_IN", NULL, OF_REQ_NONE, 0 },
	{ "FLOW_REMOVED", NULL, OF_REQ_NONE, 0 },
	{ "PORT_STATUS", of13_port_status, OF_REQ_FIX, 72 },
	{ "PACKET_OUT", NULL, OF_REQ_NONE, 0 },
	{ "FLOW_MOD", NULL, OF_REQ_NONE, 0 },
	{ "GROUP_MOD", NULL, OF_REQ_NONE, 0 },
	{ "PORT_MOD", of13_port_mod, OF_REQ_FIX, 32 },
	{ "TABLE_MOD", of13_table_mod, OF_REQ_FIX, 8 },
	{ "MULTIPART_REQUEST", NULL, OF_REQ_NONE, 0 },
	{ "MULTIPART_REPLY", NULL, OF_REQ_NONE, 0 },
	{ "BARRIER_REQUEST", NULL, OF_REQ_FIX, 0 },
	{ "BARRIER_REPLY", NULL, OF_REQ_FIX, 0 },
	{ "QUEUE_GET_CONFIG_REQUEST", of13_queue_get_config_request, OF_REQ_FIX, 8 },
	{ "QUEUE_GET_CONFIG_REPLY", NULL, OF_REQ_NONE, 0 },
	{ "ROLE_REQUEST", of13_role, OF_REQ_FIX, 16 },
	{ "ROLE_REPLY", of13_role, OF_REQ_FIX, 16 },
	{ "GET_ASYNC_REQUEST", NULL, OF_REQ_FIX, 0 },
	{ "GET_ASYNC_REPLY", of13_async, OF_REQ_FIX, 24 },
	{ "SET_ASYNC", of13_async, OF_REQ_FIX, 24 },
	{ "METER_MOD", NULL, OF_REQ_NONE, 0 },
};

const struct of_type *of13_type(uint8_t type)
{
	return type < sizeof(of13_types) / sizeof(of13_types[0]) ? &of13_types[type] : NULL;
}
