/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq_share.h: the share of CPU time in softirqs, from BPF time or from /proc/stat ticks. */
#ifndef SOCKEYE_CMD_TOP_SOFTIRQ_SHARE_H
#define SOCKEYE_CMD_TOP_SOFTIRQ_SHARE_H

#include <stdint.h>

#include "bpf/softirq.h"
#include "kstat/kstat.h"

/*
 * Where a share comes from.  /proc/stat charges a whole tick to the state the
 * CPU was in when it fired (without IRQ_TIME_ACCOUNTING), so short softirqs
 * are missed or over-counted; BPF times each run, so it wins when it is there.
 */
enum softirq_source {
	SOFTIRQ_SOURCE_NONE,		/* no share: no two readings of either */
	SOFTIRQ_SOURCE_BPF,		/* softirq_entry/exit times, every vector */
	SOFTIRQ_SOURCE_PROC_STAT,	/* the softirq column of /proc/stat */
};

/* "bpf", "proc_stat" (the JSON values), or NULL for none. */
const char *softirq_source_name(enum softirq_source s);

/*
 * Two readings of the BPF softirq time.  cur NULL: no BPF time, the shares
 * are /proc/stat's.  With cur the shares are BPF's or none (prev NULL, the
 * first reading): one table never mixes the two.
 */
struct softirq_times {
	const struct softirq_sample *prev, *cur;
};

/*
 * cpu's share between two samples: BPF's when bpf has the time (*time_ns
 * then the CPU's softirq time), else /proc/stat's (prev NULL: none).
 */
enum softirq_source softirq_share_cpu(const struct kstat_sample *prev,
				      const struct kstat_sample *cur,
				      const struct softirq_times *bpf, unsigned cpu, double *pct,
				      uint64_t *time_ns);
/*
 * Every CPU's share, their mean: BPF's when bpf has the time (none unless it
 * has every CPU /proc/stat lists, those online), else /proc/stat's "cpu" line.
 */
enum softirq_source softirq_share_all(const struct kstat_sample *prev,
				      const struct kstat_sample *cur,
				      const struct softirq_times *bpf, double *pct);

#endif
