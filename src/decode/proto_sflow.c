/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_sflow.c: sFlow version 5 datagrams (sflow.org's sFlow v5) over UDP
 * port 6343 as tcpdump 4.99 prints them: the agent header, and at -v each
 * flow and counter sample with the records tcpdump decodes (raw packet
 * header, Ethernet frame, extended switch; generic, Ethernet, 100BaseVG,
 * VLAN and processor counters).
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/* sizes of tcpdump's structs: the datagram header with an IPv4 or IPv6 agent, the rest */
#define SFLOW_HDR4_LEN		  28
#define SFLOW_HDR6_LEN		  40
#define SFLOW_SAMPLE_HDR_LEN	  8
#define SFLOW_FLOW_SAMPLE_LEN	  32
#define SFLOW_XFLOW_SAMPLE_LEN	  44
#define SFLOW_COUNTER_SAMPLE_LEN  12
#define SFLOW_XCOUNTER_SAMPLE_LEN 16
#define SFLOW_RECORD_HDR_LEN	  8

enum {
	SFLOW_FLOW_SAMPLE = 1,
	SFLOW_COUNTER_SAMPLE = 2,
	SFLOW_EXPANDED_FLOW_SAMPLE = 3,
	SFLOW_EXPANDED_COUNTER_SAMPLE = 4,
};

/*
 * Nothing is kept at dissection: the printer walks the datagram again from
 * the layer's offset.
 */
int proto_sflow_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_SFLOW;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok sflow_sample_names[] = {
	{ SFLOW_FLOW_SAMPLE, "flow sample" },
	{ SFLOW_COUNTER_SAMPLE, "counter sample" },
	{ SFLOW_EXPANDED_FLOW_SAMPLE, "expanded flow sample" },
	{ SFLOW_EXPANDED_COUNTER_SAMPLE, "expanded counter sample" },
	{ 0, NULL },
};

static const struct msg_tok sflow_flow_names[] = {
	{ 1, "Raw packet" },
	{ 2, "Ethernet frame" },
	{ 3, "IPv4 Data" },
	{ 4, "IPv6 Data" },
	{ 1001, "Extended Switch data" },
	{ 1002, "Extended Router data" },
	{ 1003, "Extended Gateway data" },
	{ 1004, "Extended User data" },
	{ 1005, "Extended URL data" },
	{ 1006, "Extended MPLS data" },
	{ 1007, "Extended NAT data" },
	{ 1008, "Extended MPLS tunnel" },
	{ 1009, "Extended MPLS VC" },
	{ 1010, "Extended MPLS FEC" },
	{ 1011, "Extended MPLS LVP FEC" },
	{ 1012, "Extended VLAN Tunnel" },
	{ 0, NULL },
};

static const struct msg_tok sflow_raw_protocols[] = {
	{ 1, "Ethernet" },
	{ 11, "IPv4" },
	{ 12, "IPv6" },
	{ 0, NULL },
};

static const struct msg_tok sflow_counter_names[] = {
	{ 1, "Generic counter" },
	{ 2, "Ethernet counter" },
	{ 3, "Token ring counter" },
	{ 4, "100 BaseVG counter" },
	{ 5, "Vlan counter" },
	{ 1001, "Processor counter" },
	{ 0, NULL },
};

static const struct msg_tok sflow_directions[] = {
	{ 0, "unknown" },
	{ 1, "full-duplex" },
	{ 2, "half-duplex" },
	{ 3, "in" },
	{ 4, "out" },
	{ 0, NULL },
};

/*
 * The datagram being printed: a read past the capture is tcpdump's longjmp,
 * " [|sflow]" after what was printed before it (each printer checks the
 * bytes a line needs before writing it).
 */
struct sflow_pr {
	struct pbuf *b;
	struct msg g;
	unsigned verbosity;
	bool cut;
};

static bool sflow_need(struct sflow_pr *r, size_t off, size_t n)
{
	if (!msg_has(&r->g, off, n))
		r->cut = true;
	return !r->cut;
}

static uint64_t sflow_u64(const struct msg *g, size_t off)
{
	return (uint64_t)msg_u32(g, off) << 32 | msg_u32(g, off + 4);
}

/* "%u"s of the 32-bit fields at off, each after its label */
static void sflow_u32s(struct sflow_pr *r, size_t off, const char *const *labels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		pbuf_puts(r->b, labels[i]);
		pbuf_u32(r->b, msg_u32(&r->g, off + 4 * i));
	}
}

