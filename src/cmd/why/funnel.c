/* SPDX-License-Identifier: GPL-2.0-or-later */
/* funnel.c: the loss of an interval layer by layer: counters joined with the drop reasons. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/pkt_sched.h>

#include "bpf/drop_reasons.h"
#include "cmd/why/funnel.h"

#ifdef HAVE_BPF
#include "bpf/drops_sample.h"
#endif

static const char *const layer_names[WL_N] = {
	[WL_NIC] = "nic", [WL_RING] = "ring", [WL_SOFTNET] = "softnet", [WL_KERNEL] = "kernel",
	[WL_CONNTRACK] = "conntrack", [WL_PROTOCOL] = "protocol", [WL_SOCKET] = "socket",
	[WL_PACKET] = "packet", [WL_QDISC] = "qdisc",
};

const char *why_layer_name(enum why_layer l)
{
	return l < WL_N ? layer_names[l] : "?";
}

/* Each cause's layer and name, and the drop reasons that mean the same loss. */
static const struct {
	enum why_layer layer;
	const char *name;
	const char *reasons[6];
} kinds[WC_NKINDS] = {
	[WC_NIC_MISSED] = { WL_NIC, "nic_missed", { NULL } },
	[WC_RING_DROPPED] = { WL_RING, "ring_dropped", { NULL } },
	[WC_XDP_DROP] = { WL_RING, "xdp_drop", { NULL } },
	[WC_SOFTNET_BACKLOG] = { WL_SOFTNET, "softnet_backlog", { "CPU_BACKLOG" } },
	[WC_NETFILTER] = { WL_KERNEL, "netfilter", { "NETFILTER_DROP" } },
	[WC_CONNTRACK] = { WL_CONNTRACK, "conntrack", { NULL } },
	[WC_NO_SOCKET] = { WL_PROTOCOL, "no_socket", { "NO_SOCKET" } },
	[WC_UDP_ERRORS] = { WL_PROTOCOL, "udp_errors", { "UDP_CSUM" } },
	[WC_LISTEN_OVERFLOW] = { WL_PROTOCOL, "listen_overflow", { "TCP_LISTEN_OVERFLOW" } },
	[WC_TCP_BACKLOG] = { WL_PROTOCOL, "tcp_backlog", { "SOCKET_BACKLOG" } },
	[WC_TCP_RCVQ] = { WL_PROTOCOL, "tcp_receive_queue",
			  { "PROTO_MEM", "TCP_OFO_QUEUE_PRUNE", "TCP_OFO_DROP" } },
	/*
	 * Segments a connection refuses (TCP's own drop reasons, no TcpExt
	 * counter); narrowed (--pid, FILTER), the selected connections' sk_drops,
	 * which count these and the queues' drops alike.
	 */
	[WC_TCP_CONN] = { WL_SOCKET, "tcp_connection",
			  { "TCP_INVALID_SEQUENCE", "TCP_OLD_SEQUENCE", "TCP_OVERWINDOW",
			    "TCP_ZEROWINDOW", "TCP_RFC7323_PAWS", "TCP_INVALID_ACK_SEQUENCE" } },
	[WC_SOCKET_BUFFER] = { WL_SOCKET, "socket_buffer", { "SOCKET_RCVBUFF" } },
	[WC_PACKET_SOCKET] = { WL_PACKET, "packet_socket", { "PACKET_SOCK_ERROR" } },
	[WC_QDISC] = { WL_QDISC, "qdisc",
		       { "QDISC_DROP", "QDISC_OVERLIMIT", "QDISC_CONGESTED", "FQ_FLOW_LIMIT",
			 "FQ_BAND_LIMIT", "CAKE_FLOOD" } },
	[WC_REASON] = { WL_KERNEL, NULL, { NULL } },
};

/* A counter's growth; a counter that went back (a device re-created) counts from zero. */
static uint64_t delta(uint64_t a, uint64_t b)
{
	return b >= a ? b - a : b;
}

static uint64_t snmp_delta(const struct why_sample *a, const struct why_sample *b, enum why_snmp c)
{
	if (!(a->snmp_has & b->snmp_has & (1u << c)))
		return 0;
	return delta(a->snmp[c], b->snmp[c]);
}

/* The working state of one build: the causes by kind, then the reason causes. */
struct build {
	struct why_funnel *f;
	/*
	 * --pid or FILTER: the socket causes count the selected sockets' own
	 * drops alone (the drop reasons are the namespace's, other sockets' too).
	 */
	bool narrowed;
	struct why_cause kind[WC_NKINDS];
	uint64_t kind_loc_count[WC_NKINDS];
	struct why_cause *extra;	/* WC_REASON causes */
	uint64_t *extra_loc_count;
	size_t nextra;
};

