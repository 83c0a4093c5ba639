/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_table.c: retained rows of typed cells, sortable by raw value. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "out/fmt_table.h"

void fmt_cells_reset(struct fmt_cell *row, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(row[i].str);
		memset(&row[i], 0, sizeof(row[i]));
	}
}

void fmt_table_init(struct fmt_table *t, const struct fmt_view *v, unsigned groups)
{
	memset(t, 0, sizeof(*t));
	t->view = v;
	t->groups = groups;
}

int fmt_table_append(struct fmt_table *t, const struct fmt_cell *row)
{
	size_t n = t->view->ncols;
	struct fmt_cell *dst;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct fmt_cell *cells = reallocarray(t->cells, cap * n, sizeof(*cells));

		if (!cells)
			return -ENOMEM;
		t->cells = cells;
		t->cap = cap;
	}
	dst = &t->cells[t->nrows * n];
	for (size_t i = 0; i < n; i++) {
		dst[i] = row[i];
		if (row[i].str) {
			dst[i].str = strdup(row[i].str);
			if (!dst[i].str) {
				fmt_cells_reset(dst, i);
				return -ENOMEM;
			}
		}
	}
	t->nrows++;
	return 0;
}

const struct fmt_cell *fmt_table_row(const struct fmt_table *t, size_t i)
{
	return i < t->nrows ? &t->cells[i * t->view->ncols] : NULL;
}

/* qsort has no context argument in C11: the sort key travels in these. */
static const struct fmt_col *sort_col;
static size_t sort_idx, sort_ncols;
static bool sort_desc;

static int cmp_cell(const struct fmt_cell *a, const struct fmt_cell *b)
{
	switch (sort_col->type) {
	case FMT_S64:
		return (a->s > b->s) - (a->s < b->s);
	case FMT_DOUBLE:
	case FMT_PERCENT:
	case FMT_RATE:
		return (a->d > b->d) - (a->d < b->d);
	case FMT_BOOL:
		return (int)a->b - (int)b->b;
	case FMT_STR:
	case FMT_IP:
	case FMT_IPPORT:
	case FMT_MAC:
	case FMT_LINES:
		return strcmp(a->str ? a->str : "", b->str ? b->str : "");
	default:
		return (a->u > b->u) - (a->u < b->u);
	}
}

/* Rows are compared as whole rows so the sort can keep equal keys in input order. */
struct sort_item {
	size_t idx;
	const struct fmt_cell *row;
};

static int cmp_row(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	const struct fmt_cell *ca = &a->row[sort_idx], *cb = &b->row[sort_idx];
	int r;

	if (ca->set != cb->set)
		return ca->set ? -1 : 1;
	r = ca->set ? cmp_cell(ca, cb) : 0;
	if (sort_desc)
		r = -r;
	if (!r)
		r = (a->idx > b->idx) - (a->idx < b->idx);
	return r;
}

void fmt_table_sort(struct fmt_table *t, size_t col, bool descending)
{
	size_t n = t->view->ncols;
	struct sort_item *items;
	struct fmt_cell *sorted;

	if (col >= n || t->nrows < 2)
		return;
	items = calloc(t->nrows, sizeof(*items));
	sorted = reallocarray(NULL, t->nrows * n, sizeof(*sorted));
	if (!items || !sorted)
		goto out;
	for (size_t i = 0; i < t->nrows; i++) {
		items[i].idx = i;
		items[i].row = &t->cells[i * n];
	}
	sort_col = &t->view->cols[col];
	sort_idx = col;
	sort_ncols = n;
	sort_desc = descending;
	qsort(items, t->nrows, sizeof(*items), cmp_row);
	for (size_t i = 0; i < t->nrows; i++)
		memcpy(&sorted[i * n], items[i].row, n * sizeof(*sorted));
	free(t->cells);
	t->cells = sorted;
	t->cap = t->nrows;
	sorted = NULL;
out:
	free(items);
	free(sorted);
}

void fmt_table_clear(struct fmt_table *t)
{
	if (t->cells)
		fmt_cells_reset(t->cells, t->nrows * t->view->ncols);
	t->nrows = 0;
}

void fmt_table_fini(struct fmt_table *t)
{
	fmt_table_clear(t);
	free(t->cells);
	t->cells = NULL;
	t->cap = 0;
}
