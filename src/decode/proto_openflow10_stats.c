/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_openflow10_stats.c: OpenFlow 1.0's STATS_REQUEST and STATS_REPLY
 * bodies (description, flow, aggregate, table, port, queue, vendor) as
 * tcpdump 4.99 prints them.
 */
#include "config.h"

#include "decode/proto_openflow.h"

enum {
	OFPST_DESC = 0,
	OFPST_FLOW = 1,
	OFPST_AGGREGATE = 2,
	OFPST_TABLE = 3,
	OFPST_PORT = 4,
	OFPST_QUEUE = 5,
	OFPST_VENDOR = 0xffff,
};

static const struct msg_tok of10_stats_types[] = {
	{ OFPST_DESC, "DESC" },	  { OFPST_FLOW, "FLOW" }, { OFPST_AGGREGATE, "AGGREGATE" },
	{ OFPST_TABLE, "TABLE" }, { OFPST_PORT, "PORT" }, { OFPST_QUEUE, "QUEUE" },
	{ OFPST_VENDOR, "VENDOR" }, { 0, NULL },
};

static const struct msg_tok of10_table_ids[] = { { 0xfe, "EMERG" }, { 0xff, "ALL" }, { 0, NULL } };

static const struct msg_tok of10_reply_flags[] = { { 1, "MORE" }, { 0, NULL } };

static const struct msg_tok ofpfw_bits[] = {
	{ 1 << 0, "IN_PORT" },	{ 1 << 1, "DL_VLAN" },	{ 1 << 2, "DL_SRC" },
	{ 1 << 3, "DL_DST" },	{ 1 << 4, "DL_TYPE" },	{ 1 << 5, "NW_PROTO" },
	{ 1 << 6, "TP_SRC" },	{ 1 << 7, "TP_DST" },	{ 1 << 20, "DL_VLAN_PCP" },
	{ 1 << 21, "NW_TOS" },	{ 0, NULL },
};

/* "NAME %llu" of the 64-bit counter at off, after sep. */
static bool of10_counter(struct of_walk *w, const char *sep, const char *name, size_t off)
{
	OF_NEED(off, 8);
	msg_printf(w->b, "%s%s %llu", sep, name, (unsigned long long)of_u64(w, off));
	return true;
}

static bool of10_queue_id(struct of_walk *w, size_t off)
{
	uint32_t q;

	OF_NEED(off, 4);
	q = msg_u32(w->g, off);
	pbuf_puts(w->b, ", queue_id ");
	if (q == 0xffffffff)
		pbuf_puts(w->b, "ALL");
	else
		pbuf_u32(w->b, q);
	return true;
}

bool of10_stats_request(struct of_walk *w, size_t off, size_t len)
{
	uint16_t type, flags;

	OF_NEED(off, 2);
	type = msg_u16(w->g, off);
	pbuf_puts(w->b, "\n\t type ");
	msg_tok_put(w->b, of10_stats_types, "invalid (0x%04x)", type);
	OF_NEED(off + 2, 2);
	flags = msg_u16(w->g, off + 2);
	msg_printf(w->b, ", flags 0x%04x%s", flags, flags ? " (bogus)" : "");
	off += 4;
	len -= 4;
	switch (type) {
	case OFPST_DESC:
	case OFPST_TABLE:
		return len ? of_invalid(w, off, len) : true;
	case OFPST_FLOW:
	case OFPST_AGGREGATE:
		if (len != 44)
			return of_invalid(w, off, len);
		if (!of10_match(w, "\n\t ", off))
			return false;
		OF_NEED(off + 40, 1);
		pbuf_puts(w->b, "\n\t table_id ");
		msg_tok_put(w->b, of10_table_ids, "%u", msg_u8(w->g, off + 40));
		OF_NEED(off + 42, 2);
		pbuf_puts(w->b, ", out_port ");
		of10_port(w, off + 42);
		return true;
	case OFPST_PORT:
		if (len != 8)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		pbuf_puts(w->b, "\n\t port_no ");
		of10_port(w, off);
		return of_has(w, off + 2, 6);
	case OFPST_QUEUE:
		if (len != 8)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		pbuf_puts(w->b, "\n\t port_no ");
		of10_port(w, off);
		return of10_queue_id(w, off + 4);
	case OFPST_VENDOR:
		return of_vendor_data(w, off, len);
	}
	/* tcpdump checks nothing past an unknown type's flags */
	return true;
}

