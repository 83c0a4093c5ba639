/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq_sample.c: softirq time between two readings: per CPU and vector, as time and share. */
#include "config.h"

#include <stdlib.h>

#include "bpf/softirq.h"

/* The kernel's softirq_to_name[], in vector order. */
static const char *const vec_names[SOFTIRQ_NR] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER",
	"RCU",
};

const char *softirq_vec_name(unsigned vec)
{
	return vec < SOFTIRQ_NR ? vec_names[vec] : "?";
}

/*
 * The time and runs of cpu between two readings, in every vector (all) and in
 * vec (or in all of them with vec SOFTIRQ_NR).  false as softirq_sample_delta.
 */
static bool cpu_delta(const struct softirq_sample *prev, const struct softirq_sample *cur,
		      unsigned cpu, unsigned vec, struct softirq_delta *d)
{
	const struct softirq_cpu *p, *c;
	uint64_t interval, busy = 0, runs = 0;

	if (!prev || !cur || cpu >= prev->ncpus || cpu >= cur->ncpus || vec > SOFTIRQ_NR ||
	    cur->mono_ns <= prev->mono_ns)
		return false;
	p = &prev->cpus[cpu];
	c = &cur->cpus[cpu];
	/* Busy time in every vector: the shares divide by it when it exceeds the interval. */
	for (unsigned v = 0; v < SOFTIRQ_NR; v++) {
		if (c->time_ns[v] < p->time_ns[v] || c->count[v] < p->count[v])
			return false;
		busy += c->time_ns[v] - p->time_ns[v];
		runs += c->count[v] - p->count[v];
	}
	interval = cur->mono_ns - prev->mono_ns;
	d->time_ns = vec == SOFTIRQ_NR ? busy : c->time_ns[vec] - p->time_ns[vec];
	d->count = vec == SOFTIRQ_NR ? runs : c->count[vec] - p->count[vec];
	d->busy_pct = 100.0 * (double)d->time_ns / (double)(busy > interval ? busy : interval);
	return true;
}

bool softirq_sample_delta(const struct softirq_sample *prev, const struct softirq_sample *cur,
			  unsigned cpu, unsigned vec, struct softirq_delta *d)
{
	return vec < SOFTIRQ_NR && cpu_delta(prev, cur, cpu, vec, d);
}

bool softirq_sample_cpu_busy(const struct softirq_sample *prev, const struct softirq_sample *cur,
			     unsigned cpu, struct softirq_delta *d)
{
	return cpu_delta(prev, cur, cpu, SOFTIRQ_NR, d);
}

void softirq_sample_free(struct softirq_sample *s)
{
	free(s->cpus);
	s->cpus = NULL;
	s->ncpus = 0;
}
