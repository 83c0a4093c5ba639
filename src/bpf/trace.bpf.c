/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * trace.bpf.c: packets followed hop by hop through the kernel's tracepoints.
 * A packet is selected at its first hop (the pcap filter, spliced into
 * trace_filter() at load time), then followed by its skb's address, and by
 * its data (skb->head) across clones, until it is consumed or dropped.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "trace.h"

char LICENSE[] SEC("license") = "GPL";

/* A followed skb whose data moved after this long is another packet in a reused skb. */
#define STALE_NS 1000000000ull

const volatile struct trace_config cfg = {};

#include "trace_table.bpf.h"
/* A pointer as the tables' key: tp_btf's are typed (table_addr), raw_tp's numbers already. */
#define addr_of(btf, p) ((btf) ? table_addr((__u64)(p)) : (__u64)(p))
/* tp_btf: skb_view_of loads head and data directly, made numbers so (no helper call). */
#define SKB_VIEW_NUMBER(p) table_addr((__u64)(p))
#include "skb_view.bpf.h"

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

/* --summary: the time from hop a (at a_ns) to hop b, now. */
static __always_inline void pair_add(__u32 a, __u64 a_ns, __u32 b, __u64 now)
{
	/* Two CPUs' clocks: a hop may read a hair before the one it follows. */
	__u64 ns = now > a_ns ? now - a_ns : 0;
	__u32 k = a * TRACE_HOP_NR + b;
	struct trace_pair_stat *p;
	__u32 bucket;

	if (!a_ns || a >= TRACE_HOP_NR)
		return;
	p = bpf_map_lookup_elem(&pairs, &k);
	if (!p)
		return;
	if (!p->count || ns < p->min_ns)
		p->min_ns = ns;
	if (ns > p->max_ns)
		p->max_ns = ns;
	p->count++;
	p->sum_ns += ns;
	bucket = trace_log2_bucket(ns);
	if (bucket < TRACE_PAIR_BUCKETS)
		p->buckets[bucket]++;
}

static __always_inline void fate_inc(__u32 fate)
{
	__u64 *v = bpf_map_lookup_elem(&fates, &fate);

	if (v)
		*v += 1;
}

/*
 * --summary: a packet's fate at hop (prev: its skb's hop before), as the
 * collector's decide_fate says it from the hops.
 */
static __always_inline void count_fate(__u32 hop, __u32 prev, bool read)
{
	if (hop == TRACE_HOP_KFREE)
		fate_inc(TRACE_KFATE_DROPPED);
	else if (read || hop == TRACE_HOP_RECV)
		fate_inc(TRACE_KFATE_DELIVERED);
	else if (prev == TRACE_HOP_DEV_XMIT || prev == TRACE_HOP_START_XMIT)
		fate_inc(TRACE_KFATE_SENT);
	else
		fate_inc(TRACE_KFATE_CONSUMED);
}

/*
 * The pcap filter: sockeye replaces this function's instructions with the
 * translation of the user's filter before load (src/bpf/cbpf_ebpf.h gives
 * the contract; l3 picks the raw-IP compilation).  Global, so the verifier
 * checks it on its own and the compiler cannot fold its result into the
 * callers; this body stands when no filter is given (every packet).
 */
__noinline int trace_filter(__u64 pkt, __u32 caplen, __u32 wirelen, __u32 l3)
{
	int selected = 1;

	/*
	 * Opaque to the compiler: it would pass no value for an argument the
	 * body does not use, and fold a constant result into the callers.
	 */
	asm volatile("" : "+r"(selected) : "r"(pkt), "r"(caplen), "r"(wirelen), "r"(l3));
	return selected;
}

/* Hops where a packet not yet followed may start: where packets enter the stack or leave a socket. */
static __always_inline bool is_first_hop(__u32 hop)
{
	return hop == TRACE_HOP_NETIF_RX || hop == TRACE_HOP_NAPI_GRO ||
	       hop == TRACE_HOP_NETIF_RECEIVE || hop == TRACE_HOP_DEV_QUEUE;
}

/* Hops where an skb arrives from a driver: never a clone, and a new head means a new packet. */
static __always_inline bool is_rx_entry(__u32 hop)
{
	return hop == TRACE_HOP_NETIF_RX || hop == TRACE_HOP_NAPI_GRO;
}

/* A read ends a datagram: UDP frees it right after, often where no tracepoint is. */
static __always_inline bool is_fate(__u32 hop)
{
	return hop == TRACE_HOP_CONSUME || hop == TRACE_HOP_KFREE || hop == TRACE_HOP_RECV;
}

