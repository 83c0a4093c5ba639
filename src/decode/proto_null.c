/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_null.c: BSD loopback link headers (DLT_NULL, DLT_LOOP): dissector and tcpdump's text. */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

#define NULL_HDR_LEN 4

/* BSD's AF_ numbers, which differ from Linux's and between the BSDs for IPv6. */
#define BSD_AF_INET	      2
#define BSD_AF_INET6_BSD      24 /* NetBSD, OpenBSD, BSD/OS */
#define BSD_AF_INET6_FREEBSD  28
#define BSD_AF_INET6_DARWIN   30

/*
 * A 4-byte address family: DLT_NULL's in the capturing host's byte order,
 * DLT_LOOP's in network order.  tcpdump reads DLT_NULL's as its own host
 * order and swaps it when the upper half is not zero (the family is small):
 * the same test here finds it whichever order the file was written in.
 */
int proto_null_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	const uint8_t *p = pkt_peek(c, NULL_HDR_LEN);
	uint32_t af;

	l->link = PKT_PROTO_NULL;
	m->bsd_af = 0;
	if (!p)
		return proto_short(m, NULL_HDR_LEN);
	pkt_skip(c, NULL_HDR_LEN);
	af = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	if (m->linktype != DLT_LOOP && (af & 0xffff0000u))
		af = __builtin_bswap32(af);
	m->bsd_af = af;
	switch (af) {
	case BSD_AF_INET:
		return PKT_PROTO_IPV4;
	case BSD_AF_INET6_BSD:
	case BSD_AF_INET6_FREEBSD:
	case BSD_AF_INET6_DARWIN:
		return PKT_PROTO_IPV6;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok bsd_afs[] = {
	{ BSD_AF_INET, "IPv4" },	    { 6, "NS" },
	{ 7, "ISO" },			    { 16, "Appletalk" },
	{ 23, "IPX" },			    { BSD_AF_INET6_BSD, "IPv6" },
	{ BSD_AF_INET6_FREEBSD, "IPv6" }, { BSD_AF_INET6_DARWIN, "IPv6" },
	{ 0, NULL },
};

bool proto_null_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const char *name;
	struct pbuf *b = &x->b;
	struct msg g;

	if (ly->truncated || ly->invalid)
		return line_trunc_sp(x, "null"); /* tcpdump's word for DLT_LOOP's too */
	name = msg_tok_find(bsd_afs, x->m->bsd_af);
	/* tcpdump's null_hdr_print: with -e, and for a family it does not decode */
	if (x->o->link || !line_more(x)) {
		if (x->o->quiet && name)
			pbuf_puts(b, name);
		else if (x->o->quiet)
			msg_printf(b, "Unknown AF %u", x->m->bsd_af);
		else
			msg_printf(b, "AF %s (%u)", name ? name : "Unknown", x->m->bsd_af);
		msg_printf(b, ", length %u: ", x->m->wirelen);
		x->link_shown = true;
	}
	if (line_more(x))
		return false;
	/* tcpdump's default print of what it does not decode (none with -q, -x, -X or -A) */
	if (!x->o->dump && !x->o->quiet && msg_of(&g, x) && g.cap > ly->hdr_len)
		proto_l2_default_print(b, g.p + ly->hdr_len, g.cap - ly->hdr_len);
	return true;
}
