/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ip6_ext.h: the walk over IPv6 extension headers that both the dissector and the printer run. */
#ifndef SOCKEYE_PROTO_IP6_EXT_H
#define SOCKEYE_PROTO_IP6_EXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/pkt_meta.h"

/*
 * One walk decides where the upper layer starts and how long tcpdump takes
 * it to be (hop-by-hop first and once, a valid jumbo payload option when the
 * payload length is 0, routing types, option lengths), and the printer runs
 * the same walk again with a buffer to write tcpdump's text: the two cannot
 * disagree.  The walk reads the header bytes as captured; ip6 (when set) gets
 * the fields JSON shows.
 */
enum ip6x_end {
	IP6X_UPPER,   /* an upper-layer header follows at upper_off */
	IP6X_DONE,    /* nothing more to decode: a later fragment, mobility, capture's end */
	IP6X_TRUNC,   /* a header was cut by the capture or overran its length */
	IP6X_INVALID, /* fields inconsistent: see reason */
};

struct ip6x {
	/* in */
	const uint8_t *ip; /* the IPv6 fixed header */
	size_t cap;	   /* bytes captured from ip */
	size_t wire;	   /* bytes on the wire from ip */
	struct pbuf *b;	   /* NULL: decide only, print nothing */
	unsigned verbosity;
	struct pkt_ipv6 *ip6; /* NULL: fill nothing */
	/* out */
	uint8_t end;	   /* enum ip6x_end */
	uint8_t reason;	   /* enum pkt_reason, for IP6X_TRUNC and IP6X_INVALID */
	uint8_t upper;	   /* IP6X_UPPER: the protocol */
	bool fragmented;   /* a fragment header came first: upper lengths exceed the payload */
	bool jumbo;	   /* a valid jumbo payload option sets the length */
	size_t upper_off;  /* from ip */
	uint32_t upper_len; /* the upper layer's length as tcpdump counts it */
};

void ip6x_walk(struct ip6x *w);

/* The mobility header (RFC 6275 6.1) at p, cap bytes captured; "mobility: ..." to b. */
void ip6_mobility_print(struct pbuf *b, const uint8_t *p, size_t cap, unsigned verbosity);

#endif /* SOCKEYE_PROTO_IP6_EXT_H */
