/* SPDX-License-Identifier: GPL-2.0-or-later */
/* snmp.c: counters by name from /proc/net/snmp, netstat and snmp6 (the exporter's and why's). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kstat/snmp.h"

bool snmp_pair_value(const char *text, const char *prefix, const char *field, uint64_t *out)
{
	size_t plen = strlen(prefix);
	const char *line = text;

	while (line && *line) {
		const char *next = strchr(line, '\n');
		const char *vals = next ? next + 1 : NULL;

		if (vals && !strncmp(line, prefix, plen) && line[plen] == ':' &&
		    !strncmp(vals, prefix, plen) && vals[plen] == ':') {
			/* Walk the names and the values side by side. */
			const char *n = line + plen + 1, *v = vals + plen + 1;
			size_t flen = strlen(field);

			for (;;) {
				while (*n == ' ')
					n++;
				while (*v == ' ')
					v++;
				if (*n == '\n' || !*n || *v == '\n' || !*v)
					break;
				if (!strncmp(n, field, flen) && (n[flen] == ' ' || n[flen] == '\n' ||
								 !n[flen])) {
					*out = strtoull(v, NULL, 10);
					return true;
				}
				n += strcspn(n, " \n");
				v += strcspn(v, " \n");
			}
			return false;
		}
		line = vals;
	}
	return false;
}

bool snmp_line_value(const char *text, const char *key, uint64_t *out)
{
	size_t klen = strlen(key);

	for (const char *line = text; line && *line;
	     line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (!strncmp(line, key, klen) && (line[klen] == ' ' || line[klen] == '\t')) {
			*out = strtoull(line + klen, NULL, 10);
			return true;
		}
	return false;
}
