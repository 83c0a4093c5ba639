/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_cell.c: the text form of one typed cell, humanized unless -n. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "out/fmt.h"

static const char *const bytes_units[] = { "", "K", "M", "G", "T", "P" };
static const char *const rate_units[] = { "", "k", "M", "G", "T" };
static const char *const duration_units[] = { "ns", "us", "ms", "s" };

#define NUNITS(a) (sizeof(a) / sizeof((a)[0]))
#define NS_PER_SEC UINT64_C(1000000000)

/* snprintf's count as a size_t (it fails only on formats these never use). */
static size_t out_len(int n)
{
	return n < 0 ? 0 : (size_t)n;
}

/*
 * x in the largest unit it reaches (x >= base moves up one): one decimal under
 * 100 of the unit, none from 100 on.  The choice reads the printed digits, so
 * rounding never shows "100.0K" or "1024K".
 */
static size_t scaled(char *buf, size_t len, const char *sign, double x, double base,
		     const char *const *units, size_t nunits)
{
	char num[320];	/* "%.0f" of DBL_MAX fits */
	size_t i = 0;

	while (x >= base && i + 1 < nunits) {
		x /= base;
		i++;
	}
	snprintf(num, sizeof(num), "%.1f", x);
	if (strtod(num, NULL) >= 100) {
		snprintf(num, sizeof(num), "%.0f", x);
		if (strtod(num, NULL) >= base && i + 1 < nunits) {
			x /= base;
			i++;
			snprintf(num, sizeof(num), "%.1f", x);
		}
	}
	return out_len(snprintf(buf, len, "%s%s%s", sign, num, units[i]));
}

static size_t bytes_text(char *buf, size_t len, uint64_t v, bool numeric)
{
	if (numeric || v < 1024)
		return out_len(snprintf(buf, len, "%" PRIu64, v));
	return scaled(buf, len, "", (double)v, 1024, bytes_units, NUNITS(bytes_units));
}

static size_t duration_text(char *buf, size_t len, uint64_t ns, bool numeric)
{
	if (numeric)
		return out_len(snprintf(buf, len, "%" PRIu64, ns));
	if (ns < 1000)
		return out_len(snprintf(buf, len, "%" PRIu64 "ns", ns));
	return scaled(buf, len, "", (double)ns, 1000, duration_units, NUNITS(duration_units));
}

/* -n: up to 2 decimals, trailing zeros and a bare point dropped ("8112", "0.5"). */
static size_t rate_numeric(char *buf, size_t len, double x)
{
	char num[320];
	size_t n = out_len(snprintf(num, sizeof(num), "%.2f", x));

	if (isfinite(x)) {
		while (num[n - 1] == '0')
			n--;
		if (num[n - 1] == '.')
			n--;
		num[n] = '\0';
	}
	return out_len(snprintf(buf, len, "%s", strcmp(num, "-0") ? num : "0"));
}

/* Whole rates under 1000 print as integers ("12"), others with one decimal ("0.5"). */
static size_t rate_text(char *buf, size_t len, double x, bool numeric)
{
	const char *sign = "";
	char num[16];

	if (numeric)
		return rate_numeric(buf, len, x);
	if (!isfinite(x))
		return out_len(snprintf(buf, len, "%.0f", x));
	if (x < 0) {
		sign = "-";
		x = -x;
	}
	if (x < 1000) {
		snprintf(num, sizeof(num), x == floor(x) ? "%.0f" : "%.1f", x);
		if (strtod(num, NULL) < 1000)
			return out_len(snprintf(buf, len, "%s%s", sign, num));
	}
	return scaled(buf, len, sign, x, 1000, rate_units, NUNITS(rate_units));
}

/* UTC with microseconds ("2026-11-22T02:48:50.123456Z"); -n: seconds.nanoseconds. */
static size_t timestamp_text(char *buf, size_t len, uint64_t ns, bool numeric)
{
	time_t sec = (time_t)(ns / NS_PER_SEC);
	char date[32];
	struct tm tm;

	if (numeric || !gmtime_r(&sec, &tm) ||
	    !strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm))
		return out_len(snprintf(buf, len, "%" PRIu64 ".%09" PRIu64, ns / NS_PER_SEC,
					ns % NS_PER_SEC));
	return out_len(snprintf(buf, len, "%s.%06" PRIu64 "Z", date, ns % NS_PER_SEC / 1000));
}

size_t fmt_cell_text(const struct fmt_col *c, const struct fmt_cell *cell, bool numeric,
		     char *buf, size_t len)
{
	if (!cell->set)
		return out_len(snprintf(buf, len, "-"));
	switch (c->type) {
	case FMT_U64:
		return out_len(snprintf(buf, len, "%" PRIu64, cell->u));
	case FMT_S64:
		return out_len(snprintf(buf, len, "%" PRId64, cell->s));
	case FMT_DOUBLE:
		return out_len(snprintf(buf, len, "%.1f", cell->d));
	case FMT_PERCENT:
		return out_len(snprintf(buf, len, "%.1f%%", cell->d));
	case FMT_BOOL:
		return out_len(snprintf(buf, len, "%s", cell->b ? "yes" : "no"));
	case FMT_BYTES:
		return bytes_text(buf, len, cell->u, numeric);
	case FMT_RATE:
		return rate_text(buf, len, cell->d, numeric);
	case FMT_DURATION:
		return duration_text(buf, len, cell->u, numeric);
	case FMT_TIMESTAMP:
		return timestamp_text(buf, len, cell->u, numeric);
	case FMT_STR:
	case FMT_IP:
	case FMT_IPPORT:
	case FMT_MAC:
	case FMT_LINES:
		break;
	}
	return out_len(snprintf(buf, len, "%s", cell->str ? cell->str : ""));
}
