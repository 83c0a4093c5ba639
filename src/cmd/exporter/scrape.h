/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scrape.h: one scrape: every enabled collector run into one exposition, kept for a short while. */
#ifndef SOCKEYE_CMD_EXPORTER_SCRAPE_H
#define SOCKEYE_CMD_EXPORTER_SCRAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmd/exporter/collector.h"
#include "cmd/exporter/prom.h"

struct scrape_slot {
	const struct collector *c;
	void *state;
	bool opened;		/* open succeeded (or the collector has none) */
	bool up;		/* the last collection succeeded */
	uint64_t errors;	/* collections that failed */
	double seconds;		/* the last collection's wall time */
	char why[256];		/* why it is down */
};

struct scrape {
	struct collect_ctx ctx;
	struct scrape_slot *slots;	/* the enabled collectors, in table order */
	unsigned nslots;
	uint64_t cache_ns;		/* how long an exposition is served again */
	bool all_netns;			/* per_netns collectors run in every namespace */
	uint64_t collections;		/* expositions built (not served from the cache) */
	struct {
		struct prom p;
		uint64_t at_ns;		/* CLOCK_MONOTONIC when built; 0: none yet */
	} cache[2];			/* [0] text 0.0.4, [1] OpenMetrics */
};

/*
 * Opens the collectors of enabled (a bit per collector_table index) with ctx;
 * one that cannot open is logged with its reason and served as down.
 * all_netns: the per_netns ones are run in every network namespace at each
 * collection.  0 or -ENOMEM.
 */
int scrape_open(struct scrape *s, uint64_t enabled, const struct collect_ctx *ctx,
		uint64_t cache_ns, bool all_netns);
void scrape_close(struct scrape *s);
/*
 * The exposition in the format asked for: the cached one when younger than
 * cache_ns, else a new collection.  *out stays owned by s until the next call.
 * 0 or -ENOMEM.
 */
int scrape_get(struct scrape *s, bool openmetrics, const struct prom **out);

/* ---- between scrape.c, scrape_slot.c and scrape_netns.c ---- */

/* Runs sl's collector into one; 0 or -errno with sl->why filled.  Adds its time to *seconds. */
int scrape_slot_collect(struct scrape *s, struct scrape_slot *sl, struct prom *one,
			double *seconds);
/* After a collection of sl (all its namespaces): up, the error count, the log when up changes. */
void scrape_slot_settle(struct scrape_slot *sl, int err, double seconds);
/*
 * --all-netns: runs every opened per_netns collector in every network
 * namespace (the calling thread moved into each, and back), each
 * namespace's series labelled netns="NAME", and settles them.  merged holds
 * a prom per slot (zeroed), filled for the per_netns ones: the namespaces'
 * series, one family at a time.  A namespace where a collector fails loses
 * that collector's series only (and the collector is down).
 */
void scrape_netns_collect(struct scrape *s, bool openmetrics, struct prom *merged);

#endif
