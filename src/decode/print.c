/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print.c: the print driver: tcpdump-style summary lines, each layer by its table printer. */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/dispatch.h"
#include "decode/protocols.h"
#include "decode/line.h"
#include "decode/print.h"

/* LINKTYPE_RAW, as capture files name raw IP */
#define PRINT_LINKTYPE_RAW 101

static bool print_layer(struct line *x)
{
	unsigned proto = line_layer(x)->proto;

	if (proto >= PKT_PROTO_COUNT || !protocols[proto].print)
		return true;
	return protocols[proto].print(x);
}

static bool is_raw_ip(int linktype)
{
	return linktype == DLT_RAW || linktype == PRINT_LINKTYPE_RAW || linktype == DLT_IPV4 ||
	       linktype == DLT_IPV6;
}

size_t print_packet(char *buf, size_t len, const struct pkt_meta *m, const struct print_opts *o)
{
	struct line x = { .m = m, .o = o, .link_shown = o->link };

	pbuf_init(&x.b, buf, len);
	if (!m->n_layers) {
		pbuf_puts(&x.b, "unknown link-type ");
		pbuf_u32(&x.b, (uint32_t)m->linktype);
		pbuf_puts(&x.b, ", length ");
		pbuf_u32(&x.b, m->wirelen);
		return pbuf_finish(&x.b, len);
	}
	if (o->link && is_raw_ip(m->linktype))
		pbuf_puts(&x.b, "ip: ");
	for (x.i = 0; x.i < m->n_layers; x.i++) {
		/* A tunnel's payload starts over: its own link header, its own prefix. */
		if (x.i && m->layer[x.i].level != m->layer[x.i - 1].level) {
			x.link_shown = o->link;
			x.ports_only = false;
		}
		if (print_layer(&x))
			break;
	}
	return pbuf_finish(&x.b, len);
}
