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

#include "trace_maps.bpf.h"
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

#include "trace_hops.bpf.h"

#include "trace_slots.bpf.h"

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
