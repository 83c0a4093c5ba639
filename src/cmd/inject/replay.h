/* SPDX-License-Identifier: GPL-2.0-or-later */
/* replay.h: the packets of a capture file to send: selected, checked against the device, looped. */
#ifndef SOCKEYE_REPLAY_H
#define SOCKEYE_REPLAY_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/filter.h"

struct replay_arena;

struct replay_opts {
	const char *path;
	const struct filter *filter;	/* compiled for Ethernet; NULL: every packet */
	unsigned mtu;			/* the device's; 0: no limit (writing a file) */
	uint64_t loops;			/* times through the file; 0: until stopped */
	uint64_t limit;			/* packets of the stream in all; 0: no limit */
	unsigned workers;		/* this reader returns the stream's packets worker, */
	unsigned worker;		/* worker + workers, worker + 2 workers... */
	bool skip_empty;		/* records with no bytes (caplen 0) are skipped: sending */
	/* The stream already in memory (replay_arena_load): every pass reads from it, not
	 * from path.  NULL: the file is read again each pass. */
	const struct replay_arena *arena;
};

/* The packets read and not sent, and why (each counted once, on the first pass). */
struct replay_counts {
	uint64_t read;			/* records in the file */
	uint64_t filtered;		/* did not match the filter expression */
	uint64_t skip_linktype;		/* not Ethernet, which the device sends */
	uint64_t skip_mtu;		/* longer than the device's MTU allows */
	uint64_t skip_empty;		/* nothing captured (caplen 0): no frame to send */
	uint64_t truncated;		/* selected shorter than on the wire: the file cut them
					 * (a sender counts what went out itself) */
};

/* One packet to send, in the reader's buffer until the next call. */
struct replay_pkt {
	const uint8_t *data;
	uint32_t len;
	uint32_t wirelen;		/* its length on the wire, as recorded */
	uint64_t ts_ns;			/* its timestamp in the file */
	uint64_t rec_ns;		/* recorded time since the stream's first, loops added */
	uint64_t index;			/* its place in the stream (all workers' packets) */
};

struct replay;

/*
 * Opens o->path, or with o->arena nothing (the arena holds the stream).  0, or
 * -errno with a one-line reason in err (SAVEFILE_ERRLEN bytes).
 */
int replay_open(struct replay **r, const struct replay_opts *o, char *err);
void replay_close(struct replay *r);
/*
 * This worker's next packet: 1, 0 at the end of the stream (loops or limit
 * done), or -errno with replay_error() set (a corrupt file, a failed read).
 */
int replay_next(struct replay *r, struct replay_pkt *p);
const char *replay_error(const struct replay *r);
void replay_counts(const struct replay *r, struct replay_counts *c);
/* Recorded time from one pass's start to the next's; known once a pass has ended. */
uint64_t replay_pass_ns(const struct replay *r);

#endif
