/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_kstat.c: column schemas for the kernel-counter panels, filled from two kstat samples. */
#include "config.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/top/softirq_share.h"
#include "out/view_fold.h"
#include "cmd/top/view_kstat.h"

/* After net/if.h (via kstat.h): glibc then lets linux/if.h add only what it lacks. */
#include <linux/if.h>

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL


enum {
	SI_CPU, SI_NET_RX, SI_NET_TX, SI_NET_RX_RATE, SI_NET_TX_RATE, SI_SOFTIRQ_PCT,
	SI_SOFTIRQ_SOURCE, SI_SOFTIRQ_TIME, SI_NET_RX_BUSY, SI_NET_TX_BUSY, SI_NET_RX_TIME,
	SI_NET_TX_TIME,
};
static const struct fmt_col softirqs_cols[] = {
	[SI_CPU] = { "cpu", "CPU", FMT_U64, R, 0, 3 },
	[SI_NET_RX] = { "net_rx", "NET_RX", FMT_U64, R, D, 0 },
	[SI_NET_TX] = { "net_tx", "NET_TX", FMT_U64, R, D, 0 },
	[SI_NET_RX_RATE] = { "net_rx_per_s", "NET_RX/s", FMT_RATE, R, 0, 0 },
	[SI_NET_TX_RATE] = { "net_tx_per_s", "NET_TX/s", FMT_RATE, R, 0, 0 },
	/* Every vector: BPF's time when it has it, else /proc/stat's ticks; the title says which. */
	[SI_SOFTIRQ_PCT] = { "softirq_pct", "SOFTIRQ%", FMT_PERCENT, R, 0, 0 },
	[SI_SOFTIRQ_SOURCE] = { "softirq_source", "SOFTIRQ_SRC", FMT_STR, L, D, 0 },
	[SI_SOFTIRQ_TIME] = { "softirq_time_ns", "SOFTIRQ_TIME", FMT_DURATION, R, D, 0 },
	/* From BPF: the share of the CPU's time in each vector's handler. */
	[SI_NET_RX_BUSY] = { "net_rx_busy_pct", "RX_BUSY%", FMT_PERCENT, R, 0, 0 },
	[SI_NET_TX_BUSY] = { "net_tx_busy_pct", "TX_BUSY%", FMT_PERCENT, R, 0, 0 },
	[SI_NET_RX_TIME] = { "net_rx_time_ns", "RX_TIME", FMT_DURATION, R, D, 0 },
	[SI_NET_TX_TIME] = { "net_tx_time_ns", "TX_TIME", FMT_DURATION, R, D, 0 },
};
const struct fmt_view view_softirqs = {
	.name = "softirqs",
	.title = "softirqs (SOFTIRQ% from /proc/stat)",
	.cols = softirqs_cols,
	.ncols = sizeof(softirqs_cols) / sizeof(softirqs_cols[0]),
};
/* The same with BPF's time per CPU: SOFTIRQ% is BPF's too. */
static const struct fmt_view view_softirqs_bpf = {
	.name = "softirqs",
	.title = "softirqs (SOFTIRQ% from BPF)",
	.cols = softirqs_cols,
	.ncols = sizeof(softirqs_cols) / sizeof(softirqs_cols[0]),
};

enum {
	SN_CPU, SN_PROCESSED, SN_PROCESSED_RATE, SN_DROPPED, SN_DROPPED_RATE, SN_SQUEEZE,
	SN_SQUEEZE_RATE, SN_RPS, SN_RPS_RATE, SN_FLOW_LIMIT, SN_BACKLOG,
};
static const struct fmt_col softnet_cols[] = {
	[SN_CPU] = { "cpu", "CPU", FMT_U64, R, 0, 3 },
	[SN_PROCESSED] = { "processed", "PROCESSED", FMT_U64, R, D, 0 },
	[SN_PROCESSED_RATE] = { "processed_per_s", "PROCESSED/s", FMT_RATE, R, 0, 0 },
	[SN_DROPPED] = { "dropped", "DROPPED", FMT_U64, R, 0, 0 },
	[SN_DROPPED_RATE] = { "dropped_per_s", "DROPPED/s", FMT_RATE, R, 0, 0 },
	[SN_SQUEEZE] = { "time_squeeze", "SQUEEZED", FMT_U64, R, 0, 0 },
	[SN_SQUEEZE_RATE] = { "time_squeeze_per_s", "SQUEEZED/s", FMT_RATE, R, D, 0 },
	[SN_RPS] = { "received_rps", "RPS", FMT_U64, R, D, 0 },
	[SN_RPS_RATE] = { "received_rps_per_s", "RPS/s", FMT_RATE, R, 0, 0 },
	[SN_FLOW_LIMIT] = { "flow_limit_count", "FLOW_LIM", FMT_U64, R, 0, 0 },
	[SN_BACKLOG] = { "backlog_len", "BACKLOG", FMT_U64, R, 0, 0 },
};
const struct fmt_view view_softnet = {
	.name = "softnet",
	.title = "softnet",
	.cols = softnet_cols,
	.ncols = sizeof(softnet_cols) / sizeof(softnet_cols[0]),
};

