/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rps.c: RPS/RFS settings of a device's receive queues, and its interrupts per CPU. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kstat/kstat.h"
#include "kstat/rps.h"
#include "util/scan.h"

bool rps_mask_is_set(const char *mask)
{
	for (const char *p = mask; *p; p++)
		if ((*p >= '1' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F'))
			return true;
	return false;
}

/* The first line of a small sysfs file, without its newline. */
static int read_line(const char *path, char *buf, size_t len)
{
	char *text = NULL;
	size_t n;
	int err = kstat_read_file(path, &text, &n);

	if (err)
		return err;
	n = strcspn(text, "\n");
	if (n >= len)
		n = len - 1;
	memcpy(buf, text, n);
	buf[n] = '\0';
	free(text);
	return 0;
}

int rps_read(const char *sysfs, const char *ifname, struct rps_info *r)
{
	char dir[256], path[1024], val[64];
	struct dirent *de;
	DIR *d;

	memset(r, 0, sizeof(*r));
	snprintf(dir, sizeof(dir), "%s/class/net/%s/queues", sysfs, ifname);
	d = opendir(dir);
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (strncmp(de->d_name, "rx-", 3))
			continue;
		r->rx_queues++;
		snprintf(path, sizeof(path), "%s/%s/rps_cpus", dir, de->d_name);
		/* A kernel without CONFIG_RPS has no such file: no queue steers. */
		if (!read_line(path, val, sizeof(val)) && rps_mask_is_set(val)) {
			r->rps_queues++;
			if (!strcmp(de->d_name, "rx-0") || !r->rps_cpus[0])
				snprintf(r->rps_cpus, sizeof(r->rps_cpus), "%s", val);
		}
		snprintf(path, sizeof(path), "%s/%s/rps_flow_cnt", dir, de->d_name);
		if (!read_line(path, val, sizeof(val)))
			r->flow_cnt += strtoull(val, NULL, 10);
	}
	closedir(d);
	return 0;
}

static bool names_match(const char *line, size_t n, const char *const *names)
{
	for (; *names; names++) {
		size_t k = strlen(*names);

		/* A whole word of the line's tail: "eth1" must not match "eth10-rx-0". */
		for (const char *p = line; p + k <= line + n; p++) {
			char after = p + k < line + n ? p[k] : ' ';

			if (!memcmp(p, *names, k) && (p == line || p[-1] == ' ' || p[-1] == '@') &&
			    (after == ' ' || after == '-' || after == '.' || after == '@' ||
			     after == ':' || after == '\t'))
				return true;
		}
	}
	return false;
}

/* Far above the 8192 CPUs of the biggest machines: a bound, not a size. */
#define IRQ_MAX_CPUS 65536

int irq_use_parse(const char *text, size_t len, const char *const *names, struct irq_use *u)
{
	const char *p = text, *end = text + len, *line, *eol;
	uint64_t *counts;
	unsigned ncpus = 0;

	memset(u, 0, sizeof(*u));
	if (!scan_next_line(&p, end, &line, &eol))
		return -EBADMSG;
	for (const char *q = line; q + 3 <= eol; q++)
		if (!memcmp(q, "CPU", 3))
			ncpus++;
	if (!ncpus || ncpus > IRQ_MAX_CPUS)
		return -EBADMSG;
	u->per_cpu = calloc(ncpus, sizeof(*u->per_cpu));
	counts = calloc(ncpus, sizeof(*counts));
	if (!u->per_cpu || !counts) {
		free(counts);
		return -ENOMEM;
	}
	u->ncpus = ncpus;
	while (scan_next_line(&p, end, &line, &eol)) {
		const char *q = scan_skip_blanks(line, eol);
		uint64_t irq;
		unsigned c;

		/* "NMI:", "LOC:" and their kind have no number: never a device's. */
		q = scan_dec(q, eol, UINT32_MAX, ":", &irq);
		if (!q || q == eol)
			continue;
		q++;
		for (c = 0; c < ncpus; c++) {
			q = scan_dec(scan_skip_blanks(q, eol), eol, UINT64_MAX, SCAN_BLANKS,
				     &counts[c]);
			if (!q)
				break;
		}
		if (c < ncpus || !names_match(q, (size_t)(eol - q), names))
			continue;
		if (!u->nirqs++)
			u->first_irq = (unsigned)irq;
		for (c = 0; c < ncpus; c++)
			u->per_cpu[c] += counts[c];
	}
	free(counts);
	return 0;
}

void irq_use_free(struct irq_use *u)
{
	free(u->per_cpu);
	memset(u, 0, sizeof(*u));
}
