/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kallsyms_pick.c: one streaming pass over kallsyms that keeps only the symbols of some addresses. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/kallsyms_pick.h"
#include "util/scan.h"

/* Longer names exist (KSYM_NAME_LEN is 512) but are cut: this is for people to read. */
#define PICK_NAME_MAX 128

struct pick {
	uint64_t want;		/* the address looked up */
	uint64_t addr;		/* the best symbol's start so far */
	bool found;
	char line[PICK_NAME_MAX + 64];	/* "NAME" or "NAME\t[MODULE]" */
};

static int by_want(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;

	return (x->want > y->want) - (x->want < y->want);
}

/* "ADDR TYPE REST": false for a line that is not one. */
static bool split(char *line, uint64_t *addr, char *type, char **rest)
{
	const char *end = scan_hex(line, line + strlen(line), " ", addr);
	char *p;

	if (!end)
		return false;
	p = line + (end - line);
	if (p[0] != ' ' || !p[1] || p[2] != ' ' || !p[3])
		return false;
	*type = p[1];
	*rest = p + 3;
	p[strcspn(p, "\n")] = '\0';
	return true;
}

/* The first of picks (sorted by want) whose want is at or past addr. */
static size_t first_at_or_past(const struct pick *p, size_t n, uint64_t addr)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p[mid].want < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The kept symbols as kallsyms lines, by address; each start once. */
static int picks_text(const struct pick *p, size_t n, char **text, size_t *len)
{
	size_t cap = n * (sizeof(p->line) + 24) + 1, used = 0;
	char *b;

	*text = NULL;
	*len = 0;
	b = malloc(cap);
	if (!b)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		/* Wanted addresses in one symbol share it: write it once. */
		if (!p[i].found || (i && p[i - 1].found && p[i - 1].addr == p[i].addr))
			continue;
		used += (size_t)snprintf(b + used, cap - used, "%016" PRIx64 " t %s\n", p[i].addr,
					 p[i].line);
	}
	if (!used) {
		free(b);
		return 0;
	}
	*text = b;
	*len = used;
	return 0;
}

int kallsyms_pick(const char *path, const uint64_t *addrs, size_t n, char **text, size_t *len)
{
	struct pick *p = NULL;
	bool any_addr = false;
	char *line = NULL;
	size_t cap = 0;
	FILE *f = NULL;
	int err = 0;

	*text = NULL;
	*len = 0;
	if (!n)
		return 0;
	p = calloc(n, sizeof(*p));
	if (!p)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		p[i].want = addrs[i];
	qsort(p, n, sizeof(*p), by_want);
	f = fopen(path, "re");
	if (!f) {
		err = -errno;
		goto out;
	}
	while (getline(&line, &cap, f) > 0) {
		const char *module;
		size_t name_len;
		uint64_t addr;
		char type, *rest;

		if (!split(line, &addr, &type, &rest))
			continue;
		any_addr |= addr != 0;
		if (type != 't' && type != 'T' && type != 'w' && type != 'W')
			continue;
		/* "NAME" or "NAME\t[MODULE]": the name cut, the module whole (it is short). */
		module = strchr(rest, '\t');
		name_len = module ? (size_t)(module - rest) : strlen(rest);
		if (name_len > PICK_NAME_MAX)
			name_len = PICK_NAME_MAX;
		if (!module)
			module = "";
		/* Every wanted address at or past this symbol that it is nearer to. */
		for (size_t i = first_at_or_past(p, n, addr); i < n; i++) {
			if (p[i].found && p[i].addr >= addr)
				continue;
			p[i].addr = addr;
			p[i].found = true;
			snprintf(p[i].line, sizeof(p[i].line), "%.*s%s", (int)name_len, rest,
				 module);
		}
	}
	if (ferror(f)) {
		err = -EIO;
		goto out;
	}
	if (any_addr)
		err = picks_text(p, n, text, len);
out:
	if (f)
		fclose(f);
	free(line);
	free(p);
	return err;
}
