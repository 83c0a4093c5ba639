/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.c: the sockets panel sockets lends top: the fullest queues of a sock_diag dump. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/sock_diag.h>

#include "attrib/attrib_cgroup.h"
#include "cmd/sockets/panel.h"
#include "cmd/sockets/view_sockets.h"
#include "diag/procs.h"
#include "diag/sockscan.h"
#include "util/clock.h"
#include "util/log.h"
#ifdef HAVE_BPF
#include "bpf/sockiter.h"
#endif

/*
 * The panel dumps at most once a second: a TCP dump walks the kernel's whole
 * connection hash table, every namespace's buckets (some 10 ms on a machine
 * of 24 GiB), which at a 0.1 s refresh would be a tenth of a core alone.
 * Where one dump costs more than a hundredth of that second, the period
 * grows with it, so the panel keeps under 1% of a core on any host; the
 * title says the period.
 */
#define SOCKETS_PANEL_PERIOD_NS 1000000000ull
#define SOCKETS_PANEL_COST_SHARE 100

/*
 * A socket kept past its callback, with what its pointers pointed to copied
 * along.  r's own pointers stay NULL: the kept sockets move as the ranking
 * changes, so the copies are pointed to only where a row is emitted.
 */
struct panel_sock {
	struct sock_rec r;
	uint32_t skmem[SK_MEMINFO_VARS];
	char path[108];
	bool has_skmem, has_path;
	uint64_t fill;		/* bytes queued: Recv-Q, and Send-Q but on listeners */
	uint32_t drops;
};

/* An owner's cgroup, read from /proc with the owners (only when the kept sockets change). */
struct owner_cgroup {
	int pid;
	bool known;		/* false: the process left before its cgroup was read */
	char path[256];
	char container[72];	/* "" none */
};

struct sockets_panel {
	struct fmt_view view;		/* view_sockets under top's own title */
	struct sockscan scan;		/* sock_diag: every table, or those the iterators lack */
#ifdef HAVE_BPF
	struct sockiter *iter;		/* TCP and UDP from BPF iterators, or NULL */
#endif
	struct procs *procs;
	struct panel_sock socks[SOCKETS_PANEL_ROWS];
	size_t nsocks;
	uint64_t owned[SOCKETS_PANEL_ROWS];	/* the inodes procs was last asked about */
	size_t nowned;
	struct owner_cgroup *cgroups;		/* of the owners procs found */
	size_t ncgroups, cgroups_cap;
	uint64_t period_ns;		/* between dumps, SOCKETS_PANEL_PERIOD_NS or more */
	uint64_t rest;			/* refreshes left before the next dump */
	char title[64];
};

/* The period between dumps, rounded up to whole seconds, and the title that says it. */
static void set_period(struct sockets_panel *x, uint64_t ns)
{
	x->period_ns = (ns + 999999999ull) / 1000000000ull * 1000000000ull;
	snprintf(x->title, sizeof(x->title), "sockets: fullest queues (every %llus)",
		 (unsigned long long)(x->period_ns / 1000000000ull));
	x->view.title = x->title;
}

/*
 * TCP and UDP from the kernel's iterators where they load: only the sockets
 * with something queued or dropped leave the kernel, where sock_diag formats
 * every one of the namespace.  An iterator covers the namespace it is created
 * in, and top opens its panels in -N's.
 */
static void open_iterators(struct sockets_panel *x)
{
#ifdef HAVE_BPF
	x->iter = sockiter_open();
	if (x->iter) {
		x->scan.tables &= ~(1u << SOCKTAB_TCP | 1u << SOCKTAB_UDP);
		log_debug(1, "sockets panel: TCP and UDP from BPF iterators (iter/tcp, iter/udp), "
			  "raw and unix from sock_diag");
		return;
	}
	log_debug(1, "sockets panel: every table from sock_diag (BPF iterators: %s)",
		  errno == ECANCELED ? "SOCKEYE_SOCKITER=off" : strerror(errno));
#else
	log_debug(1, "sockets panel: every table from sock_diag (a build without BPF)");
#endif
}

