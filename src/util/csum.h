/* SPDX-License-Identifier: GPL-2.0-or-later */
/* csum.h: the Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers of TCP, UDP, ICMPv6. */
#ifndef SOCKEYE_CSUM_H
#define SOCKEYE_CSUM_H

#include <stddef.h>
#include <stdint.h>

/* Folds the carries back in: the sum stays below 2^17, so the caller may keep adding. */
static inline uint32_t csum_fold_once(uint64_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint32_t)sum;
}

/*
 * Adds len bytes to a running one's complement sum as big-endian 16-bit words;
 * an odd last byte counts as the high byte of a word, so only the last piece of
 * a checksummed region may have an odd length.  Inline: every IPv4 header that
 * sniff decodes is summed, and a call per packet showed in its profile.
 */
static inline uint32_t csum_add(uint32_t sum, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint64_t s = sum;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += (uint32_t)p[i] << 8 | p[i + 1];
	if (i < len)
		s += (uint32_t)p[i] << 8;
	return csum_fold_once(s);
}

/* The checksum field's value for a sum (folded, complemented), in host order. */
static inline uint16_t csum_fold(uint32_t sum)
{
	return (uint16_t)~csum_fold_once(sum);
}
/* The pseudo-header sums (RFC 768, RFC 793; RFC 8200 section 8.1). */
uint32_t csum_pseudo4(const uint8_t src[4], const uint8_t dst[4], uint8_t proto, uint16_t len);
uint32_t csum_pseudo6(const uint8_t src[16], const uint8_t dst[16], uint8_t next_header,
		      uint32_t len);

#endif
