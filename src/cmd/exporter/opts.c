/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.c: the exporter's options: the usage text, the option table and its parser. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cmd/exporter/collector.h"
#include "cmd/exporter/opts.h"
#include "util/parse.h"

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_exporter_usage[] =
	"exporter [--listen ADDR:PORT] [--web-config FILE] [--collectors LIST]\n"
	"       [--device-include REGEX]"
	" [--device-exclude REGEX] [--cache SECONDS] [--max-connections N]\n"
	"       [--timeout SECONDS] [--connection-memory BYTES] [-N NAME | --all-netns]\n"
	"\n"
	"Serves the receive path's counters to Prometheus: /metrics (the text format, or\n"
	"OpenMetrics when the scraper's Accept header asks), / and /-/healthy.\n"
	"\n"
	"      --listen ADDR:PORT      where to listen (default " EXPORTER_LISTEN_DEFAULT
	"; :PORT for every address)\n"
	"      --web-config FILE       TLS, client certificates, headers and basic auth users,\n"
	"                              in the exporter-toolkit format\n"
	"      --collectors LIST       the collectors to run, comma-separated (default: all):\n"
	"                              softnet softirqs netdev snmp sockets packet drops napi\n"
	"      --device-include REGEX  only devices whose name matches (extended regex)\n"
	"      --device-exclude REGEX  no device whose name matches\n"
	"      --cache SECONDS         serve a collection again for this long (default 0.5)\n"
	"      --max-connections N     open HTTP connections at most (default 64)\n"
	"      --timeout SECONDS       close a connection idle this long (default 10)\n"
	"      --connection-memory BYTES\n"
	"                              memory per connection for the request (default 16K);\n"
	"                              a longer request head gets 431\n"
	"  -N, --netns NAME            serve that network namespace (and listen in it)\n"
	"      --all-netns             every network namespace (named, and those processes are\n"
	"                              in): netdev, snmp, sockets and packet labelled netns\n";

enum {
	OPT_LISTEN = CMD_OPT_FIRST_PRIVATE,
	OPT_WEB_CONFIG,
	OPT_COLLECTORS,
	OPT_DEV_INCLUDE,
	OPT_DEV_EXCLUDE,
	OPT_CACHE,
	OPT_MAX_CONNS,
	OPT_TIMEOUT,
	OPT_CONN_MEMORY,
	OPT_ALL_NETNS,
};

static const struct option exporter_longopts[] = {
	{ "listen", required_argument, NULL, OPT_LISTEN },
	{ "web-config", required_argument, NULL, OPT_WEB_CONFIG },
	{ "collectors", required_argument, NULL, OPT_COLLECTORS },
	{ "device-include", required_argument, NULL, OPT_DEV_INCLUDE },
	{ "device-exclude", required_argument, NULL, OPT_DEV_EXCLUDE },
	{ "cache", required_argument, NULL, OPT_CACHE },
	{ "max-connections", required_argument, NULL, OPT_MAX_CONNS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "connection-memory", required_argument, NULL, OPT_CONN_MEMORY },
	{ "all-netns", no_argument, NULL, OPT_ALL_NETNS },
	CMD_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

static int parse_collectors(const char *arg, uint64_t *out)
{
	char buf[512], *save = NULL, *tok;

	if (snprintf(buf, sizeof(buf), "%s", arg) >= (int)sizeof(buf))
		return cmd_usage_error("--collectors %s: too long", arg);
	*out = 0;
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int i;

		if (!strcmp(tok, "all")) {
			*out = (1ull << collector_count) - 1;
			continue;
		}
		i = collector_find(tok);
		if (i < 0) {
#ifndef HAVE_BPF
			if (!strcmp(tok, "drops") || !strcmp(tok, "napi"))
				return cmd_usage_error("--collectors %s: this build has no BPF (%s)",
						       tok, NO_BPF_WHY);
#endif
			return cmd_usage_error("--collectors %s: unknown collector (see sockeye "
					       "exporter --help)", tok);
		}
		*out |= 1ull << i;
	}
	if (!*out)
		return cmd_usage_error("--collectors %s: names no collector", arg);
	return 0;
}

