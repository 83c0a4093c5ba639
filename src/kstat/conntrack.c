/* SPDX-License-Identifier: GPL-2.0-or-later */
/* conntrack.c: parser of /proc/net/stat/nf_conntrack (per-CPU hex rows under a named header). */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "kstat/conntrack.h"
#include "util/scan.h"

/* Columns a row may have: far above the 17 of 6.x, a bound, not a size. */
#define MAX_COLS 64

static const char *const names[CT_NCOUNTERS] = {
	[CT_ENTRIES] = "entries",
	[CT_FOUND] = "found",
	[CT_INVALID] = "invalid",
	[CT_INSERT_FAILED] = "insert_failed",
	[CT_DROP] = "drop",
	[CT_EARLY_DROP] = "early_drop",
	[CT_SEARCH_RESTART] = "search_restart",
};

const char *conntrack_counter_name(enum conntrack_counter c)
{
	return c < CT_NCOUNTERS ? names[c] : "?";
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The header: which counter each column is (-1: one we do not read).  The column count. */
static int parse_header(const char *p, const char *end, int *col_of)
{
	int ncols = 0;

	while (p < end) {
		const char *w;
		size_t n;

		while (p < end && is_blank(*p))
			p++;
		if (p == end)
			break;
		w = p;
		while (p < end && !is_blank(*p))
			p++;
		n = (size_t)(p - w);
		if (ncols == MAX_COLS)
			return -EBADMSG;
		col_of[ncols] = -1;
		for (int c = 0; c < CT_NCOUNTERS; c++)
			if (strlen(names[c]) == n && !memcmp(names[c], w, n))
				col_of[ncols] = c;
		ncols++;
	}
	return ncols ? ncols : -EBADMSG;
}

/* One CPU's row, added to s. */
static int parse_row(const char *p, const char *end, const int *col_of, int ncols, bool first,
		     struct conntrack_stat *s)
{
	int col = 0;

	while (p < end) {
		uint64_t v = 0;
		int digits = 0;

		while (p < end && is_blank(*p))
			p++;
		if (p == end)
			break;
		for (; p < end && !is_blank(*p); p++, digits++) {
			int h = scan_hex_digit(*p);

			if (h < 0 || digits == 16)
				return -EBADMSG;
			v = v << 4 | (uint64_t)h;
		}
		if (col == ncols)
			return -EBADMSG;
		if (col_of[col] >= 0) {
			int c = col_of[col];

			s->has |= 1u << c;
			/* The table's size is global: every row repeats it. */
			if (c == CT_ENTRIES)
				s->v[c] = first ? v : s->v[c];
			else
				s->v[c] += v;
		}
		col++;
	}
	return col == ncols ? 0 : -EBADMSG;
}

int conntrack_parse(const char *text, size_t len, struct conntrack_stat *s)
{
	const char *p = text, *end = text + len;
	int col_of[MAX_COLS], ncols = -EBADMSG;
	bool first = true;

	memset(s, 0, sizeof(*s));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		int err;

		if (ncols < 0) {
			ncols = parse_header(p, eol, col_of);
			if (ncols < 0)
				return ncols;
		} else if (eol > p) {
			err = parse_row(p, eol, col_of, ncols, first, s);
			if (err)
				return err;
			first = false;
		}
		p = nl ? nl + 1 : end;
	}
	return ncols < 0 ? -EBADMSG : 0;
}
