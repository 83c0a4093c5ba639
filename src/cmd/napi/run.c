/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: napi's run: the collector attached, a snapshot per interval until done, detached. */
#include "config.h"

#ifdef HAVE_BPF

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/napi.h"
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/napi/run.h"
#include "cmd/napi/view_napi.h"
#include "util/clock.h"
#include "util/log.h"

struct napi_run {
	struct cmd_bpf_opts *opts;
	struct napi_opts o;
	struct napi *n;
	struct fmt *f;
	struct napi_sample s[2];	/* the interval loop's two readings */
	int64_t to_real;		/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
};

static int read_sample(void *ctx, unsigned slot, uint64_t *mono_ns)
{
	struct napi_run *r = ctx;
	int err = napi_read(r->n, &r->s[slot]);

	if (err) {
		log_error("cannot read the NAPI counts: %s", strerror(-err));
		return EXIT_RUNTIME;
	}
	*mono_ns = r->s[slot].mono_ns;
	return 0;
}

static int show_interval(void *ctx, unsigned prev, unsigned cur)
{
	struct napi_run *r = ctx;
	const struct napi_sample *p = &r->s[prev], *c = &r->s[cur];

	fmt_doc_begin(r->f, "napi");
	fmt_doc_u64(r->f, "ts_ns", (uint64_t)((int64_t)c->mono_ns + r->to_real));
	fmt_doc_u64(r->f, "interval_ns", c->mono_ns - p->mono_ns);
	view_napi_emit(r->f, p, c, false, r->opts->groups);
	view_napi_cpus_emit(r->f, p, c, r->opts->groups);
	fmt_doc_end(r->f);
	return cmd_bpf_flush(r->f);
}

static int run(struct napi_run *r)
{
	int ret;

	r->to_real = (int64_t)(clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC));
	r->f = cmd_bpf_fmt_new(r->opts);
	if (!r->f)
		return EXIT_RUNTIME;
	r->opts->iv.read = read_sample;
	r->opts->iv.show = show_interval;
	r->opts->iv.ctx = r;
	ret = interval_run(&r->opts->iv);
	napi_sample_free(&r->s[0]);
	napi_sample_free(&r->s[1]);
	fmt_free(r->f);
	return ret;
}

/*
 * -N and --iface as for drops, but for --iface backlog: the CPUs' backlog,
 * which no device has (so a device named backlog cannot be picked).
 */
static int scope(const struct cmd_bpf_opts *opts, struct napi_bpf_config *cfg)
{
	struct cmd_bpf_opts o = *opts;

	if (o.iface && !strcmp(o.iface, NAPI_BACKLOG_NAME)) {
		cfg->backlog_only = 1;
		o.iface = NULL;
	}
	return cmd_bpf_scope(&o, &cfg->netns_ino, &cfg->ifindex);
}

int napi_run(struct cmd_bpf_opts *opts)
{
	struct napi_run r = { .opts = opts };
	struct loader_error e;
	char why[1024];
	uint64_t t0;
	int ret, err;

	loader_init();
	r.o.attach = opts->attach;
	ret = cmd_enter_netns();
	if (!ret)
		ret = scope(opts, &r.o.cfg);
	if (ret)
		return ret;
	/* Before attaching: once "attached with" is said, SIGINT stops the run cleanly. */
	signals_catch_stop();
	t0 = clock_ns(CLOCK_MONOTONIC);
	err = napi_open(&r.o, &r.n, &e);
	if (err) {
		loader_why(&e, err, why, sizeof(why));
		log_error("%s", why);
		return EXIT_RUNTIME;
	}
	log_debug(1, "attached with %s in %.1f ms", loader_attach_name(napi_attach_method(r.n)),
		  (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	if (napi_softirq_error(r.n))
		log_debug(1, "no NET_RX softirq time: %s", strerror(-napi_softirq_error(r.n)));
	ret = run(&r);
	t0 = clock_ns(CLOCK_MONOTONIC);
	napi_close(r.n);
	log_debug(1, "detached in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	return ret;
}

#endif /* HAVE_BPF */
