/* SPDX-License-Identifier: GPL-2.0-or-later */
/* host.c: strict parsers for /proc/uptime and /proc/loadavg, and the nodename. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/utsname.h>

#include "kstat/host.h"
#include "util/scan.h"

/*
 * "DIGITS[.DIGITS]" at *p, before end, as a fixed-point number with `frac`
 * decimals (more are cut, fewer padded).  By hand: strtod follows LC_NUMERIC,
 * which the live view sets from the environment, and the kernel always writes
 * a dot.
 */
static int parse_fixed(const char **p, const char *end, unsigned frac, uint64_t *out)
{
	uint64_t v;
	const char *s = scan_dec(*p, end, UINT64_MAX, NULL, &v);
	unsigned got = 0;

	if (!s)
		return -EBADMSG;
	if (s < end && *s == '.') {
		if (++s >= end || *s < '0' || *s > '9')
			return -EBADMSG;
		for (; s < end && *s >= '0' && *s <= '9'; s++) {
			if (got == frac)
				continue;
			if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
				return -EBADMSG;
			v = v * 10 + (uint64_t)(*s - '0');
			got++;
		}
	}
	for (; got < frac; got++) {
		if (v > UINT64_MAX / 10)
			return -EBADMSG;
		v *= 10;
	}
	*p = s;
	*out = v;
	return 0;
}

/* Exactly one c at *p. */
static int expect(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return -EBADMSG;
	(*p)++;
	return 0;
}

int host_parse_uptime(const char *text, size_t len, struct host_info *h)
{
	const char *p = text, *end = text + len;
	uint64_t up, idle;

	h->has_uptime = false;
	if (parse_fixed(&p, end, 3, &up) || expect(&p, end, ' ') ||
	    parse_fixed(&p, end, 3, &idle) || expect(&p, end, '\n') || p != end)
		return -EBADMSG;
	h->uptime_ms = up;
	h->has_uptime = true;
	return 0;
}

int host_parse_loadavg(const char *text, size_t len, struct host_info *h)
{
	const char *p = text, *end = text + len;
	uint64_t load[3], run, threads, last_pid;

	h->has_load = false;
	for (int i = 0; i < 3; i++)
		if (parse_fixed(&p, end, 2, &load[i]) || load[i] > UINT32_MAX ||
		    expect(&p, end, ' '))
			return -EBADMSG;
	if (parse_fixed(&p, end, 0, &run) || expect(&p, end, '/') ||
	    parse_fixed(&p, end, 0, &threads) || expect(&p, end, ' ') ||
	    parse_fixed(&p, end, 0, &last_pid) || expect(&p, end, '\n') || p != end ||
	    run > UINT32_MAX || threads > UINT32_MAX)
		return -EBADMSG;
	for (int i = 0; i < 3; i++)
		h->load_centi[i] = (uint32_t)load[i];
	h->runnable = (uint32_t)run;
	h->threads = (uint32_t)threads;
	h->has_load = true;
	return 0;
}

int host_parse_name(const char *text, size_t len, struct host_info *h)
{
	h->has_name = false;
	/* One line of printable bytes, as long as a nodename can be. */
	if (!len || len > HOST_NAME_LEN || text[len - 1] != '\n')
		return -EBADMSG;
	for (size_t i = 0; i + 1 < len; i++)
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
			return -EBADMSG;
	memcpy(h->name, text, len - 1);
	h->name[len - 1] = '\0';
	h->has_name = true;
	return 0;
}

int host_name_text(char buf[HOST_NAME_LEN + 1])
{
	struct utsname u;
	size_t n;

	if (uname(&u))
		return -errno;
	n = strnlen(u.nodename, HOST_NAME_LEN - 1);
	/* sethostname takes any bytes: keep the line one line of text. */
	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)u.nodename[i] < 0x20 || u.nodename[i] == 0x7f ? '?' :
			 u.nodename[i];
	buf[n] = '\n';
	buf[n + 1] = '\0';
	return 0;
}
