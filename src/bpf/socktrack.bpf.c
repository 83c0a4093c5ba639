/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * socktrack.bpf.c: the exporter's full sockets without walking the host's
 * tables at each scrape.  A walk of iter/tcp visits every bucket of the
 * established hash (shared by every namespace) and locks every socket of the
 * namespace: 46 ms of CPU at 100,000 sockets.  Instead, when data arrives on
 * a TCP or UDP socket (the sk_data_ready tracepoint, the socket's memory hot
 * in the cache) and its receive memory is at 80% of its buffer or more, the
 * socket is noted; a scrape checks the noted ones again, a few, not all.
 * One walk per namespace notes those full before the exporter started.
 *
 * Top's sockets panel uses the same events another way (track_queued): it
 * ranks the sockets with the most bytes queued, so it sets a threshold in
 * bytes, the smallest queue among its rows (1 while it has room), and the
 * sockets of its namespace whose queue reaches it when data arrives (or, where
 * the kernel has sock_send_length, when data is sent) become candidates; each
 * refresh reads the candidates again instead of walking every socket.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "sockiter.h"
#include "sockiter.bpf.h"
#include "socktrack.h"

char LICENSE[] SEC("license") = "GPL";

#define PROTO_TCP 6
#define PROTO_UDP 17
#define E2BIG 7

/* The noted sockets, by cookie (unique for the host's uptime, zeroed when the memory is reused). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, SOCKTRACK_MAX_FULL);
	__type(key, __u64);
	__type(value, struct socktrack_full);
} full SEC(".maps");

/* The counts of the last recount, by namespace inode. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, SOCKTRACK_MAX_NETNS);
	__type(key, __u32);
	__type(value, struct socktrack_ns);
} counts SEC(".maps");

/* Top's candidates, by cookie: each refresh rewrites rec (socktrack_requeue). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, SOCKTRACK_MAX_QUEUED);
	__type(key, __u64);
	__type(value, struct socktrack_queued);
} queued SEC(".maps");

__u64 lost;		/* sockets not noted: the map was full */
__u64 recount;		/* set by user space before each recount */

/* Which use this load serves: the verifier drops the other's code. */
const volatile bool track_full = true;		/* the exporter's full sockets */
const volatile bool track_queued = false;	/* top's candidates */
__u32 queued_min;	/* top's threshold in bytes, set each refresh; 0: none */
__u32 queued_netns;	/* the namespace top shows (its inode) */
__u64 queued_lost;	/* candidates not noted: the map was full */

/* Receive memory at 80% of the buffer or more, in integers: 5 * alloc >= 4 * rcvbuf. */
static __always_inline bool is_full(__u32 alloc, int rcvbuf)
{
	return rcvbuf > 0 && 5 * (__u64)alloc >= 4 * (__u64)rcvbuf;
}

static __always_inline void note(struct sock *sk, __u16 protocol)
{
	struct socktrack_full f = {
		.sk = (__u64)sk,
		.netns = BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum),
		.protocol = protocol,
	};
	__u64 cookie = bpf_get_socket_cookie(sk);

	if (bpf_map_update_elem(&full, &cookie, &f, BPF_ANY))
		__sync_fetch_and_add(&lost, 1);
}

/*
 * A TCP or UDP socket that can hold data (not a listener, time-wait or
 * request socket) and is full: noted.  The fullness first, the cheapest
 * filter on the hot path; sk is a BTF pointer, read directly (no helper call:
 * this runs for every packet queued to any socket of the host).
 */
static __always_inline void check(struct sock *sk)
{
	__u16 protocol;
	__u8 state;

	if (!is_full(sk->sk_backlog.rmem_alloc.counter, sk->sk_rcvbuf))
		return;
	protocol = sk->sk_protocol;
	state = sk->__sk_common.skc_state;
	if (protocol != PROTO_TCP && protocol != PROTO_UDP)
		return;
	if (protocol == PROTO_TCP && (state == TCP_LISTEN || state == TCP_TIME_WAIT ||
				      state == TCP_NEW_SYN_RECV))
		return;
	note(sk, protocol);
}

/*
 * A socket of top's namespace that may now rank among its rows: noted once
 * (lookup first: most packets of a noted socket stop there).
 */
static __always_inline void note_queued(struct sock *sk)
{
	struct socktrack_queued q = { .sk = (__u64)sk };
	__u16 protocol = sk->sk_protocol;
	__u8 state = sk->__sk_common.skc_state;
	__u64 cookie;

	if (protocol != PROTO_TCP && protocol != PROTO_UDP)
		return;
	if (protocol == PROTO_TCP && (state == TCP_TIME_WAIT || state == TCP_NEW_SYN_RECV))
		return;
	/* Direct loads (the verifier guards them), not probe-read helper calls. */
	if (sk->__sk_common.skc_net.net->ns.inum != queued_netns)
		return;
	cookie = bpf_get_socket_cookie(sk);
	if (bpf_map_lookup_elem(&queued, &cookie))
		return;
	q.protocol = protocol;
	if (bpf_map_update_elem(&queued, &cookie, &q, BPF_NOEXIST) == -E2BIG)
		__sync_fetch_and_add(&queued_lost, 1);
}

