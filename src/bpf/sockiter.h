/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockiter.h: the fullest sockets from the kernel's TCP and UDP iterators: records and reader. */
#ifndef SOCKEYE_SOCKITER_H
#define SOCKEYE_SOCKITER_H

/*
 * The record sockiter.bpf.c writes for each socket with bytes queued or
 * drops counted, the rest of the host's sockets never leaving the kernel:
 * a sock_diag dump formats every socket of the namespace into netlink.
 */
#define SOCKITER_MEMINFO 9	/* SK_MEMINFO_VARS: the u32s of skmeminfo */

struct sockiter_rec {
	unsigned char family;		/* AF_INET, AF_INET6 */
	unsigned char state;		/* TCP_* as sock_diag numbers them */
	unsigned char protocol;		/* IPPROTO_TCP, IPPROTO_UDP */
	unsigned char pad;
	unsigned short sport, dport;	/* host order */
	unsigned int rqueue, wqueue;	/* as sock_diag computes them */
	unsigned char src[16], dst[16];	/* network order, IPv4 in the first 4 bytes */
	unsigned int ifindex;
	unsigned int uid;
	unsigned long long inode;
	unsigned long long cookie;
	unsigned int skmem[SOCKITER_MEMINFO];	/* as INET_DIAG_SKMEMINFO */
	unsigned int mark;
	unsigned long long cgroup_id;
	unsigned char shutdown;
	unsigned char pad2[7];
	unsigned long long sk;		/* the kernel's address, for socktrack's candidates */
};

#ifndef __bpf__
#include <stdbool.h>
#include <stddef.h>

#include "diag/sockdiag.h"

struct sockiter;

/*
 * Loads the iterator programs (iter/tcp, iter/udp).  NULL with errno when the
 * kernel or the privileges do not allow them: the caller falls back to
 * sock_diag.  The environment variable SOCKEYE_SOCKITER=off refuses
 * (ECANCELED), to compare both paths.
 */
struct sockiter *sockiter_open(void);
void sockiter_close(struct sockiter *it);

/*
 * One walk of each table, in the network namespace the caller is in now (an
 * iterator covers the namespace it is created in): cb for each TCP then UDP
 * socket with bytes queued (Recv-Q, and Send-Q but on listeners) or drops.
 * The record lives during the callback only (skmem points into it).  0,
 * cb's non-zero result, or -errno.
 */
int sockiter_run(struct sockiter *it, int (*cb)(const struct sock_rec *r, void *arg),
		 void *arg);

/*
 * fn also sees each record as the kernel wrote it, before cb (top hands the
 * sockets a walk finds to socktrack's candidates, which need the address).
 * NULL stops.  fn's non-zero result ends the walk as cb's does.
 */
void sockiter_on_record(struct sockiter *it, int (*fn)(const struct sockiter_rec *r, void *arg),
			void *arg);

/* r from one record, with what sock_diag adds to every inet socket (mark, cgroup, shutdown). */
void sockiter_rec_to_sock(const struct sockiter_rec *in, struct sock_rec *r);
#endif

#endif
