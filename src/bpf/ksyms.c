/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ksyms.c: /proc/kallsyms read once into one sorted array, looked up by binary search. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpf/ksyms.h"

struct ksyms {
	struct ksym *syms;
	size_t n, cap;
	char *strings;		/* every name and module, NUL-terminated, the syms point in */
	bool hidden;
};

static int by_addr(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	/* Aliases at one address: the order of the file decides (stable by name pointer). */
	return x->name < y->name ? -1 : x->name > y->name;
}

static bool is_text_type(char t)
{
	return t == 't' || t == 'T' || t == 'w' || t == 'W';
}

/* One line, NUL-terminated in place: "ffffffff81000000 T _stext" or "... t f\t[mod]". */
static int parse_line(struct ksyms *k, char *line, bool *all_zero)
{
	char *end, *name, *module = NULL;
	uint64_t addr;
	char type;

	errno = 0;
	addr = strtoull(line, &end, 16);
	if (errno || end == line || *end != ' ' || !end[1] || end[2] != ' ')
		return -EINVAL;
	type = end[1];
	name = end + 3;
	end = name + strcspn(name, " \t");
	if (end == name)
		return -EINVAL;
	if (*end) {
		*end++ = '\0';
		end += strspn(end, " \t");
		if (*end == '[') {
			module = end + 1;
			module[strcspn(module, "]")] = '\0';
		}
	}
	if (addr)
		*all_zero = false;
	if (!is_text_type(type))
		return 0;
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 4096;
		struct ksym *s = realloc(k->syms, cap * sizeof(*s));

		if (!s)
			return -ENOMEM;
		k->syms = s;
		k->cap = cap;
	}
	k->syms[k->n++] = (struct ksym){ .name = name, .module = module, .addr = addr };
	return 0;
}

/* Parses text (len bytes and room for a NUL), which the result then owns, freed or not. */
static int parse_owned(char *text, size_t len, struct ksyms **out)
{
	struct ksyms *k = calloc(1, sizeof(*k));
	bool all_zero = true;
	char *p, *line;
	int err = -ENOMEM;

	if (!k) {
		free(text);
		return -ENOMEM;
	}
	k->strings = text;
	k->strings[len] = '\0';
	for (p = k->strings; p && *p; p = line) {
		line = strchr(p, '\n');
		if (line)
			*line++ = '\0';
		if (!*p)
			continue;
		err = parse_line(k, p, &all_zero);
		if (err)
			goto out;
	}
	err = 0;
	k->hidden = k->n > 0 && all_zero;
	/* qsort's array may not be NULL, even with no element. */
	if (k->n)
		qsort(k->syms, k->n, sizeof(*k->syms), by_addr);
	*out = k;
out:
	if (err)
		ksyms_free(k);
	return err;
}

int ksyms_parse(const char *text, size_t len, struct ksyms **out)
{
	char *copy = malloc(len + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, text, len);
	return parse_owned(copy, len, out);
}

int ksyms_load(const char *path, struct ksyms **out)
{
	size_t len = 0, cap = 1 << 20;
	char *buf = malloc(cap);
	int fd = -1, err = 0;

	if (!buf)
		return -ENOMEM;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		goto out;
	}
	/* /proc files have no size: read until the end, growing the buffer. */
	for (;;) {
		ssize_t n;

		if (cap - len < 65536) {
			char *b = realloc(buf, cap * 2);

			if (!b) {
				err = -ENOMEM;
				goto out;
			}
			buf = b;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			goto out;
		}
		if (!n)
			break;
		len += (size_t)n;
	}
	/* The read buffer becomes the symbols' strings: a second copy would double the peak. */
	err = parse_owned(buf, len, out);
	buf = NULL;
out:
	if (fd >= 0)
		close(fd);
	free(buf);
	return err;
}

void ksyms_free(struct ksyms *k)
{
	if (!k)
		return;
	free(k->syms);
	free(k->strings);
	free(k);
}

bool ksyms_is_hidden(const struct ksyms *k)
{
	return k->hidden;
}

size_t ksyms_count(const struct ksyms *k)
{
	return k->n;
}

const struct ksym *ksyms_find(const struct ksyms *k, uint64_t addr)
{
	size_t lo = 0, hi = k->n;

	if (k->hidden || !k->n || addr < k->syms[0].addr)
		return NULL;
	/* The last symbol with start <= addr; of aliases, the first in the file. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (k->syms[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	while (lo > 0 && k->syms[lo - 1].addr == k->syms[lo].addr)
		lo--;
	return &k->syms[lo];
}

int ksyms_format(const struct ksyms *k, uint64_t addr, char *buf, size_t len)
{
	const struct ksym *s = k ? ksyms_find(k, addr) : NULL;

	if (!s)
		return snprintf(buf, len, "0x%" PRIx64, addr);
	return snprintf(buf, len, "%s+0x%" PRIx64 "%s%s%s", s->name, addr - s->addr,
			s->module ? " [" : "", s->module ? s->module : "", s->module ? "]" : "");
}
