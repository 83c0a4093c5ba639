/* SPDX-License-Identifier: GPL-2.0-or-later */
/* funnel_queues.c: the receive queues that dropped in an interval, from the drivers' statistics. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/why/funnel.h"

/* A counter's growth; one that went back (a device re-created) counts from zero. */
static uint64_t grown(uint64_t a, uint64_t b)
{
	return b >= a ? b - a : b;
}

static const struct queue_stat *find_queue(const struct queues_snap *s, const struct queue_stat *q)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->qs[i].ifindex == q->ifindex && s->qs[i].tx == q->tx &&
		    s->qs[i].queue == q->queue)
			return &s->qs[i];
	return NULL;
}

static struct why_dev *find_dev(struct why_funnel *f, int ifindex)
{
	for (size_t i = 0; i < f->ndevs; i++)
		if (f->devs[i].ifindex == ifindex)
			return &f->devs[i];
	return NULL;
}

static int cmp_queue(const void *x, const void *y)
{
	const struct why_queue *a = x, *b = y;

	if (a->drops != b->drops)
		return a->drops < b->drops ? 1 : -1;
	if (a->ifindex != b->ifindex)
		return a->ifindex < b->ifindex ? -1 : 1;
	return (a->queue > b->queue) - (a->queue < b->queue);
}

int why_queues_build(struct why_funnel *f, const struct why_sample *a, const struct why_sample *b)
{
	const struct queues_snap *qa = &a->ks.queues, *qb = &b->ks.queues;
	struct why_queue *rows;
	size_t n = 0;

	if (!(a->ks.parts & b->ks.parts & KSTAT_QUEUES) || !qb->n)
		return 0;
	rows = calloc(qb->n, sizeof(*rows));
	if (!rows)
		return -ENOMEM;
	for (unsigned i = 0; i < qb->n; i++) {
		const struct queue_stat *q = &qb->qs[i], *p;
		struct why_dev *d;
		struct why_queue *r;

		/* Receive queues of the devices the funnel looks at (-i: one) that count drops. */
		if (q->tx || !(q->has & (1u << QUEUE_DROPS)) || !(d = find_dev(f, q->ifindex)))
			continue;
		p = find_queue(qa, q);
		d->has_queue_drops = true;
		if (!p || !(p->has & (1u << QUEUE_DROPS)))
			continue;
		r = &rows[n];
		r->drops = grown(p->v[QUEUE_DROPS], q->v[QUEUE_DROPS]);
		r->xdp_drops = grown(p->xdp_drops, q->xdp_drops);
		if (r->xdp_drops > r->drops)
			r->xdp_drops = r->drops;
		d->rx_queue_drops += r->drops - r->xdp_drops;
		d->xdp_drops += r->xdp_drops;
		if (!r->drops)
			continue;
		r->ifindex = q->ifindex;
		snprintf(r->name, sizeof(r->name), "%s", d->name);
		r->queue = q->queue;
		r->has_packets = q->has & p->has & (1u << QUEUE_PACKETS);
		if (r->has_packets)
			r->packets = grown(p->v[QUEUE_PACKETS], q->v[QUEUE_PACKETS]);
		n++;
	}
	qsort(rows, n, sizeof(*rows), cmp_queue);
	f->queues = rows;
	f->nqueues = n < WHY_FUNNEL_QUEUES ? n : WHY_FUNNEL_QUEUES;
	return 0;
}
