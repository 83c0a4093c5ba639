/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ipv4.c: the IPv4 header (RFC 791), and the copy ICMP errors quote. */
#include "config.h"

#include <stddef.h>

#include "decode/proto.h"

#define IPV4_HDR_LEN  20
#define IPV4_CSUM_OFF 10 /* the checksum field's offset */

/*
 * The one's complement sum of the header's 16-bit words, the checksum field
 * left out; at most 30 words, so the 32-bit total needs folding only once
 * it is complete.
 */
uint16_t proto_ipv4_csum(const uint8_t *h, size_t len)
{
	uint32_t sum = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)h[i] << 8 | h[i + 1];
	sum -= (uint32_t)h[IPV4_CSUM_OFF] << 8 | h[IPV4_CSUM_OFF + 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static bool ipv4_read_fixed(struct pkt_cursor *c, struct pkt_ipv4 *ip)
{
	uint16_t frag;

	if (!pkt_get_u8(c, &ip->tos) || !pkt_get_be16(c, &ip->tot_len) ||
	    !pkt_get_be16(c, &ip->id) || !pkt_get_be16(c, &frag) || !pkt_get_u8(c, &ip->ttl) ||
	    !pkt_get_u8(c, &ip->proto) || !pkt_get_be16(c, &ip->csum) ||
	    !pkt_copy(c, ip->src, sizeof(ip->src)) || !pkt_copy(c, ip->dst, sizeof(ip->dst)))
		return false;
	ip->rf = frag & 0x8000;
	ip->df = frag & 0x4000;
	ip->mf = frag & 0x2000;
	ip->frag_off = (uint16_t)((frag & 0x1fff) * 8);
	return true;
}

/*
 * RFC 791 section 3.1:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        Flags: 0, DF, MF
 */
int proto_ipv4_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ipv4 *ip = &l->ip4;
	const uint8_t *start = c->p;
	size_t wire = proto_layer(m)->wire_len;
	size_t hlen, len;
	uint8_t vhl;

	l->net = PKT_PROTO_IPV4;
	memset(ip, 0, offsetof(struct pkt_ipv4, opts));
	if (!pkt_get_u8(c, &vhl))
		return proto_short(m, IPV4_HDR_LEN);
	ip->version = vhl >> 4;
	ip->ihl = vhl & 0x0f;
	if (ip->version != 4)
		return proto_invalid(m, PKT_REASON_VERSION);
	if (ip->ihl < 5)
		return proto_invalid(m, PKT_REASON_HDR_LEN);
	if (!ipv4_read_fixed(c, ip))
		return proto_short(m, IPV4_HDR_LEN);

	hlen = (size_t)ip->ihl * 4;
	ip->opt_len = (uint8_t)(hlen - IPV4_HDR_LEN);
	/* A total length inside the header is the fault to name, as tcpdump's "bad-len". */
	if (ip->tot_len && ip->tot_len < hlen)
		return proto_invalid(m, PKT_REASON_TOTAL_LEN);
	if (hlen > wire)
		return proto_invalid(m, PKT_REASON_HDR_PAST_END);
	if (!pkt_copy(c, ip->opts, ip->opt_len))
		return proto_truncated(m);
	ip->csum_calc = proto_ipv4_csum(start, hlen);
	ip->csum_ok = ip->csum_calc == ip->csum;

	/*
	 * Linux hands packet sockets GSO super-packets (BIG TCP) with a total
	 * length of 0: the packet's own length is the only one there is.
	 */
	len = ip->tot_len ? ip->tot_len : wire;
	if (len < hlen)
		return proto_invalid(m, PKT_REASON_TOTAL_LEN);
	if (!pkt_clamp(c, len - hlen))
		return proto_invalid(m, PKT_REASON_LEN_PAST_END);

	if (ip->frag_off)
		return PKT_PROTO_NONE; /* no transport header in a later fragment */
	l->frag = ip->mf;
	return proto_from_ipproto(ip->proto, false);
}

/* As far as it was captured: the addresses and protocol, then the ports. */
void proto_ipv4_quote(struct pkt_cursor *c, struct pkt_quote *q)
{
	struct pkt_ipv4 ip = { 0 };
	uint8_t vhl;

	*q = (struct pkt_quote){ 0 };
	if (!pkt_get_u8(c, &vhl) || vhl >> 4 != 4 || (vhl & 0x0f) < 5 || !ipv4_read_fixed(c, &ip))
		return;
	q->family = 4;
	q->proto = ip.proto;
	memcpy(q->src, ip.src, sizeof(ip.src));
	memcpy(q->dst, ip.dst, sizeof(ip.dst));
	if (ip.frag_off || (ip.proto != PROTO_IP_TCP && ip.proto != PROTO_IP_UDP))
		return;
	if (!pkt_skip(c, (size_t)(vhl & 0x0f) * 4 - IPV4_HDR_LEN) || !pkt_get_be16(c, &q->sport) ||
	    !pkt_get_be16(c, &q->dport))
		return;
	q->has_ports = true;
}