enum {
	IF_INDEX, IF_NAME, IF_STATE, IF_MTU,
	IF_RX_PKTS, IF_RX_PPS, IF_RX_BYTES, IF_RX_BPS,
	IF_TX_PKTS, IF_TX_PPS, IF_TX_BYTES, IF_TX_BPS,
	IF_RX_ERR, IF_RX_DROP, IF_TX_ERR, IF_TX_DROP, IF_RX_MISSED, IF_RX_FIFO, IF_TX_FIFO,
	IF_RX_DROP_RATE, IF_RINGS, IF_QUEUES,
	IF_RX_RING, IF_RX_RING_MAX, IF_TX_RING, IF_TX_RING_MAX,
	IF_CH_RX, IF_CH_TX, IF_CH_OTHER, IF_CH_COMBINED,
	IF_CH_RX_MAX, IF_CH_TX_MAX, IF_CH_OTHER_MAX, IF_CH_COMBINED_MAX,
};
static const struct fmt_col interfaces_cols[] = {
	[IF_INDEX] = { "ifindex", "IDX", FMT_U64, R, D, 0 },
	[IF_NAME] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[IF_STATE] = { "state", "STATE", FMT_STR, L, 0, 0 },
	[IF_MTU] = { "mtu", "MTU", FMT_U64, R, D, 0 },
	[IF_RX_PKTS] = { "rx_packets", "RX_PKTS", FMT_U64, R, D, 0 },
	[IF_RX_PPS] = { "rx_pps", "RX_PPS", FMT_RATE, R, 0, 0 },
	[IF_RX_BYTES] = { "rx_bytes", "RX_BYTES", FMT_BYTES, R, D, 0 },
	[IF_RX_BPS] = { "rx_bps", "RX_BPS", FMT_RATE, R, 0, 0 },
	[IF_TX_PKTS] = { "tx_packets", "TX_PKTS", FMT_U64, R, D, 0 },
	[IF_TX_PPS] = { "tx_pps", "TX_PPS", FMT_RATE, R, 0, 0 },
	[IF_TX_BYTES] = { "tx_bytes", "TX_BYTES", FMT_BYTES, R, D, 0 },
	[IF_TX_BPS] = { "tx_bps", "TX_BPS", FMT_RATE, R, 0, 0 },
	[IF_RX_ERR] = { "rx_errors", "RX_ERR", FMT_U64, R, 0, 0 },
	[IF_RX_DROP] = { "rx_dropped", "RX_DROP", FMT_U64, R, 0, 0 },
	[IF_TX_ERR] = { "tx_errors", "TX_ERR", FMT_U64, R, 0, 0 },
	[IF_TX_DROP] = { "tx_dropped", "TX_DROP", FMT_U64, R, 0, 0 },
	[IF_RX_MISSED] = { "rx_missed", "MISSED", FMT_U64, R, 0, 0 },
	[IF_RX_FIFO] = { "rx_fifo", "RX_FIFO", FMT_U64, R, 0, 0 },
	[IF_TX_FIFO] = { "tx_fifo", "TX_FIFO", FMT_U64, R, D, 0 },
	[IF_RX_DROP_RATE] = { "rx_dropped_per_s", "RX_DROP/s", FMT_RATE, R, D, 0 },
	/* What `ethtool -g` and `-l` say, composed for people; JSON has the numbers below. */
	[IF_RINGS] = { "rings", "RINGS", FMT_STR, L, FMT_GROUP_TEXT, 0 },
	[IF_QUEUES] = { "queues", "QUEUES", FMT_STR, L, FMT_GROUP_TEXT, 0 },
	[IF_RX_RING] = { "rx_ring", "RX_RING", FMT_U64, R, D, 0 },
	[IF_RX_RING_MAX] = { "rx_ring_max", "RX_RING_MAX", FMT_U64, R, D, 0 },
	[IF_TX_RING] = { "tx_ring", "TX_RING", FMT_U64, R, D, 0 },
	[IF_TX_RING_MAX] = { "tx_ring_max", "TX_RING_MAX", FMT_U64, R, D, 0 },
	[IF_CH_RX] = { "rx_channels", "RX_CH", FMT_U64, R, D, 0 },
	[IF_CH_TX] = { "tx_channels", "TX_CH", FMT_U64, R, D, 0 },
	[IF_CH_OTHER] = { "other_channels", "OTHER_CH", FMT_U64, R, D, 0 },
	[IF_CH_COMBINED] = { "combined_channels", "COMBINED_CH", FMT_U64, R, D, 0 },
	[IF_CH_RX_MAX] = { "rx_channels_max", "RX_CH_MAX", FMT_U64, R, D, 0 },
	[IF_CH_TX_MAX] = { "tx_channels_max", "TX_CH_MAX", FMT_U64, R, D, 0 },
	[IF_CH_OTHER_MAX] = { "other_channels_max", "OTHER_CH_MAX", FMT_U64, R, D, 0 },
	[IF_CH_COMBINED_MAX] = { "combined_channels_max", "COMBINED_CH_MAX", FMT_U64, R, D, 0 },
};
const struct fmt_view view_interfaces = {
	.name = "interfaces",
	.title = "interfaces",
	.cols = interfaces_cols,
	.ncols = sizeof(interfaces_cols) / sizeof(interfaces_cols[0]),
};

