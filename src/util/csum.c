/* SPDX-License-Identifier: GPL-2.0-or-later */
/* csum.c: RFC 1071 sums, kept unfolded in 32 bits until the end. */
#include "config.h"

#include "util/csum.h"

/* Folds the carries back in: the sum stays below 2^17, so the caller may keep adding. */
static uint32_t fold_once(uint64_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint32_t)sum;
}

uint32_t csum_add(uint32_t sum, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint64_t s = sum;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += (uint32_t)p[i] << 8 | p[i + 1];
	if (i < len)
		s += (uint32_t)p[i] << 8;
	return fold_once(s);
}

uint16_t csum_fold(uint32_t sum)
{
	return (uint16_t)~fold_once(sum);
}

uint32_t csum_pseudo4(const uint8_t src[4], const uint8_t dst[4], uint8_t proto, uint16_t len)
{
	uint32_t sum = csum_add(0, src, 4);

	sum = csum_add(sum, dst, 4);
	return fold_once((uint64_t)sum + proto + len);
}

uint32_t csum_pseudo6(const uint8_t src[16], const uint8_t dst[16], uint8_t next_header,
		      uint32_t len)
{
	uint32_t sum = csum_add(0, src, 16);

	sum = csum_add(sum, dst, 16);
	return fold_once((uint64_t)sum + (len >> 16) + (len & 0xffff) + next_header);
}
