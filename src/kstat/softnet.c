/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softnet.c: strict parser for the text of /proc/net/softnet_stat (per-CPU backlog counters). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "kstat/softnet.h"
#include "util/scan.h"

/*
 * net/core/net-procfs.c, softnet_seq_show: one row per *online* CPU of "%08x"
 * columns, grown by appending over the years:
 *
 *   0 processed  1 dropped  2 time_squeeze  3-7 zero (was fastroute)
 *   8 zero (was cpu_collision)  9 received_rps (2.6.35)  10 flow_limit_count (3.11)
 *  11 backlog_len  12 CPU index (5.10)  13 input_qlen  14 process_qlen (6.x) ...
 *
 * So a row has 9, 10, 11 or at least 13 columns (backlog and index came
 * together), and every row of one file has the same count.  Columns past the
 * index are accepted and ignored, since newer kernels keep appending.  Before
 * 5.10 offline CPUs are skipped without a trace, so the row number is only a
 * guess at the CPU id; the index column, when present, is the real one.
 */
enum {
	COL_PROCESSED = 0,
	COL_DROPPED = 1,
	COL_TIME_SQUEEZE = 2,
	COL_RECEIVED_RPS = 9,
	COL_FLOW_LIMIT = 10,
	COL_BACKLOG_LEN = 11,
	COL_CPU = 12,
	NCOLS_KEPT = 13,
	NCOLS_MIN = 9,
};

/* One row: the first NCOLS_KEPT columns into cols, the count of all of them into *ncols. */
static int parse_row(const char *p, const char *eol, uint64_t cols[NCOLS_KEPT], unsigned *ncols)
{
	unsigned n = 0;
	uint64_t v;

	for (p = scan_skip_blanks(p, eol); p < eol; p = scan_skip_blanks(p, eol)) {
		/* "%08x" columns (no "0x"), one blank apart. */
		p = scan_hex(p, eol, SCAN_BLANKS, &v);
		if (!p || n == UINT_MAX)
			return -EBADMSG;
		if (n < NCOLS_KEPT)
			cols[n] = v;
		n++;
	}
	if (n < NCOLS_MIN || n == NCOLS_KEPT - 1)
		return -EBADMSG;
	*ncols = n;
	return 0;
}

static unsigned count_lines(const char *p, const char *end)
{
	const char *line, *eol;
	unsigned n = 0;

	while (scan_next_line(&p, end, &line, &eol))
		n++;
	return n;
}

int softnet_parse(const char *text, size_t len, struct softnet_snap *s)
{
	const char *p = text, *end = text + len, *line, *eol;
	unsigned nrows, ncols, first_ncols = 0;
	uint64_t cols[NCOLS_KEPT];
	int err = 0;

	s->cpus = NULL;
	s->ncpus = 0;
	/*
	 * The kernel ends every row: a last one without '\n' is a cut read, maybe
	 * mid-number.  A machine has at least one online CPU, so empty is a failed read.
	 */
	if (!len || text[len - 1] != '\n') {
		err = -EBADMSG;
		goto out;
	}
	nrows = count_lines(text, end);
	s->cpus = calloc(nrows, sizeof(*s->cpus));
	if (!s->cpus) {
		err = -ENOMEM;
		goto out;
	}
	while (scan_next_line(&p, end, &line, &eol)) {
		struct softnet_cpu *c = &s->cpus[s->ncpus];

		err = parse_row(line, eol, cols, &ncols);
		if (err)
			goto out;
		if (s->ncpus && ncols != first_ncols) {
			err = -EBADMSG;
			goto out;
		}
		first_ncols = ncols;
		c->processed = cols[COL_PROCESSED];
		c->dropped = cols[COL_DROPPED];
		c->time_squeeze = cols[COL_TIME_SQUEEZE];
		c->has_rps = ncols > COL_RECEIVED_RPS;
		c->has_flow_limit = ncols > COL_FLOW_LIMIT;
		c->has_backlog = ncols > COL_BACKLOG_LEN;
		if (c->has_rps)
			c->received_rps = cols[COL_RECEIVED_RPS];
		if (c->has_flow_limit)
			c->flow_limit_count = cols[COL_FLOW_LIMIT];
		if (c->has_backlog)
			c->backlog_len = cols[COL_BACKLOG_LEN];
		c->cpu = s->ncpus;
		if (ncols > COL_CPU) {
			/* The kernel walks CPUs upwards: a repeat or a step back is corruption. */
			if (cols[COL_CPU] > UINT_MAX ||
			    (s->ncpus && cols[COL_CPU] <= s->cpus[s->ncpus - 1].cpu)) {
				err = -EBADMSG;
				goto out;
			}
			c->cpu = (unsigned)cols[COL_CPU];
		}
		s->ncpus++;
	}
out:
	if (err)
		softnet_free(s);
	return err;
}

void softnet_free(struct softnet_snap *s)
{
	free(s->cpus);
	s->cpus = NULL;
	s->ncpus = 0;
}
