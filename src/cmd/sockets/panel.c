/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.c: the sockets panel sockets lends top: the fullest queues of a sock_diag dump. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <linux/sock_diag.h>

#include "attrib/attrib_cgroup.h"
#include "cmd/sockets/panel.h"
#include "cmd/sockets/panel_drops.h"
#include "cmd/sockets/view_sockets.h"
#include "diag/procs.h"
#include "diag/sockscan.h"
#include "util/clock.h"
#include "util/log.h"
#ifdef HAVE_BPF
#include "bpf/sockiter.h"
#include "bpf/socktrack.h"
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
 * With candidates (socktrack.bpf.c notes the TCP and UDP sockets whose queue
 * reaches the panel's smallest row as data arrives or leaves), a refresh
 * reads the candidates again, a few sockets, and the walk of every TCP and UDP
 * socket only catches what the events cannot see: the sockets full since
 * before top started, a queue that stopped growing under the smallest row
 * while the rows were full, Send-Q where the kernel lacks sock_send_length.
 * So it runs seldom: every 30 s, or 500 times its cost when that is more
 * (0.2% of a core at most: a walk of 1M sockets costs 0.7 s).
 */
#define SOCKETS_WALK_MIN_NS 30000000000ull
#define SOCKETS_WALK_COST_SHARE 500

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

/* The drops of one owner's sockets between two dumps (pid 0: sockets of no process found). */
struct proc_drops {
	int pid;
	char comm[16];
	uint64_t count;		/* drops */
	uint64_t sockets;	/* its sockets that dropped */
};

/* An owner's cgroup, read from /proc with the owners (only when the sockets wanted change). */
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
	struct socktrack *track;	/* TCP and UDP candidates between walks, or NULL */
	bool track_full;		/* this walk's sockets no longer fit the candidates */
	unsigned long long track_lost;	/* candidates the programs could not note, so far */
#endif
	struct procs *procs;
	struct panel_sock socks[SOCKETS_PANEL_ROWS];
	size_t nsocks;
	uint64_t *owned;			/* the inodes procs was last asked about */
	size_t nowned, owned_cap;
	struct sock_drops *drops;		/* each socket's drop counter, dump to dump */
	struct proc_drops *byproc;		/* the last two dumps' drops per owner */
	size_t nbyproc, byproc_cap;
	uint64_t dump_ns, drops_ns;		/* the last dump's time; between the last two */
	struct owner_cgroup *cgroups;		/* of the owners procs found */
	size_t ncgroups, cgroups_cap;
	uint64_t period_ns;		/* between dumps, SOCKETS_PANEL_PERIOD_NS or more */
	uint64_t rest;			/* refreshes left before the next dump */
	uint64_t walk_period_ns;	/* with candidates: between walks of TCP and UDP */
	uint64_t walk_rest;		/* with candidates: refreshes before the next walk */
	size_t ncands;			/* candidates the last refresh read again */
	char title[80];
};

static bool has_candidates(const struct sockets_panel *x)
{
#ifdef HAVE_BPF
	return x->track != NULL;
#else
	return false;
#endif
}

static uint64_t whole_seconds(uint64_t ns)
{
	return (ns + 999999999ull) / 1000000000ull * 1000000000ull;
}