/*
 * The receive side: receive memory (the skbs' truesize, never less than the
 * bytes they hold) or a listener's accept queue at the threshold or over.  A
 * superset of the sockets whose Recv-Q is: the refresh reads the exact one.
 * Two loads and two compares for a socket under it: every packet to any
 * socket of the host comes here.
 */
static __always_inline void check_queued(struct sock *sk)
{
	__u32 min = queued_min;

	if (!min)
		return;
	if ((__u32)sk->sk_backlog.rmem_alloc.counter < min && sk->sk_ack_backlog < min)
		return;
	note_queued(sk);
}

/* Data queued on a socket (sock_def_readable): the only time its receive memory grows. */
SEC("tp_btf/sk_data_ready")
int BPF_PROG(socktrack_ready, const struct sock *sk)
{
	if (track_full)
		check((struct sock *)sk);
	if (track_queued)
		check_queued((struct sock *)sk);
	return 0;
}

/*
 * The send side, where the kernel has the tracepoint (6.3 and later): after
 * each sendmsg, the memory of the write queue (TCP) or of the skbs not yet
 * freed (UDP), never less than Send-Q's bytes.  Loaded only for top.
 */
SEC("tp_btf/sock_send_length")
int BPF_PROG(socktrack_sent, struct sock *sk, int ret, int flags)
{
	__u32 min = queued_min;
	int wmem;

	if (!track_queued || !min || !sk)
		return 0;
	wmem = sk->sk_wmem_alloc.refs.counter - 1;
	if ((__u32)sk->sk_wmem_queued < min && (wmem < 0 || (__u32)wmem < min))
		return 0;
	note_queued(sk);
	return 0;
}

/* The seeding walks, once per namespace. */
SEC("iter/tcp")
int socktrack_seed_tcp(struct bpf_iter__tcp *ctx)
{
	struct sock_common *skc = ctx->sk_common;
	struct tcp_sock *tp;

	if (!skc)
		return 0;
	tp = bpf_skc_to_tcp_sock(skc);
	if (tp && track_full)
		check((struct sock *)tp);
	return 0;
}

SEC("iter/udp")
int socktrack_seed_udp(struct bpf_iter__udp *ctx)
{
	struct udp_sock *up = ctx->udp_sk;

	if (up && track_full)
		check((struct sock *)up);
	return 0;
}

/* One noted socket at a recount: still the same socket, still full, or forgotten. */
static long recheck(struct bpf_map *map, __u64 *cookie, struct socktrack_full *f, void *unused)
{
	struct sock *sk = (struct sock *)f->sk;
	struct socktrack_ns *n, zero = { 0 };
	__u64 now = BPF_CORE_READ(sk, __sk_common.skc_cookie.counter);
	unsigned p = f->protocol == PROTO_TCP ? 0 : 1;

	/* Freed and reused, or closed (a time-wait or listening socket holds no data). */
	if (now != *cookie ||
	    !is_full(BPF_CORE_READ(sk, sk_backlog.rmem_alloc.counter), BPF_CORE_READ(sk, sk_rcvbuf))) {
		bpf_map_delete_elem(map, cookie);
		return 0;
	}
	n = bpf_map_lookup_elem(&counts, &f->netns);
	if (!n) {
		bpf_map_update_elem(&counts, &f->netns, &zero, BPF_NOEXIST);
		n = bpf_map_lookup_elem(&counts, &f->netns);
		if (!n)
			return 0;
	}
	if (n->recount != recount) {
		n->recount = recount;
		n->rcv_full[0] = n->rcv_full[1] = 0;
	}
	n->rcv_full[p]++;
	return 0;
}

/* Run by user space (BPF_PROG_TEST_RUN) at each scrape. */
SEC("raw_tp")
int socktrack_recount(void *ctx)
{
	bpf_for_each_map_elem(&full, recheck, NULL, 0);
	return 0;
}

/*
 * One of top's candidates at a refresh: still the socket of that cookie and
 * alive (a freed socket's memory keeps its cookie until reused), and with
 * something queued or dropped (the panel's ranking: bytes queued, then
 * drops); its record rewritten for user space to read.  Otherwise forgotten:
 * when its queue grows again, its data notes it again.
 */
static long requeue(struct bpf_map *map, __u64 *cookie, struct socktrack_queued *q, void *unused)
{
	struct sock *sk = (struct sock *)q->sk;
	struct sockiter_rec *r = &q->rec;

	if (BPF_CORE_READ(sk, __sk_common.skc_cookie.counter) != *cookie ||
	    !BPF_CORE_READ(sk, __sk_common.skc_refcnt.refs.counter)) {
		bpf_map_delete_elem(map, cookie);
		return 0;
	}
	queues_of(r, sk, (__u8)q->protocol);
	if (r->state == TCP_TIME_WAIT || r->state == TCP_NEW_SYN_RECV || !is_worth(r)) {
		bpf_map_delete_elem(map, cookie);
		return 0;
	}
	fill_common(r, sk);
	r->cookie = *cookie;
	return 0;
}

/* Run by user space (BPF_PROG_TEST_RUN) at each of top's refreshes. */
SEC("raw_tp")
int socktrack_requeue(void *ctx)
{
	if (track_queued)
		bpf_for_each_map_elem(&queued, requeue, NULL, 0);
	return 0;
}
