/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collector.h: what one family of the exporter's metrics implements, and the table of them. */
#ifndef SOCKEYE_CMD_EXPORTER_COLLECTOR_H
#define SOCKEYE_CMD_EXPORTER_COLLECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/exporter/collect_ctx.h"
#include "cmd/exporter/prom.h"

/*
 * A collector: open once at start (BPF programs attached there, so counters
 * count from then on and are never reset), collect at each scrape into p,
 * close at exit.  open and collect return 0 or -errno with why filled; a
 * collector whose open failed is served as sockeye_collector_up 0.
 */
struct collector {
	const char *name;
	const char *summary;	/* for --help and the man page */
	bool bpf;		/* needs BPF (absent from a build without it) */
	/*
	 * Reads the namespace it runs in (netlink, /proc/thread-self/net): with
	 * --all-netns run in each one, its series labelled netns.  The others
	 * are host-wide (softnet, softirqs, the BPF ones) and run once.
	 */
	bool per_netns;
	int (*open)(void **state, const struct collect_ctx *ctx, char *why, size_t len);
	int (*collect)(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
		       size_t len);
	void (*close)(void *state);
};

extern const struct collector collector_softnet;
extern const struct collector collector_softirqs;
extern const struct collector collector_netdev;
extern const struct collector collector_packet;
extern const struct collector collector_snmp;
extern const struct collector collector_sockets;
#ifdef HAVE_BPF
extern const struct collector collector_drops;
extern const struct collector collector_napi;
#endif

/* Every collector of this build, in the order they are served. */
extern const struct collector *const collector_table[];
extern const unsigned collector_count;

/* The index in collector_table of name, or -1. */
int collector_find(const char *name);

#endif
