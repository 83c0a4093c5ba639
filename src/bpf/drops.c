/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops.c: the drops collector: loads drops.bpf.c, reads its counts, hands out its events. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "bpf/btf_scan.h"
#include "bpf/drops.h"
#include "bpf/drops_sample.h"
#include "src/bpf/drops.skel.h"

struct drops {
	struct drops_bpf *skel;
	struct bpf_link *link;		/* the chosen program's */
	struct ring_buffer *rb;
	struct drops_opts opts;
	enum loader_attach method;
	int ncpus;
	struct drops_count *percpu;	/* ncpus values, for reading the summary map */
	int (*fn)(void *ctx, const struct drops_event *ev);
	void *fn_ctx;
};

/*
 * The function the kprobe fallback attaches to, and the program that reads its
 * arguments: the first when the BTF cannot tell.  Only the kprobe attempt
 * asks, and a scan of the BTF file costs no memory, where a parsed BTF kept for
 * this would have held 6 MB for as long as the collector runs.
 */
static const char *kprobe_target(struct drops_bpf *skel, struct bpf_program **prog)
{
	const struct {
		const char *fn;
		struct bpf_program *prog;
	} candidates[] = {
		{ "sk_skb_reason_drop", skel->progs.drops_kprobe_sk },	/* 6.11+ */
		{ "kfree_skb_reason", skel->progs.drops_kprobe_reason },	/* 5.17 to 6.10 */
		{ "kfree_skb", skel->progs.drops_kprobe_plain },	/* older */
	};

	for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		int has = btf_scan_has(LOADER_VMLINUX_BTF, candidates[i].fn, BTF_KIND_FUNC);

		if (has < 0)
			break;
		if (has) {
			*prog = candidates[i].prog;
			return candidates[i].fn;
		}
	}
	*prog = candidates[0].prog;
	return candidates[0].fn;
}

static void destroy_skel(struct drops *d)
{
	bpf_link__destroy(d->link);
	d->link = NULL;
	drops_bpf__destroy(d->skel);
	d->skel = NULL;
}

static int try_method(void *ctx, enum loader_attach m, struct loader_attempt *a)
{
	struct drops *d = ctx;
	const struct drops_opts *o = &d->opts;
	struct bpf_program *prog, *p;
	const char *fn = NULL;
	struct bpf_link *link;
	int err;

	snprintf(a->what, sizeof(a->what), "skb:kfree_skb");
	d->skel = drops_bpf__open();
	if (!d->skel) {
		a->stage = LOADER_STAGE_OPEN;
		a->err = -errno;
		return a->err;
	}
	if (m == LOADER_ATTACH_KPROBE) {
		fn = kprobe_target(d->skel, &prog);
		snprintf(a->what, sizeof(a->what), "%s", fn);
	} else {
		prog = m == LOADER_ATTACH_TP_BTF ? d->skel->progs.drops_tp_btf :
						   d->skel->progs.drops_raw_tp;
	}
	/* Only the chosen program loads: the others may name what this kernel lacks. */
	bpf_object__for_each_program(p, d->skel->obj)
		bpf_program__set_autoload(p, p == prog);
	d->skel->rodata->cfg = o->cfg;
	/* Maps the mode does not use stay at their smallest. */
	bpf_map__set_max_entries(d->skel->maps.counts, o->cfg.events ? 1 : o->max_keys);
	bpf_map__set_max_entries(d->skel->maps.events,
				 o->cfg.events ? (__u32)o->ring_bytes : (__u32)getpagesize());
	bpf_map__set_max_entries(d->skel->maps.stacks, o->cfg.stacks ? 1024 : 1);
	err = drops_bpf__load(d->skel);
	if (err) {
		a->stage = LOADER_STAGE_LOAD;
		goto fail;
	}
	if (fn)
		link = bpf_program__attach_kprobe(prog, false, fn);
	else
		link = bpf_program__attach(prog);
	if (!link) {
		err = -errno;
		a->stage = LOADER_STAGE_ATTACH;
		goto fail;
	}
	d->link = link;
	return 0;
fail:
	a->err = err < 0 ? err : -EINVAL;
	destroy_skel(d);
	return a->err;
}

static int on_event(void *ctx, void *data, size_t size)
{
	struct drops *d = ctx;

	if (size < DROPS_EVENT_HDR_SIZE)
		return 0;
	return d->fn(d->fn_ctx, data);
}

