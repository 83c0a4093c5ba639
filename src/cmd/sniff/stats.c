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
	fmt_doc_end(f);
}