/* "\n\t  NAME 'text'" of a NUL-padded string of n bytes. */
static bool of10_desc_str(struct of_walk *w, const char *name, size_t off, size_t n)
{
	msg_printf(w->b, "\n\t  %s '", name);
	if (!msg_printjnp(w->b, w->g, off, n))
		return false;
	pbuf_putc(w->b, '\'');
	return true;
}

static bool of10_desc_reply(struct of_walk *w, size_t off, size_t len)
{
	if (len != 1056)
		return of_invalid(w, off, len);
	return of10_desc_str(w, "mfr_desc", off, 256) &&
	       of10_desc_str(w, "hw_desc", off + 256, 256) &&
	       of10_desc_str(w, "sw_desc", off + 512, 256) &&
	       of10_desc_str(w, "serial_num", off + 768, 32) &&
	       of10_desc_str(w, "dp_desc", off + 800, 256);
}

static bool of10_flow_reply(struct of_walk *w, size_t off, size_t len)
{
	while (len) {
		uint16_t elen;

		if (len < 88)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		elen = msg_u16(w->g, off);
		msg_printf(w->b, "\n\t length %u", elen);
		if (elen < 88 || elen > len)
			return of_invalid(w, off, len);
		OF_NEED(off + 2, 1);
		pbuf_puts(w->b, ", table_id ");
		msg_tok_put(w->b, of10_table_ids, "%u", msg_u8(w->g, off + 2));
		if (!of10_match(w, "\n\t  ", off + 4))
			return false;
		OF_NEED(off + 44, 4);
		msg_printf(w->b, "\n\t  duration_sec %u", msg_u32(w->g, off + 44));
		OF_NEED(off + 48, 4);
		msg_printf(w->b, ", duration_nsec %u", msg_u32(w->g, off + 48));
		OF_NEED(off + 52, 2);
		msg_printf(w->b, ", priority %u", msg_u16(w->g, off + 52));
		OF_NEED(off + 54, 2);
		msg_printf(w->b, ", idle_timeout %u", msg_u16(w->g, off + 54));
		OF_NEED(off + 56, 2);
		msg_printf(w->b, ", hard_timeout %u", msg_u16(w->g, off + 56));
		OF_NEED(off + 64, 8);
		msg_printf(w->b, ", cookie 0x%016llx", (unsigned long long)of_u64(w, off + 64));
		if (!of10_counter(w, ", ", "packet_count", off + 72) ||
		    !of10_counter(w, ", ", "byte_count", off + 80) ||
		    !of10_actions(w, "\n\t  ", off + 88, elen - 88u))
			return false;
		off += elen;
		len -= elen;
	}
	return true;
}

static bool of10_aggregate_reply(struct of_walk *w, size_t off, size_t len)
{
	if (len != 24)
		return of_invalid(w, off, len);
	if (!of10_counter(w, "\n\t ", "packet_count", off) ||
	    !of10_counter(w, ", ", "byte_count", off + 8))
		return false;
	OF_NEED(off + 16, 4);
	msg_printf(w->b, ", flow_count %u", msg_u32(w->g, off + 16));
	return of_has(w, off + 20, 4);
}