static int kind_of_reason(const char *name)
{
	if (!name)
		return -1;
	for (int k = 0; k < WC_NKINDS; k++)
		for (int i = 0; i < 6 && kinds[k].reasons[i]; i++)
			if (!strcmp(kinds[k].reasons[i], name))
				return k;
	return -1;
}

static void set_counter(struct why_cause *c, uint64_t v)
{
	c->counter = v;
	c->has_counter = true;
}

/*
 * The drivers' per-queue drops: a device's ring cause is the larger of its
 * rx_dropped and its queues' drops (the same overruns, counted in one place or
 * both, driver by driver); XDP's verdicts are a cause of their own.
 */
static void ring_queues(struct build *bd, uint64_t *worst_dropped)
{
	struct why_funnel *f = bd->f;
	struct why_cause *ring = &bd->kind[WC_RING_DROPPED], *xdp = &bd->kind[WC_XDP_DROP];
	uint64_t worst_xdp = 0;

	for (size_t i = 0; i < f->ndevs; i++) {
		const struct why_dev *d = &f->devs[i];

		if (!d->has_queue_drops)
			continue;
		xdp->has_counter = true;
		xdp->counter += d->xdp_drops;
		if (d->xdp_drops > worst_xdp) {
			worst_xdp = d->xdp_drops;
			snprintf(xdp->where, sizeof(xdp->where), "%s", d->name);
		}
		if (d->rx_queue_drops <= d->rx_dropped)
			continue;
		ring->counter += d->rx_queue_drops - d->rx_dropped;
		if (d->rx_queue_drops > *worst_dropped) {
			*worst_dropped = d->rx_queue_drops;
			snprintf(ring->where, sizeof(ring->where), "%s", d->name);
		}
	}
	for (size_t i = 0; i < f->nqueues; i++) {
		const struct why_queue *q = &f->queues[i];

		if (q->xdp_drops && !strcmp(q->name, xdp->where)) {
			snprintf(xdp->evidence, sizeof(xdp->evidence),
				 "ethtool -S %s: %" PRIu64 " XDP drops on rx queue %u (an XDP program's "
				 "XDP_DROP verdicts)", q->name, q->xdp_drops, q->queue);
			break;
		}
	}
}

