/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: trace's options: the usage text, the option table and its parser, the filter's compile. */
#include "config.h"

#include <string.h>

#include "cli/cmd.h"
#include "cmd/trace/opts.h"

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_trace_usage[] =
	"trace [-i IFACE] [-c COUNT] [-d SECONDS] [-w FILE] [--snaplen N] [--summary]\n"
	"       [--pid PID]... [--comm NAME]... [--cgroup PATH]... [--attach METHOD]\n"
	"       [--max-packets N] [--ring-size SIZE] [FILTER]\n"
	"\n"
	"  -i, --iface IFACE       only packets that start on this interface\n"
	"  -c, --count COUNT       stop after COUNT packets\n"
	"  -d, --duration SECONDS  stop after SECONDS\n"
	"  -w, --write FILE        the packets' first bytes to FILE (pcapng), hops and fate\n"
	"                          in each packet's comment\n"
	"      --snaplen N         bytes of each packet -w keeps (default and most: 256)\n"
	"      --summary           per pair of hops a latency histogram and counts, at the end\n"	"      --pid PID           only packets of process PID's sockets, sent and received\n"
	"                          (repeatable)\n"
	"      --comm NAME         only packets of sockets of processes named NAME (repeatable)\n"
	"      --cgroup PATH       only packets of sockets in cgroup v2 PATH or under it\n"
	"      --attach METHOD     tp_btf, raw_tp or auto (default: the first that works)\n"
	"      --max-packets N     skbs followed at once, the oldest evicted (default 8192)\n"
	"      --ring-size SIZE    the events' ring buffer (default 4M)\n"
	"  FILTER                  a pcap filter expression (tcpdump's), checked at the first hop\n";

#ifdef HAVE_BPF

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "capture/filter.h"
#include "capture/filter_sandbox.h"
#include "cli/signals.h"
#include "util/log.h"
#include "util/parse.h"

enum {
	OPT_SUMMARY = CMD_OPT_FIRST_PRIVATE, OPT_SNAPLEN, OPT_ATTACH, OPT_MAX_PACKETS,
	OPT_RING_SIZE, OPT_PID, OPT_COMM, OPT_CGROUP,
};

#define TRACE_SHORTOPTS "i:c:d:w:h"

static const struct option trace_longopts[] = {
	{ "iface", required_argument, NULL, 'i' },
	{ "count", required_argument, NULL, 'c' },
	{ "duration", required_argument, NULL, 'd' },
	{ "write", required_argument, NULL, 'w' },
	{ "snaplen", required_argument, NULL, OPT_SNAPLEN },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "attach", required_argument, NULL, OPT_ATTACH },
	{ "max-packets", required_argument, NULL, OPT_MAX_PACKETS },
	{ "ring-size", required_argument, NULL, OPT_RING_SIZE },
	{ "pid", required_argument, NULL, OPT_PID },
	{ "comm", required_argument, NULL, OPT_COMM },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

