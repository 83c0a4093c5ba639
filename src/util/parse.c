/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parse.c: strict number, size and duration parsing: no junk, no silent wrap-around. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/parse.h"

/* strtoull accepts leading spaces and a minus sign and wraps it; we accept neither. */
static int parse_digits(const char *s, uint64_t *out, const char **end)
{
	char *e;
	unsigned long long v;

	if (!s || !isdigit((unsigned char)s[0]))
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &e, 10);
	if (errno == ERANGE)
		return -ERANGE;
	*out = v;
	*end = e;
	return 0;
}

int parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	const char *end;
	uint64_t v;
	int err = parse_digits(s, &v, &end);

	if (err)
		return err;
	if (*end)
		return -EINVAL;
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

int parse_size(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	static const char units[] = "kmgt";
	const char *end;
	uint64_t v, mult = 1;
	int err = parse_digits(s, &v, &end);

	if (err)
		return err;
	if (*end) {
		const char *u = strchr(units, tolower((unsigned char)*end));

		if (!u || !*u)
			return -EINVAL;
		mult = 1ull << (10 * (u - units + 1));
		end++;
		if (!strcasecmp(end, "ib") || !strcasecmp(end, "b"))
			end += strlen(end);
		if (*end)
			return -EINVAL;
	}
	if (v > UINT64_MAX / mult)
		return -ERANGE;
	v *= mult;
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

int parse_duration_ns(const char *s, uint64_t min_ns, uint64_t max_ns, uint64_t *out)
{
	static const struct {
		const char *name;
		double ns;
	} units[] = {
		{ "ns", 1 }, { "us", 1e3 }, { "ms", 1e6 }, { "s", 1e9 }, { "m", 60e9 }, { "h", 3600e9 },
	};
	char *end;
	double v, mult = 1e9;

	if (!s || !(isdigit((unsigned char)s[0]) || s[0] == '.'))
		return -EINVAL;
	errno = 0;
	v = strtod(s, &end);
	/* strtod also takes hex ("0x10") and exponents ("1e3"): plain decimals only. */
	if (end == s || end != s + strspn(s, "0123456789.") || errno == ERANGE || !isfinite(v))
		return -EINVAL;
	if (*end) {
		size_t i;

		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (!strcmp(end, units[i].name))
				break;
		if (i == sizeof(units) / sizeof(units[0]))
			return -EINVAL;
		mult = units[i].ns;
	}
	v *= mult;
	if (v > 1.8e19)
		return -ERANGE;
	if ((uint64_t)llround(v) < min_ns || (uint64_t)llround(v) > max_ns)
		return -ERANGE;
	*out = (uint64_t)llround(v);
	return 0;
}