static __always_inline __u32 netns_of(bool btf, struct net_device *dev)
{
	if (!dev)
		return 0;
	return btf ? dev->nd_net.net->ns.inum : BPF_CORE_READ(dev, nd_net.net, ns.inum);
}

static __always_inline struct trace_hop_event *reserve(bool with_data)
{
	struct trace_hop_event *ev;

	if (with_data)
		ev = bpf_ringbuf_reserve(&events, sizeof(struct trace_hop_event), 0);
	else
		ev = bpf_ringbuf_reserve(&events, TRACE_EVENT_HDR_SIZE, 0);
	if (!ev)
		stat_inc(TRACE_STAT_LOST);
	return ev;
}

static __always_inline void fill(bool btf, struct trace_hop_event *ev, __u64 ts, __u64 id,
				 __u32 hop, struct sk_buff *skb, struct net_device *dev, __u32 flags)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	ev->kind = TRACE_REC_HOP;
	ev->pad = 0;
	ev->ts_ns = ts;
	ev->pkt_id = id;
	ev->skb = (__u64)skb;
	ev->location = 0;
	ev->hop = hop;
	ev->cpu = bpf_get_smp_processor_id();
	ev->ifindex = dev ? RD(btf, dev, ifindex) : 0;
	ev->netns_ino = 0;	/* the first hop's only (start): three reads a hop saved */
	ev->len = skb ? RD(btf, skb, len) : 0;
	ev->reason = 0;
	ev->pid = pid_tgid >> 32;
	ev->tid = (__u32)pid_tgid;
	ev->rc = 0;
	ev->flags = flags;
	ev->wirelen = 0;
	ev->caplen = 0;
	/* tp_btf: the name's 16 bytes as two loads, not a string helper (IFNAMSIZ holds its NUL). */
	if (dev && btf)
		__builtin_memcpy(ev->ifname, dev->name, sizeof(ev->ifname));
	else if (dev)
		BPF_CORE_READ_STR_INTO(&ev->ifname, dev, name);
	else
		__builtin_memset(ev->ifname, 0, sizeof(ev->ifname));
	/* The task's name where the task is the packet's: its sender, its reader. */
	if ((flags & TRACE_EV_FIRST) || hop == TRACE_HOP_COPY_DATAGRAM || hop == TRACE_HOP_RECV)
		bpf_get_current_comm(ev->comm, sizeof(ev->comm));
	else
		__builtin_memset(ev->comm, 0, sizeof(ev->comm));
}

/*
 * No event wakes the reader: it reads the ring every TRACE_READ_MS instead
 * (src/bpf/trace.c), as a wakeup cost more than the rest of a hop.
 */
static __always_inline __u64 submit_flags(__u32 hop)
{
	return BPF_RB_NO_WAKEUP;
}

/* Extra per-hop facts an event carries. */
struct hop_extra {
	__u64 location;
	__u32 reason;
	__s32 rc;
};

static __always_inline void send_hop(bool btf, __u64 ts, __u64 id, __u32 hop,
				     struct sk_buff *skb, struct net_device *dev, __u32 flags,
				     const struct hop_extra *x)
{
	struct trace_hop_event *ev = reserve(false);

	if (!ev)
		return;
	fill(btf, ev, ts, id, hop, skb, dev, flags);
	ev->location = x->location;
	ev->reason = x->reason;
	ev->rc = x->rc;
	bpf_ringbuf_submit(ev, submit_flags(hop));
}

/* The slot's hops out in one record, cut after the last; the slot starts a new batch. */
static __always_inline void flush_hops(struct followed *f)
{
	__u32 n = f->b.n;

	if (!n)
		return;
	/* 1 to TRACE_BATCH in a form the verifier follows; the barrier keeps it. */
	asm volatile("" : "+r"(n));
	n = ((n - 1) & (TRACE_BATCH - 1)) + 1;
	if (bpf_ringbuf_output(&events, &f->b, TRACE_BATCH_HDR_SIZE +
			       n * sizeof(struct trace_hop_rec), BPF_RB_NO_WAKEUP)) {
		__u64 *lost = stat_ptr(TRACE_STAT_LOST);

		if (lost)
			*lost += n;
	}
	f->b.n = 0;
	f->nnames = 0;
	f->last_dev = 0;
}

/* A new packet's (or clone's) slot: no hop kept yet. */
static __always_inline void slot_init(struct followed *f, __u64 id)
{
	f->read = 0;
	f->last_dev = 0;
	f->nnames = 0;
	f->b.kind = TRACE_REC_BATCH;
	f->b.n = 0;
	f->b.pkt_id = id;
}

