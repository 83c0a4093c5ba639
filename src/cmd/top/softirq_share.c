/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq_share.c: the share of CPU time in softirqs, from BPF time or from /proc/stat ticks. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>

#include "cmd/top/softirq_share.h"

const char *softirq_source_name(enum softirq_source s)
{
	switch (s) {
	case SOFTIRQ_SOURCE_BPF:
		return "bpf";
	case SOFTIRQ_SOURCE_PROC_STAT:
		return "proc_stat";
	default:
		return NULL;
	}
}

/* The BPF time is there (if with one reading yet): the share is its or none, never a mix. */
static bool has_bpf(const struct softirq_times *bpf)
{
	return bpf && bpf->cur;
}

enum softirq_source softirq_share_cpu(const struct kstat_sample *prev,
				      const struct kstat_sample *cur,
				      const struct softirq_times *bpf, unsigned cpu, double *pct,
				      uint64_t *time_ns)
{
	const struct cpustat_cpu *tp, *tc;
	struct softirq_delta d;

	if (has_bpf(bpf)) {
		if (!softirq_sample_cpu_busy(bpf->prev, bpf->cur, cpu, &d))
			return SOFTIRQ_SOURCE_NONE;
		*pct = d.busy_pct;
		*time_ns = d.time_ns;
		return SOFTIRQ_SOURCE_BPF;
	}
	if (!prev || !(prev->parts & cur->parts & KSTAT_CPUSTAT))
		return SOFTIRQ_SOURCE_NONE;
	tc = cpustat_find(&cur->cpustat, cpu);
	tp = cpustat_find(&prev->cpustat, cpu);
	if (tc && tp && cpustat_softirq_pct(tp, tc, pct))
		return SOFTIRQ_SOURCE_PROC_STAT;
	return SOFTIRQ_SOURCE_NONE;
}

/* The mean of BPF's share over the CPUs /proc/stat lists; false when one is missing. */
static bool bpf_mean(const struct kstat_sample *cur, const struct softirq_times *bpf,
		     double *pct)
{
	double sum = 0;
	unsigned n = cur->cpustat.ncpus;

	if (!(cur->parts & KSTAT_CPUSTAT) || !n)
		return false;
	for (unsigned i = 0; i < n; i++) {
		struct softirq_delta d;

		if (!softirq_sample_cpu_busy(bpf->prev, bpf->cur, cur->cpustat.cpus[i].cpu, &d))
			return false;
		sum += d.busy_pct;
	}
	*pct = sum / n;
	return true;
}

enum softirq_source softirq_share_all(const struct kstat_sample *prev,
				      const struct kstat_sample *cur,
				      const struct softirq_times *bpf, double *pct)
{
	if (has_bpf(bpf))
		return bpf_mean(cur, bpf, pct) ? SOFTIRQ_SOURCE_BPF : SOFTIRQ_SOURCE_NONE;
	if (prev && (prev->parts & cur->parts & KSTAT_CPUSTAT) &&
	    cpustat_softirq_pct(&prev->cpustat.all, &cur->cpustat.all, pct))
		return SOFTIRQ_SOURCE_PROC_STAT;
	return SOFTIRQ_SOURCE_NONE;
}
