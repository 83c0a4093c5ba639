/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet.c: the packet view's columns and the JSON layers of a decoded packet. */
#include "config.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>

#include "decode/names.h"
#include "decode/view_packet.h"
#include "decode/view_packet_dns.h"
#include "decode/view_packet_l2.h"
#include "decode/view_packet_osi.h"
#include "decode/view_packet_routing.h"
#include "decode/view_packet_svc.h"
#include "decode/view_packet_sec.h"
#include "decode/view_packet_more.h"
#include "decode/view_packet_sctp.h"
#include "decode/view_packet_link.h"
#include "decode/view_packet_l2tags.h"
#include "decode/view_packet_opts.h"
#include "decode/view_packet_igp.h"
#include "decode/view_packet_mesh.h"
#include "decode/view_packet_gmpls.h"
#include "decode/view_packet_forces.h"
#include "decode/view_packet_ctl.h"
#include "decode/view_packet_small.h"
#include "decode/view_packet_rpc.h"
#include "decode/view_packet_media.h"
#include "decode/view_packet_snmp.h"
#include "decode/view_packet_openflow.h"
#include "decode/view_packet_pgm.h"
#include "decode/view_packet_ppp.h"
#include "decode/view_packet_udpapps.h"
#include "decode/view_packet_vendor.h"
#include "decode/view_packet_mplsctl.h"
#include "decode/view_packet_mfr.h"

#define D FMT_GROUP_DETAIL
#define T FMT_GROUP_TEXT

/*
 * A one-line summary is plain text, which the text renderer copies as it is; -v
 * and the dumps (-x, -X, -A) add line breaks and tabs to keep.
 */
#define PACKET_COLS(summary_type)                                                              \
	{                                                                                      \
		[VIEW_PACKET_TS] = { "ts_ns", "TS", FMT_TIMESTAMP, FMT_LEFT, D, 0 },           \
		[VIEW_PACKET_IFACE_NAME] = { "iface", "IFACE", FMT_STR, FMT_LEFT, D, 0 },      \
		[VIEW_PACKET_DIR] = { "dir", "DIR", FMT_STR, FMT_LEFT, D, 0 },                 \
		[VIEW_PACKET_CAPLEN] = { "caplen", "CAPLEN", FMT_U64, FMT_RIGHT, D, 0 },       \
		[VIEW_PACKET_LEN] = { "len", "LEN", FMT_U64, FMT_RIGHT, D, 0 },                \
		[VIEW_PACKET_SUMMARY] = { "summary", "SUMMARY", summary_type, FMT_LEFT, T, 0 }, \
		[VIEW_PACKET_TRUNCATED] = { "truncated", "TRUNC", FMT_BOOL, FMT_LEFT, D, 0 },  \
		[VIEW_PACKET_INVALID] = { "invalid", "INVALID", FMT_BOOL, FMT_LEFT, D, 0 },    \
	}

static const struct fmt_col packet_cols[] = PACKET_COLS(FMT_STR);
static const struct fmt_col packet_lines_cols[] = PACKET_COLS(FMT_LINES);

const struct fmt_view view_packet = {
	.name = "packets",
	.record_type = "packet",
	.cols = packet_cols,
	.ncols = VIEW_PACKET_NCOLS,
	.streaming = true,
};

const struct fmt_view view_packet_lines = {
	.name = "packets",
	.record_type = "packet",
	.cols = packet_lines_cols,
	.ncols = VIEW_PACKET_NCOLS,
	.streaming = true,
};

/* tcpdump's spelling, for the text line only: JSON says names_direction(). */
const char *view_packet_dir_name(unsigned pkttype)
{
	switch (pkttype) {
	case PACKET_HOST:
		return "In";
	case PACKET_BROADCAST:
		return "B";
	case PACKET_MULTICAST:
		return "M";
	case PACKET_OTHERHOST:
		return "P";
	case PACKET_OUTGOING:
		return "Out";
	default:
		return "?";
	}
}

