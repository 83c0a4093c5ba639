/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * trace_maps.bpf.h: the followed packets' tables, the other maps and the per-CPU counters.
 * Part of trace.bpf.c, included once at its place there (it uses what comes
 * before it): one BPF object, split to keep each file to one job.
 */
#ifndef SOCKEYE_TRACE_MAPS_BPF_H
#define SOCKEYE_TRACE_MAPS_BPF_H

/*
 * What is known of a followed skb: its packet, its data, the skb that
 * started the packet (a clone's end is not the packet's fate while that one
 * lives), and the last hop it was seen at (which hops may follow).
 */
struct followed {
	__u64 id;
	__u64 head;
	__u64 last_ns;
	__u64 owner;
	__u32 last_hop;
	__u32 read;	/* --summary: an application read it (the fate is delivered) */
	/* The device of the last hop kept (its name is b.names[nnames - 1]). */
	__u64 last_dev;
	__u32 nnames;
	__u32 hslot;	/* where the data's note is in the data's table (NO_HSLOT: none) */
	/* Per packet output: the hops since the first, sent in one record (trace.h). */
	struct trace_batch_event b;
};

/*
 * A packet's data, for the clones that share it, and what tells it from the
 * next packet to get the same buffer (its freeing may pass no tracepoint):
 * where its network header is, and its first 6 bytes (IPv4's length and id,
 * IPv6's flow and length: a clone sees the same, a new packet others).
 */
struct by_head_val {
	__u64 id;
	__u64 owner;
	__u64 fp;
	__u64 ns;	/* when noted: the oldest of a full set goes first */
	__u32 nh;	/* the network header's offset from head; NO_NH: none */
	__u32 pad;
};
#define NO_NH 0xffffu
#define NO_HSLOT 0xffffffffu

/*
 * The followed skbs (tags: their addresses) and their packets' data (tags:
 * skb->head), set associative (trace_table.bpf.h).  The collector sizes them
 * (--max-packets); the tags of skbs are mapped by it to count what is still
 * followed at the end.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8192 / TRACE_WAYS);
	__uint(map_flags, BPF_F_MMAPABLE);
	__type(key, __u32);
	__type(value, struct trace_tag_set);
} skb_tags SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8192);
	__uint(map_flags, BPF_F_MMAPABLE);	/* the collector reads the hops kept at the end */
	__type(key, __u32);
	__type(value, struct followed);
} skb_slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8192 / TRACE_WAYS);
	__type(key, __u32);
	__type(value, struct trace_tag_set);
} head_tags SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, struct by_head_val);
} head_slots SEC(".maps");

/* tcp_retransmit_skb on a segment not followed: its clone's first hop says it was one. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u64);
} retransmits SEC(".maps");

/*
 * Set once tcp_retransmit_skb has noted a segment: until then a packet's
 * start need not look in retransmits (a hash lookup per packet saved).
 */
__u32 retransmits_seen = 0;

/*
 * Per datagram socket, the skb its next read takes: the head of its queue
 * when sk_data_ready or the last read looked.  sock_recv_length has only the
 * socket, and UDP copies a linear datagram without skb_copy_datagram_iovec.
 */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u64);
} next_read SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);	/* the collector sets it */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TRACE_STAT_NR + 1);	/* the last: the CPU's packet count */
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

/*
 * The skb this CPU's filter last turned down at netif_rx or GRO entry:
 * netif_receive_skb, also a first hop, follows on the same CPU, and need not
 * filter it again.
 */
struct rejected {
	__u64 skb, head;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rejected);
} last_rejected SEC(".maps");

/* --summary's pairs and fates (cfg.summary): the collector sizes pairs to 1 otherwise. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TRACE_HOP_NR * TRACE_HOP_NR);
	__type(key, __u32);
	__type(value, struct trace_pair_stat);
} pairs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TRACE_KFATE_NR);
	__type(key, __u32);
	__type(value, __u64);
} fates SEC(".maps");

static __always_inline __u64 *stat_ptr(__u32 which)
{
	return bpf_map_lookup_elem(&stats, &which);
}

static __always_inline void stat_inc(__u32 which)
{
	__u64 *v = stat_ptr(which);

	if (v)
		*v += 1;
}


#endif
