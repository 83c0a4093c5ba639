/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: what sockets' command line asks for, its parser, and the scan it selects. */
#ifndef SOCKEYE_CMD_SOCKETS_OPTS_H
#define SOCKEYE_CMD_SOCKETS_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "diag/sockscan.h"
#include "diag/ssfilter.h"

struct sockets_opts {
	unsigned tables;	/* named by -t -u -w -x -0 -A */
	bool any_table;		/* -A all */
	bool v4, v6;
	bool listening, all;
	bool procs, ext, timers, mem, info, summary;
	bool batch, no_header, all_netns, watch;
	uint64_t watch_ns;
	uint64_t count;		/* --watch: stop after this many snapshots (0: never) */
	uint64_t rows;		/* --watch: the fullest this many sockets (0: every one) */
	bool rows_set;
	const char *dump_raw, *replay;
	struct ssfilter filter;	/* state words and the expression after the options */
};

/*
 * Parses sockets' options, then the filter words after them, into o
 * (defaults first).  0 to go on, -1 when --help was printed (exit 0), or
 * EXIT_USAGE (said).  Either way sockets_opts_free(o) follows.
 */
int sockets_opts_parse(struct sockets_opts *o, int argc, char **argv);
void sockets_opts_free(struct sockets_opts *o);

/*
 * The tables, families, states, extensions and filter of o in the scan s
 * (initialized), and the view's column groups in *groups.  The scan
 * resolves the filter's device names in o as it goes.
 */
void sockets_opts_select(struct sockets_opts *o, struct sockscan *s, unsigned *groups);

#endif
