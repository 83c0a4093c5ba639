/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json_writer.c: a streaming JSON writer that always emits valid JSON and valid UTF-8. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "out/json_writer.h"
#include "util/utf8.h"

static void set_err(struct json_writer *w, int err)
{
	if (!w->err)
		w->err = err;
}

/* Hands the gathered bytes (and n more at p, when they do not fit) to the stream. */
static void drain(struct json_writer *w, const void *p, size_t n)
{
	if (w->len && fwrite(w->buf, 1, w->len, w->out) != w->len)
		set_err(w, errno > 0 ? -errno : -EIO);
	w->len = 0;
	if (n && fwrite(p, 1, n, w->out) != n)
		set_err(w, errno > 0 ? -errno : -EIO);
}

/*
 * Gathers output in w->buf; at depth 0 (a top-level value just ended, or
 * begins) it goes to the stream at once, so whoever reads the stream between
 * values sees them whole and in order.
 */
static void put(struct json_writer *w, const void *p, size_t n)
{
	if (n <= sizeof(w->buf) - w->len) {
		memcpy(w->buf + w->len, p, n);
		w->len += n;
	} else {
		drain(w, p, n);
	}
	if (!w->depth)
		drain(w, NULL, 0);
}

/* One byte: commas, colons, quotes and brackets, without a copy call each. */
static void put_c(struct json_writer *w, char c)
{
	if (w->len < sizeof(w->buf) && w->depth)
		w->buf[w->len++] = c;
	else
		put(w, &c, 1);
}

static void put_str(struct json_writer *w, const char *s)
{
	put(w, s, strlen(s));
}

static void indent(struct json_writer *w, unsigned level)
{
	static const char spaces[] = "                                ";

	put(w, "\n", 1);
	for (size_t n = 2 * (size_t)level; n; ) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		put(w, spaces, k);
		n -= k;
	}
}

/* The comma and line break in front of the next element of the current level. */
static void next_elem(struct json_writer *w)
{
	if (w->depth == 0)
		return;
	if (w->has_elem[w->depth])
		put_c(w, ',');
	w->has_elem[w->depth] = true;
	if (w->pretty)
		indent(w, w->depth);
}

/* Before a value: false when no value may go here (a refused level, no key in an object). */
static bool value_begin(struct json_writer *w)
{
	if (w->muted)
		return false;
	if (w->after_key) {
		w->after_key = false;
		return true;
	}
	if (w->is_object[w->depth]) {
		set_err(w, -EINVAL);
		return false;
	}
	next_elem(w);
	return true;
}

/* A key left without its value gets null, so a caller's slip still leaves valid JSON. */
static void close_dangling_key(struct json_writer *w)
{
	if (!w->after_key)
		return;
	set_err(w, -EINVAL);
	json_writer_null(w);
}

static void open_level(struct json_writer *w, bool object)
{
	if (!w->muted && w->depth >= JSON_WRITER_MAX_DEPTH) {
		set_err(w, -EINVAL);
	} else if (value_begin(w)) {
		put_c(w, object ? '{' : '[');
		w->depth++;
		w->has_elem[w->depth] = false;
		w->is_object[w->depth] = object;
		return;
	}
	/* A refused level swallows everything up to its end. */
	w->depth++;
	if (!w->muted)
		w->muted = w->depth;
}

static void close_level(struct json_writer *w, bool object)
{
	if (w->depth == 0) {
		set_err(w, -EINVAL);
		return;
	}
	if (w->muted) {
		if (w->depth-- == w->muted)
			w->muted = 0;
		return;
	}
	close_dangling_key(w);
	/* A mismatched end still closes what is open, so the brackets balance. */
	if (w->is_object[w->depth] != object)
		set_err(w, -EINVAL);
	if (w->pretty && w->has_elem[w->depth])
		indent(w, w->depth - 1);
	put_c(w, w->is_object[w->depth] ? '}' : ']');
	if (!--w->depth)
		drain(w, NULL, 0);
}

void json_writer_init(struct json_writer *w, FILE *out, bool pretty)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->pretty = pretty;
}

void json_writer_object_begin(struct json_writer *w)
{
	open_level(w, true);
}

void json_writer_object_end(struct json_writer *w)
{
	close_level(w, true);
}

void json_writer_array_begin(struct json_writer *w)
{
	open_level(w, false);
}

void json_writer_array_end(struct json_writer *w)
{
	close_level(w, false);
}