static void sflow_unknown(struct sflow_pr *r, size_t off, size_t n, const char *ident)
{
	if (off > r->g.cap)
		return;
	if (n > r->g.cap - off)
		n = r->g.cap - off;
	msg_hex_at(r->b, &r->g, off, n, ident);
}

/* ---- counter records ------------------------------------------------------------------------- */

static void sflow_generic(struct sflow_pr *r, size_t o)
{
	const struct msg *g = &r->g;
	struct pbuf *b = r->b;
	static const char *const in[] = { ", unicast pkts ", ", multicast pkts ",
					  ", broadcast pkts ", ", discards " };
	uint32_t dir, status;

	if (!sflow_need(r, o, 28))
		return;
	dir = msg_u32(g, o + 16);
	msg_printf(b, "\n\t      ifindex %u, iftype %u, ifspeed ", msg_u32(g, o), msg_u32(g, o + 4));
	pbuf_u64(b, sflow_u64(g, o + 8));
	msg_printf(b, ", ifdirection %u (", dir);
	msg_tok_put(b, sflow_directions, "Unknown", dir);
	pbuf_putc(b, ')');
	status = msg_u32(g, o + 20);
	msg_printf(b, "\n\t      ifstatus %u, adminstatus: %s, operstatus: %s", status,
		   status & 1 ? "up" : "down", status >> 1 & 1 ? "up" : "down");
	if (!sflow_need(r, o + 24, 24))
		return;
	pbuf_puts(b, "\n\t      In octets ");
	pbuf_u64(b, sflow_u64(g, o + 24));
	sflow_u32s(r, o + 32, in, 4);
	if (!sflow_need(r, o + 48, 8))
		return;
	msg_printf(b, "\n\t      In errors %u, unknown protos %u", msg_u32(g, o + 48),
		   msg_u32(g, o + 52));
	if (!sflow_need(r, o + 56, 24))
		return;
	pbuf_puts(b, "\n\t      Out octets ");
	pbuf_u64(b, sflow_u64(g, o + 56));
	sflow_u32s(r, o + 64, in, 4);
	if (!sflow_need(r, o + 80, 8))
		return;
	msg_printf(b, "\n\t      Out errors %u, promisc mode %u", msg_u32(g, o + 80),
		   msg_u32(g, o + 84));
}

static void sflow_ethernet(struct sflow_pr *r, size_t o)
{
	static const char *const l1[] = { "\n\t      align errors ", ", fcs errors ",
					  ", single collision ", ", multiple collision ",
					  ", test error " };
	static const char *const l2[] = { "\n\t      deferred ", ", late collision ",
					  ", excessive collision ", ", mac trans error " };
	static const char *const l3[] = { "\n\t      carrier error ", ", frames too long ",
					  ", mac receive errors ", ", symbol errors " };

	if (!sflow_need(r, o, 20))
		return;
	sflow_u32s(r, o, l1, 5);
	if (!sflow_need(r, o + 20, 16))
		return;
	sflow_u32s(r, o + 20, l2, 4);
	if (!sflow_need(r, o + 36, 16))
		return;
	sflow_u32s(r, o + 36, l3, 4);
}

static void sflow_basevg(struct sflow_pr *r, size_t o)
{
	const struct msg *g = &r->g;
	struct pbuf *b = r->b;
	static const char *const l3[] = { "\n\t      in ipm errors ", ", oversized ",
					  ", in data errors ", ", null addressed frames " };

	if (!sflow_need(r, o, 12))
		return;
	msg_printf(b, "\n\t      in high prio frames %u, in high prio octets ", msg_u32(g, o));
	pbuf_u64(b, sflow_u64(g, o + 4));
	if (!sflow_need(r, o + 12, 12))
		return;
	msg_printf(b, "\n\t      in norm prio frames %u, in norm prio octets ", msg_u32(g, o + 12));
	pbuf_u64(b, sflow_u64(g, o + 16));
	if (!sflow_need(r, o + 24, 16))
		return;
	sflow_u32s(r, o + 24, l3, 4);
	if (!sflow_need(r, o + 40, 16))
		return;
	msg_printf(b, "\n\t      out high prio frames %u, out high prio octets ", msg_u32(g, o + 40));
	pbuf_u64(b, sflow_u64(g, o + 44));
	msg_printf(b, ", trans into frames %u", msg_u32(g, o + 52));
	if (!sflow_need(r, o + 56, 24))
		return;
	pbuf_puts(b, "\n\t      in hc high prio octets ");
	pbuf_u64(b, sflow_u64(g, o + 56));
	pbuf_puts(b, ", in hc norm prio octets ");
	pbuf_u64(b, sflow_u64(g, o + 64));
	pbuf_puts(b, ", out hc high prio octets ");
	pbuf_u64(b, sflow_u64(g, o + 72));
}

