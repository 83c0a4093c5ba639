/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_inject.c: the columns of inject's statistics, printed at exit and every --stats interval. */
#include "config.h"

#include "cmd/inject/view_inject.h"

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL

enum {
	IJ_IFACE, IJ_SENT, IJ_BYTES, IJ_FAILED, IJ_SKIP_MTU, IJ_SKIP_LINK, IJ_SKIP_EMPTY,
	IJ_FILTERED, IJ_TRUNCATED, IJ_WRITTEN, IJ_ELAPSED, IJ_PPS, IJ_BPS, IJ_READ, IJ_BACKOFFS,
	IJ_WORKERS, IJ_TPV, IJ_NCOLS
};

static const struct fmt_col inject_cols[] = {
	[IJ_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[IJ_SENT] = { "sent", "SENT", FMT_U64, R, 0, 0 },
	[IJ_BYTES] = { "bytes", "BYTES", FMT_BYTES, R, 0, 0 },
	[IJ_FAILED] = { "failed", "FAILED", FMT_U64, R, 0, 0 },
	[IJ_SKIP_MTU] = { "skipped_mtu", "SKIP_MTU", FMT_U64, R, 0, 0 },
	[IJ_SKIP_LINK] = { "skipped_linktype", "SKIP_LINKTYPE", FMT_U64, R, 0, 0 },
	[IJ_SKIP_EMPTY] = { "skipped_empty", "SKIP_EMPTY", FMT_U64, R, 0, 0 },
	[IJ_FILTERED] = { "filtered", "FILTERED", FMT_U64, R, 0, 0 },
	[IJ_TRUNCATED] = { "truncated", "TRUNCATED", FMT_U64, R, 0, 0 },
	[IJ_WRITTEN] = { "written", "WRITTEN", FMT_U64, R, 0, 0 },
	[IJ_ELAPSED] = { "elapsed_ns", "ELAPSED", FMT_DURATION, R, 0, 0 },
	[IJ_PPS] = { "rate_pps", "PPS", FMT_RATE, R, 0, 0 },
	[IJ_BPS] = { "rate_bps", "BIT/S", FMT_RATE, R, 0, 0 },
	[IJ_READ] = { "read", "READ", FMT_U64, R, D, 0 },
	[IJ_BACKOFFS] = { "backoffs", "BACKOFFS", FMT_U64, R, D, 0 },
	[IJ_WORKERS] = { "workers", "WORKERS", FMT_U64, R, D, 0 },
	[IJ_TPV] = { "tpacket_version", "TPACKET", FMT_U64, R, D, 0 },
};

const struct fmt_view view_inject = {
	.name = "inject",
	.title = "inject stats",
	.cols = inject_cols,
	.ncols = IJ_NCOLS,
	.single = true,
};

void view_inject_emit(struct fmt *f, const struct view_inject_row *r, bool final)
{
	double secs = r->rate_ns ? (double)r->rate_ns / 1e9 : 0;

	fmt_doc_begin(f, "stats");
	fmt_doc_str(f, "when", final ? "exit" : "interval");
	fmt_table_begin(f, &view_inject, 0);
	fmt_row_begin(f);
	fmt_str(f, IJ_IFACE, r->iface);
	fmt_u64(f, IJ_SENT, r->sent);
	fmt_u64(f, IJ_BYTES, r->bytes);
	fmt_u64(f, IJ_FAILED, r->failed);
	fmt_u64(f, IJ_SKIP_MTU, r->skipped_mtu);
	fmt_u64(f, IJ_SKIP_LINK, r->skipped_linktype);
	fmt_u64(f, IJ_SKIP_EMPTY, r->skipped_empty);
	fmt_u64(f, IJ_FILTERED, r->filtered);
	fmt_u64(f, IJ_TRUNCATED, r->truncated);
	fmt_u64(f, IJ_WRITTEN, r->written);
	fmt_u64(f, IJ_ELAPSED, r->elapsed_ns);
	/* No time to divide by (nothing sent yet): the rate stays unset, null in JSON. */
	if (secs > 0) {
		fmt_double(f, IJ_PPS, (double)r->rate_packets / secs);
		fmt_double(f, IJ_BPS, (double)r->rate_bytes * 8 / secs);
	}
	fmt_u64(f, IJ_READ, r->read);
	fmt_u64(f, IJ_BACKOFFS, r->backoffs);
	fmt_u64(f, IJ_WORKERS, r->workers);
	fmt_u64(f, IJ_TPV, (uint64_t)r->tpacket_version);
	fmt_row_end(f);
	fmt_table_end(f);
	fmt_doc_end(f);
}
