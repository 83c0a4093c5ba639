/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_l2.c: the keys from SNAP to the link-layer control protocols, and tcpdump's default dump. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/hexdump.h"
#include "decode/proto_l2.h"

int proto_l2_ethertype(struct pkt_meta *m, uint16_t type)
{
	int next = dispatch_ethertype(m, type);

	/* tcpdump's snap_print names Arista's shim, but does not decode it */
	return next == PKT_PROTO_ARISTA ? PKT_PROTO_NONE : next;
}

int proto_l2_cisco_pid(uint16_t pid)
{
	return dispatch_lookup(DISPATCH_CISCO_PID, pid);
}

bool proto_l2_undecoded(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	uint32_t off = ly->off + ly->hdr_len;

	if (line_more(x) || !x->o->data)
		return false;
	/* tcpdump's ": " comes before its default print, which -q suppresses */
	pbuf_puts(&x->b, ": ");
	if (!x->o->dump && !x->o->quiet && x->m->caplen > off)
		proto_l2_default_print(&x->b, x->o->data + off, x->m->caplen - off);
	return true;
}

void proto_l2_default_print(struct pbuf *b, const uint8_t *p, size_t n)
{
	size_t room = (size_t)(b->end - b->p);
	size_t need = hexdump_format(b->p, room + 1, p, n, HEXDUMP_HEX_ASCII);

	/* hexdump_format wrote at most room bytes and its NUL, which the next write covers */
	b->p += need < room ? need : room;
	b->n += need;
}

bool proto_l2_vlan_cut_follows(const struct line *x)
{
	for (unsigned j = x->i + 1; j < x->m->n_layers; j++) {
		const struct pkt_layer *ly = &x->m->layer[j];

		if (ly->proto != PKT_PROTO_VLAN || ly->level != x->m->layer[x->i].level)
			return false;
		if (ly->truncated)
			return true;
	}
	return false;
}
