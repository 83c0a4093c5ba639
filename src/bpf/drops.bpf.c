/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops.bpf.c: skb drops with their reason, counted per site and packet kind, or sent one by one. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "drops.h"
#include "skb_view.bpf.h"

char LICENSE[] SEC("license") = "GPL";

#define AF_INET 2
#define AF_INET6 10
#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86dd
#define ETH_P_8021Q 0x8100
#define ETH_P_8021AD 0x88a8
#define ARPHRD_ETHER 1
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_ICMPV6 58

const volatile struct drops_config cfg = {};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 16384);	/* the collector sets it; 1 in events mode */
	__type(key, struct drops_key);
	__type(value, struct drops_count);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);	/* the collector sets it; a page unless --events */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, DROPS_STAT_NR);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 1);		/* the collector sets it with --stack */
	__uint(key_size, sizeof(__u32));
	__uint(value_size, DROPS_STACK_DEPTH * sizeof(__u64));
} stacks SEC(".maps");

/* The packet fields a drop is keyed and filtered by, parsed from the linear data. */
struct pkt {
	__u16 ethertype;
	__u8 ip_proto;
	__u8 flags;		/* enum drops_event_flag */
	__u16 sport, dport;
	__u8 icmp_type, icmp_code;
	__u8 saddr[16], daddr[16];
};

static __always_inline void stat_inc(__u32 which)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &which);

	if (v)
		*v += 1;
}

/* Reads n bytes at offset off of the linear data, which ends at tail. */
static __always_inline int read_at(void *dst, __u32 n, unsigned char *head, __u32 off, __u32 tail)
{
	if (off > tail || n > tail - off)
		return -1;
	return bpf_probe_read_kernel(dst, n, head + off);
}

static __always_inline void parse_ports(struct pkt *p, unsigned char *head, __u32 l4, __u32 tail)
{
	__u16 ports[2];
	__u8 icmp[2];

	if (p->ip_proto == IPPROTO_TCP || p->ip_proto == IPPROTO_UDP) {
		if (read_at(ports, sizeof(ports), head, l4, tail))
			return;
		p->sport = bpf_ntohs(ports[0]);
		p->dport = bpf_ntohs(ports[1]);
		p->flags |= DROPS_EV_PORTS;
	} else if (p->ip_proto == IPPROTO_ICMP || p->ip_proto == IPPROTO_ICMPV6) {
		if (read_at(icmp, sizeof(icmp), head, l4, tail))
			return;
		p->icmp_type = icmp[0];
		p->icmp_code = icmp[1];
		p->flags |= DROPS_EV_ICMP;
	}
}

static __always_inline void parse_ipv4(struct pkt *p, unsigned char *head, __u32 nh, __u32 tail,
				       bool ports)
{
	struct iphdr ip;
	__u32 ihl;

	if (read_at(&ip, sizeof(ip), head, nh, tail))
		return;
	ihl = ip.ihl;
	if (ip.version != 4 || ihl < 5)
		return;
	p->ip_proto = ip.protocol;
	__builtin_memcpy(p->saddr, &ip.saddr, 4);
	__builtin_memcpy(p->daddr, &ip.daddr, 4);
	p->flags |= DROPS_EV_ADDRS;
	/* Only the first fragment carries the transport header. */
	if (ports && !(bpf_ntohs(ip.frag_off) & 0x1fff))
		parse_ports(p, head, nh + ihl * 4, tail);
}

static __always_inline void parse_ipv6(struct pkt *p, unsigned char *head, __u32 nh, __u32 tail,
				       bool ports)
{
	struct ipv6hdr ip6;
	__u8 next, ext[2];
	__u32 off;

	if (read_at(&ip6, sizeof(ip6), head, nh, tail) || ip6.version != 6)
		return;
	__builtin_memcpy(p->saddr, &ip6.saddr, 16);
	__builtin_memcpy(p->daddr, &ip6.daddr, 16);
	p->flags |= DROPS_EV_ADDRS | DROPS_EV_IPV6;
	next = ip6.nexthdr;
	off = nh + sizeof(ip6);
	/* A few extension headers: hop-by-hop, routing, destination options, fragment. */
#pragma unroll
	for (int i = 0; i < 4; i++) {
		if (next != 0 && next != 43 && next != 60 && next != 44)
			break;
		if (read_at(ext, sizeof(ext), head, off, tail))
			return;
		if (next == 44) {
			__u16 frag;

			if (read_at(&frag, sizeof(frag), head, off + 2, tail))
				return;
			if (bpf_ntohs(frag) & 0xfff8)
				ports = false;	/* not the first fragment */
			off += 8;
		} else {
			off += (ext[1] + 1) * 8;
		}
		next = ext[0];
	}
	p->ip_proto = next;
	if (ports)
		parse_ports(p, head, off, tail);
}