static int compile(regex_t *re, const char *opt, const char *pattern)
{
	char msg[128];
	int err = regcomp(re, pattern, REG_EXTENDED | REG_NOSUB);

	if (err) {
		regerror(err, re, msg, sizeof(msg));
		return cmd_usage_error("%s %s: %s", opt, pattern, msg);
	}
	return 0;
}

static int parse_opts(struct exporter_opts *o, int argc, char **argv)
{
	char shortopts[CMD_SHORTOPTS_LEN];
	uint64_t v;
	int c, err;

	cmd_shortopts(shortopts, sizeof(shortopts), "h");
	while ((c = getopt_long(argc, argv, shortopts, exporter_longopts, NULL)) != -1) {
		switch (c) {
		case OPT_LISTEN:
			o->listen = optarg;
			break;
		case OPT_WEB_CONFIG:
			o->web_config = optarg;
			break;
		case OPT_COLLECTORS:
			err = parse_collectors(optarg, &o->collectors);
			if (err)
				return err;
			break;
		case OPT_DEV_INCLUDE:
			o->dev_include = optarg;
			break;
		case OPT_DEV_EXCLUDE:
			o->dev_exclude = optarg;
			break;
		case OPT_CACHE:
			if (parse_duration_ns(optarg, 0, 60000000000ull, &o->cache_ns))
				return cmd_usage_error("--cache %s: not a time from 0 to 60 seconds",
						       optarg);
			break;
		case OPT_MAX_CONNS:
			if (parse_u64(optarg, 1, 10000, &v))
				return cmd_usage_error("--max-connections %s: not a count from 1 to 10000",
						       optarg);
			o->limits.max_conns = (unsigned)v;
			break;
		case OPT_TIMEOUT:
			if (parse_u64(optarg, 1, 3600, &v))
				return cmd_usage_error("--timeout %s: not whole seconds from 1 to 3600",
						       optarg);
			o->limits.timeout_s = (unsigned)v;
			break;
		case OPT_CONN_MEMORY:
			if (parse_size(optarg, 4096, 1u << 20, &v))
				return cmd_usage_error("--connection-memory %s: not a size from 4K to 1M",
						       optarg);
			o->limits.conn_memory = (size_t)v;
			break;
		case OPT_ALL_NETNS:
			o->all_netns = true;
			break;
		case 'h':
		case CMD_OPT_HELP:
			cmd_print_usage(cmd_exporter_usage);
			return -1;
		default:
			if (cmd_common_option(c, optarg))
				break;
			return cmd_option_error("exporter", shortopts, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage_error("%s: unexpected argument", argv[optind]);
	if (o->all_netns && cmd_globals.netns)
		return cmd_usage_error("--all-netns and --netns exclude each other");
	return 0;
}

int exporter_opts_parse(struct exporter_opts *o, int argc, char **argv)
{
	int ret;

	*o = (struct exporter_opts){
		.listen = EXPORTER_LISTEN_DEFAULT,
		.collectors = (1ull << collector_count) - 1,
		.cache_ns = 500000000ull,
		.limits = { .max_conns = 64, .timeout_s = 10, .conn_memory = 16384 },
	};
	ret = parse_opts(o, argc, argv);
	if (ret)
		return ret;
	if (o->dev_include) {
		ret = compile(&o->include_re, "--device-include", o->dev_include);
		if (ret) {
			o->dev_include = NULL;
			return ret;
		}
	}
	if (o->dev_exclude) {
		ret = compile(&o->exclude_re, "--device-exclude", o->dev_exclude);
		if (ret) {
			o->dev_exclude = NULL;
			exporter_opts_free(o);
			return ret;
		}
	}
	return 0;
}

void exporter_opts_free(struct exporter_opts *o)
{
	if (o->dev_include)
		regfree(&o->include_re);
	if (o->dev_exclude)
		regfree(&o->exclude_re);
	o->dev_include = o->dev_exclude = NULL;
}
