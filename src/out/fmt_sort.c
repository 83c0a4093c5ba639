/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_sort.c: a table's rows held until its end and handed to text or JSON sorted, as the TUI sorts. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "out/fmt_impl.h"
#include "out/json_writer.h"

/*
 * The rows of the table being written, and for each the details its command
 * gave (JSON only).  A details callback reads the command's state of that
 * moment, so it cannot run later: it runs at once into a compact JSON object,
 * which the replay reads back into the fmt_details calls it stood for.
 */
struct fmt_sort {
	struct fmt_table rows;
	char **details;		/* per row: the details' JSON object, or NULL */
	size_t details_cap;
};

bool fmt_sort_applies(const struct fmt *f, const struct fmt_view *v)
{
	return f->mode != FMT_TUI && f->opts.sort_view && !v->streaming && !v->single &&
	       !strcmp(f->opts.sort_view, v->name);
}

void fmt_sort_begin(struct fmt *f)
{
	fmt_sort_free(f);
	f->sort = calloc(1, sizeof(*f->sort));
	if (!f->sort) {
		fmt_set_err(f, -ENOMEM);
		return;
	}
	fmt_table_init(&f->sort->rows, f->view, f->groups);
}

/*
 * The details fn writes for ctx, as a JSON object in a new string; NULL and
 * -ENOMEM in f on failure.  The fmt_details handle of the JSON renderer is
 * its writer (fmt_json.c), so a writer on a memory stream stands in for it.
 */
static char *details_capture(struct fmt *f, fmt_details_fn fn, const void *ctx)
{
	struct json_writer w;
	char *mem = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&mem, &len);
	int err;

	if (!out) {
		fmt_set_err(f, -ENOMEM);
		return NULL;
	}
	json_writer_init(&w, out, false);
	w.no_flush = true;
	json_writer_object_begin(&w);
	fn((struct fmt_details *)&w, ctx);
	json_writer_object_end(&w);
	err = json_writer_err(&w);
	if (fclose(out) && !err)
		err = -ENOMEM;
	if (err) {
		fmt_set_err(f, err);
		free(mem);
		return NULL;
	}
	return mem;
}

void fmt_sort_row(struct fmt *f, fmt_details_fn fn, const void *ctx)
{
	struct fmt_sort *s = f->sort;
	size_t i = s->rows.nrows;
	int err;

	if (i == s->details_cap) {
		size_t cap = s->details_cap ? s->details_cap * 2 : 64;
		char **d = reallocarray(s->details, cap, sizeof(*d));

		if (!d) {
			fmt_set_err(f, -ENOMEM);
			return;
		}
		memset(d + s->details_cap, 0, (cap - s->details_cap) * sizeof(*d));
		s->details = d;
		s->details_cap = cap;
	}
	err = fmt_table_append(&s->rows, f->row);
	if (err) {
		fmt_set_err(f, err);
		return;
	}
	if (fn && f->ops->row_details)
		s->details[i] = details_capture(f, fn, ctx);
}

/* ---- the details read back ------------------------------------------------------- */

/* The byte a backslash escape other than \u stands for. */
static char unescape(char c)
{
	switch (c) {
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	default:
		return c;	/* \" \\ \/ */
	}
}

/* A JSON string at p (after its quote) unescaped into *buf; the byte after the closing quote. */
static const char *read_string(const char *p, char **buf, size_t *cap, size_t *len)
{
	size_t n = 0;

	for (;;) {
		unsigned long cp;
		char c = *p++;

		if (n + 4 >= *cap) {
			size_t ncap = *cap ? *cap * 2 : 64;
			char *b = realloc(*buf, ncap);

			if (!b)
				return NULL;
			*buf = b;
			*cap = ncap;
		}
		if (!c)
			return NULL;
		if (c == '"')
			break;
		if (c != '\\') {
			(*buf)[n++] = c;
			continue;
		}
		c = *p++;
		if (!c)
			return NULL;
		if (c != 'u') {
			(*buf)[n++] = unescape(c);
			continue;
		}
		/*
		 * \uXXXX: the writer escapes control bytes (below 0x80) and
		 * writes each invalid byte as \ufffd; an invalid byte again
		 * gives that back (a real U+FFFD it leaves unescaped).
		 */
		cp = 0;
		for (int k = 0; k < 4; k++, p++) {
			const char *hex = "0123456789abcdef", *h;

			if (!*p || !(h = strchr(hex, *p | 0x20)))
				return NULL;
			cp = cp << 4 | (unsigned long)(h - hex);
		}
		if (cp >= 0x80 && cp != 0xfffd)
			return NULL;
		(*buf)[n++] = cp == 0xfffd ? (char)0xff : (char)cp;
	}
	*len = n;
	return p;
}

