/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockowner.h: what sockowner.bpf.c and its collector share: socket owner events, and the collector. */
#ifndef SOCKEYE_SOCKOWNER_H
#define SOCKEYE_SOCKOWNER_H

#ifndef __bpf__
#include <linux/types.h>
#endif

/*
 * The ABI between the BPF programs and user space: a socket's tuple and the
 * task that used it, sent when a socket is first seen in a task's hands and
 * when its tuple or its user changes (a map in the kernel remembers what was sent).
 */

#define SOCKOWNER_COMMSIZ 16

enum sockowner_kind {
	SOCKOWNER_SEND = 1,	/* sock:sock_send_length, in the sending task */
	SOCKOWNER_RECV,		/* sock:sock_recv_length, in the reading task */
	SOCKOWNER_CONNECTED,	/* a task's connect(): its SYN queued (or ESTABLISHED reached) */
	SOCKOWNER_LISTEN,	/* TCP listen(), in the listening task */
	SOCKOWNER_CLOSE,	/* TCP reached CLOSE: the entry may age out */
};

struct sockowner_event {
	__u64 sk;		/* the socket's address: an identity, never dereferenced */
	__u64 cgroup_id;	/* the socket's cgroup (v2), else the task's */
	__u32 netns_ino;
	__u32 tgid;		/* the process */
	__u32 pid;		/* the thread */
	__u32 ppid;		/* the process's parent (--children) */
	__u8 kind;		/* enum sockowner_kind */
	__u8 family;		/* AF_INET or AF_INET6 */
	__u8 proto;		/* IPPROTO_TCP or IPPROTO_UDP */
	__u8 pad;
	__u16 sport;		/* host order; 0 not bound yet */
	__u16 dport;		/* host order; 0 not connected */
	__u8 saddr[16];		/* network order, IPv4 in the first 4 bytes */
	__u8 daddr[16];
	char comm[SOCKOWNER_COMMSIZ];
};

/* Per-CPU counters: nothing is lost without being counted. */
enum sockowner_stat {
	SOCKOWNER_STAT_SENT,	/* events sent */
	SOCKOWNER_STAT_LOST,	/* events not sent: the ring buffer was full */
	SOCKOWNER_STAT_NR,
};

#ifndef __bpf__
/* ---- the collector (user space) ------------------------------------------------- */
#include <stdint.h>

#include "bpf/loader.h"

struct sockowner;

/*
 * Loads and attaches the programs (tp_btf on sock:sock_send_length,
 * sock:sock_recv_length, sock:inet_sock_set_state and net:net_dev_queue) with a ring buffer of
 * ring_bytes (a power of two).  0, or -errno with *e saying what failed.
 */
int sockowner_open(uint32_t ring_bytes, struct sockowner **out, struct loader_error *e);
void sockowner_close(struct sockowner *s);
/* Calls fn for each event waiting, without waiting and without a system call; count or -errno. */
int sockowner_consume(struct sockowner *s, void (*fn)(void *ctx, const struct sockowner_event *ev),
		      void *ctx);
/*
 * Where the ring's consumer and producer positions are (both NULL when they
 * could not be mapped): the ring holds events exactly when they differ, which
 * a caller on a hot path reads without a call (sockowner_consume then reads them).
 */
void sockowner_positions(const struct sockowner *s, const uint64_t **consumer,
			 const uint64_t **producer);
/* Forgets socket sk (its events come again when it is used): the caller dropped its entry. */
void sockowner_forget(struct sockowner *s, uint64_t sk);
/* The per-CPU counters summed into stats[SOCKOWNER_STAT_NR].  0 or -errno. */
int sockowner_stats(struct sockowner *s, uint64_t *stats);
#endif

#endif
