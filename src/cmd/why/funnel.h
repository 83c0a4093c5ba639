/* SPDX-License-Identifier: GPL-2.0-or-later */
/* funnel.h: two samples of every layer to the loss of the interval: per layer and per cause. */
#ifndef SOCKEYE_CMD_WHY_FUNNEL_H
#define SOCKEYE_CMD_WHY_FUNNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmd/why/sample.h"

struct drop_reasons;

/* The layers from the wire to the application, then the way back out. */
enum why_layer {
	WL_NIC,		/* the NIC: missed and FIFO overruns, before any ring */
	WL_RING,	/* the driver and its rings: rx_dropped, per-queue drops */
	WL_SOFTNET,	/* the per-CPU backlog: dropped, time_squeeze, flow_limit */
	WL_KERNEL,	/* kfree_skb's drop reasons (BPF) not counted by another layer */
	WL_CONNTRACK,	/* the connection tracker: drop, early_drop, insert_failed */
	WL_PROTOCOL,	/* /proc/net/snmp and netstat: no socket, listen overflows, TCP queues */
	WL_SOCKET,	/* socket receive buffers */
	WL_PACKET,	/* packet sockets (captures) and their rings */
	WL_QDISC,	/* the way out: queueing disciplines */
	WL_N,
};
const char *why_layer_name(enum why_layer l);

/*
 * A cause of loss: one kernel counter of one layer, and the drop reasons
 * (BPF) that mean the same loss, so it is counted once: its drops are the
 * larger of the two.  Reasons no counter explains are causes of their own
 * in the kernel layer.
 */
enum why_cause_kind {
	WC_NIC_MISSED, WC_RING_DROPPED, WC_XDP_DROP, WC_SOFTNET_BACKLOG, WC_NETFILTER, WC_CONNTRACK,
	WC_NO_SOCKET, WC_UDP_ERRORS, WC_LISTEN_OVERFLOW, WC_TCP_BACKLOG, WC_TCP_RCVQ,
	WC_TCP_CONN, WC_SOCKET_BUFFER, WC_PACKET_SOCKET, WC_QDISC, WC_REASON,
	WC_NKINDS,
};

struct why_cause {
	enum why_cause_kind kind;
	enum why_layer layer;
	char name[64];			/* "socket_buffer"; WC_REASON: the reason's name */
	uint64_t counter;		/* the layer's own counter over the interval */
	bool has_counter;
	uint64_t reasons;		/* drops with the matching reasons (BPF) */
	uint64_t drops;			/* the loss counted: the larger */
	uint64_t top_location;		/* the reasons' commonest kernel location, 0: none */
	char where[64];			/* the device, CPU or socket that lost most */
	char evidence[256];		/* the counters behind it, as the kernel names them */
	char location[96];		/* top_location as a symbol (filled by the caller) */
	double share_pct;
};

struct why_layer_row {
	bool present;
	char absent_why[192];		/* !present: why the layer could not be read */
	bool has_packets;
	uint64_t packets;		/* through the layer over the interval */
	uint64_t drops;			/* its causes' drops */
	double share_pct;
};

/* Per device: the device layers' figures, for the devices table. */
struct why_dev {
	int ifindex;
	char name[16];
	uint64_t rx_packets, rx_missed, rx_fifo, rx_dropped, tx_dropped;
	uint64_t qdisc_packets, qdisc_drops, qdisc_overlimits, qdisc_requeues;
	uint32_t qdisc_backlog, qdisc_limit;
	bool has_qdisc_limit;
	char qdisc_kind[16];
	bool has_qdisc;
	uint32_t ring_rx, ring_rx_max;
	bool has_ring;
	/*
	 * The driver's per-queue receive drops (ethtool -S), summed: a ring
	 * overrun some drivers count only there, not in rx_dropped; and apart,
	 * the packets an XDP program dropped (its verdict, not a full ring).
	 */
	uint64_t rx_queue_drops, xdp_drops;
	bool has_queue_drops;
};

/* A receive queue that dropped in the interval: which, and how much. */
struct why_queue {
	int ifindex;
	char name[16];
	unsigned queue;
	uint64_t packets, drops, xdp_drops;	/* drops holds xdp_drops */
	bool has_packets;
};

/* How many queues the funnel keeps: those that dropped most. */
#define WHY_FUNNEL_QUEUES 16

/* Per CPU: the softnet figures and its share of NET_RX softirqs. */
struct why_cpu {
	unsigned cpu;
	uint64_t processed, dropped, time_squeeze, flow_limit;
	uint64_t net_rx;
	double net_rx_pct;
};

/* A socket that lost in the interval (or is fullest), for the sockets table and the advice. */
struct why_sock_row {
	struct why_sock s;		/* as at the end */
	uint64_t drops;			/* over the interval */
};

struct why_funnel {
	double secs;
	struct why_layer_row layers[WL_N];
	struct why_cause *causes;	/* most drops first; only those that lost */
	size_t ncauses;
	uint64_t total;			/* every cause's drops: the loss */
	struct why_dev *devs;
	size_t ndevs;
	struct why_cpu *cpus;
	size_t ncpus;
	struct why_queue *queues;	/* receive queues that dropped, most first */
	size_t nqueues;
	struct why_sock_row *socks;	/* most drops, then fullest, first */
	size_t nsocks;
	uint64_t conntrack_entries;
	bool has_conntrack_entries;
};

/* How many sockets the funnel keeps (the fullest and those that lost). */
#define WHY_FUNNEL_SOCKS 10

/*
 * The funnel of the interval from a to b; scope narrows the device layers
 * (iface) and tells whether the protocol layer stands for the filtered
 * sockets only; drops_why is why the drop reasons are absent (NULL: they are
 * not).  0 or -ENOMEM; why_funnel_free whatever it returns.
 */
int why_funnel_build(struct why_funnel *f, const struct why_sample *a, const struct why_sample *b,
		     const struct why_scope *scope, const struct drop_reasons *reasons,
		     const char *drops_why);
void why_funnel_free(struct why_funnel *f);

/*
 * The per-queue part of the device layers (funnel_queues.c): f->queues, and
 * each of f->devs' rx_queue_drops and xdp_drops, from the samples' ethtool
 * statistics.  0 or -ENOMEM.
 */
int why_queues_build(struct why_funnel *f, const struct why_sample *a, const struct why_sample *b);

#endif