/* Seconds between two samples, or 0 when there is no usable interval. */
static double interval_s(const struct kstat_sample *prev, const struct kstat_sample *cur)
{
	if (!prev || cur->mono_ns <= prev->mono_ns)
		return 0;
	return (double)(cur->mono_ns - prev->mono_ns) / 1e9;
}

/* A counter's rate; unset when there is no interval or the counter went backwards. */
static void emit_rate(struct fmt *f, size_t col, uint64_t before, uint64_t now, double secs,
		      double scale)
{
	if (secs > 0 && now >= before)
		fmt_double(f, col, (double)(now - before) * scale / secs);
}

static const struct softirqs_cpu *softirqs_find(const struct softirqs_snap *s, unsigned cpu)
{
	for (unsigned i = 0; i < s->ncpus; i++)
		if (s->cpus[i].cpu == cpu)
			return &s->cpus[i];
	return NULL;
}

void view_softirqs_titled(struct fmt_view *v, char *title, size_t len, const char *why)
{
	*v = view_softirqs;
	snprintf(title, len, "softirqs (SOFTIRQ%% from /proc/stat, no time per CPU: %s)", why);
	v->title = title;
}

/* One vector's BPF time on cpu, when both readings have it. */
static void emit_time(struct fmt *f, const struct view_softirqs_time *t, unsigned cpu,
		      unsigned vec, size_t busy_col, size_t time_col)
{
	struct softirq_delta d;

	if (!softirq_sample_delta(t->prev, t->cur, cpu, vec, &d))
		return;
	fmt_double(f, busy_col, d.busy_pct);
	fmt_u64(f, time_col, d.time_ns);
}

/* A CPU's SOFTIRQ% and where it comes from; unset without two readings of that source. */
static void emit_share(struct fmt *f, const struct kstat_sample *prev,
		       const struct kstat_sample *cur, const struct softirq_times *bpf, unsigned cpu)
{
	uint64_t ns = 0;
	double pct;
	enum softirq_source src = softirq_share_cpu(prev, cur, bpf, cpu, &pct, &ns);

	if (src == SOFTIRQ_SOURCE_NONE)
		return;
	fmt_double(f, SI_SOFTIRQ_PCT, pct);
	fmt_str(f, SI_SOFTIRQ_SOURCE, softirq_source_name(src));
	if (src == SOFTIRQ_SOURCE_BPF)
		fmt_u64(f, SI_SOFTIRQ_TIME, ns);
}

/* The busiest first: NET_RX over the interval, or since boot on the first frame. */
static uint64_t softirqs_key(const struct kstat_sample *prev, const struct softirqs_cpu *c)
{
	const struct softirqs_cpu *p = prev ? softirqs_find(&prev->softirqs, c->cpu) : NULL;

	return p && c->net_rx >= p->net_rx ? c->net_rx - p->net_rx : p ? 0 : c->net_rx;
}

/* The folded table's last row: every CPU's counters and rates summed, its CPU unset. */
static void softirqs_total(struct fmt *f, const struct kstat_sample *prev,
			   const struct kstat_sample *cur, double secs)
{
	uint64_t rx = 0, tx = 0, prx = 0, ptx = 0;
	bool rates = prev != NULL;

	for (unsigned i = 0; i < cur->softirqs.ncpus; i++) {
		const struct softirqs_cpu *c = &cur->softirqs.cpus[i];
		const struct softirqs_cpu *p = prev ? softirqs_find(&prev->softirqs, c->cpu) : NULL;

		rx += c->net_rx;
		tx += c->net_tx;
		if (p) {
			prx += p->net_rx;
			ptx += p->net_tx;
		} else {
			rates = false;
		}
	}
	fmt_row_begin(f);
	fmt_u64(f, SI_NET_RX, rx);
	fmt_u64(f, SI_NET_TX, tx);
	if (rates) {
		emit_rate(f, SI_NET_RX_RATE, prx, rx, secs, 1);
		emit_rate(f, SI_NET_TX_RATE, ptx, tx, secs, 1);
	}
	fmt_row_end(f);
}

/*
 * A counter per second over the interval (the count since boot on the first
 * frame, prev NULL), for a heat row; 0 for a CPU missing before or a counter
 * gone backwards.
 */
