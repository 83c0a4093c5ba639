/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * replay.c: walks a capture file for inject: filter, device checks, loops, a worker's share;
 * from the file each pass, or from its stream held in memory (replay_arena).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/savefile.h"
#include "cmd/inject/replay.h"
#include "cmd/inject/replay_arena.h"

#define LINKTYPE_ETHERNET 1
#define ETH_HLEN 14
#define VLAN_HLEN 4

struct replay {
	struct replay_opts o;
	struct savefile_reader *rd;
	struct replay_counts c;
	uint64_t loop;			/* passes through the file so far */
	uint64_t index;			/* stream packets so far (all workers') */
	uint64_t first_ts;		/* the first stream packet's timestamp */
	uint64_t last_ts;
	uint64_t loop_ns;		/* one pass's length, known after the first */
	uint64_t pass_packets;		/* stream packets in the first pass */
	uint64_t arena_i;		/* with an arena: the next packet's place in it */
	char err[SAVEFILE_ERRLEN];
};

static int open_pass(struct replay *r)
{
	char err[SAVEFILE_ERRLEN];
	int ret;

	savefile_read_close(r->rd);
	r->rd = NULL;
	ret = savefile_read_open(&r->rd, r->o.path, err);
	if (ret)
		snprintf(r->err, sizeof(r->err), "%s", err);
	return ret;
}

int replay_open(struct replay **out, const struct replay_opts *o, char *err)
{
	struct replay *r = calloc(1, sizeof(*r));
	int ret;

	*out = NULL;
	if (!r)
		return -ENOMEM;
	r->o = *o;
	if (!r->o.workers)
		r->o.workers = 1;
	if (o->arena) {
		/* This worker's first packet; its counts are the arena's (the whole file's). */
		r->c = o->arena->counts;
		r->index = r->o.worker;
		r->arena_i = r->o.worker;
		*out = r;
		return 0;
	}
	ret = open_pass(r);
	if (ret) {
		snprintf(err, SAVEFILE_ERRLEN, "%s", r->err);
		replay_close(r);
		return ret;
	}
	*out = r;
	return 0;
}

void replay_close(struct replay *r)
{
	if (!r)
		return;
	savefile_read_close(r->rd);
	free(r);
}

const char *replay_error(const struct replay *r)
{
	return r->err;
}

void replay_counts(const struct replay *r, struct replay_counts *c)
{
	*c = r->c;
}

uint64_t replay_pass_ns(const struct replay *r)
{
	return r->loop_ns;
}

/* Whether the stream takes the packet; counts why not on the first pass. */
static bool select_pkt(struct replay *r, const struct savefile_pkt *p)
{
	bool first = r->loop == 0;
	unsigned limit = r->o.mtu + ETH_HLEN;

	if (p->linktype != LINKTYPE_ETHERNET) {
		r->c.skip_linktype += first;
		return false;
	}
	/* Nothing was captured, so there is no frame to send (its length on the wire
	 * says what was, not what the file holds). */
	if (r->o.skip_empty && !p->caplen) {
		r->c.skip_empty += first;
		return false;
	}
	if (r->o.filter && !filter_match(r->o.filter, p->data, p->caplen, p->wirelen)) {
		r->c.filtered += first;
		return false;
	}
	if (p->caplen >= ETH_HLEN && p->data[12] == 0x81 && p->data[13] == 0x00)
		limit += VLAN_HLEN;	/* the kernel allows an 802.1Q tag past the MTU */
	/* A runt (under 14 bytes) goes to the kernel, which refuses it: counted as failed. */
	if (r->o.mtu && p->caplen > limit) {
		r->c.skip_mtu += first;
		return false;
	}
	r->c.truncated += first && p->caplen < p->wirelen;
	return true;
}

/*
 * The next pass starts one average gap after the last packet, so a looped
 * capture keeps its rhythm across the seam.
 */
static int next_pass(struct replay *r)
{
	if (r->loop == 0) {
		uint64_t span = r->last_ts > r->first_ts ? r->last_ts - r->first_ts : 0;

		r->pass_packets = r->index;
		r->loop_ns = span + (r->pass_packets > 1 ? span / (r->pass_packets - 1) : 0);
	}
	r->loop++;
	if ((r->o.loops && r->loop >= r->o.loops) || !r->pass_packets)
		return 0;
	return open_pass(r) ? -EIO : 1;
}

/*
 * From the arena: this worker's packets are every workers-th of the stream, so
 * it steps over the others instead of reading them.  r->index is the stream
 * place of the packet, r->loop its pass, r->arena_i its place in the pass.
 */
static int arena_next(struct replay *r, struct replay_pkt *out)
{
	const struct replay_arena *a = r->o.arena;
	const struct replay_arena_rec *rec;

	if (!a->n || (r->o.limit && r->index >= r->o.limit))
		return 0;
	while (r->arena_i >= a->n) {
		r->arena_i -= a->n;
		r->loop++;
	}
	if (r->o.loops && r->loop >= r->o.loops)
		return 0;
	rec = &a->recs[r->arena_i];
	out->index = r->index;
	out->data = a->data + rec->off;
	out->len = rec->len;
	out->wirelen = rec->wirelen;
	out->ts_ns = rec->ts_ns;
	out->rec_ns = r->loop * a->pass_ns + rec->rec_ns;
	r->index += r->o.workers;
	r->arena_i += r->o.workers;
	return 1;
}

int replay_next(struct replay *r, struct replay_pkt *out)
{
	struct savefile_pkt p;
	int n;

	if (r->o.arena)
		return arena_next(r, out);
	for (;;) {
		if (r->o.limit && r->index >= r->o.limit)
			return 0;
		n = savefile_read_next(r->rd, &p);
		if (n < 0) {
			snprintf(r->err, sizeof(r->err), "%s", savefile_read_error(r->rd));
			return n;
		}
		if (n == 0) {
			n = next_pass(r);
			if (n <= 0)
				return n;
			continue;
		}
		if (r->loop == 0)
			r->c.read++;
		if (!select_pkt(r, &p))
			continue;
		if (r->loop == 0) {
			if (!r->index)
				r->first_ts = r->last_ts = p.ts_ns;
			if (p.ts_ns > r->last_ts)
				r->last_ts = p.ts_ns;
		}
		out->index = r->index++;
		if (out->index % r->o.workers != r->o.worker)
			continue;
		out->data = p.data;
		out->len = p.caplen;
		out->wirelen = p.wirelen;
		out->ts_ns = p.ts_ns;
		/* Timestamps that go backwards send at once, not after a wrap-around. */
		out->rec_ns = r->loop * r->loop_ns +
			      (p.ts_ns > r->first_ts ? p.ts_ns - r->first_ts : 0);
		return 1;
	}
}
