/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sample.c: one reading of every layer: kstat, snmp, qdiscs, conntrack, sockets, drop reasons. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/sock_diag.h>

#include "cmd/why/sample.h"
#include "diag/procs.h"
#include "diag/sockscan.h"
#include "kstat/snmp.h"
#include "util/clock.h"

#ifdef HAVE_BPF
#include "bpf/drops.h"
#include "bpf/drops_sample.h"
#include "bpf/loader.h"
#endif

/* A bound on the sockets kept per sample (those that queue or drop): a funnel, not a listing. */
#define WHY_MAX_SOCKS 65536

static const struct {
	const char *file;	/* "snmp", "netstat", "snmp6" */
	const char *prefix;	/* NULL in snmp6 */
	const char *field;
	const char *name;	/* as people say it */
} snmp_counters[WS_N] = {
	[WS_IP_IN] = { "snmp", "Ip", "InReceives", "Ip InReceives" },
	[WS_IP6_IN] = { "snmp6", NULL, "Ip6InReceives", "Ip6InReceives" },
	[WS_UDP_IN] = { "snmp", "Udp", "InDatagrams", "Udp InDatagrams" },
	[WS_UDP_INERR] = { "snmp", "Udp", "InErrors", "Udp InErrors" },
	[WS_UDP_RCVBUF] = { "snmp", "Udp", "RcvbufErrors", "Udp RcvbufErrors" },
	[WS_UDP_NOPORTS] = { "snmp", "Udp", "NoPorts", "Udp NoPorts" },
	[WS_UDP6_IN] = { "snmp6", NULL, "Udp6InDatagrams", "Udp6InDatagrams" },
	[WS_UDP6_INERR] = { "snmp6", NULL, "Udp6InErrors", "Udp6InErrors" },
	[WS_UDP6_RCVBUF] = { "snmp6", NULL, "Udp6RcvbufErrors", "Udp6RcvbufErrors" },
	[WS_UDP6_NOPORTS] = { "snmp6", NULL, "Udp6NoPorts", "Udp6NoPorts" },
	[WS_TCP_IN] = { "snmp", "Tcp", "InSegs", "Tcp InSegs" },
	[WS_LISTEN_OVERFLOWS] = { "netstat", "TcpExt", "ListenOverflows", "TcpExt ListenOverflows" },
	[WS_LISTEN_DROPS] = { "netstat", "TcpExt", "ListenDrops", "TcpExt ListenDrops" },
	[WS_TCP_BACKLOG_DROP] = { "netstat", "TcpExt", "TCPBacklogDrop", "TcpExt TCPBacklogDrop" },
	[WS_TCP_RCVQ_DROP] = { "netstat", "TcpExt", "TCPRcvQDrop", "TcpExt TCPRcvQDrop" },
	[WS_PRUNE_CALLED] = { "netstat", "TcpExt", "PruneCalled", "TcpExt PruneCalled" },
	[WS_RCV_PRUNED] = { "netstat", "TcpExt", "RcvPruned", "TcpExt RcvPruned" },
	[WS_OFO_PRUNED] = { "netstat", "TcpExt", "OfoPruned", "TcpExt OfoPruned" },
};

const char *why_snmp_name(enum why_snmp c)
{
	return c < WS_N ? snmp_counters[c].name : "?";
}

struct why_sampler {
	struct why_scope *scope;
	/*
	 * UDP sockets and TCP listeners, apart: a TCP dump of any other state
	 * walks the host's whole connection table, every namespace's (100,000
	 * connections elsewhere cost 40 ms a sample); connected TCP sockets'
	 * loss is in the TCP queue causes, and sockets lists them.  Narrowed
	 * (--pid, FILTER), the TCP queue causes are the selected connections'
	 * own drops: conn_scan walks them then, a cost the user asked for.
	 */
	struct sockscan scan, listen_scan, conn_scan;
	struct procs *procs;		/* --pid: the owners of the sockets kept */
	/* The sockets being gathered by the scan's callback. */
	struct why_sock *socks;
	size_t nsocks, cap;
#ifdef HAVE_BPF
	struct drops *drops;
#endif
	char drops_why[256];
};