/* Device layers: nic, ring and qdisc per device (-i: that one; else all but loopback). */
static int build_devs(struct build *bd, const struct why_sample *a, const struct why_sample *b,
		      const struct why_scope *scope)
{
	struct why_funnel *f = bd->f;
	uint64_t worst_missed = 0, worst_dropped = 0, worst_qdisc = 0;

	f->devs = calloc(b->ks.links.nlinks ? b->ks.links.nlinks : 1, sizeof(*f->devs));
	if (!f->devs)
		return -ENOMEM;
	for (unsigned i = 0; i < b->ks.links.nlinks; i++) {
		const struct link_stat *l = &b->ks.links.links[i], *p;
		struct why_dev *d;

		if (scope->iface ? strcmp(l->name, scope->iface) : !!(l->flags & IFF_LOOPBACK))
			continue;
		p = links_find(&a->ks.links, l->ifindex);
		d = &f->devs[f->ndevs++];
		d->ifindex = l->ifindex;
		snprintf(d->name, sizeof(d->name), "%s", l->name);
		if (p) {
			d->rx_packets = delta(p->rx_packets, l->rx_packets);
			d->rx_missed = delta(p->rx_missed, l->rx_missed);
			d->rx_fifo = delta(p->rx_fifo, l->rx_fifo);
			d->rx_dropped = delta(p->rx_dropped, l->rx_dropped);
			d->tx_dropped = delta(p->tx_dropped, l->tx_dropped);
		}
		for (unsigned q = 0; q < b->qdisc.n; q++) {
			const struct qdisc_stat *qb = &b->qdisc.qs[q], *qa;

			/* The root's counters hold its children's (mq, htb): roots only. */
			if (qb->ifindex != l->ifindex || qb->parent != TC_H_ROOT)
				continue;
			qa = qdisc_find(&a->qdisc, qb->ifindex, qb->handle, qb->parent);
			d->has_qdisc = true;
			snprintf(d->qdisc_kind, sizeof(d->qdisc_kind), "%s", qb->kind);
			d->qdisc_backlog = qb->backlog;
			d->qdisc_limit = qb->limit;
			d->has_qdisc_limit = qb->has_limit;
			if (qa) {
				d->qdisc_packets = delta(qa->packets, qb->packets);
				d->qdisc_drops = delta(qa->drops, qb->drops);
				d->qdisc_overlimits = delta(qa->overlimits, qb->overlimits);
				d->qdisc_requeues = delta(qa->requeues, qb->requeues);
			}
		}
		const struct ring_info *r = rings_find(&b->ks.rings, l->ifindex);

		if (r && r->has_rings) {
			d->has_ring = true;
			d->ring_rx = r->rx;
			d->ring_rx_max = r->rx_max;
		}
		f->layers[WL_NIC].packets += d->rx_packets;
		f->layers[WL_RING].packets += d->rx_packets;
		f->layers[WL_QDISC].packets += d->qdisc_packets;
		bd->kind[WC_NIC_MISSED].counter += d->rx_missed + d->rx_fifo;
		bd->kind[WC_RING_DROPPED].counter += d->rx_dropped;
		bd->kind[WC_QDISC].counter += d->qdisc_drops;
		if (d->rx_missed + d->rx_fifo > worst_missed) {
			worst_missed = d->rx_missed + d->rx_fifo;
			snprintf(bd->kind[WC_NIC_MISSED].where, sizeof(bd->kind[0].where), "%s", d->name);
		}
		if (d->rx_dropped > worst_dropped) {
			worst_dropped = d->rx_dropped;
			snprintf(bd->kind[WC_RING_DROPPED].where, sizeof(bd->kind[0].where), "%s",
				 d->name);
		}
		if (d->qdisc_drops > worst_qdisc) {
			worst_qdisc = d->qdisc_drops;
			snprintf(bd->kind[WC_QDISC].where, sizeof(bd->kind[0].where), "%s", d->name);
			snprintf(bd->kind[WC_QDISC].evidence, sizeof(bd->kind[0].evidence),
				 "%s on %s: %" PRIu64 " dropped, %" PRIu64 " overlimits, %" PRIu64
				 " requeues, backlog %" PRIu32 " bytes", d->qdisc_kind, d->name,
				 d->qdisc_drops, d->qdisc_overlimits, d->qdisc_requeues,
				 d->qdisc_backlog);
		}
	}
	if (why_queues_build(f, a, b))
		return -ENOMEM;
	ring_queues(bd, &worst_dropped);
	f->layers[WL_NIC].present = f->layers[WL_RING].present = true;
	f->layers[WL_NIC].has_packets = f->layers[WL_RING].has_packets = true;
	bd->kind[WC_NIC_MISSED].has_counter = bd->kind[WC_RING_DROPPED].has_counter = true;
	if (worst_missed)
		snprintf(bd->kind[WC_NIC_MISSED].evidence, sizeof(bd->kind[0].evidence),
			 "rx_missed_errors and rx_fifo_errors of %s", bd->kind[WC_NIC_MISSED].where);
	if (!b->qdisc_err && !a->qdisc_err) {
		f->layers[WL_QDISC].present = f->layers[WL_QDISC].has_packets = true;
		bd->kind[WC_QDISC].has_counter = true;
	} else {
		snprintf(f->layers[WL_QDISC].absent_why, sizeof(f->layers[0].absent_why),
			 "RTM_GETQDISC: %s", strerror(-(b->qdisc_err ? b->qdisc_err : a->qdisc_err)));
	}
	return 0;
}

/* The ring cause's counters: rx_dropped, and the queue that dropped most on that device. */
static void ring_evidence(struct build *bd)
{
	struct why_cause *c = &bd->kind[WC_RING_DROPPED];
	const struct why_funnel *f = bd->f;
	int n;

	n = snprintf(c->evidence, sizeof(c->evidence),
		     "rx_dropped of %s, less the softnet backlog drops it also counts", c->where);
	for (size_t i = 0; n > 0 && (size_t)n < sizeof(c->evidence) && i < f->nqueues; i++) {
		const struct why_queue *q = &f->queues[i];

		if (q->drops > q->xdp_drops && !strcmp(q->name, c->where)) {
			snprintf(c->evidence + n, sizeof(c->evidence) - (size_t)n,
				 "; per queue (ethtool -S): most on rx queue %u, %" PRIu64, q->queue,
				 q->drops - q->xdp_drops);
			break;
		}
	}
}

