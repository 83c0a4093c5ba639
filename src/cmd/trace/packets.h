/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packets.h: trace's hop events gathered into packets, each handed on once its fate is known. */
#ifndef SOCKEYE_CMD_TRACE_PACKETS_H
#define SOCKEYE_CMD_TRACE_PACKETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpf/trace.h"

/* The hops a packet keeps; later ones are counted in more_hops, the fate always kept. */
#define TRACE_PKT_MAX_HOPS 32

enum trace_fate {
	TRACE_FATE_UNFINISHED,	/* no fate seen: still followed at the end, or freed untraced */
	TRACE_FATE_DELIVERED,	/* consumed after an application read it */
	TRACE_FATE_SENT,	/* consumed after a driver took it */
	TRACE_FATE_CONSUMED,	/* consumed otherwise (a kernel user, a tunnel's inner packet) */
	TRACE_FATE_DROPPED,	/* kfree_skb: with a reason and a location */
};

struct trace_pkt_hop {
	uint64_t ts_ns;
	uint64_t location;
	uint32_t hop;		/* enum trace_hop */
	uint32_t cpu;
	uint32_t ifindex;
	uint32_t len;
	uint32_t reason;
	uint32_t pid, tid;
	int32_t rc;
	uint32_t flags;		/* enum trace_event_flag */
	char ifname[TRACE_IFNAMSIZ];
	char comm[TRACE_COMMSIZ];
};

struct trace_pkt {
	uint64_t id;
	uint32_t wirelen, caplen;	/* of the first hop */
	bool l3;			/* data starts at the network header */
	uint32_t netns_ino;		/* the first hop's network namespace */
	uint8_t data[TRACE_SNAP_MAX];
	struct trace_pkt_hop hops[TRACE_PKT_MAX_HOPS];
	size_t n;
	uint64_t more_hops;		/* hops past TRACE_PKT_MAX_HOPS, not kept */
	enum trace_fate fate;
	const struct trace_pkt_hop *reader;	/* DELIVERED: the hop of the read */
	struct trace_pkt *next;		/* the table's bucket chain */
	struct trace_pkt *older, *newer;	/* arrival order */
};

struct trace_packets;

/* Called with each packet whose fate came, or that is flushed; it is freed after. */
typedef int (*trace_pkt_fn)(void *ctx, const struct trace_pkt *p);

/* A table of at most max packets waiting for their fate; NULL when out of memory. */
struct trace_packets *trace_packets_new(size_t max, trace_pkt_fn fn, void *ctx);
void trace_packets_free(struct trace_packets *t);

/*
 * Adds an event: a first hop opens a packet, a fate closes it and hands it
 * to fn (its return returned); an event of a packet not open (its first hop
 * lost) is counted as an orphan.  When max packets wait, the oldest is
 * handed on unfinished to make room.  -ENOMEM, or fn's return.
 */
int trace_packets_add(struct trace_packets *t, const struct trace_hop_event *ev, size_t size);
/* Hands every waiting packet on, oldest first, unfinished.  fn's first non-zero return. */
int trace_packets_flush(struct trace_packets *t);
/* Events whose packet was not open; packets handed on unfinished because the table was full. */
uint64_t trace_packets_orphans(const struct trace_packets *t);
uint64_t trace_packets_overflows(const struct trace_packets *t);

const char *trace_fate_name(enum trace_fate f);

#endif
