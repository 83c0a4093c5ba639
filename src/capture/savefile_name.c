/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_name.c: the names of rotated files (-C, -G, -W), as tcpdump makes them. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "capture/savefile.h"

#define NSEC 1000000000ull

/* tcpdump's getWflagChars(): digits of the largest file number, COUNT - 1. */
static unsigned wr_digits(unsigned count)
{
	unsigned d = 0;

	for (unsigned x = count ? count - 1 : 0; x > 0; x /= 10)
		d++;
	return d;
}

int savefile_write_filename(char *buf, size_t len, const char *pattern,
			    const struct savefile_write_opts *o, uint64_t interval_ns,
			    unsigned count)
{
	unsigned digits = o->rotate_bytes ? wr_digits(o->max_files) : 0;
	char base[PATH_MAX];
	int n;

	if (o->rotate_secs) {
		time_t t = (time_t)(interval_ns / NSEC);
		struct tm tm;

		if (!localtime_r(&t, &tm))
			return -EOVERFLOW;
		/* The pattern is the user's -w argument: strftime is what -G promises. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		if (strftime(base, sizeof(base), pattern, &tm) == 0 && *pattern)
			return -ENAMETOOLONG;
#pragma GCC diagnostic pop
	} else if ((size_t)snprintf(base, sizeof(base), "%s", pattern) >= sizeof(base)) {
		return -ENAMETOOLONG;
	}
	if (count == 0 && digits == 0)
		n = snprintf(buf, len, "%s", base);
	else
		n = snprintf(buf, len, "%s%0*u", base, (int)digits, count);
	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}
