/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netns_list.h: every network namespace: the named ones and those any process is in, once each. */
#ifndef SOCKEYE_NETNS_LIST_H
#define SOCKEYE_NETNS_LIST_H

#include <stddef.h>
#include <stdint.h>

/* The name of the root namespace (init's), which ip netns does not name. */
#define NETNS_ROOT_NAME "root"

struct netns_entry {
	char name[96];		/* the ip-netns name, "root", else "net:[INODE]" as the ns link reads */
	char path[128];		/* what to open for setns: /run/netns/NAME or /proc/PID/ns/net */
	uint64_t inode;
};

struct netns_list {
	struct netns_entry *v;
	size_t n;
};

/*
 * Lists the namespaces under run_dir (normally /run/netns) by name, then
 * those of the processes under proc (normally /proc) that none of those
 * is, deduplicated by inode, ordered by name then inode; the root one
 * (init's) among them is named NETNS_ROOT_NAME.  Stale names
 * (not a namespace mount) and processes that exit meanwhile are skipped.
 * 0, or -errno when proc cannot be read.
 */
int netns_list_collect(struct netns_list *l, const char *run_dir, const char *proc);
void netns_list_free(struct netns_list *l);

#endif