#ifdef HAVE_BPF
/*
 * The drop reasons of this namespace only, -N or not (cmd_bpf_open_drops
 * takes every namespace without -N): the other layers' counters are this
 * namespace's, and a container's drops are not the host's loss.
 */
static void open_drops(struct why_sampler *w)
{
	struct drops_opts o = { .attach = LOADER_ATTACH_AUTO, .max_keys = 16384 };
	struct loader_error e = { .n = 0 };
	uint32_t ifindex;
	int err;

	loader_init();
	err = loader_scope(true, NULL, &o.cfg.netns_ino, &ifindex, w->drops_why,
			   sizeof(w->drops_why));
	if (!err) {
		err = drops_open(&o, &w->drops, &e);
		if (err)
			loader_why(&e, err, w->drops_why, sizeof(w->drops_why));
	}
	if (err)
		w->drops = NULL;
}
#endif

struct why_sampler *why_sampler_new(struct why_scope *scope)
{
	struct why_sampler *w = calloc(1, sizeof(*w));

	if (!w)
		return NULL;
	w->scope = scope;
	sockscan_init(&w->scan);
	sockscan_init(&w->listen_scan);
	sockscan_init(&w->conn_scan);
	/* The layers why names: UDP buffers and TCP accept queues; unix and packet have theirs. */
	w->scan.tables = 1u << SOCKTAB_UDP;
	w->scan.want = SOCKDIAG_WANT_MEM;
	w->scan.filter = scope->filter;
	w->listen_scan.tables = 1u << SOCKTAB_TCP;
	w->listen_scan.states = 1u << SOCK_ST_LISTEN;
	w->listen_scan.want = SOCKDIAG_WANT_MEM;
	w->listen_scan.filter = scope->filter;
	w->conn_scan.tables = 1u << SOCKTAB_TCP;
	/* Every state but the listeners' and those with no socket memory to report. */
	w->conn_scan.states = SOCK_STATES_ALL & ~(1u << SOCK_ST_LISTEN | 1u << SOCK_ST_TIME_WAIT |
						  1u << SOCK_ST_NEW_SYN_RECV);
	w->conn_scan.one_walk = true;
	w->conn_scan.want = SOCKDIAG_WANT_MEM;
	w->conn_scan.filter = scope->filter;
	if (scope->pid) {
		w->procs = procs_new();
		if (!w->procs) {
			why_sampler_free(w);
			return NULL;
		}
	}
	if (scope->no_drops) {
		snprintf(w->drops_why, sizeof(w->drops_why), "not read here (see the drops panel)");
		return w;
	}
#ifdef HAVE_BPF
	open_drops(w);
#else
	snprintf(w->drops_why, sizeof(w->drops_why), "this build has no BPF support (%s)",
		 NO_BPF_WHY);
#endif
	return w;
}

const char *why_sampler_drops_why(const struct why_sampler *w)
{
#ifdef HAVE_BPF
	if (w->drops)
		return NULL;
#endif
	return w->drops_why;
}

void why_sampler_free(struct why_sampler *w)
{
	if (!w)
		return;
#ifdef HAVE_BPF
	if (w->drops)
		drops_close(w->drops);
#endif
	sockscan_fini(&w->scan);
	sockscan_fini(&w->listen_scan);
	sockscan_fini(&w->conn_scan);
	procs_free(w->procs);
	free(w->socks);
	free(w);
}