static const char *const reason_names[PKT_REASON_COUNT] = {
	[PKT_REASON_NONE] = "none",
	[PKT_REASON_SNAPLEN] = "snaplen",
	[PKT_REASON_SHORT] = "short",
	[PKT_REASON_VERSION] = "version",
	[PKT_REASON_HDR_LEN] = "hdr_len",
	[PKT_REASON_HDR_PAST_END] = "hdr_past_end",
	[PKT_REASON_TOTAL_LEN] = "total_len",
	[PKT_REASON_LEN_PAST_END] = "len_past_end",
	[PKT_REASON_UDP_LEN] = "udp_len",
	[PKT_REASON_UDP_LEN_PAST_END] = "udp_len_past_end",
	[PKT_REASON_EXT_PAST_END] = "ext_past_end",
	[PKT_REASON_EXT_COUNT] = "ext_count",
	[PKT_REASON_OPTION] = "option",
	[PKT_REASON_VXLAN_FLAGS] = "vxlan_flags",
	[PKT_REASON_LEN_PREFIX] = "len_prefix",
	[PKT_REASON_EXT_ORDER] = "ext_order",
	[PKT_REASON_JUMBO] = "jumbo",
	[PKT_REASON_EXT_INVALID] = "ext_invalid",
};

/* Addresses are formatted by hand: printf per field would dominate JSON output's cost. */
static void put_mac(struct fmt_details *d, const char *key, const uint8_t *mac)
{
	static const char hex[] = "0123456789abcdef";
	char buf[18];

	for (int i = 0; i < 6; i++) {
		buf[3 * i] = hex[mac[i] >> 4];
		buf[3 * i + 1] = hex[mac[i] & 15];
		buf[3 * i + 2] = i < 5 ? ':' : '\0';
	}
	fmt_details_str_len(d, key, buf, 17);
}

static void put_ip(struct fmt_details *d, const char *key, int family, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN], *p = buf;

	if (family == 4) {
		for (int i = 0; i < 4; i++) {
			unsigned v = a[i];

			if (v >= 100)
				*p++ = (char)('0' + v / 100);
			if (v >= 10)
				*p++ = (char)('0' + v / 10 % 10);
			*p++ = (char)('0' + v % 10);
			*p++ = '.';
		}
		fmt_details_str_len(d, key, buf, (size_t)(p - buf - 1));
	} else if (inet_ntop(AF_INET6, a, buf, sizeof(buf))) {
		fmt_details_str(d, key, buf);
	}
}

/* tcpdump's flag letters, ACK as '.', so JSON and text read the same. */
static void put_tcp_flags(struct fmt_details *d, uint16_t flags)
{
	static const struct {
		uint16_t bit;
		char c;
	} letters[] = {
		{ PKT_TCP_FIN, 'F' }, { PKT_TCP_SYN, 'S' }, { PKT_TCP_RST, 'R' },
		{ PKT_TCP_PSH, 'P' }, { PKT_TCP_URG, 'U' }, { PKT_TCP_ECE, 'E' },
		{ PKT_TCP_CWR, 'W' }, { PKT_TCP_AE, 'e' },  { PKT_TCP_ACK, '.' },
	};
	char buf[16];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(letters) / sizeof(letters[0]); i++)
		if (flags & letters[i].bit)
			buf[n++] = letters[i].c;
	buf[n] = '\0';
	fmt_details_str(d, "flags", buf);
}

static void put_quote(struct fmt_details *d, const struct pkt_quote *q)
{
	if (!q->family)
		return;
	fmt_details_object_begin(d, "quote");
	put_ip(d, "src", q->family, q->src);
	put_ip(d, "dst", q->family, q->dst);
	fmt_details_u64(d, "ip_proto", q->proto);
	if (q->has_ports) {
		fmt_details_u64(d, "sport", q->sport);
		fmt_details_u64(d, "dport", q->dport);
	}
	fmt_details_object_end(d);
}

