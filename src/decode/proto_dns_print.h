/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_dns_print.h: what the DNS printer's two files share: the message
 * being printed, and the record-level printers proto_dns_rdata.c lends
 * proto_dns.c (types, classes, TTLs, the OPT record, each type's data).
 */
#ifndef SOCKEYE_PROTO_DNS_PRINT_H
#define SOCKEYE_PROTO_DNS_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_dns.h"

struct dns_print {
	struct pbuf *b;
	const struct dns_msg *d;
	bool mdns;    /* class words carry the QU and cache-flush bits */
	unsigned v;   /* -v count */
};

/* A type by tcpdump's name ("A", "AAAA", ...), else "TypeN". */
void dns_print_type(struct pbuf *b, uint16_t type);
/* A class by name ("IN"), else "(Class N)" (mDNS's top bit is the caller's to strip). */
void dns_print_class(struct pbuf *b, uint16_t cls);
/* tcpdump's unsigned_relts_print: "1w2d1h2m5s", "0s". */
void dns_print_ttl(struct pbuf *b, uint32_t secs);
/* The OPT pseudo-record's data (RFC 6891 6.1.2): " UDPsize=1232 DO [NSID,...]". */
size_t dns_print_opt(struct dns_print *p, size_t off, size_t rp, uint16_t cls,
		     uint16_t flags);
/* The data of a record of type typ, all of it captured (off to rp); false: cut. */
bool dns_print_rdata(struct dns_print *p, uint16_t typ, size_t off, size_t len);

#endif
