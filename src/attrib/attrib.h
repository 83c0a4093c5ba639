/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib.h: which process, cgroup and container a packet's socket belongs to. */
#ifndef SOCKEYE_ATTRIB_H
#define SOCKEYE_ATTRIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attrib/attrib_filter.h"
#include "attrib/attrib_table.h"
#include "attrib/attrib_tuple.h"

/*
 * The engine: a bounded table of socket tuple -> owner (attrib_table.h),
 * filled at the start from sock_diag and /proc in every namespace (the
 * sockets that already exist), then kept fresh from BPF tracepoints that run
 * in the task that sends, reads, connects or listens (bpf/sockowner.h), so
 * sockets made during the capture are known too.  A packet is looked up by
 * its tuple, both ways round, in the capture's namespace and then in any
 * (a container's traffic on the host's veth).
 */

/* Entries the table holds unless told otherwise: about 10 MiB at most. */
#define ATTRIB_DEFAULT_CAPACITY 65536
/* Owners a packet has at most: its two ends, when both are local. */
#define ATTRIB_MAX_OWNERS 2

struct attrib_opts {
	size_t capacity;	/* 0: ATTRIB_DEFAULT_CAPACITY */
	const char *proc_root;	/* NULL: "/proc" */
	const char *netns_dir;	/* NULL: "/run/netns" */
	const char *mountinfo;	/* NULL: "/proc/self/mountinfo" */
};

struct attrib_stats {
	struct attrib_table_stats table;
	uint64_t scanned;	/* sockets with an owner found by the start's scan */
	uint64_t packets;	/* looked up */
	uint64_t attributed;	/* of those, with an owner */
	bool following;		/* BPF events keep the table fresh */
	uint64_t events;	/* BPF events read */
	uint64_t events_lost;	/* not sent: the kernel's ring buffer was full */
	uint64_t cgroup_unknown;	/* owners whose cgroup was gone before it could be named */
};

struct attrib;

/* The engine for the namespace the caller is in (the capture's).  0 or -errno. */
int attrib_new(struct attrib **out, const struct attrib_opts *o);
void attrib_free(struct attrib *a);

/*
 * Attaches the BPF programs: from now on no new socket is missed.  Call it
 * before the scan.  0, or -errno with why[len] saying what failed.
 */
int attrib_follow(struct attrib *a, char *why, size_t len);
/*
 * Scans the sockets of every namespace and their owners (sock_diag, /proc).
 * 0, or -errno with why[len] naming what failed.
 */
int attrib_scan(struct attrib *a, char *why, size_t len);
/*
 * The engine as a command wants it: new, following (attrib_follow), the
 * filter f (NULL: none) prepared and set, every namespace's sockets scanned.
 * 0, or -errno with why[len] saying what failed ("--pid 123: no such
 * process"); *out is then NULL.
 */
int attrib_start(struct attrib **out, struct attrib_filter *f, char *why, size_t len);
/* Reads the BPF events waiting (no system call; nothing when not following). */
void attrib_poll(struct attrib *a);

/*
 * The owners of a captured frame's sockets (link type linktype; its tuple as
 * attrib_tuple_parse reads it), at most ATTRIB_MAX_OWNERS, into out: the one
 * in the capture's namespace first, the sender first when both are.  A miss
 * reads the waiting BPF events and looks again.  0: no local socket, or no
 * TCP/UDP tuple.
 */
unsigned attrib_lookup_frame(struct attrib *a, int linktype, const uint8_t *data, uint32_t caplen,
			     struct attrib_proc *out[ATTRIB_MAX_OWNERS]);

/* The owners of tuple t from namespace netns's point of view (a dropped packet's; 0: the capture's). */
unsigned attrib_lookup_in(struct attrib *a, uint32_t netns, const struct attrib_tuple *t,
			  struct attrib_proc *out[ATTRIB_MAX_OWNERS]);

/*
 * The filters attrib_select applies (NULL: none), prepared (attrib_filter_prepare);
 * a --cgroup given with the v2 mount in front loses it.  f stays the caller's.
 */
void attrib_set_filter(struct attrib *a, struct attrib_filter *f);
/* Whether one of the owners passes the filter (cached in each owner). */
bool attrib_select(struct attrib *a, struct attrib_proc *const *owners, unsigned n);

/*
 * The pcapng comment of p, made once: "pid=1234 comm=curl cgroup=/x.slice/y
 * container=ID" (no container= when none, cgroup=? when unknown), and its
 * length in *len.  NULL out of memory.
 */
const char *attrib_comment(struct attrib_proc *p, uint16_t *len);

/*
 * Changes (never to 0) whenever the table does: an owner recorded, replaced or
 * evicted.  While it stays, the owners a lookup returned and their comments
 * stand, so a caller may keep what it made of them.
 */
uint64_t attrib_generation(const struct attrib *a);

void attrib_stats(struct attrib *a, struct attrib_stats *s);
/* The v2 mount the cgroup paths are under ("" when none was found). */
const char *attrib_cgroup_mount(const struct attrib *a);

#endif
