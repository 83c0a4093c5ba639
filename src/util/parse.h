/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse.h: strict parsing of numbers, sizes and durations from the command line. */
#ifndef SOCKEYE_PARSE_H
#define SOCKEYE_PARSE_H

#include <stdint.h>

/*
 * All return 0, -EINVAL (not a number of that kind: empty, junk after it, a
 * sign where none fits) or -ERANGE (outside [min, max]).  *out is set only on 0.
 */
int parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out);
/* "64", "64K", "16M", "1G", "2k": 1024-based suffixes, optional "B"/"iB". */
int parse_size(const char *s, uint64_t min, uint64_t max, uint64_t *out);
/* "1", "0.5", "250ms", "2s", "100us", "1m": seconds unless a unit is given; in ns. */
int parse_duration_ns(const char *s, uint64_t min_ns, uint64_t max_ns, uint64_t *out);

#endif