/*
 * A hop kept in the slot, each field written in place: no record until the
 * fate or a full batch.  The device's name is copied only where the device
 * changes.
 */
static __always_inline void keep_hop(bool btf, struct followed *f, __u64 ts, __u32 hop,
				     struct sk_buff *skb, struct net_device *dev, __u32 flags,
				     const struct hop_extra *x)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 n = f->b.n & (TRACE_BATCH - 1);
	struct trace_hop_rec *h = &f->b.hops[n];

	h->ts_ns = ts;
	h->location = x->location;
	h->ifindex = dev ? RD(btf, dev, ifindex) : 0;
	h->len = skb ? RD(btf, skb, len) : 0;
	h->reason = x->reason;
	h->rc = x->rc;
	h->pid = pid_tgid >> 32;
	h->tid = (__u32)pid_tgid;
	h->hop = (__u8)hop;
	h->flags = (__u8)flags;
	h->cpu = (__u16)bpf_get_smp_processor_id();
	if (!dev) {
		h->name = TRACE_NO_NAME;
	} else {
		__u64 d = addr_of(btf, dev);

		if (d != f->last_dev || !f->nnames) {
			__u32 k = f->nnames & (TRACE_BATCH - 1);

			if (btf)
				__builtin_memcpy(f->b.names[k], dev->name, TRACE_IFNAMSIZ);
			else
				BPF_CORE_READ_STR_INTO(&f->b.names[k], dev, name);
			f->nnames = k + 1;
			f->last_dev = d;
		}
		h->name = (__u8)((f->nnames - 1) & (TRACE_BATCH - 1));
	}
	if (hop == TRACE_HOP_COPY_DATAGRAM || hop == TRACE_HOP_RECV)
		bpf_get_current_comm(f->b.reader_comm, sizeof(f->b.reader_comm));
	f->b.n = n + 1;
	if (n + 1 >= TRACE_BATCH || (flags & TRACE_EV_END))
		flush_hops(f);
}

/*
 * A hop out: kept in the slot of the skb that started the packet; sent at
 * once for a clone, whose slot may end after the packet's fate (a socket's
 * copy read later), when its kept hops would come too late to join it.
 */
static __always_inline void hop_out(bool btf, struct followed *f, __u64 key, __u64 ts, __u32 hop,
				    struct sk_buff *skb, struct net_device *dev, __u32 flags,
				    const struct hop_extra *x)
{
	if (f->owner == key)
		keep_hop(btf, f, ts, hop, skb, dev, flags, x);
	else
		send_hop(btf, ts, f->id, hop, skb, dev, flags, x);
}

static __always_inline __u64 next_id(void)
{
	__u64 *n = stat_ptr(TRACE_STAT_NR);
	__u64 cpu = bpf_get_smp_processor_id();

	if (!n)
		return 0;
	*n += 1;
	return (cpu + 1) << 48 | *n;
}

/* The first 6 bytes of the network header at head + nh: what tells packets in one buffer apart. */
static __always_inline __u64 fingerprint(__u64 head, __u32 nh)
{
	__u64 fp = 0;

	if (nh != NO_NH && bpf_probe_read_kernel(&fp, 6, (void *)(head + nh)))
		fp = 0;
	return fp;
}

/* Slot i of slots (its index in *slot), or NULL for i -1. */
static __always_inline void *slot_at(void *slots, __s64 i, __u32 *slot)
{
	__u32 k = (__u32)i;

	if (i < 0)
		return NULL;
	*slot = k;
	return bpf_map_lookup_elem(slots, &k);
}

/* The followed skb's slot, and its index in *slot. */
static __always_inline struct followed *skb_find(__u64 skb, __u32 *slot)
{
	return slot_at(&skb_slots, table_find(&skb_tags, skb), slot);
}

/*
 * A way for skb, its slot to be filled by the caller: a free one, else the
 * set's least recently seen, whose skb is no longer followed (counted as
 * evicted, as the LRU's evictions were; its events are already out).
 */
