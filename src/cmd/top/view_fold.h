/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_fold.h: big hosts' per-CPU and per-queue tables folded into their busiest rows and a total. */
#ifndef SOCKEYE_VIEW_FOLD_H
#define SOCKEYE_VIEW_FOLD_H

#include <stddef.h>
#include <stdint.h>

/*
 * A table of more rows than this (128 CPUs, 4 NICs of 64 queues) shows its
 * busiest VIEW_FOLD_ROWS and then one row for all of them (its key column
 * unset: "-" in text, null in JSON); the title says so.  Below, every row.
 */
#define VIEW_FOLD_ROWS 16

/*
 * The rows to show of n, busiest first: order[0 .. return-1] (order holds n
 * slots), by key (larger first; equal ones in their table order).  All n,
 * in table order, when n <= VIEW_FOLD_ROWS, else VIEW_FOLD_ROWS.
 */
size_t view_fold_rank(const uint64_t *key, size_t n, size_t *order);

/* "TITLE: the 16 busiest of 128 CPUS, then all" into buf. */
const char *view_fold_title(char *buf, size_t len, const char *title, size_t shown, size_t n,
			    const char *what);

#endif
