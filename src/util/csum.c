/* SPDX-License-Identifier: GPL-2.0-or-later */
/* csum.c: the pseudo-header sums; the sum and the fold are inline in csum.h. */
#include "config.h"

#include "util/csum.h"

uint32_t csum_pseudo4(const uint8_t src[4], const uint8_t dst[4], uint8_t proto, uint16_t len)
{
	uint32_t sum = csum_add(0, src, 4);

	sum = csum_add(sum, dst, 4);
	return csum_fold_once((uint64_t)sum + proto + len);
}

uint32_t csum_pseudo6(const uint8_t src[16], const uint8_t dst[16], uint8_t next_header,
		      uint32_t len)
{
	uint32_t sum = csum_add(0, src, 16);

	sum = csum_add(sum, dst, 16);
	return csum_fold_once((uint64_t)sum + (len >> 16) + (len & 0xffff) + next_header);
}
