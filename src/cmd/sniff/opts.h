/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: what sniff's command line asks for, and the parser that fills it in. */
#ifndef SOCKEYE_SNIFF_OPTS_H
#define SOCKEYE_SNIFF_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "attrib/attrib_filter.h"
#include "capture/ring_rx.h"
#include "capture/savefile.h"
#include "capture/sniff.h"

#define MAX_IFACES SNIFF_MAX_IFACES
#define MAX_FANOUT 64

/* The dump options, counted: given twice, each dumps the link header too. */
enum dump_count { DUMP_COUNT_x, DUMP_COUNT_X, DUMP_COUNT_A, DUMP_COUNT_NR };

struct sniff_opts {
	const char *ifnames[MAX_IFACES];
	unsigned n_ifnames;
	bool no_promisc;
	unsigned snaplen;
	enum ring_rx_dir dir;
	const char *filter_file;
	char *expr;
	bool dump_filter;
	uint64_t ring_bytes;
	unsigned latency_ms;
	unsigned fanout;
	int fanout_mode;
	bool fanout_files;		/* a thread and a file per fanout worker */
	const char *user;
	const char *wfile;
	const char *rfile;
	bool print;
	bool numeric;			/* -n, -nn: numbers for hosts and ports in text */
	struct savefile_write_opts wo;
	uint64_t stats_ns;
	int t_count;
	int dump_count[DUMP_COUNT_NR];	/* how often -x, -X, -A were given */
	bool utc;
	bool nano;
	uint64_t count;
	struct sniff_show show;
	/* Process attribution (live captures): --process, the owner filters, --exec. */
	bool process;
	struct attrib_filter pf;
	char **exec_argv;		/* --exec CMD ARGS...: NULL-terminated, or NULL */
};

/* Whether a live capture looks up each packet's process (-j, --process, a filter, --exec). */
bool sniff_opts_attrib(const struct sniff_opts *o);

/*
 * Parses sniff's options (argv[0] is the command name; getopt's optind as the
 * caller set it) and filter expression into o, which it first sets to the
 * defaults.  0 to go on, -1 when --help was printed, or an exit status
 * (EXIT_USAGE, EXIT_RUNTIME).  sniff_opts_free(o) after, whatever it returned.
 */
int sniff_opts_parse(struct sniff_opts *o, int argc, char **argv);
void sniff_opts_free(struct sniff_opts *o);
/* The timestamp style that -t given t_count times selects. */
enum timefmt_style sniff_opts_time_style(int t_count);

#endif
