/* SPDX-License-Identifier: GPL-2.0-or-later */
/* process.c: drops' process attribution: the engine, a drop's owners, the per-process summary. */
#include "config.h"

#ifdef HAVE_BPF
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cmd/drops/process.h"
#include "util/log.h"

int drops_process_open(struct drops_cmd *c, struct attrib **out)
{
	struct attrib_stats st;
	char why[256] = "";

	if (attrib_start(out, &c->pf, why, sizeof(why))) {
		log_error("%s", why);
		return EXIT_RUNTIME;
	}
	attrib_stats(*out, &st);
	log_debug(1, "process attribution: following sockets, %llu found by the scan",
		  (unsigned long long)st.scanned);
	return 0;
}

unsigned drops_process_lookup(struct attrib *a, const struct drops_event *ev,
			      struct attrib_proc *owners[ATTRIB_MAX_OWNERS])
{
	struct attrib_tuple t;

	if (!(ev->flags & DROPS_EV_ADDRS) || !(ev->flags & DROPS_EV_PORTS) ||
	    (ev->ip_proto != IPPROTO_TCP && ev->ip_proto != IPPROTO_UDP))
		return 0;
	t.family = (ev->flags & DROPS_EV_IPV6) ? 6 : 4;
	t.proto = ev->ip_proto;
	t.sport = ev->sport;
	t.dport = ev->dport;
	memcpy(t.src, ev->saddr, sizeof(t.src));
	memcpy(t.dst, ev->daddr, sizeof(t.dst));
	if (t.family == 4) {
		memset(t.src + 4, 0, 12);
		memset(t.dst + 4, 0, 12);
	}
	return attrib_lookup_in(a, ev->netns_ino, &t, owners);
}

int drops_byproc_add(struct drops_byproc *b, const struct attrib_proc *p, uint32_t reason)
{
	struct drops_byproc_row *r;

	b->total++;
	for (size_t i = 0; i < b->n; i++) {
		r = &b->rows[i];
		if (r->reason == reason && (p ? r->pid == p->pid && r->cgroup == p->cgroup &&
					       !strcmp(r->comm, p->comm) : !r->pid)) {
			r->count++;
			return 0;
		}
	}
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		struct drops_byproc_row *v = realloc(b->rows, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		b->rows = v;
		b->cap = cap;
	}
	r = &b->rows[b->n++];
	memset(r, 0, sizeof(*r));
	r->reason = reason;
	r->count = 1;
	if (p) {
		r->pid = p->pid;
		memcpy(r->comm, p->comm, sizeof(r->comm));
		r->cgroup = p->cgroup;
		r->container = p->container;
	}
	return 0;
}

enum { BP_COUNT, BP_RATE, BP_PID, BP_COMM, BP_CGROUP, BP_CONTAINER, BP_REASON, BP_REASON_CODE };

static const struct fmt_col byproc_cols[] = {
	[BP_COUNT] = { "count", "COUNT", FMT_U64, FMT_RIGHT, 0, 0 },
	[BP_RATE] = { "drops_per_s", "DROPS/s", FMT_RATE, FMT_RIGHT, 0, 0 },
	[BP_PID] = { "pid", "PID", FMT_U64, FMT_RIGHT, 0, 0 },
	[BP_COMM] = { "comm", "COMM", FMT_STR, FMT_LEFT, 0, 0 },
	[BP_CGROUP] = { "cgroup", "CGROUP", FMT_STR, FMT_LEFT, 0, 0 },
	[BP_CONTAINER] = { "container_id", "CONTAINER", FMT_STR, FMT_LEFT, FMT_GROUP_DETAIL, 0 },
	[BP_REASON] = { "reason", "REASON", FMT_STR, FMT_LEFT, 0, 0 },
	[BP_REASON_CODE] = { "reason_code", "CODE", FMT_U64, FMT_RIGHT, FMT_GROUP_DETAIL, 0 },
};

/* The drops of an interval per process: a socket's owner, "-" (null pid) for no local socket. */
static const struct fmt_view view_drops_byproc = {
	.name = "by_process",
	.title = "drops by process",
	.cols = byproc_cols,
	.ncols = sizeof(byproc_cols) / sizeof(byproc_cols[0]),
};

static int by_count(const void *x, const void *y)
{
	const struct drops_byproc_row *a = x, *b = y;

	return a->count < b->count ? 1 : a->count > b->count ? -1 : 0;
}

void drops_byproc_emit(struct drops_byproc *b, struct fmt *f, const struct drop_reasons *reasons,
		       double secs, unsigned groups)
{
	char name[64];

	qsort(b->rows, b->n, sizeof(*b->rows), by_count);
	fmt_table_begin(f, &view_drops_byproc, groups);
	for (size_t i = 0; i < b->n; i++) {
		const struct drops_byproc_row *r = &b->rows[i];

		fmt_row_begin(f);
		fmt_u64(f, BP_COUNT, r->count);
		if (secs > 0)
			fmt_double(f, BP_RATE, (double)r->count / secs);
		if (r->pid) {
			fmt_u64(f, BP_PID, r->pid);
			fmt_str(f, BP_COMM, r->comm);
		} else {
			fmt_str(f, BP_COMM, "-");
		}
		if (r->cgroup)
			fmt_str(f, BP_CGROUP, r->cgroup);
		if (r->container)
			fmt_str(f, BP_CONTAINER, r->container);
		drop_reasons_format(reasons, r->reason, name, sizeof(name));
		fmt_str(f, BP_REASON, name);
		if (r->reason != DROPS_REASON_NONE)
			fmt_u64(f, BP_REASON_CODE, r->reason);
		fmt_row_end(f);
	}
	fmt_table_end(f);
	b->n = 0;
	b->total = 0;
}

void drops_byproc_free(struct drops_byproc *b)
{
	free(b->rows);
	memset(b, 0, sizeof(*b));
}
#endif
