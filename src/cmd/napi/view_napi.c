/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_napi.c: column schemas for the NAPI panels, filled from two collector samples. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/napi/view_napi.h"
#include "out/view_fold.h"

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL

enum {
	NA_IFACE, NA_NAPI_ID, NA_CPU, NA_POLLS_RATE, NA_PKTS_RATE, NA_PER_POLL, NA_FULL_PCT,
	NA_H_IDLE, NA_H_25, NA_H_50, NA_H_75, NA_H_LT100, NA_H_FULL,
	NA_IFINDEX, NA_NETNS, NA_BACKLOG, NA_POLLS, NA_PKTS, NA_BUDGET,
};
static const struct fmt_col napi_cols[] = {
	/* The backlog (no device) is "backlog": its NAPI_ID is 0, as some devices' are. */
	[NA_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[NA_NAPI_ID] = { "napi_id", "NAPI_ID", FMT_U64, R, 0, 0 },
	[NA_CPU] = { "cpu", "CPU", FMT_U64, R, 0, 3 },
	[NA_POLLS_RATE] = { "polls_per_s", "POLLS/s", FMT_RATE, R, 0, 0 },
	[NA_PKTS_RATE] = { "pps", "PKTS/s", FMT_RATE, R, 0, 0 },
	[NA_PER_POLL] = { "packets_per_poll", "PKTS/POLL", FMT_DOUBLE, R, 0, 0 },
	[NA_FULL_PCT] = { "budget_full_pct", "FULL", FMT_PERCENT, R, 0, 0 },
	[NA_H_IDLE] = { "polls_idle", "W=0", FMT_U64, R, 0, 0 },
	[NA_H_25] = { "polls_le_25pct", "W<=25%", FMT_U64, R, 0, 0 },
	[NA_H_50] = { "polls_le_50pct", "W<=50%", FMT_U64, R, 0, 0 },
	[NA_H_75] = { "polls_le_75pct", "W<=75%", FMT_U64, R, 0, 0 },
	[NA_H_LT100] = { "polls_lt_100pct", "W<100%", FMT_U64, R, 0, 0 },
	[NA_H_FULL] = { "polls_full", "W=BUDGET", FMT_U64, R, 0, 0 },
	[NA_IFINDEX] = { "ifindex", "IDX", FMT_U64, R, D, 0 },
	[NA_NETNS] = { "netns_ino", "NETNS", FMT_U64, R, D, 0 },
	[NA_BACKLOG] = { "backlog", "BACKLOG", FMT_BOOL, L, D, 0 },
	[NA_POLLS] = { "polls", "POLLS", FMT_U64, R, D, 0 },
	[NA_PKTS] = { "packets", "PKTS", FMT_U64, R, D, 0 },
	[NA_BUDGET] = { "budget", "BUDGET", FMT_U64, R, D, 0 },
};
const struct fmt_view view_napi = {
	.name = "napi",
	.title = "NAPI polls per instance and CPU",
	.cols = napi_cols,
	.ncols = sizeof(napi_cols) / sizeof(napi_cols[0]),
};

enum {
	NC_CPU, NC_POLLS_RATE, NC_PKTS_RATE, NC_NET_RX_RATE, NC_NET_RX_PCT, NC_NET_RX_AVG,
	NC_POLLS, NC_PKTS, NC_NET_RX, NC_NET_RX_NS,
};
static const struct fmt_col cpus_cols[] = {
	[NC_CPU] = { "cpu", "CPU", FMT_U64, R, 0, 3 },
	[NC_POLLS_RATE] = { "polls_per_s", "POLLS/s", FMT_RATE, R, 0, 0 },
	[NC_PKTS_RATE] = { "pps", "PKTS/s", FMT_RATE, R, 0, 0 },
	[NC_NET_RX_RATE] = { "net_rx_per_s", "NET_RX/s", FMT_RATE, R, 0, 0 },
	[NC_NET_RX_PCT] = { "net_rx_time_pct", "NET_RX_TIME", FMT_PERCENT, R, 0, 0 },
	[NC_NET_RX_AVG] = { "net_rx_avg_ns", "AVG_NET_RX", FMT_DURATION, R, 0, 0 },
	[NC_POLLS] = { "polls", "POLLS", FMT_U64, R, D, 0 },
	[NC_PKTS] = { "packets", "PKTS", FMT_U64, R, D, 0 },
	[NC_NET_RX] = { "net_rx", "NET_RX", FMT_U64, R, D, 0 },
	[NC_NET_RX_NS] = { "net_rx_ns", "NET_RX_NS", FMT_DURATION, R, D, 0 },
};
const struct fmt_view view_napi_cpus = {
	.name = "napi_cpus",
	.title = "NAPI and NET_RX softirq per CPU",
	.cols = cpus_cols,
	.ncols = sizeof(cpus_cols) / sizeof(cpus_cols[0]),
};

static double interval_s(const struct napi_sample *prev, const struct napi_sample *cur)
{
	if (!prev || cur->mono_ns <= prev->mono_ns)
		return 0;
	return (double)(cur->mono_ns - prev->mono_ns) / 1e9;
}

/* now - before, or now when the counter restarted (a key recreated after the map filled). */
static uint64_t delta(uint64_t before, uint64_t now)
{
	return now >= before ? now - before : now;
}

/* The growth of one entry since prev: every counter of the value. */
static void entry_delta(const struct napi_sample *prev, const struct napi_entry *e,
			struct napi_val *d)
{
	const struct napi_entry *p = prev ? napi_sample_find(prev, &e->key) : NULL;

	*d = e->val;
	if (!p)
		return;
	d->polls = delta(p->val.polls, e->val.polls);
	d->packets = delta(p->val.packets, e->val.packets);
	d->budget_polls = delta(p->val.budget_polls, e->val.budget_polls);
	for (int i = 0; i < NAPI_HIST_NR; i++)
		d->hist[i] = delta(p->val.hist[i], e->val.hist[i]);
}

/* The counters of one entry (or the total of all) as a row; key the entry, NULL for the total. */
static void napi_row(struct fmt *f, const struct napi_entry *e, const struct napi_val *d,
		     double secs)
{
	fmt_row_begin(f);
	if (e) {
		if (napi_entry_is_backlog(e))
			fmt_str(f, NA_IFACE, NAPI_BACKLOG_NAME);
		else if (e->val.ifname[0])
			fmt_str(f, NA_IFACE, e->val.ifname);
		fmt_bool(f, NA_BACKLOG, napi_entry_is_backlog(e));
		fmt_u64(f, NA_NAPI_ID, e->key.napi_id);
		fmt_u64(f, NA_CPU, e->key.cpu);
	}
	if (secs > 0) {
		fmt_double(f, NA_POLLS_RATE, (double)d->polls / secs);
		fmt_double(f, NA_PKTS_RATE, (double)d->packets / secs);
	}
	if (d->polls)
		fmt_double(f, NA_PER_POLL, (double)d->packets / (double)d->polls);
	if (d->budget_polls)
		fmt_double(f, NA_FULL_PCT,
			   100.0 * (double)d->hist[NAPI_HIST_FULL] / (double)d->budget_polls);
	for (int h = 0; h < NAPI_HIST_NR; h++)
		fmt_u64(f, NA_H_IDLE + (size_t)h, d->hist[h]);
	if (e && e->key.ifindex)
		fmt_u64(f, NA_IFINDEX, e->key.ifindex);
	if (e && e->key.netns_ino)
		fmt_u64(f, NA_NETNS, e->key.netns_ino);
	fmt_u64(f, NA_POLLS, d->polls);
	fmt_u64(f, NA_PKTS, d->packets);
	if (e && e->val.budget)
		fmt_u64(f, NA_BUDGET, e->val.budget);
	fmt_row_end(f);
}

/* Under a folded table: the sum of every instance, its key columns unset. */
static void napi_total(struct fmt *f, const struct napi_sample *prev,
		       const struct napi_sample *cur, double secs)
{
	struct napi_val t = { 0 };

	for (size_t i = 0; i < cur->n; i++) {
		struct napi_val d;

		entry_delta(prev, &cur->entries[i], &d);
		t.polls += d.polls;
		t.packets += d.packets;
		t.budget_polls += d.budget_polls;
		for (int h = 0; h < NAPI_HIST_NR; h++)
			t.hist[h] += d.hist[h];
	}
	napi_row(f, NULL, &t, secs);
}

/*
 * Under a folded table: each CPU's packets (per second; since attach on a
 * first frame) over all its instances, CPU 0 to the highest polling.
 */
static void napi_heat(struct fmt *f, const struct napi_sample *prev,
		      const struct napi_sample *cur, double secs)
{
	size_t n = 0;
	double *v;
	unsigned *cpu;

	for (size_t i = 0; i < cur->n; i++)
		if (cur->entries[i].key.cpu >= n)
			n = (size_t)cur->entries[i].key.cpu + 1;
	v = calloc(n ? n : 1, sizeof(*v));
	cpu = calloc(n ? n : 1, sizeof(*cpu));
	for (size_t i = 0; v && cpu && i < n; i++)
		cpu[i] = (unsigned)i;
	for (size_t i = 0; v && cpu && i < cur->n; i++) {
		struct napi_val d;

		entry_delta(prev, &cur->entries[i], &d);
		v[cur->entries[i].key.cpu] += secs > 0 ? (double)d.packets / secs : (double)d.packets;
	}
	if (v && cpu)
		view_fold_heat(f, v, cpu, n, secs > 0 ? "PKTS/s" : "PKTS since attach",
			       &napi_cols[secs > 0 ? NA_PKTS_RATE : NA_PKTS]);
	free(v);
	free(cpu);
}

void view_napi_emit(struct fmt *f, const struct napi_sample *prev, const struct napi_sample *cur,
		    bool fold, unsigned groups)
{
	double secs = interval_s(prev, cur);
	static struct view_fold vf;

	/* 4 NICs of 64 queues and 128 CPUs' backlogs: the instances moving most packets. */
	view_fold_init(&vf, cur->n);
	if (!fold)
		view_fold_free(&vf);	/* without keys, every row shows */
	for (size_t i = 0; vf.key && i < vf.n; i++) {
		struct napi_val d;

		entry_delta(prev, &cur->entries[i], &d);
		vf.key[i] = d.packets;
	}
	view_fold_table_begin(f, &vf, &view_napi, "NAPI instances", groups);
	for (size_t k = 0; k < vf.shown; k++) {
		const struct napi_entry *e = &cur->entries[view_fold_row(&vf, k)];
		struct napi_val d;

		entry_delta(prev, e, &d);
		napi_row(f, e, &d, secs);
	}
	if (view_fold_is_folded(&vf)) {
		napi_total(f, prev, cur, secs);
		napi_heat(f, prev, cur, secs);
	}
	fmt_table_end(f);
	view_fold_free(&vf);
}

/* Polls and packets of one CPU over every instance, since prev. */
static void cpu_polls(const struct napi_sample *prev, const struct napi_sample *cur, unsigned cpu,
		      uint64_t *polls, uint64_t *packets)
{
	*polls = *packets = 0;
	for (size_t i = 0; i < cur->n; i++) {
		struct napi_val d;

		if (cur->entries[i].key.cpu != cpu)
			continue;
		entry_delta(prev, &cur->entries[i], &d);
		*polls += d.polls;
		*packets += d.packets;
	}
}

void view_napi_cpus_emit(struct fmt *f, const struct napi_sample *prev,
			 const struct napi_sample *cur, unsigned groups)
{
	double secs = interval_s(prev, cur);

	fmt_table_begin(f, &view_napi_cpus, groups);
	for (size_t i = 0; i < cur->ncpus; i++) {
		const struct napi_cpu *c = &cur->cpus[i];
		const struct napi_cpu *p = prev && i < prev->ncpus ? &prev->cpus[i] : NULL;
		uint64_t polls, packets;

		cpu_polls(prev, cur, c->cpu, &polls, &packets);
		fmt_row_begin(f);
		fmt_u64(f, NC_CPU, c->cpu);
		fmt_u64(f, NC_POLLS, polls);
		fmt_u64(f, NC_PKTS, packets);
		if (secs > 0) {
			fmt_double(f, NC_POLLS_RATE, (double)polls / secs);
			fmt_double(f, NC_PKTS_RATE, (double)packets / secs);
		}
		if (cur->has_softirq) {
			uint64_t n = p ? delta(p->softirq_count, c->softirq_count) : c->softirq_count;
			uint64_t ns = p ? delta(p->softirq_ns, c->softirq_ns) : c->softirq_ns;

			fmt_u64(f, NC_NET_RX, n);
			fmt_u64(f, NC_NET_RX_NS, ns);
			if (n)
				fmt_u64(f, NC_NET_RX_AVG, ns / n);
			if (secs > 0) {
				fmt_double(f, NC_NET_RX_RATE, (double)n / secs);
				fmt_double(f, NC_NET_RX_PCT, 100.0 * (double)ns / 1e9 / secs);
			}
		}
		fmt_row_end(f);
	}
	fmt_table_end(f);
}
