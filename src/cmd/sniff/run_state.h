/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_state.h: one sniff run's state, shared by its loops and workers, and what all do to it. */
#ifndef SOCKEYE_SNIFF_RUN_STATE_H
#define SOCKEYE_SNIFF_RUN_STATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "capture/filter.h"
#include "capture/sniff.h"
#include "cmd/sniff/opts.h"
#include "cmd/sniff/rings.h"
#include "out/fmt.h"

/* A sniff command's state: its options, the packet path, the interfaces and their rings. */
struct sniff_run {
	struct sniff_opts *o;
	struct sniff s;			/* the merged stream (and the stats' interfaces) */
	struct sniff_iface ifaces[MAX_IFACES];
	struct sniff_ring slots[MAX_IFACES * MAX_FANOUT];
	unsigned n_rings;
	struct fmt *stats_f;		/* stderr text, or the packet formatter for JSON */
	uint64_t skipped;		/* file records of interfaces past MAX_IFACES */
	int stop_fd;			/* eventfd: readable once the capture must end */
	int wfd;			/* the first -w file, made before -Z gave up root; or -1 */
	int fail_iface;			/* the interface whose socket failed (device gone), or -1 */
	int fail_err;			/* its error */
	uint64_t left;			/* packets left in ring blocks the kernel had not retired */
	/* --exec: the child, the pipe that lets it run, the thread that waits for it. */
	pid_t child;			/* 0: none */
	int go_fd;			/* -1: closed */
	char exec_cgroup[256];		/* its cgroup, under the v2 mount; "" none */
	char exec_dir[4096];		/* that directory */
	pthread_t waiter;
	bool has_waiter;
	int child_status;		/* waitpid's, once child_done */
	bool child_done;
};

/*
 * r for options o: the packet path set up as they ask, no interface yet, and
 * the stop descriptor open.  0 or EXIT_RUNTIME; sniff_run_fini(r) either way.
 */
int sniff_run_init(struct sniff_run *r, struct sniff_opts *o);
/* Closes the rings and the stop descriptor, frees the interfaces' user-space filters. */
void sniff_run_fini(struct sniff_run *r);
/* Makes r->stop_fd readable: every thread polling it ends its capture. */
void sniff_run_request_stop(const struct sniff_run *r);
/* How long the end of a capture waits for the kernel to retire partly filled blocks. */
unsigned sniff_run_linger_ms(const struct sniff_opts *o);
/* Reads every ring's kernel counters into its slot and each interface's sums. */
void sniff_run_collect_kstats(struct sniff_run *r);
/*
 * What the setup steps return when a stop signal came before the capture
 * began (during a filter's compile): the run ends at once, status 0.
 */
#define SNIFF_RUN_STOPPED (-1)

/*
 * Compiles the expression for one interface's link type, in a child process
 * a stop signal ends (capture/filter_sandbox.h).  0, SNIFF_RUN_STOPPED or an
 * exit status.
 */
int sniff_run_compile_filter(struct sniff_run *r, struct sniff_iface *ifc, struct filter *flt);
/*
 * -Z USER: give up root once the rings, the -r file and the first -w file(s) are
 * open, as tcpdump does; the N descriptors in FDS (-1: none) are handed to USER
 * first.  0 or an exit status.
 */
int sniff_run_drop_privileges(const char *user, const int *fds, unsigned n);

#endif