/*
 * Where the IP header is.  A frame dropped before eth_type_trans (a driver,
 * a tap) or sent by a packet socket has its network header still at or before
 * the Ethernet header: then it is taken from the frame itself.
 */
static __always_inline void parse_skb(struct sk_buff *skb, struct net_device *dev,
				      struct pkt *p, bool ports)
{
	unsigned char *head = BPF_CORE_READ(skb, head);
	__u32 tail = BPF_CORE_READ(skb, tail);
	__u16 mh = BPF_CORE_READ(skb, mac_header);
	__u32 nh = BPF_CORE_READ(skb, network_header);
	__u16 proto = bpf_ntohs(BPF_CORE_READ(skb, protocol));
	bool eth = dev && BPF_CORE_READ(dev, type) == ARPHRD_ETHER;

	if (eth && mh != (__u16)~0U && nh <= mh) {
		struct {
			__u8 dst[6], src[6];
			__u16 proto;
			__u16 tci, inner;
		} __attribute__((packed)) h;

		if (read_at(&h, 14, head, mh, tail))
			goto out;
		proto = bpf_ntohs(h.proto);
		nh = mh + 14;
		if ((proto == ETH_P_8021Q || proto == ETH_P_8021AD) &&
		    !read_at(&h, sizeof(h), head, mh, tail)) {
			proto = bpf_ntohs(h.inner);
			nh += 4;
		}
	}
	if (proto == ETH_P_IP)
		parse_ipv4(p, head, nh, tail, ports);
	else if (proto == ETH_P_IPV6)
		parse_ipv6(p, head, nh, tail, ports);
out:
	p->ethertype = proto;
}

static __always_inline bool addr_match(const struct pkt *p,
				       const volatile struct drops_host_filter *h)
{
	bool v6 = p->flags & DROPS_EV_IPV6;
	bool src = true, dst = true;

	if (!(p->flags & DROPS_EV_ADDRS) || (h->family == AF_INET6) != v6)
		return false;
#pragma unroll
	for (int i = 0; i < 16; i++) {
		bool used = i < 4 || v6;

		src = src && (!used || p->saddr[i] == h->addr[i]);
		dst = dst && (!used || p->daddr[i] == h->addr[i]);
	}
	return h->dir == DROPS_DIR_SRC ? src : h->dir == DROPS_DIR_DST ? dst : src || dst;
}

static __always_inline bool port_match(const struct pkt *p,
				       const volatile struct drops_port_filter *f)
{
	if (!(p->flags & DROPS_EV_PORTS))
		return false;
	if (f->dir == DROPS_DIR_SRC)
		return p->sport == f->port;
	if (f->dir == DROPS_DIR_DST)
		return p->dport == f->port;
	return p->sport == f->port || p->dport == f->port;
}

static __always_inline bool pkt_match(const struct pkt *p)
{
	if (cfg.ethertype && p->ethertype != cfg.ethertype)
		return false;
	if (cfg.ip_proto && (!(p->flags & DROPS_EV_ADDRS) || p->ip_proto != cfg.ip_proto))
		return false;
#pragma unroll
	for (int i = 0; i < DROPS_MAX_HOSTS; i++)
		if (i < cfg.nhosts && !addr_match(p, &cfg.hosts[i]))
			return false;
#pragma unroll
	for (int i = 0; i < DROPS_MAX_PORTS; i++)
		if (i < cfg.nports && !port_match(p, &cfg.ports[i]))
			return false;
	return true;
}

static __always_inline bool reason_match(__u32 reason)
{
	__u32 word = reason / 64;
	bool in = false;

	if (cfg.reason_mode == DROPS_REASONS_ALL)
		return true;
	/* Keeps the bound check: the verifier needs it, the compiler would fold it. */
	asm volatile("" : "+r"(word));
	if (word < DROPS_REASON_BITS / 64)
		in = (cfg.reason_mask[word] >> (reason % 64)) & 1;
	return cfg.reason_mode == DROPS_REASONS_ONLY ? in : !in;
}

/* Normal frees are not drops: kernels that pass them through kfree_skb say so by reason. */
static __always_inline bool is_normal_free(__u32 reason)
{
	if (bpf_core_enum_value_exists(enum skb_drop_reason, SKB_NOT_DROPPED_YET) &&
	    reason == bpf_core_enum_value(enum skb_drop_reason, SKB_NOT_DROPPED_YET))
		return true;
	if (bpf_core_enum_value_exists(enum skb_drop_reason, SKB_CONSUMED) &&
	    reason == bpf_core_enum_value(enum skb_drop_reason, SKB_CONSUMED))
		return true;
	return false;
}