static __always_inline struct followed *skb_claim(__u64 skb, __u32 *slot)
{
	__u32 set, k;
	__s64 i = table_claim_free(&skb_tags, skb, &set);

	if (i == -2)
		return NULL;
	if (i < 0) {
		__u64 oldest = ~0ull, victim = 0;
		struct followed *o;

		for (__u32 w = 0; w < TRACE_WAYS; w++) {
			k = set * TRACE_WAYS + w;
			o = bpf_map_lookup_elem(&skb_slots, &k);
			if (o && o->last_ns < oldest) {
				oldest = o->last_ns;
				victim = w;
			}
		}
		stat_inc(TRACE_STAT_EVICTED);
		/* What the evicted packet's slot kept goes out first: it shows unfinished. */
		k = set * TRACE_WAYS + (__u32)(victim & (TRACE_WAYS - 1));
		o = bpf_map_lookup_elem(&skb_slots, &k);
		if (o)
			flush_hops(o);
		i = table_take(&skb_tags, set, victim, skb);
	}
	return slot_at(&skb_slots, i, slot);
}

/*
 * A free way for a clone, or none: a clone that finds its set full is not
 * followed (counted as evicted) rather than pushing a packet out (and the
 * eviction's code out of every hop's program: the verifier's time).
 */
static __always_inline struct followed *clone_claim(__u64 skb, __u32 *slot)
{
	__u32 set;
	__s64 i = table_claim_free(&skb_tags, skb, &set);

	if (i == -1)
		stat_inc(TRACE_STAT_EVICTED);
	return slot_at(&skb_slots, i, slot);
}

/* The packet whose data is at head, and its slot's index in *slot. */
static __always_inline struct by_head_val *head_find(__u64 head, __u32 *slot)
{
	return slot_at(&head_slots, table_find(&head_tags, head), slot);
}

/*
 * Forgets head's packet, if it is still packet id's: its note where
 * note_head put it (hslot), no search.
 */
static __always_inline void head_forget(__u32 hslot, __u64 head, __u64 id)
{
	struct by_head_val *hv;

	if (hslot == NO_HSLOT)
		return;
	hv = bpf_map_lookup_elem(&head_slots, &hslot);
	if (hv && hv->id == id)
		table_release(&head_tags, hslot, head);
}

/*
 * The packet id now holds the buffer at head: its clones join it there.  In
 * a full set a note goes, counted with the stale data (a packet evicted from
 * the skbs' table goes from here too: not counted twice as evicted).
 */
static __always_inline __u32 note_head(__u64 head, __u64 id, __u64 owner, __u32 nh, __u64 now)
{
	struct by_head_val *hv;
	__s64 i = table_find(&head_tags, head);
	__u32 set, k;

	if (i < 0)
		i = table_claim_free(&head_tags, head, &set);
	if (i == -2)
		return NO_HSLOT;
	if (i < 0) {
		/*
		 * The way the clock's low bits pick, not the oldest: the search
		 * for it would be in every hop's program (a note is made where a
		 * packet is re-headed), for the verifier to walk each time.
		 */
		stat_inc(TRACE_STAT_STALE_HEAD);
		i = table_take(&head_tags, set, (now >> 6) & (TRACE_WAYS - 1), head);
		if (i < 0)
			return NO_HSLOT;
	}
	k = (__u32)i;
	hv = bpf_map_lookup_elem(&head_slots, &k);
	if (!hv)
		return NO_HSLOT;
	hv->id = id;
	hv->owner = owner;
	hv->nh = nh;
	hv->fp = fingerprint(head, nh);
	hv->ns = now;
	return k;
}

/* Hops of a packet on its way in: from a driver to the socket's reader. */
static __always_inline bool is_rx_side(__u32 hop)
{
	return hop <= TRACE_HOP_RECV;
}

/* An entry that turned out to be another packet's: it goes, and its data's with it. */
static __always_inline void drop_stale(__u64 key, struct followed *f, __u32 slot)
{
	flush_hops(f);	/* the packet's hops so far: it shows unfinished */
	head_forget(f->hslot, f->head, f->id);
	table_release(&skb_tags, slot, key);
	stat_inc(TRACE_STAT_STALE);
}

/* A first hop: the filter decides; a selected packet is followed from here. */
static __always_inline void start(bool btf, __u32 hop, struct sk_buff *skb, __u64 key,
				  struct net_device *dev, __u64 head)
{
	struct trace_hop_event *ev;
	struct followed *f;
	__u32 slot;
	__u64 id, now;
	struct skb_view v;
	__u64 *retrans;
	__u32 n;

	__u32 zero = 0;
	struct rejected *rj = cfg.filter ? bpf_map_lookup_elem(&last_rejected, &zero) : NULL;

