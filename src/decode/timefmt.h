/* SPDX-License-Identifier: GPL-2.0-or-later */
/* timefmt.h: tcpdump's timestamp styles (-t ... -ttttt), formatted without a libc call per packet. */
#ifndef SOCKEYE_TIMEFMT_H
#define SOCKEYE_TIMEFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum timefmt_style {
	TIMEFMT_LOCAL,		/* default: 12:34:56.123456, local time */
	TIMEFMT_NONE,		/* -t */
	TIMEFMT_EPOCH,		/* -tt: 1700000000.123456 */
	TIMEFMT_DELTA_PREV,	/* -ttt: since the previous packet, " 00:00:00.000123" (a sign first) */
	TIMEFMT_DATE,		/* -tttt: 2026-11-22 12:34:56.123456, local time */
	TIMEFMT_DELTA_FIRST,	/* -ttttt: since the first packet */
};

struct timefmt {
	enum timefmt_style style;
	bool nano;		/* 9 fraction digits instead of 6 */
	bool utc;		/* UTC instead of local time (tests, -tttt --utc) */
	uint64_t first_ns, prev_ns;
	bool seen;
	/* Local time of the start of the cached quarter hour. */
	time_t cache_start;
	struct tm cache_tm;
	bool cache_ok;
};

void timefmt_init(struct timefmt *t, enum timefmt_style style, bool nano, bool utc);
/*
 * Writes ts_ns in the style into buf (at least 40 bytes) and returns its
 * length; 0 for TIMEFMT_NONE.  Deltas use and update the packet history.
 */
size_t timefmt_format(struct timefmt *t, uint64_t ts_ns, char *buf);
/*
 * The same for a capture file's record whose fraction field is out of range
 * (odd_ns of it is in ts_ns, see savefile_pkt.ts_odd_ns; 0: none): tcpdump
 * prints the seconds, then the field as it is (".808464432"), where the
 * deltas use the sum.
 */
size_t timefmt_format_odd(struct timefmt *t, uint64_t ts_ns, uint64_t odd_ns, char *buf);

#endif
