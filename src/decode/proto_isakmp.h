/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isakmp.h: what the ISAKMP/IKEv1 printer (proto_isakmp.c), the
 * IKEv2 payload printers (proto_isakmp_v2.c) and the helpers below both
 * (proto_isakmp_walk.c) share: the walk over one message, and tcpdump's
 * ways of showing bytes.
 */
#ifndef SOCKEYE_PROTO_ISAKMP_H
#define SOCKEYE_PROTO_ISAKMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

#define IKE_HDR_LEN   28
#define IKE_GEN_LEN   4 /* next payload, critical/reserved, length */
#define IKE_NP_V2E    46
#define IKE_NONE      ((size_t)-1) /* tcpdump's NULL: the walk stops */

/* One message being printed: offsets are from its first byte (the initiator cookie). */
struct ike_walk {
	struct pbuf *b;
	const struct msg *g;
	size_t ep;	    /* where the capture ends (tcpdump's snapend) */
	unsigned v;	    /* -v count */
	uint8_t flags;	    /* the header's flags */
	uint32_t phase;	    /* 1 when the message id is 0, else 2 */
};

/* The payload type's name ("sa", "v2ke" ...), or "#N". */
void ike_npstr(struct pbuf *b, unsigned np);
/* The bytes as hex; false (nothing printed) when not all captured. */
bool ike_raw(const struct ike_walk *w, size_t off, size_t len);
/* tcpdump's ike_show_somedata: " data=(" the first 10 and last 20 bytes up to the capture's end ")". */
bool ike_somedata(const struct ike_walk *w, size_t off);
/* An attribute (RFC 2408 3.3), named by map when given; the next offset, or IKE_NONE. */
struct ike_attrmap {
	const char *type;
	unsigned nvalue;
	const char *value[19];
};
size_t ike_attr(const struct ike_walk *w, size_t off, size_t end, const struct ike_attrmap *map,
		size_t nmap);
/*
 * A transform's attributes from off to end (its length), as far as captured;
 * "..." when the capture ends first; the next offset, or IKE_NONE.
 */
size_t ike_transform_attrs(const struct ike_walk *w, size_t off, size_t end,
			   const struct ike_attrmap *map, size_t nmap);
/* proto_isakmp.c: payload np at off through the shared table (v1 and v2 printers); the next offset, or IKE_NONE. */
size_t ike_payload(const struct ike_walk *w, unsigned np, size_t off, size_t item_len,
		   unsigned proto, int depth);
/* The chain of payloads from np at off, each on its own line at depth + 1 ("\n" and 4 spaces a level). */
size_t ike_chain(const struct ike_walk *w, unsigned np, size_t off, unsigned proto, int depth,
		 bool v2);

/* IKEv2 payloads (proto_isakmp_v2.c); each returns the next offset or IKE_NONE. */
size_t ikev2_payload(const struct ike_walk *w, unsigned np, size_t off, size_t item_len, int depth);
bool ikev2_has_printer(unsigned np);
/* The exchange type's name, or "#N". */
void ike_etypestr(struct pbuf *b, unsigned etype);

#endif /* SOCKEYE_PROTO_ISAKMP_H */
