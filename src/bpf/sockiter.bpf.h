/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sockiter.bpf.h: a socket's record as sock_diag would fill it, for the iterators
 * (sockiter.bpf.c) and for top's candidates read again at each refresh (socktrack.bpf.c).
 * Every read goes through BPF_CORE_READ: the candidates' sockets are addresses kept
 * in a map, not pointers the verifier trusts.
 */
#ifndef SOCKEYE_SOCKITER_BPF_H
#define SOCKEYE_SOCKITER_BPF_H

#define AF_INET 2
#define AF_INET6 10
#define TCP_TIME_WAIT 6
#define TCP_LISTEN 10
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

/*
 * The fields every protocol shares but the cookie (the callers': bpf_get_socket_cookie
 * is the iterators' only).
 */
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
	r->sk = (__u64)sk;
	return 0;
}

/* Whether the socket is one of those the panel ranks: something queued or dropped. */
static __always_inline bool is_worth(const struct sockiter_rec *r)
{
	__u64 fill = r->rqueue + (r->state == TCP_LISTEN ? 0 : r->wqueue);

	return fill || r->skmem[8];
}

/*
 * Recv-Q and Send-Q as sock_diag computes them (tcp_diag_get_info(),
 * udp_diag_get_info()), and the drops, of a socket known by its address only:
 * what the iterators read directly, through BPF_CORE_READ.
 */
static __always_inline void queues_of(struct sockiter_rec *r, struct sock *sk, __u8 protocol)
{
	r->state = BPF_CORE_READ(sk, __sk_common.skc_state);
	if (protocol == 6 && r->state == TCP_LISTEN) {
		r->rqueue = BPF_CORE_READ(sk, sk_ack_backlog);
		r->wqueue = BPF_CORE_READ(sk, sk_max_ack_backlog);
	} else if (protocol == 6) {
		struct tcp_sock *tp = (struct tcp_sock *)sk;
		int rq = (int)(BPF_CORE_READ(tp, rcv_nxt) - BPF_CORE_READ(tp, copied_seq));

		r->rqueue = rq > 0 ? rq : 0;
		r->wqueue = BPF_CORE_READ(tp, write_seq) - BPF_CORE_READ(tp, snd_una);
	} else {
		r->rqueue = BPF_CORE_READ(sk, sk_backlog.rmem_alloc.counter) -
			    BPF_CORE_READ((struct udp_sock *)sk, forward_deficit);
		r->wqueue = BPF_CORE_READ(sk, sk_wmem_alloc.refs.counter) - 1;
	}
	r->skmem[8] = drops_of(sk);
	r->protocol = protocol;
}

#endif
