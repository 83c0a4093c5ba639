/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: trace's run: the hops attached, events gathered into packets and shown, detached. */
#include "config.h"

#ifdef HAVE_BPF

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib.h"
#include "bpf/ksyms.h"
#include "bpf/trace.h"
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cli/stdout_check.h"
#include "cmd/trace/packets.h"
#include "cmd/trace/run.h"
#include "cmd/trace/summary.h"
#include "cmd/trace/view_trace.h"
#include "cmd/trace/write.h"
#include "util/clock.h"
#include "util/log.h"

/* Packets waiting for their fate in user space, beyond the kernel's own table. */
#define PENDING_MAX 65536

struct trace_run {
	struct trace_cmd *c;
	struct trace *t;
	struct ksyms *ksyms;
	struct view_trace v;
	struct trace_packets *pk;
	struct trace_summary *sum;
	bool kernel_summary;		/* --summary counted in the kernel: no events */
	struct pktnote *w;
	uint64_t shown;
	uint64_t unfinished;
	uint64_t lost_reported;
	struct attrib *attrib;		/* --pid, --comm, --cgroup: the sockets' owners, or NULL */
	uint64_t unselected;		/* packets of other processes, not shown */
	bool done;			/* -c reached */
	int err;			/* a write's failure */
};

/* pcap's LINKTYPE_ETHERNET and LINKTYPE_RAW: what the first hop's bytes start with. */
#define LINKTYPE_ETHERNET 1
#define LINKTYPE_RAW 101

/*
 * The owners of the packet's sockets: its tuple, from the first hop's bytes,
 * looked up from the first hop's namespace (src/attrib: exact tuples in any
 * namespace, bound and listening sockets in that one).
 */
static unsigned packet_owners(struct trace_run *r, const struct trace_pkt *p,
			      struct attrib_proc *owners[ATTRIB_MAX_OWNERS])
{
	struct attrib_tuple t;

	if (!attrib_tuple_parse(p->l3 ? LINKTYPE_RAW : LINKTYPE_ETHERNET, p->data, p->caplen, &t))
		return 0;
	return attrib_lookup_in(r->attrib, p->netns_ino, &t, owners);
}

/*
 * A packet of a selected process: one of its sockets' owners passes the
 * filter, or the task it was delivered to does (a datagram to an unbound
 * socket's port, whose first hop was in another namespace).
 */
static bool is_selected(struct trace_run *r, const struct trace_pkt *p,
			struct attrib_proc *const *owners, unsigned n)
{
	struct attrib_proc reader = { .selected = -1 };

	if (n && attrib_select(r->attrib, owners, n))
		return true;
	if (!p->reader)
		return false;
	reader.pid = p->reader->pid;
	reader.tid = p->reader->tid;
	memcpy(reader.comm, p->reader->comm, sizeof(reader.comm));
	reader.comm[sizeof(reader.comm) - 1] = '\0';
	return attrib_filter_match(&r->c->pf, &reader);
}

/* The comment -w gives the packet's owner: the selected one first. */
static const char *owner_comment(struct attrib_proc *const *owners, unsigned n, uint16_t *len)
{
	for (unsigned i = 0; i < n; i++)
		if (owners[i]->selected == 1)
			return attrib_comment(owners[i], len);
	return n ? attrib_comment(owners[0], len) : NULL;
}

static int on_packet(void *ctx, const struct trace_pkt *p)
{
	struct trace_run *r = ctx;
	struct attrib_proc *owners[ATTRIB_MAX_OWNERS];
	const char *whose = NULL;
	uint16_t whose_len = 0;
	unsigned n = 0;

	if (r->done)
		return 0;
	if (r->attrib) {
		n = packet_owners(r, p, owners);
		if (!is_selected(r, p, owners, n)) {
			r->unselected++;
			return 0;
		}
		r->v.owners = owners;
		r->v.n_owners = n;
		whose = owner_comment(owners, n, &whose_len);
	}
	if (p->fate == TRACE_FATE_UNFINISHED)
		r->unfinished++;
	if (r->sum)
		trace_summary_add(r->sum, p);
	else
		view_trace_packet(&r->v, p);
	if (r->w && !r->err) {
		int err = trace_write_packet(r->w, &r->v, p, whose, whose_len);

		if (err) {
			log_error("%s: %s", r->c->write_path, strerror(-err));
			r->err = EXIT_RUNTIME;
		}
	}
	r->shown++;
	if (r->c->count && r->shown >= r->c->count)
		r->done = true;
	return 0;
}

static int on_event(void *ctx, const struct trace_hop_event *ev, size_t size)
{
	struct trace_run *r = ctx;
	int err = trace_packets_add(r->pk, ev, size);

	if (err == -ENOMEM) {
		log_error("out of memory");
		return err;
	}
	return r->done || r->err ? -ECANCELED : 0;
}