static void put_sll(struct fmt_details *d, const struct pkt_sll *s, bool v2)
{
	fmt_details_str(d, "dir", names_direction(s->pkttype));
	fmt_details_u64(d, "pkttype", s->pkttype);
	fmt_details_u64(d, "hatype", s->hatype);
	if (v2)
		fmt_details_u64(d, "ifindex", s->ifindex);
	if (s->halen == 6)
		put_mac(d, "addr", s->addr);
	fmt_details_u64(d, "ethertype", s->protocol);
}

static void put_vlan(struct fmt_details *d, const struct pkt_vlan *v)
{
	fmt_details_u64(d, "tpid", v->tpid);
	fmt_details_u64(d, "id", v->id);
	fmt_details_u64(d, "pcp", v->pcp);
	fmt_details_bool(d, "dei", v->dei);
	fmt_details_u64(d, "ethertype", v->type);
}

static void put_arp(struct fmt_details *d, const struct pkt_arp *a)
{
	fmt_details_str(d, "op", a->op == 1 ? "request" : a->op == 2 ? "reply" : "other");
	fmt_details_u64(d, "opcode", a->op);
	fmt_details_u64(d, "htype", a->htype);
	fmt_details_u64(d, "ptype", a->ptype);
	if (!a->eth_ip)
		return;
	put_mac(d, "sha", a->sha);
	put_ip(d, "spa", 4, a->spa);
	put_mac(d, "tha", a->tha);
	put_ip(d, "tpa", 4, a->tpa);
}

static void put_ipv4(struct fmt_details *d, const struct pkt_ipv4 *ip)
{
	put_ip(d, "src", 4, ip->src);
	put_ip(d, "dst", 4, ip->dst);
	fmt_details_u64(d, "ihl", ip->ihl);
	fmt_details_u64(d, "tos", ip->tos);
	fmt_details_u64(d, "total_len", ip->tot_len);
	fmt_details_u64(d, "id", ip->id);
	fmt_details_bool(d, "df", ip->df);
	fmt_details_bool(d, "mf", ip->mf);
	fmt_details_u64(d, "frag_offset", ip->frag_off);
	fmt_details_u64(d, "ttl", ip->ttl);
	fmt_details_u64(d, "ip_proto", ip->proto);
	fmt_details_u64(d, "csum", ip->csum);
	fmt_details_bool(d, "csum_ok", ip->csum_ok);
	fmt_details_u64(d, "options_len", ip->opt_len);
	if (ip->len_missing)
		fmt_details_u64(d, "len_missing", ip->len_missing);
	if (ip->opt_len)
		view_packet_ipv4_opts(d, ip);
}

static void put_ipv6(struct fmt_details *d, const struct pkt_ipv6 *ip)
{
	put_ip(d, "src", 6, ip->src);
	put_ip(d, "dst", 6, ip->dst);
	fmt_details_u64(d, "tclass", ip->tclass);
	fmt_details_u64(d, "flow", ip->flow);
	fmt_details_u64(d, "payload_len", ip->plen);
	fmt_details_u64(d, "hlim", ip->hlim);
	fmt_details_u64(d, "next_header", ip->nxt);
	fmt_details_array_begin(d, "ext");
	for (unsigned i = 0; i < ip->n_ext && i < PKT_IP6_MAX_EXT; i++)
		fmt_details_u64(d, NULL, ip->ext[i]);
	fmt_details_array_end(d);
	if (ip->has_frag) {
		fmt_details_object_begin(d, "frag");
		fmt_details_u64(d, "id", ip->frag_id);
		fmt_details_u64(d, "offset", ip->frag_off);
		fmt_details_bool(d, "more", ip->frag_more);
		fmt_details_object_end(d);
	}
	fmt_details_u64(d, "ip_proto", ip->proto);
	if (ip->len_missing)
		fmt_details_u64(d, "len_missing", ip->len_missing);
	if (ip->jumbo)
		fmt_details_u64(d, "jumbo_len", ip->jumbo_len);
	view_packet_ipv6_opts(d, ip);
}

