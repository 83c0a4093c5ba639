/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockkeep.h: the fullest N sockets of a dump, each copied out of its message into one compact block. */
#ifndef SOCKEYE_SOCKKEEP_H
#define SOCKEYE_SOCKKEEP_H

#include <stddef.h>
#include <stdint.h>

#include "diag/sockdiag.h"

/*
 * A kept socket: the record with what its pointers pointed to (congestion
 * control, tcp_info, skmeminfo, unix path) copied behind it, and the names
 * its namespace gave it.  r's pointers point into the same block.
 */
struct sock_kept {
	struct sock_rec r;
	uint64_t order;		/* place in the dump: ties keep the earlier */
	char netns[96];		/* --all-netns: its namespace, else "" */
	char ifname[16];	/* the interface of r.ifindex, "" when unknown */
	unsigned char data[];
};

/*
 * The fullest max sockets of one snapshot (by Recv-Q, then Send-Q), so a
 * refresh costs memory for what it shows, not for every socket of the host:
 * a min-heap whose root is the first to go.
 */
struct sock_keep {
	size_t max;		/* 0: every socket */
	struct sock_kept **v;
	size_t n, cap;
	uint64_t offered;	/* sockets offered since the last clear */
};

void sock_keep_init(struct sock_keep *k, size_t max);
void sock_keep_free(struct sock_keep *k);
/* Forgets the kept sockets and the count (a new snapshot begins). */
void sock_keep_clear(struct sock_keep *k);
/* Offers r (netns, ifname: NULL or names to keep along); 0 or -ENOMEM. */
int sock_keep_offer(struct sock_keep *k, const struct sock_rec *r, const char *netns,
		    const char *ifname);
/* Puts the kept sockets in order, fullest first (v[0 .. n-1]); the heap is gone until clear. */
void sock_keep_sort(struct sock_keep *k);

#endif
