/* SPDX-License-Identifier: GPL-2.0-or-later */
/* csum.h: the Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers of TCP, UDP, ICMPv6. */
#ifndef SOCKEYE_CSUM_H
#define SOCKEYE_CSUM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Adds len bytes to a running one's complement sum as big-endian 16-bit words;
 * an odd last byte counts as the high byte of a word, so only the last piece of
 * a checksummed region may have an odd length.
 */
uint32_t csum_add(uint32_t sum, const void *buf, size_t len);
/* The checksum field's value for a sum (folded, complemented), in host order. */
uint16_t csum_fold(uint32_t sum);
/* The pseudo-header sums (RFC 768, RFC 793; RFC 8200 section 8.1). */
uint32_t csum_pseudo4(const uint8_t src[4], const uint8_t dst[4], uint8_t proto, uint16_t len);
uint32_t csum_pseudo6(const uint8_t src[16], const uint8_t dst[16], uint8_t next_header,
		      uint32_t len);

#endif
