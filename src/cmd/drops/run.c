/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: drops' run: the collector attached, a summary per interval or each drop, detached. */
#include "config.h"

#ifdef HAVE_BPF

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/drops_sample.h"
#include "bpf/ksyms.h"
#include "capture/pktnote.h"
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/drops/process.h"
#include "cmd/drops/run.h"
#include "cmd/drops/view_drops.h"
#include "util/clock.h"
#include "util/log.h"

/* The top rows of a summary whose kernel stacks --stack shows. */
#define TOP_STACKS 5

struct drops_run {
	struct drops_cmd *c;		/* the options */
	struct ksyms *ksyms;
	int ksyms_err;			/* -errno of reading /proc/kallsyms */
	struct view_drops_names names;
	struct drops *d;
	struct drops_sample s[2];	/* the interval loop's two readings */
	struct fmt *f;
	uint64_t events;		/* events written */
	uint64_t lost_reported;
	struct attrib *attrib;		/* process attribution, or NULL */
	struct drops_byproc byproc;	/* --by process: this interval's counts */
	uint64_t byproc_start_ns;
	struct pktnote *w;		/* -w's file, or NULL */
	int err;			/* an event's failure: -ENOMEM, or -w's -errno */
};

/* Reads the symbols before the programs attach; what went wrong is said once they have (a
 * missing privilege is the one line then, not this warning first). */
static int load_names(struct drops_run *r)
{
	r->ksyms_err = ksyms_load("/proc/kallsyms", &r->ksyms);
	r->names.reasons = &r->c->reasons;
	r->names.ksyms = r->ksyms;
	r->names.mono_to_real_ns = (int64_t)(clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC));
	return 0;
}

static void report_names(const struct drops_run *r)
{
	if (r->ksyms_err)
		log_error("/proc/kallsyms: %s: locations shown as addresses", strerror(-r->ksyms_err));
	else if (ksyms_is_hidden(r->ksyms))
		log_error("/proc/kallsyms hides its addresses (kernel.kptr_restrict, or no "
			  "CAP_SYSLOG): locations shown as addresses");
}

