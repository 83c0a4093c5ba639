/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trace.c: the trace collector: splices the filter into trace.bpf.c, attaches each hop, reads events. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "bpf/btf_scan.h"
#include "bpf/cbpf_ebpf.h"
#include "bpf/trace.h"
#include "src/bpf/trace.skel.h"
#include "util/clock.h"
#include "util/log.h"

/* The stub trace.bpf.c calls and sockeye replaces. */
#define FILTER_STUB "trace_filter"

static const struct {
	const char *group, *name;
	bool recent;		/* not in every kernel trace runs on: sk_data_ready 6.10, ... */
} hops[TRACE_HOP_NR] = {
	[TRACE_HOP_NETIF_RX] = { "net", "netif_rx" },
	[TRACE_HOP_NAPI_GRO] = { "net", "napi_gro_receive_entry" },
	[TRACE_HOP_NETIF_RECEIVE] = { "net", "netif_receive_skb" },
	[TRACE_HOP_RCVQUEUE_FULL] = { "sock", "sock_rcvqueue_full" },
	[TRACE_HOP_SK_DATA_READY] = { "sock", "sk_data_ready", true },
	[TRACE_HOP_COPY_DATAGRAM] = { "skb", "skb_copy_datagram_iovec" },
	[TRACE_HOP_RECV] = { "sock", "sock_recv_length", true },
	[TRACE_HOP_DEV_QUEUE] = { "net", "net_dev_queue" },
	[TRACE_HOP_QDISC_ENQUEUE] = { "qdisc", "qdisc_enqueue" },
	[TRACE_HOP_QDISC_DEQUEUE] = { "qdisc", "qdisc_dequeue" },
	[TRACE_HOP_START_XMIT] = { "net", "net_dev_start_xmit" },
	[TRACE_HOP_DEV_XMIT] = { "net", "net_dev_xmit" },
	[TRACE_HOP_RETRANSMIT] = { "tcp", "tcp_retransmit_skb" },
	[TRACE_HOP_CONSUME] = { "skb", "consume_skb" },
	[TRACE_HOP_KFREE] = { "skb", "kfree_skb" },
};

const char *trace_hop_name(enum trace_hop h)
{
	return h < TRACE_HOP_NR ? hops[h].name : "?";
}

const char *trace_hop_group(enum trace_hop h)
{
	return h < TRACE_HOP_NR ? hops[h].group : "?";
}

struct trace {
	struct trace_bpf *skel;
	struct bpf_link *links[TRACE_HOP_NR];
	bool has[TRACE_HOP_NR];
	bool has_known[TRACE_HOP_NR];	/* has[] found by a tp_btf attempt */
	struct ring_buffer *rb;
	struct trace_opts opts;
	enum loader_attach method;
	/* The spliced function: both translations behind a branch on l3 (r4). */
	struct bpf_insn *filter;
	size_t nfilter;
	char why[256];			/* a splice's failure */
	int ncpus;
	/* The followed skbs' tags, mapped: a busy way is an skb still followed. */
	const __u64 *skb_tags;
	size_t skb_tags_len, nsets;
	/* Their slots, mapped: the hops still kept there at the end (trace_sweep). */
	const void *skb_slots;
	size_t skb_slots_len, slot_size;
	int (*fn)(void *ctx, const struct trace_hop_event *ev, size_t size);
	void *fn_ctx;
};

/*
 * One function of the two translations: "if r4 != 0 goto l3", the Ethernet
 * one, the raw-IP one.  Each ends in exits and jumps only inside itself.
 */
static int build_filter(struct trace *t, char *why, size_t whylen)
{
	struct bpf_insn *l2 = NULL, *l3 = NULL;
	size_t n2 = 0, n3 = 0;
	int err;

	err = cbpf_ebpf_translate(t->opts.l2, t->opts.nl2, &l2, &n2, why, whylen);
	if (!err)
		err = cbpf_ebpf_translate(t->opts.l3, t->opts.nl3, &l3, &n3, why, whylen);
	if (!err && n2 >= INT16_MAX) {
		snprintf(why, whylen, "the filter is too long (%zu instructions)", n2);
		err = -E2BIG;
	}
	if (!err) {
		t->nfilter = 1 + n2 + n3;
		t->filter = calloc(t->nfilter, sizeof(*t->filter));
		if (!t->filter)
			err = -ENOMEM;
	}
	if (!err) {
		t->filter[0] = (struct bpf_insn){ .code = BPF_JMP | BPF_JNE | BPF_K,
						  .dst_reg = BPF_REG_4, .off = (__s16)n2 };
		memcpy(t->filter + 1, l2, n2 * sizeof(*l2));
		memcpy(t->filter + 1 + n2, l3, n3 * sizeof(*l3));
	}
	free(l2);
	free(l3);
	return err;
}

