/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_fold.c: the busiest rows of a big table, for its folded view. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd/top/view_fold.h"

static const uint64_t *rank_key;

static int busier_first(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (rank_key[x] != rank_key[y])
		return rank_key[x] > rank_key[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

size_t view_fold_rank(const uint64_t *key, size_t n, size_t *order)
{
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	if (n <= VIEW_FOLD_ROWS)
		return n;
	/* One thread draws: the key may live in a static for qsort's comparison. */
	rank_key = key;
	qsort(order, n, sizeof(*order), busier_first);
	return VIEW_FOLD_ROWS;
}

const char *view_fold_title(char *buf, size_t len, const char *title, size_t shown, size_t n,
			    const char *what)
{
	if (shown >= n)
		return title;
	snprintf(buf, len, "%s: the %zu busiest of %zu %s, then all", title, shown, n, what);
	return buf;
}
