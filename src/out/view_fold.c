/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_fold.c: the busiest rows of a big table, for its folded view. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "out/view_fold.h"

void view_fold_init(struct view_fold *vf, size_t n)
{
	vf->n = vf->shown = n;
	vf->key = calloc(n ? n : 1, sizeof(*vf->key));
	vf->order = calloc(n ? n : 1, sizeof(*vf->order));
	if (!vf->key || !vf->order) {
		free(vf->key);
		free(vf->order);
		vf->key = NULL;
		vf->order = NULL;
	}
}

void view_fold_free(struct view_fold *vf)
{
	free(vf->key);
	free(vf->order);
	vf->key = NULL;
	vf->order = NULL;
}

static const uint64_t *rank_key;

static int busier_first(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (rank_key[x] != rank_key[y])
		return rank_key[x] > rank_key[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

void view_fold_table_begin(struct fmt *f, struct view_fold *vf, const struct fmt_view *v,
			   const char *what, unsigned groups)
{
	vf->shown = vf->n;
	if (vf->key && vf->n > VIEW_FOLD_ROWS) {
		for (size_t i = 0; i < vf->n; i++)
			vf->order[i] = i;
		/* One thread draws: the keys may live in a static for qsort's comparison. */
		rank_key = vf->key;
		qsort(vf->order, vf->n, sizeof(*vf->order), busier_first);
		vf->shown = VIEW_FOLD_ROWS;
	}
	if (!view_fold_is_folded(vf)) {
		fmt_table_begin(f, v, groups);
		return;
	}
	vf->view = *v;
	snprintf(vf->title, sizeof(vf->title), "%s: the %zu busiest of %zu %s, then all", v->title,
		 vf->shown, vf->n, what);
	vf->view.title = vf->title;
	fmt_table_begin(f, &vf->view, groups);
}

size_t view_fold_row(const struct view_fold *vf, size_t k)
{
	return view_fold_is_folded(vf) ? vf->order[k] : k;
}

unsigned view_fold_heat_level(double v, double max)
{
	unsigned top = sizeof(VIEW_FOLD_HEAT) - 2;
	unsigned level;

	if (!(v > 0) || !(max > 0))
		return 0;
	/* Any load shows ('.'), only the largest is '@': eight steps between. */
	level = 1 + (unsigned)((double)(top - 1) * (v / max));
	return level > top ? top : level;
}

void view_fold_heat(struct fmt *f, const double *v, const unsigned *cpu, size_t n,
		    const char *what, const struct fmt_col *col)
{
	char line[16 + VIEW_FOLD_HEAT_LINE + 1], legend[256], num[48];
	struct fmt_cell cell = { .set = true };
	size_t argmax = 0;
	double max = 0;

	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		if (v[i] > max) {
			max = v[i];
			argmax = i;
		}
	if (col->type == FMT_U64)
		cell.u = (uint64_t)max;
	else
		cell.d = max;
	fmt_cell_text(col, &cell, false, num, sizeof(num));
	/* What a character means, and which CPU is the '@'. */
	if (max > 0)
		snprintf(legend, sizeof(legend),
			 "heat: %s by CPU, \"%s\" from none to %s (CPU %u):",
			 what, VIEW_FOLD_HEAT, num, cpu[argmax]);
	else
		snprintf(legend, sizeof(legend), "heat: %s by CPU: none on any", what);
	fmt_note(f, legend);
	for (size_t i = 0; max > 0 && i < n; i += VIEW_FOLD_HEAT_LINE) {
		int len = snprintf(line, sizeof(line), "CPU %-4u", cpu[i]);

		for (size_t k = i; k < n && k < i + VIEW_FOLD_HEAT_LINE; k++)
			line[len++] = VIEW_FOLD_HEAT[view_fold_heat_level(v[k], max)];
		line[len] = '\0';
		fmt_note(f, line);
	}
}

bool view_fold_is_folded(const struct view_fold *vf)
{
	return vf->shown < vf->n;
}