/* The protocol counters; netstat and snmp6 may be missing (no IPv6): theirs stay unread. */
static int read_snmp(struct why_sample *s)
{
	char *text[3] = { NULL, NULL, NULL };
	static const char *const files[3] = { "snmp", "netstat", "snmp6" };
	size_t len;
	int err = 0;

	for (int i = 0; i < 3; i++) {
		char path[64];
		int e;

		snprintf(path, sizeof(path), "/proc/net/%s", files[i]);
		e = kstat_read_file(path, &text[i], &len);
		if (e && !i)
			err = e;
	}
	for (int c = 0; c < WS_N; c++) {
		const char *t = NULL;

		for (int i = 0; i < 3; i++)
			if (!strcmp(files[i], snmp_counters[c].file))
				t = text[i];
		if (!t)
			continue;
		if (snmp_counters[c].prefix ?
			    snmp_pair_value(t, snmp_counters[c].prefix, snmp_counters[c].field,
					    &s->snmp[c]) :
			    snmp_line_value(t, snmp_counters[c].field, &s->snmp[c]))
			s->snmp_has |= 1u << c;
	}
	for (int i = 0; i < 3; i++)
		free(text[i]);
	return err;
}

static int read_qdisc(struct why_sample *s)
{
	void *buf = NULL;
	size_t len = 0;
	int err = qdisc_dump(&buf, &len);

	if (!err)
		err = qdisc_parse(buf, len, &s->qdisc);
	free(buf);
	return err;
}

static int read_conntrack(struct why_sample *s)
{
	char *text = NULL;
	size_t len;
	int err = kstat_read_file(CONNTRACK_STAT_PATH, &text, &len);

	if (!err)
		err = conntrack_parse(text, len, &s->ct);
	free(text);
	return err;
}

static uint32_t skmem_at(const struct sock_rec *r, unsigned i)
{
	uint32_t v;

	if (!r->skmem || r->skmem_len < (i + 1) * sizeof(v))
		return 0;
	memcpy(&v, (const char *)r->skmem + i * sizeof(v), sizeof(v));
	return v;
}

static int keep_sock(const struct sock_rec *r, const struct sockscan_where *where, void *arg)
{
	struct why_sampler *w = arg;
	uint32_t drops = skmem_at(r, SK_MEMINFO_DROPS);
	struct why_sock *k;

	/* Only what can lose: sockets that dropped or hold data, and listeners (their backlog). */
	if (!drops && !r->rqueue && r->state != SOCK_ST_LISTEN)
		return 0;
	if (w->nsocks == WHY_MAX_SOCKS)
		return 0;
	if (w->nsocks == w->cap) {
		size_t ncap = w->cap ? w->cap * 2 : 64;
		struct why_sock *p = reallocarray(w->socks, ncap, sizeof(*p));

		if (!p)
			return -ENOMEM;
		w->socks = p;
		w->cap = ncap;
	}
	k = &w->socks[w->nsocks++];
	memset(k, 0, sizeof(*k));
	k->inode = r->inode;
	k->table = r->table;
	k->family = r->family;
	k->state = r->state;
	memcpy(k->src, r->src, sizeof(k->src));
	memcpy(k->dst, r->dst, sizeof(k->dst));
	k->sport = r->sport;
	k->dport = r->dport;
	k->rqueue = r->rqueue;
	k->wqueue = r->wqueue;
	k->rcvbuf = skmem_at(r, SK_MEMINFO_RCVBUF);
	k->rmem = skmem_at(r, SK_MEMINFO_RMEM_ALLOC);
	k->drops = drops;
	return 0;
}

static int cmp_inode(const void *a, const void *b)
{
	const struct why_sock *x = a, *y = b;

	return (x->inode > y->inode) - (x->inode < y->inode);
}