/* The softnet layer per CPU, with each CPU's share of the NET_RX softirqs. */
static int build_cpus(struct build *bd, const struct why_sample *a, const struct why_sample *b)
{
	struct why_funnel *f = bd->f;
	const struct softnet_snap *sa = &a->ks.softnet, *sb = &b->ks.softnet;
	uint64_t net_rx_total = 0, squeeze = 0, flow = 0, worst = 0;

	f->cpus = calloc(sb->ncpus ? sb->ncpus : 1, sizeof(*f->cpus));
	if (!f->cpus)
		return -ENOMEM;
	for (unsigned i = 0; i < sb->ncpus; i++) {
		const struct softnet_cpu *cb = &sb->cpus[i], *ca = NULL;
		struct why_cpu *c = &f->cpus[f->ncpus++];

		for (unsigned j = 0; j < sa->ncpus && !ca; j++)
			if (sa->cpus[j].cpu == cb->cpu)
				ca = &sa->cpus[j];
		c->cpu = cb->cpu;
		if (ca) {
			c->processed = delta(ca->processed, cb->processed);
			c->dropped = delta(ca->dropped, cb->dropped);
			c->time_squeeze = delta(ca->time_squeeze, cb->time_squeeze);
			c->flow_limit = delta(ca->flow_limit_count, cb->flow_limit_count);
		}
		for (unsigned j = 0; j < b->ks.softirqs.ncpus; j++) {
			const struct softirqs_cpu *xb = &b->ks.softirqs.cpus[j];

			if (xb->cpu != c->cpu)
				continue;
			for (unsigned k = 0; k < a->ks.softirqs.ncpus; k++)
				if (a->ks.softirqs.cpus[k].cpu == c->cpu)
					c->net_rx = delta(a->ks.softirqs.cpus[k].net_rx, xb->net_rx);
		}
		net_rx_total += c->net_rx;
		f->layers[WL_SOFTNET].packets += c->processed;
		bd->kind[WC_SOFTNET_BACKLOG].counter += c->dropped;
		squeeze += c->time_squeeze;
		flow += c->flow_limit;
		if (c->dropped > worst) {
			worst = c->dropped;
			snprintf(bd->kind[WC_SOFTNET_BACKLOG].where, sizeof(bd->kind[0].where),
				 "cpu%u", c->cpu);
		}
	}
	for (size_t i = 0; i < f->ncpus; i++)
		f->cpus[i].net_rx_pct = net_rx_total ?
			100.0 * (double)f->cpus[i].net_rx / (double)net_rx_total : 0;
	f->layers[WL_SOFTNET].present = f->layers[WL_SOFTNET].has_packets = true;
	bd->kind[WC_SOFTNET_BACKLOG].has_counter = true;
	snprintf(bd->kind[WC_SOFTNET_BACKLOG].evidence, sizeof(bd->kind[0].evidence),
		 "softnet_stat: %" PRIu64 " dropped (backlog full)%s%s, %" PRIu64
		 " time_squeeze, %" PRIu64 " flow_limit", bd->kind[WC_SOFTNET_BACKLOG].counter,
		 worst ? " most on " : "", worst ? bd->kind[WC_SOFTNET_BACKLOG].where : "",
		 squeeze, flow);
	/* rx_dropped counts the core's drops of a device's packets too (backlog full). */
	uint64_t backlog = bd->kind[WC_SOFTNET_BACKLOG].counter;

	bd->kind[WC_RING_DROPPED].counter -= backlog < bd->kind[WC_RING_DROPPED].counter ?
						     backlog : bd->kind[WC_RING_DROPPED].counter;
	if (bd->kind[WC_RING_DROPPED].counter)
		ring_evidence(bd);
	return 0;
}

static void build_conntrack(struct build *bd, const struct why_sample *a,
			    const struct why_sample *b)
{
	struct why_funnel *f = bd->f;
	uint64_t drop, early, failed;

	if (a->ct_err || b->ct_err) {
		int err = b->ct_err ? b->ct_err : a->ct_err;

		snprintf(f->layers[WL_CONNTRACK].absent_why, sizeof(f->layers[0].absent_why),
			 err == -ENOENT ? "no connection tracking here (nf_conntrack not loaded)" :
					  CONNTRACK_STAT_PATH ": %s", strerror(-err));
		return;
	}
	f->layers[WL_CONNTRACK].present = true;
	drop = delta(a->ct.v[CT_DROP], b->ct.v[CT_DROP]);
	early = delta(a->ct.v[CT_EARLY_DROP], b->ct.v[CT_EARLY_DROP]);
	failed = delta(a->ct.v[CT_INSERT_FAILED], b->ct.v[CT_INSERT_FAILED]);
	set_counter(&bd->kind[WC_CONNTRACK], drop + early + failed);
	f->conntrack_entries = b->ct.v[CT_ENTRIES];
	f->has_conntrack_entries = b->ct.has & (1u << CT_ENTRIES);
	snprintf(bd->kind[WC_CONNTRACK].evidence, sizeof(bd->kind[0].evidence),
		 "nf_conntrack: %" PRIu64 " drop, %" PRIu64 " early_drop, %" PRIu64
		 " insert_failed; %" PRIu64 " entries", drop, early, failed, b->ct.v[CT_ENTRIES]);
}

