/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq.c: the softirq time collector: loads softirq.bpf.c and reads its per-CPU slots. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpf/softirq.h"
#include "util/clock.h"
#include "src/bpf/softirq.skel.h"

struct softirq {
	struct softirq_bpf *skel;
	enum loader_attach method;
	int ncpus;
	struct softirq_percpu *percpu;	/* a lookup's buffer: one slot per possible CPU */
};

/* Attaches p, keeping its link in *link for the skeleton to destroy.  0 or -errno. */
static int attach(struct bpf_program *p, struct bpf_link **link)
{
	*link = bpf_program__attach(p);
	return *link ? 0 : -errno;
}

void softirq_progs_autoload(const struct softirq_progs *p, bool on, bool tp)
{
	for (unsigned i = 0; i < 2; i++) {
		bpf_program__set_autoload(p->tp_btf[i], on && tp);
		bpf_program__set_autoload(p->raw_tp[i], on && !tp);
	}
}

int softirq_progs_attach(const struct softirq_progs *p, bool tp, const char **what)
{
	static const char *const names[2] = { "irq:softirq_entry", "irq:softirq_exit" };

	for (unsigned i = 0; i < 2; i++) {
		int err = tp ? attach(p->tp_btf[i], p->tp_btf_link[i]) :
			       attach(p->raw_tp[i], p->raw_tp_link[i]);

		if (err) {
			if (what)
				*what = names[i];
			return err;
		}
	}
	return 0;
}

int softirq_map_read(int fd, struct softirq_percpu *buf)
{
	__u32 zero = 0;

	/* One syscall for every CPU's slot: the per-CPU array's lookup returns them all. */
	return bpf_map_lookup_elem(fd, &zero, buf) ? -errno : 0;
}

static int try_method(void *ctx, enum loader_attach m, struct loader_attempt *a)
{
	struct softirq *s = ctx;
	bool tp = m == LOADER_ATTACH_TP_BTF;
	struct softirq_progs p;
	const char *what = "irq:softirq_entry";
	struct softirq_bpf *k;
	int err;

	snprintf(a->what, sizeof(a->what), "%s", what);
	k = s->skel = softirq_bpf__open();
	if (!k) {
		a->stage = LOADER_STAGE_OPEN;
		return a->err = -errno;
	}
	p = SOFTIRQ_PROGS(k);
	softirq_progs_autoload(&p, true, tp);
	err = softirq_bpf__load(k);
	if (err) {
		a->stage = LOADER_STAGE_LOAD;
		goto fail;
	}
	a->stage = LOADER_STAGE_ATTACH;
	err = softirq_progs_attach(&p, tp, &what);
	if (err) {
		snprintf(a->what, sizeof(a->what), "%s", what);
		goto fail;
	}
	return 0;
fail:
	a->err = err < 0 ? err : -EINVAL;
	softirq_bpf__destroy(k);
	s->skel = NULL;
	return a->err;
}

/*
 * loader_run with auto would try kprobes last, which have nothing to offer
 * here: tp_btf, then raw_tp, their attempts gathered into e alike.
 */
static int run_tracepoints(struct softirq *s, struct loader_error *e)
{
	struct loader_error raw = { .n = 0 };
	int ret;

	ret = loader_run(LOADER_ATTACH_TP_BTF, try_method, s, e);
	if (ret >= 0 || ret == -EPERM)
		return ret;
	ret = loader_run(LOADER_ATTACH_RAW_TP, try_method, s, &raw);
	for (size_t i = 0; i < raw.n && e->n < LOADER_ATTACH_NR; i++)
		e->attempts[e->n++] = raw.attempts[i];
	return ret;
}

int softirq_open(struct softirq **out, struct loader_error *e)
{
	struct softirq *s = calloc(1, sizeof(*s));
	int err;

	e->n = 0;
	if (!s)
		return -ENOMEM;
	s->percpu = loader_percpu_new(sizeof(*s->percpu), &s->ncpus);
	err = s->percpu ? run_tracepoints(s, e) : -errno;
	if (err < 0)
		goto out;
	s->method = (enum loader_attach)err;
	err = 0;
out:
	if (err) {
		softirq_close(s);
		return err;
	}
	*out = s;
	return 0;
}

void softirq_close(struct softirq *s)
{
	if (!s)
		return;
	softirq_bpf__destroy(s->skel);
	free(s->percpu);
	free(s);
}

enum loader_attach softirq_attach_method(const struct softirq *s)
{
	return s->method;
}

int softirq_read(struct softirq *s, struct softirq_sample *out)
{
	int err;

	if (out->ncpus != (size_t)s->ncpus) {
		softirq_sample_free(out);
		out->cpus = calloc((size_t)s->ncpus, sizeof(*out->cpus));
		if (!out->cpus)
			return -ENOMEM;
		out->ncpus = (size_t)s->ncpus;
	}
	err = softirq_map_read(bpf_map__fd(s->skel->maps.times), s->percpu);
	if (err)
		return err;
	out->mono_ns = clock_ns(CLOCK_MONOTONIC);
	for (int c = 0; c < s->ncpus; c++) {
		memcpy(out->cpus[c].time_ns, s->percpu[c].time_ns, sizeof(out->cpus[c].time_ns));
		memcpy(out->cpus[c].count, s->percpu[c].count, sizeof(out->cpus[c].count));
	}
	return 0;
}
