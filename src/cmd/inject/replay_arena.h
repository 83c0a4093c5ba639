/* SPDX-License-Identifier: GPL-2.0-or-later */
/* replay_arena.h: a capture file's stream held in memory: a loop does not read it again. */
#ifndef SOCKEYE_REPLAY_ARENA_H
#define SOCKEYE_REPLAY_ARENA_H

#include <stdint.h>

#include "cmd/inject/replay.h"

/* --preload's limit when looping and none was given (tcpreplay preloads without one). */
#define REPLAY_PRELOAD_DEFAULT (64ull << 20)

/* One packet of the stream: its bytes are the arena's data at off. */
struct replay_arena_rec {
	uint64_t off;
	uint32_t len, wirelen;
	uint64_t ts_ns;			/* its timestamp in the file */
	uint64_t rec_ns;		/* since the stream's first packet, within one pass */
};

/*
 * The packets of the stream (selected as replay selects them: filter, link
 * type, MTU, empty records), read once and then shared read-only by every
 * worker's replay.  The counts are the file's, as one pass counted them.
 */
struct replay_arena {
	uint8_t *data;
	uint64_t bytes;			/* used of data */
	struct replay_arena_rec *recs;
	uint64_t n;
	uint32_t max_len;		/* the longest packet's length */
	uint64_t pass_ns;		/* replay_pass_ns of the pass */
	struct replay_counts counts;
};

/*
 * Reads o->path's stream into memory (o's loops, limit and worker share do
 * not apply: the whole of one pass) when the file is a regular one of at most
 * max_bytes.  0 with *a set, or 1 with *a NULL and in why (SAVEFILE_ERRLEN
 * bytes) the reason it is not held (too big, standard input, out of memory, a
 * read that failed): the caller then reads the file each pass, which says any
 * error again where it happens.
 */
int replay_arena_load(struct replay_arena **a, const struct replay_opts *o, uint64_t max_bytes,
		      char *why);
void replay_arena_free(struct replay_arena *a);

#endif