/* The compiled program copied out as sock_filter (the translator's input). */
static int compile_one(const char *expr, int dlt, struct sock_filter **out, size_t *n,
		       char *err, size_t errlen)
{
	struct filter f;
	int ret = filter_sandbox_compile(&f, expr, dlt, TRACE_SNAP_MAX, -1, err, errlen);

	if (ret)
		return ret;
	*n = f.prog.bf_len;
	*out = calloc(*n ? *n : 1, sizeof(**out));
	if (!*out) {
		filter_free(&f);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	for (size_t i = 0; i < *n; i++) {
		const struct bpf_insn *in = &f.prog.bf_insns[i];

		(*out)[i] = (struct sock_filter){ in->code, in->jt, in->jf, in->k };
	}
	filter_free(&f);
	return 0;
}

/*
 * For Ethernet and for raw IP: an expression about link headers ("ether
 * host") compiles for the first only; on raw-IP devices it then selects no
 * packet, as tcpdump's would fail to open there.
 */
static int compile_filter(struct trace_cmd *c)
{
	static const struct sock_filter reject = BPF_STMT(BPF_RET | BPF_K, 0);
	char err[256], err3[256];
	int ret;

	ret = compile_one(c->filter, DLT_EN10MB, &c->l2, &c->nl2, err, sizeof(err));
	if (ret == -EINVAL)
		return cmd_usage_error("%s: %s", c->filter, err);
	if (ret) {
		log_error("filter: %s", err);
		return EXIT_RUNTIME;
	}
	ret = compile_one(c->filter, DLT_RAW, &c->l3, &c->nl3, err3, sizeof(err3));
	if (ret == -EINVAL) {
		c->l3 = calloc(1, sizeof(*c->l3));
		if (!c->l3) {
			log_error("out of memory");
			return EXIT_RUNTIME;
		}
		c->l3[0] = reject;
		c->nl3 = 1;
		log_debug(1, "filter: %s on raw IP devices: no packet selected there", err3);
	} else if (ret) {
		log_error("filter: %s", err3);
		return EXIT_RUNTIME;
	}
	return 0;
}

static int parse_option(struct trace_cmd *c, int opt, char **argv, const char *shortopts)
{
	uint64_t v;

	switch (opt) {
	case 'i':
		c->iface = optarg;
		return 0;
	case 'c':
		if (parse_u64(optarg, 1, UINT64_MAX, &c->count))
			return cmd_usage_error("-c %s: not a count of packets", optarg);
		return 0;
	case 'd':
		if (parse_duration_ns(optarg, 1000000, UINT64_MAX, &c->duration_ns))
			return cmd_usage_error("-d %s: not a duration (1, 0.5, 250ms...)", optarg);
		return 0;
	case 'w':
		c->write_path = optarg;
		return 0;
	case OPT_SNAPLEN:
		if (parse_u64(optarg, 1, TRACE_SNAP_MAX, &v))
			return cmd_usage_error("--snaplen %s: not from 1 to %u", optarg,
					       TRACE_SNAP_MAX);
		c->snaplen = (uint32_t)v;
		return 0;
	case OPT_SUMMARY:
		c->summary = true;
		return 0;
	case OPT_ATTACH:
		if (loader_attach_parse(optarg, &c->attach) || c->attach == LOADER_ATTACH_KPROBE)
			return cmd_usage_error("--attach %s: not tp_btf, raw_tp or auto", optarg);
		return 0;
	case OPT_MAX_PACKETS:
		if (parse_u64(optarg, 16, 1u << 24, &v))
			return cmd_usage_error("--max-packets %s: not from 16 to 16777216", optarg);
		c->max_packets = (uint32_t)v;
		return 0;
	case OPT_RING_SIZE:
		if (parse_size(optarg, 4096, 1ull << 30, &c->ring_bytes) ||
		    (c->ring_bytes & (c->ring_bytes - 1)))
			return cmd_usage_error("--ring-size %s: not a power of two from 4K to 1G",
					       optarg);
		return 0;
	case OPT_PID:
		if (c->pf.n_pids == ATTRIB_FILTER_MAX)
			return cmd_usage_error("--pid: at most %d", ATTRIB_FILTER_MAX);
		if (parse_u64(optarg, 1, INT32_MAX, &v))
			return cmd_usage_error("--pid %s: not a process id", optarg);
		c->pf.pids[c->pf.n_pids++] = (uint32_t)v;
		return 0;
	case OPT_COMM:
		if (c->pf.n_comms == ATTRIB_FILTER_MAX)
			return cmd_usage_error("--comm: at most %d", ATTRIB_FILTER_MAX);
		if (!optarg[0] || strlen(optarg) >= ATTRIB_COMM_LEN)
			return cmd_usage_error("--comm %s: not a command name (1 to %d characters)",
					       optarg, ATTRIB_COMM_LEN - 1);
		c->pf.comms[c->pf.n_comms++] = optarg;
		return 0;
	case OPT_CGROUP:
		if (c->pf.n_cgroups == ATTRIB_FILTER_MAX)
			return cmd_usage_error("--cgroup: at most %d", ATTRIB_FILTER_MAX);
		c->pf.cgroups[c->pf.n_cgroups++] = optarg;
		return 0;
	case 'h':
	case CMD_OPT_HELP:
		cmd_print_usage(cmd_trace_usage);
		return -1;
	}
	if (cmd_common_option(opt, optarg))
		return 0;
	return cmd_option_error("trace", shortopts, opt, argv);
}

int trace_opts_parse(struct trace_cmd *c, int argc, char **argv)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	int opt, err;

	memset(c, 0, sizeof(*c));
	c->attach = LOADER_ATTACH_AUTO;
	c->ring_bytes = 4u << 20;
	c->max_packets = 8192;
	loader_init();
	/* Options anywhere before "--", the filter's words around them, as in tcpdump. */
	cmd_shortopts(shortopts, sizeof(shortopts), TRACE_SHORTOPTS);
	while ((opt = getopt_long(argc, argv, shortopts, trace_longopts, NULL)) != -1) {
		err = parse_option(c, opt, argv, shortopts);
		if (err)
			return err;
	}
	if (c->snaplen && !c->write_path)
		return cmd_usage_error("--snaplen goes with -w");
	if (c->write_path && !c->snaplen)
		c->snaplen = TRACE_DEFAULT_SNAPLEN;
	if (optind < argc) {
		c->filter = cmd_join_words(argc - optind, argv + optind);
		if (!c->filter) {
			log_error("out of memory");
			return EXIT_RUNTIME;
		}
		err = compile_filter(c);
		if (err)
			return err;
	}
	drop_reasons_btf_load_vmlinux(&c->reasons);
	return 0;
}

void trace_opts_free(struct trace_cmd *c)
{
	attrib_filter_fini(&c->pf);
	free(c->filter);
	free(c->l2);
	free(c->l3);
	drop_reasons_free(&c->reasons);
}

#endif /* HAVE_BPF */
