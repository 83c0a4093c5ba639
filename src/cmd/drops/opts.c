/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: drops' options: the usage text, the option table and its parser. */
#include "config.h"

#include <string.h>

#include "cli/cmd.h"
#include "cmd/drops/opts.h"

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_drops_usage[] =
	"drops [--events] [-i SECONDS] [-c COUNT] [--duration SECONDS] [--reason NAME]...\n"
	"       [--exclude-reason NAME]... [--iface NAME] [--proto NAME] [--stack]\n"
	"       [--attach METHOD] [--ring-size SIZE] [--process] [--by process] [--pid PID]...\n"
	"       [--cgroup PATH]... [-w FILE [-s SNAPLEN]] [-e] [--no-header] [FILTER]\n"
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
	"      --process           --events: the process of the packet's socket (comm/pid)\n"
	"      --by process        a summary per process, cgroup and reason\n"
	"      --pid PID           --events, --by process: only drops of PID's sockets\n"
	"      --cgroup PATH       --events, --by process: only drops of sockets in cgroup PATH\n"
	"  -w, --write FILE        the dropped packets' first bytes to FILE (pcapng), reason,\n"
	"                          location and process in each packet's comment\n"
	"  -s, --snaplen N         bytes of each packet -w keeps (default and most: 256)\n"
	"  -e, --extended          more columns in text\n"
	"      --no-header         text without column headers\n"
	"  FILTER                  [src|dst] host ADDR, [src|dst] port N, PROTO; joined by and\n";

#ifdef HAVE_BPF

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/drops_filter.h"
#include "util/log.h"
#include "util/parse.h"

enum {
	OPT_EVENTS = CMD_BPF_OPT_FIRST_PRIVATE, OPT_REASON, OPT_EXCLUDE_REASON, OPT_PROTO, OPT_STACK,
	OPT_RING_SIZE, OPT_LIST_REASONS, OPT_PROCESS, OPT_BY, OPT_PID, OPT_CGROUP,
};

/* The letters of every BPF command, and -w and -s of tcpdump's meaning. */
#define DROPS_SHORTOPTS CMD_BPF_SHORTOPTS "w:s:"

static const struct option drops_longopts[] = {
	{ "events", no_argument, NULL, OPT_EVENTS },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "exclude-reason", required_argument, NULL, OPT_EXCLUDE_REASON },
	{ "proto", required_argument, NULL, OPT_PROTO },
	{ "stack", no_argument, NULL, OPT_STACK },
	{ "ring-size", required_argument, NULL, OPT_RING_SIZE },
	{ "process", no_argument, NULL, OPT_PROCESS },
	{ "by", required_argument, NULL, OPT_BY },
	{ "pid", required_argument, NULL, OPT_PID },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	{ "write", required_argument, NULL, 'w' },
	{ "snaplen", required_argument, NULL, 's' },
	/* Hidden (not in the usage): what the shell completions offer after --reason. */
	{ "list-reasons", no_argument, NULL, OPT_LIST_REASONS },
	CMD_BPF_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

/* --reason / --exclude-reason: a name of the running kernel's enum skb_drop_reason. */
static int add_reason(struct drops_cmd *r, const char *name, enum drops_reason_mode mode)
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

/*
 * The filter operands as tcpdump takes them: joined with spaces, then split
 * into words again, so 'dst port 53' quoted as one argument reads as three.
 */
static int parse_filter(struct drops_config *cfg, int argc, char **argv)
{
	size_t len = 1;
	char why[256], *text, **words, *save = NULL;
	int n = 0, ret = 0;

	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	text = calloc(1, len);
	/* At most one word per two characters of text, the last one's end included. */
	words = calloc(len / 2 + 1, sizeof(*words));
	if (!text || !words) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(text, " ");
		strcat(text, argv[i]);
	}
	for (char *w = strtok_r(text, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save))
		words[n++] = w;
	if (drops_filter_parse(n, words, cfg, why, sizeof(why)))
		ret = cmd_usage_error("%s", why);
out:
	free(words);
	free(text);
	return ret;
}

/* --list-reasons: the running kernel's reason names, one a line; -1 (exit 0) or EXIT_RUNTIME. */
static int list_reasons(const struct drop_reasons *reasons)
{
	if (!reasons->n) {
		log_error("--list-reasons: this kernel's BTF names no drop reasons");
		return EXIT_RUNTIME;
	}
	for (size_t i = 0; i < reasons->n; i++)
		printf("%s\n", reasons->v[i].name);
	return -1;
}