static void sflow_vlan(struct sflow_pr *r, size_t o)
{
	static const char *const rest[] = { ", unicast_pkt ", ", multicast_pkt ",
					     ", broadcast_pkt ", ", discards " };

	if (!sflow_need(r, o, 28))
		return;
	msg_printf(r->b, "\n\t      vlan_id %u, octets ", msg_u32(&r->g, o));
	pbuf_u64(r->b, sflow_u64(&r->g, o + 4));
	sflow_u32s(r, o + 12, rest, 4);
}

static void sflow_processor(struct sflow_pr *r, size_t o)
{
	const struct msg *g = &r->g;

	if (!sflow_need(r, o, 28))
		return;
	/* tcpdump's words: the free memory is labelled total_mem too */
	msg_printf(r->b, "\n\t      5sec %u, 1min %u, 5min %u, total_mem ", msg_u32(g, o),
		   msg_u32(g, o + 4), msg_u32(g, o + 8));
	pbuf_u64(r->b, sflow_u64(g, o + 12));
	pbuf_puts(r->b, ", total_mem ");
	pbuf_u64(r->b, sflow_u64(g, o + 20));
}

/* false: tcpdump's "return 1" (the datagram is marked invalid) */
static bool sflow_counter_records(struct sflow_pr *r, size_t o, size_t len, uint32_t n)
{
	/* each record's minimum size, by type; 0: nothing printed */
	for (; n && !r->cut; n--) {
		uint32_t format, type, ent, rlen;
		size_t need = 0;

		if (len < SFLOW_RECORD_HDR_LEN)
			return false;
		if (!sflow_need(r, o, SFLOW_RECORD_HDR_LEN))
			return true;
		format = msg_u32(&r->g, o);
		type = format & 0x0fff;
		ent = format >> 20; /* sic: tcpdump's shift for counter records */
		rlen = msg_u32(&r->g, o + 4);
		msg_printf(r->b, "\n\t    enterprise %u, ", ent);
		if (ent == 0)
			msg_tok_put(r->b, sflow_counter_names, "Unknown", type);
		else
			pbuf_puts(r->b, "Unknown");
		msg_printf(r->b, " (%u) length %u", type, rlen);
		o += SFLOW_RECORD_HDR_LEN;
		len -= SFLOW_RECORD_HDR_LEN;
		if (len < rlen)
			return false;
		if (ent == 0) {
			switch (type) {
			case 1:
				need = 88;
				break;
			case 2:
				need = 52;
				break;
			case 4:
				need = 80;
				break;
			case 5:
			case 1001:
				need = 28;
				break;
			}
			/* tcpdump checks the room left in the datagram, not the record's length */
			if (need && len < need)
				return false;
			switch (type) {
			case 1:
				sflow_generic(r, o);
				break;
			case 2:
				sflow_ethernet(r, o);
				break;
			case 3: /* token ring: nothing */
				break;
			case 4:
				sflow_basevg(r, o);
				break;
			case 5:
				sflow_vlan(r, o);
				break;
			case 1001:
				sflow_processor(r, o);
				break;
			default:
				if (r->verbosity <= 1)
					sflow_unknown(r, o, rlen, "\n\t\t");
				break;
			}
		}
		o += rlen;
		len -= rlen;
	}
	return true;
}

/* ---- flow records ---------------------------------------------------------------------------- */

