/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_drops.c: `sockeye drops`: why packets die: a summary per reason and site, or each drop. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "util/log.h"

#ifdef HAVE_BPF
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>

#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/drops_filter.h"
#include "bpf/drops_sample.h"
#include "bpf/ksyms.h"
#include "util/parse.h"
#include "view/view_drops.h"

enum {
	OPT_EVENTS = CMD_OPT_FIRST_PRIVATE, OPT_DURATION, OPT_REASON, OPT_EXCLUDE_REASON, OPT_IFACE,
	OPT_PROTO, OPT_STACK, OPT_ATTACH, OPT_RING_SIZE, OPT_NO_HEADER,
};

static const struct option drops_longopts[] = {
	{ "events", no_argument, NULL, OPT_EVENTS },
	{ "interval", required_argument, NULL, 'i' },
	{ "count", required_argument, NULL, 'c' },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "exclude-reason", required_argument, NULL, OPT_EXCLUDE_REASON },
	{ "iface", required_argument, NULL, OPT_IFACE },
	{ "proto", required_argument, NULL, OPT_PROTO },
	{ "stack", no_argument, NULL, OPT_STACK },
	{ "attach", required_argument, NULL, OPT_ATTACH },
	{ "ring-size", required_argument, NULL, OPT_RING_SIZE },
	{ "extended", no_argument, NULL, 'e' },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

/* The top rows of a summary whose kernel stacks --stack shows. */
#define TOP_STACKS 5

struct drops_run {
	struct drops_opts o;
	uint64_t interval_ns;
	uint64_t duration_ns;		/* 0: until interrupted */
	uint64_t count;			/* summaries, or events with --events; 0: no limit */
	unsigned groups;
	bool no_header;
	const char *iface;
	struct drop_reasons reasons;
	struct ksyms *ksyms;
	struct view_drops_names names;
	struct drops *d;
	struct fmt *f;
	uint64_t events;		/* events written */
	uint64_t lost_reported;
};

static volatile sig_atomic_t drops_stop;

static void on_stop_signal(int sig)
{
	(void)sig;
	drops_stop = 1;
}

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void print_help(void)
{
	cmd_print_help(cmd_find(cmd_table, cmd_count, "drops", &(bool){ false }));
}

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

	while ((c = getopt_long(argc, argv, "+i:c:eh", drops_longopts, NULL)) != -1) {
		switch (c) {
		case OPT_EVENTS:
			cfg->events = 1;
			break;
		case 'i':
			if (parse_duration_ns(optarg, 10000000ull, 86400000000000ull,
					      &r->interval_ns))
				return cmd_usage_error("-i %s: not an interval from 0.01 to 86400 "
						       "seconds", optarg);
			break;
		case 'c':
			if (parse_u64(optarg, 1, UINT32_MAX, &r->count))
				return cmd_usage_error("-c %s: not a count from 1 to %u", optarg,
						       UINT32_MAX);
			break;
		case OPT_DURATION:
			if (parse_duration_ns(optarg, 10000000ull, 31536000000000000ull,
					      &r->duration_ns))
				return cmd_usage_error("--duration %s: not a duration from 0.01 "
						       "seconds to a year", optarg);
			break;
		case OPT_REASON:
		case OPT_EXCLUDE_REASON:
			err = add_reason(r, optarg, c == OPT_REASON ? DROPS_REASONS_ONLY :
							      DROPS_REASONS_EXCEPT);
			if (err)
				return err;
			break;
		case OPT_IFACE:
			r->iface = optarg;
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
		case OPT_ATTACH:
			if (loader_attach_parse(optarg, &r->o.attach))
				return cmd_usage_error("--attach %s: not tp_btf, raw_tp, kprobe "
						       "or auto", optarg);
			break;
		case OPT_RING_SIZE:
			if (parse_size(optarg, 4096, 1ull << 30, &r->o.ring_bytes) ||
			    (r->o.ring_bytes & (r->o.ring_bytes - 1)))
				return cmd_usage_error("--ring-size %s: not a power of two "
						       "from 4K to 1G", optarg);
			break;
		case 'e':
			r->groups |= FMT_GROUP_DETAIL;
			break;
		case OPT_NO_HEADER:
			r->no_header = true;
			break;
		case 'h':
		case CMD_OPT_HELP:
			print_help();
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_usage_error("%s: unknown option (see sockeye drops --help)",
					       argv[optind - 1]);
		}
	}
	if (cfg->stacks && cfg->events)
		return cmd_usage_error("--stack goes with the summary, not with --events");
	if (drops_filter_parse(argc - optind, argv + optind, cfg, why, sizeof(why)))
		return cmd_usage_error("%s", why);
	return 0;
}

/* Restricts to the namespace sockeye runs in (after -N), and to --iface in it. */
static int scope_to_netns(struct drops_run *r)
{
	struct stat st;

	if (!cmd_globals.netns && !r->iface)
		return 0;
	if (stat("/proc/self/ns/net", &st)) {
		log_error("/proc/self/ns/net: %s", strerror(errno));
		return EXIT_RUNTIME;
	}
	r->o.cfg.netns_ino = (__u32)st.st_ino;
	if (r->iface) {
		r->o.cfg.ifindex = if_nametoindex(r->iface);
		if (!r->o.cfg.ifindex) {
			log_error("--iface %s: no such interface%s", r->iface,
				  cmd_globals.netns ? " in the namespace" : "");
			return EXIT_RUNTIME;
		}
	}
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
		if (e.n)
			loader_explain(&e, why, sizeof(why));
		else
			snprintf(why, sizeof(why), "cannot set up the BPF collector: %s",
				 strerror(-err));
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
	view_drop_stacks_emit(r->f, &r->names, stacks, k, r->groups);
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
	view_drops_emit(r->f, &r->names, rows, (size_t)n, secs, r->groups);
	if (r->o.cfg.stacks)
		emit_stacks(r, prev, cur, rows, (size_t)n);
	fmt_doc_end(r->f);
	free(rows);
	report_lost(r, cur->stats);
	return 0;
}