static bool narrowed(const struct why_scope *scope)
{
	return scope->pid || scope->filter;
}

/* The protocol counters; with --pid or a filter the socket counters are those sockets'. */
static void build_protocol(struct build *bd, const struct why_sample *a,
			   const struct why_sample *b, const struct why_scope *scope)
{
	struct why_funnel *f = bd->f;
	uint64_t inerr, rcvbuf;
	struct why_cause *c;

	if (a->snmp_err || b->snmp_err) {
		snprintf(f->layers[WL_PROTOCOL].absent_why, sizeof(f->layers[0].absent_why),
			 "/proc/net/snmp: %s", strerror(-(b->snmp_err ? b->snmp_err : a->snmp_err)));
		snprintf(f->layers[WL_SOCKET].absent_why, sizeof(f->layers[0].absent_why),
			 "/proc/net/snmp: %s", strerror(-(b->snmp_err ? b->snmp_err : a->snmp_err)));
		return;
	}
	f->layers[WL_PROTOCOL].present = f->layers[WL_PROTOCOL].has_packets = true;
	f->layers[WL_PROTOCOL].packets = snmp_delta(a, b, WS_IP_IN) + snmp_delta(a, b, WS_IP6_IN);
	c = &bd->kind[WC_NO_SOCKET];
	set_counter(c, snmp_delta(a, b, WS_UDP_NOPORTS) + snmp_delta(a, b, WS_UDP6_NOPORTS));
	snprintf(c->evidence, sizeof(c->evidence), "%s and %s: %" PRIu64,
		 why_snmp_name(WS_UDP_NOPORTS), why_snmp_name(WS_UDP6_NOPORTS), c->counter);
	rcvbuf = snmp_delta(a, b, WS_UDP_RCVBUF) + snmp_delta(a, b, WS_UDP6_RCVBUF);
	inerr = snmp_delta(a, b, WS_UDP_INERR) + snmp_delta(a, b, WS_UDP6_INERR);
	c = &bd->kind[WC_UDP_ERRORS];
	set_counter(c, inerr > rcvbuf ? inerr - rcvbuf : 0);
	snprintf(c->evidence, sizeof(c->evidence),
		 "Udp InErrors %" PRIu64 " less RcvbufErrors %" PRIu64 " (checksums, memory)",
		 inerr, rcvbuf);
	c = &bd->kind[WC_LISTEN_OVERFLOW];
	set_counter(c, snmp_delta(a, b, WS_LISTEN_OVERFLOWS));
	snprintf(c->evidence, sizeof(c->evidence), "%s %" PRIu64 ", %s %" PRIu64,
		 why_snmp_name(WS_LISTEN_OVERFLOWS), c->counter, why_snmp_name(WS_LISTEN_DROPS),
		 snmp_delta(a, b, WS_LISTEN_DROPS));
	c = &bd->kind[WC_TCP_BACKLOG];
	set_counter(c, snmp_delta(a, b, WS_TCP_BACKLOG_DROP));
	snprintf(c->evidence, sizeof(c->evidence), "%s %" PRIu64,
		 why_snmp_name(WS_TCP_BACKLOG_DROP), c->counter);
	c = &bd->kind[WC_TCP_RCVQ];
	set_counter(c, snmp_delta(a, b, WS_TCP_RCVQ_DROP) + snmp_delta(a, b, WS_RCV_PRUNED) +
			       snmp_delta(a, b, WS_OFO_PRUNED));
	snprintf(c->evidence, sizeof(c->evidence),
		 "TCPRcvQDrop %" PRIu64 ", RcvPruned %" PRIu64 ", OfoPruned %" PRIu64
		 ", PruneCalled %" PRIu64, snmp_delta(a, b, WS_TCP_RCVQ_DROP),
		 snmp_delta(a, b, WS_RCV_PRUNED), snmp_delta(a, b, WS_OFO_PRUNED),
		 snmp_delta(a, b, WS_PRUNE_CALLED));
	f->layers[WL_SOCKET].present = f->layers[WL_SOCKET].has_packets = true;
	f->layers[WL_SOCKET].packets = snmp_delta(a, b, WS_UDP_IN) + snmp_delta(a, b, WS_UDP6_IN);
	c = &bd->kind[WC_SOCKET_BUFFER];
	set_counter(c, rcvbuf);
	snprintf(c->evidence, sizeof(c->evidence), "%s and %s: %" PRIu64,
		 why_snmp_name(WS_UDP_RCVBUF), why_snmp_name(WS_UDP6_RCVBUF), rcvbuf);
	if (narrowed(scope)) {
		/* The selected sockets' own drops stand for the namespace's counters. */
		uint64_t udp = 0, listen = 0, conn = 0;

		for (size_t i = 0; i < b->nsocks; i++) {
			const struct why_sock *s = &b->socks[i], *p = why_sample_sock(a, s->inode);
			uint64_t d = delta(p ? p->drops : 0, s->drops);

			if (s->table == SOCKTAB_UDP)
				udp += d;
			else if (s->state == SOCK_ST_LISTEN)
				listen += d;
			else
				conn += d;
		}
		set_counter(&bd->kind[WC_SOCKET_BUFFER], udp);
		snprintf(bd->kind[WC_SOCKET_BUFFER].evidence, sizeof(c->evidence),
			 "the selected UDP sockets' drops: %" PRIu64, udp);
		set_counter(&bd->kind[WC_LISTEN_OVERFLOW], listen);
		snprintf(bd->kind[WC_LISTEN_OVERFLOW].evidence, sizeof(c->evidence),
			 "the selected listeners' drops: %" PRIu64, listen);
		/*
		 * A connection's sk_drops does not say which queue lost (backlog,
		 * receive queue, a segment out of window): one cause for them,
		 * and the namespace's TCP queue counters stand for other sockets.
		 */
		for (int k = WC_TCP_BACKLOG; k <= WC_TCP_RCVQ; k++) {
			bd->kind[k].has_counter = false;
			bd->kind[k].counter = 0;
		}
		set_counter(&bd->kind[WC_TCP_CONN], conn);
		snprintf(bd->kind[WC_TCP_CONN].evidence, sizeof(c->evidence),
			 "the selected TCP connections' drops (sk_drops: backlog, receive queue, "
			 "segments out of window): %" PRIu64, conn);
	}
}

