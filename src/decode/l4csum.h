/* SPDX-License-Identifier: GPL-2.0-or-later */
/* l4csum.h: verify a transport checksum (TCP, UDP, ICMP, ICMPv6) when the caller asked. */
#ifndef SOCKEYE_L4CSUM_H
#define SOCKEYE_L4CSUM_H

#include <stddef.h>
#include <stdint.h>

#include "decode/pkt.h"
#include "decode/pkt_meta.h"

/*
 * When m asks for it, verify the checksum of the transport segment that
 * starts at seg and runs to the end of c's window (the IP payload, or the
 * UDP length), its checksum field at csum_off; ipproto selects the
 * pseudo-header (none for ICMP).  Sets the current level's csum and csum_good.
 */
void l4csum_verify(struct pkt_meta *m, const uint8_t *seg, const struct pkt_cursor *c,
		   uint8_t ipproto, size_t csum_off);
/*
 * The same for a checksum that covers only the first cov bytes of the
 * segment (DCCP's CsCov, RFC 4340 9.2; UDP-Lite's), the pseudo-header still
 * counting the whole length.
 */
void l4csum_verify_cov(struct pkt_meta *m, const uint8_t *seg, const struct pkt_cursor *c,
		       uint8_t ipproto, size_t csum_off, size_t cov);

#endif /* SOCKEYE_L4CSUM_H */
