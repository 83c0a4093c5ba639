/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panels.h: top's panel table and one run's state: sample, collect, emit a snapshot. */
#ifndef SOCKEYE_CMD_TOP_PANELS_H
#define SOCKEYE_CMD_TOP_PANELS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/panel.h"
#include "cmd/top/view_top.h"

/* The panels, keys 1-9 in screen order. */
#define PANELS_N 9

struct panels;

/* A run of o: every panel's collector started (none on a replay).  NULL: out of memory. */
struct panels *panels_new(const struct top_opts *o);
void panels_free(struct panels *p);

/* Panel i's name (its table's, the live view's). */
const char *panels_name(size_t i);
/* Every panel's name, ", "-separated (for messages). */
const char *panels_names(void);

#define PANELS_BAD_LEN 64
/*
 * --panels LIST: off[i] (NULL: only the check) set for each panel LIST does
 * not name.  0, or -ENOENT with the name that is no panel's in bad.
 */
int panels_select(const char *list, bool *off, char bad[PANELS_BAD_LEN]);

/*
 * Takes sample number i (live, saved under --record DIR/i, or read back from
 * --replay DIR/i) with the parts the panels not hidden want (hidden: NULL or
 * PANELS_N flags), then runs their collectors.  0, or -errno (said).
 */
int panels_sample(struct panels *p, unsigned i, const bool *hidden);
/* The sample taken becomes the one before. */
void panels_shift(struct panels *p);
/* The summary of the last two samples. */
void panels_summary(const struct panels *p, struct top_summary *sum);
/* One snapshot of every panel; sum: the summary table (batch) ahead of them, or NULL. */
void panels_emit(struct fmt *f, const struct panels *p, const struct top_summary *sum);

#endif
