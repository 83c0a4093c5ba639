/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ospf.h: what the OSPF files share: the walk over a message, the opaque LSA printers. */
#ifndef SOCKEYE_PROTO_OSPF_H
#define SOCKEYE_PROTO_OSPF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/line.h"
#include "decode/proto_msg.h"

/*
 * An OSPF message being printed: g its bytes (for OSPFv2 with MD5
 * authentication, without the digest), b the line.  Printers return
 * OSPF_OK, OSPF_INVALID when they wrote why (" (invalid)", "Bogus length
 * ...") and gave up on the LSA, or OSPF_TRUNC when the capture ends first (the caller marks
 * the line "[|ospf2]" or "[|ospf3]").
 */
struct ospf_walk {
	struct pbuf *b;
	struct msg g;
	unsigned verbosity;
};

enum { OSPF_OK = 0, OSPF_INVALID = -1, OSPF_TRUNC = -2 };

static inline bool ospf_has(const struct ospf_walk *w, size_t off, size_t n)
{
	return msg_has(&w->g, off, n);
}

/* A 4-byte field at off as a dotted quad (router and area ids too). */
static inline void ospf_ip4(struct ospf_walk *w, size_t off)
{
	pbuf_ip4(w->b, w->g.p + off);
}

/* ", Area A" or ", Backbone Area" after "Router-ID R": both versions' header ids at 4 and 8. */
static inline void ospf_router_area(struct ospf_walk *w)
{
	pbuf_puts(w->b, "\n\tRouter-ID ");
	ospf_ip4(w, 4);
	if (msg_u32(&w->g, 8)) {
		pbuf_puts(w->b, ", Area ");
		ospf_ip4(w, 8);
	} else {
		pbuf_puts(w->b, ", Backbone Area");
	}
}

/* RFC 3623 grace LSA TLVs (OSPFv2 opaque type 3, OSPFv3 LSA 11). */
int ospf_grace_print(struct ospf_walk *w, size_t off, uint32_t len);
/* RFC 3630 traffic engineering TLVs (OSPFv2 opaque type 1, OSPFv3 LSA 10). */
int ospf_te_print(struct ospf_walk *w, size_t off, uint32_t len);
/* RFC 7770 router information TLVs (opaque type 4). */
int ospf_ri_print(struct ospf_walk *w, size_t off, uint32_t len);

/* tcpdump's print_unknown_data: hex lines of what was captured of n bytes. */
void ospf_hex(struct ospf_walk *w, size_t off, uint32_t n, const char *ident);

/* OSPFv3 (IPv6), proto_ospf6.c */
bool proto_ospf6_print(struct line *x, const struct msg *g);

#endif /* SOCKEYE_PROTO_OSPF_H */
