/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_why.c: column schemas of why's tables and their rows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "cmd/why/view_why.h"
#include "out/view_fold.h"

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL
#define T FMT_GROUP_TEXT

enum { LY_LAYER, LY_PKT_RATE, LY_DROP_RATE, LY_DROPS, LY_SHARE, LY_NOTE, LY_PACKETS, LY_PRESENT };
static const struct fmt_col layer_cols[] = {
	[LY_LAYER] = { "layer", "LAYER", FMT_STR, L, 0, 0 },
	[LY_PKT_RATE] = { "pps", "PACKETS/s", FMT_RATE, R, 0, 0 },
	[LY_DROP_RATE] = { "drops_per_s", "DROPS/s", FMT_RATE, R, 0, 0 },
	[LY_DROPS] = { "drops", "DROPS", FMT_U64, R, 0, 0 },
	[LY_SHARE] = { "share_pct", "SHARE", FMT_PERCENT, R, 0, 0 },
	[LY_NOTE] = { "absent", "NOTE", FMT_STR, L, 0, 0 },
	[LY_PACKETS] = { "packets", "PACKETS", FMT_U64, R, D, 0 },
	[LY_PRESENT] = { "present", "PRESENT", FMT_BOOL, L, D, 0 },
};
const struct fmt_view view_why_layers = {
	.name = "layers",
	.title = "loss funnel: wire to application, then out",
	.cols = layer_cols,
	.ncols = sizeof(layer_cols) / sizeof(layer_cols[0]),
};

enum { CA_CAUSE, CA_LAYER, CA_DROPS, CA_RATE, CA_SHARE, CA_WHERE, CA_LOCATION, CA_EVIDENCE,
       CA_COUNTER, CA_REASONS };
static const struct fmt_col cause_cols[] = {
	[CA_CAUSE] = { "cause", "CAUSE", FMT_STR, L, 0, 0 },
	[CA_LAYER] = { "layer", "LAYER", FMT_STR, L, 0, 0 },
	[CA_DROPS] = { "drops", "DROPS", FMT_U64, R, 0, 0 },
	[CA_RATE] = { "drops_per_s", "DROPS/s", FMT_RATE, R, 0, 0 },
	[CA_SHARE] = { "share_pct", "SHARE", FMT_PERCENT, R, 0, 0 },
	[CA_WHERE] = { "where", "WHERE", FMT_STR, L, 0, 0 },
	[CA_LOCATION] = { "location", "LOCATION", FMT_STR, L, D, 0 },
	[CA_EVIDENCE] = { "evidence", "EVIDENCE", FMT_STR, L, 0, 0 },
	[CA_COUNTER] = { "counter_drops", "COUNTER", FMT_U64, R, D, 0 },
	[CA_REASONS] = { "reason_drops", "REASONS", FMT_U64, R, D, 0 },
};
const struct fmt_view view_why_causes = {
	.name = "causes",
	.title = "causes of loss, most first",
	.cols = cause_cols,
	.ncols = sizeof(cause_cols) / sizeof(cause_cols[0]),
};

enum { DV_IFACE, DV_RX_RATE, DV_MISSED, DV_FIFO, DV_RX_DROPPED, DV_TX_DROPPED, DV_QDISC,
       DV_Q_DROPS, DV_Q_OVERLIMITS, DV_Q_REQUEUES, DV_Q_BACKLOG, DV_Q_LIMIT, DV_RING,
       DV_RING_MAX, DV_RX_PACKETS, DV_QUEUE_DROPS, DV_XDP_DROPS };
