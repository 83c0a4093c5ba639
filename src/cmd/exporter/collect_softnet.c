/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_softnet.c: the softnet and softirqs collectors: per-CPU backlog and softirq counts. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/exporter/collector.h"
#include "kstat/kstat.h"

static int read_proc(const char *path, char **text, size_t *len, char *why, size_t wlen)
{
	int err = kstat_read_file(path, text, len);

	if (err)
		snprintf(why, wlen, "%s: %s", path, strerror(-err));
	return err;
}

static void cpu_counter(struct prom *p, const char *name, const char *help,
			const struct softnet_snap *s, size_t off, size_t has_off)
{
	char cpu[16];
	const char *l[2] = { "cpu", cpu };

	prom_family(p, name, PROM_COUNTER, help);
	for (unsigned i = 0; i < s->ncpus; i++) {
		const char *c = (const char *)&s->cpus[i];

		if (has_off && !*(const bool *)(c + has_off))
			continue;
		snprintf(cpu, sizeof(cpu), "%u", s->cpus[i].cpu);
		prom_sample_u64(p, NULL, l, 1, *(const uint64_t *)(c + off));
	}
}

#define SN(f) offsetof(struct softnet_cpu, f)

static int softnet_collect(void *state, const struct collect_ctx *ctx, struct prom *p,
			   char *why, size_t len)
{
	struct softnet_snap s = { 0 };
	size_t tlen;
	char *text;
	int err;

	err = read_proc("/proc/net/softnet_stat", &text, &tlen, why, len);
	if (err)
		return err;
	err = softnet_parse(text, tlen, &s);
	free(text);
	if (err) {
		snprintf(why, len, "/proc/net/softnet_stat: %s", strerror(-err));
		softnet_free(&s);
		return err;
	}
	/* The names of node_exporter's softnet collector, so PromQL joins them. */
	cpu_counter(p, "sockeye_softnet_processed", "Packets processed by the CPU's NET_RX softirq.",
		    &s, SN(processed), 0);
	cpu_counter(p, "sockeye_softnet_dropped",
		    "Packets dropped because the CPU's backlog queue was full (netdev_max_backlog).",
		    &s, SN(dropped), 0);
	cpu_counter(p, "sockeye_softnet_times_squeezed",
		    "NET_RX softirq runs that stopped with work left (budget or time used up).",
		    &s, SN(time_squeeze), 0);
	cpu_counter(p, "sockeye_softnet_received_rps",
		    "Times the CPU was woken by an inter-processor interrupt to process RPS packets.",
		    &s, SN(received_rps), SN(has_rps));
	cpu_counter(p, "sockeye_softnet_flow_limit_count",
		    "Packets dropped by the per-flow limit of the backlog (flow_limit).",
		    &s, SN(flow_limit_count), SN(has_flow_limit));
	{
		char cpu[16];
		const char *l[2] = { "cpu", cpu };

		prom_family(p, "sockeye_softnet_backlog_len", PROM_GAUGE,
			    "Packets waiting in the CPU's backlog queue when scraped.");
		for (unsigned i = 0; i < s.ncpus; i++) {
			if (!s.cpus[i].has_backlog)
				continue;
			snprintf(cpu, sizeof(cpu), "%u", s.cpus[i].cpu);
			prom_sample_u64(p, NULL, l, 1, s.cpus[i].backlog_len);
		}
	}
	softnet_free(&s);
	return 0;
}

const struct collector collector_softnet = {
	.name = "softnet",
	.summary = "per-CPU backlog counters (/proc/net/softnet_stat)",
	.collect = softnet_collect,
};

static int softirqs_collect(void *state, const struct collect_ctx *ctx, struct prom *p,
			    char *why, size_t len)
{
	struct softirqs_snap s = { 0 };
	char cpu[16];
	const char *l[4] = { "cpu", cpu, "vector", NULL };
	size_t tlen;
	char *text;
	int err;

	err = read_proc("/proc/softirqs", &text, &tlen, why, len);
	if (err)
		return err;
	err = softirqs_parse(text, tlen, &s);
	free(text);
	if (err) {
		snprintf(why, len, "/proc/softirqs: %s", strerror(-err));
		softirqs_free(&s);
		return err;
	}
	prom_family(p, "sockeye_softirqs", PROM_COUNTER,
		    "Network softirqs raised and run, per CPU and vector (/proc/softirqs).");
	for (unsigned i = 0; i < s.ncpus; i++) {
		snprintf(cpu, sizeof(cpu), "%u", s.cpus[i].cpu);
		l[3] = "NET_RX";
		prom_sample_u64(p, NULL, l, 2, s.cpus[i].net_rx);
		l[3] = "NET_TX";
		prom_sample_u64(p, NULL, l, 2, s.cpus[i].net_tx);
	}
	softirqs_free(&s);
	return 0;
}

const struct collector collector_softirqs = {
	.name = "softirqs",
	.summary = "NET_RX and NET_TX softirq counts per CPU (/proc/softirqs)",
	.collect = softirqs_collect,
};
