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

bool softirq_sample_delta(const struct softirq_sample *prev, const struct softirq_sample *cur,
			  unsigned cpu, unsigned vec, struct softirq_delta *d)
{
	const struct softirq_cpu *p, *c;
	uint64_t interval, busy = 0;

	if (!prev || !cur || cpu >= prev->ncpus || cpu >= cur->ncpus || vec >= SOFTIRQ_NR ||
	    cur->mono_ns <= prev->mono_ns)
		return false;
	p = &prev->cpus[cpu];
	c = &cur->cpus[cpu];
	/* Busy time in every vector: the shares divide by it when it exceeds the interval. */
	for (unsigned v = 0; v < SOFTIRQ_NR; v++) {
		if (c->time_ns[v] < p->time_ns[v] || c->count[v] < p->count[v])
			return false;
		busy += c->time_ns[v] - p->time_ns[v];
	}
	interval = cur->mono_ns - prev->mono_ns;
	d->time_ns = c->time_ns[vec] - p->time_ns[vec];
	d->count = c->count[vec] - p->count[vec];
	d->busy_pct = 100.0 * (double)d->time_ns / (double)(busy > interval ? busy : interval);
	return true;
}

void softirq_sample_free(struct softirq_sample *s)
{
	free(s->cpus);
	s->cpus = NULL;
	s->ncpus = 0;
}
