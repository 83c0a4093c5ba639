/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_sniff.h: what sniff's command line asks for, shared by its two files. */
#ifndef SOCKEYE_CMD_SNIFF_H
#define SOCKEYE_CMD_SNIFF_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/ring_rx.h"
#include "capture/savefile.h"
#include "sniff/sniff.h"

#define MAX_IFACES 16

struct sniff_cmd {
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
	const char *user;
	const char *wfile;
	const char *rfile;
	bool print;
	struct savefile_write_opts wo;
	uint64_t stats_ns;
	int t_count;
	int x_count;
	bool utc;
	bool nano;
	uint64_t count;
	struct sniff_show show;
};

/*
 * Parses sniff's options and filter expression into o.  0 to go on, 1 when
 * --help was printed, or an exit status (EXIT_USAGE, EXIT_RUNTIME).
 */
int cmd_sniff_parse(struct sniff_cmd *o, int argc, char **argv);
/* The first interface that is up and not loopback, as tcpdump picks.  0, -ENODEV or -errno. */
int cmd_sniff_default_iface(char *name, size_t len);
/* The timestamp style that -t given t_count times selects. */
enum timefmt_style cmd_sniff_time_style(int t_count);

#endif