/*
 * The packet's first cfg.snaplen bytes of linear data into the event: from
 * its link header on an Ethernet or loopback device that has one set (a
 * frame received, or queued to the device), else from its network header (a
 * packet dropped on its way down before it had one): caplen stays 0 when
 * neither is in the data.
 */
static __always_inline void read_bytes(struct drops_event *ev, struct sk_buff *skb,
				       struct net_device *dev)
{
	struct skb_view v;
	__u32 n;

	ev->caplen = 0;
	ev->wirelen = 0;
	if (skb_view_of(false, skb, dev, &v) || !v.caplen)
		return;
	if (v.l3)
		ev->flags |= DROPS_EV_L3;
	ev->wirelen = v.wirelen;
	n = v.caplen < cfg.snaplen ? v.caplen : cfg.snaplen;
	/* 1 to DROPS_SNAP_MAX (a power of two) in a form the verifier follows. */
	asm volatile("" : "+r"(n));
	n = ((n - 1) & (DROPS_SNAP_MAX - 1)) + 1;
	if (!bpf_probe_read_kernel(ev->data, n, (void *)v.start))
		ev->caplen = n;
}

static __always_inline void send_event(struct sk_buff *skb, void *location, __u32 reason,
				       struct sock *sk, __u32 ifindex, __u32 netns,
				       struct net_device *dev, const struct pkt *p)
{
	struct drops_event *ev;
	struct socket *sock;

	/* Two sizes, each a constant the verifier knows: with the packet's bytes or without. */
	if (cfg.snaplen)
		ev = bpf_ringbuf_reserve(&events, sizeof(*ev), 0);
	else
		ev = bpf_ringbuf_reserve(&events, DROPS_EVENT_HDR_SIZE, 0);

	if (!ev) {
		stat_inc(DROPS_STAT_LOST);
		return;
	}
	ev->ts_ns = bpf_ktime_get_ns();
	ev->location = (__u64)location;
	ev->reason = reason;
	ev->ifindex = ifindex;
	ev->netns_ino = netns;
	ev->pid = bpf_get_current_pid_tgid() >> 32;
	ev->len = BPF_CORE_READ(skb, len);
	ev->cpu = bpf_get_smp_processor_id();
	ev->ethertype = p->ethertype;
	ev->ip_proto = p->ip_proto;
	ev->flags = p->flags;
	ev->sport = p->sport;
	ev->dport = p->dport;
	ev->icmp_type = p->icmp_type;
	ev->icmp_code = p->icmp_code;
	__builtin_memcpy(ev->saddr, p->saddr, 16);
	__builtin_memcpy(ev->daddr, p->daddr, 16);
	ev->sk_cookie = 0;
	ev->sk_ino = 0;
	if (sk) {
		ev->flags |= DROPS_EV_SOCK;
		/* Assigned on first use (sock_diag, SO_COOKIE): 0 means none yet. */
		ev->sk_cookie = BPF_CORE_READ(sk, __sk_common.skc_cookie.counter);
		sock = BPF_CORE_READ(sk, sk_socket);
		if (sock) {
			struct socket_alloc *sa = (void *)sock -
				bpf_core_field_offset(struct socket_alloc, socket);

			ev->sk_ino = BPF_CORE_READ(sa, vfs_inode.i_ino);
		}
	}
	__builtin_memset(ev->ifname, 0, sizeof(ev->ifname));
	if (dev)
		BPF_CORE_READ_STR_INTO(&ev->ifname, dev, name);
	bpf_get_current_comm(ev->comm, sizeof(ev->comm));
	if (cfg.snaplen)
		read_bytes(ev, skb, dev);
	else
		ev->caplen = 0;
	bpf_ringbuf_submit(ev, 0);
}

static __always_inline void count_drop(void *ctx, void *location, __u32 reason, __u32 ifindex,
				       __u32 netns, struct net_device *dev, const struct pkt *p)
{
	struct drops_key key = {
		.location = (__u64)location,
		.reason = reason,
		.ifindex = ifindex,
		.netns_ino = netns,
		.stack_id = -1,
		.ethertype = p->ethertype,
		.ip_proto = p->ip_proto,
	};
	struct drops_count *c, init = { .count = 1 };

	if (cfg.stacks)
		key.stack_id = bpf_get_stackid(ctx, &stacks, 0);
	c = bpf_map_lookup_elem(&counts, &key);
	if (c) {
		c->count++;
		return;
	}
	if (dev)
		BPF_CORE_READ_STR_INTO(&init.ifname, dev, name);
	if (!bpf_map_update_elem(&counts, &key, &init, BPF_NOEXIST))
		return;
	/* Another program on this CPU (an interrupt) created it first, or the map is full. */
	c = bpf_map_lookup_elem(&counts, &key);
	if (c)
		c->count++;
	else
		stat_inc(DROPS_STAT_UNKEYED);
}