static bool of10_table_reply(struct of_walk *w, size_t off, size_t len)
{
	while (len) {
		if (len < 64)
			return of_invalid(w, off, len);
		OF_NEED(off, 1);
		pbuf_puts(w->b, "\n\t table_id ");
		msg_tok_put(w->b, of10_table_ids, "%u", msg_u8(w->g, off));
		OF_NEED(off + 1, 3);
		pbuf_puts(w->b, ", name '");
		if (!msg_printjnp(w->b, w->g, off + 4, 32))
			return false;
		pbuf_putc(w->b, '\'');
		OF_NEED(off + 36, 4);
		msg_printf(w->b, "\n\t  wildcards 0x%08x", msg_u32(w->g, off + 36));
		of_bitmap(w->b, ofpfw_bits, msg_u32(w->g, off + 36), ~((1u << 22) - 1));
		OF_NEED(off + 40, 4);
		msg_printf(w->b, "\n\t  max_entries %u", msg_u32(w->g, off + 40));
		OF_NEED(off + 44, 4);
		msg_printf(w->b, ", active_count %u", msg_u32(w->g, off + 44));
		if (!of10_counter(w, ", ", "lookup_count", off + 48) ||
		    !of10_counter(w, ", ", "matched_count", off + 56))
			return false;
		off += 64;
		len -= 64;
	}
	return true;
}

static bool of10_port_reply(struct of_walk *w, size_t off, size_t len)
{
	static const char *const counters[] = {
		"rx_packets", "tx_packets", "rx_bytes",	    "tx_bytes",	   "rx_dropped",
		"tx_dropped", "rx_errors",  "tx_errors",    "rx_frame_err", "rx_over_err",
		"rx_crc_err", "collisions",
	};

	while (len) {
		if (len < 104)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		pbuf_puts(w->b, "\n\t  port_no ");
		of10_port(w, off);
		if (w->v >= 2) {
			for (size_t i = 0; i < sizeof(counters) / sizeof(counters[0]); i++)
				if (!of10_counter(w, ", ", counters[i], off + 8 + 8 * i))
					return false;
		} else {
			OF_NEED(off + 2, 102);
		}
		off += 104;
		len -= 104;
	}
	return true;
}

static bool of10_queue_reply(struct of_walk *w, size_t off, size_t len)
{
	while (len) {
		if (len < 32)
			return of_invalid(w, off, len);
		OF_NEED(off, 2);
		pbuf_puts(w->b, "\n\t  port_no ");
		of10_port(w, off);
		OF_NEED(off + 4, 4);
		msg_printf(w->b, ", queue_id %u", msg_u32(w->g, off + 4));
		if (!of10_counter(w, ", ", "tx_bytes", off + 8) ||
		    !of10_counter(w, ", ", "tx_packets", off + 16) ||
		    !of10_counter(w, ", ", "tx_errors", off + 24))
			return false;
		off += 32;
		len -= 32;
	}
	return true;
}

bool of10_stats_reply(struct of_walk *w, size_t off, size_t len)
{
	uint16_t type, flags;

	OF_NEED(off, 2);
	type = msg_u16(w->g, off);
	pbuf_puts(w->b, "\n\t type ");
	msg_tok_put(w->b, of10_stats_types, "invalid (0x%04x)", type);
	OF_NEED(off + 2, 2);
	flags = msg_u16(w->g, off + 2);
	msg_printf(w->b, ", flags 0x%04x", flags);
	of_bitmap(w->b, of10_reply_flags, flags, ~1u);
	off += 4;
	len -= 4;
	switch (type) {
	case OFPST_DESC:
		return of10_desc_reply(w, off, len);
	case OFPST_FLOW:
		return of10_flow_reply(w, off, len);
	case OFPST_AGGREGATE:
		return of10_aggregate_reply(w, off, len);
	case OFPST_TABLE:
		return of10_table_reply(w, off, len);
	case OFPST_PORT:
		return of10_port_reply(w, off, len);
	case OFPST_QUEUE:
		return of10_queue_reply(w, off, len);
	case OFPST_VENDOR:
		return of_vendor_data(w, off, len);
	}
	return of_has(w, off, len);
}
