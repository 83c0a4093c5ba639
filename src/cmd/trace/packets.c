/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packets.c: hop events joined by packet id into packets, which are handed on at their fate. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/trace/packets.h"

#define BUCKETS 4096

struct trace_packets {
	struct trace_pkt *bucket[BUCKETS];
	struct trace_pkt *oldest, *newest;
	size_t n, max;
	trace_pkt_fn fn;
	void *ctx;
	uint64_t orphans, overflows;
};

static const char *const fate_names[] = {
	[TRACE_FATE_UNFINISHED] = "unfinished",
	[TRACE_FATE_DELIVERED] = "delivered",
	[TRACE_FATE_SENT] = "sent",
	[TRACE_FATE_CONSUMED] = "consumed",
	[TRACE_FATE_DROPPED] = "dropped",
};

const char *trace_fate_name(enum trace_fate f)
{
	return (size_t)f < sizeof(fate_names) / sizeof(fate_names[0]) ? fate_names[f] : "?";
}

struct trace_packets *trace_packets_new(size_t max, trace_pkt_fn fn, void *ctx)
{
	struct trace_packets *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->max = max ? max : 1;
	t->fn = fn;
	t->ctx = ctx;
	return t;
}

static size_t bucket_of(uint64_t id)
{
	id ^= id >> 33;
	id *= 0xff51afd7ed558ccdull;
	id ^= id >> 33;
	return (size_t)(id % BUCKETS);
}

static struct trace_pkt **find(struct trace_packets *t, uint64_t id)
{
	struct trace_pkt **pp = &t->bucket[bucket_of(id)];

	while (*pp && (*pp)->id != id)
		pp = &(*pp)->next;
	return pp;
}

static void unlink_pkt(struct trace_packets *t, struct trace_pkt *p)
{
	struct trace_pkt **pp = find(t, p->id);

	if (*pp == p)
		*pp = p->next;
	if (p->older)
		p->older->newer = p->newer;
	else
		t->oldest = p->newer;
	if (p->newer)
		p->newer->older = p->older;
	else
		t->newest = p->older;
	t->n--;
}

/* What the hops say of a consumed packet: read by an application, sent by a driver, or else. */
static void decide_fate(struct trace_pkt *p, const struct trace_pkt_hop *last)
{
	const struct trace_pkt_hop *prev = NULL;

	if (last->hop == TRACE_HOP_KFREE) {
		p->fate = TRACE_FATE_DROPPED;
		return;
	}
	for (size_t i = 0; i < p->n; i++) {
		if (p->hops[i].hop == TRACE_HOP_COPY_DATAGRAM || p->hops[i].hop == TRACE_HOP_RECV)
			p->reader = &p->hops[i];
		if (i + 1 < p->n)
			prev = &p->hops[i];
	}
	if (p->reader)
		p->fate = TRACE_FATE_DELIVERED;
	else if (prev && (prev->hop == TRACE_HOP_DEV_XMIT || prev->hop == TRACE_HOP_START_XMIT))
		p->fate = TRACE_FATE_SENT;
	else
		p->fate = TRACE_FATE_CONSUMED;
}

/*
 * Hops in time order: the kernel sends the hops of the skb that started the
 * packet in one record at its fate, a clone's at once, so they arrive
 * interleaved.  Insertion: a few hops, mostly in order already.
 */
static void sort_hops(struct trace_pkt *p)
{
	for (size_t i = 1; i < p->n; i++) {
		struct trace_pkt_hop h = p->hops[i];
		size_t j = i;

		for (; j > 0 && p->hops[j - 1].ts_ns > h.ts_ns; j--)
			p->hops[j] = p->hops[j - 1];
		p->hops[j] = h;
	}
}

static int hand_on(struct trace_packets *t, struct trace_pkt *p)
{
	int ret;

	unlink_pkt(t, p);
	sort_hops(p);
	ret = t->fn(t->ctx, p);
	free(p);
	return ret;
}

static void hop_of(struct trace_pkt_hop *h, const struct trace_hop_event *ev)
{
	h->ts_ns = ev->ts_ns;
	h->location = ev->location;
	h->hop = ev->hop;
	h->cpu = ev->cpu;
	h->ifindex = ev->ifindex;
	h->len = ev->len;
	h->reason = ev->reason;
	h->pid = ev->pid;
	h->tid = ev->tid;
	h->rc = ev->rc;
	h->flags = ev->flags;
	memcpy(h->ifname, ev->ifname, sizeof(h->ifname));
	h->ifname[sizeof(h->ifname) - 1] = '\0';
	memcpy(h->comm, ev->comm, sizeof(h->comm));
	h->comm[sizeof(h->comm) - 1] = '\0';
}

static int open_pkt(struct trace_packets *t, const struct trace_hop_event *ev, size_t size,
		    struct trace_pkt **out)
{
	struct trace_pkt *p;
	int ret;

	if (t->n >= t->max) {
		t->overflows++;
		ret = hand_on(t, t->oldest);
		if (ret)
			return ret;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->id = ev->pkt_id;
	p->wirelen = ev->wirelen;
	p->l3 = ev->flags & TRACE_EV_L3;
	p->netns_ino = ev->netns_ino;
	if (size >= sizeof(*ev)) {
		p->caplen = ev->caplen > TRACE_SNAP_MAX ? TRACE_SNAP_MAX : ev->caplen;
		memcpy(p->data, ev->data, p->caplen);
	}
	p->next = *find(t, p->id);
	*find(t, p->id) = p;
	p->older = t->newest;
	if (t->newest)
		t->newest->newer = p;
	else
		t->oldest = p;
	t->newest = p;
	t->n++;
	*out = p;
	return 0;
}

int trace_packets_add(struct trace_packets *t, const struct trace_hop_event *ev, size_t size)
{
	struct trace_pkt *p = *find(t, ev->pkt_id);
	struct trace_pkt_hop *h;
	int ret;

	if (!p && (ev->flags & TRACE_EV_FIRST)) {
		ret = open_pkt(t, ev, size, &p);
		if (ret)
			return ret;
	} else if (!p) {
		t->orphans++;
		return 0;
	}
	/* The fate takes the last place when the hops are many: it is what matters most. */
	if (p->n < TRACE_PKT_MAX_HOPS) {
		h = &p->hops[p->n++];
	} else if (ev->flags & TRACE_EV_END) {
		p->more_hops++;
		h = &p->hops[TRACE_PKT_MAX_HOPS - 1];
	} else {
		p->more_hops++;
		return 0;
	}
	hop_of(h, ev);
	if (!(ev->flags & TRACE_EV_END))
		return 0;
	sort_hops(p);
	decide_fate(p, &p->hops[p->n - 1]);
	return hand_on(t, p);
}

int trace_packets_flush(struct trace_packets *t)
{
	int ret = 0;

	while (t->oldest) {
		int r = hand_on(t, t->oldest);

		if (r && !ret)
			ret = r;
	}
	return ret;
}

uint64_t trace_packets_orphans(const struct trace_packets *t)
{
	return t->orphans;
}

uint64_t trace_packets_overflows(const struct trace_packets *t)
{
	return t->overflows;
}

void trace_packets_free(struct trace_packets *t)
{
	struct trace_pkt *p, *next;

	if (!t)
		return;
	for (p = t->oldest; p; p = next) {
		next = p->newer;
		free(p);
	}
	free(t);
}
