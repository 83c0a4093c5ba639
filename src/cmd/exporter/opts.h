/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: the exporter's command line. */
#ifndef SOCKEYE_CMD_EXPORTER_OPTS_H
#define SOCKEYE_CMD_EXPORTER_OPTS_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>

#include "cmd/exporter/http.h"

struct exporter_opts {
	const char *listen;		/* ADDR:PORT */
	const char *web_config;		/* --web-config FILE, or NULL */
	uint64_t collectors;		/* a bit per collector_table index */
	const char *dev_include;	/* extended regex, or NULL */
	const char *dev_exclude;
	regex_t include_re, exclude_re;	/* compiled when set */
	uint64_t cache_ns;
	bool all_netns;			/* --all-netns */
	struct http_limits limits;
};

/* The default listen address: loopback only (see the man page: the metrics describe the host). */
#define EXPORTER_LISTEN_DEFAULT "127.0.0.1:9555"

/* Parses the options into o (defaults first).  0 to go on, -1 help printed, or EXIT_USAGE. */
int exporter_opts_parse(struct exporter_opts *o, int argc, char **argv);
/* Frees the compiled patterns. */
void exporter_opts_free(struct exporter_opts *o);

#endif
