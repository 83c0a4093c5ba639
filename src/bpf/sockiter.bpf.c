/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockiter.bpf.c: TCP and UDP iterators that write out only the sockets with queued bytes or drops. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "sockiter.h"

char LICENSE[] SEC("license") = "GPL";

#define AF_INET 2
#define AF_INET6 10
#define TCP_LISTEN 10
#define TCP_TIME_WAIT 6
#define TCP_NEW_SYN_RECV 12

/* sk_drops_read(): the NUMA counters where the socket has them (UDP), else sk_drops. */
static __always_inline __u32 drops_of(const struct sock *sk)
{
	struct numa_drop_counters *ndc = NULL;

	if (bpf_core_field_exists(sk->sk_drop_counters))
		ndc = BPF_CORE_READ(sk, sk_drop_counters);
	if (ndc)
		return BPF_CORE_READ(ndc, drops0.counter) + BPF_CORE_READ(ndc, drops1.counter);
	return BPF_CORE_READ(sk, sk_drops.counter);
}

/* sock_i_ino(): sk_ino where the kernel keeps it, else the socket file's inode. */
static __always_inline __u64 inode_of(const struct sock *sk)
{
	if (bpf_core_field_exists(sk->sk_ino))
		return BPF_CORE_READ(sk, sk_ino);
	return BPF_CORE_READ(sk, sk_socket, file, f_inode, i_ino);
}

/* The fields every protocol shares; 0 when the socket is not worth a record. */
static __always_inline int fill_common(struct sockiter_rec *r, struct sock *sk)
{
	const struct sock_common *c = &sk->__sk_common;

	r->family = BPF_CORE_READ(c, skc_family);
	r->state = BPF_CORE_READ(c, skc_state);
	r->sport = BPF_CORE_READ(c, skc_num);
	r->dport = __builtin_bswap16(BPF_CORE_READ(c, skc_dport));
	if (r->family == AF_INET6) {
		BPF_CORE_READ_INTO(&r->src, c, skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&r->dst, c, skc_v6_daddr);
	} else {
		BPF_CORE_READ_INTO((__u32 *)r->src, c, skc_rcv_saddr);
		BPF_CORE_READ_INTO((__u32 *)r->dst, c, skc_daddr);
	}
	r->ifindex = BPF_CORE_READ(c, skc_bound_dev_if);
	r->uid = BPF_CORE_READ(sk, sk_uid.val);
	r->inode = inode_of(sk);
	r->cookie = bpf_get_socket_cookie(sk);
	/* sk_get_meminfo(), in its order. */
	r->skmem[0] = BPF_CORE_READ(sk, sk_backlog.rmem_alloc.counter);
	r->skmem[1] = BPF_CORE_READ(sk, sk_rcvbuf);
	r->skmem[2] = BPF_CORE_READ(sk, sk_wmem_alloc.refs.counter) - 1;
	r->skmem[3] = BPF_CORE_READ(sk, sk_sndbuf);
	r->skmem[4] = BPF_CORE_READ(sk, sk_forward_alloc);
	r->skmem[5] = BPF_CORE_READ(sk, sk_wmem_queued);
	r->skmem[6] = BPF_CORE_READ(sk, sk_omem_alloc.counter);
	r->skmem[7] = BPF_CORE_READ(sk, sk_backlog.len);
	r->skmem[8] = drops_of(sk);
	/* What inet_sk_diag_fill() adds to every socket. */
	r->mark = BPF_CORE_READ(sk, sk_mark);
	r->shutdown = BPF_CORE_READ_BITFIELD_PROBED(sk, sk_shutdown);
	r->cgroup_id = BPF_CORE_READ(sk, sk_cgrp_data.cgroup, kn, id);
	return 0;
}

/* Whether the socket is one of those the panel ranks: something queued or dropped. */
static __always_inline bool is_worth(const struct sockiter_rec *r)
{
	__u64 fill = r->rqueue + (r->state == TCP_LISTEN ? 0 : r->wqueue);

	return fill || r->skmem[8];
}

SEC("iter/tcp")
int sockiter_tcp(struct bpf_iter__tcp *ctx)
{
	struct sock_common *skc = ctx->sk_common;
	struct sockiter_rec r = {};
	struct tcp_sock *tp;
	struct sock *sk;
	__u8 state;

	if (!skc)
		return 0;
	state = skc->skc_state;
	/* Time-wait and request sockets queue nothing. */
	if (state == TCP_TIME_WAIT || state == TCP_NEW_SYN_RECV)
		return 0;
	tp = bpf_skc_to_tcp_sock(skc);
	if (!tp)
		return 0;
	sk = (struct sock *)tp;
	/*
	 * tcp_diag_get_info(), and the drops: the few reads that decide.  Most
	 * sockets of a big host queue nothing: they cost these, not a record's
	 * thirty (the cookie, the inode behind two pointers, the cgroup).
	 */
	r.state = state;
	if (state == TCP_LISTEN) {
		r.rqueue = sk->sk_ack_backlog;
		r.wqueue = sk->sk_max_ack_backlog;
	} else {
		int rq = (int)(tp->rcv_nxt - tp->copied_seq);

		r.rqueue = rq > 0 ? rq : 0;
		r.wqueue = tp->write_seq - tp->snd_una;
	}
	r.skmem[8] = drops_of(sk);
	if (!is_worth(&r))
		return 0;
	fill_common(&r, sk);
	r.protocol = 6;
	bpf_seq_write(ctx->meta->seq, &r, sizeof(r));
	return 0;
}

SEC("iter/udp")
int sockiter_udp(struct bpf_iter__udp *ctx)
{
	struct udp_sock *up = ctx->udp_sk;
	struct sockiter_rec r = {};
	struct sock *sk;

	if (!up)
		return 0;
	sk = (struct sock *)up;
	/* udp_diag_get_info(): udp_rqueue_get() and sk_wmem_alloc_get(); and the drops, first (see TCP). */
	r.rqueue = BPF_CORE_READ(sk, sk_backlog.rmem_alloc.counter) -
		   BPF_CORE_READ(up, forward_deficit);
	r.wqueue = BPF_CORE_READ(sk, sk_wmem_alloc.refs.counter) - 1;
	r.skmem[8] = drops_of(sk);
	if (!is_worth(&r))
		return 0;
	fill_common(&r, sk);
	r.protocol = 17;
	bpf_seq_write(ctx->meta->seq, &r, sizeof(r));
	return 0;
}
