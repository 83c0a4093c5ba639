/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops_sample.h: two readings of the drop counts to the drops of the interval between them. */
#ifndef SOCKEYE_DROPS_SAMPLE_H
#define SOCKEYE_DROPS_SAMPLE_H

#include "bpf/drops.h"

/* Sorts s->entries by key, as drops_sample_find needs. */
void drops_sample_sort(struct drops_sample *s);
const struct drops_entry *drops_sample_find(const struct drops_sample *s,
					    const struct drops_key *k);
void drops_sample_free(struct drops_sample *s);

/*
 * The drops between prev (NULL: since attach) and cur, with the stack id
 * folded away: one row per (reason, location, protocol, interface), count the
 * difference, rows with none left out, sorted by count (most first), then key.
 * *rows is malloc'ed (free it).  Count of rows or -ENOMEM.
 */
int drops_sample_diff(const struct drops_sample *prev, const struct drops_sample *cur,
		      struct drops_entry **rows);

/* Of the keys that row folds, the stack id that grew most since prev; -1 if none. */
int32_t drops_sample_top_stack(const struct drops_sample *prev, const struct drops_sample *cur,
			       const struct drops_entry *row);

#endif