static void report_lost(struct trace_run *r, const uint64_t stats[TRACE_STAT_NR])
{
	if (stats[TRACE_STAT_LOST] > r->lost_reported) {
		log_error("%llu events lost: the ring buffer was full (try a larger --ring-size)",
			  (unsigned long long)(stats[TRACE_STAT_LOST] - r->lost_reported));
		r->lost_reported = stats[TRACE_STAT_LOST];
	}
}

static int open_collector(struct trace_run *r, uint32_t netns_ino, uint32_t ifindex)
{
	struct trace_opts o = {
		.cfg = {
			.netns_ino = netns_ino,
			.ifindex = ifindex,
			/* --summary shows no packet: its first hops carry no bytes. */
			.snaplen = r->c->write_path ? r->c->snaplen :
				   r->c->summary ? 0 : TRACE_SUMMARY_SNAPLEN,
			.filter = r->c->l2 != NULL,
			.summary = r->kernel_summary,
		},
		.attach = r->c->attach,
		.ring_bytes = r->c->ring_bytes,
		.max_packets = r->c->max_packets,
		.l2 = r->c->l2, .nl2 = r->c->nl2,
		.l3 = r->c->l3, .nl3 = r->c->nl3,
	};
	struct loader_error e;
	char why[1024] = "";
	uint64_t t0 = clock_ns(CLOCK_MONOTONIC);
	int err = trace_open(&o, &r->t, &e, why, sizeof(why));

	if (err) {
		if (!why[0])
			loader_why(&e, err, why, sizeof(why));
		log_error("%s", why);
		return EXIT_RUNTIME;
	}
	log_debug(1, "attached with %s in %.1f ms", loader_attach_name(trace_attach_method(r->t)),
		  (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	for (int h = 0; h < TRACE_HOP_NR; h++)
		if (!trace_has_hop(r->t, (enum trace_hop)h))
			log_debug(1, "this kernel has no %s:%s tracepoint: that hop is not shown",
				  trace_hop_group((enum trace_hop)h),
				  trace_hop_name((enum trace_hop)h));
	return 0;
}

static int poll_loop(struct trace_run *r)
{
	uint64_t end = r->c->duration_ns ? clock_ns(CLOCK_MONOTONIC) + r->c->duration_ns :
					   UINT64_MAX;
	uint64_t next_check = clock_ns(CLOCK_MONOTONIC) + 1000000000ull, live;
	uint64_t stats[TRACE_STAT_NR];
	int err;

	while (!signals_stop && !r->done && !r->err) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);

		/* The owner events between two reads of the trace's ring (no system call). */
		if (r->attrib)
			attrib_poll(r->attrib);
		uint64_t until = end < next_check ? end : next_check;

		if (now >= end)
			break;
		err = trace_poll(r->t, now < until ? (int)((until - now + 999999) / 1000000) : 0,
				 on_event, r);
		if (err == -ENOMEM)
			return EXIT_RUNTIME;
		if (err < 0 && err != -EINTR && err != -ECANCELED) {
			log_error("cannot read the events: %s", strerror(-err));
			return EXIT_RUNTIME;
		}
		if (!r->sum && view_trace_flush(&r->v))
			return EXIT_RUNTIME;
		if (clock_ns(CLOCK_MONOTONIC) >= next_check) {
			next_check += 1000000000ull;
			if (!trace_read_stats(r->t, stats, &live))
				report_lost(r, stats);
		}
	}
	/* Stopped by time or a signal: what the kernel already queued still counts. */
	if (!r->done && !r->err)
		trace_poll(r->t, 0, on_event, r);
	return r->err;
}

/* What the owner table missed: its packets may be missing from the selection.  Never silent. */
static void report_attrib_limits(struct trace_run *r)
{
	struct attrib_stats st;

	attrib_stats(r->attrib, &st);
	if (st.table.evicted)
		log_error("process attribution: the table of %zu sockets was full: %llu least "
			  "recently used left", st.table.capacity,
			  (unsigned long long)st.table.evicted);
	if (st.events_lost)
		log_error("process attribution: %llu socket events lost (the ring buffer was full)",
			  (unsigned long long)st.events_lost);
}

/* --summary as the kernel counted it: the packets are those it started. */
static int kernel_summary(struct trace_run *r, uint64_t started)
{
	struct trace_pair_stat *pairs = calloc(TRACE_HOP_NR * TRACE_HOP_NR, sizeof(*pairs));
	uint64_t fates[TRACE_KFATE_NR];
	int err = pairs ? trace_read_pairs(r->t, pairs, fates) : -ENOMEM;

	if (!err) {
		trace_summary_from_kernel(r->sum, pairs, fates, started);
		r->shown = r->sum->packets;
		r->unfinished = r->sum->fates[TRACE_FATE_UNFINISHED];
	}
	free(pairs);
	return err;
}

