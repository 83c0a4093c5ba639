/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockiter.bpf.c: TCP and UDP iterators that write out only the sockets with queued bytes or drops. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "sockiter.h"
#include "sockiter.bpf.h"

char LICENSE[] SEC("license") = "GPL";

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
	r.cookie = bpf_get_socket_cookie(sk);
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
	r.cookie = bpf_get_socket_cookie(sk);
	r.protocol = 17;
	bpf_seq_write(ctx->meta->seq, &r, sizeof(r));
	return 0;
}
