/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockowner.bpf.c: which task uses which TCP/UDP socket, from tracepoints that run in that task. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "sockowner.h"

char LICENSE[] SEC("license") = "GPL";

#define AF_INET 2
#define AF_INET6 10
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define TCP_ESTABLISHED 1
#define TCP_SYN_SENT 2
#define TCP_CLOSE 7
#define TCP_LISTEN 10

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);	/* the collector sets it */
} events SEC(".maps");

/*
 * What was last sent for a socket: a send or read by the same process on the
 * same tuple sends nothing (the hot path of a busy socket is one lookup).
 */
struct seen {
	__u32 tgid;
	__u16 sport, dport;
	__u32 daddr_sum;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u64);
	__type(value, struct seen);
} seen SEC(".maps");

/* Sockets a task connect()ed, until ESTABLISHED (in softirq, not the task) completes the tuple. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, struct sockowner_event);
} connecting SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SOCKOWNER_STAT_NR);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline void stat_inc(__u32 which)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &which);

	if (v)
		*v += 1;
}

/* Fills the tuple of an inet TCP or UDP socket; false for every other kind. */
static __always_inline bool read_tuple(const struct sock *sk, struct sockowner_event *ev)
{
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	__u16 proto = BPF_CORE_READ(sk, sk_protocol);

	if ((family != AF_INET && family != AF_INET6) ||
	    (proto != IPPROTO_TCP && proto != IPPROTO_UDP))
		return false;
	ev->sk = (__u64)sk;
	ev->family = (__u8)family;
	ev->proto = (__u8)proto;
	ev->sport = BPF_CORE_READ(sk, __sk_common.skc_num);
	ev->dport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	ev->netns_ino = BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum);
	if (family == AF_INET) {
		__u32 s4 = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 d4 = BPF_CORE_READ(sk, __sk_common.skc_daddr);

		__builtin_memcpy(ev->saddr, &s4, 4);
		__builtin_memcpy(ev->daddr, &d4, 4);
	} else {
		/* &array: the whole 16 bytes (the macro reads sizeof(*dst)). */
		BPF_CORE_READ_INTO(&ev->saddr, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&ev->daddr, sk, __sk_common.skc_v6_daddr);
	}
	ev->cgroup_id = BPF_CORE_READ(sk, sk_cgrp_data.cgroup, kn, id);
	return true;
}

/* The running task: it is the socket's user where the tracepoint runs in process context. */
static __always_inline void read_task(struct sockowner_event *ev)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	__u64 id = bpf_get_current_pid_tgid();

	ev->tgid = id >> 32;
	ev->pid = (__u32)id;
	ev->ppid = BPF_CORE_READ(t, real_parent, tgid);
	bpf_get_current_comm(ev->comm, sizeof(ev->comm));
	if (!ev->cgroup_id)
		ev->cgroup_id = bpf_get_current_cgroup_id();
}

static __always_inline void emit(const struct sockowner_event *ev)
{
	if (bpf_ringbuf_output(&events, (void *)ev, sizeof(*ev), 0))
		stat_inc(SOCKOWNER_STAT_LOST);
	else
		stat_inc(SOCKOWNER_STAT_SENT);
}

static __always_inline __u32 addr_sum(const __u8 *a)
{
	__u32 w[4];

	__builtin_memcpy(w, a, sizeof(w));
	return w[0] ^ w[1] ^ w[2] ^ w[3];
}

/* A send or read in the task that does it: sent when the socket or its user is new. */
static __always_inline int on_io(struct sock *sk, __u8 kind)
{
	struct sockowner_event ev = {};
	struct seen now, *was;
	__u64 key = (__u64)sk;

	if (!read_tuple(sk, &ev))
		return 0;
	now.tgid = bpf_get_current_pid_tgid() >> 32;
	now.sport = ev.sport;
	now.dport = ev.dport;
	now.daddr_sum = addr_sum(ev.daddr);
	was = bpf_map_lookup_elem(&seen, &key);
	if (was && was->tgid == now.tgid && was->sport == now.sport && was->dport == now.dport &&
	    was->daddr_sum == now.daddr_sum)
		return 0;
	bpf_map_update_elem(&seen, &key, &now, BPF_ANY);
	read_task(&ev);
	ev.kind = kind;
	emit(&ev);
	return 0;
}

SEC("tp_btf/sock_send_length")
int BPF_PROG(sockowner_send, struct sock *sk, int ret, int flags)
{
	return on_io(sk, SOCKOWNER_SEND);
}

SEC("tp_btf/sock_recv_length")
int BPF_PROG(sockowner_recv, struct sock *sk, int ret, int flags)
{
	return on_io(sk, SOCKOWNER_RECV);
}

/*
 * connect() sets SYN_SENT in the task, before the local port is chosen;
 * ESTABLISHED comes in softirq with the tuple whole: the owner is carried from
 * one to the other.  listen() runs in the task with the local address whole.
 * Other changes happen in whichever task the CPU was running: their task says
 * nothing of the socket's owner.
 */
SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(sockowner_state, const struct sock *sk, const int oldstate, const int newstate)
{
	struct sockowner_event ev = {}, *was;
	__u64 key = (__u64)sk;

	if (newstate == TCP_SYN_SENT || newstate == TCP_LISTEN) {
		if (!read_tuple(sk, &ev))
			return 0;
		read_task(&ev);
		if (newstate == TCP_LISTEN) {
			ev.kind = SOCKOWNER_LISTEN;
			emit(&ev);
		} else {
			bpf_map_update_elem(&connecting, &key, &ev, BPF_ANY);
		}
	} else if (newstate == TCP_ESTABLISHED) {
		was = bpf_map_lookup_elem(&connecting, &key);
		if (!was)
			return 0;
		__builtin_memcpy(&ev, was, sizeof(ev));
		bpf_map_delete_elem(&connecting, &key);
		if (!read_tuple(sk, &ev))
			return 0;
		ev.kind = SOCKOWNER_CONNECTED;
		emit(&ev);
	} else if (newstate == TCP_CLOSE) {
		/* The address may hold another socket next: nothing of this one may mask it. */
		bpf_map_delete_elem(&connecting, &key);
		bpf_map_delete_elem(&seen, &key);
	}
	return 0;
}

/*
 * The SYN of a connect(): queued to a device in the connecting task, its local
 * port chosen by now.  Sent from here, before the packet reaches a capture,
 * the handshake itself is attributed; ESTABLISHED then has nothing to add.
 * Every other packet costs one lookup that misses.
 */
SEC("tp_btf/net_dev_queue")
int BPF_PROG(sockowner_xmit, struct sk_buff *skb)
{
	struct sockowner_event ev, *was;
	struct sock *sk = BPF_CORE_READ(skb, sk);
	__u64 key = (__u64)sk;

	if (!sk)
		return 0;
	was = bpf_map_lookup_elem(&connecting, &key);
	if (!was)
		return 0;
	__builtin_memcpy(&ev, was, sizeof(ev));
	if (!read_tuple(sk, &ev) || !ev.sport)
		return 0;
	bpf_map_delete_elem(&connecting, &key);
	ev.kind = SOCKOWNER_CONNECTED;
	emit(&ev);
	return 0;
}
