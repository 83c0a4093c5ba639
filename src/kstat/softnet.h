/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softnet.h: per-CPU backlog counters from /proc/net/softnet_stat. */
#ifndef SOCKEYE_SOFTNET_H
#define SOCKEYE_SOFTNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Older kernels print fewer columns: received_rps and flow_limit_count
 * appeared in 3.x, backlog length and the CPU index in 5.10.  The has_ flags
 * say which ones this kernel printed.
 */
struct softnet_cpu {
	unsigned cpu;		/* the index column, or the row number before 5.10 */
	uint64_t processed;
	uint64_t dropped;
	uint64_t time_squeeze;
	uint64_t received_rps;
	uint64_t flow_limit_count;
	uint64_t backlog_len;
	bool has_rps;
	bool has_flow_limit;
	bool has_backlog;
};

struct softnet_snap {
	struct softnet_cpu *cpus;
	unsigned ncpus;
};

/* Parses the text of /proc/net/softnet_stat.  0, -EBADMSG (a row that is not hex columns), -ENOMEM. */
int softnet_parse(const char *text, size_t len, struct softnet_snap *s);
void softnet_free(struct softnet_snap *s);

#endif
