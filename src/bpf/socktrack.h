/* SPDX-License-Identifier: GPL-2.0-or-later */
/* socktrack.h: the exporter's full sockets, noted as data arrives, not found by walking the host's tables. */
#ifndef SOCKEYE_SOCKTRACK_H
#define SOCKEYE_SOCKTRACK_H

/*
 * Sockets noted full at once, host-wide (socktrack.bpf.c's map of them):
 * past it, one that fills is lost to the counts until the tables are walked
 * again (the caller does when socktrack_recount says so).
 */
#define SOCKTRACK_MAX_FULL 16384
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

#ifndef __bpf__
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
#endif

#endif