struct replay {
	char *str;		/* the current string value */
	size_t str_cap;
	int err;
};

static const char *replay_value(struct fmt_details *d, const char *key, const char *p,
				struct replay *r);

/* The members of an object (p after its '{') or elements of an array (after '['). */
static const char *replay_members(struct fmt_details *d, const char *p, bool object,
				  struct replay *r)
{
	char *key = NULL;
	size_t len;

	while (p && *p != (object ? '}' : ']')) {
		if (*p == ',')
			p++;
		if (object) {
			free(key);
			key = NULL;
			if (*p != '"' || !(p = read_string(p + 1, &r->str, &r->str_cap, &len)) ||
			    *p++ != ':' || !(key = strndup(r->str, len))) {
				p = NULL;
				break;
			}
		}
		p = replay_value(d, key, p, r);
	}
	free(key);
	return p ? p + 1 : NULL;
}

static const char *replay_value(struct fmt_details *d, const char *key, const char *p,
				struct replay *r)
{
	const char *end;
	size_t len;

	switch (*p) {
	case '{':
		fmt_details_object_begin(d, key);
		p = replay_members(d, p + 1, true, r);
		fmt_details_object_end(d);
		return p;
	case '[':
		fmt_details_array_begin(d, key);
		p = replay_members(d, p + 1, false, r);
		fmt_details_array_end(d);
		return p;
	case '"':
		p = read_string(p + 1, &r->str, &r->str_cap, &len);
		if (p)
			fmt_details_str_len(d, key, r->str, len);
		return p;
	case 't':
		fmt_details_bool(d, key, true);
		return p + 4;
	case 'f':
		fmt_details_bool(d, key, false);
		return p + 5;
	case 'n':
		fmt_details_null(d, key);
		return p + 4;
	}
	/* A number, in the type whose writing gives the same text back. */
	end = p + strspn(p, "-0123456789.eE+");
	if (end == p)
		return NULL;
	errno = 0;
	if (memchr(p, '.', (size_t)(end - p)) || memchr(p, 'e', (size_t)(end - p))) {
		fmt_details_double(d, key, strtod(p, NULL));
	} else if (*p == '-') {
		long long v = strtoll(p, NULL, 10);

		if (errno)
			fmt_details_double(d, key, strtod(p, NULL));
		else
			fmt_details_s64(d, key, v);
	} else {
		unsigned long long v = strtoull(p, NULL, 10);

		if (errno)
			fmt_details_double(d, key, strtod(p, NULL));
		else
			fmt_details_u64(d, key, v);
	}
	return end;
}

/* fmt_details_fn of a held row: its captured object's members, inside the row's object. */
static void details_replay(struct fmt_details *d, const void *ctx)
{
	struct replay r = { 0 };
	const char *json = ctx;

	if (json[0] == '{')
		replay_members(d, json + 1, true, &r);
	free(r.str);
}

void fmt_sort_end(struct fmt *f)
{
	struct fmt_sort *s = f->sort;
	size_t *order;

	if (!s)
		return;
	order = calloc(s->rows.nrows ? s->rows.nrows : 1, sizeof(*order));
	if (!order || fmt_table_order(&s->rows, f->opts.sort_col, f->opts.sort_desc, order)) {
		/* Out of memory: the rows still go out, in the order they came. */
		fmt_set_err(f, -ENOMEM);
		free(order);
		order = NULL;
	}
	for (size_t i = 0; i < s->rows.nrows; i++) {
		size_t k = order ? order[i] : i;
		const struct fmt_cell *row = fmt_table_row(&s->rows, k);

		if (s->details[k])
			f->ops->row_details(f, row, details_replay, s->details[k]);
		else
			f->ops->row(f, row);
	}
	free(order);
	fmt_sort_free(f);
}

void fmt_sort_free(struct fmt *f)
{
	struct fmt_sort *s = f->sort;

	if (!s)
		return;
	for (size_t i = 0; i < s->rows.nrows && i < s->details_cap; i++)
		free(s->details[i]);
	free(s->details);
	fmt_table_fini(&s->rows);
	free(s);
	f->sort = NULL;
}
