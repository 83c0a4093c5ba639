/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_trace.h: trace's records: each packet with its hops and fate, the summary, the totals. */
#ifndef SOCKEYE_CMD_TRACE_VIEW_TRACE_H
#define SOCKEYE_CMD_TRACE_VIEW_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cmd/trace/packets.h"
#include "cmd/trace/summary.h"
#include "out/json_writer.h"

struct attrib_proc;
struct drop_reasons;
struct ksyms;

struct view_trace {
	FILE *out;
	bool json;			/* NDJSON, one record a line */
	struct json_writer w;
	const struct drop_reasons *reasons;
	const struct ksyms *ksyms;	/* NULL: locations as addresses */
	int64_t mono_to_real_ns;	/* CLOCK_MONOTONIC to the epoch */
	/*
	 * With process attribution (--pid, --comm, --cgroup): the owners of
	 * the packet being shown's sockets, set before each view_trace_packet.
	 */
	bool has_owners;
	struct attrib_proc *const *owners;
	unsigned n_owners;
};

/* The totals of a run, for the last record. */
struct view_trace_totals {
	uint64_t packets;		/* handed on, finished or not */
	uint64_t unfinished;
	uint64_t filtered_out;		/* turned down by the filter at a first hop */
	uint64_t clones;
	uint64_t stale;
	uint64_t lost_events;		/* the ring buffer was full */
	uint64_t evicted;		/* pushed out of the kernel's table of followed skbs */
	uint64_t orphan_events;		/* events of a packet whose first hop was lost */
	uint64_t live;			/* skbs still followed at the end */
	uint64_t unselected;		/* finished, but of no process --pid etc. asked for */
};

void view_trace_init(struct view_trace *v, FILE *out, bool json, bool pretty);
/* One packet: its first line (time, id, what it is), a line per hop, its fate. */
void view_trace_packet(struct view_trace *v, const struct trace_pkt *p);
/* The log2 histogram of each hop pair seen, and the fates. */
void view_trace_summary(struct view_trace *v, const struct trace_summary *s);
void view_trace_totals(struct view_trace *v, const struct view_trace_totals *t);
/* The fate's words: "delivered to pid 12 (nc)", "dropped: NO_SOCKET at udp_rcv+0x12". */
void view_trace_fate_text(const struct view_trace *v, const struct trace_pkt *p, char *buf,
			  size_t len);
/* Flushes: 0 or -errno. */
int view_trace_flush(struct view_trace *v);

#endif
