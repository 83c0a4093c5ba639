/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_inject.h: inject's statistics: sent, failed, skipped and why, achieved rates. */
#ifndef SOCKEYE_VIEW_INJECT_H
#define SOCKEYE_VIEW_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "out/fmt.h"

extern const struct fmt_view view_inject;

/* One statistics record: counts since the start, rates over rate_ns. */
struct view_inject_row {
	const char *iface;		/* the device, or the -w file / "-" for --dump */
	uint64_t sent, bytes, failed;
	uint64_t skipped_mtu, skipped_linktype, filtered, truncated;
	uint64_t skipped_empty;		/* file records with nothing captured */
	uint64_t written;		/* records written to the -w file */
	uint64_t read;			/* records in the replayed file */
	uint64_t backoffs;
	uint64_t elapsed_ns;		/* since the start */
	uint64_t rate_packets;		/* packets and bytes sent within rate_ns */
	uint64_t rate_bytes;
	uint64_t rate_ns;
	unsigned workers;
	int tpacket_version;		/* 0: nothing was sent (--dump, -w) */
};

/* A "stats" document ("when": "exit" or "interval") holding the one-row table. */
void view_inject_emit(struct fmt *f, const struct view_inject_row *r, bool final);

#endif
