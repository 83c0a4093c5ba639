/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: why's run: settings in their scopes, samples over the interval, funnel, verdict, output. */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "bpf/drop_reasons.h"
#include "bpf/ksyms.h"
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cli/stdout_check.h"
#include "cmd/why/advice.h"
#include "cmd/why/funnel.h"
#include "cmd/why/run.h"
#include "cmd/why/sample.h"
#include "cmd/why/view_why.h"
#include "out/tui.h"
#include "util/clock.h"
#include "util/kallsyms_pick.h"
#include "util/log.h"

struct why_state {
	struct why_opts *o;
	struct why_scope scope;
	struct why_settings settings;
	struct why_sampler *sampler;
	struct drop_reasons reasons;
	const char *sysfs;		/* the namespace's sysfs, or NULL when we have none */
	struct why_sample s[2];
	unsigned groups;
	uint64_t start_ns;		/* CLOCK_MONOTONIC when why began */
};

/*
 * Under -N, /sys still shows the namespace sysfs was mounted in (the host's):
 * RPS settings are read through a sysfs mounted in a mount namespace of our
 * own, as `ip netns exec` does.  NULL when that cannot be done.
 */
static const char *namespace_sysfs(void)
{
	if (!cmd_globals.netns)
		return "/sys";
	if (unshare(CLONE_NEWNS) || mount("", "/", NULL, MS_SLAVE | MS_REC, NULL) ||
	    umount2("/sys", MNT_DETACH) || mount("sysfs", "/sys", "sysfs", 0, NULL)) {
		log_debug(1, "no sysfs of the namespace: %s", strerror(errno));
		return NULL;
	}
	return "/sys";
}

static int take(struct why_state *st, unsigned slot)
{
	const struct why_sample *prev = st->s[slot ^ 1].mono_ns ? &st->s[slot ^ 1] : NULL;
	const char *source = NULL;
	uint64_t cpu0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	int err;

	why_sample_free(&st->s[slot]);
	err = why_sample_take(st->sampler, prev, &st->s[slot], &source);
	/* bench/why.sh reads it: one sample of every layer costs this much CPU. */
	log_debug(1, "sample of every layer: %.2f ms of CPU",
		  (double)(clock_ns(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / 1e6);
	if (err) {
		log_error("%s: cannot read the kernel's counters: %s", source, strerror(-err));
		return EXIT_RUNTIME;
	}
	if (st->o->iface && !st->scope.ifindex) {
		log_error("-i %s: no such interface%s%s", st->o->iface,
			  cmd_globals.netns ? " in " : "", cmd_globals.netns ? cmd_globals.netns : "");
		return EXIT_RUNTIME;
	}
	return 0;
}

/* The causes' kernel locations as symbols (only theirs: kallsyms is big). */
static void name_locations(struct why_funnel *f)
{
	uint64_t addrs[64];
	struct ksyms *k = NULL;
	size_t n = 0, len;
	char *text = NULL;

	for (size_t i = 0; i < f->ncauses && n < 64; i++)
		if (f->causes[i].top_location)
			addrs[n++] = f->causes[i].top_location;
	if (!n)
		return;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && addrs[j - 1] > addrs[j]; j--) {
			uint64_t t = addrs[j];

			addrs[j] = addrs[j - 1];
			addrs[j - 1] = t;
		}
	if (kallsyms_pick("/proc/kallsyms", addrs, n, &text, &len) || !text ||
	    ksyms_parse(text, len, &k)) {
		free(text);
		return;
	}
	for (size_t i = 0; i < f->ncauses; i++)
		if (f->causes[i].top_location)
			ksyms_format(k, f->causes[i].top_location, f->causes[i].location,
				     sizeof(f->causes[i].location));
	ksyms_free(k);
	free(text);
}

/* One document: the interval's funnel from slot a to slot b, and its verdicts. */
static int emit(struct why_state *st, struct fmt *f, unsigned a, unsigned b)
{
	struct why_verdict v[WHY_VERDICTS_MAX];
	struct why_context ctx = {
		.settings = &st->settings,
		.packet = &st->s[b].ks.packet,
		.sysfs = st->sysfs,
		.proc = "/proc",
	};
	struct why_funnel fn;
	size_t nv;
	int err;

	err = why_funnel_build(&fn, &st->s[a], &st->s[b], &st->scope,
			       st->reasons.n ? &st->reasons : NULL,
			       why_sampler_drops_why(st->sampler));
	if (err) {
		why_funnel_free(&fn);
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	name_locations(&fn);
	nv = why_advise(&fn, &ctx, v);
	fmt_doc_begin(f, "why");
	fmt_doc_u64(f, "ts_ns", st->s[b].real_ns);
	fmt_doc_u64(f, "interval_ns", st->s[b].mono_ns - st->s[a].mono_ns);
	fmt_doc_u64(f, "drops", fn.total);
	if (st->o->iface)
		fmt_doc_str(f, "iface", st->o->iface);
	if (cmd_globals.netns)
		fmt_doc_str(f, "netns", cmd_globals.netns);
	fmt_doc_str(f, "verdict", nv ? v[0].cause->name : "none");
	view_why_layers_emit(f, &fn, st->groups);
	view_why_causes_emit(f, &fn, st->groups);
	if (st->groups & FMT_GROUP_DETAIL || fmt_mode(f) == FMT_JSON)
		view_why_details_emit(f, &fn, st->groups);
	view_why_verdicts_emit(f, v, nv, st->groups);
	fmt_doc_end(f);
	why_funnel_free(&fn);
	return 0;
}

/* Text and JSON: one funnel, or one per interval with --watch. */
static int run_batch(struct why_state *st, struct fmt *f)
{
	uint64_t deadline;
	unsigned cur = 0;
	int ret, err;

	ret = take(st, cur);
	/* Said once counting has begun: the tests provoke their loss after it. */
	if (!ret)
		log_debug(1, "first sample taken");
	/*
	 * -d is how long why runs: the first interval ends that long after why
	 * began, so attaching the BPF programs (some 0.1 s) does not lengthen
	 * the run; interval_ns says what was sampled.  Unless starting took
	 * more than half of it: then the interval is -d from the first sample.
	 */
	deadline = st->start_ns;
	if (clock_ns(CLOCK_MONOTONIC) - st->start_ns > st->o->duration_ns / 2)
		deadline = clock_ns(CLOCK_MONOTONIC);
	for (uint64_t shown = 0; !ret;) {
		deadline += st->o->duration_ns;
		/* Interrupted: the funnel of the time sampled so far is still shown. */
		clock_sleep_until(deadline, &signals_stop);
		ret = take(st, cur ^ 1);
		if (ret)
			break;
		ret = emit(st, f, cur, cur ^ 1);
		err = ret ? 0 : fmt_flush(f);
		if (err) {
			stdout_check_note(err);	/* main reports it, once (EPIPE: not at all) */
			ret = EXIT_RUNTIME;
		}
		cur ^= 1;
		shown++;
		if (!st->o->watch || signals_stop || (st->o->count && shown >= st->o->count))
			break;
	}
	return ret;
}

/* --watch on a terminal: top's live view of the funnel, a frame per interval. */
static int run_live(struct why_state *st, struct fmt *f)
{
	struct tui *tv = NULL;
	char status[128];
	uint64_t deadline;
	unsigned cur = 0;
	int ret;

	ret = take(st, cur);
	if (ret)
		return ret;
	tv = tui_open();
	if (!tv) {
		log_error("cannot start the terminal view: %s (try -j)", strerror(errno));
		return EXIT_RUNTIME;
	}
	snprintf(status, sizeof(status), "every %.3gs", (double)st->o->duration_ns / 1e9);
	tui_set_header(tv, "sockeye why: where packets are lost, layer by layer");
	deadline = clock_ns(CLOCK_MONOTONIC) + st->o->duration_ns;
	for (uint64_t shown = 0;;) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);
		enum tui_event ev = tui_wait(tv, deadline > now ?
						     (int)((deadline - now + 999999) / 1000000) : 0);

		if (ev == TUI_QUIT)
			break;
		if (ev == TUI_REDRAW) {
			if (shown)
				tui_draw(tv, fmt_tui_frame(f), status);
			continue;
		}
		deadline += st->o->duration_ns;
		if (deadline < clock_ns(CLOCK_MONOTONIC))
			deadline = clock_ns(CLOCK_MONOTONIC) + st->o->duration_ns;
		ret = take(st, cur ^ 1);
		if (ret)
			break;
		if (!tui_is_paused(tv)) {
			ret = emit(st, f, cur, cur ^ 1);
			if (ret)
				break;
			tui_draw(tv, fmt_tui_frame(f), status);
		}
		cur ^= 1;
		if (st->o->count && ++shown >= st->o->count)
			break;
		shown += !st->o->count;
	}
	tui_close(tv);
	return ret;
}