static void put_dccp(struct fmt_details *d, const struct pkt_level *l, const struct pkt_dccp *c)
{
	fmt_details_u64(d, "sport", c->sport);
	fmt_details_u64(d, "dport", c->dport);
	fmt_details_u64(d, "dccp_type", c->type);
	fmt_details_u64(d, "doff", c->doff);
	fmt_details_u64(d, "ccval", c->ccval);
	fmt_details_u64(d, "cscov", c->cscov);
	fmt_details_u64(d, "seq", c->seq);
	if (c->has_ack)
		fmt_details_u64(d, "ack", c->ack);
	view_packet_csum(d, l, c->csum);
}

static void put_tcp(struct fmt_details *d, const struct pkt_level *l, const struct pkt_tcp *t)
{
	fmt_details_u64(d, "sport", t->sport);
	fmt_details_u64(d, "dport", t->dport);
	fmt_details_u64(d, "seq", t->seq);
	fmt_details_u64(d, "ack", t->ack);
	put_tcp_flags(d, t->flags);
	fmt_details_u64(d, "win", t->win);
	fmt_details_u64(d, "urg", t->urg);
	fmt_details_u64(d, "doff", t->doff);
	view_packet_csum(d, l, t->csum);
	if (t->has_mss)
		fmt_details_u64(d, "mss", t->mss);
	if (t->has_wscale)
		fmt_details_u64(d, "wscale", t->wscale);
	if (t->sack_ok)
		fmt_details_bool(d, "sack_ok", true);
	if (t->has_ts) {
		fmt_details_u64(d, "ts_val", t->ts_val);
		fmt_details_u64(d, "ts_ecr", t->ts_ecr);
	}
	if (t->n_sack) {
		fmt_details_array_begin(d, "sack");
		for (unsigned i = 0; i < t->n_sack && i < PKT_MAX_SACK; i++) {
			fmt_details_array_begin(d, NULL);
			fmt_details_u64(d, NULL, t->sack[i].left);
			fmt_details_u64(d, NULL, t->sack[i].right);
			fmt_details_array_end(d);
		}
		fmt_details_array_end(d);
	}
	view_packet_tcp_opts(d, t);
}

/* The big-endian number of n bytes at p. */
static uint32_t get_be(const uint8_t *p, unsigned n)
{
	uint32_t v = 0;

	while (n--)
		v = v << 8 | *p++;
	return v;
}

static void put_icmp(struct fmt_details *d, const struct pkt_level *l, const struct pkt_icmp *c)
{
	fmt_details_u64(d, "icmp_type", c->type);
	fmt_details_u64(d, "code", c->code);
	view_packet_csum(d, l, c->csum);
	if (c->type == 0 || c->type == 8) {
		fmt_details_u64(d, "id", c->id);
		fmt_details_u64(d, "seq", c->seq);
	}
	if (c->type == 14 && c->data_len >= 12) {
		fmt_details_u64(d, "originate", get_be(c->data, 4));
		fmt_details_u64(d, "receive", get_be(c->data + 4, 4));
		fmt_details_u64(d, "transmit", get_be(c->data + 8, 4));
	}
	if (c->type == 18 && c->data_len >= 4)
		fmt_details_u64(d, "mask", get_be(c->data, 4));
	if (c->type == 9 && (c->rest >> 16 & 0xff) == 2) {
		fmt_details_u64(d, "lifetime", c->rest & 0xffff);
		fmt_details_array_begin(d, "routers");
		for (unsigned i = 0; i < c->rest >> 24 && (i + 1) * 8u <= c->data_len; i++) {
			fmt_details_object_begin(d, NULL);
			put_ip(d, "addr", 4, c->data + 8 * i);
			fmt_details_s64(d, "preference", (int32_t)get_be(c->data + 8 * i + 4, 4));
			fmt_details_object_end(d);
		}
		fmt_details_array_end(d);
	}
	put_quote(d, &c->quote);
}

