/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_bgp.h: what the BGP printer's files share: the reader over a
 * segment's bytes, AS numbers as -b prints them, and the address family
 * tables.  proto_bgp.c frames the messages (OPEN, NOTIFICATION, KEEPALIVE,
 * ROUTE-REFRESH), proto_bgp_cap.c prints an OPEN's capabilities,
 * proto_bgp_attr.c an UPDATE's path attributes and proto_bgp_nlri.c the
 * prefixes of each address family; proto_bgp_read.c has the reader and
 * tables all of them use.
 */
#ifndef SOCKEYE_PROTO_BGP_H
#define SOCKEYE_PROTO_BGP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/proto_msg.h"

#define BGP_HDR_LEN 19 /* marker, length, type */

/* RFC 4760 address family (IANA) and subsequent address family numbers tcpdump knows. */
enum {
	BGP_AFI_IPV4 = 1,
	BGP_AFI_IPV6 = 2,
	BGP_AFI_NSAP = 3,
	BGP_AFI_VPLS = 25,
	BGP_AFI_L2VPN = 196, /* tcpdump's draft value */
};

enum {
	BGP_SAFI_UNICAST = 1,
	BGP_SAFI_MULTICAST = 2,
	BGP_SAFI_UNIMULTICAST = 3,
	BGP_SAFI_LABUNICAST = 4,
	BGP_SAFI_MULTICAST_VPN = 5,
	BGP_SAFI_VPLS = 65,
	BGP_SAFI_MDT = 66,
	BGP_SAFI_VPNUNICAST = 128,
	BGP_SAFI_VPNMULTICAST = 129,
	BGP_SAFI_VPNUNIMULTICAST = 130,
	BGP_SAFI_RT_ROUTING_INFO = 132,
};

/*
 * The printer's state over one TCP segment's payload.  Offsets are from the
 * payload's first byte: a length field that points past its message makes
 * tcpdump read the next message's bytes, and so does this reader.  A read
 * past the capture is tcpdump's longjmp out of the whole packet: the text
 * written since that read is dropped and " [|bgp]" ends the line (bgp_end).
 */
struct bgp_pr {
	struct pbuf *b;
	struct msg g;
	unsigned verbosity;
	bool asdot; /* -b: 4-byte AS numbers as high.low */
	bool cut;   /* a read went past the capture */
	char *cut_p;
	size_t cut_n;
};

/* Whether n bytes at off were captured; the first time not, the packet is cut there. */
bool bgp_has(struct bgp_pr *r, size_t off, size_t n);

/* Reads that cut the packet (and give 0) past the capture. */
static inline uint8_t bgp_u8(struct bgp_pr *r, size_t off)
{
	return bgp_has(r, off, 1) ? msg_u8(&r->g, off) : 0;
}

static inline uint16_t bgp_u16(struct bgp_pr *r, size_t off)
{
	return bgp_has(r, off, 2) ? msg_u16(&r->g, off) : 0;
}

static inline uint32_t bgp_u24(struct bgp_pr *r, size_t off)
{
	return bgp_has(r, off, 3) ? msg_u24(&r->g, off) : 0;
}

static inline uint32_t bgp_u32(struct bgp_pr *r, size_t off)
{
	return bgp_has(r, off, 4) ? msg_u32(&r->g, off) : 0;
}

/* The captured bytes at off (bgp_has first). */
static inline const uint8_t *bgp_ptr(const struct bgp_pr *r, size_t off)
{
	return r->g.p + off;
}

/* Whether off lies within the capture (tcpdump's ND_TTEST_LEN(p, 0)). */
static inline bool bgp_within(const struct bgp_pr *r, size_t off)
{
	return off <= r->g.cap;
}

/*
 * Text composed in several steps, as tcpdump composes it in a buffer before
 * printing it: bgp_mark where it starts; bgp_staged when done moves a cut
 * that happened meanwhile back to the mark (none of it shows), and
 * bgp_rollback drops it (tcpdump gave up and printed none of its buffer).
 */
struct bgp_mark {
	char *p;
	size_t n;
	bool cut;
};

static inline struct bgp_mark bgp_mark(const struct bgp_pr *r)
{
	return (struct bgp_mark){ r->b->p, r->b->n, r->cut };
}

