/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: what drops' command line asks for, and its parser. */
#ifndef SOCKEYE_CMD_DROPS_OPTS_H
#define SOCKEYE_CMD_DROPS_OPTS_H

#ifdef HAVE_BPF
#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "attrib/attrib_filter.h"
#include "cli/bpf_opts.h"

struct drops_cmd {
	struct cmd_bpf_opts opts;	/* -c counts summaries, or events with --events */
	struct drops_opts o;		/* the collector's filter and sizes */
	struct drop_reasons reasons;	/* the running kernel's names (--reason, the views) */
	/* Process attribution: --process, --by process, --pid, --cgroup (and -j --events). */
	bool process;			/* the text column of --events */
	bool by_process;		/* the summary per process (events read in user space) */
	struct attrib_filter pf;
	const char *write_path;		/* -w: the dropped packets to a pcapng file, or NULL */
	bool show_events;		/* --events: each drop shown (-w and --by process read
					 * events too: o.cfg.events) */
};

/* -w's snap length when -s is not given: the most an event carries. */
#define DROPS_DEFAULT_SNAPLEN DROPS_SNAP_MAX

/* Whether drops looks up the process of each dropped packet's socket. */
bool drops_opts_attrib(const struct drops_cmd *c);

/*
 * Parses drops' options and filter words into c, after the defaults and the
 * reason names of the running kernel's BTF (--reason takes them).  0 to go
 * on, -1 when --help or --list-reasons printed (exit 0), or EXIT_USAGE or
 * EXIT_RUNTIME (said).  Either way drops_opts_free(c) follows.
 */
int drops_opts_parse(struct drops_cmd *c, int argc, char **argv);
void drops_opts_free(struct drops_cmd *c);
#endif

#endif
