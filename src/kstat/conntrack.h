/* SPDX-License-Identifier: GPL-2.0-or-later */
/* conntrack.h: the connection tracker's drops from /proc/net/stat/nf_conntrack, summed over CPUs. */
#ifndef SOCKEYE_CONNTRACK_H
#define SOCKEYE_CONNTRACK_H

#include <stddef.h>
#include <stdint.h>

#define CONNTRACK_STAT_PATH "/proc/net/stat/nf_conntrack"

/* What why reads of the per-CPU table; has bit (1 << enum conntrack_counter) per column found. */
enum conntrack_counter {
	CT_ENTRIES,		/* the table's size now (every row holds the same) */
	CT_FOUND, CT_INVALID, CT_INSERT_FAILED, CT_DROP, CT_EARLY_DROP, CT_SEARCH_RESTART,
	CT_NCOUNTERS,
};

struct conntrack_stat {
	unsigned has;
	uint64_t v[CT_NCOUNTERS];
};

/*
 * Parses the text of /proc/net/stat/nf_conntrack: a header naming the columns
 * (their set changed over the years, so they are found by name) and one row
 * of hex numbers per CPU, summed.  0, -EBADMSG (no header, a row that is not
 * hex or has another column count).  The text needs no NUL.
 */
int conntrack_parse(const char *text, size_t len, struct conntrack_stat *s);
/* The column name of a counter ("insert_failed"). */
const char *conntrack_counter_name(enum conntrack_counter c);

#endif