static const struct fmt_col dev_cols[] = {
	[DV_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[DV_RX_RATE] = { "rx_pps", "RX/s", FMT_RATE, R, 0, 0 },
	[DV_MISSED] = { "rx_missed", "MISSED", FMT_U64, R, 0, 0 },
	[DV_FIFO] = { "rx_fifo", "FIFO", FMT_U64, R, 0, 0 },
	[DV_RX_DROPPED] = { "rx_dropped", "RX_DROP", FMT_U64, R, 0, 0 },
	[DV_TX_DROPPED] = { "tx_dropped", "TX_DROP", FMT_U64, R, 0, 0 },
	[DV_QDISC] = { "qdisc", "QDISC", FMT_STR, L, 0, 0 },
	[DV_Q_DROPS] = { "qdisc_drops", "Q_DROPS", FMT_U64, R, 0, 0 },
	[DV_Q_OVERLIMITS] = { "qdisc_overlimits", "OVERLIM", FMT_U64, R, 0, 0 },
	[DV_Q_REQUEUES] = { "qdisc_requeues", "REQUEUE", FMT_U64, R, D, 0 },
	[DV_Q_BACKLOG] = { "qdisc_backlog_bytes", "BACKLOG", FMT_BYTES, R, 0, 0 },
	[DV_Q_LIMIT] = { "qdisc_limit", "LIMIT", FMT_U64, R, D, 0 },
	[DV_RING] = { "ring_rx", "RING", FMT_U64, R, 0, 0 },
	[DV_RING_MAX] = { "ring_rx_max", "RING_MAX", FMT_U64, R, 0, 0 },
	[DV_RX_PACKETS] = { "rx_packets", "RX", FMT_U64, R, D, 0 },
	[DV_QUEUE_DROPS] = { "rx_queue_drops", "QUEUE_DROP", FMT_U64, R, D, 0 },
	[DV_XDP_DROPS] = { "xdp_drops", "XDP_DROP", FMT_U64, R, D, 0 },
};
const struct fmt_view view_why_devices = {
	.name = "devices",
	.title = "devices: NIC, ring and qdisc",
	.cols = dev_cols,
	.ncols = sizeof(dev_cols) / sizeof(dev_cols[0]),
};

enum { QU_IFACE, QU_QUEUE, QU_DROPS, QU_DROP_RATE, QU_XDP_DROPS, QU_PKT_RATE, QU_PACKETS };
static const struct fmt_col queue_cols[] = {
	[QU_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[QU_QUEUE] = { "queue", "RXQ", FMT_U64, R, 0, 0 },
	[QU_DROPS] = { "drops", "DROPS", FMT_U64, R, 0, 0 },
	[QU_DROP_RATE] = { "drops_per_s", "DROPS/s", FMT_RATE, R, 0, 0 },
	[QU_XDP_DROPS] = { "xdp_drops", "OF_THEM_XDP", FMT_U64, R, 0, 0 },
	[QU_PKT_RATE] = { "pps", "PACKETS/s", FMT_RATE, R, 0, 0 },
	[QU_PACKETS] = { "packets", "PACKETS", FMT_U64, R, D, 0 },
};
const struct fmt_view view_why_queues = {
	.name = "queues",
	.title = "receive queues that dropped (the drivers' ethtool statistics)",
	.cols = queue_cols,
	.ncols = sizeof(queue_cols) / sizeof(queue_cols[0]),
};

enum { CP_CPU, CP_RATE, CP_DROPPED, CP_SQUEEZE, CP_FLOW, CP_NET_RX, CP_PROCESSED };
static const struct fmt_col cpu_cols[] = {
	[CP_CPU] = { "cpu", "CPU", FMT_U64, R, 0, 0 },
	[CP_RATE] = { "processed_pps", "PROCESSED/s", FMT_RATE, R, 0, 0 },
	[CP_DROPPED] = { "dropped", "DROPPED", FMT_U64, R, 0, 0 },
	[CP_SQUEEZE] = { "time_squeeze", "SQUEEZED", FMT_U64, R, 0, 0 },
	[CP_FLOW] = { "flow_limit", "FLOW_LIMIT", FMT_U64, R, 0, 0 },
	[CP_NET_RX] = { "net_rx_pct", "NET_RX", FMT_PERCENT, R, 0, 0 },
	[CP_PROCESSED] = { "processed", "PROCESSED", FMT_U64, R, D, 0 },
};
const struct fmt_view view_why_cpus = {
	.name = "cpus",
	.title = "softnet per CPU",
	.cols = cpu_cols,
	.ncols = sizeof(cpu_cols) / sizeof(cpu_cols[0]),
};

enum { SK_NETID, SK_STATE, SK_LOCAL, SK_PEER, SK_RECVQ, SK_SENDQ, SK_RCVBUF, SK_RMEM, SK_DROPS,
       SK_INODE };
static const struct fmt_col sock_cols[] = {
	[SK_NETID] = { "netid", "NETID", FMT_STR, L, 0, 0 },
	[SK_STATE] = { "state", "STATE", FMT_STR, L, 0, 0 },
	[SK_LOCAL] = { "local", "LOCAL", FMT_IPPORT, L, 0, 0 },
	[SK_PEER] = { "peer", "PEER", FMT_IPPORT, L, 0, 0 },
	[SK_RECVQ] = { "recv_q", "RECV-Q", FMT_U64, R, 0, 0 },
	[SK_SENDQ] = { "send_q", "SEND-Q", FMT_U64, R, 0, 0 },
	[SK_RCVBUF] = { "rcvbuf_bytes", "RCVBUF", FMT_BYTES, R, 0, 0 },
	[SK_RMEM] = { "rmem_bytes", "RMEM", FMT_BYTES, R, 0, 0 },
	[SK_DROPS] = { "drops", "DROPS", FMT_U64, R, 0, 0 },
	[SK_INODE] = { "inode", "INODE", FMT_U64, R, D, 0 },
};
const struct fmt_view view_why_sockets = {
	.name = "sockets",
	.title = "sockets that lost or are fullest",
	.cols = sock_cols,
	.ncols = sizeof(sock_cols) / sizeof(sock_cols[0]),
};

enum { VD_RANK, VD_CAUSE, VD_LAYER, VD_DROPS, VD_SHARE, VD_SUMMARY };
static const struct fmt_col verdict_cols[] = {
	[VD_RANK] = { "rank", "#", FMT_U64, R, 0, 0 },
	[VD_CAUSE] = { "cause", "CAUSE", FMT_STR, L, 0, 0 },
	[VD_LAYER] = { "layer", "LAYER", FMT_STR, L, 0, 0 },
	[VD_DROPS] = { "drops", "DROPS", FMT_U64, R, 0, 0 },
	[VD_SHARE] = { "share_pct", "SHARE", FMT_PERCENT, R, 0, 0 },
	[VD_SUMMARY] = { "summary", "VERDICT", FMT_STR, L, 0, 0 },
};
const struct fmt_view view_why_verdicts = {
	.name = "verdicts",
	.title = "verdict",
	.cols = verdict_cols,
	.ncols = sizeof(verdict_cols) / sizeof(verdict_cols[0]),
};

/* Text only: JSON has the same as each verdict's "advice" array. */
enum { AD_RANK, AD_SETTING, AD_VALUE, AD_SCOPE, AD_COMMAND };
static const struct fmt_col advice_cols[] = {
	[AD_RANK] = { "rank", "#", FMT_U64, R, T, 0 },
	[AD_SETTING] = { "setting", "SETTING", FMT_STR, L, T, 0 },
	[AD_VALUE] = { "value", "NOW", FMT_STR, L, T, 0 },
	[AD_SCOPE] = { "scope", "SCOPE", FMT_STR, L, T, 0 },
	[AD_COMMAND] = { "command", "TO CHANGE IT (why changes nothing)", FMT_STR, L, T, 0 },
};
const struct fmt_view view_why_advice = {
	.name = "advice",
	.title = "what usually fixes it",
	.cols = advice_cols,
	.ncols = sizeof(advice_cols) / sizeof(advice_cols[0]),
};

static void rate(struct fmt *f, size_t col, uint64_t v, double secs)
{
	if (secs > 0)
		fmt_double(f, col, (double)v / secs);
}

void view_why_layers_emit(struct fmt *f, const struct why_funnel *fn, unsigned groups)
{
	view_why_layers_emit_as(f, &view_why_layers, fn, groups);
}

void view_why_layers_emit_as(struct fmt *f, const struct fmt_view *v, const struct why_funnel *fn,
			     unsigned groups)
{
	fmt_table_begin(f, v, groups);
	for (int l = 0; fn && l < WL_N; l++) {
		const struct why_layer_row *r = &fn->layers[l];

		fmt_row_begin(f);
		fmt_str(f, LY_LAYER, why_layer_name((enum why_layer)l));
		fmt_bool(f, LY_PRESENT, r->present);
		if (!r->present) {
			fmt_str(f, LY_NOTE, r->absent_why);
			fmt_row_end(f);
			continue;
		}
		if (r->has_packets) {
			fmt_u64(f, LY_PACKETS, r->packets);
			rate(f, LY_PKT_RATE, r->packets, fn->secs);
		}
		fmt_u64(f, LY_DROPS, r->drops);
		rate(f, LY_DROP_RATE, r->drops, fn->secs);
		fmt_double(f, LY_SHARE, r->share_pct);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

void view_why_causes_emit(struct fmt *f, const struct why_funnel *fn, unsigned groups)
{
	fmt_table_begin(f, &view_why_causes, groups);
	for (size_t i = 0; i < fn->ncauses; i++) {
		const struct why_cause *c = &fn->causes[i];

		fmt_row_begin(f);
		fmt_str(f, CA_CAUSE, c->name);
		fmt_str(f, CA_LAYER, why_layer_name(c->layer));
		fmt_u64(f, CA_DROPS, c->drops);
		rate(f, CA_RATE, c->drops, fn->secs);
		fmt_double(f, CA_SHARE, c->share_pct);
		if (c->where[0])
			fmt_str(f, CA_WHERE, c->where);
		if (c->location[0])
			fmt_str(f, CA_LOCATION, c->location);
		fmt_str(f, CA_EVIDENCE, c->evidence);
		if (c->has_counter)
			fmt_u64(f, CA_COUNTER, c->counter);
		if (c->reasons)
			fmt_u64(f, CA_REASONS, c->reasons);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

static void emit_devices(struct fmt *f, const struct why_funnel *fn, unsigned groups)
{
	fmt_table_begin(f, &view_why_devices, groups);
	for (size_t i = 0; i < fn->ndevs; i++) {
		const struct why_dev *d = &fn->devs[i];

		fmt_row_begin(f);
		fmt_str(f, DV_IFACE, d->name);
		rate(f, DV_RX_RATE, d->rx_packets, fn->secs);
		fmt_u64(f, DV_RX_PACKETS, d->rx_packets);
		fmt_u64(f, DV_MISSED, d->rx_missed);
		fmt_u64(f, DV_FIFO, d->rx_fifo);
		fmt_u64(f, DV_RX_DROPPED, d->rx_dropped);
		fmt_u64(f, DV_TX_DROPPED, d->tx_dropped);
		if (d->has_qdisc) {
			fmt_str(f, DV_QDISC, d->qdisc_kind);
			fmt_u64(f, DV_Q_DROPS, d->qdisc_drops);
			fmt_u64(f, DV_Q_OVERLIMITS, d->qdisc_overlimits);
			fmt_u64(f, DV_Q_REQUEUES, d->qdisc_requeues);
			fmt_u64(f, DV_Q_BACKLOG, d->qdisc_backlog);
			if (d->has_qdisc_limit)
				fmt_u64(f, DV_Q_LIMIT, d->qdisc_limit);
		}
		if (d->has_ring) {
			fmt_u64(f, DV_RING, d->ring_rx);
			fmt_u64(f, DV_RING_MAX, d->ring_rx_max);
		}
		if (d->has_queue_drops) {
			fmt_u64(f, DV_QUEUE_DROPS, d->rx_queue_drops);
			fmt_u64(f, DV_XDP_DROPS, d->xdp_drops);
		}
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

static void emit_queues(struct fmt *f, const struct why_funnel *fn, unsigned groups)
{
	fmt_table_begin(f, &view_why_queues, groups);
	for (size_t i = 0; i < fn->nqueues; i++) {
		const struct why_queue *q = &fn->queues[i];

		fmt_row_begin(f);
		fmt_str(f, QU_IFACE, q->name);
		fmt_u64(f, QU_QUEUE, q->queue);
		fmt_u64(f, QU_DROPS, q->drops);
		rate(f, QU_DROP_RATE, q->drops, fn->secs);
		fmt_u64(f, QU_XDP_DROPS, q->xdp_drops);
		if (q->has_packets) {
			fmt_u64(f, QU_PACKETS, q->packets);
			rate(f, QU_PKT_RATE, q->packets, fn->secs);
		}
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

static void cpu_row(struct fmt *f, const struct why_cpu *c, double secs)
{
	fmt_row_begin(f);
	fmt_u64(f, CP_CPU, c->cpu);
	rate(f, CP_RATE, c->processed, secs);
	fmt_u64(f, CP_PROCESSED, c->processed);
	fmt_u64(f, CP_DROPPED, c->dropped);
	fmt_u64(f, CP_SQUEEZE, c->time_squeeze);
	fmt_u64(f, CP_FLOW, c->flow_limit);
	fmt_double(f, CP_NET_RX, c->net_rx_pct);
	fmt_row_end(f);
}

/* The rank of a CPU in a folded table: those that lost first (any softnet loss), then the busiest. */
static uint64_t cpu_key(const struct why_cpu *c)
{
	uint64_t lost = c->dropped + c->time_squeeze + c->flow_limit;

	return (lost < UINT32_MAX ? lost : UINT32_MAX) << 32 |
	       (c->processed < UINT32_MAX ? c->processed : UINT32_MAX);
}

/*
 * Softnet per CPU; on a big host (more than VIEW_FOLD_ROWS CPUs) the CPUs
 * that lost or worked most, a total of all, and each CPU's NET_RX share as a
 * heat line (text only).
 */
static void emit_cpus(struct fmt *f, const struct why_funnel *fn, unsigned groups)
{
	static struct view_fold vf;

	view_fold_init(&vf, fn->ncpus);
	for (size_t i = 0; vf.key && i < vf.n; i++)
		vf.key[i] = cpu_key(&fn->cpus[i]);
	view_fold_table_begin(f, &vf, &view_why_cpus, "CPUs", groups);
	for (size_t k = 0; k < vf.shown; k++)
		cpu_row(f, &fn->cpus[view_fold_row(&vf, k)], fn->secs);
	if (view_fold_is_folded(&vf)) {
		struct why_cpu t = { .cpu = 0 };
		double *share = calloc(fn->ncpus, sizeof(*share));
		unsigned *cpu = calloc(fn->ncpus, sizeof(*cpu));

		for (size_t i = 0; i < fn->ncpus; i++) {
			t.processed += fn->cpus[i].processed;
			t.dropped += fn->cpus[i].dropped;
			t.time_squeeze += fn->cpus[i].time_squeeze;
			t.flow_limit += fn->cpus[i].flow_limit;
			if (share && cpu) {
				share[i] = fn->cpus[i].net_rx_pct;
				cpu[i] = fn->cpus[i].cpu;
			}
		}
		/* The total: no CPU of its own, and all of NET_RX. */
		fmt_row_begin(f);
		rate(f, CP_RATE, t.processed, fn->secs);
		fmt_u64(f, CP_PROCESSED, t.processed);
		fmt_u64(f, CP_DROPPED, t.dropped);
		fmt_u64(f, CP_SQUEEZE, t.time_squeeze);
		fmt_u64(f, CP_FLOW, t.flow_limit);
		fmt_row_end(f);
		if (share && cpu)
			view_fold_heat(f, share, cpu, fn->ncpus, "NET_RX share", &cpu_cols[CP_NET_RX]);
		free(share);
		free(cpu);
	}
	fmt_table_end(f);
	view_fold_free(&vf);
}

static void emit_sockets(struct fmt *f, const struct why_funnel *fn, unsigned groups)
{
	fmt_table_begin(f, &view_why_sockets, groups);
	for (size_t i = 0; i < fn->nsocks; i++) {
		const struct why_sock *s = &fn->socks[i].s;
		int af = s->family == AF_INET6 ? AF_INET6 : AF_INET;

		fmt_row_begin(f);
		fmt_str(f, SK_NETID, sockdiag_table_name(s->table));
		fmt_str(f, SK_STATE, sockdiag_state_name(s->state));
		fmt_ip(f, SK_LOCAL, af, s->src, s->sport);
		fmt_ip(f, SK_PEER, af, s->dst, s->dport);
		fmt_u64(f, SK_RECVQ, s->rqueue);
		fmt_u64(f, SK_SENDQ, s->wqueue);
		fmt_u64(f, SK_RCVBUF, s->rcvbuf);
		fmt_u64(f, SK_RMEM, s->rmem);
		fmt_u64(f, SK_DROPS, fn->socks[i].drops);
		fmt_u64(f, SK_INODE, s->inode);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

void view_why_details_emit(struct fmt *f, const struct why_funnel *fn, unsigned groups)
{
	emit_devices(f, fn, groups);
	emit_queues(f, fn, groups);
	emit_cpus(f, fn, groups);
	emit_sockets(f, fn, groups);
}

/* JSON: a verdict's advice as an array of objects. */
static void advice_details(struct fmt_details *d, const void *arg)
{
	const struct why_verdict *v = arg;

	fmt_details_str(d, "evidence", v->cause->evidence);
	if (v->cause->where[0])
		fmt_details_str(d, "where", v->cause->where);
	fmt_details_array_begin(d, "advice");
	for (size_t i = 0; i < v->nadv; i++) {
		fmt_details_object_begin(d, NULL);
		fmt_details_str(d, "setting", v->adv[i].setting);
		fmt_details_str(d, "value", v->adv[i].value);
		fmt_details_str(d, "scope", v->adv[i].scope);
		fmt_details_str(d, "command", v->adv[i].command);
		fmt_details_object_end(d);
	}
	fmt_details_array_end(d);
}

void view_why_verdicts_emit(struct fmt *f, const struct why_verdict *v, size_t n,
			    unsigned groups)
{
	fmt_table_begin(f, &view_why_verdicts, groups);
	for (size_t i = 0; i < n; i++) {
		fmt_row_begin(f);
		fmt_u64(f, VD_RANK, i + 1);
		fmt_str(f, VD_CAUSE, v[i].cause->name);
		fmt_str(f, VD_LAYER, why_layer_name(v[i].cause->layer));
		fmt_u64(f, VD_DROPS, v[i].cause->drops);
		fmt_double(f, VD_SHARE, v[i].cause->share_pct);
		fmt_str(f, VD_SUMMARY, v[i].summary);
		fmt_row_end_details(f, advice_details, &v[i]);
	}
	if (!n) {
		fmt_row_begin(f);
		fmt_str(f, VD_CAUSE, "none");
		fmt_u64(f, VD_DROPS, 0);
		fmt_str(f, VD_SUMMARY, "nothing was lost in the interval");
		fmt_row_end(f);
	}
	fmt_table_end(f);
	fmt_table_begin(f, &view_why_advice, groups | FMT_GROUP_TEXT);
	for (size_t i = 0; fmt_is_shown(f, AD_COMMAND) && i < n; i++)
		for (size_t j = 0; j < v[i].nadv; j++) {
			fmt_row_begin(f);
			fmt_u64(f, AD_RANK, i + 1);
			fmt_str(f, AD_SETTING, v[i].adv[j].setting);
			fmt_str(f, AD_VALUE, v[i].adv[j].value);
			fmt_str(f, AD_SCOPE, v[i].adv[j].scope);
			fmt_str(f, AD_COMMAND, v[i].adv[j].command);
			fmt_row_end(f);
		}
	fmt_table_end(f);
}