static int cmp_sock_row(const void *x, const void *y)
{
	const struct why_sock_row *a = x, *b = y;

	if (a->drops != b->drops)
		return a->drops < b->drops ? 1 : -1;
	return (a->s.rmem < b->s.rmem) - (a->s.rmem > b->s.rmem);
}

/* The sockets that lost most, then the fullest; the socket cause's "where". */
static int build_socks(struct build *bd, const struct why_sample *a, const struct why_sample *b)
{
	struct why_funnel *f = bd->f;
	struct why_sock_row *rows;
	size_t n = 0;

	if (b->sock_err) {
		/* The counters still stand; only the sockets behind them are unknown. */
		return 0;
	}
	rows = calloc(b->nsocks ? b->nsocks : 1, sizeof(*rows));
	if (!rows)
		return -ENOMEM;
	for (size_t i = 0; i < b->nsocks; i++) {
		const struct why_sock *s = &b->socks[i], *p = why_sample_sock(a, s->inode);
		uint64_t d = delta(p ? p->drops : 0, s->drops);

		if (!d && !s->rqueue)
			continue;
		rows[n].s = *s;
		rows[n].drops = d;
		n++;
	}
	qsort(rows, n, sizeof(*rows), cmp_sock_row);
	f->socks = rows;
	f->nsocks = n < WHY_FUNNEL_SOCKS ? n : WHY_FUNNEL_SOCKS;
	for (size_t i = 0; i < f->nsocks; i++) {
		struct why_cause *c = rows[i].s.table == SOCKTAB_UDP ? &bd->kind[WC_SOCKET_BUFFER] :
				      rows[i].s.state == SOCK_ST_LISTEN ? &bd->kind[WC_LISTEN_OVERFLOW] :
									   &bd->kind[WC_TCP_CONN];

		if (c && rows[i].drops && !c->where[0])
			snprintf(c->where, sizeof(c->where), "%s port %u inode %" PRIu64,
				 sockdiag_table_name(rows[i].s.table), rows[i].s.sport,
				 rows[i].s.inode);
	}
	return 0;
}

