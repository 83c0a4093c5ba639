/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_table.h: rows of typed cells kept in memory, for two-pass text, sorting and the TUI. */
#ifndef SOCKEYE_FMT_TABLE_H
#define SOCKEYE_FMT_TABLE_H

#include "out/fmt.h"

struct fmt_table {
	const struct fmt_view *view;
	unsigned groups;
	struct fmt_cell *cells;	/* nrows * view->ncols, row-major */
	size_t nrows;
	size_t cap;		/* rows allocated */
	char **notes;		/* lines shown under the rows (fmt_note), owned */
	size_t nnotes;
};

void fmt_table_init(struct fmt_table *t, const struct fmt_view *v, unsigned groups);
/* Deep-copies row (view->ncols cells, strings included).  0 or -ENOMEM. */
int fmt_table_append(struct fmt_table *t, const struct fmt_cell *row);
const struct fmt_cell *fmt_table_row(const struct fmt_table *t, size_t i);
/*
 * The order of two set cells of column col: numbers by value, address
 * columns (FMT_IP, FMT_IPPORT) by family, address, scope and port as
 * numbers, other text bytewise.  <0, 0 or >0.
 */
int fmt_cell_cmp(const struct fmt_col *col, const struct fmt_cell *a, const struct fmt_cell *b);
/* Stable sort by one column's raw value; unset cells sort last either way. */
void fmt_table_sort(struct fmt_table *t, size_t col, bool descending);
/* The same order as row indexes into order[nrows], the rows left in place.  0 or -ENOMEM. */
int fmt_table_order(const struct fmt_table *t, size_t col, bool descending, size_t *order);
/* Appends a copy of line to t's notes.  0 or -ENOMEM. */
int fmt_table_add_note(struct fmt_table *t, const char *line);
/* Drops the rows, keeps the view. */
void fmt_table_clear(struct fmt_table *t);
void fmt_table_fini(struct fmt_table *t);

/* Frees the strings of one row of n cells and marks them unset. */
void fmt_cells_reset(struct fmt_cell *row, size_t n);

#endif
