/* SPDX-License-Identifier: GPL-2.0-or-later */
/* timefmt.c: packet timestamps as tcpdump prints them, with localtime cached per quarter hour. */
#include "config.h"

#include <string.h>

#include "decode/timefmt.h"

/*
 * A quarter hour: every zone offset and DST change in use falls on one, so the
 * local time inside it is the cached start plus plain arithmetic.
 */
#define CACHE_SPAN 900

void timefmt_init(struct timefmt *t, enum timefmt_style style, bool nano, bool utc)
{
	memset(t, 0, sizeof(*t));
	t->style = style;
	t->nano = nano;
	t->utc = utc;
}

/* Writes v as exactly n digits (zero-padded) and returns the end. */
static char *put_digits(char *p, uint64_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

/* Writes v without padding. */
static char *put_u64(char *p, uint64_t v)
{
	char tmp[20];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static char *put_fraction(const struct timefmt *t, char *p, uint64_t ns)
{
	*p++ = '.';
	return t->nano ? put_digits(p, ns % 1000000000ull, 9)
		       : put_digits(p, (ns % 1000000000ull) / 1000, 6);
}

/* Broken-down local (or UTC) time of sec, from the quarter-hour cache. */
static void split_time(struct timefmt *t, time_t sec, struct tm *out)
{
	time_t start = sec - (((sec % CACHE_SPAN) + CACHE_SPAN) % CACHE_SPAN);
	long within;

	if (!t->cache_ok || start != t->cache_start) {
		if (t->utc)
			gmtime_r(&start, &t->cache_tm);
		else
			localtime_r(&start, &t->cache_tm);
		t->cache_start = start;
		t->cache_ok = true;
	}
	*out = t->cache_tm;
	within = (long)(sec - start);
	out->tm_sec += (int)(within % 60);
	out->tm_min += (int)(within / 60);
	/* A quarter hour starts at a whole minute in every zone we know, so no carry past the hour. */
	if (out->tm_sec >= 60) {
		out->tm_sec -= 60;
		out->tm_min++;
	}
}

static char *put_clock(char *p, uint64_t h, int m, int s)
{
	p = h < 100 ? put_digits(p, h, 2) : put_u64(p, h);
	*p++ = ':';
	p = put_digits(p, (uint64_t)m, 2);
	*p++ = ':';
	return put_digits(p, (uint64_t)s, 2);
}

static char *put_delta(const struct timefmt *t, char *p, uint64_t d)
{
	uint64_t sec = d / 1000000000ull;

	p = put_clock(p, sec / 3600, (int)(sec / 60 % 60), (int)(sec % 60));
	return put_fraction(t, p, d);
}

/* tcpdump's "%06u" (or "%09u" with --nano) of the field, of any size */
static char *put_odd_fraction(const struct timefmt *t, char *p, uint64_t odd_ns)
{
	uint64_t v = t->nano ? odd_ns : odd_ns / 1000;
	char digits[24];
	char *e = put_u64(digits, v);
	int width = t->nano ? 9 : 6;

	*p++ = '.';
	if (e - digits < width)
		return put_digits(p, v, width);
	memcpy(p, digits, (size_t)(e - digits));
	return p + (e - digits);
}

size_t timefmt_format_odd(struct timefmt *t, uint64_t ts_ns, uint64_t odd_ns, char *buf)
{
	uint64_t sec_ns = ts_ns - odd_ns;
	size_t n;

	if (!t->seen) {
		t->first_ns = t->prev_ns = ts_ns;
		t->seen = true;
	}
	if (!odd_ns || t->style == TIMEFMT_NONE || t->style == TIMEFMT_DELTA_PREV ||
	    t->style == TIMEFMT_DELTA_FIRST)
		return timefmt_format(t, ts_ns, buf);
	/* the whole seconds as usual, their fraction (zero) replaced by the field */
	n = timefmt_format(t, sec_ns, buf);
	t->prev_ns = ts_ns;
	if (buf[0] == '[')
		return n; /* the error in place of the time */
	while (n && buf[n - 1] != '.')
		n--;
	if (!n)
		return 0;
	n--;
	n = (size_t)(put_odd_fraction(t, buf + n, odd_ns) - buf);
	buf[n] = '\0';
	return n;
}

size_t timefmt_format(struct timefmt *t, uint64_t ts_ns, char *buf)
{
	time_t sec = (time_t)(ts_ns / 1000000000ull);
	uint64_t base;
	struct tm tm;
	char *p = buf;

	if (!t->seen) {
		t->first_ns = t->prev_ns = ts_ns;
		t->seen = true;
	}
	/*
	 * tcpdump's for a capture file's seconds with the top bit of 32 set
	 * (time before 1970 in a signed field): no time, no fraction.
	 */
	if ((uint64_t)sec & 0x80000000u && (t->style == TIMEFMT_EPOCH || t->style == TIMEFMT_DATE ||
					    t->style == TIMEFMT_LOCAL)) {
		static const char err[] = "[Error converting time]";

		memcpy(buf, err, sizeof(err));
		t->prev_ns = ts_ns;
		return sizeof(err) - 1;
	}
	switch (t->style) {
	case TIMEFMT_NONE:
		break;
	case TIMEFMT_EPOCH:
		p = put_u64(p, (uint64_t)sec);
		p = put_fraction(t, p, ts_ns);
		break;
	case TIMEFMT_DELTA_PREV:
	case TIMEFMT_DELTA_FIRST:
		/* tcpdump's sign column: a space, or '-' when time went backwards. */
		base = t->style == TIMEFMT_DELTA_PREV ? t->prev_ns : t->first_ns;
		*p++ = ts_ns >= base ? ' ' : '-';
		p = put_delta(t, p, ts_ns >= base ? ts_ns - base : base - ts_ns);
		break;
	case TIMEFMT_DATE:
		split_time(t, sec, &tm);
		p = put_digits(p, (uint64_t)tm.tm_year + 1900, 4);
		*p++ = '-';
		p = put_digits(p, (uint64_t)tm.tm_mon + 1, 2);
		*p++ = '-';
		p = put_digits(p, (uint64_t)tm.tm_mday, 2);
		*p++ = ' ';
		p = put_clock(p, (uint64_t)tm.tm_hour, tm.tm_min, tm.tm_sec);
		p = put_fraction(t, p, ts_ns);
		break;
	case TIMEFMT_LOCAL:
		split_time(t, sec, &tm);
		p = put_clock(p, (uint64_t)tm.tm_hour, tm.tm_min, tm.tm_sec);
		p = put_fraction(t, p, ts_ns);
		break;
	}
	t->prev_ns = ts_ns;
	*p = '\0';
	return (size_t)(p - buf);
}