/* Packet sockets: the drops sock_diag sees (sockets without a ring); rings by their reason. */
static void build_packet(struct build *bd, const struct why_sample *a, const struct why_sample *b)
{
	struct why_funnel *f = bd->f;
	uint64_t sum = 0, worst = 0;
	unsigned rings = 0;

	if (!(a->ks.parts & b->ks.parts & KSTAT_PACKET)) {
		snprintf(f->layers[WL_PACKET].absent_why, sizeof(f->layers[0].absent_why),
			 "packet_diag: %s", strerror(-kstat_part_err(&b->ks, KSTAT_PACKET)));
		return;
	}
	f->layers[WL_PACKET].present = true;
	for (unsigned i = 0; i < b->ks.packet.n; i++) {
		const struct packet_sock *s = &b->ks.packet.socks[i];
		const struct packet_sock *p = packet_diag_find(&a->ks.packet, s->ino);
		uint64_t d = delta(p ? p->drops : 0, s->drops);

		sum += d;
		if (d > worst) {
			worst = d;
			snprintf(bd->kind[WC_PACKET_SOCKET].where, sizeof(bd->kind[0].where),
				 "packet socket inode %" PRIu32 "%s%.16s", s->ino, s->pid ? " of " : "",
				 s->pid ? s->comm : "");
		}
	}
	for (unsigned i = 0; i < b->ks.packet.n; i++)
		rings += b->ks.packet.socks[i].has_rx_ring;
	set_counter(&bd->kind[WC_PACKET_SOCKET], sum);
	/*
	 * A ring's drops (tp_drops) are told to its owner alone: packet_diag has
	 * no such counter and tpacket_rcv neither adds to sk_drops nor frees the
	 * (shared) skb through kfree_skb's tracepoint.
	 */
	snprintf(bd->kind[WC_PACKET_SOCKET].evidence, sizeof(bd->kind[0].evidence),
		 "sk_drops of packet sockets: %" PRIu64 "%s", sum,
		 rings ? "; the drops of their mapped rings are seen only by their owners" : "");
}

/* A WC_REASON cause for a reason no counter explains (found or added). */
static struct why_cause *reason_cause(struct build *bd, const char *name, size_t *idx)
{
	struct why_cause *c;
	uint64_t *lc;

	for (size_t i = 0; i < bd->nextra; i++)
		if (!strcmp(bd->extra[i].name, name)) {
			*idx = i;
			return &bd->extra[i];
		}
	c = reallocarray(bd->extra, bd->nextra + 1, sizeof(*c));
	if (!c)
		return NULL;
	bd->extra = c;
	lc = reallocarray(bd->extra_loc_count, bd->nextra + 1, sizeof(*lc));
	if (!lc)
		return NULL;
	bd->extra_loc_count = lc;
	lc[bd->nextra] = 0;
	c = &bd->extra[bd->nextra];
	memset(c, 0, sizeof(*c));
	c->kind = WC_REASON;
	c->layer = WL_KERNEL;
	snprintf(c->name, sizeof(c->name), "%s", name);
	*idx = bd->nextra++;
	return c;
}

static int build_reasons(struct build *bd, const struct why_sample *a, const struct why_sample *b,
			 const struct drop_reasons *reasons, const char *drops_why)
{
	struct why_funnel *f = bd->f;

	if (drops_why || a->drops_err || b->drops_err) {
		snprintf(f->layers[WL_KERNEL].absent_why, sizeof(f->layers[0].absent_why), "%s",
			 drops_why ? drops_why : strerror(-(b->drops_err ? b->drops_err :
								 a->drops_err)));
		return 0;
	}
	f->layers[WL_KERNEL].present = true;
#ifdef HAVE_BPF
	struct drops_entry *rows = NULL;
	int n = drops_sample_diff(&a->drops, &b->drops, &rows);

	if (n < 0)
		return n;
	for (int i = 0; i < n; i++) {
		const char *name = reasons ? drop_reasons_name(reasons, rows[i].key.reason) : NULL;
		char num[32];
		int k = kind_of_reason(name);
		struct why_cause *c;
		uint64_t *loc_count;
		size_t idx;

		if (!name) {
			snprintf(num, sizeof(num), "reason_%" PRIu32, rows[i].key.reason);
			name = num;
		}
		if (bd->narrowed && (k == WC_TCP_BACKLOG || k == WC_TCP_RCVQ))
			k = WC_TCP_CONN;
		if (k >= 0) {
			c = &bd->kind[k];
			loc_count = &bd->kind_loc_count[k];
		} else {
			c = reason_cause(bd, name, &idx);
			if (!c) {
				free(rows);
				return -ENOMEM;
			}
			loc_count = &bd->extra_loc_count[idx];
		}
		c->reasons += rows[i].count;
		if (rows[i].count > *loc_count) {
			*loc_count = rows[i].count;
			c->top_location = rows[i].key.location;
			if (!c->where[0] && rows[i].ifname[0])
				snprintf(c->where, sizeof(c->where), "%.16s", rows[i].ifname);
		}
	}
	free(rows);
	for (size_t i = 0; i < bd->nextra; i++)
		snprintf(bd->extra[i].evidence, sizeof(bd->extra[i].evidence),
			 "kfree_skb reason %s: %" PRIu64, bd->extra[i].name, bd->extra[i].reasons);
#else
	(void)reasons;
#endif
	return 0;
}