static int parse_args(struct drops_cmd *r, int argc, char **argv)
{
	struct drops_config *cfg = &r->o.cfg;
	uint16_t ethertype;
	uint8_t ip_proto;
	uint64_t pid, snaplen = 0;
	char shortopts[CMD_SHORTOPTS_LEN];
	int c, err;

	/* Options anywhere before "--", the filter's words around them, as in tcpdump. */
	cmd_shortopts(shortopts, sizeof(shortopts), DROPS_SHORTOPTS);
	while ((c = getopt_long(argc, argv, shortopts, drops_longopts, NULL)) != -1) {
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
		case OPT_PROCESS:
			r->process = true;
			break;
		case OPT_BY:
			if (strcmp(optarg, "process"))
				return cmd_usage_error("--by %s: only process", optarg);
			r->by_process = true;
			break;
		case OPT_PID:
			if (r->pf.n_pids == ATTRIB_FILTER_MAX)
				return cmd_usage_error("--pid: at most %d", ATTRIB_FILTER_MAX);
			if (parse_u64(optarg, 1, INT32_MAX, &pid))
				return cmd_usage_error("--pid %s: not a process id", optarg);
			r->pf.pids[r->pf.n_pids++] = (uint32_t)pid;
			break;
		case OPT_CGROUP:
			if (r->pf.n_cgroups == ATTRIB_FILTER_MAX)
				return cmd_usage_error("--cgroup: at most %d", ATTRIB_FILTER_MAX);
			r->pf.cgroups[r->pf.n_cgroups++] = optarg;
			break;
		case 'w':
			r->write_path = optarg;
			break;
		case 's':
			if (parse_u64(optarg, 1, DROPS_SNAP_MAX, &snaplen))
				return cmd_usage_error("-s %s: not from 1 to %u", optarg,
						       DROPS_SNAP_MAX);
			break;
		case OPT_LIST_REASONS:
			return list_reasons(&r->reasons);
		case OPT_RING_SIZE:
			if (parse_size(optarg, 4096, 1ull << 30, &r->o.ring_bytes) ||
			    (r->o.ring_bytes & (r->o.ring_bytes - 1)))
				return cmd_usage_error("--ring-size %s: not a power of two "
						       "from 4K to 1G", optarg);
			break;
		default:
			err = cmd_bpf_option(&r->opts, "drops", cmd_drops_usage, c, optarg, argv);
			if (err)
				return err;
		}
	}
	if (cfg->stacks && cfg->events)
		return cmd_usage_error("--stack goes with the summary, not with --events");
	if (r->by_process && (cfg->events || cfg->stacks))
		return cmd_usage_error("--by process is a summary of its own: not with --events or "
				       "--stack");
	if (r->process && !cfg->events)
		return cmd_usage_error("--process goes with --events (--by process: a summary)");
	if (attrib_filter_active(&r->pf) && !cfg->events && !r->by_process && !r->write_path)
		return cmd_usage_error("--pid and --cgroup need --events, --by process or -w");
	if (snaplen && !r->write_path)
		return cmd_usage_error("-s goes with -w");
	if (r->write_path && !strcmp(r->write_path, "-") && cfg->events)
		return cmd_usage_error("-w - writes the file to standard output: not with --events");
	if (r->write_path && (r->by_process || cfg->stacks))
		return cmd_usage_error("-w writes each drop: not with --by process or --stack");
	/* Per process: each drop comes to user space, which finds its socket's owner. */
	if (r->by_process)
		cfg->events = 1;
	/* -w: each drop comes with its first bytes; shown too only with --events. */
	r->show_events = cfg->events && !r->by_process;
	if (r->write_path) {
		cfg->events = 1;
		cfg->snaplen = snaplen ? (__u32)snaplen : DROPS_DEFAULT_SNAPLEN;
	}
	return parse_filter(cfg, argc - optind, argv + optind);
}

int drops_opts_parse(struct drops_cmd *c, int argc, char **argv)
{
	memset(c, 0, sizeof(*c));
	c->o.ring_bytes = 4u << 20;
	c->o.max_keys = 16384;
	/* Before the first BTF read: its big blocks go back to the system once freed. */
	loader_init();
	cmd_bpf_opts_init(&c->opts);
	/* The names --reason takes come from the running kernel, so they are read first. */
	drop_reasons_btf_load_vmlinux(&c->reasons);
	return parse_args(c, argc, argv);
}

bool drops_opts_attrib(const struct drops_cmd *c)
{
	return c->process || c->by_process || attrib_filter_active(&c->pf) || c->write_path ||
	       (c->o.cfg.events && cmd_globals.json);
}

void drops_opts_free(struct drops_cmd *c)
{
	attrib_filter_fini(&c->pf);
	drop_reasons_free(&c->reasons);
}

#endif /* HAVE_BPF */
