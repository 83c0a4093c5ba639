/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt.h: the shared formatter: views declare columns once, commands emit typed cells. */
#ifndef SOCKEYE_FMT_H
#define SOCKEYE_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Cell types.  The type decides how text humanizes a value and how JSON
 * writes it; the raw value is always kept so JSON and TUI sorting see numbers.
 */
enum fmt_type {
	FMT_U64,	/* a count: text prints digits */
	FMT_S64,
	FMT_DOUBLE,	/* a plain real number (work per poll) */
	FMT_PERCENT,	/* double, 0..100: text "12.5%", JSON 12.5 */
	FMT_STR,	/* free text; JSON escapes it, text shows it as is */
	FMT_BOOL,
	FMT_BYTES,	/* u64 bytes: text "1.5M" (1024-based) unless -n */
	FMT_RATE,	/* double per second: text "12.3k" (1000-based) unless -n */
	FMT_DURATION,	/* u64 nanoseconds: text "1.2ms" unless -n */
	FMT_USEC,	/* u64 microseconds (keys end in _us): text "1.2ms" unless -n */
	FMT_TIMESTAMP,	/* u64 nanoseconds since the epoch */
	FMT_IP,		/* address as a string (commands pass binary, see fmt_ip) */
	FMT_IPPORT,	/* "10.0.0.1:80", "[fe80::1%eth0]:22" */
	FMT_MAC,	/* "02:00:00:00:00:01" */
	FMT_LINES,	/* text sockeye composed itself (a packet summary and its hex dump):
			 * text keeps its newlines and tabs; other control bytes are escaped */
};

enum fmt_align { FMT_LEFT, FMT_RIGHT };

/* Column groups: a column with group != 0 is shown only when that group is enabled. */
#define FMT_GROUP_ALWAYS 0u
/*
 * Detail columns (totals behind a rate, rarely read fields): always in JSON,
 * where scripts want everything, in text and TUI only when the command enables
 * the group (-e).  fmt_table_begin enables it for JSON itself.
 */
#define FMT_GROUP_DETAIL (1u << 31)
/*
 * Text-only columns: a line already composed for people (sniff's protocol
 * summary).  Never in JSON, where the same facts come as typed row details
 * (fmt_row_end_details); always in text and TUI.
 */
#define FMT_GROUP_TEXT (1u << 30)
/*
 * Arrays of objects (the processes owning a socket) are row details: JSON
 * writes them with fmt_details_array_begin/object_begin; the same facts for
 * people go in a text-only column, which may also belong to another group
 * (FMT_GROUP_TEXT | G: shown in text when G is enabled, never in JSON).
 */

struct fmt_col {
	const char *key;	/* JSON key: snake_case, unit in the name (rx_bytes, rtt_us) */
	const char *header;	/* text and TUI header */
	enum fmt_type type;
	enum fmt_align align;
	unsigned group;		/* bit set in fmt_table_begin's groups, or FMT_GROUP_ALWAYS */
	unsigned width;		/* minimum text width; streaming views use it as the width */
};

struct fmt_view {
	const char *name;	/* JSON key of the table in a document ("softirqs") */
	const char *title;	/* panel title in text and TUI ("softirqs per CPU") */
	const char *record_type;/* streaming: the "type" of each NDJSON record */
	const struct fmt_col *cols;
	size_t ncols;
	bool streaming;		/* one record at a time, printed at once */
	bool single;		/* exactly one row: JSON writes an object, not an array */
	/*
	 * Text of a long snapshot table: columns are sized from the first
	 * measure_rows rows, which then print with every later row at once, so
	 * memory stays flat however many rows come (0: all rows, two passes).
	 */
	size_t measure_rows;
};

#define FMT_VIEW_COLS(arr) (arr), (sizeof(arr) / sizeof((arr)[0]))

enum fmt_mode { FMT_TEXT, FMT_JSON, FMT_TUI };

struct fmt_opts {
	bool numeric;		/* -n: raw numbers in text */
	bool no_header;		/* --no-header */
	bool pretty;		/* -p: indented JSON */
	/*
	 * Streaming records are flushed one by one unless the command flushes
	 * them itself (fmt_flush): sniff does so once per ring block, keeping
	 * write(2) off the per-packet path.
	 */
	bool manual_flush;
	/*
	 * Sorting (text and JSON; the TUI sorts by its own keys): the rows of
	 * the snapshot table named sort_view are held until its end and come out
	 * by column sort_col, descending with sort_desc, equal keys in the order
	 * they came, unset cells last: the order the TUI shows.
	 */
	const char *sort_view;
	size_t sort_col;
	bool sort_desc;
};

/* One cell's value; set marks whether the command emitted it. */
struct fmt_cell {
	bool set;
	bool mark;		/* emphasized (fmt_mark): only the TUI shows it */
	union {
		uint64_t u;
		int64_t s;
		double d;
		bool b;
	};
	char *str;		/* owned copy for the string types */
};

