/* SPDX-License-Identifier: GPL-2.0-or-later */
/* workers.h: the senders: one thread per worker, each with its own TX ring, pinned to a CPU. */
#ifndef SOCKEYE_INJECT_H
#define SOCKEYE_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/ring_tx.h"
#include "cmd/inject/gen.h"
#include "cmd/inject/pace.h"
#include "cmd/inject/replay.h"
#include "cmd/inject/template.h"

#define INJECT_MAX_WORKERS 256
/* Size of the err buffers inject_start and inject_join fill. */
#define INJECT_ERRLEN 256

struct inject_cfg {
	const char *ifname;		/* for messages */
	struct ring_tx_opts ring;	/* ifindex, ring size, version, qdisc bypass */
	unsigned mtu;			/* the device's: longer frames are skipped */
	enum pace_mode pace;
	double rate;			/* packets/s, bits/s or the speed factor (pace_init) */
	uint64_t duration_ns;		/* stop after this long; 0: no limit */
	unsigned workers;
	int cpus[INJECT_MAX_WORKERS];	/* the CPU each worker is pinned to */
	/* The source: a template (replay NULL), or a capture file. */
	const struct template *tmpl;
	struct gen_link link;
	uint64_t count;			/* template: packets in all; 0: until stopped */
	const struct replay_opts *replay;	/* workers and worker are set per worker; its
						 * arena, if any, outlives the run */
	const volatile int *stop;	/* set to end the run (signals) */
};

/* What the workers did; at exit or for an interval, summed over the workers. */
struct inject_stats {
	uint64_t sent;			/* the kernel transmitted them */
	uint64_t bytes;
	uint64_t failed;		/* refused by the kernel (TP_STATUS_WRONG_FORMAT), or left
					 * queued when the device failed */
	uint64_t skip_mtu;		/* longer than the MTU allows */
	uint64_t skip_linktype;		/* the file's link type is not Ethernet */
	uint64_t skip_empty;		/* records with nothing captured */
	uint64_t filtered;		/* did not match the filter expression */
	uint64_t truncated;		/* went out shorter than recorded (the file cut them) */
	uint64_t read;			/* records in the file */
	uint64_t backoffs;		/* the device pushed back; the frames went later */
	uint64_t start_ns;		/* CLOCK_MONOTONIC of the start */
	uint64_t end_ns;		/* of the snapshot, or of the last worker's end */
};

struct inject;

/*
 * Starts cfg->workers threads.  Each pins itself, opens its ring and its
 * source, and all begin together on one clock.  0, or -errno with a one-line
 * reason in err (INJECT_ERRLEN bytes) when a worker could not start (the others are
 * stopped and joined).
 */
int inject_start(struct inject **ij, const struct inject_cfg *cfg, char *err);
/* Whether every worker has ended. */
bool inject_done(struct inject *ij);
/* The sums so far (workers publish them after each batch). */
void inject_snapshot(struct inject *ij, struct inject_stats *s);
/*
 * Waits for the workers, frees everything.  0, or the first worker's -errno
 * with its reason in err (INJECT_ERRLEN bytes); s gets the final sums.
 */
int inject_join(struct inject *ij, struct inject_stats *s, char *err);
/* The TPACKET version the rings use (the first worker's). */
int inject_ring_version(struct inject *ij);

#endif