static int finish(struct trace_run *r)
{
	struct view_trace_totals tot = { 0 };
	uint64_t stats[TRACE_STAT_NR], live = 0;
	int err = trace_read_stats(r->t, stats, &live);

	/*
	 * Packets still waiting have no fate: shown as unfinished, unless -c is
	 * reached, with the hops their slots in the kernel still keep.
	 */
	if (!r->done && !r->err && !r->kernel_summary)
		trace_sweep(r->t, on_event, r);
	trace_packets_flush(r->pk);
	if (!err && r->kernel_summary)
		err = kernel_summary(r, stats[TRACE_STAT_STARTED]);
	if (err) {
		log_error("cannot read the trace counters: %s", strerror(-err));
		return EXIT_RUNTIME;
	}
	if (r->sum)
		view_trace_summary(&r->v, r->sum);
	report_lost(r, stats);
	tot.packets = r->shown;
	tot.unfinished = r->unfinished;
	tot.filtered_out = stats[TRACE_STAT_FILTERED];
	tot.clones = stats[TRACE_STAT_CLONES];
	tot.stale = stats[TRACE_STAT_STALE] + stats[TRACE_STAT_STALE_HEAD];
	tot.lost_events = stats[TRACE_STAT_LOST];
	tot.evicted = stats[TRACE_STAT_EVICTED];
	tot.orphan_events = trace_packets_orphans(r->pk);
	tot.live = live;
	tot.unselected = r->unselected;
	view_trace_totals(&r->v, &tot);
	if (r->attrib)
		report_attrib_limits(r);
	if (tot.evicted)
		log_error("%llu followed packets evicted: more than --max-packets %u at once",
			  (unsigned long long)tot.evicted, r->c->max_packets);
	return 0;
}

int trace_run(struct trace_cmd *c)
{
	struct trace_run r = { .c = c };
	uint32_t netns_ino = 0, ifindex = 0;
	char why[256];
	int ret, err;
	uint64_t t0;

	ret = cmd_enter_netns();
	if (!ret && loader_scope(cmd_globals.netns, c->iface, &netns_ino, &ifindex, why,
				 sizeof(why))) {
		log_error("%s", why);
		ret = EXIT_RUNTIME;
	}
	if (ret)
		return ret;
	view_trace_init(&r.v, stdout, cmd_globals.json || cmd_globals.pretty, cmd_globals.pretty);
	r.v.reasons = &c->reasons;
	r.v.mono_to_real_ns = (int64_t)(clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC));
	r.pk = trace_packets_new(PENDING_MAX, on_packet, &r);
	if (c->summary)
		r.sum = calloc(1, sizeof(*r.sum));
	if (!r.pk || (c->summary && !r.sum)) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	if (c->write_path) {
		err = pktnote_open(&r.w, c->write_path, c->snaplen);
		if (err) {
			log_error("%s: %s", c->write_path, strerror(-err));
			ret = EXIT_RUNTIME;
			goto out;
		}
	}
	/*
	 * --summary counts in the kernel, with no event per packet, unless a
	 * packet must be seen whole: to be written (-w), to be matched with a
	 * process (--pid ...), or counted against -c.
	 */
	r.kernel_summary = c->summary && !c->write_path && !attrib_filter_active(&c->pf) &&
			   !c->count;
	signals_catch_stop();
	ret = open_collector(&r, netns_ino, ifindex);
	if (ret)
		goto out;
	/*
	 * The kernel's symbols (fates' locations) once the hops are attached:
	 * reading /proc/kallsyms takes tens of ms the attach need not wait for,
	 * and nothing is shown before the first read of the ring.
	 */
	t0 = clock_ns(CLOCK_MONOTONIC);
	err = ksyms_load("/proc/kallsyms", &r.ksyms);
	if (err)
		log_error("/proc/kallsyms: %s: locations shown as addresses", strerror(-err));
	r.v.ksyms = err ? NULL : r.ksyms;
	log_debug(2, "kernel symbols read in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	/*
	 * After the hops attach (their events wait in the ring meanwhile): a
	 * socket made during the scan is in it or in the owner events.
	 */
	if (attrib_filter_active(&c->pf)) {
		if (attrib_start(&r.attrib, &c->pf, why, sizeof(why))) {
			log_error("%s", why);
			ret = EXIT_RUNTIME;
			goto out;
		}
		r.v.has_owners = true;
		log_debug(1, "process attribution: following sockets");
	}
	ret = poll_loop(&r);
	if (!ret)
		ret = finish(&r);
	if (!ret && view_trace_flush(&r.v)) {
		stdout_check_note(-EIO);
		ret = EXIT_RUNTIME;
	}
out:
	t0 = clock_ns(CLOCK_MONOTONIC);
	if (r.t) {
		trace_close(r.t);
		log_debug(1, "detached in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	}
	if (r.w) {
		err = pktnote_close(r.w);
		if (err && !ret) {
			log_error("%s: %s", c->write_path, strerror(-err));
			ret = EXIT_RUNTIME;
		}
	}
	trace_packets_free(r.pk);
	attrib_free(r.attrib);
	free(r.sum);
	ksyms_free(r.ksyms);
	return ret;
}

#endif /* HAVE_BPF */
