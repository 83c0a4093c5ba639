/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_igmp.c: IGMP v1-v3 (RFC 1112, 2236, 3376) and mtrace: dissector and printer. */
#include "config.h"

#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_dvmrp.h"
#include "decode/proto_pim.h"

#define IGMP_HDR_LEN	  8
#define IGMP_V3_QUERY_MIN 12 /* a query this long or longer is a v3 one (RFC 3376 7.1) */
#define IGMP_V3_REPORT_MIN 16
#define IGMP_TRACE_LEN	  (IGMP_HDR_LEN + 16) /* header, then source, destination, response, ttl/qid */

enum {
	IGMP_QUERY = 0x11,
	IGMP_V1_REPORT = 0x12,
	IGMP_DVMRP = 0x13,
	IGMP_PIM_V1 = 0x14,
	IGMP_V2_REPORT = 0x16,
	IGMP_V2_LEAVE = 0x17,
	IGMP_MTRACE_RESP = 0x1e,
	IGMP_MTRACE = 0x1f,
	IGMP_V3_REPORT = 0x22,
};

/*
 * The query's sources (RFC 3376 4.1): as many as were captured and fit.  c
 * is a copy: like an ICMP error's quote, what follows the 8-byte header
 * stays the payload.
 */
static void igmp_query_srcs(struct pkt_cursor *c, struct pkt_igmp *ig)
{
	if (!pkt_get_u8(c, &ig->flags) || !pkt_get_u8(c, &ig->qqic) ||
	    !pkt_get_be16(c, &ig->nsrcs))
		return;
	while (ig->n_srcs_kept < ig->nsrcs && ig->n_srcs_kept < PKT_IGMP_MAX_SRCS &&
	       pkt_copy(c, ig->srcs[ig->n_srcs_kept], 4))
		ig->n_srcs_kept++;
}

/*
 * The report's group records (RFC 3376 4.2), walked as tcpdump walks them:
 * each record 8 bytes and its sources, auxiliary data not skipped.  c is
 * past the 8-byte header; off counts from the start of the message.
 */
static void igmp_report_groups(const struct pkt_cursor *c, struct pkt_igmp *ig)
{
	size_t off = IGMP_HDR_LEN;

	for (unsigned i = 0; i < ig->ngroups && i < PKT_IGMP_MAX_GROUPS; i++) {
		struct pkt_igmp_group *g = &ig->groups[i];
		struct pkt_cursor r = *c;

		if (ig->len < off + 8 || !pkt_skip(&r, off - IGMP_HDR_LEN) || !pkt_get_u8(&r, &g->rtype) ||
		    !pkt_get_u8(&r, &g->aux_len) || !pkt_get_be16(&r, &g->nsrcs) ||
		    !pkt_copy(&r, g->addr, 4))
			return;
		g->src0 = ig->n_srcs_kept;
		while (g->n_kept < g->nsrcs && ig->n_srcs_kept < PKT_IGMP_MAX_SRCS &&
		       pkt_copy(&r, ig->srcs[ig->n_srcs_kept], 4)) {
			g->n_kept++;
			ig->n_srcs_kept++;
		}
		ig->n_groups_kept++;
		off += 8 + (size_t)g->nsrcs * 4;
	}
}

