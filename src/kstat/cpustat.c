/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpustat.c: strict parser for the cpu lines of /proc/stat. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kstat/cpustat.h"
#include "util/scan.h"

/*
 * fs/proc/stat.c: "cpu  user nice system idle iowait irq softirq steal guest
 * guest_nice", then one "cpuN" line per online CPU, in USER_HZ ticks.  The
 * columns grew over time (steal 2.6.11, guest 2.6.24, guest_nice 2.6.33); the
 * first seven are as old as softirq accounting itself.  Guest time is already
 * in user and nice, so the total leaves it out.
 */
enum { ST_USER, ST_NICE, ST_SYSTEM, ST_IDLE, ST_IOWAIT, ST_IRQ, ST_SOFTIRQ, ST_STEAL, ST_NKEPT };
#define ST_MIN 7
#define ST_MAX 10

static const char *skip_spaces(const char *p, const char *eol)
{
	while (p < eol && *p == ' ')
		p++;
	return p;
}

/* The columns after "cpu" or "cpuN" into c. */
static int parse_times(const char *p, const char *eol, struct cpustat_cpu *c)
{
	uint64_t v[ST_NKEPT] = { 0 };
	unsigned n = 0;
	uint64_t x;

	for (p = skip_spaces(p, eol); p < eol; p = skip_spaces(p, eol)) {
		/* fs/proc/stat.c separates with spaces only. */
		if (n == ST_MAX || !(p = scan_dec(p, eol, UINT64_MAX, " ", &x)))
			return -EBADMSG;
		if (n < ST_NKEPT)
			v[n] = x;
		n++;
	}
	if (n < ST_MIN)
		return -EBADMSG;
	c->total = 0;
	for (unsigned i = 0; i < ST_NKEPT; i++) {
		if (c->total > UINT64_MAX - v[i])
			return -EBADMSG;
		c->total += v[i];
	}
	c->idle = v[ST_IDLE] + v[ST_IOWAIT];
	c->irq = v[ST_IRQ];
	c->softirq = v[ST_SOFTIRQ];
	return 0;
}

static int add_cpu(struct cpustat_snap *s, unsigned *cap, const struct cpustat_cpu *c)
{
	if (s->ncpus == *cap) {
		unsigned ncap = *cap ? *cap * 2 : 8;
		struct cpustat_cpu *p = reallocarray(s->cpus, ncap, sizeof(*p));

		if (!p)
			return -ENOMEM;
		s->cpus = p;
		*cap = ncap;
	}
	s->cpus[s->ncpus++] = *c;
	return 0;
}

int cpustat_parse(const char *text, size_t len, struct cpustat_snap *s)
{
	const char *p = text, *end = text + len, *line, *eol;
	bool has_all = false;
	unsigned cap = 0;
	int err = 0;

	memset(s, 0, sizeof(*s));
	while (scan_next_line(&p, end, &line, &eol)) {
		struct cpustat_cpu c = { 0 };
		uint64_t cpu = 0;

		/* The kernel ends every line: none at the end is a cut read. */
		if (eol == end) {
			err = -EBADMSG;
			goto out;
		}
		if ((size_t)(eol - line) < 4 || memcmp(line, "cpu", 3))
			continue;
		line += 3;
		if (*line == ' ') {
			if (has_all) {
				err = -EBADMSG;
				goto out;
			}
			err = parse_times(line, eol, &s->all);
			has_all = true;
		} else {
			line = scan_dec(line, eol, UINT32_MAX, " ", &cpu);
			err = line ? parse_times(line, eol, &c) : -EBADMSG;
			c.cpu = (unsigned)cpu;
			if (!err)
				err = add_cpu(s, &cap, &c);
		}
		if (err)
			goto out;
	}
	if (!has_all)
		err = -EBADMSG;
out:
	return err;
}

void cpustat_free(struct cpustat_snap *s)
{
	free(s->cpus);
	memset(s, 0, sizeof(*s));
}

const struct cpustat_cpu *cpustat_find(const struct cpustat_snap *s, unsigned cpu)
{
	for (unsigned i = 0; i < s->ncpus; i++)
		if (s->cpus[i].cpu == cpu)
			return &s->cpus[i];
	return NULL;
}

bool cpustat_softirq_pct(const struct cpustat_cpu *prev, const struct cpustat_cpu *cur,
			 double *pct)
{
	if (cur->total <= prev->total || cur->softirq < prev->softirq)
		return false;
	*pct = (double)(cur->softirq - prev->softirq) * 100.0 / (double)(cur->total - prev->total);
	if (*pct > 100)
		*pct = 100;
	return true;
}