/*
 * The prepare-load callback of sockeye's sections: by now libbpf has
 * appended the subprograms and relocated everything, so the stub's place is
 * final.  Its func_info names it; it is the last function (the programs call
 * no other), so its body is replaced by the filter up to the end, and the
 * line info, all before the stub's end, stays valid.
 */
static int splice_filter(struct bpf_program *prog, struct bpf_prog_load_opts *opts, long cookie)
{
	struct trace *t = (struct trace *)cookie;
	const struct btf *btf = bpf_object__btf(t->skel->obj);
	const struct bpf_insn *insns = bpf_program__insns(prog);
	size_t n = bpf_program__insn_cnt(prog), stub = SIZE_MAX, last = 0;
	struct bpf_insn *next;
	int err;

	if (!t->filter || !opts->func_info || !btf)
		return 0;
	for (__u32 i = 0; i < opts->func_info_cnt; i++) {
		const struct bpf_func_info *fi = (const void *)((const char *)opts->func_info +
							       i * opts->func_info_rec_size);
		const struct btf_type *ty = btf__type_by_id(btf, fi->type_id);
		const char *name = ty ? btf__name_by_offset(btf, ty->name_off) : NULL;

		if (fi->insn_off > last)
			last = fi->insn_off;
		if (name && !strcmp(name, FILTER_STUB))
			stub = fi->insn_off;
	}
	if (stub == SIZE_MAX)
		return 0;	/* a hop that never starts a packet */
	if (stub != last || n - stub > t->nfilter) {
		snprintf(t->why, sizeof(t->why), "%s: the filter stub is not the program's last "
			 "function, or longer than the filter", bpf_program__name(prog));
		return -EINVAL;
	}
	next = calloc(stub + t->nfilter, sizeof(*next));
	if (!next)
		return -ENOMEM;
	memcpy(next, insns, stub * sizeof(*next));
	memcpy(next + stub, t->filter, t->nfilter * sizeof(*next));
	err = bpf_program__set_insns(prog, next, stub + t->nfilter);
	free(next);
	return err;
}

/* The handlers of sockeye's sections, registered for the collector's life. */
static int handler_ids[2] = { -1, -1 };

static int register_handlers(struct trace *t)
{
	LIBBPF_OPTS(libbpf_prog_handler_opts, o, .cookie = (long)t,
		    .prog_prepare_load_fn = splice_filter);

	handler_ids[0] = libbpf_register_prog_handler("sockeye_tp_btf/", BPF_PROG_TYPE_TRACING,
						      BPF_TRACE_RAW_TP, &o);
	if (handler_ids[0] < 0)
		return handler_ids[0];
	handler_ids[1] = libbpf_register_prog_handler("sockeye_raw_tp/",
						      BPF_PROG_TYPE_RAW_TRACEPOINT, 0, &o);
	return handler_ids[1] < 0 ? handler_ids[1] : 0;
}

static void unregister_handlers(void)
{
	for (int i = 0; i < 2; i++) {
		if (handler_ids[i] >= 0)
			libbpf_unregister_prog_handler(handler_ids[i]);
		handler_ids[i] = -1;
	}
}

static void destroy_skel(struct trace *t)
{
	for (int h = 0; h < TRACE_HOP_NR; h++) {
		bpf_link__destroy(t->links[h]);
		t->links[h] = NULL;
	}
	trace_bpf__destroy(t->skel);
	t->skel = NULL;
}

/* The program of hop h for method m. */
static struct bpf_program *prog_of(struct trace *t, enum trace_hop h, enum loader_attach m)
{
	char name[64];

	snprintf(name, sizeof(name), "%s_%s", m == LOADER_ATTACH_TP_BTF ? "tp_btf" : "raw_tp",
		 hops[h].name);
	return bpf_object__find_program_by_name(t->skel->obj, name);
}

/*
 * -vv: where the attach time goes (issue 16's budget is 200 ms), in wall
 * time and in this thread's CPU time (the kernel's verifier included): on a
 * busy machine the first is mostly waiting for a CPU.
 */
struct stage_clock {
	uint64_t wall, cpu;
};

static void stage_start(struct stage_clock *c)
{
	c->wall = clock_ns(CLOCK_MONOTONIC);
	c->cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID);
}

static void stage_done(const char *stage, struct stage_clock *c)
{
	struct stage_clock now;

	stage_start(&now);
	log_debug(2, "trace attach: %s %.1f ms (CPU %.1f ms)", stage,
		  (double)(now.wall - c->wall) / 1e6, (double)(now.cpu - c->cpu) / 1e6);
	*c = now;
}

