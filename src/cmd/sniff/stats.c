/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stats.c: the stats table sniff prints at exit and every --stats interval. */
#include "config.h"

#include <stdio.h>

#include "cmd/sniff/stats.h"

enum {
	ST_IFACE, ST_CAPTURED, ST_MATCHED, ST_WRITTEN, ST_KPACKETS, ST_KDROPS, ST_FREEZE, ST_NCOLS
};

#define K (1u << 0)	/* kernel counters: live capture only */

static const struct fmt_col stats_cols[] = {
	[ST_IFACE] = { "iface", "IFACE", FMT_STR, FMT_LEFT, 0, 0 },
	[ST_CAPTURED] = { "captured", "CAPTURED", FMT_U64, FMT_RIGHT, 0, 0 },
	[ST_MATCHED] = { "matched", "MATCHED", FMT_U64, FMT_RIGHT, 0, 0 },
	[ST_WRITTEN] = { "written", "WRITTEN", FMT_U64, FMT_RIGHT, 0, 0 },
	[ST_KPACKETS] = { "kernel_received", "KERNEL_RECEIVED", FMT_U64, FMT_RIGHT, K, 0 },
	[ST_KDROPS] = { "kernel_drops", "KERNEL_DROPS", FMT_U64, FMT_RIGHT, K, 0 },
	[ST_FREEZE] = { "freeze_queue", "FREEZE_Q", FMT_U64, FMT_RIGHT, K, 0 },
};

const struct fmt_view view_sniff_stats = {
	.name = "interfaces",
	.title = "sniff stats",
	.cols = stats_cols,
	.ncols = ST_NCOLS,
};

static void emit_row(struct fmt *f, const char *name, const struct sniff_iface *sum)
{
	fmt_row_begin(f);
	fmt_str(f, ST_IFACE, name);
	fmt_u64(f, ST_CAPTURED, sum->captured);
	fmt_u64(f, ST_MATCHED, sum->matched);
	fmt_u64(f, ST_WRITTEN, sum->written);
	fmt_u64(f, ST_KPACKETS, sum->kstats.packets);
	fmt_u64(f, ST_KDROPS, sum->kstats.drops);
	fmt_u64(f, ST_FREEZE, sum->kstats.freeze_q);
	fmt_row_end(f);
}

enum {
	AT_LOOKED_UP, AT_ATTRIBUTED, AT_ENTRIES, AT_CAPACITY, AT_EVICTED, AT_REPLACED, AT_SCANNED,
	AT_EVENTS, AT_EVENTS_LOST, AT_CGROUP_UNKNOWN, AT_NCOLS
};

static const struct fmt_col attrib_cols[] = {
	[AT_LOOKED_UP] = { "looked_up", "LOOKED_UP", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_ATTRIBUTED] = { "attributed", "ATTRIBUTED", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_ENTRIES] = { "table_entries", "ENTRIES", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_CAPACITY] = { "table_capacity", "CAPACITY", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_EVICTED] = { "evicted", "EVICTED", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_REPLACED] = { "replaced", "REPLACED", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_SCANNED] = { "scanned", "SCANNED", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_EVENTS] = { "events", "EVENTS", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_EVENTS_LOST] = { "events_lost", "EVENTS_LOST", FMT_U64, FMT_RIGHT, 0, 0 },
	[AT_CGROUP_UNKNOWN] = { "cgroup_unknown", "CGROUP_UNKNOWN", FMT_U64, FMT_RIGHT, 0, 0 },
};

/* The attribution table's counters: its size, what it dropped at its limits, its sources. */
static const struct fmt_view view_sniff_attrib = {
	.name = "attribution",
	.title = "process attribution",
	.cols = attrib_cols,
	.ncols = AT_NCOLS,
};

static void emit_attrib(struct fmt *f, struct attrib *a)
{
	struct attrib_stats st;

	attrib_stats(a, &st);
	fmt_table_begin(f, &view_sniff_attrib, 0);
	fmt_row_begin(f);
	fmt_u64(f, AT_LOOKED_UP, st.packets);
	fmt_u64(f, AT_ATTRIBUTED, st.attributed);
	fmt_u64(f, AT_ENTRIES, st.table.entries);
	fmt_u64(f, AT_CAPACITY, st.table.capacity);
	fmt_u64(f, AT_EVICTED, st.table.evicted);
	fmt_u64(f, AT_REPLACED, st.table.replaced);
	fmt_u64(f, AT_SCANNED, st.scanned);
	if (st.following) {
		fmt_u64(f, AT_EVENTS, st.events);
		fmt_u64(f, AT_EVENTS_LOST, st.events_lost);
	}
	fmt_u64(f, AT_CGROUP_UNKNOWN, st.cgroup_unknown);
	fmt_row_end(f);
	fmt_table_end(f);
}

void sniff_stats_emit(struct fmt *f, const struct sniff *s, bool live, unsigned interval)
{
	/*
	 * The text title tells the --stats tables apart (JSON has "when").  Static: the
	 * formatter keeps the view until the next table, and one thread emits stats.
	 */
	static char title[64];
	static struct fmt_view view;
	struct sniff_iface total = { 0 };

	view = view_sniff_stats;
	if (interval)
		snprintf(title, sizeof(title), "sniff stats: interval %u, totals so far", interval);
	else
		snprintf(title, sizeof(title), "sniff stats: totals at exit");
	view.title = title;
	fmt_doc_begin(f, "stats");
	fmt_doc_str(f, "when", interval ? "interval" : "exit");
	fmt_table_begin(f, &view, live ? K : 0);
	for (unsigned i = 0; i < s->n_ifaces; i++) {
		const struct sniff_iface *ifc = &s->ifaces[i];

		emit_row(f, ifc->name, ifc);
		total.captured += ifc->captured;
		total.matched += ifc->matched;
		total.written += ifc->written;
		total.kstats.packets += ifc->kstats.packets;
		total.kstats.drops += ifc->kstats.drops;
		total.kstats.freeze_q += ifc->kstats.freeze_q;
	}
	if (s->n_ifaces > 1)
		emit_row(f, "total", &total);
	fmt_table_end(f);
	if (s->attrib)
		emit_attrib(f, s->attrib);
	fmt_doc_end(f);
}