static int open_collector(struct drops_run *r)
{
	struct loader_error e;
	char why[1024];
	uint64_t t0 = clock_ns(CLOCK_MONOTONIC);
	int err = drops_open(&r->c->o, &r->d, &e);

	if (err) {
		loader_why(&e, err, why, sizeof(why));
		log_error("%s", why);
		return EXIT_RUNTIME;
	}
	log_debug(1, "attached with %s in %.1f ms", loader_attach_name(drops_attach_method(r->d)),
		  (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	return 0;
}

/* Says on stderr, once per growth, that events were lost; the totals say it again at the end. */
static void report_lost(struct drops_run *r, const uint64_t stats[DROPS_STAT_NR])
{
	if (stats[DROPS_STAT_LOST] > r->lost_reported) {
		log_error("%llu events lost: the ring buffer was full (try a larger --ring-size)",
			  (unsigned long long)(stats[DROPS_STAT_LOST] - r->lost_reported));
		r->lost_reported = stats[DROPS_STAT_LOST];
	}
	if (stats[DROPS_STAT_UNKEYED])
		log_debug(1, "%llu drops counted without a key: the summary map is full",
			  (unsigned long long)stats[DROPS_STAT_UNKEYED]);
}

static void emit_stacks(struct drops_run *r, const struct drops_sample *prev,
			const struct drops_sample *cur, const struct drops_entry *rows, size_t n)
{
	static uint64_t ips[TOP_STACKS][DROPS_STACK_DEPTH];
	struct view_drop_stack stacks[TOP_STACKS];
	size_t k = 0;

	for (size_t i = 0; i < n && k < TOP_STACKS; i++) {
		int32_t id = drops_sample_top_stack(prev, cur, &rows[i]);
		int got = drops_stack(r->d, id, ips[k], DROPS_STACK_DEPTH);
		size_t skip = 0;

		/* The innermost frames are the tracing itself: start at the drop's location. */
		while (got > 0 && skip < (size_t)got && ips[k][skip] != rows[i].key.location)
			skip++;
		if (got > 0 && skip == (size_t)got)
			skip = 0;
		stacks[k].row = &rows[i];
		stacks[k].ips = ips[k] + skip;
		stacks[k].nips = got > 0 ? (size_t)got - skip : 0;
		k++;
	}
	view_drop_stacks_emit(r->f, &r->names, stacks, k, r->c->opts.groups);
}

static int emit_summary(struct drops_run *r, const struct drops_sample *prev,
			const struct drops_sample *cur)
{
	double secs = (double)(cur->mono_ns - prev->mono_ns) / 1e9;
	struct drops_entry *rows;
	uint64_t total = 0;
	int n = drops_sample_diff(prev, cur, &rows);

	if (n < 0) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	for (int i = 0; i < n; i++)
		total += rows[i].count;
	fmt_doc_begin(r->f, "drops");
	fmt_doc_u64(r->f, "ts_ns", (uint64_t)((int64_t)cur->mono_ns + r->names.mono_to_real_ns));
	fmt_doc_u64(r->f, "interval_ns", cur->mono_ns - prev->mono_ns);
	fmt_doc_u64(r->f, "total_drops", total);
	fmt_doc_u64(r->f, "unkeyed_drops",
		    cur->stats[DROPS_STAT_UNKEYED] - prev->stats[DROPS_STAT_UNKEYED]);
	view_drops_emit(r->f, &r->names, rows, (size_t)n, secs, r->c->opts.groups);
	if (r->c->o.cfg.stacks)
		emit_stacks(r, prev, cur, rows, (size_t)n);
	fmt_doc_end(r->f);
	free(rows);
	report_lost(r, cur->stats);
	return 0;
}

static int read_sample(void *ctx, unsigned slot, uint64_t *mono_ns)
{
	struct drops_run *r = ctx;
	int err = drops_read(r->d, &r->s[slot]);

	if (err) {
		log_error("cannot read the drop counts: %s", strerror(-err));
		return EXIT_RUNTIME;
	}
	*mono_ns = r->s[slot].mono_ns;
	return 0;
}

static int show_interval(void *ctx, unsigned prev, unsigned cur)
{
	struct drops_run *r = ctx;
	int ret = emit_summary(r, &r->s[prev], &r->s[cur]);

	return ret ? ret : cmd_bpf_flush(r->f);
}

static int run_summary(struct drops_run *r)
{
	int ret;

	r->c->opts.iv.read = read_sample;
	r->c->opts.iv.show = show_interval;
	r->c->opts.iv.ctx = r;
	ret = interval_run(&r->c->opts.iv);

	drops_sample_free(&r->s[0]);
	drops_sample_free(&r->s[1]);
	return ret;
}

/*
 * -w: the packet's first bytes, "dropped: REASON at LOCATION" (trace -w's
 * words for a drop) and its socket's owner as comments.
 */
static int write_packet(struct drops_run *r, const struct drops_event *ev, struct attrib_proc *owner)
{
	char what[SAVEFILE_MAX_COMMENT_LEN + 1];
	struct pktnote_pkt p = {
		.ts_ns = (uint64_t)((int64_t)ev->ts_ns + r->names.mono_to_real_ns),
		.l3 = ev->flags & DROPS_EV_L3,
		.data = ev->data,
		.caplen = ev->caplen,
		.wirelen = ev->wirelen,
		.what = what,
	};

	drop_reasons_note(r->names.reasons, r->names.ksyms, ev->reason, ev->location, what,
			  sizeof(what));
	if (owner)
		p.whose = attrib_comment(owner, &p.whose_len);
	return pktnote_write(r->w, &p);
}

static int on_event(void *ctx, const struct drops_event *ev)
{
	struct drops_run *r = ctx;
	struct attrib_proc *owners[ATTRIB_MAX_OWNERS];
	unsigned n = 0;

	if (r->attrib) {
		n = drops_process_lookup(r->attrib, ev, owners);
		if (!attrib_select(r->attrib, owners, n))
			return 0;
	}
	if (r->c->by_process) {
		if (drops_byproc_add(&r->byproc, n ? owners[0] : NULL, ev->reason)) {
			r->err = -ENOMEM;
			return -ECANCELED;
		}
		return 0;
	}
	if (r->w) {
		int err = write_packet(r, ev, n ? owners[0] : NULL);

		if (err) {
			r->err = err;
			return -ECANCELED;
		}
	}
	if (r->c->show_events)
		view_drop_event_emit(r->f, &r->names, ev, r->attrib != NULL, owners, n);
	r->events++;
	/* -c reached: stop the ring buffer's loop here; the rest stays unread. */
	return r->c->opts.iv.count && r->events >= r->c->opts.iv.count ? -ECANCELED : 0;
}

/* --by process: the interval's table, in a "drops" document like the summary's. */
static void emit_byproc(struct drops_run *r, uint64_t now)
{
	fmt_doc_begin(r->f, "drops");
	fmt_doc_u64(r->f, "ts_ns", (uint64_t)((int64_t)now + r->names.mono_to_real_ns));
	fmt_doc_u64(r->f, "interval_ns", now - r->byproc_start_ns);
	fmt_doc_u64(r->f, "total_drops", r->byproc.total);
	drops_byproc_emit(&r->byproc, r->f, &r->c->reasons,
			  (double)(now - r->byproc_start_ns) / 1e9, r->c->opts.groups);
	fmt_doc_end(r->f);
	cmd_bpf_flush(r->f);
	r->byproc_start_ns = now;
}

static int run_events(struct drops_run *r)
{
	struct drops_sample s = { 0 };
	const struct interval *iv = &r->c->opts.iv;
	uint64_t end = iv->duration_ns ? clock_ns(CLOCK_MONOTONIC) + iv->duration_ns : UINT64_MAX;
	uint64_t next_check = clock_ns(CLOCK_MONOTONIC) + 1000000000ull;
	int ret = 0, err;

	uint64_t next_emit = clock_ns(CLOCK_MONOTONIC) + iv->every_ns;
	uint64_t shown = 0;

	r->byproc_start_ns = clock_ns(CLOCK_MONOTONIC);
	if (r->c->show_events)
		view_drop_events_begin(r->f, r->c->opts.groups |
					     (r->c->process ? DROPS_GRP_PROCESS : 0));
	while (!signals_stop) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);
		uint64_t until = end < next_check ? end : next_check;

		if (r->c->by_process && next_emit < until)
			until = next_emit;
		if (now >= end)
			break;
		if (r->c->by_process && now >= next_emit) {
			emit_byproc(r, now);
			next_emit += iv->every_ns;
			if (iv->count && ++shown >= iv->count)
				break;
			continue;
		}
		err = drops_poll_events(r->d, now < until ? (int)((until - now + 999999) / 1000000) :
					0, on_event, r);
		if (err == -ECANCELED)
			break;
		if (err < 0 && err != -EINTR) {
			log_error("cannot read the events: %s", strerror(-err));
			ret = EXIT_RUNTIME;
			break;
		}
		ret = cmd_bpf_flush(r->f);
		if (ret)
			break;
		if (clock_ns(CLOCK_MONOTONIC) >= next_check) {
			next_check += 1000000000ull;
			if (!drops_read(r->d, &s))
				report_lost(r, s.stats);
			/* -w: a second's packets at most wait in the buffer. */
			err = r->w ? pktnote_flush(r->w) : 0;
			if (err) {
				log_error("%s: %s", r->c->write_path, savefile_write_strerror(err));
				ret = EXIT_RUNTIME;
				break;
			}
		}
	}
	/* Stopped by time or a signal: what the kernel already queued is still printed. */
	if (!ret && !(iv->count && r->events >= iv->count) && !r->c->by_process)
		drops_poll_events(r->d, 0, on_event, r);
	if (r->err && !ret) {
		if (r->err == -ENOMEM)
			log_error("out of memory");
		else
			log_error("%s: %s", r->c->write_path, savefile_write_strerror(r->err));
		ret = EXIT_RUNTIME;
	}
	/* Stopped inside an interval (time, a signal): its drops are still shown. */
	if (!ret && r->c->by_process && r->byproc.total && !(iv->count && shown >= iv->count))
		emit_byproc(r, clock_ns(CLOCK_MONOTONIC));
	if (r->c->show_events)
		view_drop_events_end(r->f);
	err = drops_read(r->d, &s);
	if (!err) {
		report_lost(r, s.stats);
		/* -w -: standard output is the file. */
		if (!r->w || strcmp(r->c->write_path, "-")) {
			fmt_doc_begin(r->f, "drop_stats");
			view_drop_totals_emit(r->f, s.stats, r->events, r->c->opts.groups);
			fmt_doc_end(r->f);
		}
	} else if (!ret) {
		log_error("cannot read the drop counters: %s", strerror(-err));
		ret = EXIT_RUNTIME;
	}
	if (!ret)
		ret = cmd_bpf_flush(r->f);
	drops_sample_free(&s);
	return ret;
}

