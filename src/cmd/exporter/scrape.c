/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scrape.c: runs the collectors at scrape time, adds the exporter's own metrics, caches the result. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/exporter/scrape.h"
#include "util/clock.h"
#include "util/log.h"

int scrape_open(struct scrape *s, uint64_t enabled, const struct collect_ctx *ctx,
		uint64_t cache_ns, bool all_netns)
{
	memset(s, 0, sizeof(*s));
	s->ctx = *ctx;
	s->cache_ns = cache_ns;
	s->all_netns = all_netns;
	s->slots = calloc(collector_count, sizeof(*s->slots));
	if (!s->slots)
		return -ENOMEM;
	for (unsigned i = 0; i < collector_count; i++) {
		struct scrape_slot *sl;
		int err;

		if (!(enabled & (1ull << i)))
			continue;
		sl = &s->slots[s->nslots++];
		sl->c = collector_table[i];
		err = sl->c->open ? sl->c->open(&sl->state, &s->ctx, sl->why, sizeof(sl->why)) : 0;
		sl->opened = sl->up = !err;
		if (err)
			log_error("collector %s: %s", sl->c->name, sl->why);
	}
	return 0;
}

void scrape_close(struct scrape *s)
{
	for (unsigned i = 0; i < s->nslots; i++)
		if (s->slots[i].opened && s->slots[i].c->close)
			s->slots[i].c->close(s->slots[i].state);
	free(s->slots);
	prom_free(&s->cache[0].p);
	prom_free(&s->cache[1].p);
	memset(s, 0, sizeof(*s));
}

/* One collector into p, through a buffer of its own so a failure serves none of its series. */
static void run_slot(struct scrape *s, struct scrape_slot *sl, struct prom *p)
{
	struct prom one;
	double seconds = 0;
	int err;

	if (!sl->opened)
		return;
	prom_init(&one, p->openmetrics);
	err = scrape_slot_collect(s, sl, &one, &seconds);
	scrape_slot_settle(sl, err, seconds);
	if (!err)
		prom_append(p, &one);
	prom_free(&one);
}

static void own_metrics(struct scrape *s, struct prom *p)
{
	const char *l[2] = { "collector", NULL };

	prom_family(p, "sockeye_collector_up", PROM_GAUGE,
		    "Whether the collector's last collection succeeded (0: see the exporter's log).");
	for (unsigned i = 0; i < s->nslots; i++) {
		l[1] = s->slots[i].c->name;
		prom_sample_u64(p, NULL, l, 1, s->slots[i].up);
	}
	prom_family(p, "sockeye_scrape_collector_duration_seconds", PROM_GAUGE,
		    "How long the collector's last collection took.");
	for (unsigned i = 0; i < s->nslots; i++) {
		if (!s->slots[i].opened)
			continue;
		l[1] = s->slots[i].c->name;
		prom_sample(p, NULL, l, 1, s->slots[i].seconds);
	}
	prom_family(p, "sockeye_scrape_collector_errors", PROM_COUNTER,
		    "Collections of the collector that failed.");
	for (unsigned i = 0; i < s->nslots; i++) {
		l[1] = s->slots[i].c->name;
		prom_sample_u64(p, NULL, l, 1, s->slots[i].errors);
	}
	prom_family(p, "sockeye_exporter_collections", PROM_COUNTER,
		    "Expositions collected afresh (scrapes within the cache time are served the last).");
	prom_sample_u64(p, NULL, NULL, 0, s->collections);
}

int scrape_get(struct scrape *s, bool openmetrics, const struct prom **out)
{
	unsigned k = openmetrics;
	uint64_t now = clock_ns(CLOCK_MONOTONIC);
	uint64_t t0 = now;
	struct prom p, *per_netns = NULL;
	int err;

	if (s->cache[k].at_ns && now - s->cache[k].at_ns < s->cache_ns) {
		*out = &s->cache[k].p;
		return 0;
	}
	s->ctx.collection = ++s->collections;
	if (s->all_netns) {
		per_netns = calloc(s->nslots, sizeof(*per_netns));
		if (!per_netns)
			return -ENOMEM;
		scrape_netns_collect(s, openmetrics, per_netns);
	}
	prom_init(&p, openmetrics);
	/* In table order: the namespaces' merged series where they were collected. */
	for (unsigned i = 0; i < s->nslots; i++) {
		if (per_netns && s->slots[i].c->per_netns)
			prom_append(&p, &per_netns[i]);
		else
			run_slot(s, &s->slots[i], &p);
	}
	if (per_netns) {
		for (unsigned i = 0; i < s->nslots; i++)
			prom_free(&per_netns[i]);
		free(per_netns);
	}
	own_metrics(s, &p);
	prom_family(&p, "sockeye_scrape_duration_seconds", PROM_GAUGE,
		    "How long this exposition took to collect.");
	prom_sample(&p, NULL, NULL, 0, (double)(clock_ns(CLOCK_MONOTONIC) - t0) / 1e9);
	err = prom_end(&p);
	if (err) {
		prom_free(&p);
		return err;
	}
	prom_free(&s->cache[k].p);
	s->cache[k].p = p;
	s->cache[k].at_ns = now;
	*out = &s->cache[k].p;
	return 0;
}
