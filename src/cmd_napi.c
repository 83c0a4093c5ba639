/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_napi.c: `sockeye napi`: how NAPI polls: per instance and CPU, work against budget. */
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

#include "bpf/napi.h"
#include "util/parse.h"
#include "view/view_napi.h"

enum { OPT_DURATION = CMD_OPT_FIRST_PRIVATE, OPT_IFACE, OPT_ATTACH, OPT_NO_HEADER };

static const struct option napi_longopts[] = {
	{ "interval", required_argument, NULL, 'i' },
	{ "count", required_argument, NULL, 'c' },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "iface", required_argument, NULL, OPT_IFACE },
	{ "attach", required_argument, NULL, OPT_ATTACH },
	{ "extended", no_argument, NULL, 'e' },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

struct napi_run {
	struct napi_opts o;
	uint64_t interval_ns;
	uint64_t duration_ns;	/* 0: until interrupted */
	uint64_t count;		/* snapshots; 0: no limit */
	unsigned groups;
	bool no_header;
	const char *iface;
};

static volatile sig_atomic_t napi_stop;

static void on_stop_signal(int sig)
{
	(void)sig;
	napi_stop = 1;
}

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int parse_args(struct napi_run *r, int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "+i:c:eh", napi_longopts, NULL)) != -1) {
		switch (c) {
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
		case OPT_IFACE:
			r->iface = optarg;
			break;
		case OPT_ATTACH:
			if (loader_attach_parse(optarg, &r->o.attach))
				return cmd_usage_error("--attach %s: not tp_btf, raw_tp, kprobe "
						       "or auto", optarg);
			break;
		case 'e':
			r->groups |= FMT_GROUP_DETAIL;
			break;
		case OPT_NO_HEADER:
			r->no_header = true;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_help(cmd_find(cmd_table, cmd_count, "napi", &(bool){ false }));
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_usage_error("%s: unknown option (see sockeye napi --help)",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error("%s: unexpected argument", argv[optind]);
	return 0;
}

/* With -N or --iface, only the devices of the namespace sockeye runs in. */
static int scope_to_netns(struct napi_run *r)
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

static bool wait_until(uint64_t deadline)
{
	while (!napi_stop) {
		uint64_t now = clock_ns(CLOCK_MONOTONIC);

		if (now >= deadline)
			return true;
		poll(NULL, 0, (int)((deadline - now + 999999) / 1000000));
	}
	return false;
}

static int run(struct napi_run *r, struct napi *n)
{
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = r->no_header,
	};
	int64_t to_real = (int64_t)(clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC));
	struct napi_sample prev = { 0 }, cur = { 0 }, tmp;
	uint64_t end, next;
	struct fmt *f;
	int ret = 0, err;

	f = fmt_new(cmd_globals.json ? FMT_JSON : FMT_TEXT, stdout, &fo);
	if (!f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	err = napi_read(n, &prev);
	if (err)
		goto read_failed;
	end = r->duration_ns ? prev.mono_ns + r->duration_ns : UINT64_MAX;
	next = prev.mono_ns + r->interval_ns;
	for (uint64_t i = 0; !r->count || i < r->count; i++) {
		bool stopped = !wait_until(next < end ? next : end);

		err = napi_read(n, &cur);
		if (err)
			goto read_failed;
		if (cur.mono_ns > prev.mono_ns) {
			fmt_doc_begin(f, "napi");
			fmt_doc_u64(f, "ts_ns", (uint64_t)((int64_t)cur.mono_ns + to_real));
			fmt_doc_u64(f, "interval_ns", cur.mono_ns - prev.mono_ns);
			view_napi_emit(f, &prev, &cur, r->groups);
			view_napi_cpus_emit(f, &prev, &cur, r->groups);
			fmt_doc_end(f);
			err = fmt_flush(f);
			if (err) {
				if (err != -EPIPE)
					log_error("stdout: %s", strerror(-err));
				ret = EXIT_RUNTIME;
			}
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
	log_error("cannot read the NAPI counts: %s", strerror(-err));
	ret = EXIT_RUNTIME;
out:
	napi_sample_free(&prev);
	napi_sample_free(&cur);
	fmt_free(f);
	return ret;
}

int cmd_napi(int argc, char **argv)
{
	struct napi_run r = { .o = { .attach = LOADER_ATTACH_AUTO }, .interval_ns = 1000000000ull };
	struct sigaction sa = { .sa_handler = on_stop_signal };
	struct loader_error e;
	struct napi *n = NULL;
	char why[1024];
	uint64_t t0;
	int ret, err;

	loader_init();
	ret = parse_args(&r, argc, argv);
	if (ret)
		return ret < 0 ? 0 : ret;
	ret = cmd_enter_netns();
	if (!ret)
		ret = scope_to_netns(&r);
	if (ret)
		return ret;
	t0 = clock_ns(CLOCK_MONOTONIC);
	err = napi_open(&r.o, &n, &e);
	if (err) {
		if (e.n)
			loader_explain(&e, why, sizeof(why));
		else
			snprintf(why, sizeof(why), "cannot set up the BPF collector: %s",
				 strerror(-err));
		log_error("%s", why);
		return EXIT_RUNTIME;
	}
	log_debug(1, "attached with %s in %.1f ms", loader_attach_name(napi_attach_method(n)),
		  (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	if (napi_softirq_error(n))
		log_debug(1, "no NET_RX softirq time: %s", strerror(-napi_softirq_error(n)));
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	ret = run(&r, n);
	t0 = clock_ns(CLOCK_MONOTONIC);
	napi_close(n);
	log_debug(1, "detached in %.1f ms", (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e6);
	return ret;
}

#else /* !HAVE_BPF */

int cmd_napi(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cmd_print_help(cmd_find(cmd_table, cmd_count, "napi", &(bool){ false }));
			return 0;
		}
	}
	log_error("this build has no BPF support (%s)", NO_BPF_WHY);
	return EXIT_RUNTIME;
}

#endif