int why_run(struct why_opts *o)
{
	struct why_state st = { .o = o };
	struct fmt_opts fo = { .numeric = cmd_globals.numeric, .no_header = o->no_header };
	bool live = o->watch && !cmd_globals.json && !cmd_globals.pretty && isatty(STDOUT_FILENO);
	struct fmt *f = NULL;
	uint64_t t0;
	int ret;

	st.start_ns = clock_ns(CLOCK_MONOTONIC);
	st.scope.iface = o->iface;
	st.scope.pid = o->pid;
	st.scope.filter = o->has_filter ? &o->filter : NULL;
	st.groups = o->extended ? FMT_GROUP_DETAIL : 0;
	/* The host's settings while still in its namespace: -N's /proc/sys has none of them. */
	st.settings.netns = cmd_globals.netns;
	why_settings_read(&st.settings, SYSCTL_HOST);
	if (cmd_enter_netns())
		return EXIT_RUNTIME;
	why_settings_read(&st.settings, SYSCTL_NETNS);
	st.sysfs = namespace_sysfs();
	t0 = clock_ns(CLOCK_MONOTONIC);
	drop_reasons_btf_load_vmlinux(&st.reasons);
	log_debug(1, "drop reason names read in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	t0 = clock_ns(CLOCK_MONOTONIC);
	st.sampler = why_sampler_new(&st.scope);
	log_debug(1, "samplers ready in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	if (!st.sampler) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	if (why_sampler_drops_why(st.sampler))
		log_debug(1, "drop reasons absent: %s", why_sampler_drops_why(st.sampler));
	f = live ? fmt_new(FMT_TUI, NULL, &fo) : cmd_fmt_new(stdout, &fo);
	if (!f) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	signals_catch_stop();
	ret = live ? run_live(&st, f) : run_batch(&st, f);
out:
	fmt_free(f);
	why_sample_free(&st.s[0]);
	why_sample_free(&st.s[1]);
	why_sampler_free(st.sampler);
	drop_reasons_free(&st.reasons);
	return ret;
}
