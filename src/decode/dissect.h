/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dissect.h: decode one captured packet into a struct pkt_meta. */
#ifndef SOCKEYE_DISSECT_H
#define SOCKEYE_DISSECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pkt_meta.h"

/*
 * Decode data, caplen bytes captured of a wirelen-byte packet (data may be
 * NULL when caplen is 0), of link type linktype: a DLT_* value, or as found
 * in capture files LINKTYPE_RAW, LINKTYPE_IPV4 or LINKTYPE_IPV6.  A truncated
 * or invalid packet is not an error: m says where and why decoding stopped.
 * Returns 0, or -EPROTONOSUPPORT for a link type it does not know (m then
 * holds no layer).  No allocation, no system call: safe on the hot path.
 */
int dissect_packet(struct pkt_meta *m, int linktype, const uint8_t *data, size_t caplen,
		   size_t wirelen);

/* What dissect_packet_opts does beyond the plain decode. */
struct dissect_opts {
	/* Verify TCP, UDP, ICMP and ICMPv6 checksums: a pass over each payload (sniff -v). */
	bool csum_verify;
	uint8_t csum_hint; /* enum pkt_csum_hint: what a live capture's ring said */
	uint8_t packettype; /* sniff -T: packettype.h's index, 0 for decoding by port */
};

/* dissect_packet with options; o NULL is dissect_packet. */
int dissect_packet_opts(struct pkt_meta *m, int linktype, const uint8_t *data, size_t caplen,
			size_t wirelen, const struct dissect_opts *o);

#endif /* SOCKEYE_DISSECT_H */
