/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trace.h: what trace.bpf.c and its collector share (hops, events, counters), and the collector. */
#ifndef SOCKEYE_TRACE_H
#define SOCKEYE_TRACE_H

#ifndef __bpf__
#include <linux/types.h>
#endif

#define TRACE_IFNAMSIZ 16
#define TRACE_COMMSIZ 16
/* The most packet bytes a first hop's event carries (-w's snap length at most). */
#define TRACE_SNAP_MAX 256

/* The tracepoints a packet is seen at, in the order of a packet's way in and out. */
enum trace_hop {
	TRACE_HOP_NETIF_RX,		/* net:netif_rx: a driver or veth hands it in */
	TRACE_HOP_NAPI_GRO,		/* net:napi_gro_receive_entry */
	TRACE_HOP_NETIF_RECEIVE,	/* net:netif_receive_skb: the stack takes it */
	TRACE_HOP_RCVQUEUE_FULL,	/* sock:sock_rcvqueue_full */
	TRACE_HOP_SK_DATA_READY,	/* sock:sk_data_ready: queued to a socket, reader woken */
	TRACE_HOP_COPY_DATAGRAM,	/* skb:skb_copy_datagram_iovec: the application reads it */
	TRACE_HOP_RECV,			/* sock:sock_recv_length: a datagram read (a fate) */
	TRACE_HOP_DEV_QUEUE,		/* net:net_dev_queue: to a device's queue */
	TRACE_HOP_QDISC_ENQUEUE,	/* qdisc:qdisc_enqueue: into the device's qdisc */
	TRACE_HOP_QDISC_DEQUEUE,	/* qdisc:qdisc_dequeue: out of it, to be sent */
	TRACE_HOP_START_XMIT,		/* net:net_dev_start_xmit: to the driver */
	TRACE_HOP_DEV_XMIT,		/* net:net_dev_xmit: the driver took it */
	TRACE_HOP_RETRANSMIT,		/* tcp:tcp_retransmit_skb */
	TRACE_HOP_CONSUME,		/* skb:consume_skb: freed after use (a fate) */
	TRACE_HOP_KFREE,		/* skb:kfree_skb: dropped (a fate) */
	TRACE_HOP_NR,
};

/* Read-only configuration, fixed before load. */
struct trace_config {
	__u32 netns_ino;	/* 0: packets of every network namespace */
	__u32 ifindex;		/* 0: every interface (set only with netns_ino) */
	__u32 snaplen;		/* packet bytes in a first hop's event (0: none) */
	__u32 set_mask;		/* the tables' sets - 1 (a power of two) */
	__u8 filter;		/* 1: the first hop runs the pcap filter */
	__u8 summary;		/* 1: --summary counted in the kernel (pairs, fates): no events */
	__u8 pad[2];
};

/*
 * --summary in the kernel: per pair of consecutive hops of a followed skb
 * (a clone's first hop follows the hop its packet was last seen at), a
 * log2 histogram of the time between them, as bcc's tools keep theirs;
 * per-CPU, summed by the collector at the end.  Bucket b holds [2^b,
 * 2^(b+1)) ns (bucket 0 also 0 ns), the last everything above.
 */
#define TRACE_PAIR_BUCKETS 41

/* floor(log2(v)), 0 for 0, at most the last bucket: a pair's bucket, in the kernel's few steps. */
static inline __attribute__((always_inline)) __u32 trace_log2_bucket(__u64 v)
{
	__u32 r, shift;

	r = (__u32)(v > 0xffffffffull) << 5;
	v >>= r;
	shift = (__u32)(v > 0xffff) << 4;
	v >>= shift;
	r |= shift;
	shift = (__u32)(v > 0xff) << 3;
	v >>= shift;
	r |= shift;
	shift = (__u32)(v > 0xf) << 2;
	v >>= shift;
	r |= shift;
	shift = (__u32)(v > 0x3) << 1;
	v >>= shift;
	r |= shift;
	r |= (__u32)(v >> 1);
	return r < TRACE_PAIR_BUCKETS ? r : TRACE_PAIR_BUCKETS - 1;
}

