/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dissect.c: chain the protocol dissectors over one packet, layer by layer. */
#include "config.h"

#include <errno.h>

#include <pcap/dlt.h>

#include "decode/dissect.h"
#include "decode/proto.h"

/*
 * Capture files name raw IP by its LINKTYPE_ value, which differs from the
 * DLT_ value libpcap hands out for live captures.
 */
#define DISSECT_LINKTYPE_RAW 101

static const proto_dissect_fn dissect_fns[PKT_PROTO_COUNT] = {
	[PKT_PROTO_SLL] = proto_sll_dissect,	 [PKT_PROTO_SLL2] = proto_sll2_dissect,
	[PKT_PROTO_ETH] = proto_eth_dissect,	 [PKT_PROTO_VLAN] = proto_vlan_dissect,
	[PKT_PROTO_ARP] = proto_arp_dissect,	 [PKT_PROTO_IPV4] = proto_ipv4_dissect,
	[PKT_PROTO_IPV6] = proto_ipv6_dissect,	 [PKT_PROTO_TCP] = proto_tcp_dissect,
	[PKT_PROTO_UDP] = proto_udp_dissect,	 [PKT_PROTO_ICMP] = proto_icmp_dissect,
	[PKT_PROTO_ICMP6] = proto_icmp6_dissect, [PKT_PROTO_GRE] = proto_gre_dissect,
	[PKT_PROTO_VXLAN] = proto_vxlan_dissect,
};

static void dissect_level_init(struct pkt_level *l)
{
	l->link = PKT_PROTO_NONE;
	l->net = PKT_PROTO_NONE;
	l->trans = PKT_PROTO_NONE;
	l->n_vlan = 0;
	l->ethertype = 0;
	l->frag = false;
	l->csum = PKT_CSUM_UNCHECKED;
}

/* Raw IP says its version in the first nibble; a bad one is IPv4's to report. */
static int dissect_raw_first(const struct pkt_cursor *c)
{
	const uint8_t *p = pkt_peek(c, 1);

	if (p && *p >> 4 == 6)
		return PKT_PROTO_IPV6;
	return PKT_PROTO_IPV4;
}

static int dissect_first(int linktype, const struct pkt_cursor *c)
{
	switch (linktype) {
	case DLT_EN10MB:
		return PKT_PROTO_ETH;
	case DLT_LINUX_SLL:
		return PKT_PROTO_SLL;
	case DLT_LINUX_SLL2:
		return PKT_PROTO_SLL2;
	case DLT_RAW:
	case DISSECT_LINKTYPE_RAW:
		return dissect_raw_first(c);
	case DLT_IPV4:
		return PKT_PROTO_IPV4;
	case DLT_IPV6:
		return PKT_PROTO_IPV6;
	default:
		return PKT_PROTO_NONE;
	}
}

int dissect_packet(struct pkt_meta *m, int linktype, const uint8_t *data, size_t caplen,
		   size_t wirelen)
{
	return dissect_packet_opts(m, linktype, data, caplen, wirelen, NULL);
}

int dissect_packet_opts(struct pkt_meta *m, int linktype, const uint8_t *data, size_t caplen,
			size_t wirelen, const struct dissect_opts *o)
{
	static const uint8_t no_data[1];
	struct pkt_cursor c;
	int next;

	/* An empty capture may come as NULL; arithmetic on NULL is undefined. */
	if (!caplen)
		data = no_data;
	/* A wire length below the captured one is a broken record: trust the bytes. */
	if (wirelen < caplen)
		wirelen = caplen;
	pkt_init(&c, data, caplen, wirelen);

	m->linktype = linktype;
	m->caplen = (uint32_t)caplen;
	m->wirelen = (uint32_t)wirelen;
	m->n_layers = 0;
	m->level = 0;
	m->tunnel = PKT_PROTO_NONE;
	m->truncated = false;
	m->invalid = false;
	m->reason = PKT_REASON_NONE;
	m->csum_verify = o && o->csum_verify;
	m->csum_hint = o ? o->csum_hint : PKT_CSUM_HINT_NONE;
	dissect_level_init(&m->l[0]);

	next = dissect_first(linktype, &c);
	if (next == PKT_PROTO_NONE) {
		m->payload_off = 0;
		m->payload_len = (uint32_t)wirelen;
		m->payload_caplen = (uint32_t)caplen;
		return -EPROTONOSUPPORT;
	}

	while (next != PKT_PROTO_NONE && m->n_layers < PKT_MAX_LAYERS) {
		struct pkt_layer *ly = &m->layer[m->n_layers++];

		ly->proto = (uint8_t)next;
		ly->level = m->level;
		ly->truncated = false;
		ly->invalid = false;
		ly->reason = PKT_REASON_NONE;
		ly->off = (uint32_t)(c.p - data);
		ly->wire_len = (uint32_t)pkt_wire_left(&c);

		next = dissect_fns[next](&c, m);

		if (ly->truncated || ly->invalid) {
			/* All that was captured of a header cut short is that header. */
			ly->hdr_len = (uint32_t)(c.end - (data + ly->off));
			m->truncated = ly->truncated;
			m->invalid = ly->invalid;
			m->reason = ly->reason;
			m->payload_off = (uint32_t)(c.p - data);
			m->payload_len = 0;
			m->payload_caplen = 0;
			return 0;
		}
		ly->hdr_len = (uint32_t)(c.p - data) - ly->off;

		/* A tunnel's payload is a new set of headers; one level deep only. */
		if ((ly->proto == PKT_PROTO_GRE || ly->proto == PKT_PROTO_VXLAN) &&
		    next != PKT_PROTO_NONE) {
			if (m->level == 1)
				break;
			m->level = 1;
			m->tunnel = ly->proto;
			dissect_level_init(&m->l[1]);
		}
	}

	m->payload_off = (uint32_t)(c.p - data);
	m->payload_len = (uint32_t)pkt_wire_left(&c);
	m->payload_caplen = (uint32_t)pkt_left(&c);
	return 0;
}
