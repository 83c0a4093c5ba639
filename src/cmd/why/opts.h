/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: what why's command line asks for, and its parser. */
#ifndef SOCKEYE_CMD_WHY_OPTS_H
#define SOCKEYE_CMD_WHY_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "diag/ssfilter.h"

struct why_opts {
	const char *iface;		/* -i */
	uint64_t duration_ns;		/* -d: the interval (default 1 s) */
	int pid;			/* --pid, or 0 */
	struct ssfilter filter;		/* FILTER words (the sockets' selection, as in sockets) */
	bool has_filter;
	bool watch;			/* --watch: a funnel every -d, live */
	uint64_t count;			/* --watch -c: funnels shown, 0: until stopped */
	bool extended;			/* -e */
	bool no_header;
};

/*
 * Parses why's options and filter words.  0 to go on, -1 when --help printed
 * (exit 0), or EXIT_USAGE (said).  why_opts_free follows either way.
 */
int why_opts_parse(struct why_opts *o, int argc, char **argv);
void why_opts_free(struct why_opts *o);

#endif
