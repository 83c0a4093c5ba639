/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dissect.c: the dissect driver: walk a packet layer by layer through the dispatch table. */
#include "config.h"

#include <errno.h>

#include "decode/dissect.h"
#include "decode/dispatch.h"
#include "decode/protocols.h"

static void dissect_level_init(struct pkt_level *l)
{
	l->link = PKT_PROTO_NONE;
	l->net = PKT_PROTO_NONE;
	l->trans = PKT_PROTO_NONE;
	l->app = PKT_PROTO_NONE;
	l->n_vlan = 0;
	l->ethertype = 0;
	l->frag = false;
	l->csum = PKT_CSUM_UNCHECKED;
}

/*
 * Whether a layer's payload starts a new set of headers: a tunnel protocol's,
 * and MPLS's when it rides in IP (MPLS in UDP, RFC 7510), whose inner IP
 * header must not overwrite the outer one that the line starts with.
 */
static bool dissect_is_tunnel(const struct pkt_meta *m, const struct pkt_layer *ly)
{
	uint8_t net = m->l[m->level].net;

	if (protocols[ly->proto].tunnel)
		return true;
	return ly->proto == PKT_PROTO_MPLS && (net == PKT_PROTO_IPV4 || net == PKT_PROTO_IPV6);
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
	m->packettype = o ? o->packettype : 0;
	dissect_level_init(&m->l[0]);

	next = dispatch_first(linktype, &c);
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

		next = protocols[next].dissect(&c, m);

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
		if (dissect_is_tunnel(m, ly) && next != PKT_PROTO_NONE) {
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
