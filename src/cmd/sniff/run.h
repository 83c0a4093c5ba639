/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_sniff.h: what sniff's command line asks for, shared by its two files. */
#ifndef SOCKEYE_CMD_SNIFF_H
#define SOCKEYE_CMD_SNIFF_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/ring_rx.h"
#include "capture/savefile.h"
#include "out/fmt.h"
#include "capture/sniff.h"
#include "cmd/sniff/rings.h"

#define MAX_IFACES SNIFF_MAX_IFACES
#define MAX_FANOUT 64

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
	bool fanout_files;		/* a thread and a file per fanout worker */
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

struct sniff_workers;

/* A sniff command's state: its options, the packet path, the interfaces and their rings. */
struct sniff_run {
	struct sniff_cmd *o;
	struct sniff s;			/* the merged stream (and the stats' interfaces) */
	struct sniff_iface ifaces[MAX_IFACES];
	struct sniff_ring slots[MAX_IFACES * MAX_FANOUT];
	unsigned n_rings;
	struct fmt *stats_f;		/* stderr text, or the packet formatter for JSON */
	uint64_t skipped;		/* file records of interfaces past MAX_IFACES */
	int stop_fd;			/* eventfd: readable once the capture must end */
	int fail_iface;			/* the interface whose socket failed (device gone), or -1 */
	int fail_err;			/* its error */
	uint64_t left;			/* packets left in ring blocks the kernel had not retired */
};

/*
 * Parses sniff's options and filter expression into o.  0 to go on, -1 when
 * --help was printed, or an exit status (EXIT_USAGE, EXIT_RUNTIME).
 */
int cmd_sniff_parse(struct sniff_cmd *o, int argc, char **argv);
/* The first running interface but the loopback, else "any", as tcpdump picks.  0 or -errno. */
int cmd_sniff_default_iface(char *name, size_t len);
/* The timestamp style that -t given t_count times selects. */
enum timefmt_style cmd_sniff_time_style(int t_count);

/* Creates the -w file at path for s (the merged stream, or one worker's); 0 or an exit status. */
int cmd_sniff_open_writer(struct sniff_run *r, struct sniff *s, const char *path);
/* Reads every ring's kernel counters into its slot and each interface's sums. */
void cmd_sniff_collect_kstats(struct sniff_run *r);
/* Makes r->stop_fd readable: every thread polling it ends its capture. */
void cmd_sniff_request_stop(const struct sniff_run *r);
/* How long the end of a capture waits for the kernel to retire partly filled blocks. */
unsigned cmd_sniff_linger_ms(const struct sniff_cmd *o);
/*
 * --fanout-files: a thread per fanout worker with its own rings and file,
 * from start to the files closed; r->ifaces get the sums.  *started once
 * the threads run (the stats are printed then).  An exit status.
 */
int cmd_sniff_workers_run(struct sniff_run *r, bool *started);

#endif