/* The period between dumps, rounded up to whole seconds, and the title that says it. */
static void set_period(struct sockets_panel *x, uint64_t ns)
{
	x->period_ns = whole_seconds(ns);
	if (has_candidates(x))
		snprintf(x->title, sizeof(x->title),
			 "sockets: fullest queues (every %llus, walk every %llus)",
			 (unsigned long long)(x->period_ns / 1000000000ull),
			 (unsigned long long)(x->walk_period_ns / 1000000000ull));
	else
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
#ifdef HAVE_BPF
/* A socket a walk found: a candidate for the refreshes until the next walk. */
static int add_candidate(const struct sockiter_rec *r, void *arg)
{
	struct sockets_panel *x = arg;
	int err;

	if (x->track_full)
		return 0;
	err = socktrack_add(x->track, r);
	if (err == -E2BIG) {
		/* The rest show at walks only, as without candidates. */
		x->track_full = true;
		log_debug(2, "sockets panel: candidates full (%d): the walk's others left out",
			  SOCKTRACK_MAX_QUEUED);
		return 0;
	}
	return err;
}

/* The candidates of the namespace top is in (an inode: socktrack's name for it); 0 or -errno. */
static int open_candidates(struct sockets_panel *x)
{
	struct stat sb;

	if (stat("/proc/thread-self/ns/net", &sb))
		return -errno;
	x->track = socktrack_open_queued((uint32_t)sb.st_ino);
	if (!x->track)
		return -errno;
	sockiter_on_record(x->iter, add_candidate, x);
	x->walk_period_ns = SOCKETS_WALK_MIN_NS;
	return 0;
}
#endif

static void open_iterators(struct sockets_panel *x)
{
#ifdef HAVE_BPF
	x->iter = sockiter_open();
	if (x->iter) {
		int err = open_candidates(x);

		x->scan.tables &= ~(1u << SOCKTAB_TCP | 1u << SOCKTAB_UDP);
		if (err) {
			log_debug(1, "sockets panel: TCP and UDP from BPF iterators (iter/tcp, "
				  "iter/udp) at each dump (candidates: %s), raw and unix from "
				  "sock_diag", strerror(-err));
			return;
		}
		log_debug(1, "sockets panel: TCP and UDP from BPF iterators (iter/tcp, iter/udp) "
			  "every %llu s or more, and between their walks from the candidates their "
			  "queues noted (%s); raw and unix from sock_diag",
			  SOCKETS_WALK_MIN_NS / 1000000000ull,
			  socktrack_sees_sends(x->track) ? "sk_data_ready, sock_send_length" :
			  "sk_data_ready; Send-Q: the walks only, no sock_send_length here");
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
	x->drops = sock_drops_new();
	if (!x->procs || !x->drops) {
		procs_free(x->procs);
		sock_drops_free(x->drops);
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

/* Every socket of the dump: ranked for the rows, and its drop counter kept (drops by process). */
static int keep_and_count(struct sockets_panel *x, const struct sock_rec *r)
{
	sockets_panel_keep(x, r);
	return sock_drops_add(x->drops, r->cookie, r->inode, sock_drops(r));
}

static int keep_cb(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	return keep_and_count(arg, r);
}

#ifdef HAVE_BPF
static int keep_iter_cb(const struct sock_rec *r, void *arg)
{
	return keep_and_count(arg, r);
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

/*
 * The cgroup of each owner found, from its /proc/PID/cgroup: a few reads, the
 * owners of the rows and of the sockets that dropped.
 */
static int read_cgroups(struct sockets_panel *x)
{
	struct proc_owner o;

	x->ncgroups = 0;
	for (size_t i = 0; i < x->nowned; i++)
		for (size_t k = 0; procs_owner(x->procs, x->owned[i], k, &o); k++) {
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

/* The i-th inode whose owners the panel wants: the rows', then the sockets' that dropped. */
static bool wanted_inode(const struct sockets_panel *x, size_t i, uint64_t *inode)
{
	uint64_t delta;

	if (i < x->nsocks) {
		*inode = x->socks[i].r.inode;
		return true;
	}
	return sock_drops_grown(x->drops, i - x->nsocks, inode, &delta);
}

/*
 * Looks the owners up again only when the sockets wanted changed (the rows,
 * those that dropped): the scan reads all of /proc.
 */
static int find_owners(struct sockets_panel *x)
{
	bool same = true;
	uint64_t inode;
	size_t n = 0;
	int err;

	for (; wanted_inode(x, n, &inode); n++)
		same = same && n < x->nowned && x->owned[n] == inode;
	if (same && n == x->nowned)
		return 0;
	if (n > x->owned_cap) {
		uint64_t *v = reallocarray(x->owned, n, sizeof(*v));

		if (!v)
			return -ENOMEM;
		x->owned = v;
		x->owned_cap = n;
	}
	procs_clear(x->procs);
	x->nowned = 0;
	for (size_t i = 0; wanted_inode(x, i, &inode); i++) {
		if (procs_want(x->procs, inode))
			return -ENOMEM;
		x->owned[x->nowned++] = inode;
	}
	x->ncgroups = 0;
	if (!x->nowned)
		return 0;
	err = procs_scan(x->procs, "/proc");
	return err ? err : read_cgroups(x);
}

/* The row of pid (0: no process), made when new.  NULL out of memory. */
static struct proc_drops *byproc_row(struct sockets_panel *x, const struct proc_owner *o)
{
	int pid = o ? o->pid : 0;
	struct proc_drops *r;

	for (size_t i = 0; i < x->nbyproc; i++)
		if (x->byproc[i].pid == pid)
			return &x->byproc[i];
	if (x->nbyproc == x->byproc_cap) {
		size_t cap = x->byproc_cap ? x->byproc_cap * 2 : 16;
		struct proc_drops *v = reallocarray(x->byproc, cap, sizeof(*v));

		if (!v)
			return NULL;
		x->byproc = v;
		x->byproc_cap = cap;
	}
	r = &x->byproc[x->nbyproc++];
	*r = (struct proc_drops){ .pid = pid };
	snprintf(r->comm, sizeof(r->comm), "%s", o ? o->comm : "-");
	return r;
}

static int more_drops(const void *a, const void *b)
{
	const struct proc_drops *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

/*
 * The drops between the last two dumps per owner: a socket shared by several
 * processes counts for its first owner (the one the Process column lists first).
 */
static int group_drops(struct sockets_panel *x)
{
	uint64_t inode, delta;
	struct proc_owner o;

	x->nbyproc = 0;
	for (size_t i = 0; sock_drops_grown(x->drops, i, &inode, &delta); i++) {
		bool owned = procs_owner(x->procs, inode, 0, &o);
		struct proc_drops *r = byproc_row(x, owned ? &o : NULL);

		if (!r)
			return -ENOMEM;
		r->count += delta;
		r->sockets++;
	}
	qsort(x->byproc, x->nbyproc, sizeof(*x->byproc), more_drops);
	return 0;
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

#ifdef HAVE_BPF
static int keep_candidate(const struct sockiter_rec *in, void *arg)
{
	struct sockets_panel *x = arg;
	struct sock_rec r;

	sockiter_rec_to_sock(in, &r);
	x->ncands++;
	return keep_and_count(x, &r);
}

/*
 * The threshold for the notes until the next refresh: a socket whose queue
 * stays under the smallest row cannot enter the rows.  1 byte while the rows
 * have room (any queue may enter) or end with sockets that only dropped.
 */
static void set_min(struct sockets_panel *x)
{
	uint64_t min = 1;

	if (x->nsocks == SOCKETS_PANEL_ROWS && x->socks[SOCKETS_PANEL_ROWS - 1].fill > 1)
		min = x->socks[SOCKETS_PANEL_ROWS - 1].fill;
	socktrack_set_min(x->track, min > UINT32_MAX ? UINT32_MAX : (uint32_t)min);
}
#endif

/*
 * Between walks: TCP and UDP from the candidates read again, raw and unix
 * dumped (their tables are the namespace's own), each socket's drops counted
 * as a walk's are (a candidate with drops stays one: its counter is in every
 * refresh).  0, or -errno with why set.
 */
static int read_candidates(struct sockets_panel *x, char *why, size_t len)
{
#ifdef HAVE_BPF
	unsigned long long lost = socktrack_queued_lost(x->track);
	int err;

	x->ncands = 0;
	err = socktrack_requeue(x->track, keep_candidate, x);
	if (err) {
		if (err < 0)
			snprintf(why, len, "BPF candidates: %s", strerror(-err));
		return err;
	}
	err = sockscan_run(&x->scan, keep_cb, x);
	if (err)
		snprintf(why, len, "sock_diag%s%s: %s", x->scan.what[0] ? " " : "", x->scan.what,
			 strerror(-err));
	if (lost != x->track_lost)
		log_debug(2, "sockets panel: %llu sockets not noted: the candidates were full",
			  lost - x->track_lost);
	x->track_lost = lost;
	return err;
#else
	(void)x;
	(void)why;
	(void)len;
	return 0;
#endif
}

/* With candidates: whether this refresh walks (counted in the panel's refreshes, as is_due). */
static bool walk_due(struct sockets_panel *x)
{
	if (x->walk_rest > 1) {
		x->walk_rest--;
		return false;
	}
	return true;
}

/* After a walk: the periods from its cost, the next walk's count, the candidates' threshold. */
static void after_walk(struct sockets_panel *x, uint64_t cost)
{
	if (!has_candidates(x)) {
		set_period(x, cost * SOCKETS_PANEL_COST_SHARE > SOCKETS_PANEL_PERIOD_NS ?
				      cost * SOCKETS_PANEL_COST_SHARE : SOCKETS_PANEL_PERIOD_NS);
		return;
	}
	x->walk_period_ns = whole_seconds(cost * SOCKETS_WALK_COST_SHARE > SOCKETS_WALK_MIN_NS ?
						  cost * SOCKETS_WALK_COST_SHARE :
						  SOCKETS_WALK_MIN_NS);
	set_period(x, SOCKETS_PANEL_PERIOD_NS);
	x->walk_rest = (x->walk_period_ns + x->period_ns - 1) / x->period_ns;
#ifdef HAVE_BPF
	x->track_full = false;
	set_min(x);
#endif
}

int sockets_panel_collect(struct panel_ctx *c, char *why, size_t len)
{
	struct sockets_panel *x = c->sockets;
	uint64_t cpu_ns = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	uint64_t cost, now;
	bool full;
	int err;

	if (!is_due(x, c->o->delay_ns))
		return 0;
	full = !has_candidates(x) || walk_due(x);
	sockets_panel_clear(x);
	sock_drops_begin(x->drops);
	err = full ? walk(x, why, len) : read_candidates(x, why, len);
	if (err)
		return err;
	sock_drops_end(x->drops);
	now = clock_ns(CLOCK_MONOTONIC);
	x->drops_ns = x->dump_ns ? now - x->dump_ns : 0;
	x->dump_ns = now;
	err = find_owners(x);
	if (err) {
		/* The sockets still show, without their processes. */
		x->nowned = 0;
		x->ncgroups = 0;
		procs_clear(x->procs);
	}
	if (group_drops(x))
		x->nbyproc = 0;
	cost = clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu_ns;
	if (!full) {
#ifdef HAVE_BPF
		set_min(x);
#endif
		log_debug(2, "sockets panel: %zu candidates read again, %llu us of CPU", x->ncands,
			  (unsigned long long)(cost / 1000));
		return 0;
	}
	after_walk(x, cost);
	/* What a walk of the host's tables costs, and so how often it runs (bench/bigsockets.sh). */
	log_debug(2, "sockets panel: walk and owners %llu us of CPU: every %llu s",
		  (unsigned long long)(cost / 1000),
		  (unsigned long long)((has_candidates(x) ? x->walk_period_ns : x->period_ns) /
				       1000000000ull));
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
	socktrack_close(x->track);
	sockiter_close(x->iter);
#endif
	procs_free(x->procs);
	sock_drops_free(x->drops);
	free(x->byproc);
	free(x->owned);
	free(x->cgroups);
	free(x);
	c->sockets = NULL;
}

enum { BP_COUNT, BP_RATE, BP_SOCKETS, BP_PID, BP_COMM, BP_CGROUP, BP_CONTAINER };

static const struct fmt_col byproc_cols[] = {
	[BP_COUNT] = { "count", "DROPS", FMT_U64, FMT_RIGHT, 0, 0 },
	[BP_RATE] = { "drops_per_s", "DROPS/s", FMT_RATE, FMT_RIGHT, 0, 0 },
	[BP_SOCKETS] = { "sockets", "SOCKETS", FMT_U64, FMT_RIGHT, 0, 0 },
	[BP_PID] = { "pid", "PID", FMT_U64, FMT_RIGHT, 0, 0 },
	[BP_COMM] = { "comm", "COMM", FMT_STR, FMT_LEFT, 0, 0 },
	[BP_CGROUP] = { "cgroup", "CGROUP", FMT_STR, FMT_LEFT, 0, 0 },
	[BP_CONTAINER] = { "container_id", "CONTAINER", FMT_STR, FMT_LEFT, FMT_GROUP_DETAIL, 0 },
};

/* Drops per owner from the sockets' own counters (sk_drops), between the panel's dumps. */
static const struct fmt_view view_drops_byproc = {
	.name = "drops_by_process",
	.title = "drops by process (sockets' own drop counters)",
	.cols = byproc_cols,
	.ncols = sizeof(byproc_cols) / sizeof(byproc_cols[0]),
};

void sockets_panel_emit_drops(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	const struct sockets_panel *x = c->sockets;
	double secs = (double)x->drops_ns / 1e9;

	fmt_table_begin(f, &view_drops_byproc, groups);
	for (size_t i = 0; i < x->nbyproc; i++) {
		const struct proc_drops *r = &x->byproc[i];
		const char *path, *container;

		fmt_row_begin(f);
		fmt_u64(f, BP_COUNT, r->count);
		if (secs > 0)
			fmt_double(f, BP_RATE, (double)r->count / secs);
		fmt_u64(f, BP_SOCKETS, r->sockets);
		fmt_str(f, BP_COMM, r->comm);
		if (r->pid)
			fmt_u64(f, BP_PID, (uint64_t)r->pid);
		if (r->pid && owner_cgroup(r->pid, (void *)x, &path, &container)) {
			fmt_str(f, BP_CGROUP, path);
			if (container)
				fmt_str(f, BP_CONTAINER, container);
		}
		fmt_row_end(f);
	}
	fmt_table_end(f);
}
