/* SPDX-License-Identifier: GPL-2.0-or-later */
/* socktrack.h: the exporter's full sockets, noted as data arrives, not found by walking the host's tables. */
#ifndef SOCKEYE_SOCKTRACK_H
#define SOCKEYE_SOCKTRACK_H

#include "sockiter.h"

/*
 * Sockets noted full at once, host-wide (socktrack.bpf.c's map of them):
 * past it, one that fills is lost to the counts until the tables are walked
 * again (the caller does when socktrack_recount says so).
 */
#define SOCKTRACK_MAX_FULL 16384
/*
 * Top's candidates at once: past it, a socket whose queue grows is not noted
 * (counted) until a refresh forgets the emptied ones or the next walk finds it.
 */
#define SOCKTRACK_MAX_QUEUED 4096
/* Network namespaces counted apart in one recount. */
#define SOCKTRACK_MAX_NETNS 4096

/* A noted socket: where to find it again, and its namespace. */
struct socktrack_full {
	unsigned long long sk;		/* the struct sock's address, checked by its cookie */
	unsigned int netns;		/* its namespace's inode */
	unsigned short protocol;	/* IPPROTO_TCP, IPPROTO_UDP */
	unsigned short pad;
};

/* A namespace's sockets still full at a recount, by protocol (index 0 TCP, 1 UDP). */
struct socktrack_ns {
	unsigned long long recount;	/* the recount these are of */
	unsigned long long rcv_full[2];
};

/* One of top's candidates: where to find it again, and its record as of the last refresh. */
struct socktrack_queued {
	unsigned long long sk;		/* the struct sock's address, checked by its cookie */
	unsigned short protocol;	/* IPPROTO_TCP, IPPROTO_UDP */
	unsigned short pad[3];
	struct sockiter_rec rec;	/* written by each refresh (socktrack_requeue) */
};

#ifndef __bpf__
#include <stdbool.h>
#include <stdint.h>

struct socktrack;

/*
 * Loads the programs and attaches the data-ready tracepoint: from then on a
 * TCP or UDP socket whose receive memory reaches 80% of its buffer when data
 * arrives is noted.  NULL with errno when BPF does not allow it (the caller
 * walks the tables instead); SOCKEYE_SOCKITER=off refuses (ECANCELED), to
 * compare both ways.
 */
struct socktrack *socktrack_open(void);
void socktrack_close(struct socktrack *t);

/*
 * One walk of the TCP and UDP tables of the namespace the caller is in now,
 * noting the sockets full already: once per namespace, before its first
 * count (later ones are noted as their data arrives).  0 or -errno.
 */
int socktrack_seed_here(struct socktrack *t);

/*
 * Checks every noted socket again (the address still holds the socket of
 * that cookie, its memory still at 80% or more), forgets the others and
 * counts the rest by namespace.  1 when sockets were lost since the last
 * recount (the map was full: the namespaces must be walked again), 0, or -errno.
 */
int socktrack_recount(struct socktrack *t);
/* netns's counts at the last recount (zeros when it had none). */
int socktrack_ns_counts(struct socktrack *t, uint32_t netns, struct socktrack_ns *out);

/*
 * Top's use: loads the programs for candidates instead of full sockets.  The
 * TCP and UDP sockets of namespace netns (an inode) whose queue reaches the
 * threshold (socktrack_set_min) when data arrives, and when data is sent
 * where the kernel has the sock_send_length tracepoint, are noted.  NULL with
 * errno as socktrack_open.
 */
struct socktrack *socktrack_open_queued(uint32_t netns);
/* Whether sends note too (the kernel has sock_send_length); else Send-Q is the walks' alone. */
bool socktrack_sees_sends(const struct socktrack *t);
/* The threshold in bytes from now on (Recv-Q or Send-Q; 0 notes nothing). */
void socktrack_set_min(struct socktrack *t, uint32_t bytes);
/*
 * A socket a walk found (sockiter's record, with its address): a candidate
 * from now on.  0, -E2BIG when the candidates are at SOCKTRACK_MAX_QUEUED, or -errno.
 */
int socktrack_add(struct socktrack *t, const struct sockiter_rec *r);
/*
 * Reads every candidate again, forgets those gone or with nothing queued nor
 * dropped, and calls cb with the others' records (valid during the call).
 * 0, cb's non-zero result, or -errno.
 */
int socktrack_requeue(struct socktrack *t, int (*cb)(const struct sockiter_rec *r, void *arg),
		      void *arg);
/* The candidates not noted since the programs loaded (the map was full). */
unsigned long long socktrack_queued_lost(const struct socktrack *t);
#endif

#endif
