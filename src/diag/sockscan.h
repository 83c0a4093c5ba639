/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockscan.h: one snapshot of the selected sockets: dumps per namespace, filter, owners, record/replay. */
#ifndef SOCKEYE_SOCKSCAN_H
#define SOCKEYE_SOCKSCAN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag/procs.h"
#include "diag/sockdiag.h"
#include "diag/ssfilter.h"

/* Where a socket was found: what the view needs besides the record. */
struct sockscan_where {
	const char *netns;		/* --all-netns: the namespace's name, else NULL */
	const struct procs *procs;	/* owners (with procs set), else NULL */
	/* Interface names of this socket's namespace (NULL when unknown). */
	const char *(*ifname)(uint32_t ifindex, void *arg);
	void *ifname_arg;
};

/* Each socket that passes the selection; non-zero stops the scan and is returned. */
typedef int (*sockscan_cb)(const struct sock_rec *r, const struct sockscan_where *w, void *arg);

struct sockscan_link {
	uint32_t ifindex;
	char name[16];
};

struct sockscan {
	/* The selection, set by the caller. */
	unsigned tables;	/* bit per enum sock_table */
	unsigned required;	/* tables named explicitly: the kernel lacking one is an error */
	bool ipv4, ipv6;	/* families of the inet tables */
	uint32_t states;	/* bit per enum sock_state */
	unsigned want;		/* SOCKDIAG_WANT_* */
	struct ssfilter *filter;	/* or NULL; its dev names are resolved per namespace */
	bool procs;		/* find each socket's owners (buffers the dump, see sockscan_run) */
	bool all_netns;		/* every namespace instead of the current one */
	/*
	 * Receive each dump on a thread of its own and the IPv6 dump of a table
	 * beside the IPv4 one: for a one-shot listing on a machine with CPUs to
	 * spare; live views keep one thread (a refresh is not worth two).
	 */
	bool parallel;
	/*
	 * TCP of both families in one walk of the kernel's connection hash
	 * instead of two (the old familyless request): for refreshing views,
	 * where each walk costs the whole host's sockets; the families mix in
	 * the order, so one-shot listings (IPv4 first, as ss) keep two.
	 */
	bool one_walk;
	FILE *record;		/* --dump-raw: the datagrams as received, or NULL */
	FILE *replay;		/* --replay: read a recording instead of the kernel, or NULL */
	const char *proc_root;	/* "/proc" unless a test says otherwise */
	const char *netns_dir;	/* "/run/netns" likewise */

	/* After a failure: what it was about ("sctp", a namespace, "--replay"). */
	char what[128];
	/* After a snapshot: the selected tables that were dumped (the kernel has them). */
	unsigned seen;

	/* Internal state, kept across snapshots. */
	struct procs *owners;
	struct sockscan_link *links;
	size_t nlinks, links_cap;
	char netns_name[96];
	bool in_netns;		/* netns_name is set: the where.netns of the sockets */
	bool trust_filtered;	/* not a user's recording: kernel-filtered dumps pass as they are */
	bool dump_filtered;	/* the current dump had the filter applied by the kernel */
	bool recheck;		/* the filter runs on kernel-filtered dumps too (autobound) */
	struct ssf_env env;
	sockscan_cb cb;
	void *cb_arg;
	FILE *buf;		/* -p: the live pass's recording, replayed after the /proc scan */
};

/* Sets the defaults: every table, both families, every state, /proc and /run/netns. */
void sockscan_init(struct sockscan *s);
void sockscan_fini(struct sockscan *s);

/*
 * One snapshot: cb for each selected socket, in dump order.  Sockets stream
 * from the kernel to cb; only with procs is the snapshot held (as the raw
 * datagrams, compactly) until one pass over /proc has found the owners.
 * 0, cb's non-zero result, or -errno with s->what naming the culprit:
 * -ENOENT a required table the kernel lacks (what: its netid), -ENODEV an
 * unknown dev in the filter (what: the name), -EPERM entering a namespace
 * (what: its name), -EBADMSG/-EPROTO a bad recording or reply.
 */
int sockscan_run(struct sockscan *s, sockscan_cb cb, void *arg);

#endif