static __always_inline __u32 netns_of(struct net_device *dev, struct sock *sk)
{
	if (dev)
		return BPF_CORE_READ(dev, nd_net.net, ns.inum);
	if (sk)
		return BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum);
	return 0;
}

static __always_inline int handle_drop(void *ctx, struct sk_buff *skb, void *location,
				       __u32 reason, struct sock *rx_sk, bool has_reason)
{
	struct net_device *dev;
	struct sock *sk;
	struct pkt p = {};
	__u32 ifindex, netns;

	if (!skb || (has_reason && is_normal_free(reason)))
		return 0;
	if (!reason_match(reason))
		return 0;
	dev = BPF_CORE_READ(skb, dev);
	sk = rx_sk ? rx_sk : BPF_CORE_READ(skb, sk);
	netns = netns_of(dev, sk);
	if (cfg.netns_ino && netns != cfg.netns_ino)
		return 0;
	/* Past the device layer the device may be gone; the input interface stays. */
	ifindex = dev ? BPF_CORE_READ(dev, ifindex) : BPF_CORE_READ(skb, skb_iif);
	if (cfg.ifindex && ifindex != cfg.ifindex)
		return 0;
	parse_skb(skb, dev, &p, cfg.events || cfg.nports);
	if (!pkt_match(&p))
		return 0;
	stat_inc(DROPS_STAT_SEEN);
	if (cfg.events)
		send_event(skb, location, reason, sk, ifindex, netns, dev, &p);
	else
		count_drop(ctx, location, reason, ifindex, netns, dev, &p);
	return 0;
}

/*
 * The tracepoint's arguments grew: (skb, location) before 5.17, then reason,
 * then rx_sk in 6.12.  Its BTF record type says which this kernel has.
 */
#define TP_HAS_REASON bpf_core_field_exists(struct trace_event_raw_kfree_skb, reason)
#define TP_HAS_RX_SK bpf_core_field_exists(struct trace_event_raw_kfree_skb, rx_sk)

SEC("tp_btf/kfree_skb")
int drops_tp_btf(__u64 *ctx)
{
	__u32 reason = TP_HAS_REASON ? (__u32)ctx[2] : DROPS_REASON_NONE;
	struct sock *sk = TP_HAS_RX_SK ? (struct sock *)ctx[3] : NULL;

	return handle_drop(ctx, (struct sk_buff *)ctx[0], (void *)ctx[1], reason, sk,
			   TP_HAS_REASON);
}

SEC("raw_tp/kfree_skb")
int drops_raw_tp(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 reason = TP_HAS_REASON ? (__u32)ctx->args[2] : DROPS_REASON_NONE;
	struct sock *sk = TP_HAS_RX_SK ? (struct sock *)ctx->args[3] : NULL;

	return handle_drop(ctx, (struct sk_buff *)ctx->args[0], (void *)ctx->args[1], reason, sk,
			   TP_HAS_REASON);
}

/*
 * Without the tracepoint: a kprobe on the function that fires it.  Its caller
 * is the tracepoint's location: at entry the return address is on top of the
 * stack on x86, in the link register elsewhere.
 */
static __always_inline void *kprobe_caller(struct pt_regs *ctx)
{
	void *ret = NULL;

#if defined(__TARGET_ARCH_x86)
	bpf_probe_read_kernel(&ret, sizeof(ret), (void *)PT_REGS_SP(ctx));
#else
	ret = (void *)PT_REGS_RET(ctx);
#endif
	return ret;
}

/*
 * One program per function, as their arguments differ; the collector loads the
 * one this kernel has.  One program choosing by a flag failed the verifier: the
 * compiler merged the branches' argument reads into one read through a moved
 * ctx pointer ("dereference of modified ctx ptr"), so no branch picks a register.
 */
SEC("kprobe/sk_skb_reason_drop")
int BPF_KPROBE(drops_kprobe_sk, struct sock *sk, struct sk_buff *skb, __u32 reason)
{
	return handle_drop(ctx, skb, kprobe_caller(ctx), reason, sk, true);
}

/* 5.17 to 6.10. */
SEC("kprobe/kfree_skb_reason")
int BPF_KPROBE(drops_kprobe_reason, struct sk_buff *skb, __u32 reason)
{
	return handle_drop(ctx, skb, kprobe_caller(ctx), reason, NULL, true);
}

/* Before 5.17: no reason. */
SEC("kprobe/kfree_skb")
int BPF_KPROBE(drops_kprobe_plain, struct sk_buff *skb)
{
	return handle_drop(ctx, skb, kprobe_caller(ctx), DROPS_REASON_NONE, NULL, false);
}
