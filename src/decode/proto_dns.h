/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dns.h: a DNS message's bytes as the printer and the JSON walk them, by offset. */
#ifndef SOCKEYE_PROTO_DNS_H
#define SOCKEYE_PROTO_DNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/pkt_meta.h"

/*
 * The captured part of one message.  Every read goes through the dns_*
 * helpers below, which check the offset against cap: offsets may run past
 * the end (a record length that points beyond the capture), reads there fail.
 */
struct dns_msg {
	const uint8_t *p; /* the message's first byte (the ID) */
	size_t cap;	  /* bytes of it captured */
};

/* An offset that failed: the walk stops there. */
#define DNS_FAIL SIZE_MAX

#define DNS_HDR_LEN  12
#define DNS_MAX_NAME 255 /* RFC 1035 2.3.4, MAXCDNAME */

enum {
	DNS_T_A = 1,
	DNS_T_NS = 2,
	DNS_T_CNAME = 5,
	DNS_T_SOA = 6,
	DNS_T_PTR = 12,
	DNS_T_MX = 15,
	DNS_T_TXT = 16,
	DNS_T_AAAA = 28,
	DNS_T_SRV = 33,
	DNS_T_A6 = 38,
	DNS_T_DNAME = 39,
	DNS_T_OPT = 41,
	DNS_T_UNSPECA = 104,
	DNS_T_TSIG = 250,
	DNS_T_URI = 256,
	DNS_C_IN = 1,
};

/* The message of a DNS layer, or false when no byte of it is at hand. */
bool dns_msg_of(struct dns_msg *d, const struct pkt_dns *dns, const uint8_t *data,
		uint32_t caplen);

static inline bool dns_has(const struct dns_msg *d, size_t off, size_t n)
{
	return off <= d->cap && n <= d->cap - off;
}

static inline uint16_t dns_u16(const struct dns_msg *d, size_t off)
{
	return (uint16_t)(d->p[off] << 8 | d->p[off + 1]);
}

static inline uint32_t dns_u32(const struct dns_msg *d, size_t off)
{
	return (uint32_t)d->p[off] << 24 | (uint32_t)d->p[off + 1] << 16 |
	       (uint32_t)d->p[off + 2] << 8 | d->p[off + 3];
}

/* ---- names (proto_dns_name.c) ---- */

/*
 * The offset just past the name at off, without following pointers, or
 * DNS_FAIL for a reserved label type or a name cut by the capture.
 */
size_t dns_name_skip(const struct dns_msg *d, size_t off);

/*
 * tcpdump's text of the name at off ("www.example.test.", "." for the
 * root), following compression pointers only backwards (so a loop cannot
 * form), marking what it cannot follow (<BAD PTR>, <ELT n>, <BAD LABEL
 * TYPE>).  Returns the offset past the name where it sits, or DNS_FAIL when
 * it could not be printed whole.
 */
size_t dns_name_print(struct pbuf *b, const struct dns_msg *d, size_t off);

/*
 * The name at off in presentation format (RFC 1035 5.1: "www.example.test.",
 * other bytes as \DDD) into buf, for JSON.  Returns the offset past the name
 * where it sits, or DNS_FAIL for a name that cannot be read whole.
 */
size_t dns_name_text(const struct dns_msg *d, size_t off, char *buf, size_t len);

#endif /* SOCKEYE_PROTO_DNS_H */