/* The ICMPv6 message's kept bytes at message offset off (past its first 8), or NULL. */
static const uint8_t *icmp6_data(const struct pkt_icmp6 *c, size_t off, size_t n)
{
	return off >= 8 && off - 8 + n <= c->data_len ? c->data + (off - 8) : NULL;
}

/* A list of n IPv6 addresses at message offset off, those captured. */
static void put_ip6_list(struct fmt_details *d, const struct pkt_icmp6 *c, size_t off, unsigned n)
{
	const uint8_t *p;

	fmt_details_array_begin(d, "sources");
	for (unsigned i = 0; i < n && (p = icmp6_data(c, off + 16 * (size_t)i, 16)); i++)
		put_ip(d, NULL, 6, p);
	fmt_details_array_end(d);
}

/* MLDv2 (RFC 3810): a query's flags and sources, a report's records. */
static void put_mld2(struct fmt_details *d, const struct pkt_icmp6 *c)
{
	const uint8_t *p;
	size_t off = 8;

	if (c->type == 130 && (p = icmp6_data(c, 24, 4))) {
		fmt_details_bool(d, "sflag", p[0] & 0x08);
		fmt_details_u64(d, "qrv", p[0] & 0x07);
		fmt_details_u64(d, "qqic", p[1]);
		fmt_details_u64(d, "n_sources", get_be(p + 2, 2));
		put_ip6_list(d, c, 28, get_be(p + 2, 2));
		return;
	}
	fmt_details_u64(d, "n_records", c->seq);
	fmt_details_array_begin(d, "records");
	for (unsigned i = 0; i < c->seq && (p = icmp6_data(c, off, 20)); i++) {
		unsigned n = get_be(p + 2, 2);

		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "record_type", p[0]);
		put_ip(d, "group", 6, p + 4);
		fmt_details_u64(d, "aux_len", p[1]);
		fmt_details_u64(d, "n_sources", n);
		put_ip6_list(d, c, off + 20, n);
		fmt_details_object_end(d);
		off += 20 + 16 * (size_t)n + 4 * (size_t)p[1];
	}
	fmt_details_array_end(d);
}

/* Router advertisement fields, and the type and length of each ND option from off on. */
static void put_nd(struct fmt_details *d, const struct pkt_icmp6 *c, size_t off)
{
	const uint8_t *p;
	size_t end = 8 + (size_t)c->data_len;

	if (c->type == 134 && (p = icmp6_data(c, 8, 8))) {
		fmt_details_u64(d, "hop_limit", c->rest >> 24);
		fmt_details_u64(d, "ra_flags", c->rest >> 16 & 0xff);
		fmt_details_u64(d, "router_lifetime", c->rest & 0xffff);
		fmt_details_u64(d, "reachable_time", get_be(p, 4));
		fmt_details_u64(d, "retrans_timer", get_be(p + 4, 4));
	}
	if (c->type == 136)
		fmt_details_u64(d, "na_flags", c->rest >> 29);
	if (end > c->len)
		end = c->len;
	fmt_details_array_begin(d, "nd_options");
	while (off < end && (p = icmp6_data(c, off, 2)) && p[1]) {
		/* The option's type and length, before p moves to its body (NULL when cut). */
		uint8_t type = p[0], units = p[1];

		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "type", type);
		fmt_details_u64(d, "len", (uint64_t)units * 8);
		if (type == 3 && (p = icmp6_data(c, off, 32))) {
			put_ip(d, "prefix", 6, p + 16);
			fmt_details_u64(d, "prefix_len", p[2]);
			fmt_details_u64(d, "flags", p[3]);
			fmt_details_u64(d, "valid_time", get_be(p + 4, 4));
			fmt_details_u64(d, "preferred_time", get_be(p + 8, 4));
		} else if (type == 5 && (p = icmp6_data(c, off, 8))) {
			fmt_details_u64(d, "mtu", get_be(p + 4, 4));
		}
		fmt_details_object_end(d);
		off += (size_t)units * 8;
	}
	fmt_details_array_end(d);
}

