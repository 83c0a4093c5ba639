/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_fold.h: big hosts' per-CPU and per-queue tables folded into their busiest rows and a total. */
#ifndef SOCKEYE_OUT_VIEW_FOLD_H
#define SOCKEYE_OUT_VIEW_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/fmt.h"

/*
 * A table of more rows than this (128 CPUs, 4 NICs of 64 queues) shows its
 * busiest VIEW_FOLD_ROWS and then one row for all of them (its key column
 * unset: "-" in text, null in JSON); the title says so.  Below, every row.
 */
#define VIEW_FOLD_ROWS 16

/*
 * One table's fold.  Static in its emitter: the formatter may hold the view
 * (and its title) past the emitter's return; one table of a kind per frame.
 */
struct view_fold {
	uint64_t *key;		/* the caller's rank of each row (larger: busier), n slots */
	size_t *order;		/* the rows shown, busiest first */
	size_t n, shown;
	struct fmt_view view;	/* the table's view under the folded title */
	char title[320];
};

/* Slots for n rows' keys; without memory (key NULL) every row shows, unfolded. */
void view_fold_init(struct view_fold *vf, size_t n);
/*
 * Ranks the keys (equal ones in table order) and begins v's table: as it is
 * up to VIEW_FOLD_ROWS rows, else under "TITLE: the 16 busiest of N WHAT,
 * then all".
 */
void view_fold_table_begin(struct fmt *f, struct view_fold *vf, const struct fmt_view *v,
			   const char *what, unsigned groups);
/* The table's index of the k-th row shown (k < vf->shown). */
size_t view_fold_row(const struct view_fold *vf, size_t k);
/* Whether the table is folded: a total row follows the rows shown. */
bool view_fold_is_folded(const struct view_fold *vf);
/* A heat row's levels: blank for nothing, then '.' up to '@' for the largest value. */
#define VIEW_FOLD_HEAT " .:-=+*#%@"
/* Characters of a heat line: with its label, a line fits 80 columns. */
#define VIEW_FOLD_HEAT_LINE 64

/*
 * Under a folded table, for people (fmt_note: text and the TUI; JSON has every
 * row's numbers in the rows it folds): every row's value v[i] as one
 * character of VIEW_FOLD_HEAT, in table order, VIEW_FOLD_HEAT_LINE a line
 * headed "CPU N" by its first row's cpu[i]; then a legend naming the values
 * (what) and the largest as col would show it.  Nothing when n is 0.
 */
void view_fold_heat(struct fmt *f, const double *v, const unsigned *cpu, size_t n,
		    const char *what, const struct fmt_col *col);
/* The level of value v against the largest max: 0 (blank) for none, 9 ('@') for max. */
unsigned view_fold_heat_level(double v, double max);
/* Frees the keys; the view and its title stay for the formatter. */
void view_fold_free(struct view_fold *vf);

#endif