int sockets_panel_open(struct panel_ctx *c, char *why, size_t len)
{
	struct sockets_panel *x = calloc(1, sizeof(*x));

	if (!x) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	sockscan_init(&x->scan);
	/* Packet sockets have their own panel; sctp and mptcp rarely queue. */
	x->scan.tables = 1u << SOCKTAB_TCP | 1u << SOCKTAB_UDP | 1u << SOCKTAB_RAW |
			 1u << SOCKTAB_UNIX_STREAM | 1u << SOCKTAB_UNIX_DGRAM |
			 1u << SOCKTAB_UNIX_SEQPACKET;
	x->scan.want = SOCKDIAG_WANT_MEM;
	x->scan.one_walk = true;
	open_iterators(x);
	x->procs = procs_new();
	if (!x->procs) {
		sockscan_fini(&x->scan);
		free(x);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	x->view = view_sockets;
	set_period(x, SOCKETS_PANEL_PERIOD_NS);
	c->sockets = x;
	return 0;
}

static uint32_t sock_drops(const struct sock_rec *r)
{
	uint32_t v;

	if (r->skmem_len < (SK_MEMINFO_DROPS + 1) * sizeof(v))
		return 0;
	memcpy(&v, (const char *)r->skmem + SK_MEMINFO_DROPS * sizeof(v), sizeof(v));
	return v;
}

static bool fuller(uint64_t fill, uint32_t drops, const struct panel_sock *than)
{
	return fill != than->fill ? fill > than->fill : drops > than->drops;
}

void sockets_panel_keep(struct sockets_panel *x, const struct sock_rec *r)
{
	uint64_t fill = r->rqueue + (r->state == SOCK_ST_LISTEN ? 0 : r->wqueue);
	uint32_t drops = sock_drops(r);
	struct panel_sock *s;
	size_t at = x->nsocks;

	if (!fill && !drops)
		return;
	while (at > 0 && fuller(fill, drops, &x->socks[at - 1]))
		at--;
	if (at == SOCKETS_PANEL_ROWS)
		return;
	if (x->nsocks < SOCKETS_PANEL_ROWS)
		x->nsocks++;
	memmove(&x->socks[at + 1], &x->socks[at], (x->nsocks - 1 - at) * sizeof(x->socks[0]));
	s = &x->socks[at];
	s->r = *r;
	s->fill = fill;
	s->drops = drops;
	/* Only what the view reads; tcp_info and congestion control were not asked for. */
	s->r.cong = NULL;
	s->r.info = NULL;
	s->r.cc_info = NULL;
	s->r.skmem_len = r->skmem_len < sizeof(s->skmem) ? r->skmem_len : sizeof(s->skmem);
	s->has_skmem = r->skmem != NULL;
	if (r->skmem)
		memcpy(s->skmem, r->skmem, s->r.skmem_len);
	s->r.skmem = NULL;
	s->r.path_len = r->path_len < sizeof(s->path) ? r->path_len : sizeof(s->path);
	s->has_path = r->path != NULL;
	if (r->path)
		memcpy(s->path, r->path, s->r.path_len);
	s->r.path = NULL;
}

void sockets_panel_clear(struct sockets_panel *x)
{
	x->nsocks = 0;
}

static int keep_cb(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	sockets_panel_keep(arg, r);
	return 0;
}

#ifdef HAVE_BPF
static int keep_iter_cb(const struct sock_rec *r, void *arg)
{
	sockets_panel_keep(arg, r);
	return 0;
}
#endif

/* Every table once: the iterators' (TCP, UDP), then sock_diag's.  0, or -errno with why set. */
static int walk(struct sockets_panel *x, char *why, size_t len)
{
	int err = 0;

#ifdef HAVE_BPF
	if (x->iter) {
		err = sockiter_run(x->iter, keep_iter_cb, x);
		if (err) {
			snprintf(why, len, "BPF iterator: %s", strerror(-err));
			return err;
		}
	}
#endif
	err = sockscan_run(&x->scan, keep_cb, x);
	if (err)
		snprintf(why, len, "sock_diag%s%s: %s", x->scan.what[0] ? " " : "", x->scan.what,
			 strerror(-err));
	return err;
}

static struct owner_cgroup *cgroup_find(const struct sockets_panel *x, int pid)
{
	for (size_t i = 0; i < x->ncgroups; i++)
		if (x->cgroups[i].pid == pid)
			return &x->cgroups[i];
	return NULL;
}

/* The cgroup of each owner found, from its /proc/PID/cgroup: a few reads, the rows' owners. */
static int read_cgroups(struct sockets_panel *x)
{
	struct proc_owner o;

	x->ncgroups = 0;
	for (size_t i = 0; i < x->nsocks; i++)
		for (size_t k = 0; procs_owner(x->procs, x->socks[i].r.inode, k, &o); k++) {
			struct owner_cgroup *g;

			if (cgroup_find(x, o.pid))
				continue;
			if (x->ncgroups == x->cgroups_cap) {
				size_t cap = x->cgroups_cap ? x->cgroups_cap * 2 : 16;
				struct owner_cgroup *v = reallocarray(x->cgroups, cap, sizeof(*v));

				if (!v)
					return -ENOMEM;
				x->cgroups = v;
				x->cgroups_cap = cap;
			}
			g = &x->cgroups[x->ncgroups++];
			g->pid = o.pid;
			g->known = !attrib_cgroup_of_pid("/proc", o.pid, g->path, sizeof(g->path));
			if (!g->known || !attrib_cgroup_container_id(g->path, g->container,
								     sizeof(g->container)))
				g->container[0] = '\0';
		}
	return 0;
}

static bool owner_cgroup(int pid, void *arg, const char **path, const char **container)
{
	const struct owner_cgroup *g = cgroup_find(arg, pid);

	if (!g || !g->known)
		return false;
	*path = g->path;
	*container = g->container[0] ? g->container : NULL;
	return true;
}

/* Looks the owners up again only when the kept sockets changed: the scan reads all of /proc. */
static int find_owners(struct sockets_panel *x)
{
	bool same = x->nowned == x->nsocks;
	int err;

	for (size_t i = 0; same && i < x->nsocks; i++)
		same = x->owned[i] == x->socks[i].r.inode;
	if (same)
		return 0;
	procs_clear(x->procs);
	x->nowned = 0;
	for (size_t i = 0; i < x->nsocks; i++) {
		if (procs_want(x->procs, x->socks[i].r.inode))
			return -ENOMEM;
		x->owned[x->nowned++] = x->socks[i].r.inode;
	}
	x->ncgroups = 0;
	if (!x->nsocks)
		return 0;
	err = procs_scan(x->procs, "/proc");
	return err ? err : read_cgroups(x);
}

/*
 * Whether this refresh dumps: counted in refreshes of top's delay rather than
 * read off the clock, so a refresh a little early does not skip the dump.
 */
static bool is_due(struct sockets_panel *x, uint64_t delay_ns)
{
	if (x->rest > 1) {
		x->rest--;
		return false;
	}
	x->rest = delay_ns ? (x->period_ns + delay_ns - 1) / delay_ns : 1;
	return true;
}

int sockets_panel_collect(struct panel_ctx *c, char *why, size_t len)
{
	struct sockets_panel *x = c->sockets;
	uint64_t cpu_ns = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	uint64_t cost;
	int err;

	if (!is_due(x, c->o->delay_ns))
		return 0;
	sockets_panel_clear(x);
	err = walk(x, why, len);
	if (err)
		return err;
	err = find_owners(x);
	if (err) {
		/* The sockets still show, without their processes. */
		x->nowned = 0;
		x->ncgroups = 0;
		procs_clear(x->procs);
	}
	cost = clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu_ns;
	set_period(x, cost * SOCKETS_PANEL_COST_SHARE > SOCKETS_PANEL_PERIOD_NS ?
			      cost * SOCKETS_PANEL_COST_SHARE : SOCKETS_PANEL_PERIOD_NS);
	return 0;
}

static const char *link_name(uint32_t ifindex, void *arg)
{
	const struct link_stat *l = links_find(arg, (int)ifindex);

	return l ? l->name : NULL;
}

void sockets_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	const struct sockets_panel *x = c->sockets;
	struct view_sockets_ctx vc = {
		.ifname = link_name,
		.ifname_arg = (void *)&c->cur.links,
		.procs = x->procs,
		.cgroup = owner_cgroup,
		.cgroup_arg = (void *)x,
	};

	fmt_table_begin(f, &x->view,
			groups | SOCK_GRP_NETID | SOCK_GRP_PROC | SOCK_GRP_CGROUP | SOCK_GRP_MEM);
	for (size_t i = 0; i < x->nsocks; i++) {
		const struct panel_sock *s = &x->socks[i];
		struct sock_rec r = s->r;

		r.skmem = s->has_skmem ? s->skmem : NULL;
		r.path = s->has_path ? s->path : NULL;
		view_sockets_emit(f, &r, &vc);
	}
	fmt_table_end(f);
}

void sockets_panel_close(struct panel_ctx *c)
{
	struct sockets_panel *x = c->sockets;

	sockscan_fini(&x->scan);
#ifdef HAVE_BPF
	sockiter_close(x->iter);
#endif
	procs_free(x->procs);
	free(x->cgroups);
	free(x);
	c->sockets = NULL;
}
