/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_netdev.c: the netdev collector: interface counters, ring sizes and per-queue counters. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/exporter/collector.h"
#include "kstat/links.h"
#include "kstat/queues.h"
#include "kstat/rings.h"

/* One IFLA_STATS64 counter: node_exporter's netdev names with our prefix. */
struct link_counter {
	const char *name;
	const char *help;
	size_t off;
};

#define LS(f) offsetof(struct link_stat, f)

static const struct link_counter link_counters[] = {
	{ "sockeye_network_receive_packets", "Packets received by the device.", LS(rx_packets) },
	{ "sockeye_network_receive_bytes", "Bytes received by the device.", LS(rx_bytes) },
	{ "sockeye_network_receive_errs", "Receive errors the device counted.", LS(rx_errors) },
	{ "sockeye_network_receive_drop", "Received packets the device or its driver dropped.",
	  LS(rx_dropped) },
	{ "sockeye_network_receive_missed",
	  "Packets the NIC missed because its receive ring was full (rx_missed_errors).",
	  LS(rx_missed) },
	{ "sockeye_network_receive_fifo", "Receive FIFO overruns.", LS(rx_fifo) },
	{ "sockeye_network_transmit_packets", "Packets sent by the device.", LS(tx_packets) },
	{ "sockeye_network_transmit_bytes", "Bytes sent by the device.", LS(tx_bytes) },
	{ "sockeye_network_transmit_errs", "Transmit errors the device counted.", LS(tx_errors) },
	{ "sockeye_network_transmit_drop", "Packets dropped on the way out.", LS(tx_dropped) },
	{ "sockeye_network_transmit_fifo", "Transmit FIFO errors.", LS(tx_fifo) },
};

static void emit_links(struct prom *p, const struct collect_ctx *ctx, const struct links_snap *s)
{
	const char *l[2] = { "device", NULL };

	for (size_t c = 0; c < sizeof(link_counters) / sizeof(link_counters[0]); c++) {
		prom_family(p, link_counters[c].name, PROM_COUNTER, link_counters[c].help);
		for (unsigned i = 0; i < s->nlinks; i++) {
			const struct link_stat *ls = &s->links[i];

			if (!ls->has_stats || !collect_device_wanted(ctx, ls->name))
				continue;
			l[1] = ls->name;
			prom_sample_u64(p, NULL, l, 1,
					*(const uint64_t *)((const char *)ls + link_counters[c].off));
		}
	}
	prom_family(p, "sockeye_network_up", PROM_GAUGE,
		    "Whether the device's operational state is up (1) or not (0).");
	for (unsigned i = 0; i < s->nlinks; i++) {
		if (!collect_device_wanted(ctx, s->links[i].name))
			continue;
		l[1] = s->links[i].name;
		prom_sample_u64(p, NULL, l, 1, s->links[i].operstate == 6 /* IF_OPER_UP */);
	}
}

/* Ring sizes as gauges, the configured size beside the hardware's maximum. */
static void emit_rings(struct prom *p, const struct collect_ctx *ctx, const struct links_snap *ls,
		       const struct rings_snap *r)
{
	static const struct {
		const char *name, *help;
		size_t off;
	} g[] = {
		{ "sockeye_network_rx_ring_size", "Descriptors in the device's receive ring.",
		  offsetof(struct ring_info, rx) },
		{ "sockeye_network_rx_ring_max", "The most receive descriptors the device allows.",
		  offsetof(struct ring_info, rx_max) },
		{ "sockeye_network_tx_ring_size", "Descriptors in the device's transmit ring.",
		  offsetof(struct ring_info, tx) },
		{ "sockeye_network_tx_ring_max", "The most transmit descriptors the device allows.",
		  offsetof(struct ring_info, tx_max) },
	};
	const char *l[2] = { "device", NULL };

	for (size_t k = 0; k < sizeof(g) / sizeof(g[0]); k++) {
		prom_family(p, g[k].name, PROM_GAUGE, g[k].help);
		for (unsigned i = 0; i < r->n; i++) {
			const struct link_stat *link = links_find(ls, r->ifs[i].ifindex);

			if (!r->ifs[i].has_rings || !link || !collect_device_wanted(ctx, link->name))
				continue;
			l[1] = link->name;
			prom_sample_u64(p, NULL, l, 1,
					*(const uint32_t *)((const char *)&r->ifs[i] + g[k].off));
		}
	}
}

static void emit_queues(struct prom *p, const struct collect_ctx *ctx, const struct queues_snap *q)
{
	static const char *const names[QUEUE_NCOUNTERS] = {
		[QUEUE_PACKETS] = "packets", [QUEUE_BYTES] = "bytes",
		[QUEUE_DROPS] = "drops", [QUEUE_ERRORS] = "errors",
	};
	char queue[16], name[64], help[128];
	const char *l[6] = { "device", NULL, "queue", queue, "direction", NULL };

	for (unsigned c = 0; c < QUEUE_NCOUNTERS; c++) {
		snprintf(name, sizeof(name), "sockeye_network_queue_%s", names[c]);
		snprintf(help, sizeof(help),
			 "The driver's per-queue %s counter (ethtool statistics; drops and errors sum "
			 "every such counter of the queue).", names[c]);
		prom_family(p, name, PROM_COUNTER, help);
		for (unsigned i = 0; i < q->n; i++) {
			const struct queue_stat *qs = &q->qs[i];

			if (!(qs->has & (1u << c)) || !collect_device_wanted(ctx, qs->ifname))
				continue;
			l[1] = qs->ifname;
			snprintf(queue, sizeof(queue), "%u", qs->queue);
			l[5] = qs->tx ? "tx" : "rx";
			prom_sample_u64(p, NULL, l, 3, qs->v[c]);
		}
	}
}

static int netdev_collect(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
			  size_t len)
{
	struct links_snap links = { 0 };
	struct rings_snap rings = { 0 };
	struct queues_snap queues = { 0 };
	void *buf = NULL;
	char *text = NULL;
	size_t blen, tlen;
	int err;

	err = links_dump(&buf, &blen);
	if (!err) {
		err = links_parse(buf, blen, &links);
		free(buf);
		buf = NULL;
	}
	if (err) {
		snprintf(why, len, "RTM_GETLINK: %s", strerror(-err));
		links_free(&links);
		return err;
	}
	emit_links(p, ctx, &links);
	/* Rings and queues are the driver's to give: a device without them has no series. */
	if (!rings_dump(&links, &buf, &blen)) {
		if (!rings_parse(buf, blen, &rings))
			emit_rings(p, ctx, &links, &rings);
		rings_free(&rings);
		free(buf);
	}
	if (!queues_read(&links, &text, &tlen)) {
		if (!queues_parse(text ? text : "", text ? tlen : 0, &queues))
			emit_queues(p, ctx, &queues);
		queues_free(&queues);
		free(text);
	}
	links_free(&links);
	return 0;
}

const struct collector collector_netdev = {
	.name = "netdev",
	.per_netns = true,
	.summary = "interface counters (rtnetlink), ring sizes and per-queue counters (ethtool)",
	.collect = netdev_collect,
};