static int open_file(struct drops_run *r)
{
	int err = pktnote_open(&r->w, r->c->write_path, r->c->o.cfg.snaplen);

	if (err) {
		log_error("%s: %s", r->c->write_path, savefile_write_strerror(err));
		return EXIT_RUNTIME;
	}
	return 0;
}

int drops_run(struct drops_cmd *c)
{
	struct drops_run r = { .c = c };
	int ret;
	uint64_t t0;

	c->o.attach = c->opts.attach;
	ret = cmd_enter_netns();
	if (!ret)
		ret = cmd_bpf_scope(&c->opts, &c->o.cfg.netns_ino, &c->o.cfg.ifindex);
	/* Everything slow (kallsyms) and the signal handlers come before the programs attach:
	 * once "attached with" is said, counting has begun and SIGINT stops it cleanly (a shell
	 * starts a background job with SIGINT ignored, so an earlier one would be lost). */
	if (!ret)
		ret = load_names(&r);
	if (ret)
		goto out;
	r.f = cmd_bpf_fmt_new(&c->opts);
	if (!r.f) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	signals_catch_stop();
	ret = open_collector(&r);
	if (ret)
		goto out;
	report_names(&r);
	/* After the drops programs: a socket made meanwhile is in the scan. */
	if (drops_opts_attrib(c))
		ret = drops_process_open(c, &r.attrib);
	if (!ret && c->write_path)
		ret = open_file(&r);
	if (!ret)
		ret = c->o.cfg.events ? run_events(&r) : run_summary(&r);
	if (r.w) {
		int err = pktnote_close(r.w);

		if (err && !ret) {
			log_error("%s: %s", c->write_path, savefile_write_strerror(err));
			ret = EXIT_RUNTIME;
		}
	}
out:
	attrib_free(r.attrib);
	drops_byproc_free(&r.byproc);
	t0 = clock_ns(CLOCK_MONOTONIC);
	if (r.d) {
		drops_close(r.d);
		log_debug(1, "detached in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	}
	fmt_free(r.f);
	ksyms_free(r.ksyms);
	return ret;
}

#endif /* HAVE_BPF */
