/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_drops.c: `sockeye drops`: why packets die: a summary per reason and site, or each drop. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/bpf_opts.h"
#include "cli/signals.h"
#include "util/log.h"

#ifdef HAVE_BPF
#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/drops_filter.h"
#include "bpf/drops_sample.h"
#include "bpf/ksyms.h"
#include "util/clock.h"
#include "util/parse.h"
#include "cmd/drops/view_drops.h"

enum {
	OPT_EVENTS = CMD_BPF_OPT_FIRST_PRIVATE, OPT_REASON, OPT_EXCLUDE_REASON, OPT_PROTO, OPT_STACK,
	OPT_RING_SIZE,
};

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_drops_usage[] =
	"drops [--events] [-i SECONDS] [-c COUNT] [--duration SECONDS] [--reason NAME]...\n"
	"       [--exclude-reason NAME]... [--iface NAME] [--proto NAME] [--stack]\n"
	"       [--attach METHOD] [--ring-size SIZE] [-e] [--no-header] [FILTER]\n"
	"\n"
	"      --events            one record per drop instead of the summary\n"
	"  -i, --interval SECONDS  a summary every SECONDS (default 1)\n"
	"  -c, --count COUNT       stop after COUNT summaries (--events: COUNT drops)\n"
	"      --duration SECONDS  stop after SECONDS\n"
	"      --reason NAME       only drops with this reason (repeat for more)\n"
	"      --exclude-reason NAME  every drop but those with this reason (repeatable)\n"
	"      --iface NAME        only drops on this interface\n"
	"      --proto NAME        only this protocol: tcp, udp, icmp, icmpv6, ipv4, ipv6, arp...\n"
	"      --stack             kernel stacks of the top drop locations\n"
	"      --attach METHOD     tp_btf, raw_tp, kprobe or auto (default: the first that works)\n"
	"      --ring-size SIZE    the --events ring buffer (default 4M)\n"
	"  -e, --extended          more columns in text\n"
	"      --no-header         text without column headers\n"
	"  FILTER                  [src|dst] host ADDR, [src|dst] port N, PROTO; joined by and\n";

static const struct option drops_longopts[] = {
	{ "events", no_argument, NULL, OPT_EVENTS },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "exclude-reason", required_argument, NULL, OPT_EXCLUDE_REASON },
	{ "proto", required_argument, NULL, OPT_PROTO },
	{ "stack", no_argument, NULL, OPT_STACK },
	{ "ring-size", required_argument, NULL, OPT_RING_SIZE },
	CMD_BPF_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

/* The top rows of a summary whose kernel stacks --stack shows. */
#define TOP_STACKS 5

struct drops_run {
	struct cmd_bpf_opts opts;	/* -c counts summaries, or events with --events */
	struct drops_opts o;
	struct drop_reasons reasons;
	struct ksyms *ksyms;
	struct view_drops_names names;
	struct drops *d;
	struct drops_sample s[2];	/* the interval loop's two readings */
	struct fmt *f;
	uint64_t events;		/* events written */
	uint64_t lost_reported;
};

/* --reason / --exclude-reason: a name of the running kernel's enum skb_drop_reason. */
static int add_reason(struct drops_run *r, const char *name, enum drops_reason_mode mode)
{
	struct drops_config *cfg = &r->o.cfg;
	uint32_t v;

	if (cfg->reason_mode != DROPS_REASONS_ALL && cfg->reason_mode != mode)
		return cmd_usage_error("--reason and --exclude-reason exclude each other");
	if (drop_reasons_value(&r->reasons, name, &v)) {
		if (!r->reasons.n)
			return cmd_usage_error("--reason %s: this kernel's BTF names no drop reasons",
					       name);
		return cmd_usage_error("%s: not a drop reason of this kernel (such as NO_SOCKET, "
				       "NETFILTER_DROP; see enum skb_drop_reason)", name);
	}
	if (v >= DROPS_REASON_BITS)
		return cmd_usage_error("%s: reason %u is past the filter's %u", name, v,
				       DROPS_REASON_BITS);
	cfg->reason_mode = (__u8)mode;
	cfg->reason_mask[v / 64] |= 1ull << (v % 64);
	return 0;
}

static int parse_args(struct drops_run *r, int argc, char **argv)
{
	struct drops_config *cfg = &r->o.cfg;
	uint16_t ethertype;
	uint8_t ip_proto;
	char why[256];
	int c, err;

	while ((c = getopt_long(argc, argv, CMD_BPF_SHORTOPTS, drops_longopts, NULL)) != -1) {
		switch (c) {
		case OPT_EVENTS:
			cfg->events = 1;
			break;
		case OPT_REASON:
		case OPT_EXCLUDE_REASON:
			err = add_reason(r, optarg, c == OPT_REASON ? DROPS_REASONS_ONLY :
							      DROPS_REASONS_EXCEPT);
			if (err)
				return err;
			break;
		case OPT_PROTO:
			if (drops_filter_proto_parse(optarg, &ethertype, &ip_proto))
				return cmd_usage_error("--proto %s: not a protocol (tcp, udp, icmp, "
						       "icmpv6, ipv4, ipv6, arp...)", optarg);
			cfg->ethertype = ethertype;
			cfg->ip_proto = ip_proto;
			break;
		case OPT_STACK:
			cfg->stacks = 1;
			break;
		case OPT_RING_SIZE:
			if (parse_size(optarg, 4096, 1ull << 30, &r->o.ring_bytes) ||
			    (r->o.ring_bytes & (r->o.ring_bytes - 1)))
				return cmd_usage_error("--ring-size %s: not a power of two "
						       "from 4K to 1G", optarg);
			break;
		default:
			err = cmd_bpf_option(&r->opts, "drops", c, optarg, argv[optind - 1]);
			if (err)
				return err;
		}
	}
	if (cfg->stacks && cfg->events)
		return cmd_usage_error("--stack goes with the summary, not with --events");
	if (drops_filter_parse(argc - optind, argv + optind, cfg, why, sizeof(why)))
		return cmd_usage_error("%s", why);
	return 0;
}

