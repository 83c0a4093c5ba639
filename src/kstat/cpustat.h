/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpustat.h: CPU time per state from /proc/stat, for the share of time spent in softirq. */
#ifndef SOCKEYE_CPUSTAT_H
#define SOCKEYE_CPUSTAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Times in USER_HZ ticks since boot; only their differences mean anything. */
struct cpustat_cpu {
	unsigned cpu;		/* the N of "cpuN"; unused for the all-CPUs line */
	uint64_t total;		/* every state (guest time is inside user already) */
	uint64_t idle;		/* idle and iowait */
	uint64_t irq;
	uint64_t softirq;
};

struct cpustat_snap {
	struct cpustat_cpu all;	/* the "cpu" line */
	struct cpustat_cpu *cpus;
	unsigned ncpus;
};

/*
 * Parses the text of /proc/stat: the "cpu" line (required) and the "cpuN"
 * lines; other lines are skipped.  0, -EBADMSG (a cpu line that is not at
 * least the 7 columns up to softirq, or no "cpu" line), -ENOMEM.  Call
 * cpustat_free whatever it returns.
 */
int cpustat_parse(const char *text, size_t len, struct cpustat_snap *s);
void cpustat_free(struct cpustat_snap *s);
const struct cpustat_cpu *cpustat_find(const struct cpustat_snap *s, unsigned cpu);
/*
 * The percentage of the time between two readings of one CPU (or of all)
 * spent serving softirqs; false when no time passed or a counter went back.
 */
bool cpustat_softirq_pct(const struct cpustat_cpu *prev, const struct cpustat_cpu *cur,
			 double *pct);

#endif