int drops_open(const struct drops_opts *opts, struct drops **out, struct loader_error *e)
{
	struct drops *d = calloc(1, sizeof(*d));
	int err;

	e->n = 0;
	if (!d)
		return -ENOMEM;
	d->opts = *opts;
	d->percpu = loader_percpu_new(sizeof(*d->percpu), &d->ncpus);
	err = d->percpu ? loader_run(opts->attach, try_method, d, e) : -errno;
	if (err < 0)
		goto out;
	d->method = (enum loader_attach)err;
	err = 0;
	if (opts->cfg.events) {
		d->rb = ring_buffer__new(bpf_map__fd(d->skel->maps.events), on_event, d, NULL);
		if (!d->rb)
			err = -errno;
	}
out:
	if (err) {
		drops_close(d);
		return err;
	}
	*out = d;
	return 0;
}

void drops_close(struct drops *d)
{
	if (!d)
		return;
	ring_buffer__free(d->rb);
	destroy_skel(d);
	free(d->percpu);
	free(d);
}

enum loader_attach drops_attach_method(const struct drops *d)
{
	return d->method;
}

static int read_stats(struct drops *d, uint64_t stats[DROPS_STAT_NR])
{
	int fd = bpf_map__fd(d->skel->maps.stats);
	uint64_t *v = calloc((size_t)d->ncpus, sizeof(*v));
	int err = 0;

	if (!v)
		return -ENOMEM;
	for (__u32 i = 0; i < DROPS_STAT_NR; i++) {
		stats[i] = 0;
		if (bpf_map_lookup_elem(fd, &i, v)) {
			err = -errno;
			break;
		}
		for (int c = 0; c < d->ncpus; c++)
			stats[i] += v[c];
	}
	free(v);
	return err;
}

int drops_read(struct drops *d, struct drops_sample *s)
{
	int fd = bpf_map__fd(d->skel->maps.counts);
	struct drops_key key, next;
	size_t cap = 0;
	void *prev = NULL;
	struct timespec ts;
	int err;

	s->n = 0;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	s->mono_ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	err = read_stats(d, s->stats);
	if (err)
		return err;
	while (!bpf_map_get_next_key(fd, prev, &next)) {
		struct drops_entry *e;

		key = next;
		prev = &key;
		/* A key deleted in between: there is none, the kernel never deletes. */
		if (bpf_map_lookup_elem(fd, &key, d->percpu))
			continue;
		if (s->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct drops_entry *ne = realloc(s->entries, ncap * sizeof(*ne));

			if (!ne)
				return -ENOMEM;
			s->entries = ne;
			cap = ncap;
		}
		e = &s->entries[s->n++];
		memset(e, 0, sizeof(*e));
		e->key = key;
		for (int c = 0; c < d->ncpus; c++) {
			e->count += d->percpu[c].count;
			if (!e->ifname[0] && d->percpu[c].ifname[0])
				memcpy(e->ifname, d->percpu[c].ifname, sizeof(e->ifname));
		}
		e->ifname[sizeof(e->ifname) - 1] = '\0';
	}
	drops_sample_sort(s);
	return 0;
}

int drops_poll_events(struct drops *d, int timeout_ms,
		      int (*fn)(void *ctx, const struct drops_event *ev), void *ctx)
{
	if (!d->rb)
		return -EINVAL;
	d->fn = fn;
	d->fn_ctx = ctx;
	return ring_buffer__poll(d->rb, timeout_ms);
}

int drops_events_fd(const struct drops *d)
{
	return d->rb ? ring_buffer__epoll_fd(d->rb) : -1;
}

int drops_stack(const struct drops *d, int32_t stack_id, uint64_t *ips, size_t max)
{
	__u64 frames[DROPS_STACK_DEPTH] = { 0 };
	__u32 id = (__u32)stack_id;
	size_t n = 0;

	if (stack_id < 0)
		return -ENOENT;
	if (bpf_map_lookup_elem(bpf_map__fd(d->skel->maps.stacks), &id, frames))
		return -errno;
	while (n < DROPS_STACK_DEPTH && n < max && frames[n]) {
		ips[n] = frames[n];
		n++;
	}
	return (int)n;
}