struct fmt;
struct tui_frame;

struct fmt *fmt_new(enum fmt_mode mode, FILE *out, const struct fmt_opts *opts);
void fmt_free(struct fmt *f);
enum fmt_mode fmt_mode(const struct fmt *f);

/*
 * A snapshot document: JSON writes one object holding every table begun inside
 * it; text separates tables with a blank line; TUI collects a frame.
 * type, when not NULL, becomes the document's "type" key.
 */
void fmt_doc_begin(struct fmt *f, const char *type);
void fmt_doc_end(struct fmt *f);

/* Document-level scalars, written before the first table (JSON keys only; text ignores). */
void fmt_doc_u64(struct fmt *f, const char *key, uint64_t v);
void fmt_doc_str(struct fmt *f, const char *key, const char *s);

/* A table of one view.  groups enables optional column groups. */
void fmt_table_begin(struct fmt *f, const struct fmt_view *v, unsigned groups);
void fmt_row_begin(struct fmt *f);
void fmt_u64(struct fmt *f, size_t col, uint64_t v);
void fmt_s64(struct fmt *f, size_t col, int64_t v);
void fmt_double(struct fmt *f, size_t col, double v);
void fmt_bool(struct fmt *f, size_t col, bool v);
void fmt_str(struct fmt *f, size_t col, const char *s);
/* af is AF_INET or AF_INET6; addr points at 4 or 16 bytes. port < 0: no port. */
void fmt_ip(struct fmt *f, size_t col, int af, const void *addr, int port);
void fmt_mac(struct fmt *f, size_t col, const uint8_t mac[6]);
/*
 * Marks cell col of the row being built for emphasis, e.g. a counter that
 * moved since the last sample: the TUI highlights it, text and JSON ignore it.
 */
void fmt_mark(struct fmt *f, size_t col);
void fmt_row_end(struct fmt *f);

/*
 * Row details: nested, typed fields beyond the view's columns (a packet's
 * layers).  Only renderers that show them (JSON) call fn, inside the row's
 * object after the columns; text and TUI never call it, so they pay nothing.
 * Keys are NULL for elements of an array.
 */
struct fmt_details;
typedef void (*fmt_details_fn)(struct fmt_details *d, const void *ctx);
void fmt_row_end_details(struct fmt *f, fmt_details_fn fn, const void *ctx);
void fmt_details_object_begin(struct fmt_details *d, const char *key);
void fmt_details_object_end(struct fmt_details *d);
void fmt_details_array_begin(struct fmt_details *d, const char *key);
void fmt_details_array_end(struct fmt_details *d);
void fmt_details_u64(struct fmt_details *d, const char *key, uint64_t v);
void fmt_details_s64(struct fmt_details *d, const char *key, int64_t v);
void fmt_details_double(struct fmt_details *d, const char *key, double v);
void fmt_details_bool(struct fmt_details *d, const char *key, bool v);
void fmt_details_str(struct fmt_details *d, const char *key, const char *s);
void fmt_details_str_len(struct fmt_details *d, const char *key, const void *s, size_t n);
/* A field that has no value here (the shape stays the same): JSON null. */
void fmt_details_null(struct fmt_details *d, const char *key);
/*
 * A line under the current table for people (a legend, a heat row): text and
 * the TUI show the table's notes after its rows, in the order given; JSON has
 * no place for them, so they must only restate what the rows or the document
 * already say.  Call before fmt_table_end.
 */
void fmt_note(struct fmt *f, const char *line);
void fmt_table_end(struct fmt *f);

/* Flush what the renderer buffered; 0 or -errno of the first write error (EPIPE, ENOSPC). */
int fmt_flush(struct fmt *f);
/*
 * The first write error so far, without a syscall (no flush): 0 or -errno.
 * Streaming commands ask after each record, so a closed pipe (| head) or a
 * full disk ends their loop instead of every later record failing unseen.
 */
int fmt_error(struct fmt *f);

/* For the TUI: the frame collected by the last fmt_doc_end (owned by f). */
struct tui_frame *fmt_tui_frame(struct fmt *f);

/* The text form of one cell as text and the TUI show it; "-" when unset. */
size_t fmt_cell_text(const struct fmt_col *c, const struct fmt_cell *cell, bool numeric,
		     char *buf, size_t len);

/*
 * Whether column col of the table being written is shown by this renderer,
 * so a command can skip composing a text-only cell for JSON and the like.
 */
bool fmt_is_shown(const struct fmt *f, size_t col);

/* Whether column col of v is shown with these groups enabled. */
static inline bool fmt_col_is_visible(const struct fmt_col *c, unsigned groups)
{
	unsigned g = c->group & ~FMT_GROUP_TEXT;

	/* Text-only, and with another group too: both must be on (-p's owners line). */
	if ((c->group & FMT_GROUP_TEXT) && !(groups & FMT_GROUP_TEXT))
		return false;
	return g == FMT_GROUP_ALWAYS || (g & groups);
}

#endif