static inline void bgp_staged(struct bgp_pr *r, struct bgp_mark m)
{
	if (r->cut && !m.cut) {
		r->cut_p = m.p;
		r->cut_n = m.n;
	}
}

static inline void bgp_rollback(struct bgp_pr *r, struct bgp_mark m)
{
	r->b->p = m.p;
	r->b->n = m.n;
}

/*
 * tcpdump composes an NLRI's text in a buffer of MAXHOSTNAMELEN + 100 bytes
 * (164 on Linux): what was written since m is cut to the 163 characters
 * that fit.
 */
#define BGP_NLRI_TEXT_MAX 163
void bgp_clip(struct bgp_pr *r, struct bgp_mark m);

/* as_printf: an AS number, as high.low with -b when it needs more than 16 bits. */
void bgp_as(struct bgp_pr *r, uint32_t as);
/* The IPv4 or IPv6 address at off; false (nothing printed) when cut. */
bool bgp_ip4(struct bgp_pr *r, size_t off);
bool bgp_ip6(struct bgp_pr *r, size_t off);
/* print_unknown_data: the captured part of n bytes at off as hex lines. */
void bgp_unknown(struct bgp_pr *r, size_t off, size_t n, const char *ident);
/* hex_print: n bytes at off as hex lines, cutting the packet where the capture ends. */
void bgp_hex(struct bgp_pr *r, size_t off, size_t n, const char *ident);
/* nd_print_trunc and nd_print_invalid: " [|bgp]", " (invalid)". */
void bgp_trunc(struct bgp_pr *r);
void bgp_invalid(struct bgp_pr *r);

extern const struct msg_tok bgp_afi_names[];
extern const struct msg_tok bgp_safi_names[];

/* An RFC 4364 route distinguisher at off (8 bytes); false when cut. */
bool bgp_rd(struct bgp_pr *r, size_t off);

/* The capabilities of an OPEN's optional parameter: len bytes at off. */
void bgp_caps_print(struct bgp_pr *r, size_t off, size_t len);

/* tcpdump's bgp_attr_values */
extern const struct msg_tok bgp_attr_names[];
/* ", Flags [OT+1]" as tcpdump writes an attribute's flags (nothing for none). */
void bgp_attr_flags_put(struct pbuf *b, uint8_t flags);
/* One path attribute's value; false: tcpdump's trunc (the UPDATE ends with " [|bgp]"). */
bool bgp_attr_print(struct bgp_pr *r, uint8_t type, size_t off, size_t len, unsigned level);

/*
 * tcpdump's check_add_path: whether len bytes of prefixes at off read better
 * with a 4-byte path id before each (RFC 7911), max_plen being 32 or 128.
 */
bool bgp_check_add_path(struct bgp_pr *r, size_t off, size_t len, unsigned max_plen);
/*
 * decode_prefix4: an IPv4 prefix at off of at most len bytes as indent and "a.b.c.d/n";
 * its size, -1 for a bad prefix length, -2 when len ends inside it.
 */
int bgp_prefix4(struct bgp_pr *r, size_t off, size_t len, const char *indent);
/*
 * The "AFI ..., SAFI ..." line of MP_REACH/UNREACH at off: 0 when tcpdump
 * decodes the pair, -1 when it does not (after its hex), -2 when cut.
 */
int bgp_mp_af(struct bgp_pr *r, size_t off, size_t len, uint16_t *afi, uint8_t *safi);
/* One NLRI of afi/safi at off: its size, or below 0 (-2: cut, tcpdump's trunc). */
int bgp_nlri_print(struct bgp_pr *r, uint16_t afi, uint8_t safi, size_t off, size_t len,
		   bool add_path4, bool add_path6);
/* MP_REACH's next hops for afi/safi: nhlen bytes at off; false when tcpdump stops the attribute. */
bool bgp_nexthop_print(struct bgp_pr *r, uint16_t afi, uint8_t safi, size_t off, size_t nhlen);

/* proto_bgp_ext.c: the EXTENDED_COMMUNITIES attribute's len bytes at off; false when cut. */
bool bgp_ext_communities(struct bgp_pr *r, size_t off, size_t len);

#endif /* SOCKEYE_PROTO_BGP_H */