static double heat_value(bool has_prev, const uint64_t *before, uint64_t now, double secs)
{
	if (!has_prev)
		return (double)now;
	if (!before || secs <= 0 || now < *before)
		return 0;
	return (double)(now - *before) / secs;
}

/* Under a folded softirqs table: every CPU's NET_RX/s as a heat row. */
static void softirqs_heat(struct fmt *f, const struct kstat_sample *prev,
			  const struct kstat_sample *cur, double secs)
{
	size_t n = cur->softirqs.ncpus;
	double *v = calloc(n ? n : 1, sizeof(*v));
	unsigned *cpu = calloc(n ? n : 1, sizeof(*cpu));

	for (size_t i = 0; v && cpu && i < n; i++) {
		const struct softirqs_cpu *c = &cur->softirqs.cpus[i];
		const struct softirqs_cpu *p = prev ? softirqs_find(&prev->softirqs, c->cpu) : NULL;

		cpu[i] = c->cpu;
		v[i] = heat_value(prev != NULL, p ? &p->net_rx : NULL, c->net_rx, secs);
	}
	if (v && cpu)
		view_fold_heat(f, v, cpu, n, prev ? "NET_RX/s" : "NET_RX since boot",
			       &softirqs_cols[prev ? SI_NET_RX_RATE : SI_NET_RX]);
	free(v);
	free(cpu);
}

void view_softirqs_emit(struct fmt *f, const struct kstat_sample *prev,
			const struct kstat_sample *cur, const struct view_softirqs_time *time,
			unsigned groups)
{
	double secs = interval_s(prev, cur);
	/* The BPF time is there (maybe one reading yet): SOFTIRQ% comes from it. */
	bool bpf = time && !time->view && time->cur;
	struct softirq_times bt = { .prev = bpf ? time->prev : NULL, .cur = bpf ? time->cur : NULL };
	const struct fmt_view *v = time && time->view ? time->view : bpf ? &view_softirqs_bpf :
								      &view_softirqs;
	static struct view_fold vf;

	view_fold_init(&vf, cur->softirqs.ncpus);
	for (size_t i = 0; vf.key && i < vf.n; i++)
		vf.key[i] = softirqs_key(prev, &cur->softirqs.cpus[i]);
	view_fold_table_begin(f, &vf, v, "CPUs", groups);
	for (size_t k = 0; k < vf.shown; k++) {
		const struct softirqs_cpu *c = &cur->softirqs.cpus[view_fold_row(&vf, k)];
		const struct softirqs_cpu *p = prev ? softirqs_find(&prev->softirqs, c->cpu) : NULL;

		fmt_row_begin(f);
		fmt_u64(f, SI_CPU, c->cpu);
		fmt_u64(f, SI_NET_RX, c->net_rx);
		fmt_u64(f, SI_NET_TX, c->net_tx);
		if (p) {
			emit_rate(f, SI_NET_RX_RATE, p->net_rx, c->net_rx, secs, 1);
			emit_rate(f, SI_NET_TX_RATE, p->net_tx, c->net_tx, secs, 1);
		}
		emit_share(f, prev, cur, &bt, c->cpu);
		if (time) {
			emit_time(f, time, c->cpu, SOFTIRQ_NET_RX, SI_NET_RX_BUSY, SI_NET_RX_TIME);
			emit_time(f, time, c->cpu, SOFTIRQ_NET_TX, SI_NET_TX_BUSY, SI_NET_TX_TIME);
		}
		fmt_row_end(f);
	}
	if (view_fold_is_folded(&vf)) {
		softirqs_total(f, prev, cur, secs);
		softirqs_heat(f, prev, cur, secs);
	}
	fmt_table_end(f);
	view_fold_free(&vf);
}

static const struct softnet_cpu *softnet_find(const struct softnet_snap *s, unsigned cpu)
{
	for (unsigned i = 0; i < s->ncpus; i++)
		if (s->cpus[i].cpu == cpu)
			return &s->cpus[i];
	return NULL;
}

/* The trouble counters that moved since the sample before get emphasis (TUI only). */
static void softnet_mark(struct fmt *f, const struct softnet_cpu *p, const struct softnet_cpu *c)
{
	if (c->dropped != p->dropped) {
		fmt_mark(f, SN_DROPPED);
		fmt_mark(f, SN_DROPPED_RATE);
	}
	if (c->time_squeeze != p->time_squeeze) {
		fmt_mark(f, SN_SQUEEZE);
		fmt_mark(f, SN_SQUEEZE_RATE);
	}
	if (c->has_flow_limit && p->has_flow_limit && c->flow_limit_count != p->flow_limit_count)
		fmt_mark(f, SN_FLOW_LIMIT);
	if (c->has_backlog && p->has_backlog && c->backlog_len != p->backlog_len)
		fmt_mark(f, SN_BACKLOG);
}