struct trace_pair_stat {
	__u64 count;
	__u64 sum_ns, min_ns, max_ns;
	__u64 buckets[TRACE_PAIR_BUCKETS];
};

/* The packets' fates as --summary counts them (the numbers of src/cmd/trace's enum trace_fate). */
enum trace_kfate {
	TRACE_KFATE_DELIVERED = 1,
	TRACE_KFATE_SENT,
	TRACE_KFATE_CONSUMED,
	TRACE_KFATE_DROPPED,
	TRACE_KFATE_NR,
};

/*
 * The tables of followed skbs and of their data (skb->head) are set
 * associative (src/bpf/trace_table.bpf.h): TRACE_WAYS keys per set, a set's
 * tags in half a cache line.  --max-packets rounds up to a power of two of
 * sets.
 */
#define TRACE_WAYS 4

enum trace_event_flag {
	TRACE_EV_FIRST = 1,	/* the packet's first hop: data holds its first bytes */
	TRACE_EV_L3 = 2,	/* data starts at the network header (no link header) */
	TRACE_EV_END = 4,	/* the packet's last hop: its fate */
	TRACE_EV_CLONE = 8,	/* this skb was joined to the packet by its data (skb->head) */
};

/* What a ring-buffer record is: its first field. */
enum trace_record_kind {
	TRACE_REC_HOP = 1,	/* struct trace_hop_event: one hop (a first hop with its data) */
	TRACE_REC_BATCH,	/* struct trace_batch_event: a followed skb's hops, kept in its slot */
};

struct trace_hop_event {
	__u32 kind;		/* TRACE_REC_HOP */
	__u32 hop;		/* enum trace_hop */
	__u64 ts_ns;		/* CLOCK_MONOTONIC */
	__u64 pkt_id;		/* the followed packet: (cpu + 1) << 48 | the CPU's count */
	__u64 skb;
	__u64 location;		/* consume_skb, kfree_skb: the caller */
	__u32 cpu;
	__u32 pad;
	__u32 ifindex;		/* 0: no device */
	__u32 netns_ino;
	__u32 len;		/* skb->len */
	__u32 reason;		/* kfree_skb's */
	__u32 pid;		/* the task that was running (the reader at skb_copy_datagram_iovec) */
	__u32 tid;
	__s32 rc;		/* net_dev_xmit's return code */
	__u32 flags;		/* enum trace_event_flag */
	__u32 wirelen;		/* first hop: the packet's length from its first header */
	__u32 caplen;		/* first hop: the bytes in data */
	char ifname[TRACE_IFNAMSIZ];
	char comm[TRACE_COMMSIZ];
	__u8 data[TRACE_SNAP_MAX];	/* first hop only: the event is shorter otherwise */
};

/*
 * The hops after the first of the skb that started a packet, as its slot
 * keeps them (written in place, field by field) and sends them in one
 * record at the packet's fate, when TRACE_BATCH are kept, or when the slot
 * is taken from it (stale, evicted); the collector reads the slots still
 * busy at the end.  A clone's hops go at once, as hop events (its slot may
 * end after the packet's fate, too late to join it).  A device's name is
 * kept once per batch, where the device changes.
 */
#define TRACE_BATCH 8		/* a power of two: the verifier follows the index */
#define TRACE_NO_NAME 0xff	/* a hop without a device */

struct trace_hop_rec {
	__u64 ts_ns;
	__u64 location;		/* consume_skb, kfree_skb: the caller */
	__u32 ifindex;
	__u32 len;		/* skb->len */
	__u32 reason;		/* kfree_skb's */
	__s32 rc;		/* net_dev_xmit's */
	__u32 pid, tid;		/* the task that was running */
	__u8 hop;		/* enum trace_hop */
	__u8 flags;		/* enum trace_event_flag */
	__u8 name;		/* the device's name: names[name], or TRACE_NO_NAME */
	__u8 pad;
	__u16 cpu;
	__u16 pad2;
};

