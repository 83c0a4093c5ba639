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
 * snprintf(num, n, "%.1f" or "%.0f", x), faster for the small values scaled
 * units give: x * 10^decimals rounded to the nearest integer is what printf
 * prints, unless x sits so close to a halfway point that the product's own
 * rounding could decide (printf rounds the exact binary value, ties to even);
 * those, and large or odd values, go to snprintf.  Tables print thousands.
 */
static void fixed(char *num, size_t n, double x, int decimals)
{
	double t = decimals ? x * 10 : x, r;
	uint64_t v;

	if (!(t >= 0 && t < 1e7) || fabs(t - floor(t) - 0.5) < 1e-6 || n < 16) {
		snprintf(num, n, decimals ? "%.1f" : "%.0f", x);
		return;
	}
	r = floor(t + 0.5);
	v = (uint64_t)r;
	if (decimals)
		snprintf(num, n, "%" PRIu64 ".%u", v / 10, (unsigned)(v % 10));
	else
		snprintf(num, n, "%" PRIu64, v);
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
	fixed(num, sizeof(num), x, 1);
	if (strtod(num, NULL) >= 100) {
		fixed(num, sizeof(num), x, 0);
		if (strtod(num, NULL) >= base && i + 1 < nunits) {
			x /= base;
			i++;
			fixed(num, sizeof(num), x, 1);
		}
	}
	return out_len(snprintf(buf, len, "%s%s%s", sign, num, units[i]));
}

/* v in decimal; the hot path of big tables, where snprintf's generality costs. */
static size_t u64_text(char *buf, size_t len, uint64_t v)
{
	char tmp[20];
	size_t n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	/* Like snprintf: as many digits as fit, and the length it needed. */
	for (size_t i = 0; i < n && i + 1 < len; i++)
		buf[i] = tmp[n - 1 - i];
	if (len)
		buf[n < len ? n : len - 1] = '\0';
	return n;
}

static size_t bytes_text(char *buf, size_t len, uint64_t v, bool numeric)
{
	if (numeric || v < 1024)
		return u64_text(buf, len, v);
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
	size_t n;

	/* Whole rates (bits and bytes per second) print as integers: the common case, fast. */
	if (x == floor(x) && fabs(x) < 1e15) {
		if (x >= 0)
			return u64_text(buf, len, (uint64_t)x);
		u64_text(num + 1, sizeof(num) - 1, (uint64_t)-x);
		num[0] = '-';
		return out_len(snprintf(buf, len, "%s", num));
	}
	n = out_len(snprintf(num, sizeof(num), "%.2f", x));

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
		fixed(num, sizeof(num), x, x != floor(x));
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
		return u64_text(buf, len, cell->u);
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
	case FMT_USEC:
		/* -n keeps the microseconds; text scales them as a duration (saturating). */
		if (numeric)
			return out_len(snprintf(buf, len, "%" PRIu64, cell->u));
		return duration_text(buf, len, cell->u > UINT64_MAX / 1000 ? UINT64_MAX :
					       cell->u * 1000, false);
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