/*
 * The busiest first: a CPU whose drops or squeezes moved before any other (a
 * 128-CPU table must not hide the one in trouble), then PROCESSED over the
 * interval (since boot on the first frame).
 */
static uint64_t softnet_key(const struct kstat_sample *prev, const struct softnet_cpu *c)
{
	const struct softnet_cpu *p = prev ? softnet_find(&prev->softnet, c->cpu) : NULL;
	uint64_t busy;

	if (!p)
		return prev ? 0 : c->processed >> 1;
	busy = c->processed >= p->processed ? (c->processed - p->processed) >> 1 : 0;
	if (c->dropped != p->dropped || c->time_squeeze != p->time_squeeze)
		busy |= 1ull << 63;
	return busy;
}

/* One CPU's row; the total's (is_total) leaves the CPU unset: "-", null in JSON. */
static void softnet_row(struct fmt *f, const struct softnet_cpu *c, const struct softnet_cpu *p,
			double secs, bool is_total)
{
	fmt_row_begin(f);
	if (!is_total)
		fmt_u64(f, SN_CPU, c->cpu);
	fmt_u64(f, SN_PROCESSED, c->processed);
	fmt_u64(f, SN_DROPPED, c->dropped);
	fmt_u64(f, SN_SQUEEZE, c->time_squeeze);
	if (c->has_rps)
		fmt_u64(f, SN_RPS, c->received_rps);
	if (c->has_flow_limit)
		fmt_u64(f, SN_FLOW_LIMIT, c->flow_limit_count);
	if (c->has_backlog)
		fmt_u64(f, SN_BACKLOG, c->backlog_len);
	if (p)
		softnet_mark(f, p, c);
	if (p) {
		emit_rate(f, SN_PROCESSED_RATE, p->processed, c->processed, secs, 1);
		emit_rate(f, SN_DROPPED_RATE, p->dropped, c->dropped, secs, 1);
		emit_rate(f, SN_SQUEEZE_RATE, p->time_squeeze, c->time_squeeze, secs, 1);
		if (c->has_rps && p->has_rps)
			emit_rate(f, SN_RPS_RATE, p->received_rps, c->received_rps, secs, 1);
	}
	fmt_row_end(f);
}

/* Adds c's counters to t's; a counter t has only when every CPU added has it. */
static void softnet_add(struct softnet_cpu *t, const struct softnet_cpu *c)
{
	t->processed += c->processed;
	t->dropped += c->dropped;
	t->time_squeeze += c->time_squeeze;
	t->received_rps += c->received_rps;
	t->flow_limit_count += c->flow_limit_count;
	t->backlog_len += c->backlog_len;
	t->has_rps &= c->has_rps;
	t->has_flow_limit &= c->has_flow_limit;
	t->has_backlog &= c->has_backlog;
}

/* The folded table's last row: every CPU summed (as one CPU), its CPU unset. */
static void softnet_total(struct fmt *f, const struct kstat_sample *prev,
			  const struct kstat_sample *cur, double secs)
{
	struct softnet_cpu t = { .has_rps = true, .has_flow_limit = true, .has_backlog = true };
	struct softnet_cpu pt = t;
	bool rates = prev != NULL;

	for (unsigned i = 0; i < cur->softnet.ncpus; i++) {
		const struct softnet_cpu *c = &cur->softnet.cpus[i];
		const struct softnet_cpu *p = prev ? softnet_find(&prev->softnet, c->cpu) : NULL;

		softnet_add(&t, c);
		if (p)
			softnet_add(&pt, p);
		else
			rates = false;
	}
	softnet_row(f, &t, rates ? &pt : NULL, secs, true);
}

/* Under a folded softnet table: every CPU's PROCESSED/s as a heat row. */
static void softnet_heat(struct fmt *f, const struct kstat_sample *prev,
			 const struct kstat_sample *cur, double secs)
{
	size_t n = cur->softnet.ncpus;
	double *v = calloc(n ? n : 1, sizeof(*v));
	unsigned *cpu = calloc(n ? n : 1, sizeof(*cpu));

	for (size_t i = 0; v && cpu && i < n; i++) {
		const struct softnet_cpu *c = &cur->softnet.cpus[i];
		const struct softnet_cpu *p = prev ? softnet_find(&prev->softnet, c->cpu) : NULL;

		cpu[i] = c->cpu;
		v[i] = heat_value(prev != NULL, p ? &p->processed : NULL, c->processed, secs);
	}
	if (v && cpu)
		view_fold_heat(f, v, cpu, n, prev ? "PROCESSED/s" : "PROCESSED since boot",
			       &softnet_cols[prev ? SN_PROCESSED_RATE : SN_PROCESSED]);
	free(v);
	free(cpu);
}

