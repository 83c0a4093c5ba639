/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_filter.h: which owners a capture keeps: --pid (with --children), --comm, --cgroup, --container. */
#ifndef SOCKEYE_ATTRIB_FILTER_H
#define SOCKEYE_ATTRIB_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attrib/attrib_table.h"

#define ATTRIB_FILTER_MAX 16

/*
 * Each kind given must match (AND between kinds), any value of a kind may
 * (OR within one).  An owner of no value (an unknown cgroup) does not match a
 * filter on it.
 */
struct attrib_filter {
	uint32_t pids[ATTRIB_FILTER_MAX];	/* processes (a thread id names its process) */
	unsigned n_pids;
	bool children;				/* and their descendants */
	const char *comms[ATTRIB_FILTER_MAX];	/* exact command names */
	unsigned n_comms;
	const char *cgroups[ATTRIB_FILTER_MAX];	/* v2 paths: that cgroup and those under it */
	unsigned n_cgroups;
	const char *containers[ATTRIB_FILTER_MAX];	/* ids or their prefixes (docker's 12) */
	unsigned n_containers;
	const char *proc_root;			/* NULL: "/proc" (descendants, thread ids) */
	/* Kept by the engine: descendants found so far (--children). */
	uint32_t *family;
	size_t n_family, family_cap;
};

/* Whether any filter is set.  Inline: sniff asks it for every packet attributed. */
static inline bool attrib_filter_active(const struct attrib_filter *f)
{
	return f && (f->n_pids || f->n_comms || f->n_cgroups || f->n_containers);
}
/*
 * Resolves the given pids to processes (a thread's id to its process's) and,
 * with children, lists their descendants now living.  0, or -ESRCH with
 * *bad the pid that is no process.
 */
int attrib_filter_prepare(struct attrib_filter *f, uint32_t *bad);
/* Whether p passes the filter (descendants: p's parent chain, read from /proc when unknown). */
bool attrib_filter_match(struct attrib_filter *f, const struct attrib_proc *p);
void attrib_filter_fini(struct attrib_filter *f);

#endif
