/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json_writer.h: a streaming JSON writer that always emits valid JSON and valid UTF-8. */
#ifndef SOCKEYE_JSON_WRITER_H
#define SOCKEYE_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Misuse never breaks the output: nesting deeper than this, a key outside an
 * object or a value without its key is refused with -EINVAL and not written
 * (a refused object or array with all it holds); a key left without a value
 * gets null.
 */
#define JSON_WRITER_MAX_DEPTH 32

/*
 * The writer places commas, colons and (when pretty) newlines and 2-space
 * indentation itself.  Values at depth 0 follow each other with no separator:
 * the caller ends a top-level value with json_writer_newline().
 */
/* Bytes gathered before one fwrite: a record's pieces go out together, not one call each. */
#define JSON_WRITER_BUF 4096

struct json_writer {
	FILE *out;
	bool pretty;
	bool no_flush;		/* json_writer_newline leaves flushing to the caller */
	bool after_key;		/* the next value belongs to the key just written */
	unsigned depth;
	unsigned muted;		/* nonzero: the refused level at this depth is not written */
	/* Per level (0 is the top, outside any bracket): */
	bool has_elem[JSON_WRITER_MAX_DEPTH + 1];	/* an element was written */
	bool is_object[JSON_WRITER_MAX_DEPTH + 1];	/* an object, else an array */
	int err;		/* 0, or the first -errno (a write error, bad nesting) */
	/* Output not yet handed to out: empty whenever a top-level value is complete. */
	size_t len;
	char buf[JSON_WRITER_BUF];
};

void json_writer_init(struct json_writer *w, FILE *out, bool pretty);

void json_writer_object_begin(struct json_writer *w);
void json_writer_object_end(struct json_writer *w);
void json_writer_array_begin(struct json_writer *w);
void json_writer_array_end(struct json_writer *w);
void json_writer_key(struct json_writer *w, const char *key);

/* NUL-terminated; NULL writes null. */
void json_writer_string(struct json_writer *w, const char *s);
/* n bytes, NULs and invalid UTF-8 included (invalid bytes become U+FFFD). */
void json_writer_string_len(struct json_writer *w, const void *s, size_t n);
void json_writer_u64(struct json_writer *w, uint64_t v);
void json_writer_s64(struct json_writer *w, int64_t v);
/* At most 3 decimals, trailing zeros trimmed; NaN and infinities write null. */
void json_writer_double(struct json_writer *w, double v);
void json_writer_bool(struct json_writer *w, bool v);
void json_writer_null(struct json_writer *w);

/* Ends a top-level value: a newline, then (unless no_flush) a flush so a reader sees the whole line. */
void json_writer_newline(struct json_writer *w);
/* 0 or the first error recorded. */
int json_writer_err(const struct json_writer *w);

#endif