void view_softnet_emit(struct fmt *f, const struct kstat_sample *prev,
		       const struct kstat_sample *cur, unsigned groups)
{
	double secs = interval_s(prev, cur);
	static struct view_fold vf;

	view_fold_init(&vf, cur->softnet.ncpus);
	for (size_t i = 0; vf.key && i < vf.n; i++)
		vf.key[i] = softnet_key(prev, &cur->softnet.cpus[i]);
	view_fold_table_begin(f, &vf, &view_softnet, "CPUs", groups);
	for (size_t k = 0; k < vf.shown; k++) {
		const struct softnet_cpu *c = &cur->softnet.cpus[view_fold_row(&vf, k)];

		softnet_row(f, c, prev ? softnet_find(&prev->softnet, c->cpu) : NULL, secs, false);
	}
	if (view_fold_is_folded(&vf)) {
		softnet_total(f, prev, cur, secs);
		softnet_heat(f, prev, cur, secs);
	}
	fmt_table_end(f);
	view_fold_free(&vf);
}

/* RFC 2863 operational states, as IF_OPER_* numbers them. */
static const char *operstate_name(uint8_t state)
{
	static const char *const names[] = {
		[IF_OPER_UNKNOWN] = "unknown",
		[IF_OPER_NOTPRESENT] = "notpresent",
		[IF_OPER_DOWN] = "down",
		[IF_OPER_LOWERLAYERDOWN] = "lowerlayerdown",
		[IF_OPER_TESTING] = "testing",
		[IF_OPER_DORMANT] = "dormant",
		[IF_OPER_UP] = "up",
	};

	return state < sizeof(names) / sizeof(names[0]) ? names[state] : "unknown";
}

/* "256/256(4096)": current sizes and, when the maxima differ from them, the maxima. */
static void rings_text(char *buf, size_t len, const struct ring_info *r)
{
	int n;

	if (r->rx_max && r->tx_max)
		n = snprintf(buf, len, "%" PRIu32 "/%" PRIu32, r->rx, r->tx);
	else if (r->rx_max)
		n = snprintf(buf, len, "%" PRIu32 "/-", r->rx);
	else
		n = snprintf(buf, len, "-/%" PRIu32, r->tx);
	if (n < 0 || (size_t)n >= len || (r->rx == r->rx_max && r->tx == r->tx_max))
		return;
	if (r->rx_max == r->tx_max || !r->tx_max)
		snprintf(buf + n, len - (size_t)n, "(%" PRIu32 ")", r->rx_max);
	else if (!r->rx_max)
		snprintf(buf + n, len - (size_t)n, "(%" PRIu32 ")", r->tx_max);
	else
		snprintf(buf + n, len - (size_t)n, "(%" PRIu32 "/%" PRIu32 ")", r->rx_max,
			 r->tx_max);
}

/* A value the driver has (its maximum is not 0); JSON null otherwise. */
static void emit_if_max(struct fmt *f, size_t col, uint32_t v, uint32_t max)
{
	if (max)
		fmt_u64(f, col, v);
}

static void emit_rings(struct fmt *f, const struct ring_info *r)
{
	char buf[64];

	if (r && r->has_rings && (r->rx_max || r->tx_max)) {
		rings_text(buf, sizeof(buf), r);
		fmt_str(f, IF_RINGS, buf);
		emit_if_max(f, IF_RX_RING, r->rx, r->rx_max);
		emit_if_max(f, IF_RX_RING_MAX, r->rx_max, r->rx_max);
		emit_if_max(f, IF_TX_RING, r->tx, r->tx_max);
		emit_if_max(f, IF_TX_RING_MAX, r->tx_max, r->tx_max);
	}
	if (r && r->has_channels) {
		/* Queues each way: a combined channel is one of each. */
		snprintf(buf, sizeof(buf), "%" PRIu32 "/%" PRIu32, r->ch_rx + r->ch_combined,
			 r->ch_tx + r->ch_combined);
		fmt_str(f, IF_QUEUES, buf);
		emit_if_max(f, IF_CH_RX, r->ch_rx, r->ch_rx_max);
		emit_if_max(f, IF_CH_TX, r->ch_tx, r->ch_tx_max);
		emit_if_max(f, IF_CH_OTHER, r->ch_other, r->ch_other_max);
		emit_if_max(f, IF_CH_COMBINED, r->ch_combined, r->ch_combined_max);
		emit_if_max(f, IF_CH_RX_MAX, r->ch_rx_max, r->ch_rx_max);
		emit_if_max(f, IF_CH_TX_MAX, r->ch_tx_max, r->ch_tx_max);
		emit_if_max(f, IF_CH_OTHER_MAX, r->ch_other_max, r->ch_other_max);
		emit_if_max(f, IF_CH_COMBINED_MAX, r->ch_combined_max, r->ch_combined_max);
	}
}

