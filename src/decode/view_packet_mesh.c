/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_mesh.c: JSON of the mesh and overlay protocols (OLSR ...), read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_mesh.h"

/*
 * OLSR: the packet header and the messages the packet length holds, counted
 * while their headers were captured and their lengths made sense.
 */
static void put_olsr(struct fmt_details *d, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const struct msg *g)
{
	bool v6 = m->l[ly->level].net == PKT_PROTO_IPV6;
	uint32_t hlen = v6 ? 24 : 12, length, mlen, n = 0;
	size_t off;

	length = msg_u16(g, 0) < g->len ? msg_u16(g, 0) : g->len;
	fmt_details_object_begin(d, "olsr");
	fmt_details_u64(d, "ip_version", v6 ? 6 : 4);
	fmt_details_u64(d, "seq", msg_u16(g, 2));
	fmt_details_u64(d, "length", length);
	if (msg_has(g, 4, hlen))
		fmt_details_u64(d, "first_msg_type", msg_u8(g, 4));
	for (off = 4; off < length && msg_has(g, off, hlen); off += mlen, n++) {
		mlen = msg_u16(g, off + 2);
		if (!msg_u8(g, off) || mlen < hlen || mlen > length)
			break;
	}
	fmt_details_u64(d, "messages", n);
	fmt_details_object_end(d);
}

bool view_packet_mesh(struct fmt_details *d, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data)
{
	struct msg g;
	bool have;

	switch (ly->proto) {
	case PKT_PROTO_OLSR:
		break;
	default:
		return false;
	}
	have = msg_at(&g, m, data, ly);
	/* each object only when its fixed header was captured */
	switch (ly->proto) {
	case PKT_PROTO_OLSR:
		if (have && msg_has(&g, 0, 4))
			put_olsr(d, m, ly, &g);
		break;
	}
	return true;
}