	/*
	 * Only the netif_receive_skb right after the rejecting netif_rx or GRO
	 * entry, once: a freed skb is reused at once, data and all, by the
	 * CPU's next packet, which must be filtered.
	 */
	if (rj && hop == TRACE_HOP_NETIF_RECEIVE && rj->skb == key && rj->head == head) {
		rj->skb = 0;
		return;
	}
	if (cfg.netns_ino && netns_of(btf, dev) != cfg.netns_ino)
		return;
	if (cfg.ifindex && (!dev || RD(btf, dev, ifindex) != cfg.ifindex))
		return;
	if (skb_view_of(btf, skb, dev, &v))
		return;
	if (cfg.filter && !trace_filter(v.start, v.caplen, v.wirelen, v.l3)) {
		stat_inc(TRACE_STAT_FILTERED);
		if (rj && is_rx_entry(hop)) {
			rj->skb = key;
			rj->head = head;
		}
		return;
	}
	f = skb_claim(key, &slot);
	if (!f)
		return;
	/* The clock only for a packet selected: most first hops see others. */
	now = bpf_ktime_get_ns();
	id = next_id();
	f->id = id;
	f->head = head;
	f->last_ns = now;
	f->owner = key;
	f->last_hop = hop;
	slot_init(f, id);
	f->hslot = note_head(head, id, key, v.nh, now);
	stat_inc(TRACE_STAT_STARTED);
	/* --summary counts in the kernel: no event. */
	if (cfg.summary)
		return;
	/* A segment tcp_retransmit_skb named: that is where this packet began. */
	retrans = retransmits_seen ? bpf_map_lookup_elem(&retransmits, &head) : NULL;
	if (retrans) {
		struct hop_extra x = {};

		send_hop(btf, *retrans, id, TRACE_HOP_RETRANSMIT, skb, NULL, 0, &x);
		bpf_map_delete_elem(&retransmits, &head);
	}
	/* Room for the packet's bytes only when they are wanted. */
	ev = reserve(cfg.snaplen != 0);
	if (!ev)
		return;
	fill(btf, ev, now, id, hop, skb, dev, TRACE_EV_FIRST | (v.l3 ? TRACE_EV_L3 : 0));
	ev->wirelen = v.wirelen;
	n = v.caplen < cfg.snaplen ? v.caplen : cfg.snaplen;
	if (n > TRACE_SNAP_MAX)
		n = TRACE_SNAP_MAX;
	if (n) {
		/*
		 * 1 to TRACE_SNAP_MAX (a power of two) in a form the verifier
		 * follows; the barrier keeps the compiler from folding it.
		 */
		asm volatile("" : "+r"(n));
		n = ((n - 1) & (TRACE_SNAP_MAX - 1)) + 1;
		if (bpf_probe_read_kernel(ev->data, n, (void *)v.start))
			n = 0;
	}
	ev->caplen = n;
	ev->netns_ino = netns_of(btf, dev);
	bpf_ringbuf_submit(ev, BPF_RB_NO_WAKEUP);
}

/*
 * The followed packet this skb belongs to: by its address; else, but where
 * skbs come fresh from a driver, by its data, which clones share.  An skb
 * found whose data moved is the same packet re-headed (an encapsulation),
 * unless it arrives from a driver or sat unseen for STALE_NS: then the skb
 * was freed without a tracepoint and reused.  So is an skb queued or handed
 * to a device (a packet socket may skip the queue) after it was last seen
 * received, but that never passed a device's receive
 * (skb_iif is set there and kept when a packet is forwarded): a received
 * skb freed untraced (TCP frees a RST so) and reused for a packet sent.  A
 * clone joins by its data only when the data still holds the same packet.
 */