static int load_names(struct drops_run *r)
{
	int err = ksyms_load("/proc/kallsyms", &r->ksyms);

	if (err)
		log_error("/proc/kallsyms: %s: locations shown as addresses", strerror(-err));
	else if (ksyms_is_hidden(r->ksyms))
		log_error("/proc/kallsyms hides its addresses (kernel.kptr_restrict, or no "
			  "CAP_SYSLOG): locations shown as addresses");
	r->names.reasons = &r->reasons;
	r->names.ksyms = r->ksyms;
	r->names.mono_to_real_ns = (int64_t)(clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC));
	return 0;
}

static int open_collector(struct drops_run *r)
{
	struct loader_error e;
	char why[1024];
	uint64_t t0 = clock_ns(CLOCK_MONOTONIC);
	int err = drops_open(&r->o, &r->d, &e);

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
	view_drop_stacks_emit(r->f, &r->names, stacks, k, r->opts.groups);
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
	view_drops_emit(r->f, &r->names, rows, (size_t)n, secs, r->opts.groups);
	if (r->o.cfg.stacks)
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

	r->opts.iv.read = read_sample;
	r->opts.iv.show = show_interval;
	r->opts.iv.ctx = r;
	ret = interval_run(&r->opts.iv);

	drops_sample_free(&r->s[0]);
	drops_sample_free(&r->s[1]);
	return ret;
}

static int on_event(void *ctx, const struct drops_event *ev)
{
	struct drops_run *r = ctx;

	view_drop_event_emit(r->f, &r->names, ev);
	r->events++;
	/* -c reached: stop the ring buffer's loop here; the rest stays unread. */
	return r->opts.iv.count && r->events >= r->opts.iv.count ? -ECANCELED : 0;
}

static int run_events(struct drops_run *r)
{
	struct drops_sample s = { 0 };
	uint64_t end = r->opts.iv.duration_ns ? clock_ns(CLOCK_MONOTONIC) + r->opts.iv.duration_ns : UINT64_MAX;
	uint64_t next_check = clock_ns(CLOCK_MONOTONIC) + 1000000000ull;
	int ret = 0, err;

	view_drop_events_begin(r->f, r->opts.groups);
	while (!signals_stop) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);
		uint64_t until = end < next_check ? end : next_check;

		if (now >= end)
			break;
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
		}
	}
	/* Stopped by time or a signal: what the kernel already queued is still printed. */
	if (!ret && !(r->opts.iv.count && r->events >= r->opts.iv.count))
		drops_poll_events(r->d, 0, on_event, r);
	view_drop_events_end(r->f);
	err = drops_read(r->d, &s);
	if (!err) {
		report_lost(r, s.stats);
		fmt_doc_begin(r->f, "drop_stats");
		view_drop_totals_emit(r->f, s.stats, r->events, r->opts.groups);
		fmt_doc_end(r->f);
	} else if (!ret) {
		log_error("cannot read the drop counters: %s", strerror(-err));
		ret = EXIT_RUNTIME;
	}
	if (!ret)
		ret = cmd_bpf_flush(r->f);
	drops_sample_free(&s);
	return ret;
}

int cmd_drops(int argc, char **argv)
{
	struct drops_run r = { .o = { .ring_bytes = 4u << 20, .max_keys = 16384 } };
	int ret;
	uint64_t t0;

	loader_init();
	cmd_bpf_opts_init(&r.opts);
	/* The names --reason takes come from the running kernel, so they are read first. */
	drop_reasons_btf_load_vmlinux(&r.reasons);
	ret = parse_args(&r, argc, argv);
	if (ret) {
		drop_reasons_free(&r.reasons);
		return ret < 0 ? 0 : ret;
	}
	r.o.attach = r.opts.attach;
	ret = cmd_enter_netns();
	if (!ret)
		ret = cmd_bpf_scope(&r.opts, &r.o.cfg.netns_ino, &r.o.cfg.ifindex);
	if (!ret)
		ret = open_collector(&r);
	if (!ret)
		ret = load_names(&r);
	if (ret)
		goto out;
	r.f = cmd_bpf_fmt_new(&r.opts);
	if (!r.f) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	signals_catch_stop();
	ret = r.o.cfg.events ? run_events(&r) : run_summary(&r);
out:
	t0 = clock_ns(CLOCK_MONOTONIC);
	if (r.d) {
		drops_close(r.d);
		log_debug(1, "detached in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	}
	fmt_free(r.f);
	ksyms_free(r.ksyms);
	drop_reasons_free(&r.reasons);
	return ret;
}

#else /* !HAVE_BPF */

int cmd_drops(int argc, char **argv)
{
	return cmd_bpf_unavailable("drops", argc, argv);
}

#endif
