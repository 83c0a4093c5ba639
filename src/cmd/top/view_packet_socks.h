/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_socks.h: the packet sockets panel: captures on the host, their rings and owners. */
#ifndef SOCKEYE_VIEW_PACKET_SOCKS_H
#define SOCKEYE_VIEW_PACKET_SOCKS_H

#include "kstat/kstat.h"
#include "out/fmt.h"

extern const struct fmt_view view_packet_socks;

/*
 * One row per AF_PACKET socket of cur (its KSTAT_PACKET part; none without
 * it), interfaces named from cur's links, the drop rate from prev.
 */
void view_packet_socks_emit(struct fmt *f, const struct kstat_sample *prev,
			    const struct kstat_sample *cur, unsigned groups);

#endif