void view_interfaces_emit(struct fmt *f, const struct kstat_sample *prev,
			  const struct kstat_sample *cur, unsigned groups)
{
	double secs = interval_s(prev, cur);

	fmt_table_begin(f, &view_interfaces, groups);
	for (unsigned i = 0; i < cur->links.nlinks; i++) {
		const struct link_stat *l = &cur->links.links[i];
		const struct link_stat *p = prev ? links_find(&prev->links, l->ifindex) : NULL;

		fmt_row_begin(f);
		fmt_u64(f, IF_INDEX, (uint64_t)l->ifindex);
		fmt_str(f, IF_NAME, l->name);
		/* An administratively down link has no carrier to speak of: say "down". */
		fmt_str(f, IF_STATE, (l->flags & IFF_UP) ? operstate_name(l->operstate) : "down");
		fmt_u64(f, IF_MTU, l->mtu);
		if (l->has_stats) {
			fmt_u64(f, IF_RX_PKTS, l->rx_packets);
			fmt_u64(f, IF_RX_BYTES, l->rx_bytes);
			fmt_u64(f, IF_TX_PKTS, l->tx_packets);
			fmt_u64(f, IF_TX_BYTES, l->tx_bytes);
			fmt_u64(f, IF_RX_ERR, l->rx_errors);
			fmt_u64(f, IF_RX_DROP, l->rx_dropped);
			fmt_u64(f, IF_TX_ERR, l->tx_errors);
			fmt_u64(f, IF_TX_DROP, l->tx_dropped);
			fmt_u64(f, IF_RX_MISSED, l->rx_missed);
			fmt_u64(f, IF_RX_FIFO, l->rx_fifo);
			fmt_u64(f, IF_TX_FIFO, l->tx_fifo);
		}
		if (cur->parts & KSTAT_RINGS)
			emit_rings(f, rings_find(&cur->rings, l->ifindex));
		/* A rate needs the same interface in both samples: an ifindex can be reused. */
		if (p && l->has_stats && p->has_stats && !strcmp(p->name, l->name)) {
			emit_rate(f, IF_RX_PPS, p->rx_packets, l->rx_packets, secs, 1);
			emit_rate(f, IF_RX_BPS, p->rx_bytes, l->rx_bytes, secs, 8);
			emit_rate(f, IF_TX_PPS, p->tx_packets, l->tx_packets, secs, 1);
			emit_rate(f, IF_TX_BPS, p->tx_bytes, l->tx_bytes, secs, 8);
			emit_rate(f, IF_RX_DROP_RATE, p->rx_dropped, l->rx_dropped, secs, 1);
		}
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

enum {
	Q_IFACE, Q_QUEUE, Q_DIR, Q_ID, Q_PACKETS, Q_PPS, Q_BYTES, Q_BPS, Q_DROPS, Q_DROPS_RATE,
	Q_ERRORS,
};
static const struct fmt_col queues_cols[] = {
	[Q_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[Q_QUEUE] = { "queue", "QUEUE", FMT_STR, L, FMT_GROUP_TEXT, 0 },
	[Q_DIR] = { "dir", "DIR", FMT_STR, L, D, 0 },
	[Q_ID] = { "queue_id", "ID", FMT_U64, R, D, 0 },
	[Q_PACKETS] = { "packets", "PACKETS", FMT_U64, R, D, 0 },
	[Q_PPS] = { "pps", "PPS", FMT_RATE, R, 0, 0 },
	[Q_BYTES] = { "bytes", "BYTES", FMT_BYTES, R, D, 0 },
	[Q_BPS] = { "bps", "BPS", FMT_RATE, R, 0, 0 },
	[Q_DROPS] = { "drops", "DROPS", FMT_U64, R, 0, 0 },
	[Q_DROPS_RATE] = { "drops_per_s", "DROPS/s", FMT_RATE, R, 0, 0 },
	[Q_ERRORS] = { "errors", "ERRORS", FMT_U64, R, 0, 0 },
};
const struct fmt_view view_queues = {
	.name = "queues",
	.title = "queues (driver counters: ethtool -S, qstats)",
	.cols = queues_cols,
	.ncols = sizeof(queues_cols) / sizeof(queues_cols[0]),
};

static const struct queue_stat *queue_find(const struct queues_snap *s, const struct queue_stat *q)
{
	for (unsigned i = 0; i < s->n; i++) {
		const struct queue_stat *p = &s->qs[i];

		if (p->ifindex == q->ifindex && p->tx == q->tx && p->queue == q->queue &&
		    !strcmp(p->ifname, q->ifname))
			return p;
	}
	return NULL;
}

/* A counter the driver has; its rate when the queue had it in the sample before too. */
static void emit_queue_counter(struct fmt *f, size_t col, size_t rate_col,
			       const struct queue_stat *q, const struct queue_stat *p,
			       enum queue_counter c, double secs, double scale)
{
	if (!(q->has & (1u << c)))
		return;
	fmt_u64(f, col, q->v[c]);
	if (p && (p->has & (1u << c)) && rate_col != SIZE_MAX)
		emit_rate(f, rate_col, p->v[c], q->v[c], secs, scale);
}

/* The busiest first: a queue whose drops moved before any other, then packets over the interval. */
static uint64_t queue_key(const struct queue_stat *q, const struct queue_stat *p)
{
	uint64_t busy = 0;

	if (!p)
		return (q->has & (1u << QUEUE_PACKETS)) ? q->v[QUEUE_PACKETS] >> 1 : 0;
	if ((q->has & p->has & (1u << QUEUE_PACKETS)) && q->v[QUEUE_PACKETS] >= p->v[QUEUE_PACKETS])
		busy = (q->v[QUEUE_PACKETS] - p->v[QUEUE_PACKETS]) >> 1;
	if ((q->has & p->has & (1u << QUEUE_DROPS)) && q->v[QUEUE_DROPS] != p->v[QUEUE_DROPS])
		busy |= 1ull << 63;
	return busy;
}

static void queue_row(struct fmt *f, const struct queue_stat *q, const struct queue_stat *p,
		      double secs)
{
	char name[32];

	fmt_row_begin(f);
	fmt_str(f, Q_IFACE, q->ifname);
	snprintf(name, sizeof(name), "%s-%u", q->tx ? "tx" : "rx", q->queue);
	fmt_str(f, Q_QUEUE, name);
	fmt_str(f, Q_DIR, q->tx ? "tx" : "rx");
	fmt_u64(f, Q_ID, q->queue);
	emit_queue_counter(f, Q_PACKETS, Q_PPS, q, p, QUEUE_PACKETS, secs, 1);
	emit_queue_counter(f, Q_BYTES, Q_BPS, q, p, QUEUE_BYTES, secs, 8);
	emit_queue_counter(f, Q_DROPS, Q_DROPS_RATE, q, p, QUEUE_DROPS, secs, 1);
	emit_queue_counter(f, Q_ERRORS, SIZE_MAX, q, p, QUEUE_ERRORS, secs, 1);
	fmt_row_end(f);
}

/* The folded table's last row: every queue's counters summed; iface, dir and id unset. */
static void queues_total(struct fmt *f, const struct kstat_sample *prev,
			 const struct kstat_sample *cur, double secs, bool rates)
{
	struct queue_stat t = { .has = 0 }, pt = { .has = 0 };
	char name[32];

	for (unsigned i = 0; i < cur->queues.n; i++) {
		const struct queue_stat *q = &cur->queues.qs[i];
		const struct queue_stat *p = rates ? queue_find(&prev->queues, q) : NULL;

		/* A counter sums the queues that have it (TX queues often count no drops). */
		t.has |= q->has;
		for (unsigned c = 0; c < QUEUE_NCOUNTERS; c++)
			t.v[c] += (q->has & (1u << c)) ? q->v[c] : 0;
		if (!p) {
			rates = false;
			continue;
		}
		pt.has |= p->has;
		for (unsigned c = 0; c < QUEUE_NCOUNTERS; c++)
			pt.v[c] += (q->has & p->has & (1u << c)) ? p->v[c] : 0;
	}
	fmt_row_begin(f);
	snprintf(name, sizeof(name), "all %u", cur->queues.n);
	fmt_str(f, Q_QUEUE, name);
	emit_queue_counter(f, Q_PACKETS, Q_PPS, &t, rates ? &pt : NULL, QUEUE_PACKETS, secs, 1);
	emit_queue_counter(f, Q_BYTES, Q_BPS, &t, rates ? &pt : NULL, QUEUE_BYTES, secs, 8);
	emit_queue_counter(f, Q_DROPS, Q_DROPS_RATE, &t, rates ? &pt : NULL, QUEUE_DROPS, secs, 1);
	emit_queue_counter(f, Q_ERRORS, SIZE_MAX, &t, NULL, QUEUE_ERRORS, secs, 1);
	fmt_row_end(f);
}

void view_queues_emit(struct fmt *f, const struct kstat_sample *prev,
		      const struct kstat_sample *cur, unsigned groups)
{
	double secs = interval_s(prev, cur);
	bool rates = prev && (prev->parts & KSTAT_QUEUES);
	static struct view_fold vf;

	view_fold_init(&vf, (cur->parts & KSTAT_QUEUES) ? cur->queues.n : 0);
	for (size_t i = 0; vf.key && i < vf.n; i++) {
		const struct queue_stat *q = &cur->queues.qs[i];

		vf.key[i] = queue_key(q, rates ? queue_find(&prev->queues, q) : NULL);
	}
	view_fold_table_begin(f, &vf, &view_queues, "queues", groups);
	for (size_t k = 0; k < vf.shown; k++) {
		const struct queue_stat *q = &cur->queues.qs[view_fold_row(&vf, k)];

		queue_row(f, q, rates ? queue_find(&prev->queues, q) : NULL, secs);
	}
	if (view_fold_is_folded(&vf))
		queues_total(f, prev, cur, secs, rates);
	fmt_table_end(f);
	view_fold_free(&vf);
}