static void put_icmp6(struct fmt_details *d, const struct pkt_level *l, const struct pkt_icmp6 *c)
{
	fmt_details_u64(d, "icmp_type", c->type);
	fmt_details_u64(d, "code", c->code);
	view_packet_csum(d, l, c->csum);
	if (c->type == 128 || c->type == 129) {
		fmt_details_u64(d, "id", c->id);
		fmt_details_u64(d, "seq", c->seq);
	}
	if (c->has_target)
		put_ip(d, "target", 6, c->target);
	if (c->has_sll)
		put_mac(d, "source_lladdr", c->sll);
	if (c->has_tll)
		put_mac(d, "target_lladdr", c->tll);
	if ((c->type == 130 && c->len >= 28) || c->type == 143)
		put_mld2(d, c);
	if (c->type == 139 || c->type == 140) {
		fmt_details_u64(d, "ni_qtype", c->id);
		fmt_details_u64(d, "ni_flags", c->seq);
	}
	if (c->type >= 133 && c->type <= 137)
		put_nd(d, c, c->type == 133 || c->type == 134 ? (c->type == 133 ? 8 : 16) :
			     c->type == 137 ? 40 : 24);
	put_quote(d, &c->quote);
}

static void put_gre(struct fmt_details *d, const struct pkt_gre *g)
{
	fmt_details_u64(d, "version", g->version);
	fmt_details_u64(d, "ethertype", g->proto);
	if (g->flags & PKT_GRE_KEY)
		fmt_details_u64(d, "key", g->key);
	if (g->flags & PKT_GRE_SEQ)
		fmt_details_u64(d, "seq", g->seq);
}

static void put_ip4_list(struct fmt_details *d, const char *key, const uint8_t (*a)[4], unsigned n)
{
	fmt_details_array_begin(d, key);
	for (unsigned i = 0; i < n; i++)
		put_ip(d, NULL, 4, a[i]);
	fmt_details_array_end(d);
}

/* IGMP: the header, a v3 query's sources, a v3 report's records, an mtrace query. */
static void put_igmp(struct fmt_details *d, const struct pkt_level *l, const struct pkt_igmp *g)
{
	fmt_details_u64(d, "igmp_type", g->type);
	fmt_details_u64(d, "code", g->code);
	view_packet_csum(d, l, g->csum);
	if (g->type != 0x22)
		put_ip(d, "group", 4, g->group);
	if (g->type == 0x11 && g->len >= 12) {
		fmt_details_bool(d, "sflag", g->flags & 0x08);
		fmt_details_u64(d, "qrv", g->flags & 0x07);
		fmt_details_u64(d, "qqic", g->qqic);
		fmt_details_u64(d, "n_sources", g->nsrcs);
		put_ip4_list(d, "sources", g->srcs, g->n_srcs_kept);
	} else if (g->type == 0x22) {
		fmt_details_u64(d, "n_records", g->ngroups);
		fmt_details_array_begin(d, "records");
		for (unsigned i = 0; i < g->n_groups_kept; i++) {
			const struct pkt_igmp_group *r = &g->groups[i];

			fmt_details_object_begin(d, NULL);
			fmt_details_u64(d, "record_type", r->rtype);
			put_ip(d, "group", 4, r->addr);
			fmt_details_u64(d, "aux_len", r->aux_len);
			fmt_details_u64(d, "n_sources", r->nsrcs);
			put_ip4_list(d, "sources", g->srcs + r->src0, r->n_kept);
			fmt_details_object_end(d);
		}
		fmt_details_array_end(d);
	} else if (g->has_trace) {
		fmt_details_object_begin(d, "trace");
		fmt_details_u64(d, "qid", g->trace_qid);
		fmt_details_u64(d, "ttl", g->trace_ttl);
		put_ip(d, "src", 4, g->trace_src);
		put_ip(d, "dst", 4, g->trace_dst);
		put_ip(d, "response", 4, g->trace_resp);
		fmt_details_object_end(d);
	}
}