static __always_inline struct followed *lookup(bool btf, __u32 hop, struct sk_buff *skb,
					       __u64 key, __u64 *headp, __u32 *flags,
					       __u32 *slot)
{
	struct followed *f = skb_find(key, slot);
	__u32 hslot;
	struct by_head_val *hv;
	__u64 head, now, id, owner;
	bool cloned;

	if (f) {
		head = addr_of(btf, RD(btf, skb, head));
		*headp = head;
		now = 0;
		if ((hop == TRACE_HOP_DEV_QUEUE || hop == TRACE_HOP_START_XMIT) &&
		    is_rx_side(f->last_hop) && !RD(btf, skb, skb_iif))
			goto stale;
		if (f->head == head)
			return f;
		if (!is_rx_entry(hop))
			now = bpf_ktime_get_ns();
		if (!now || now - f->last_ns > STALE_NS)
			goto stale;
		f->head = head;
		f->hslot = note_head(head, f->id, f->owner, RD(btf, skb, network_header), now);
		return f;
stale:
		/* One place for both reasons: each inlined copy costs the verifier a pass. */
		drop_stale(key, f, *slot);
		return NULL;
	}
	/* Only a clone shares its data: a fresh skb with a known head reuses a freed one's. */
	if (is_rx_entry(hop))
		return NULL;
	cloned = btf ? BPF_CORE_READ_BITFIELD(skb, cloned) : BPF_CORE_READ_BITFIELD_PROBED(skb, cloned);
	if (!cloned)
		return NULL;
	head = addr_of(btf, RD(btf, skb, head));
	*headp = head;
	hv = head_find(head, &hslot);
	if (!hv)
		return NULL;
	/*
	 * The same header where it was: a buffer's old bytes stay in the
	 * headroom of the next packet to get it, so only the place tells.
	 */
	if (RD(btf, skb, network_header) != hv->nh ||
	    fingerprint(head, hv->nh) != hv->fp) {
		table_release(&head_tags, hslot, head);
		stat_inc(TRACE_STAT_STALE_HEAD);
		return NULL;
	}
	id = hv->id;
	owner = hv->owner;
	f = clone_claim(key, slot);
	if (!f)
		return NULL;
	f->id = id;
	f->head = head;
	f->last_ns = 0;	/* the caller's */
	f->owner = owner;
	f->last_hop = hop;
	slot_init(f, id);
	f->hslot = hslot;
	/* --summary: the clone's first hop follows where its packet was last seen. */
	if (cfg.summary) {
		__u32 oslot;
		struct followed *o = skb_find(owner, &oslot);

		if (o && o->id == id) {
			f->last_ns = o->last_ns;
			f->last_hop = o->last_hop;
		}
	}
	stat_inc(TRACE_STAT_CLONES);
	*flags |= TRACE_EV_CLONE;
	return f;
}

/* The packet's end: its skb's way and its data's go. */
static __always_inline void end(__u32 slot, __u64 skb, __u32 hslot, __u64 head, __u64 id)
{
	table_release(&skb_tags, slot, skb);
	head_forget(hslot, head, id);
	stat_inc(TRACE_STAT_ENDED);
}

static __always_inline int on_hop(bool btf, __u32 hop, struct sk_buff *skb,
				  struct net_device *dev, const struct hop_extra *x)
{
	__u64 now, head, id, key;
	struct followed *f;
	__u32 flags = 0, slot = 0, prev;

	if (!skb)
		return 0;
	key = addr_of(btf, skb);
	head = 0;
	f = lookup(btf, hop, skb, key, &head, &flags, &slot);
	if (!f) {
		if (!is_first_hop(hop))
			return 0;
		if (!head)
			head = addr_of(btf, RD(btf, skb, head));
		if (!dev)
			dev = RD(btf, skb, dev);
		start(btf, hop, skb, key, dev, head);
		return 0;
	}
	/* Read once the skb is known to be followed: most hops see others. */
	now = bpf_ktime_get_ns();
	id = f->id;
	prev = f->last_hop;
	if (cfg.summary) {
		pair_add(prev, f->last_ns, hop, now);
		if (hop == TRACE_HOP_COPY_DATAGRAM)
			f->read = 1;
	}
	f->last_ns = now;
	f->last_hop = hop;
	/*
	 * A copy freed while the skb that started the packet lives (a packet
	 * socket's, tcpdump's) is not the packet's fate: only its entry goes.
	 */
	if (is_fate(hop) && f->owner != key) {
		__u32 oslot;
		struct followed *o = skb_find(f->owner, &oslot);

		if (o && o->id == id) {
			table_release(&skb_tags, slot, key);
			stat_inc(TRACE_STAT_ENDED);
			return 0;
		}
	}
	if (cfg.summary) {
		if (is_fate(hop)) {
			count_fate(hop, prev, f->read);
			end(slot, key, f->hslot, head, id);
		}
		return 0;
	}
	if (!dev)
		dev = RD(btf, skb, dev);
	if (is_fate(hop))
		flags |= TRACE_EV_END;
	hop_out(btf, f, key, now, hop, skb, dev, flags, x);
	if (is_fate(hop))
		end(slot, key, f->hslot, head, id);
	return 0;
}

static __always_inline int on_skb(bool btf, __u32 hop, __u64 skb)
{
	struct hop_extra x = {};

	return on_hop(btf, hop, (struct sk_buff *)skb, NULL, &x);
}

#define IPPROTO_UDP 17
#define IPPROTO_UDPLITE 136
#define SOCK_DGRAM 2

/* The first skb of a queue, or NULL when it is empty (the list head points to itself). */
static __always_inline struct sk_buff *queue_first(struct sk_buff_head *q)
{
	struct sk_buff *skb = BPF_CORE_READ(q, next);

	return (void *)skb == (void *)q ? NULL : skb;
}

