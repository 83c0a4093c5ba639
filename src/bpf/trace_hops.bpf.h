/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * trace_hops.bpf.h: a hop's record: the first hop's event, the hops kept in the packet's slot and sent at its fate.
 * Part of trace.bpf.c, included once at its place there (it uses what comes
 * before it): one BPF object, split to keep each file to one job.
 */
#ifndef SOCKEYE_TRACE_HOPS_BPF_H
#define SOCKEYE_TRACE_HOPS_BPF_H

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

#endif