/* The fields of one layer; a truncated layer's fields were not all captured, so none. */
static void put_layer(struct fmt_details *d, const struct pkt_meta *m, const uint8_t *data,
		      const struct pkt_layer *ly)
{
	const struct pkt_level *l = &m->l[ly->level < 2 ? ly->level : 1];

	fmt_details_object_begin(d, NULL);
	fmt_details_str(d, "proto", names_layer(ly->proto));
	if (ly->level)
		fmt_details_bool(d, "inner", true);
	fmt_details_u64(d, "offset", ly->off);
	if (ly->truncated || ly->invalid) {
		fmt_details_bool(d, ly->truncated ? "truncated" : "invalid", true);
		fmt_details_str(d, "reason",
				ly->reason < PKT_REASON_COUNT ? reason_names[ly->reason] : "none");
	}
	if (!ly->truncated) {
		switch (ly->proto) {
		case PKT_PROTO_SLL:
		case PKT_PROTO_SLL2:
			put_sll(d, &m->sll, ly->proto == PKT_PROTO_SLL2);
			break;
		case PKT_PROTO_ETH:
		case PKT_PROTO_DSA: /* switch-tagged Ethernet (issue 13, link-layer tags) */
		case PKT_PROTO_EDSA:
		case PKT_PROTO_BRCM:
			put_mac(d, "src", l->eth.src);
			put_mac(d, "dst", l->eth.dst);
			fmt_details_u64(d, "ethertype", l->eth.type);
			view_packet_l2tags(d, m, ly, data);
			break;
		case PKT_PROTO_VLAN: {
			/* The n-th VLAN layer of its level is vlan[n]. */
			unsigned n = 0;

			for (const struct pkt_layer *p = m->layer; p < ly; p++)
				n += p->proto == PKT_PROTO_VLAN && p->level == ly->level;
			if (n < PKT_MAX_VLAN)
				put_vlan(d, &l->vlan[n]);
			break;
		}
		case PKT_PROTO_ARP:
			put_arp(d, &l->arp);
			break;
		case PKT_PROTO_IPV4:
			put_ipv4(d, &l->ip4);
			break;
		case PKT_PROTO_IPV6:
			put_ipv6(d, &l->ip6);
			break;
		case PKT_PROTO_TCP:
			put_tcp(d, l, &l->tcp);
			break;
		case PKT_PROTO_UDP:
			fmt_details_u64(d, "sport", l->udp.sport);
			fmt_details_u64(d, "dport", l->udp.dport);
			fmt_details_u64(d, "len", l->udp.len);
			view_packet_csum(d, l, l->udp.csum);
			break;
		case PKT_PROTO_ICMP:
			put_icmp(d, l, &l->icmp);
			break;
		case PKT_PROTO_ICMP6:
			put_icmp6(d, l, &l->icmp6);
			break;
		case PKT_PROTO_GRE:
			put_gre(d, &l->gre);
			break;
		case PKT_PROTO_VXLAN:
			fmt_details_u64(d, "vni", m->vxlan.vni);
			fmt_details_u64(d, "flags", m->vxlan.flags);
			break;
		case PKT_PROTO_DNS:
		case PKT_PROTO_MDNS:
			if (!ly->invalid)
				view_packet_dns(d, &l->dns, ly->proto == PKT_PROTO_MDNS, data,
						m->caplen);
			break;
		case PKT_PROTO_IGMP:
			put_igmp(d, l, &l->igmp);
			break;
		case PKT_PROTO_DCCP:
			put_dccp(d, l, &l->dccp);
			break;
		default:
			/* issue 13: L2 control protocols and tunnels, then services */
			if (view_packet_l2(d, m, data, ly))
				break;
			/* OSI and CDP (issue 13) */
			if (view_packet_osi(d, m, data, ly))
				break;
			/* routing (issue 13) */
			if (view_packet_routing(d, m, ly, data))
				break;
			/* interior routing and PIM (issue 13) */
			if (view_packet_igp(d, m, data, ly))
				break;
			/* security and services (issue 13) */
			if (view_packet_sec(d, m, ly, data))
				break;
			/* RESP, loopback and the rest of the services' fields (issue 13) */
			if (view_packet_more(d, m, ly, data))
				break;
			/* SCTP and L2TP (issue 13) */
			if (view_packet_sctp(d, m, ly, data))
				break;
			/* Sun RPC and NFS (issue 13) */
			if (view_packet_rpc(d, m, ly, data))
				break;
			/* RTP, RTCP, vat, QUIC, WireGuard (issue 13) */
			if (view_packet_media(d, m, ly, data))
				break;
			/* serial link types (issue 13) */
			if (view_packet_link(d, m, ly, data))
				break;
			/* SNMP (issue 13) */
			if (view_packet_snmp(d, m, ly, data))
				break;
			/* OpenFlow (issue 13) */
			if (view_packet_openflow(d, m, ly, data))
				break;
			/* PGM and ZMTP/1.0 (issue 13) */
			if (view_packet_pgm(d, m, ly, data))
				break;
			/* PPP and its link types (issue 13) */
			if (view_packet_ppp(d, m, ly, data))
				break;
			/* timed, AODV, HNCP, Rx, lwres, Telnet (issue 13) */
			if (view_packet_udpapps(d, m, ly, data))
				break;
			/* switch tags before the frame (issue 13, link-layer tags) */
			if (view_packet_l2tags(d, m, ly, data))
				break;
			/* mesh and overlay protocols (issue 13) */
			if (view_packet_mesh(d, m, ly, data))
				break;
			/* AoE, Arista timestamps and vsock (issue 13) */
			if (view_packet_vendor(d, m, ly, data))
				break;
			/* MPLS control protocols (issue 13) */
			if (view_packet_mplsctl(d, m, ly, data))
				break;
			/* RSVP and LMP (issue 13) */
			if (view_packet_gmpls(d, m, ly, data))
				break;
			/* ForCES and Broadcom lawful intercept (issue 13) */
			if (view_packet_forces(d, m, ly, data))
				break;
			/* kday helper: FRF.16 multilink Frame Relay (issue 13) */
			if (view_packet_mfr(d, m, ly, data))
				break;
			/* PPTP and Kerberos (issue 13) */
			if (view_packet_ctl(d, m, ly, data))
				break;
			/* GeoNetworking, CALM FAST, LISP, SOME/IP, VQP (issue 13) */
			if (view_packet_small(d, m, ly, data))
				break;
			view_packet_svc(d, m, ly, data);
			break;
		}
	}
	fmt_details_object_end(d);
}