static bool sflow_flow_records(struct sflow_pr *r, size_t o, size_t len, uint32_t n)
{
	const struct msg *g = &r->g;

	for (; n && !r->cut; n--) {
		uint32_t format, type, ent, rlen;

		if (len < SFLOW_RECORD_HDR_LEN)
			return false;
		if (!sflow_need(r, o, SFLOW_RECORD_HDR_LEN))
			return true;
		format = msg_u32(g, o);
		type = format & 0x0fff;
		ent = format >> 12;
		rlen = msg_u32(g, o + 4);
		msg_printf(r->b, "\n\t    enterprise %u ", ent);
		if (ent == 0)
			msg_tok_put(r->b, sflow_flow_names, "Unknown", type);
		else
			pbuf_puts(r->b, "Unknown");
		msg_printf(r->b, " (%u) length %u", type, rlen);
		o += SFLOW_RECORD_HDR_LEN;
		len -= SFLOW_RECORD_HDR_LEN;
		if (len < rlen)
			return false;
		if (ent == 0) {
			switch (type) {
			case 1: /* raw packet header */
				if (len < 16)
					return false;
				if (!sflow_need(r, o, 16))
					return true;
				pbuf_puts(r->b, "\n\t      protocol ");
				msg_tok_put(r->b, sflow_raw_protocols, "Unknown", msg_u32(g, o));
				msg_printf(r->b, " (%u), length %u, stripped bytes %u, header_size %u",
					   msg_u32(g, o), msg_u32(g, o + 4), msg_u32(g, o + 8),
					   msg_u32(g, o + 12));
				break;
			case 1001: /* extended switch */
				if (len < 16)
					return false;
				if (!sflow_need(r, o, 16))
					return true;
				msg_printf(r->b, "\n\t      src vlan %u, src pri %u, dst vlan %u, dst pri %u",
					   msg_u32(g, o), msg_u32(g, o + 4), msg_u32(g, o + 8),
					   msg_u32(g, o + 12));
				break;
			case 2: /* Ethernet frame: length, two padded MACs, type */
				if (len < 24)
					return false;
				if (!sflow_need(r, o, 24))
					return true;
				msg_printf(r->b, "\n\t      frame len %u, type %u", msg_u32(g, o),
					   msg_u32(g, o + 20));
				break;
			case 3:
			case 4:
			case 1002:
			case 1003:
			case 1004:
			case 1005:
			case 1006:
			case 1007:
			case 1008:
			case 1009:
			case 1010:
			case 1011:
			case 1012: /* tcpdump has no decoder for these */
				break;
			default:
				if (r->verbosity <= 1)
					sflow_unknown(r, o, rlen, "\n\t\t");
				break;
			}
		}
		o += rlen;
		len -= rlen;
	}
	return true;
}

/* ---- samples --------------------------------------------------------------------------------- */

/* One sample after its type and length: len is what is left of the datagram. */
static bool sflow_sample(struct sflow_pr *r, uint32_t type, size_t o, size_t len)
{
	const struct msg *g = &r->g;
	uint32_t n;

	switch (type) {
	case SFLOW_FLOW_SAMPLE:
		if (len < SFLOW_FLOW_SAMPLE_LEN)
			return false;
		if (!sflow_need(r, o, SFLOW_FLOW_SAMPLE_LEN))
			return true;
		n = msg_u32(g, o + 28);
		msg_printf(r->b,
			   " seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, input %u output %u "
			   "records %u",
			   msg_u32(g, o), msg_u8(g, o + 4), msg_u24(g, o + 5), msg_u32(g, o + 8),
			   msg_u32(g, o + 12), msg_u32(g, o + 16), msg_u32(g, o + 20), msg_u32(g, o + 24),
			   n);
		return sflow_flow_records(r, o + SFLOW_FLOW_SAMPLE_LEN, len - SFLOW_FLOW_SAMPLE_LEN, n);
	case SFLOW_EXPANDED_FLOW_SAMPLE:
		if (len < SFLOW_XFLOW_SAMPLE_LEN)
			return false;
		if (!sflow_need(r, o, SFLOW_XFLOW_SAMPLE_LEN))
			return true;
		n = msg_u32(g, o + 40);
		msg_printf(r->b, " seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, records %u",
			   msg_u32(g, o), msg_u32(g, o + 4), msg_u32(g, o + 8), msg_u32(g, o + 12),
			   msg_u32(g, o + 16), msg_u32(g, o + 20), n);
		return sflow_flow_records(r, o + SFLOW_XFLOW_SAMPLE_LEN, len - SFLOW_XFLOW_SAMPLE_LEN,
					  n);
	case SFLOW_COUNTER_SAMPLE:
		if (len < SFLOW_COUNTER_SAMPLE_LEN)
			return false;
		if (!sflow_need(r, o, SFLOW_COUNTER_SAMPLE_LEN))
			return true;
		n = msg_u32(g, o + 8);
		msg_printf(r->b, " seqnum %u, type %u, idx %u, records %u", msg_u32(g, o),
			   msg_u8(g, o + 4), msg_u24(g, o + 5), n);
		return sflow_counter_records(r, o + SFLOW_COUNTER_SAMPLE_LEN,
					     len - SFLOW_COUNTER_SAMPLE_LEN, n);
	case SFLOW_EXPANDED_COUNTER_SAMPLE:
		if (len < SFLOW_XCOUNTER_SAMPLE_LEN)
			return false;
		if (!sflow_need(r, o, SFLOW_XCOUNTER_SAMPLE_LEN))
			return true;
		n = msg_u32(g, o + 12);
		msg_printf(r->b, " seqnum %u, type %u, idx %u, records %u", msg_u32(g, o),
			   msg_u32(g, o + 4), msg_u32(g, o + 8), n);
		return sflow_counter_records(r, o + SFLOW_XCOUNTER_SAMPLE_LEN,
					     len - SFLOW_XCOUNTER_SAMPLE_LEN, n);
	}
	return true;
}

