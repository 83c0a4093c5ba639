/* SPDX-License-Identifier: GPL-2.0-or-later */
/* scrape_netns.c: --all-netns: the per-namespace collectors run in every network namespace, merged. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/exporter/scrape.h"
#include "util/log.h"
#include "util/netns.h"
#include "util/netns_list.h"

/* What the per_netns collectors got over the namespaces. */
struct ns_pass {
	struct prom *proms;	/* [slot * nns + ns] */
	unsigned nns;
	int *err;		/* per slot: the first failure (its why kept in the slot) */
	double *seconds;	/* per slot: summed over the namespaces */
};

static bool wanted(const struct scrape_slot *sl)
{
	return sl->opened && sl->c->per_netns;
}

/* A failure of slot k in namespace ns: the first one is the slot's why. */
static void failed(struct scrape *s, struct ns_pass *np, unsigned k, const char *ns,
		   const char *why, int err)
{
	char tmp[sizeof(s->slots[k].why)];

	if (np->err[k])
		return;
	np->err[k] = err;
	snprintf(tmp, sizeof(tmp), "netns %s: %s", ns, why);
	memcpy(s->slots[k].why, tmp, sizeof(tmp));
}

/* Every per_netns collector in the namespace the thread is in now, as ns. */
static void collect_here(struct scrape *s, struct ns_pass *np, unsigned i, const char *ns,
			 bool openmetrics)
{
	for (unsigned k = 0; k < s->nslots; k++) {
		struct scrape_slot *sl = &s->slots[k];
		struct prom *one = &np->proms[k * np->nns + i];
		int err;

		if (!wanted(sl))
			continue;
		prom_init(one, openmetrics);
		one->tag[0] = "netns";
		one->tag[1] = ns;
		err = scrape_slot_collect(s, sl, one, &np->seconds[k]);
		if (err) {
			failed(s, np, k, ns, sl->why, err);
			/* Its half-written series go; the other namespaces' stay. */
			prom_free(one);
		}
	}
}

/* Each namespace in turn; the thread ends in none of them (the caller goes back). */
static void visit(struct scrape *s, struct ns_pass *np, const struct netns_list *l,
		  bool openmetrics)
{
	for (unsigned i = 0; i < np->nns; i++) {
		const struct netns_entry *e = &l->v[i];
		int err = netns_enter(e->path);

		/* A process that exited since the listing took its namespace along. */
		if (err == -ENOENT)
			continue;
		if (err) {
			char why[128];

			snprintf(why, sizeof(why), "cannot enter: %s%s", strerror(-err),
				 err == -EPERM ? " (needs CAP_SYS_ADMIN)" : "");
			for (unsigned k = 0; k < s->nslots; k++)
				if (wanted(&s->slots[k]))
					failed(s, np, k, e->name, why, err);
			continue;
		}
		collect_here(s, np, i, e->name, openmetrics);
	}
}

void scrape_netns_collect(struct scrape *s, bool openmetrics, struct prom *merged)
{
	struct netns_list l = { 0 };
	struct ns_pass np = { 0 };
	struct prom **row = NULL;
	int self, err;

	np.err = calloc(s->nslots, sizeof(*np.err));
	np.seconds = calloc(s->nslots, sizeof(*np.seconds));
	/* Where this thread is now: the listening namespace, to come back to. */
	self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	err = self < 0 ? -errno : 0;
	if (!err)
		err = netns_list_collect(&l, "/run/netns", "/proc");
	if (!err && (!np.err || !np.seconds))
		err = -ENOMEM;
	if (!err) {
		np.nns = (unsigned)l.n;
		np.proms = calloc((size_t)s->nslots * (l.n ? l.n : 1), sizeof(*np.proms));
		row = calloc(l.n ? l.n : 1, sizeof(*row));
		if (!np.proms || !row)
			err = -ENOMEM;
	}
	if (err) {
		/* No namespace to visit: every per_netns collector is down for this scrape. */
		for (unsigned k = 0; k < s->nslots; k++) {
			if (!wanted(&s->slots[k]))
				continue;
			snprintf(s->slots[k].why, sizeof(s->slots[k].why), "listing network namespaces: %s",
				 strerror(-err));
			scrape_slot_settle(&s->slots[k], err, 0);
		}
		goto out;
	}
	visit(s, &np, &l, openmetrics);
	/* Back home; should it fail, the next scrape enters every namespace anyway. */
	if (setns(self, CLONE_NEWNET))
		log_error("--all-netns: cannot go back to the exporter's namespace: %s",
			  strerror(errno));
	for (unsigned k = 0; k < s->nslots; k++) {
		if (!wanted(&s->slots[k]))
			continue;
		for (unsigned i = 0; i < np.nns; i++)
			row[i] = &np.proms[k * np.nns + i];
		prom_init(&merged[k], openmetrics);
		prom_merge(&merged[k], row, np.nns);
		if (merged[k].oom) {
			prom_free(&merged[k]);
			np.err[k] = -ENOMEM;
			snprintf(s->slots[k].why, sizeof(s->slots[k].why), "out of memory");
		}
		scrape_slot_settle(&s->slots[k], np.err[k], np.seconds[k]);
	}
out:
	if (np.proms)
		for (size_t i = 0; i < (size_t)s->nslots * np.nns; i++)
			prom_free(&np.proms[i]);
	free(np.proms);
	free(row);
	free(np.err);
	free(np.seconds);
	netns_list_free(&l);
	if (self >= 0)
		close(self);
}
