/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_icmp6_msg.h: what the ICMPv6 printer's files share: the message as
 * the printer sees it, bounded reads of it, tcpdump's small print helpers,
 * and the printers of neighbour discovery options (proto_icmp6_nd.c), MLD
 * (proto_icmp6_mld.c) and node information (proto_icmp6_ni.c).
 */
#ifndef SOCKEYE_PROTO_ICMP6_MSG_H
#define SOCKEYE_PROTO_ICMP6_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/line.h"
#include "decode/pbuf.h"
#include "decode/pkt_meta.h"

/*
 * The message as the printer sees it: its first 8 bytes, then data as
 * captured; past the PKT_ICMP6_MAX_DATA bytes the dissector keeps, the
 * packet's own bytes where the printer has them (raw, raw_cap of them).
 */
struct icmp6_msg {
	const struct pkt_icmp6 *ic;
	uint8_t head[8];
	const uint8_t *raw;
	size_t raw_cap;
};

static inline void icmp6_msg_init(struct icmp6_msg *g, const struct pkt_icmp6 *ic)
{
	g->ic = ic;
	g->raw = NULL;
	g->raw_cap = 0;
	g->head[0] = ic->type;
	g->head[1] = ic->code;
	g->head[2] = (uint8_t)(ic->csum >> 8);
	g->head[3] = (uint8_t)ic->csum;
	g->head[4] = (uint8_t)(ic->rest >> 24);
	g->head[5] = (uint8_t)(ic->rest >> 16);
	g->head[6] = (uint8_t)(ic->rest >> 8);
	g->head[7] = (uint8_t)ic->rest;
}

/* The n bytes at message offset off, or NULL when they were not captured (or kept). */
static inline const uint8_t *icmp6_at(const struct icmp6_msg *g, size_t off, size_t n)
{
	if (off + n <= 8)
		return g->head + off;
	if (off < 8)
		return NULL;
	if (off - 8 + n <= g->ic->data_len)
		return g->ic->data + (off - 8);
	if (g->raw && g->ic->data_len == PKT_ICMP6_MAX_DATA && off + n <= g->raw_cap)
		return g->raw + off;
	return NULL;
}

static inline uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/*
 * tcpdump's hex_print: 16 bytes a line, each starting with indent and the
 * offset; false when the capture ends first (the caller prints "[|icmp6]").
 */
bool icmp6_hex(struct pbuf *b, const struct icmp6_msg *g, size_t off, size_t n,
	       const char *indent);
/* " [|icmp6]": the message was cut; true (the line is complete). */
bool icmp6_trunc(struct line *x);
/* bittok2str: the names of the bits set, ", " between them, or "none". */
void icmp6_bits(struct pbuf *b, uint32_t v, const uint32_t *bits, const char *const *names,
		unsigned n);
/* Router renumbering (RFC 2894), proto_icmp6_rr.c; a message cut short is marked, true. */
bool icmp6_router_renum(struct line *x, const struct icmp6_msg *g);
/* One byte of a name as tcpdump's fn_print_char: printable, ^X or M-X. */
void icmp6_char(struct pbuf *b, uint8_t c);

/* A router advertisement's or route option's preference bits: "medium", "high", ... */
const char *icmp6_rtpref(uint8_t flags);
/* The neighbour discovery options from message offset off; false when cut. */
bool icmp6_opts(struct line *x, const struct icmp6_msg *g, size_t off);

/* MLDv2 query and report (RFC 3810) at -v; false when cut. */
bool icmp6_mld_query_v2(struct line *x, const struct icmp6_msg *g);
bool icmp6_mld_report_v2(struct line *x, const struct icmp6_msg *g);
/* MLDv1 (RFC 2710): "max resp delay: N addr: GROUP". */
void icmp6_mld(struct pbuf *b, const struct icmp6_msg *g);

/* Node information query or reply (RFC 4620); false when cut. */
bool icmp6_nodeinfo(struct line *x, const struct icmp6_msg *g);

/* RPL control messages (type 155, RFC 6550), proto_icmp6_rpl.c; false when cut. */
bool icmp6_rpl(struct line *x, const struct icmp6_msg *g);

#endif