/* The samples after the datagram header at o; len is what is left of the datagram. */
static void sflow_samples(struct sflow_pr *r, size_t o, size_t len, uint32_t n)
{
	const struct msg *g = &r->g;

	while (n && len && !r->cut) {
		uint32_t type, slen;

		if (!sflow_need(r, o, SFLOW_SAMPLE_HDR_LEN))
			return;
		type = msg_u32(g, o) & 0x0fff;
		slen = msg_u32(g, o + 4);
		if (len < SFLOW_SAMPLE_HDR_LEN)
			goto invalid;
		o += SFLOW_SAMPLE_HDR_LEN;
		len -= SFLOW_SAMPLE_HDR_LEN;
		pbuf_puts(r->b, "\n\t");
		msg_tok_put(r->b, sflow_sample_names, "Unknown", type);
		msg_printf(r->b, " (%u), length %u,", type, slen);
		if (type == 0 || slen == 0)
			return;
		if (len < slen)
			goto invalid;
		if (!sflow_need(r, o, slen))
			return;
		if (!sflow_sample(r, type, o, len))
			goto invalid;
		if (type > SFLOW_EXPANDED_COUNTER_SAMPLE && r->verbosity <= 1)
			sflow_unknown(r, o, slen, "\n\t    ");
		o += slen;
		len -= slen;
		n--;
	}
	return;
invalid:
	pbuf_puts(r->b, " (invalid)");
	sflow_need(r, o, len);
}

static void sflow_datagram(struct sflow_pr *r)
{
	const struct msg *g = &r->g;
	struct pbuf *b = r->b;
	uint32_t version, ipv;
	size_t hdr;

	if (!sflow_need(r, 4, 4))
		return;
	ipv = msg_u32(g, 4);
	if ((g->len < SFLOW_HDR4_LEN && ipv == 1) || (g->len < SFLOW_HDR6_LEN && ipv == 2)) {
		if (!sflow_need(r, 0, 4))
			return;
		msg_printf(b, "sFlowv%u [length %u < %u] (invalid)", msg_u32(g, 0), g->len,
			   SFLOW_HDR4_LEN);
		return;
	}
	if (!sflow_need(r, 0, SFLOW_HDR4_LEN))
		return;
	version = msg_u32(g, 0);
	if (version != 5) {
		msg_printf(b, "sFlow version %u packet not supported", version);
		return;
	}
	hdr = ipv == 1 ? SFLOW_HDR4_LEN : SFLOW_HDR6_LEN;
	/* the agent id and what follows sit 12 bytes further with an IPv6 agent */
	if (!sflow_need(r, 0, r->verbosity ? hdr : hdr - 12))
		return;
	msg_printf(b, "sFlowv%u, %s agent ", version, ipv == 1 ? "IPv4" : "IPv6");
	if (ipv == 1)
		pbuf_ip4(b, g->p + 8);
	else
		pbuf_ip6(b, g->p + 8);
	msg_printf(b, ", agent-id %u, ", msg_u32(g, hdr - 16));
	if (!r->verbosity) {
		msg_printf(b, "length %u", g->len);
		return;
	}
	msg_printf(b, "seqnum %u, uptime %u, samples %u, length %u", msg_u32(g, hdr - 12),
		   msg_u32(g, hdr - 8), msg_u32(g, hdr - 4), g->len);
	if (g->len < hdr) { /* an agent of neither family, in a datagram too short for IPv6's */
		pbuf_puts(b, " (invalid)");
		sflow_need(r, 0, g->len);
		return;
	}
	sflow_samples(r, hdr, g->len - hdr, msg_u32(g, hdr - 4));
}

bool proto_sflow_print(struct line *x)
{
	struct sflow_pr r = { .b = &x->b, .verbosity = line_verbosity(x) };

	msg_of(&r.g, x);
	sflow_datagram(&r);
	if (r.cut)
		msg_trunc(x, "sflow");
	return true;
}