/* What the socket's next read takes: UDP reads its reader_queue before the receive queue. */
static __always_inline void note_next_read(struct sock *sk)
{
	struct sk_buff *skb = NULL;
	__u16 proto = BPF_CORE_READ(sk, sk_protocol);
	__u64 key = (__u64)sk, val;

	if (BPF_CORE_READ(sk, sk_type) != SOCK_DGRAM)
		return;
	if (proto == IPPROTO_UDP || proto == IPPROTO_UDPLITE)
		skb = queue_first(&((struct udp_sock *)sk)->reader_queue);
	if (!skb)
		skb = queue_first(&sk->sk_receive_queue);
	if (!skb) {
		bpf_map_delete_elem(&next_read, &key);
		return;
	}
	val = (__u64)skb;
	bpf_map_update_elem(&next_read, &key, &val, BPF_ANY);
}

/* sk_data_ready has only the socket: the skb is the one just queued, its receive queue's tail. */
static __always_inline int on_data_ready(bool btf, __u64 skaddr)
{
	struct sock *sk = (struct sock *)skaddr;
	struct sk_buff *skb;
	struct hop_extra x = {};

	if (!sk)
		return 0;
	skb = btf ? sk->sk_receive_queue.prev : BPF_CORE_READ(sk, sk_receive_queue.prev);
	if ((void *)skb == (void *)&sk->sk_receive_queue)
		return 0;
	on_hop(btf, TRACE_HOP_SK_DATA_READY, skb, NULL, &x);
	note_next_read(sk);
	return 0;
}

#define MSG_PEEK 2

/*
 * sock_recv_length, in the reader's context after its read: the datagram
 * read is the one that headed the queue when last looked (note_next_read).
 */
static __always_inline int on_recv(bool btf, __u64 skaddr, __u64 ret, __u64 flags)
{
	struct sock *sk = (struct sock *)skaddr;
	__u64 key = skaddr, *skb;
	struct hop_extra x = {};

	if (!sk || (__s32)ret < 0 || (flags & MSG_PEEK))
		return 0;
	skb = bpf_map_lookup_elem(&next_read, &key);
	if (skb) {
		__u64 addr = *skb, id, head;
		__u32 slot;
		struct followed *f = skb_find(addr, &slot);

		/* The skb may be freed by now: what is needed of it was kept at the queue. */
		if (f) {
			__u64 now = bpf_ktime_get_ns();

			id = f->id;
			head = f->head;
			if (cfg.summary) {
				pair_add(f->last_hop, f->last_ns, TRACE_HOP_RECV, now);
				count_fate(TRACE_HOP_RECV, f->last_hop, true);
			} else {
				hop_out(btf, f, addr, now, TRACE_HOP_RECV, NULL, NULL, TRACE_EV_END,
					&x);
			}
			end(slot, addr, f->hslot, head, id);
		}
	}
	note_next_read(sk);
	return 0;
}

static __always_inline int on_retransmit(bool btf, __u64 skaddr, __u64 skbaddr)
{
	struct sk_buff *skb = (struct sk_buff *)skbaddr;
	struct hop_extra x = {};
	__u64 head, now;
	__u32 slot;

	if (!skb)
		return 0;
	head = addr_of(btf, RD(btf, skb, head));
	if (skb_find(addr_of(btf, skbaddr), &slot))
		return on_hop(btf, TRACE_HOP_RETRANSMIT, skb, NULL, &x);
	now = bpf_ktime_get_ns();
	if (!bpf_map_update_elem(&retransmits, &head, &now, BPF_ANY) && !retransmits_seen)
		retransmits_seen = 1;
	return 0;
}

static __always_inline int on_start_xmit(bool btf, __u64 skb, __u64 dev)
{
	struct hop_extra x = {};

	return on_hop(btf, TRACE_HOP_START_XMIT, (struct sk_buff *)skb, (struct net_device *)dev, &x);
}

static __always_inline int on_dev_xmit(bool btf, __u64 skb, __u64 rc, __u64 dev)
{
	struct hop_extra x = { .rc = (__s32)rc };

	return on_hop(btf, TRACE_HOP_DEV_XMIT, (struct sk_buff *)skb, (struct net_device *)dev, &x);
}

static __always_inline int on_consume(bool btf, __u64 skb, __u64 location)
{
	struct hop_extra x = { .location = location };

	return on_hop(btf, TRACE_HOP_CONSUME, (struct sk_buff *)skb, NULL, &x);
}

