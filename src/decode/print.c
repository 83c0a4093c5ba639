/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print.c: the print driver: tcpdump-style summary lines, each layer by its table printer. */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/dispatch.h"
#include "decode/hexdump.h"
#include "decode/dissect.h"
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

/* tcpdump prints a quoted packet's own quotes too; two levels are plenty. */
#define PRINT_MAX_DEPTH 2

static size_t print_packet_at(char *buf, size_t len, const struct pkt_meta *m,
			      const struct print_opts *o, unsigned depth);

/* A frame inside the payload, of a link type, at a -v count: its text follows on the line. */
static void print_nested_frame(struct line *x, int linktype, const uint8_t *p, size_t caplen,
			       size_t wirelen, unsigned verbosity)
{
	/* checksums verified as the outer packet's were (-v) */
	const struct dissect_opts dopts = { .csum_verify = x->m->csum_verify };
	struct pkt_meta m;
	struct print_opts o = *x->o;
	char buf[PRINT_PACKET_MAX];
	size_t n;

	dissect_packet_opts(&m, linktype, p, caplen, wirelen, &dopts);
	o.verbosity = (uint8_t)verbosity;
	o.verbose = verbosity > 0;
	o.data = p;
	/*
	 * -e is tcpdump's global flag: a quoted raw IP packet has no link header
	 * but still loses its "IP " prefix under it.
	 */
	o.link = (x->nested_link || linktype == PRINT_LINKTYPE_RAW) && x->o->link;
	o.tcp_relative = false;
	n = print_packet_at(buf, sizeof(buf), &m, &o, x->depth + 1);
	pbuf_put(&x->b, buf, n < sizeof(buf) ? n : sizeof(buf) - 1);
}

/* A packet inside the payload, as raw IP (an ICMP error's quote), at the line's -v count. */
static void print_nested(struct line *x, const uint8_t *p, size_t caplen, size_t wirelen)
{
	print_nested_frame(x, PRINT_LINKTYPE_RAW, p, caplen, wirelen, line_verbosity(x));
}

/*
 * A link type sockeye does not decode: tcpdump's unsupported_if_print, the
 * word then every captured byte in hex and ASCII (as -X), under it.
 */
static size_t print_unsupported(struct line *x, size_t len)
{
	size_t room, need;

	pbuf_puts(&x->b, "UNSUPPORTED");
	if (!x->o->data || !x->m->caplen)
		return pbuf_finish(&x->b, len);
	room = (size_t)(x->b.end - x->b.p) + 1;
	need = hexdump_format(x->b.p, room, x->o->data, x->m->caplen, HEXDUMP_HEX_ASCII);
	x->b.p += need < room ? need : room - 1;
	x->b.n += need;
	return pbuf_finish(&x->b, len);
}

size_t print_packet(char *buf, size_t len, const struct pkt_meta *m, const struct print_opts *o)
{
	return print_packet_at(buf, len, m, o, 0);
}

static size_t print_packet_at(char *buf, size_t len, const struct pkt_meta *m,
			      const struct print_opts *o, unsigned depth)
{
	struct line x = { .m = m,
			  .o = o,
			  .link_shown = o->link,
			  .nested = depth < PRINT_MAX_DEPTH ? print_nested : NULL,
			  .nested_frame = depth < PRINT_MAX_DEPTH ? print_nested_frame : NULL,
			  .depth = depth };

	pbuf_init(&x.b, buf, len);
	x.b.hosts = o->hosts;
	if (!m->n_layers)
		return print_unsupported(&x, len);
	if (o->link && !depth && dispatch_raw_ip(m->linktype))
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
	if (x.tail)
		pbuf_puts(&x.b, x.tail);
	return pbuf_finish(&x.b, len);
}

bool print_dump_whole(const struct pkt_meta *m)
{
	const struct pkt_layer *ly;

	if (!m->truncated || !m->n_layers || m->n_layers > PKT_MAX_LAYERS)
		return false;
	ly = &m->layer[m->n_layers - 1];
	switch (ly->proto) {
	case PKT_PROTO_IPV4: /* from its second byte on ip_print tests the length first */
	case PKT_PROTO_IGMP:
	case PKT_PROTO_PIM:
	case PKT_PROTO_VRRP:
		return ly->hdr_len == 0;
	case PKT_PROTO_AH: /* its first byte is tested, the others read */
		return ly->hdr_len > 0;
	case PKT_PROTO_SLL:
	case PKT_PROTO_SLL2:
	case PKT_PROTO_ARP:
	case PKT_PROTO_STP:
	case PKT_PROTO_MPLS:
	case PKT_PROTO_PPPOE:
	case PKT_PROTO_PTP:
	case PKT_PROTO_SLOW:
	case PKT_PROTO_LOOPBACK:
	case PKT_PROTO_ICMP:
	case PKT_PROTO_ICMP6:
	case PKT_PROTO_OSPF:
	case PKT_PROTO_NULL:
	case PKT_PROTO_CHDLC:
	case PKT_PROTO_BRCM_PREPEND: /* 4.99.3's ND_TCHECK of the tag */
	case PKT_PROTO_IPNET:	     /* its ND_TCHECK of the header */
		return true;
	case PKT_PROTO_FR: /* fr_if_print takes a capture of less than 4 bytes as its own */
		return ly->hdr_len >= 4;
	case PKT_PROTO_ARISTA: /* a cut subtype is ether_print's own; past it a GET gives up */
		return ly->hdr_len >= 2;
	}
	return false;
}
