/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_top_ext.c: top's borrowed panels: NAPI and drops (BPF collectors) and the fullest sockets. */
#include "config.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/sock_diag.h>

#include "cli/cmd.h"
#include "cmd/top/top.h"
#include "diag/procs.h"
#include "diag/sockscan.h"
#include "cmd/sockets/view_sockets.h"

#ifdef HAVE_BPF
#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/drops_sample.h"
#include "bpf/ksyms.h"
#include "bpf/napi.h"
#include "util/interval.h"
#include "util/kallsyms_pick.h"
#include "cmd/drops/view_drops.h"
#include "cmd/napi/view_napi.h"
#endif

/* The sockets panel keeps the fullest few: a top view, not a listing (sockeye sockets is). */
#define TOP_SOCKETS 25
/*
 * And dumps at most once a second: a TCP dump walks the kernel's whole
 * connection hash table, every namespace's buckets (some 10 ms on a machine
 * of 24 GiB), which at a 0.1 s refresh would be a tenth of a core alone.
 */
#define TOP_SOCKETS_PERIOD_NS 1000000000ull

/* A socket kept past its callback: the pointers it needs copied along. */
struct top_sock {
	struct sock_rec r;
	uint32_t skmem[SK_MEMINFO_VARS];
	char path[108];
	uint64_t fill;		/* bytes queued: Recv-Q, and Send-Q but on listeners */
	uint32_t drops;
};

struct top_ext {
	struct fmt_view sockets_view;	/* view_sockets under top's own title */
#ifdef HAVE_BPF
	struct napi *napi;
	struct napi_sample napi_s[2];	/* the last two readings, in napi_slots' order */
	struct interval_slots napi_slots;
	struct drops *drops;
	struct drops_sample drops_s[2];
	struct interval_slots drops_slots;
	struct drops_entry *rows;	/* the last interval's drops, most first */
	size_t nrows;
	double drops_secs;
	struct drop_reasons reasons;
	struct ksyms *ksyms;		/* the symbols of locs only */
	uint64_t *locs;			/* drop locations seen, sorted */
	size_t nlocs;
	struct view_drops_names names;
#endif
	struct sockscan scan;
	bool scan_open;
	struct procs *procs;
	struct top_sock socks[TOP_SOCKETS];
	size_t nsocks;
	uint64_t owned[TOP_SOCKETS];	/* the inodes procs was last asked about */
	size_t nowned;
	uint64_t sockets_ns;		/* CLOCK_MONOTONIC of the last dump, 0 for none */
};

static struct top_ext *ext_get(struct top *t)
{
	if (!t->ext)
		t->ext = calloc(1, sizeof(*t->ext));
	return t->ext;
}

/* Frees the ext once no panel uses it. */
static void ext_put(struct top *t)
{
	struct top_ext *x = t->ext;

#ifdef HAVE_BPF
	if (x->napi || x->drops)
		return;
#endif
	if (x->scan_open)
		return;
	free(x);
	t->ext = NULL;
}

#ifdef HAVE_BPF

