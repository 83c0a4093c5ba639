/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirqs.c: strict parser for the text of /proc/softirqs (NET_RX and NET_TX per CPU). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "kstat/softirqs.h"
#include "util/scan.h"

/*
 * The kernel (kernel/softirq.c, show_softirqs) prints a header of "CPU%-8d"
 * for each *possible* CPU, in increasing order, then one "%12s:" row per
 * softirq with " %10u" for each of those CPUs.  The CPU numbers have gaps
 * only when the possible mask is sparse, and every row has exactly one count
 * per header column.  So a row with fewer (or more) counts is a truncated or
 * corrupted read, not an older format: it is rejected rather than padded with
 * zeros, since a zero would later look like a counter reset and turn into a
 * huge bogus rate.  The text need not be NUL-terminated: every read honours len.
 */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The "CPU0 CPU1 ..." header.  Counts the columns into *n and, when cpus is
 * not NULL, records their numbers.  CPU numbers must increase strictly.
 */
static int parse_header(const char *p, const char *eol, struct softirqs_cpu *cpus, unsigned *n)
{
	unsigned count = 0;
	uint64_t cpu, prev = 0;

	for (p = scan_skip_blanks(p, eol); p < eol; p = scan_skip_blanks(p, eol)) {
		if (eol - p < 3 || memcmp(p, "CPU", 3))
			return -EBADMSG;
		p = scan_dec(p + 3, eol, UINT_MAX, SCAN_BLANKS, &cpu);
		if (!p || (count && cpu <= prev) || count == UINT_MAX)
			return -EBADMSG;
		if (cpus)
			cpus[count].cpu = (unsigned)cpu;
		prev = cpu;
		count++;
	}
	if (!count)
		return -EBADMSG;
	*n = count;
	return 0;
}

static bool is_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
}

/*
 * One "NAME: n n ..." row with exactly s->ncpus counts.  Every row is checked,
 * not only the two we keep, so junk anywhere in the file is caught.
 */
static int parse_row(const char *p, const char *eol, struct softirqs_snap *s,
		     bool *seen_rx, bool *seen_tx)
{
	const char *name;
	size_t name_len;
	bool is_rx, is_tx;
	uint64_t v;

	p = scan_skip_blanks(p, eol);
	name = p;
	while (p < eol && is_name_char(*p))
		p++;
	name_len = (size_t)(p - name);
	if (!name_len || p == eol || *p != ':')
		return -EBADMSG;
	p++;
	is_rx = name_len == 6 && !memcmp(name, "NET_RX", 6);
	is_tx = name_len == 6 && !memcmp(name, "NET_TX", 6);
	if ((is_rx && *seen_rx) || (is_tx && *seen_tx))
		return -EBADMSG;
	for (unsigned i = 0; i < s->ncpus; i++) {
		const char *num = scan_skip_blanks(p, eol);

		if (num == p)
			return -EBADMSG;
		p = scan_dec(num, eol, UINT64_MAX, SCAN_BLANKS, &v);
		if (!p)
			return -EBADMSG;
		if (is_rx)
			s->cpus[i].net_rx = v;
		else if (is_tx)
			s->cpus[i].net_tx = v;
	}
	if (scan_skip_blanks(p, eol) != eol)
		return -EBADMSG;
	*seen_rx |= is_rx;
	*seen_tx |= is_tx;
	return 0;
}

int softirqs_parse(const char *text, size_t len, struct softirqs_snap *s)
{
	const char *p = text, *end = text + len, *line, *eol;
	bool seen_rx = false, seen_tx = false;
	unsigned n;
	int err;

	s->cpus = NULL;
	s->ncpus = 0;
	/* The kernel ends every line: a last one without '\n' is a cut read, maybe mid-number. */
	if (!len || text[len - 1] != '\n' || !scan_next_line(&p, end, &line, &eol)) {
		err = -EBADMSG;
		goto out;
	}
	err = parse_header(line, eol, NULL, &n);
	if (err)
		goto out;
	s->cpus = calloc(n, sizeof(*s->cpus));
	if (!s->cpus) {
		err = -ENOMEM;
		goto out;
	}
	s->ncpus = n;
	err = parse_header(line, eol, s->cpus, &n);
	if (err)
		goto out;
	while (scan_next_line(&p, end, &line, &eol)) {
		err = parse_row(line, eol, s, &seen_rx, &seen_tx);
		if (err)
			goto out;
	}
	if (!seen_rx || !seen_tx)
		err = -EBADMSG;
out:
	if (err)
		softirqs_free(s);
	return err;
}

void softirqs_free(struct softirqs_snap *s)
{
	free(s->cpus);
	s->cpus = NULL;
	s->ncpus = 0;
}