/* The escape for one byte that cannot go out as is. */
static void put_escape(struct json_writer *w, unsigned char c)
{
	char buf[8];

	switch (c) {
	case '"':
		put_str(w, "\\\"");
		break;
	case '\\':
		put_str(w, "\\\\");
		break;
	case '\n':
		put_str(w, "\\n");
		break;
	case '\t':
		put_str(w, "\\t");
		break;
	case '\r':
		put_str(w, "\\r");
		break;
	case '\b':
		put_str(w, "\\b");
		break;
	case '\f':
		put_str(w, "\\f");
		break;
	default:
		if (c >= 0x80) {	/* one byte of an invalid UTF-8 sequence */
			put_str(w, "\\ufffd");
			break;
		}
		snprintf(buf, sizeof(buf), "\\u%04x", c);
		put_str(w, buf);
		break;
	}
}

/* Bytes that go into a JSON string as they are: printable ASCII but the quote and backslash. */
static const unsigned char json_plain[256] = {
	[0x20 ... 0x21] = 1, [0x23 ... 0x5b] = 1, [0x5d ... 0x7e] = 1,
};

/* The quoted string; runs of bytes that need no escape go out in one write. */
static void put_quoted(struct json_writer *w, const unsigned char *p, size_t n)
{
	size_t run = 0, i = 0;

	put_c(w, '"');
	while (i < n) {
		unsigned char c = p[i];
		size_t len;

		if (json_plain[c]) {
			/* The common case, printable ASCII: scan the whole run at once. */
			while (++i < n && json_plain[p[i]])
				;
			continue;
		}
		len = c >= 0x80 ? utf8_seq_len(p + i, n - i) : 0;
		if (len) {
			i += len;
			continue;
		}
		put(w, p + run, i - run);
		put_escape(w, c);
		run = ++i;
	}
	put(w, p + run, n - run);
	put_c(w, '"');
}

void json_writer_key(struct json_writer *w, const char *key)
{
	if (w->muted)
		return;
	if (!w->is_object[w->depth]) {
		set_err(w, -EINVAL);
		return;
	}
	close_dangling_key(w);
	next_elem(w);
	put_quoted(w, (const unsigned char *)key, strlen(key));
	put_c(w, ':');
	if (w->pretty)
		put_c(w, ' ');
	w->after_key = true;
}

void json_writer_string(struct json_writer *w, const char *s)
{
	if (!s)
		json_writer_null(w);
	else
		json_writer_string_len(w, s, strlen(s));
}

void json_writer_string_len(struct json_writer *w, const void *s, size_t n)
{
	if (value_begin(w))
		put_quoted(w, s, n);
}

/* Decimal digits of v, written backwards from end: no printf on the per-record path. */
static char *u64_digits(char *end, uint64_t v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

void json_writer_u64(struct json_writer *w, uint64_t v)
{
	char buf[24], *p;

	if (!value_begin(w))
		return;
	p = u64_digits(buf + sizeof(buf), v);
	put(w, p, (size_t)(buf + sizeof(buf) - p));
}

void json_writer_s64(struct json_writer *w, int64_t v)
{
	char buf[24], *p;

	if (!value_begin(w))
		return;
	/* The magnitude as unsigned: -INT64_MIN does not fit an int64_t. */
	p = u64_digits(buf + sizeof(buf), v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
	if (v < 0)
		*--p = '-';
	put(w, p, (size_t)(buf + sizeof(buf) - p));
}

void json_writer_double(struct json_writer *w, double v)
{
	char buf[320];	/* "%.3f" of -DBL_MAX: 309 digits, sign, point, 3 decimals */
	size_t n;

	if (!isfinite(v)) {
		json_writer_null(w);
		return;
	}
	if (!value_begin(w))
		return;
	n = (size_t)snprintf(buf, sizeof(buf), "%.3f", v);
	while (buf[n - 1] == '0')
		n--;
	if (buf[n - 1] == '.')
		n--;
	buf[n] = '\0';
	put_str(w, strcmp(buf, "-0") ? buf : "0");
}

void json_writer_bool(struct json_writer *w, bool v)
{
	if (value_begin(w))
		put_str(w, v ? "true" : "false");
}

void json_writer_null(struct json_writer *w)
{
	if (value_begin(w))
		put_str(w, "null");
}

void json_writer_newline(struct json_writer *w)
{
	put(w, "\n", 1);
	drain(w, NULL, 0);
	if (!w->no_flush && fflush(w->out) == EOF)
		set_err(w, errno > 0 ? -errno : -EIO);
}

int json_writer_err(const struct json_writer *w)
{
	return w->err;
}