void view_packet_details(struct fmt_details *d, const void *ctx)
{
	const struct view_packet_ctx *c = ctx;
	const struct pkt_meta *m = c->m;

	if (c->number)
		fmt_details_u64(d, "number", c->number);
	fmt_details_array_begin(d, "layers");
	for (unsigned i = 0; i < m->n_layers && i < PKT_MAX_LAYERS; i++)
		put_layer(d, m, c->data, &m->layer[i]);
	fmt_details_array_end(d);
	fmt_details_u64(d, "payload_len", m->payload_len);
	if (!c->has_procs)
		return;
	view_packet_procs_details(d, c->procs, c->n_procs);
}

void view_packet_procs_details(struct fmt_details *d, const struct view_packet_proc *procs,
			       unsigned n)
{
	/* The sockets' owners, in sockets' vocabulary; [] when no local socket has the packet. */
	fmt_details_array_begin(d, "processes");
	for (unsigned i = 0; i < n; i++) {
		const struct view_packet_proc *p = &procs[i];

		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "pid", p->pid);
		fmt_details_str(d, "comm", p->comm);
		if (p->cgroup)
			fmt_details_str(d, "cgroup", p->cgroup);
		else
			fmt_details_null(d, "cgroup");
		if (p->container_id)
			fmt_details_str(d, "container_id", p->container_id);
		else
			fmt_details_null(d, "container_id");
		fmt_details_object_end(d);
	}
	fmt_details_array_end(d);
}