/*
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     | Max Resp Code |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Group Address (v3 report: reserved, number of records)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | v3 query: S, QRV, QQIC, number of sources, sources;           |
 * | v3 report: group records; mtrace: its query block             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_igmp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	const uint8_t *start = c->p;
	struct pkt_igmp *ig = &l->igmp;
	uint32_t w;

	l->trans = PKT_PROTO_IGMP;
	*ig = (struct pkt_igmp){ 0 };
	ig->len = (uint32_t)pkt_wire_left(c);
	if (!pkt_get_u8(c, &ig->type) || !pkt_get_u8(c, &ig->code) || !pkt_get_be16(c, &ig->csum) ||
	    !pkt_copy(c, ig->group, 4))
		return proto_short(m, IGMP_HDR_LEN);
	/* no pseudo-header, as for ICMP; the message runs to the end of the IP payload */
	l4csum_verify(m, start, c, PROTO_IP_ICMP, 2);
	switch (ig->type) {
	case IGMP_QUERY:
		if (ig->len >= IGMP_V3_QUERY_MIN) {
			struct pkt_cursor q = *c;

			igmp_query_srcs(&q, ig);
		}
		break;
	case IGMP_V3_REPORT:
		ig->ngroups = (uint16_t)(ig->group[2] << 8 | ig->group[3]);
		igmp_report_groups(c, ig);
		break;
	case IGMP_MTRACE:
	case IGMP_MTRACE_RESP: {
		struct pkt_cursor q = *c;

		if (pkt_copy(&q, ig->trace_src, 4) && pkt_copy(&q, ig->trace_dst, 4) &&
		    pkt_copy(&q, ig->trace_resp, 4) && pkt_get_be32(&q, &w)) {
			ig->has_trace = true;
			ig->trace_ttl = w >> 24;
			ig->trace_qid = w & 0xffffff;
		}
		break;
	}
	default:
		break;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* The bytes of the message captured: tcpdump stops with "[|igmp]" at the first one missing. */
static uint32_t igmp_caplen(const struct line *x)
{
	const struct pkt_meta *m = x->m;
	const struct pkt_layer *ly = line_layer(x);
	uint32_t end = ly->off + ly->wire_len;

	if (end > m->caplen)
		end = m->caplen;
	return end > ly->off ? end - ly->off : 0;
}

static bool igmp_trunc(struct line *x)
{
	pbuf_putc(&x->b, ' ');
	return line_trunc(x, "igmp");
}

/* tcpdump's unsigned_relts_print: "1m4s", "0s". */
static void igmp_relts(struct pbuf *b, uint32_t secs)
{
	static const char *const unit_name[] = { "y", "w", "d", "h", "m", "s" };
	static const uint32_t unit_secs[] = { 31536000, 604800, 86400, 3600, 60, 1 };

	if (!secs) {
		pbuf_puts(b, "0s");
		return;
	}
	for (unsigned i = 0; i < 6; i++) {
		if (secs >= unit_secs[i]) {
			pbuf_u32(b, secs / unit_secs[i]);
			pbuf_puts(b, unit_name[i]);
			secs %= unit_secs[i];
		}
	}
}

/* A v3 query (RFC 3376 4.1): max response time, group, sources. */
static bool igmp_v3_query(struct line *x, const struct pkt_igmp *ig, uint32_t cap)
{
	struct pbuf *b = &x->b;
	uint32_t mrt = ig->code;

	pbuf_puts(b, " v3");
	if (ig->len & 3) {
		pbuf_puts(b, " [invalid len ");
		pbuf_u32(b, ig->len);
		pbuf_putc(b, ']');
		return true;
	}
	if (cap < 2)
		return igmp_trunc(x);
	if (mrt >= 128)
		mrt = ((mrt & 0x0f) | 0x10) << (((mrt & 0x70) >> 4) + 3);
	if (ig->code != 100) {
		pbuf_puts(b, " [max resp time ");
		if (mrt < 600) {
			pbuf_u32(b, mrt / 10);
			pbuf_putc(b, '.');
			pbuf_u32(b, mrt % 10);
			pbuf_putc(b, 's');
		} else {
			igmp_relts(b, mrt / 10);
		}
		pbuf_putc(b, ']');
	}
	if (cap < IGMP_HDR_LEN)
		return igmp_trunc(x);
	if (!(ig->group[0] | ig->group[1] | ig->group[2] | ig->group[3]))
		return true;
	pbuf_puts(b, " [gaddr ");
	pbuf_ip4(b, ig->group);
	if (cap < IGMP_V3_QUERY_MIN)
		return igmp_trunc(x);
	if (ig->nsrcs) {
		if (ig->len < IGMP_V3_QUERY_MIN + (uint32_t)ig->nsrcs * 4) {
			pbuf_puts(b, " [invalid number of sources]");
		} else if (x->o->verbosity > 1) {
			pbuf_puts(b, " {");
			for (unsigned i = 0; i < ig->nsrcs; i++) {
				if (i >= ig->n_srcs_kept)
					return igmp_trunc(x);
				pbuf_putc(b, ' ');
				pbuf_ip4(b, ig->srcs[i]);
			}
			pbuf_puts(b, " }");
		} else {
			pbuf_puts(b, ", ");
			pbuf_u32(b, ig->nsrcs);
			pbuf_puts(b, " source(s)");
		}
	}
	pbuf_putc(b, ']');
	return true;
}

static const char *const igmp_record_names[] = {
	[1] = "is_in", [2] = "is_ex", [3] = "to_in", [4] = "to_ex", [5] = "allow", [6] = "block",
};

/* A v3 report (RFC 3376 4.2): the record count; with -v each record, -vv its sources. */
static bool igmp_v3_report(struct line *x, const struct pkt_igmp *ig, uint32_t cap)
{
	struct pbuf *b = &x->b;
	uint32_t off = IGMP_HDR_LEN;

	if (ig->len < IGMP_V3_REPORT_MIN || ig->len & 3) {
		pbuf_puts(b, " [invalid len ");
		pbuf_u32(b, ig->len);
		pbuf_putc(b, ']');
		return true;
	}
	if (cap < IGMP_HDR_LEN)
		return igmp_trunc(x);
	pbuf_puts(b, ", ");
	pbuf_u32(b, ig->ngroups);
	pbuf_puts(b, " group record(s)");
	if (!x->o->verbose)
		return true;
	for (unsigned i = 0; i < ig->ngroups; i++) {
		const struct pkt_igmp_group *g = &ig->groups[i < PKT_IGMP_MAX_GROUPS ? i : 0];

		if (ig->len < off + 8) {
			pbuf_puts(b, " [invalid number of groups]");
			return true;
		}
		if (cap < off + 8 || i >= ig->n_groups_kept)
			return igmp_trunc(x);
		pbuf_puts(b, " [gaddr ");
		pbuf_ip4(b, g->addr);
		pbuf_putc(b, ' ');
		if (g->rtype && g->rtype < sizeof(igmp_record_names) / sizeof(igmp_record_names[0])) {
			pbuf_puts(b, igmp_record_names[g->rtype]);
		} else {
			pbuf_puts(b, " [v3-report-#");
			pbuf_u32(b, g->rtype);
			pbuf_putc(b, ']');
		}
		if (ig->len < off + 8 + (uint32_t)g->nsrcs * 4) {
			pbuf_puts(b, " [invalid number of sources ");
			pbuf_u32(b, g->nsrcs);
			pbuf_putc(b, ']');
			return true;
		}
		if (x->o->verbosity <= 1) {
			pbuf_puts(b, ", ");
			pbuf_u32(b, g->nsrcs);
			pbuf_puts(b, " source(s)");
		} else {
			pbuf_puts(b, " {");
			for (unsigned j = 0; j < g->nsrcs; j++) {
				if (j >= g->n_kept)
					return igmp_trunc(x);
				pbuf_putc(b, ' ');
				pbuf_ip4(b, ig->srcs[g->src0 + j]);
			}
			pbuf_puts(b, " }");
		}
		off += 8 + (uint32_t)g->nsrcs * 4;
		pbuf_putc(b, ']');
	}
	return true;
}

/* mtrace and its response: "mtrace 1234: SRC to DST reply-to RESP". */
static bool igmp_trace(struct line *x, const struct pkt_igmp *ig, const char *what)
{
	struct pbuf *b = &x->b;

	if (ig->len < IGMP_TRACE_LEN) {
		pbuf_puts(b, " [invalid len ");
		pbuf_u32(b, ig->len);
		pbuf_putc(b, ']');
		return true;
	}
	if (!ig->has_trace)
		return igmp_trunc(x);
	pbuf_puts(b, what);
	pbuf_putc(b, ' ');
	pbuf_u32(b, ig->trace_qid);
	pbuf_puts(b, ": ");
	pbuf_ip4(b, ig->trace_src);
	pbuf_puts(b, " to ");
	pbuf_ip4(b, ig->trace_dst);
	pbuf_puts(b, " reply-to ");
	pbuf_ip4(b, ig->trace_resp);
	/* a multicast response address is sent with a ttl */
	if ((ig->trace_resp[0] & 0xf0) == 0xe0) {
		pbuf_puts(b, " with-ttl ");
		pbuf_u32(b, ig->trace_ttl);
	}
	return true;
}

/* The message by type, ending with the truncation marker where the capture ended; true. */
static bool igmp_text(struct line *x, const struct pkt_igmp *ig, uint32_t cap)
{
	struct pbuf *b = &x->b;

	switch (ig->type) {
	case IGMP_QUERY:
		pbuf_puts(b, "igmp query");
		if (ig->len >= IGMP_V3_QUERY_MIN)
			return igmp_v3_query(x, ig, cap);
		if (cap < 2)
			return igmp_trunc(x);
		if (ig->code) {
			pbuf_puts(b, " v2");
			if (ig->code != 100) {
				pbuf_puts(b, " [max resp time ");
				pbuf_u32(b, ig->code);
				pbuf_putc(b, ']');
			}
		} else {
			pbuf_puts(b, " v1");
		}
		if (cap < IGMP_HDR_LEN)
			return igmp_trunc(x);
		if (ig->group[0] | ig->group[1] | ig->group[2] | ig->group[3]) {
			pbuf_puts(b, " [gaddr ");
			pbuf_ip4(b, ig->group);
			pbuf_putc(b, ']');
		}
		if (ig->len != IGMP_HDR_LEN) {
			pbuf_puts(b, " [len ");
			pbuf_u32(b, ig->len);
			pbuf_putc(b, ']');
		}
		return true;
	case IGMP_V1_REPORT:
	case IGMP_V2_REPORT:
	case IGMP_V2_LEAVE:
		/* tcpdump reads the group before it prints anything of the message */
		if (cap < IGMP_HDR_LEN)
			return igmp_trunc(x);
		pbuf_puts(b, ig->type == IGMP_V1_REPORT	  ? "igmp v1 report " :
			     ig->type == IGMP_V2_REPORT ? "igmp v2 report " :
							  "igmp leave ");
		pbuf_ip4(b, ig->group);
		if (ig->type == IGMP_V1_REPORT && ig->len != IGMP_HDR_LEN) {
			pbuf_puts(b, " [len ");
			pbuf_u32(b, ig->len);
			pbuf_putc(b, ']');
		}
		return true;
	case IGMP_V3_REPORT:
		pbuf_puts(b, "igmp v3 report");
		return igmp_v3_report(x, ig, cap);
	case IGMP_MTRACE:
		return igmp_trace(x, ig, "mtrace");
	case IGMP_MTRACE_RESP:
		return igmp_trace(x, ig, "mresp");
	case IGMP_DVMRP: {
		struct msg g;

		/* DVMRP rides in IGMP too */
		pbuf_puts(b, "igmp dvmrp");
		if (msg_of(&g, x) && !proto_dvmrp_put(b, &g, line_verbosity(x)))
			return msg_trunc(x, "dvmrp");
		return true;
	}
	case IGMP_PIM_V1: {
		struct msg g;

		/* routing (issue 13): PIMv1 rides in IGMP */
		pbuf_puts(b, "igmp pimv1");
		if (msg_of(&g, x) && !proto_pimv1_put(b, &g, line_verbosity(x)))
			return msg_trunc(x, "pimv1");
		return true;
	}
	default:
		pbuf_puts(b, "igmp-");
		pbuf_u32(b, ig->type);
		return true;
	}
}

bool proto_igmp_print(struct line *x)
{
	const struct pkt_igmp *ig = &line_level(x)->igmp;
	uint32_t cap = igmp_caplen(x);

	line_addrs(x, false, 0, 0);
	if (x->o->quiet) {
		pbuf_puts(&x->b, "igmp");
		return true;
	}
	/*
	 * A short message (truncated, or shorter than its 8 bytes) prints as
	 * far as tcpdump reads before it finds a byte missing.
	 */
	if (!cap)
		return igmp_trunc(x);
	igmp_text(x, ig, cap);
	if (line_level(x)->csum == PKT_CSUM_BAD && ig->len >= 4) {
		pbuf_puts(&x->b, " bad igmp cksum ");
		pbuf_hex(&x->b, ig->csum, 1);
		pbuf_putc(&x->b, '!');
	}
	return true;
}
