/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockstat.c: a count by protocol and name from /proc/net/sockstat or sockstat6 (the exporter's). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kstat/sockstat.h"

bool sockstat_value(const char *text, const char *proto, const char *key, uint64_t *out)
{
	size_t plen = strlen(proto), klen = strlen(key);

	for (const char *line = text; line && *line;
	     line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *p = line + plen + 1;

		if (strncmp(line, proto, plen) || line[plen] != ':')
			continue;
		/* "key value" pairs to the end of the line. */
		for (;;) {
			while (*p == ' ')
				p++;
			if (!*p || *p == '\n')
				return false;
			if (!strncmp(p, key, klen) && p[klen] == ' ') {
				char *end;
				uint64_t v = strtoull(p + klen + 1, &end, 10);

				if (end == p + klen + 1)
					return false;
				*out = v;
				return true;
			}
			/* Past this pair's key and its value. */
			p += strcspn(p, " \n");
			while (*p == ' ')
				p++;
			p += strcspn(p, " \n");
		}
	}
	return false;
}
