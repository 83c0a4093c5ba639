/* SPDX-License-Identifier: GPL-2.0-or-later */
/* napi.c: the NAPI collector: loads napi.bpf.c and reads polls per instance and NET_RX time. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpf/napi.h"
#include "bpf/softirq.h"
#include "util/clock.h"
#include "src/bpf/napi.skel.h"

struct napi {
	struct napi_bpf *skel;
	struct napi_opts opts;
	enum loader_attach method;
	int softirq_err;		/* why the softirq time is missing, or 0 */
	int ncpus;
	struct softirq_percpu *percpu;	/* a lookup's buffer: one slot per possible CPU */
};

/* Opens and loads with the poll programs of m, and the softirq ones when with_softirq. */
static int open_load(struct napi *n, enum loader_attach m, bool with_softirq)
{
	struct napi_bpf *s;
	bool tp = m == LOADER_ATTACH_TP_BTF;
	bool kp = m == LOADER_ATTACH_KPROBE;

	s = n->skel = napi_bpf__open();
	if (!s)
		return -errno;
	bpf_program__set_autoload(s->progs.napi_tp_btf, tp);
	bpf_program__set_autoload(s->progs.napi_raw_tp, m == LOADER_ATTACH_RAW_TP);
	bpf_program__set_autoload(s->progs.napi_kprobe, kp);
	bpf_program__set_autoload(s->progs.napi_kretprobe, kp);
	/* kprobes have no softirq counterpart: they use the raw tracepoints. */
	softirq_progs_autoload(&SOFTIRQ_PROGS(s), with_softirq, tp);
	s->rodata->cfg = n->opts.cfg;
	return napi_bpf__load(s);
}

static void destroy_skel(struct napi *n)
{
	napi_bpf__destroy(n->skel);
	n->skel = NULL;
}

static int try_method(void *ctx, enum loader_attach m, struct loader_attempt *a)
{
	struct napi *n = ctx;
	struct napi_bpf *s;
	int err;

	snprintf(a->what, sizeof(a->what), m == LOADER_ATTACH_KPROBE ? "__napi_poll" :
		 "napi:napi_poll");
	n->softirq_err = n->opts.no_softirq ? -ECANCELED : 0;
	err = open_load(n, m, !n->opts.no_softirq);
	if (err && !n->skel) {
		a->stage = LOADER_STAGE_OPEN;
		a->err = err;
		return err;
	}
	/* The softirq time is optional: without its tracepoints, load the polls alone. */
	if (err && !n->opts.no_softirq) {
		destroy_skel(n);
		n->softirq_err = err;
		err = open_load(n, m, false);
	}
	if (err) {
		a->stage = LOADER_STAGE_LOAD;
		goto fail;
	}
	s = n->skel;
	if (m == LOADER_ATTACH_KPROBE) {
		s->links.napi_kprobe = bpf_program__attach(s->progs.napi_kprobe);
		if (s->links.napi_kprobe)
			s->links.napi_kretprobe = bpf_program__attach(s->progs.napi_kretprobe);
		err = s->links.napi_kretprobe ? 0 : -errno;
	} else if (m == LOADER_ATTACH_TP_BTF) {
		s->links.napi_tp_btf = bpf_program__attach(s->progs.napi_tp_btf);
		err = s->links.napi_tp_btf ? 0 : -errno;
	} else {
		s->links.napi_raw_tp = bpf_program__attach(s->progs.napi_raw_tp);
		err = s->links.napi_raw_tp ? 0 : -errno;
	}
	if (err) {
		a->stage = LOADER_STAGE_ATTACH;
		goto fail;
	}
	if (!n->softirq_err)
		n->softirq_err = softirq_progs_attach(&SOFTIRQ_PROGS(s), m == LOADER_ATTACH_TP_BTF,
						      NULL);
	return 0;
fail:
	a->err = err < 0 ? err : -EINVAL;
	destroy_skel(n);
	return a->err;
}

int napi_open(const struct napi_opts *opts, struct napi **out, struct loader_error *e)
{
	struct napi *n = calloc(1, sizeof(*n));
	int err;

	e->n = 0;
	if (!n)
		return -ENOMEM;
	n->opts = *opts;
	n->percpu = loader_percpu_new(sizeof(*n->percpu), &n->ncpus);
	err = n->percpu ? loader_run(opts->attach, try_method, n, e) : -errno;
	if (err < 0)
		goto out;
	n->method = (enum loader_attach)err;
	err = 0;
out:
	if (err) {
		napi_close(n);
		return err;
	}
	*out = n;
	return 0;
}

void napi_close(struct napi *n)
{
	if (!n)
		return;
	napi_bpf__destroy(n->skel);
	free(n->percpu);
	free(n);
}

enum loader_attach napi_attach_method(const struct napi *n)
{
	return n->method;
}

int napi_softirq_error(const struct napi *n)
{
	return n->softirq_err;
}

static int read_cpus(struct napi *n, struct napi_sample *s)
{
	s->cpus = calloc((size_t)n->ncpus, sizeof(*s->cpus));
	if (!s->cpus)
		return -ENOMEM;
	s->ncpus = (size_t)n->ncpus;
	s->has_softirq = !n->softirq_err;
	if (s->has_softirq) {
		int err = softirq_map_read(bpf_map__fd(n->skel->maps.times), n->percpu);

		if (err)
			return err;
	}
	for (int c = 0; c < n->ncpus; c++) {
		s->cpus[c].cpu = (unsigned)c;
		if (s->has_softirq) {
			s->cpus[c].softirq_count = n->percpu[c].count[SOFTIRQ_NET_RX];
			s->cpus[c].softirq_ns = n->percpu[c].time_ns[SOFTIRQ_NET_RX];
		}
	}
	return 0;
}

int napi_read(struct napi *n, struct napi_sample *s)
{
	int fd = bpf_map__fd(n->skel->maps.polls);
	struct napi_key key, next;
	void *prev = NULL;
	size_t cap = 0;
	int err;

	napi_sample_free(s);
	s->mono_ns = clock_ns(CLOCK_MONOTONIC);
	err = read_cpus(n, s);
	if (err)
		goto out;
	while (!bpf_map_get_next_key(fd, prev, &next)) {
		struct napi_entry *e;

		key = next;
		prev = &key;
		if (s->n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct napi_entry *ne = realloc(s->entries, ncap * sizeof(*ne));

			if (!ne) {
				err = -ENOMEM;
				goto out;
			}
			s->entries = ne;
			cap = ncap;
		}
		e = &s->entries[s->n];
		e->key = key;
		if (bpf_map_lookup_elem(fd, &key, &e->val))
			continue;
		e->val.ifname[sizeof(e->val.ifname) - 1] = '\0';
		s->n++;
	}
	napi_sample_sort(s);
out:
	if (err)
		napi_sample_free(s);
	return err;
}