static int cmp_cause(const void *x, const void *y)
{
	const struct why_cause *a = x, *b = y;

	if (a->drops != b->drops)
		return a->drops < b->drops ? 1 : -1;
	/* Equal: the cause a counter backs, in the funnel's order, before bare reasons. */
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* The causes a narrowed funnel counts from the selected sockets. */
static bool selection_kind(int k)
{
	return k == WC_SOCKET_BUFFER || k == WC_LISTEN_OVERFLOW || k == WC_TCP_CONN;
}

/* The causes that lost, most first; the layers' sums and shares. */
static int finish(struct build *bd)
{
	struct why_funnel *f = bd->f;
	size_t n = 0;

	f->causes = calloc(WC_NKINDS + bd->nextra, sizeof(*f->causes));
	if (!f->causes)
		return -ENOMEM;
	for (int k = 0; k < WC_NKINDS + (int)bd->nextra; k++) {
		struct why_cause *c = k < WC_NKINDS ? &bd->kind[k] : &bd->extra[k - WC_NKINDS];

		if (k == WC_REASON)
			continue;
		if (k < WC_NKINDS) {
			c->kind = (enum why_cause_kind)k;
			c->layer = kinds[k].layer;
			snprintf(c->name, sizeof(c->name), "%s", kinds[k].name);
			if (c->reasons && kinds[k].reasons[0]) {
				size_t used = strlen(c->evidence);

				snprintf(c->evidence + used, sizeof(c->evidence) - used,
					 "%skfree_skb reason %s%s: %" PRIu64 "%s", used ? "; " : "",
					 kinds[k].reasons[0], kinds[k].reasons[1] ? " and alike" : "",
					 c->reasons, bd->narrowed && selection_kind(k) ?
					 " (every socket's)" : "");
			}
		}
		if (bd->narrowed && k < WC_NKINDS && selection_kind(k))
			c->drops = c->counter;
		else
			c->drops = c->counter > c->reasons ? c->counter : c->reasons;
		if (!c->drops)
			continue;
		f->causes[n++] = *c;
		f->total += c->drops;
		f->layers[c->layer].drops += c->drops;
	}
	f->ncauses = n;
	qsort(f->causes, n, sizeof(*f->causes), cmp_cause);
	for (size_t i = 0; i < n; i++)
		f->causes[i].share_pct = 100.0 * (double)f->causes[i].drops / (double)f->total;
	for (int l = 0; l < WL_N; l++)
		f->layers[l].share_pct = f->total ?
			100.0 * (double)f->layers[l].drops / (double)f->total : 0;
	return 0;
}

int why_funnel_build(struct why_funnel *f, const struct why_sample *a, const struct why_sample *b,
		     const struct why_scope *scope, const struct drop_reasons *reasons,
		     const char *drops_why)
{
	struct build bd = { .f = f, .narrowed = narrowed(scope) };
	int err;

	memset(f, 0, sizeof(*f));
	f->secs = b->mono_ns > a->mono_ns ? (double)(b->mono_ns - a->mono_ns) / 1e9 : 0;
	err = build_devs(&bd, a, b, scope);
	if (!err)
		err = build_cpus(&bd, a, b);
	if (!err) {
		build_conntrack(&bd, a, b);
		build_protocol(&bd, a, b, scope);
		build_packet(&bd, a, b);
		err = build_socks(&bd, a, b);
	}
	if (!err)
		err = build_reasons(&bd, a, b, reasons, drops_why);
	if (!err)
		err = finish(&bd);
	free(bd.extra);
	free(bd.extra_loc_count);
	return err;
}

void why_funnel_free(struct why_funnel *f)
{
	free(f->causes);
	free(f->devs);
	free(f->cpus);
	free(f->queues);
	free(f->socks);
	memset(f, 0, sizeof(*f));
}