static __always_inline int on_kfree(bool btf, __u64 skb, __u64 location, __u64 reason)
{
	struct hop_extra x = { .location = location, .reason = (__u32)reason };

	return on_hop(btf, TRACE_HOP_KFREE, (struct sk_buff *)skb, NULL, &x);
}

/*
 * Each hop twice: tp_btf (the arguments in ctx) and raw_tp (the same through
 * ctx->args), loaded whichever the kernel takes.  Their sections are
 * sockeye's own, so the collector's handler can splice the filter in before
 * the load (src/bpf/trace.c).  Each reads only as many arguments as its
 * tracepoint has: the attach refuses a program that reads past them.
 */
#define HOP1(tp, call)                                                             \
	SEC("sockeye_tp_btf/" #tp)                                                 \
	int tp_btf_##tp(__u64 *ctx) { const bool btf = true; __u64 a0 = ctx[0]; return call; } \
	SEC("sockeye_raw_tp/" #tp)                                                 \
	int raw_tp_##tp(struct bpf_raw_tracepoint_args *ctx)                       \
	{ const bool btf = false; __u64 a0 = ctx->args[0]; return call; }
#define HOP2(tp, call)                                                             \
	SEC("sockeye_tp_btf/" #tp)                                                 \
	int tp_btf_##tp(__u64 *ctx)                                                \
	{ const bool btf = true; __u64 a0 = ctx[0], a1 = ctx[1]; (void)a0; return call; } \
	SEC("sockeye_raw_tp/" #tp)                                                 \
	int raw_tp_##tp(struct bpf_raw_tracepoint_args *ctx)                       \
	{ const bool btf = false; __u64 a0 = ctx->args[0], a1 = ctx->args[1]; (void)a0; return call; }
#define HOP3(tp, call)                                                             \
	SEC("sockeye_tp_btf/" #tp)                                                 \
	int tp_btf_##tp(__u64 *ctx)                                                \
	{ const bool btf = true; __u64 a0 = ctx[0], a1 = ctx[1], a2 = ctx[2]; return call; } \
	SEC("sockeye_raw_tp/" #tp)                                                 \
	int raw_tp_##tp(struct bpf_raw_tracepoint_args *ctx)                       \
	{ const bool btf = false; __u64 a0 = ctx->args[0], a1 = ctx->args[1], a2 = ctx->args[2]; \
	  return call; }

/* A hop whose only argument read is the n-th (the skb): n + 1 arguments at least. */
#define HOP_ARG(tp, n, hop)                                                        \
	SEC("sockeye_tp_btf/" #tp)                                                 \
	int tp_btf_##tp(__u64 *ctx) { return on_skb(true, hop, ctx[n]); }          \
	SEC("sockeye_raw_tp/" #tp)                                                 \
	int raw_tp_##tp(struct bpf_raw_tracepoint_args *ctx)                       \
	{ return on_skb(false, hop, ctx->args[n]); }

HOP1(netif_rx, on_skb(btf, TRACE_HOP_NETIF_RX, a0))
HOP1(napi_gro_receive_entry, on_skb(btf, TRACE_HOP_NAPI_GRO, a0))
HOP1(netif_receive_skb, on_skb(btf, TRACE_HOP_NETIF_RECEIVE, a0))
HOP2(sock_rcvqueue_full, on_skb(btf, TRACE_HOP_RCVQUEUE_FULL, a1))
HOP1(sk_data_ready, on_data_ready(btf, a0))
HOP1(skb_copy_datagram_iovec, on_skb(btf, TRACE_HOP_COPY_DATAGRAM, a0))
HOP3(sock_recv_length, on_recv(btf, a0, a1, a2))
HOP1(net_dev_queue, on_skb(btf, TRACE_HOP_DEV_QUEUE, a0))
/* qdisc_dequeue's skb: NULL when the qdisc was empty, else the first of those dequeued. */
HOP_ARG(qdisc_enqueue, 2, TRACE_HOP_QDISC_ENQUEUE)
HOP_ARG(qdisc_dequeue, 3, TRACE_HOP_QDISC_DEQUEUE)
HOP2(net_dev_start_xmit, on_start_xmit(btf, a0, a1))
HOP3(net_dev_xmit, on_dev_xmit(btf, a0, a1, a2))
HOP2(tcp_retransmit_skb, on_retransmit(btf, a0, a1))
HOP2(consume_skb, on_consume(btf, a0, a1))
HOP3(kfree_skb, on_kfree(btf, a0, a1, a2))
