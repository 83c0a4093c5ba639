/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_napi.c: the napi collector: NAPI polls against budget per device and CPU, softirq time (BPF). */
#include "config.h"

#ifdef HAVE_BPF

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/loader.h"
#include "bpf/napi.h"
#include "cli/bpf_opts.h"
#include "cmd/exporter/collector.h"

struct napi_state {
	struct napi *n;
	struct napi_sample s;
};

/* One (device, cpu) row: a device's NAPI instances on one CPU summed (multi-queue NICs). */
struct napi_row {
	const char *device;
	unsigned cpu;
	uint64_t polls, packets, budget_polls, budget, hist[NAPI_HIST_NR];
};

static int napi_c_open(void **state, const struct collect_ctx *ctx, char *why, size_t len)
{
	struct napi_state *x;
	int err;

	x = calloc(1, sizeof(*x));
	if (!x) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	err = cmd_bpf_open_napi(&x->n, true, why, len);
	if (err) {
		free(x);
		return err;
	}
	*state = x;
	return 0;
}

static void napi_c_close(void *state)
{
	struct napi_state *x = state;

	napi_close(x->n);
	napi_sample_free(&x->s);
	free(x);
}

/* The rows of s's entries under ctx's device pattern; count, rows calloc'd in *out. */
static size_t napi_rows(const struct napi_sample *s, const struct collect_ctx *ctx,
			struct napi_row **out)
{
	struct napi_row *rows = calloc(s->n + 1, sizeof(*rows));
	size_t n = 0;

	*out = rows;
	if (!rows)
		return 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct napi_entry *e = &s->entries[i];
		const char *dev = napi_entry_is_backlog(e) ? "backlog" : e->val.ifname;
		size_t r;

		if (!collect_device_wanted(ctx, dev))
			continue;
		for (r = 0; r < n; r++)
			if (rows[r].cpu == e->key.cpu && !strcmp(rows[r].device, dev))
				break;
		if (r == n) {
			rows[n].device = dev;
			rows[n].cpu = e->key.cpu;
			n++;
		}
		rows[r].polls += e->val.polls;
		rows[r].packets += e->val.packets;
		rows[r].budget_polls += e->val.budget_polls;
		if (e->val.budget)
			rows[r].budget = e->val.budget;
		for (int b = 0; b < NAPI_HIST_NR; b++)
			rows[r].hist[b] += e->val.hist[b];
	}
	return n;
}

/* The work-per-poll histogram: each poll's packets as a share of its budget. */
static void emit_hist(struct prom *p, const struct napi_row *rows, size_t n)
{
	/* Bucket bounds of enum napi_hist_bucket; "less than all" and "all" share le 1. */
	static const char *const le[] = { "0", "0.25", "0.5", "0.75", "1" };
	char cpu[16];
	const char *l[6] = { "device", NULL, "cpu", cpu, "le", NULL };

	prom_family(p, "sockeye_napi_poll_budget_used_ratio", PROM_HISTOGRAM,
		    "NAPI polls by the share of their budget they used (1: all of it, the driver "
		    "had more); the sum assumes the last budget seen.");
	for (size_t r = 0; r < n; r++) {
		uint64_t cum = 0;

		l[1] = rows[r].device;
		snprintf(cpu, sizeof(cpu), "%u", rows[r].cpu);
		for (int b = 0; b < NAPI_HIST_NR; b++) {
			cum += rows[r].hist[b];
			if (b == NAPI_HIST_LT100)
				continue;
			l[5] = le[b < NAPI_HIST_LT100 ? b : 4];
			prom_sample_u64(p, "_bucket", l, 3, cum);
		}
		l[5] = "+Inf";
		prom_sample_u64(p, "_bucket", l, 3, cum);
		prom_sample(p, "_sum", l, 2,
			    rows[r].budget ? (double)rows[r].packets / rows[r].budget : 0);
		prom_sample_u64(p, "_count", l, 2, cum);
	}
}

static void emit_rows(struct prom *p, const struct napi_row *rows, size_t n)
{
	static const struct {
		const char *name, *help;
		size_t off;
	} c[] = {
		{ "sockeye_napi_polls", "NAPI polls, per device (backlog: the CPU's backlog) and CPU.",
		  offsetof(struct napi_row, polls) },
		{ "sockeye_napi_packets", "Packets the NAPI polls reported done.",
		  offsetof(struct napi_row, packets) },
		{ "sockeye_napi_budget_exhausted",
		  "NAPI polls that used their whole budget: the driver had more packets waiting.",
		  offsetof(struct napi_row, hist) + NAPI_HIST_FULL * sizeof(uint64_t) },
	};
	char cpu[16];
	const char *l[4] = { "device", NULL, "cpu", cpu };

	for (size_t k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		prom_family(p, c[k].name, PROM_COUNTER, c[k].help);
		for (size_t r = 0; r < n; r++) {
			l[1] = rows[r].device;
			snprintf(cpu, sizeof(cpu), "%u", rows[r].cpu);
			prom_sample_u64(p, NULL, l, 2,
					*(const uint64_t *)((const char *)&rows[r] + c[k].off));
		}
	}
	prom_family(p, "sockeye_napi_budget", PROM_GAUGE,
		    "The budget of the device's last NAPI poll on the CPU (packets).");
	for (size_t r = 0; r < n; r++) {
		l[1] = rows[r].device;
		snprintf(cpu, sizeof(cpu), "%u", rows[r].cpu);
		if (rows[r].budget)
			prom_sample_u64(p, NULL, l, 2, rows[r].budget);
	}
}

static void emit_softirq(struct prom *p, const struct napi_sample *s)
{
	char cpu[16];
	const char *l[4] = { "cpu", cpu, "vector", "NET_RX" };

	if (!s->has_softirq)
		return;
	prom_family(p, "sockeye_softirq_seconds", PROM_COUNTER,
		    "Time spent running the softirq vector on the CPU (BPF, irq:softirq_entry/exit).");
	for (size_t i = 0; i < s->ncpus; i++) {
		snprintf(cpu, sizeof(cpu), "%u", s->cpus[i].cpu);
		prom_sample(p, NULL, l, 2, (double)s->cpus[i].softirq_ns / 1e9);
	}
	prom_family(p, "sockeye_softirq_runs", PROM_COUNTER,
		    "Runs of the softirq vector on the CPU (BPF, irq:softirq_entry).");
	for (size_t i = 0; i < s->ncpus; i++) {
		snprintf(cpu, sizeof(cpu), "%u", s->cpus[i].cpu);
		prom_sample_u64(p, NULL, l, 2, s->cpus[i].softirq_count);
	}
}

static int napi_c_collect(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
			  size_t len)
{
	struct napi_state *x = state;
	struct napi_row *rows;
	size_t n;
	int err;

	err = napi_read(x->n, &x->s);
	if (err) {
		snprintf(why, len, "reading the NAPI counts: %s", strerror(-err));
		return err;
	}
	n = napi_rows(&x->s, ctx, &rows);
	if (!rows) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	emit_rows(p, rows, n);
	emit_hist(p, rows, n);
	emit_softirq(p, &x->s);
	free(rows);
	return 0;
}

const struct collector collector_napi = {
	.name = "napi",
	.summary = "NAPI polls, packets and budget use per device and CPU; softirq time (BPF)",
	.bpf = true,
	.open = napi_c_open,
	.collect = napi_c_collect,
	.close = napi_c_close,
};

#endif /* HAVE_BPF */