/* --pid: keeps the sockets that process holds (one pass over /proc). */
static int keep_pid(struct why_sampler *w)
{
	size_t n = 0;
	int err;

	procs_clear(w->procs);
	for (size_t i = 0; i < w->nsocks; i++)
		if (procs_want(w->procs, w->socks[i].inode))
			return -ENOMEM;
	err = w->nsocks ? procs_scan(w->procs, "/proc") : 0;
	if (err)
		return err;
	for (size_t i = 0; i < w->nsocks; i++) {
		struct proc_owner o;
		bool mine = false;

		for (size_t j = 0; !mine && procs_owner(w->procs, w->socks[i].inode, j, &o); j++)
			mine = o.pid == w->scope->pid;
		if (mine)
			w->socks[n++] = w->socks[i];
	}
	w->nsocks = n;
	return 0;
}

static int read_socks(struct why_sampler *w, struct why_sample *s)
{
	int err;

	w->nsocks = 0;
	err = sockscan_run(&w->scan, keep_sock, w);
	if (!err)
		err = sockscan_run(&w->listen_scan, keep_sock, w);
	if (!err && (w->scope->pid || w->scope->filter))
		err = sockscan_run(&w->conn_scan, keep_sock, w);
	if (!err && w->scope->pid)
		err = keep_pid(w);
	if (err)
		return err;
	s->socks = malloc((w->nsocks ? w->nsocks : 1) * sizeof(*s->socks));
	if (!s->socks)
		return -ENOMEM;
	memcpy(s->socks, w->socks, w->nsocks * sizeof(*s->socks));
	s->nsocks = w->nsocks;
	qsort(s->socks, s->nsocks, sizeof(*s->socks), cmp_inode);
	return 0;
}

const struct why_sock *why_sample_sock(const struct why_sample *s, uint64_t inode)
{
	struct why_sock key = { .inode = inode };

	return s->nsocks ? bsearch(&key, s->socks, s->nsocks, sizeof(key), cmp_inode) : NULL;
}

static int read_drops(struct why_sampler *w, struct why_sample *s)
{
#ifdef HAVE_BPF
	if (w->drops)
		return drops_read(w->drops, &s->drops);
#endif
	return -EOPNOTSUPP;
}

/* Every layer but kstat's, which s->ks already holds. */
static void take_layers(struct why_sampler *w, struct why_sample *s)
{
	s->mono_ns = s->ks.mono_ns;
	s->real_ns = s->ks.real_ns;
	s->snmp_err = read_snmp(s);
	s->qdisc_err = read_qdisc(s);
	s->ct_err = read_conntrack(s);
	s->sock_err = w->scope->no_socks ? 0 : read_socks(w, s);
	if (w->scope->iface && !w->scope->ifindex)
		for (unsigned i = 0; i < s->ks.links.nlinks; i++)
			if (!strcmp(s->ks.links.links[i].name, w->scope->iface))
				w->scope->ifindex = s->ks.links.links[i].ifindex;
}

int why_sample_take(struct why_sampler *w, const struct why_sample *prev, struct why_sample *s,
		    const char **source)
{
	struct kstat_take_error e = { .source = NULL };
	int err;

	memset(s, 0, sizeof(*s));
	/* The drop reasons first and the socket dump last: the cheap counters in between. */
	s->drops_err = read_drops(w, s);
	err = kstat_sample_take(&s->ks, prev ? &prev->ks : NULL, WHY_KSTAT_PARTS, NULL, &e);
	if (err) {
		*source = e.source ? e.source : "the kernel's counters";
		return err;
	}
	take_layers(w, s);
	return 0;
}

void why_sample_take_lent(struct why_sampler *w, const struct kstat_sample *ks,
			  struct why_sample *s)
{
	memset(s, 0, sizeof(*s));
	s->drops_err = read_drops(w, s);
	s->ks = *ks;
	s->ks_lent = true;
	take_layers(w, s);
}

void why_sample_free(struct why_sample *s)
{
	if (!s->ks_lent)
		kstat_sample_free(&s->ks);
	qdisc_free(&s->qdisc);
	free(s->socks);
#ifdef HAVE_BPF
	drops_sample_free(&s->drops);
#endif
	memset(s, 0, sizeof(*s));
}