struct trace_batch_event {
	__u32 kind;		/* TRACE_REC_BATCH */
	__u32 n;		/* hops in hops[] (the record is cut after them) */
	__u64 pkt_id;
	char reader_comm[TRACE_COMMSIZ];	/* the reader's, for the read hops */
	char names[TRACE_BATCH][TRACE_IFNAMSIZ];
	struct trace_hop_rec hops[TRACE_BATCH];
};

#define TRACE_BATCH_HDR_SIZE __builtin_offsetof(struct trace_batch_event, hops)

/* The BPF programs never wake the reader: it reads the ring this often. */
#define TRACE_READ_MS 20

/* The event's size without the packet bytes (every hop but the first). */
#define TRACE_EVENT_HDR_SIZE __builtin_offsetof(struct trace_hop_event, data)

/* Per-CPU counters: nothing is lost without being counted. */
enum trace_stat {
	TRACE_STAT_STARTED,	/* packets selected at a first hop */
	TRACE_STAT_ENDED,	/* packets whose fate was seen */
	TRACE_STAT_FILTERED,	/* packets the filter turned down at a first hop */
	TRACE_STAT_CLONES,	/* skbs joined to a packet by skb->head */
	TRACE_STAT_STALE,	/* followed skbs found reused for another packet */
	TRACE_STAT_STALE_HEAD,	/* packet data (skb->head) found reused, or its note pushed out */
	TRACE_STAT_LOST,	/* events not sent: the ring buffer was full */
	TRACE_STAT_EVICTED,	/* followed skbs pushed out of a full set */
	TRACE_STAT_NR,
};

#ifndef __bpf__
/* ---- the collector (user space) ------------------------------------------------- */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpf/loader.h"

struct sock_filter;
struct trace;

struct trace_opts {
	struct trace_config cfg;
	enum loader_attach attach;
	uint64_t ring_bytes;		/* a power of two */
	uint32_t max_packets;		/* followed skbs at once (the tables' size, rounded up) */
	/* The pcap filter, compiled for Ethernet (l2) and raw IP (l3); NULL with cfg.filter 0. */
	const struct sock_filter *l2, *l3;
	size_t nl2, nl3;
};

/* The tracepoint's name ("netif_receive_skb"), and its group ("net"). */
const char *trace_hop_name(enum trace_hop h);
const char *trace_hop_group(enum trace_hop h);

/*
 * Loads trace.bpf.c with the filter spliced into its stub (see
 * src/cmd/trace/README.md) and attaches a program per hop this kernel has.
 * 0, or -errno with e's attempts (loader_why) or why (the splice).
 */
int trace_open(const struct trace_opts *o, struct trace **out, struct loader_error *e,
	       char *why, size_t whylen);
void trace_close(struct trace *t);
enum loader_attach trace_attach_method(const struct trace *t);
/* Whether the kernel has hop h's tracepoint (hops it lacks are not attached). */
bool trace_has_hop(const struct trace *t, enum trace_hop h);

/*
 * Sleeps up to timeout_ms (TRACE_READ_MS at most), then hands fn each event
 * queued; fn returns non-zero to stop (returned).  -errno on error.
 */
int trace_poll(struct trace *t, int timeout_ms,
	       int (*fn)(void *ctx, const struct trace_hop_event *ev, size_t size), void *ctx);
/*
 * The hops still kept in the slots of packets followed now (no fate yet),
 * handed to fn as hop events, as trace_poll does: at the end, so that these
 * packets show their hops, unfinished.  fn's first non-zero return.
 */
int trace_sweep(struct trace *t, int (*fn)(void *ctx, const struct trace_hop_event *ev,
					   size_t size), void *ctx);
/* The per-CPU counters summed, and the skbs followed now (the table's busy ways). */
int trace_read_stats(struct trace *t, uint64_t stats[TRACE_STAT_NR], uint64_t *live);
/*
 * With cfg.summary: the kernel's pair (from * TRACE_HOP_NR + to) summed over
 * the CPUs (min over those that saw it), and the fates (enum trace_kfate).
 * 0 or -errno.
 */
int trace_read_pairs(struct trace *t, struct trace_pair_stat pairs[TRACE_HOP_NR * TRACE_HOP_NR],
		     uint64_t fates[TRACE_KFATE_NR]);
#endif

#endif