static int try_method(void *ctx, enum loader_attach m, struct loader_attempt *a)
{
	struct trace *t = ctx;
	struct bpf_program *p;
	struct stage_clock t0;
	int err;

	stage_start(&t0);
	snprintf(a->what, sizeof(a->what), "the trace hops");
	if (m == LOADER_ATTACH_KPROBE) {
		/* trace has no kprobe programs: the tracepoints are its hops. */
		a->stage = LOADER_STAGE_OPEN;
		a->err = -EOPNOTSUPP;
		return a->err;
	}
	t->skel = trace_bpf__open();
	if (!t->skel) {
		a->stage = LOADER_STAGE_OPEN;
		a->err = -errno;
		return a->err;
	}
	stage_done("open", &t0);
	bpf_object__for_each_program(p, t->skel->obj)
		bpf_program__set_autoload(p, false);
	for (int h = 0; h < TRACE_HOP_NR; h++) {
		char tp[96];

		err = 0;
		/*
		 * A hop this kernel lacks is left out, not fatal.  tp_btf finds out
		 * as it resolves the target in the BTF libbpf has read anyway; raw_tp
		 * scans the BTF file for the recent ones only (each scan reads it
		 * whole: attach time), unless tp_btf was tried first.
		 */
		p = prog_of(t, (enum trace_hop)h, m);
		if (m == LOADER_ATTACH_TP_BTF) {
			err = bpf_program__set_attach_target(p, 0, hops[h].name);
			t->has[h] = !err;
			t->has_known[h] = true;
			if (err && hops[h].recent)
				continue;
		} else if (!t->has_known[h]) {
			snprintf(tp, sizeof(tp), "btf_trace_%s", hops[h].name);
			t->has[h] = !hops[h].recent ||
				    btf_scan_has(LOADER_VMLINUX_BTF, tp, BTF_KIND_TYPEDEF) != 0;
		}
		if (!t->has[h] && hops[h].recent)
			continue;
		bpf_program__set_autoload(p, true);
		if (m == LOADER_ATTACH_TP_BTF) {
			if (err) {
				snprintf(a->what, sizeof(a->what), "%s:%s", hops[h].group,
					 hops[h].name);
				a->stage = LOADER_STAGE_LOAD;
				goto fail;
			}
		}
	}
	stage_done("targets (vmlinux BTF)", &t0);
	t->skel->rodata->cfg = t->opts.cfg;
	t->skel->rodata->cfg.set_mask = (__u32)(t->nsets - 1);
	bpf_map__set_max_entries(t->skel->maps.skb_tags, (__u32)t->nsets);
	bpf_map__set_max_entries(t->skel->maps.skb_slots, (__u32)(t->nsets * TRACE_WAYS));
	bpf_map__set_max_entries(t->skel->maps.head_tags, (__u32)t->nsets);
	bpf_map__set_max_entries(t->skel->maps.head_slots, (__u32)(t->nsets * TRACE_WAYS));
	/* Per CPU, 360 bytes a pair: only where --summary counts in the kernel. */
	if (!t->opts.cfg.summary)
		bpf_map__set_max_entries(t->skel->maps.pairs, 1);
	bpf_map__set_max_entries(t->skel->maps.events, (__u32)t->opts.ring_bytes);
	err = trace_bpf__load(t->skel);
	if (err) {
		a->stage = LOADER_STAGE_LOAD;
		goto fail;
	}
	stage_done("load and verify", &t0);
	for (int h = 0; h < TRACE_HOP_NR; h++) {
		if (!t->has[h])
			continue;
		p = prog_of(t, (enum trace_hop)h, m);
		if (m == LOADER_ATTACH_TP_BTF)
			t->links[h] = bpf_program__attach_trace(p);
		else
			t->links[h] = bpf_program__attach_raw_tracepoint(p, hops[h].name);
		if (!t->links[h]) {
			err = -errno;
			snprintf(a->what, sizeof(a->what), "%s:%s", hops[h].group, hops[h].name);
			a->stage = LOADER_STAGE_ATTACH;
			goto fail;
		}
	}
	stage_done("attach", &t0);
	return 0;
fail:
	a->err = err < 0 ? err : -EINVAL;
	destroy_skel(t);
	return a->err;
}

