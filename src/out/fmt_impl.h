/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_impl.h: the interface between fmt.c and its renderers (text, JSON, TUI). */
#ifndef SOCKEYE_FMT_IMPL_H
#define SOCKEYE_FMT_IMPL_H

#include "out/fmt.h"
#include "out/fmt_table.h"

struct fmt_ops {
	int (*init)(struct fmt *f);		/* 0 or -errno */
	void (*fini)(struct fmt *f);
	void (*doc_begin)(struct fmt *f, const char *type);
	void (*doc_end)(struct fmt *f);
	void (*doc_u64)(struct fmt *f, const char *key, uint64_t v);
	void (*doc_str)(struct fmt *f, const char *key, const char *s);
	void (*table_begin)(struct fmt *f);	/* f->view and f->groups are set */
	void (*row)(struct fmt *f, const struct fmt_cell *cells);
	/* Optional: a row with details; renderers without it get row() and no details. */
	void (*row_details)(struct fmt *f, const struct fmt_cell *cells, fmt_details_fn fn,
			    const void *ctx);
	void (*table_end)(struct fmt *f);
	/* Optional: a line under the current table (fmt_note); renderers without it drop it. */
	void (*note)(struct fmt *f, const char *line);
};

struct fmt {
	const struct fmt_ops *ops;
	enum fmt_mode mode;
	FILE *out;
	struct fmt_opts opts;
	const struct fmt_view *view;	/* the table being written, or NULL */
	unsigned groups;
	struct fmt_cell *row;		/* the row being built: view->ncols cells */
	size_t row_cap;
	/*
	 * The row's strings live here, not in malloc'd copies: a streaming
	 * view emits a row per packet and must not allocate per packet.  Cell
	 * str pointers point into it until fmt_row_end; renderers that keep
	 * rows (fmt_table_append) copy them.
	 */
	char *strbuf;
	size_t strbuf_len, strbuf_cap;
	bool in_doc;
	struct fmt_sort *sort;		/* the current table's rows held for sorting, or NULL */
	int err;			/* first error: -ENOMEM or a write error */
	void *priv;			/* renderer state */
};

extern const struct fmt_ops fmt_text_ops;
extern const struct fmt_ops fmt_json_ops;
extern const struct fmt_ops fmt_tui_ops;

/*
 * Sorted tables (fmt_sort.c, opts.sort_view): whether v is one here; its
 * begin (after f->view is set), each row (f->row, with its details), and
 * its end, which hands the rows to the renderer sorted.
 */
bool fmt_sort_applies(const struct fmt *f, const struct fmt_view *v);
void fmt_sort_begin(struct fmt *f);
void fmt_sort_row(struct fmt *f, fmt_details_fn fn, const void *ctx);
void fmt_sort_end(struct fmt *f);
void fmt_sort_free(struct fmt *f);

/* Records the first error seen. */
static inline void fmt_set_err(struct fmt *f, int err)
{
	if (!f->err)
		f->err = err;
}

#endif