static int flush_out(struct drops_run *r)
{
	int err = fmt_flush(r->f);

	if (!err)
		return 0;
	if (err != -EPIPE)
		log_error("stdout: %s", strerror(-err));
	return EXIT_RUNTIME;
}

/* Sleeps until deadline (monotonic ns) or a signal; false when stopped. */
static bool wait_until(uint64_t deadline)
{
	while (!drops_stop) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);

		if (now >= deadline)
			return true;
		poll(NULL, 0, (int)((deadline - now + 999999) / 1000000));
	}
	return false;
}

static int run_summary(struct drops_run *r)
{
	struct drops_sample prev = { 0 }, cur = { 0 }, tmp;
	uint64_t start, end, next;
	int ret = 0, err;

	err = drops_read(r->d, &prev);
	if (err)
		goto read_failed;
	start = prev.mono_ns;
	end = r->duration_ns ? start + r->duration_ns : UINT64_MAX;
	next = start + r->interval_ns;
	for (uint64_t i = 0; !r->count || i < r->count; i++) {
		bool stopped = !wait_until(next < end ? next : end);

		err = drops_read(r->d, &cur);
		if (err)
			goto read_failed;
		/* An interval cut short by a signal or --duration is still printed. */
		if (cur.mono_ns > prev.mono_ns) {
			ret = emit_summary(r, &prev, &cur);
			if (!ret)
				ret = flush_out(r);
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
		if (ret || stopped || next >= end)
			break;
		next += r->interval_ns;
	}
	goto out;
read_failed:
	log_error("cannot read the drop counts: %s", strerror(-err));
	ret = EXIT_RUNTIME;
out:
	drops_sample_free(&prev);
	drops_sample_free(&cur);
	return ret;
}

static int on_event(void *ctx, const struct drops_event *ev)
{
	struct drops_run *r = ctx;

	view_drop_event_emit(r->f, &r->names, ev);
	r->events++;
	/* -c reached: stop the ring buffer's loop here; the rest stays unread. */
	return r->count && r->events >= r->count ? -ECANCELED : 0;
}

static int run_events(struct drops_run *r)
{
	struct drops_sample s = { 0 };
	uint64_t end = r->duration_ns ? clock_ns(CLOCK_MONOTONIC) + r->duration_ns : UINT64_MAX;
	uint64_t next_check = clock_ns(CLOCK_MONOTONIC) + 1000000000ull;
	int ret = 0, err;

	view_drop_events_begin(r->f, r->groups);
	while (!drops_stop) {
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
		ret = flush_out(r);
		if (ret)
			break;
		if (clock_ns(CLOCK_MONOTONIC) >= next_check) {
			next_check += 1000000000ull;
			if (!drops_read(r->d, &s))
				report_lost(r, s.stats);
		}
	}
	/* Stopped by time or a signal: what the kernel already queued is still printed. */
	if (!ret && !(r->count && r->events >= r->count))
		drops_poll_events(r->d, 0, on_event, r);
	view_drop_events_end(r->f);
	err = drops_read(r->d, &s);
	if (!err) {
		report_lost(r, s.stats);
		fmt_doc_begin(r->f, "drop_stats");
		view_drop_totals_emit(r->f, s.stats, r->events, r->groups);
		fmt_doc_end(r->f);
	} else if (!ret) {
		log_error("cannot read the drop counters: %s", strerror(-err));
		ret = EXIT_RUNTIME;
	}
	if (!ret)
		ret = flush_out(r);
	drops_sample_free(&s);
	return ret;
}

int cmd_drops(int argc, char **argv)
{
	struct drops_run r = {
		.o = { .attach = LOADER_ATTACH_AUTO, .ring_bytes = 4u << 20, .max_keys = 16384 },
		.interval_ns = 1000000000ull,
	};
	struct sigaction sa = { .sa_handler = on_stop_signal };
	struct fmt_opts fo = { 0 };
	int ret;
	uint64_t t0;

	loader_init();
	/* The names --reason takes come from the running kernel, so they are read first. */
	drop_reasons_btf_load_vmlinux(&r.reasons);
	ret = parse_args(&r, argc, argv);
	if (ret) {
		drop_reasons_free(&r.reasons);
		return ret < 0 ? 0 : ret;
	}
	ret = cmd_enter_netns();
	if (!ret)
		ret = scope_to_netns(&r);
	if (!ret)
		ret = open_collector(&r);
	if (!ret)
		ret = load_names(&r);
	if (ret)
		goto out;
	fo.numeric = cmd_globals.numeric;
	fo.pretty = cmd_globals.pretty;
	fo.no_header = r.no_header;
	r.f = fmt_new(cmd_globals.json ? FMT_JSON : FMT_TEXT, stdout, &fo);
	if (!r.f) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	/* No SA_RESTART: a signal must end the wait at once. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
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
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cmd_print_help(cmd_find(cmd_table, cmd_count, "drops", &(bool){ false }));
			return 0;
		}
	}
	log_error("this build has no BPF support (%s)", NO_BPF_WHY);
	return EXIT_RUNTIME;
}

#endif