/* A batch's hops handed on one by one, as the hop events they stand for. */
static int on_batch(struct trace *t, const struct trace_batch_event *b, size_t size)
{
	size_t n = (size - TRACE_BATCH_HDR_SIZE) / sizeof(b->hops[0]);
	struct trace_hop_event ev;
	int ret = 0;

	if (n > b->n)
		n = b->n;
	for (size_t i = 0; i < n && !ret; i++) {
		const struct trace_hop_rec *h = &b->hops[i];

		memset(&ev, 0, TRACE_EVENT_HDR_SIZE);
		ev.kind = TRACE_REC_HOP;
		ev.hop = h->hop;
		ev.ts_ns = h->ts_ns;
		ev.pkt_id = b->pkt_id;
		ev.location = h->location;
		ev.cpu = h->cpu;
		ev.ifindex = h->ifindex;
		ev.len = h->len;
		ev.reason = h->reason;
		ev.pid = h->pid;
		ev.tid = h->tid;
		ev.rc = h->rc;
		ev.flags = h->flags;
		if (h->name < TRACE_BATCH)
			memcpy(ev.ifname, b->names[h->name], sizeof(ev.ifname));
		/* The task's name where it is the packet's: its reader. */
		if (h->hop == TRACE_HOP_COPY_DATAGRAM || h->hop == TRACE_HOP_RECV)
			memcpy(ev.comm, b->reader_comm, sizeof(ev.comm));
		ret = t->fn(t->fn_ctx, &ev, TRACE_EVENT_HDR_SIZE);
	}
	return ret;
}

static int on_event(void *ctx, void *data, size_t size)
{
	struct trace *t = ctx;
	const __u32 *kind = data;

	if (size >= TRACE_BATCH_HDR_SIZE && *kind == TRACE_REC_BATCH)
		return on_batch(t, data, size);
	if (size < TRACE_EVENT_HDR_SIZE || *kind != TRACE_REC_HOP)
		return 0;
	return t->fn(t->fn_ctx, data, size);
}

int trace_open(const struct trace_opts *o, struct trace **out, struct loader_error *e,
	       char *why, size_t whylen)
{
	struct trace *t = calloc(1, sizeof(*t));
	int err;

	e->n = 0;
	why[0] = '\0';
	if (!t)
		return -ENOMEM;
	t->opts = *o;
	/* Sets of TRACE_WAYS: max_packets rounded up to a power of two of sets. */
	t->nsets = 1;
	while (t->nsets * TRACE_WAYS < o->max_packets && t->nsets < (1u << 24))
		t->nsets <<= 1;
	t->ncpus = libbpf_num_possible_cpus();
	err = t->ncpus > 0 ? 0 : -EINVAL;
	if (!err && o->cfg.filter)
		err = build_filter(t, why, whylen);
	if (!err)
		err = register_handlers(t);
	if (!err) {
		err = loader_run(o->attach, try_method, t, e);
		if (t->why[0]) {
			snprintf(why, whylen, "%s", t->why);
			e->n = 0;
		}
	}
	if (err >= 0) {
		t->method = (enum loader_attach)err;
		err = 0;
		t->rb = ring_buffer__new(bpf_map__fd(t->skel->maps.events), on_event, t, NULL);
		if (!t->rb)
			err = -errno;
	}
	if (!err) {
		void *m;

		t->skb_tags_len = t->nsets * TRACE_WAYS * sizeof(__u64);
		m = mmap(NULL, t->skb_tags_len, PROT_READ, MAP_SHARED,
			 bpf_map__fd(t->skel->maps.skb_tags), 0);
		if (m == MAP_FAILED)
			err = -errno;
		else
			t->skb_tags = m;
	}
	if (!err) {
		void *m;

		/* An mmapped array's values are 8-byte aligned. */
		t->slot_size = (bpf_map__value_size(t->skel->maps.skb_slots) + 7) & ~(size_t)7;
		t->skb_slots_len = t->nsets * TRACE_WAYS * t->slot_size;
		m = mmap(NULL, t->skb_slots_len, PROT_READ, MAP_SHARED,
			 bpf_map__fd(t->skel->maps.skb_slots), 0);
		if (m == MAP_FAILED)
			err = -errno;
		else
			t->skb_slots = m;
	}
	unregister_handlers();
	if (err) {
		trace_close(t);
		return err;
	}
	*out = t;
	return 0;
}

void trace_close(struct trace *t)
{
	if (!t)
		return;
	ring_buffer__free(t->rb);
	if (t->skb_tags)
		munmap((void *)t->skb_tags, t->skb_tags_len);
	if (t->skb_slots)
		munmap((void *)t->skb_slots, t->skb_slots_len);
	destroy_skel(t);
	free(t->filter);
	free(t);
}

enum loader_attach trace_attach_method(const struct trace *t)
{
	return t->method;
}