/* Returns the heap's free memory to the system (glibc keeps it otherwise). */
static void trim_heap(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/*
 * Starts a BPF panel's collector: open_fn with the namespace it counts (with
 * -N, the one top looks at; otherwise every one), and why it failed if it did.
 */
static int open_bpf(struct top *t, int (*open_fn)(struct top_ext *x, uint32_t netns_ino,
						  struct loader_error *e),
		    char *why, size_t len)
{
	struct top_ext *x = ext_get(t);
	struct loader_error e = { .n = 0 };
	uint32_t netns_ino, ifindex;
	int err;

	if (!x) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	loader_init();
	err = loader_scope(cmd_globals.netns, NULL, &netns_ino, &ifindex, why, len);
	if (!err) {
		err = open_fn(x, netns_ino, &e);
		if (err)
			loader_why(&e, err, why, len);
	}
	if (err)
		ext_put(t);
	return err;
}

static int open_napi(struct top_ext *x, uint32_t netns_ino, struct loader_error *e)
{
	struct napi_opts o = { .attach = LOADER_ATTACH_AUTO, .no_softirq = true };

	o.cfg.netns_ino = netns_ino;
	return napi_open(&o, &x->napi, e);
}

int top_napi_open(struct top *t, char *why, size_t len)
{
	return open_bpf(t, open_napi, why, len);
}

int top_napi_collect(struct top *t, char *why, size_t len)
{
	struct top_ext *x = t->ext;
	unsigned slot = interval_slot_next(&x->napi_slots);
	int err = napi_read(x->napi, &x->napi_s[slot]);

	interval_slot_done(&x->napi_slots, slot, !err);
	if (err)
		snprintf(why, len, "cannot read the NAPI counts: %s", strerror(-err));
	return err;
}

void top_napi_emit(struct fmt *f, const struct top *t, unsigned groups)
{
	const struct top_ext *x = t->ext;
	int prev = interval_slot_prev(&x->napi_slots);

	/* One reading: the totals since attach. */
	view_napi_emit(f, prev < 0 ? NULL : &x->napi_s[prev], &x->napi_s[x->napi_slots.last],
		       groups);
}

void top_napi_close(struct top *t)
{
	struct top_ext *x = t->ext;

	for (unsigned i = 0; i < 2; i++)
		napi_sample_free(&x->napi_s[i]);
	napi_close(x->napi);
	x->napi = NULL;
	ext_put(t);
}

static int open_drops(struct top_ext *x, uint32_t netns_ino, struct loader_error *e)
{
	struct drops_opts o = { .attach = LOADER_ATTACH_AUTO, .max_keys = 16384 };
	int err;

	o.cfg.netns_ino = netns_ino;
	err = drops_open(&o, &x->drops, e);
	if (err)
		return err;
	/* Without names the rows still come, with numbers and addresses. */
	drop_reasons_btf_load_vmlinux(&x->reasons);
	/*
	 * Loading left libbpf's freed BTF parse behind (loader_init has its
	 * big blocks mapped, so most went back already): give back the heap
	 * glibc still keeps, so top stays well under its 20 MiB.
	 */
	trim_heap();
	x->names.reasons = &x->reasons;
	return 0;
}

int top_drops_open(struct top *t, char *why, size_t len)
{
	return open_bpf(t, open_drops, why, len);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* A bound on the locations named: past it, new ones show as addresses. */
#define TOP_DROP_LOCS 4096

/*
 * Names the rows' locations: the whole of kallsyms would hold 8 MiB for
 * the few dozen places drops happen, so only the symbols of the locations
 * seen are kept, and kallsyms is read again when a new one shows up.
 */
static void symbolize(struct top_ext *x)
{
	size_t n = x->nlocs, len;
	struct ksyms *k = NULL;
	uint64_t *locs;
	char *text;

	for (size_t i = 0; i < x->nrows && n < TOP_DROP_LOCS; i++)
		if (!bsearch(&x->rows[i].key.location, x->locs, x->nlocs, sizeof(*x->locs),
			     cmp_u64))
			n++;
	if (n == x->nlocs)
		return;
	locs = reallocarray(x->locs, n, sizeof(*locs));
	if (!locs)
		return;
	x->locs = locs;
	for (size_t i = 0; i < x->nrows && x->nlocs < n; i++)
		if (!bsearch(&x->rows[i].key.location, locs, x->nlocs, sizeof(*locs), cmp_u64)) {
			locs[x->nlocs++] = x->rows[i].key.location;
			qsort(locs, x->nlocs, sizeof(*locs), cmp_u64);
		}
	if (kallsyms_pick("/proc/kallsyms", locs, x->nlocs, &text, &len) || !text)
		return;
	if (!ksyms_parse(text, len, &k)) {
		ksyms_free(x->ksyms);
		x->ksyms = k;
		x->names.ksyms = k;
	}
	free(text);
}

int top_drops_collect(struct top *t, char *why, size_t len)
{
	struct top_ext *x = t->ext;
	unsigned slot = interval_slot_next(&x->drops_slots);
	struct drops_sample *prev, *cur;
	uint64_t total = 0;
	int n, err;

	err = drops_read(x->drops, &x->drops_s[slot]);
	interval_slot_done(&x->drops_slots, slot, !err);
	if (err) {
		snprintf(why, len, "cannot read the drop counters: %s", strerror(-err));
		return err;
	}
	n = interval_slot_prev(&x->drops_slots);
	prev = n < 0 ? NULL : &x->drops_s[n];
	cur = &x->drops_s[slot];
	free(x->rows);
	x->rows = NULL;
	x->nrows = 0;
	n = drops_sample_diff(prev, cur, &x->rows);
	if (n < 0) {
		snprintf(why, len, "out of memory");
		return n;
	}
	x->nrows = (size_t)n;
	symbolize(x);
	x->drops_secs = prev && cur->mono_ns > prev->mono_ns ?
				(double)(cur->mono_ns - prev->mono_ns) / 1e9 : 0;
	for (size_t i = 0; i < x->nrows; i++)
		total += x->rows[i].count;
	/* The header's drop rate adds these (from the second reading on). */
	if (x->drops_secs > 0)
		t->bpf_drops_per_s = (double)total / x->drops_secs;
	return 0;
}

void top_drops_emit(struct fmt *f, const struct top *t, unsigned groups)
{
	const struct top_ext *x = t->ext;

	view_drops_emit(f, &x->names, x->rows, x->nrows, x->drops_secs, groups);
}

void top_drops_close(struct top *t)
{
	struct top_ext *x = t->ext;

	for (unsigned i = 0; i < 2; i++)
		drops_sample_free(&x->drops_s[i]);
	free(x->rows);
	drops_close(x->drops);
	x->drops = NULL;
	drop_reasons_free(&x->reasons);
	ksyms_free(x->ksyms);
	free(x->locs);
	ext_put(t);
}

#endif /* HAVE_BPF */

/* ---- sockets: the fullest queues ------------------------------------------------ */

int top_sockets_open(struct top *t, char *why, size_t len)
{
	struct top_ext *x = ext_get(t);

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
	x->procs = procs_new();
	if (!x->procs) {
		sockscan_fini(&x->scan);
		ext_put(t);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	x->sockets_view = view_sockets;
	x->sockets_view.title = "sockets: fullest queues";
	x->scan_open = true;
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

static bool fuller(uint64_t fill, uint32_t drops, const struct top_sock *than)
{
	return fill != than->fill ? fill > than->fill : drops > than->drops;
}

/* Keeps r if it is among the fullest so far (those with nothing queued nor dropped never). */
static int keep_sock(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	struct top_ext *x = arg;
	uint64_t fill = r->rqueue + (r->state == SOCK_ST_LISTEN ? 0 : r->wqueue);
	uint32_t drops = sock_drops(r);
	struct top_sock *s;
	size_t at = x->nsocks;

	if (!fill && !drops)
		return 0;
	while (at > 0 && fuller(fill, drops, &x->socks[at - 1]))
		at--;
	if (at == TOP_SOCKETS)
		return 0;
	if (x->nsocks < TOP_SOCKETS)
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
	if (r->skmem)
		memcpy(s->skmem, r->skmem, s->r.skmem_len);
	s->r.skmem = r->skmem ? s->skmem : NULL;
	s->r.path_len = r->path_len < sizeof(s->path) ? r->path_len : sizeof(s->path);
	if (r->path)
		memcpy(s->path, r->path, s->r.path_len);
	s->r.path = r->path ? s->path : NULL;
	return 0;
}

/* Looks the owners up again only when the kept sockets changed: the scan reads all of /proc. */
static int find_owners(struct top_ext *x)
{
	bool same = x->nowned == x->nsocks;

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
	return x->nsocks ? procs_scan(x->procs, "/proc") : 0;
}

int top_sockets_collect(struct top *t, char *why, size_t len)
{
	struct top_ext *x = t->ext;
	int err;

	if (x->sockets_ns && t->cur.mono_ns - x->sockets_ns < TOP_SOCKETS_PERIOD_NS)
		return 0;
	x->sockets_ns = t->cur.mono_ns;
	x->nsocks = 0;
	err = sockscan_run(&x->scan, keep_sock, x);
	if (err) {
		snprintf(why, len, "sock_diag%s%s: %s", x->scan.what[0] ? " " : "", x->scan.what,
			 strerror(-err));
		return err;
	}
	err = find_owners(x);
	if (err) {
		/* The sockets still show, without their processes. */
		x->nowned = 0;
		procs_clear(x->procs);
	}
	return 0;
}

static const char *link_name(uint32_t ifindex, void *arg)
{
	const struct link_stat *l = links_find(arg, (int)ifindex);

	return l ? l->name : NULL;
}

void top_sockets_emit(struct fmt *f, const struct top *t, unsigned groups)
{
	const struct top_ext *x = t->ext;
	struct view_sockets_ctx c = {
		.ifname = link_name,
		.ifname_arg = (void *)&t->cur.links,
		.procs = x->procs,
	};

	fmt_table_begin(f, &x->sockets_view, groups | SOCK_GRP_NETID | SOCK_GRP_PROC | SOCK_GRP_MEM);
	for (size_t i = 0; i < x->nsocks; i++)
		view_sockets_emit(f, &x->socks[i].r, &c);
	fmt_table_end(f);
}

void top_sockets_close(struct top *t)
{
	struct top_ext *x = t->ext;

	sockscan_fini(&x->scan);
	procs_free(x->procs);
	x->scan_open = false;
	ext_put(t);
}