bool trace_has_hop(const struct trace *t, enum trace_hop h)
{
	return h < TRACE_HOP_NR && t->has[h];
}

int trace_poll(struct trace *t, int timeout_ms,
	       int (*fn)(void *ctx, const struct trace_hop_event *ev, size_t size), void *ctx)
{
	int n, err;

	t->fn = fn;
	t->fn_ctx = ctx;
	/* Nothing wakes the epoll (TRACE_READ_MS): it only sleeps, a signal cuts it short. */
	err = ring_buffer__poll(t->rb, timeout_ms < TRACE_READ_MS ? timeout_ms : TRACE_READ_MS);
	if (err < 0 && err != -EINTR)
		return err;
	n = ring_buffer__consume(t->rb);
	return n < 0 ? n : err < 0 ? err : n;
}

/*
 * The slot as trace.bpf.c lays it out: the batch is its last member (its
 * offset is the value's size less the batch's).
 */
int trace_sweep(struct trace *t, int (*fn)(void *ctx, const struct trace_hop_event *ev,
					   size_t size), void *ctx)
{
	size_t off = bpf_map__value_size(t->skel->maps.skb_slots) -
		     sizeof(struct trace_batch_event);
	struct trace_batch_event b;
	int ret = 0;

	t->fn = fn;
	t->fn_ctx = ctx;
	for (size_t i = 0; i < t->nsets * TRACE_WAYS && !ret; i++) {
		if (!__atomic_load_n(&t->skb_tags[i], __ATOMIC_RELAXED))
			continue;
		memcpy(&b, (const char *)t->skb_slots + i * t->slot_size + off, sizeof(b));
		if (b.kind != TRACE_REC_BATCH || !b.n || b.n > TRACE_BATCH)
			continue;
		ret = on_batch(t, &b, sizeof(b));
	}
	return ret;
}

int trace_read_stats(struct trace *t, uint64_t stats[TRACE_STAT_NR], uint64_t *live)
{
	int fd = bpf_map__fd(t->skel->maps.stats);
	uint64_t *v = calloc((size_t)t->ncpus, sizeof(*v));
	int err = 0;

	if (!v)
		return -ENOMEM;
	for (__u32 i = 0; i < TRACE_STAT_NR; i++) {
		stats[i] = 0;
		if (bpf_map_lookup_elem(fd, &i, v)) {
			err = -errno;
			break;
		}
		for (int c = 0; c < t->ncpus; c++)
			stats[i] += v[c];
	}
	free(v);
	*live = 0;
	for (size_t i = 0; i < t->nsets * TRACE_WAYS; i++)
		*live += __atomic_load_n(&t->skb_tags[i], __ATOMIC_RELAXED) != 0;
	return err;
}

int trace_read_pairs(struct trace *t, struct trace_pair_stat pairs[TRACE_HOP_NR * TRACE_HOP_NR],
		     uint64_t fates[TRACE_KFATE_NR])
{
	int fd = bpf_map__fd(t->skel->maps.pairs);
	struct trace_pair_stat *v = calloc((size_t)t->ncpus, sizeof(*v));
	uint64_t *f = calloc((size_t)t->ncpus, sizeof(*f));
	int err = 0;

	if (!v || !f) {
		free(v);
		free(f);
		return -ENOMEM;
	}
	memset(pairs, 0, sizeof(*pairs) * TRACE_HOP_NR * TRACE_HOP_NR);
	for (__u32 k = 0; !err && k < TRACE_HOP_NR * TRACE_HOP_NR; k++) {
		struct trace_pair_stat *p = &pairs[k];

		if (bpf_map_lookup_elem(fd, &k, v)) {
			err = -errno;
			break;
		}
		for (int c = 0; c < t->ncpus; c++) {
			if (!v[c].count)
				continue;
			if (!p->count || v[c].min_ns < p->min_ns)
				p->min_ns = v[c].min_ns;
			if (v[c].max_ns > p->max_ns)
				p->max_ns = v[c].max_ns;
			p->count += v[c].count;
			p->sum_ns += v[c].sum_ns;
			for (int b = 0; b < TRACE_PAIR_BUCKETS; b++)
				p->buckets[b] += v[c].buckets[b];
		}
	}
	fd = bpf_map__fd(t->skel->maps.fates);
	for (__u32 k = 0; !err && k < TRACE_KFATE_NR; k++) {
		fates[k] = 0;
		if (bpf_map_lookup_elem(fd, &k, f)) {
			err = -errno;
			break;
		}
		for (int c = 0; c < t->ncpus; c++)
			fates[k] += f[c];
	}
	free(v);
	free(f);
	return err;
}
