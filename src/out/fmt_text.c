/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_text.c: the text renderer: ss-style aligned tables, or one line per streaming record. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "out/fmt_impl.h"
#include "util/utf8.h"

struct text_state {
	struct fmt_table table;	/* the rows of the snapshot table being written */
	size_t *widths;		/* per column of the current view; NULL after ENOMEM */
	size_t *vis;		/* the visible columns' indexes, nvis of them */
	size_t nvis;
	char *line;		/* the line being built: one write per line */
	size_t line_len, line_cap;
	bool printed;		/* a block is out: the next one starts after a blank line */
	bool stream_started;	/* the current streaming table printed its first line */
	bool sized;		/* measure_rows reached: rows print as they come */
};

/*
 * The bytes at p[0..n) that go out as one unit: a UTF-8 sequence, or one
 * invalid byte.  *escape is set when they must be shown as \xNN: control
 * bytes, C1 controls (some terminals obey U+009B as CSI) and invalid UTF-8.
 */
static size_t text_seq(const unsigned char *p, size_t n, bool *escape)
{
	size_t len = utf8_seq_len(p, n);

	*escape = !len || p[0] < 0x20 || p[0] == 0x7f || (p[0] == 0xc2 && p[1] < 0xa0);
	return len ? len : 1;
}

/* FMT_LINES: as text_seq, but newlines and tabs keep the layout sockeye made. */
static size_t lines_seq(const unsigned char *p, size_t n, bool *escape)
{
	size_t len = text_seq(p, n, escape);

	if (*escape && (p[0] == '\n' || p[0] == '\t'))
		*escape = false;
	return len;
}

/* strlen(s) when s is all printable ASCII (the common case: no decoding needed), else SIZE_MAX. */
static size_t plain_len(const char *s)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;

	/*
	 * Eight bytes at a time (sniff's lines are long): a high bit set, a byte
	 * below 0x20 (subtracting 0x20 borrows into it) or a 0x7f (a zero after
	 * the xor) marks a byte that needs the slow path.
	 */
	for (; i + 8 <= n; i += 8) {
		uint64_t v, x;

		memcpy(&v, p + i, 8);
		x = v ^ (0x7f * ones);
		if ((v | ((v - 0x20 * ones) & ~v) | ((x - ones) & ~x)) & highs)
			return SIZE_MAX;
	}
	for (; i < n; i++)
		if (p[i] < 0x20 || p[i] >= 0x7f)
			return SIZE_MAX;
	return n;
}

/* Columns s takes on screen: one per code point, four per escaped byte. */
static size_t text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = plain_len(s), w = 0;

	if (n != SIZE_MAX)
		return n;
	n = strlen(s);
	while (n) {
		bool escape;
		size_t len = text_seq(p, n, &escape);

		w += escape ? 4 * len : 1;
		p += len;
		n -= len;
	}
	return w;
}

static void text_put_as(FILE *out, const char *s, bool lines)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	size_t n = strlen(s);

	while (n) {
		bool escape;
		size_t len = lines ? lines_seq(p, n, &escape) : text_seq(p, n, &escape);

		if (escape) {
			fwrite(run, 1, (size_t)(p - run), out);
			for (size_t i = 0; i < len; i++)
				fprintf(out, "\\x%02x", p[i]);
			run = p + len;
		}
		p += len;
		n -= len;
	}
	fwrite(run, 1, (size_t)(p - run), out);
}

static void text_put(FILE *out, const char *s)
{
	text_put_as(out, s, false);
}

/*
 * One output line, built in memory and written at once; padding waits until
 * text follows it, so no line ends in spaces.
 */
struct text_line {
	struct fmt *f;
	size_t pad;
};

/* Room for n more bytes in the line; false (and the error recorded) without memory. */
static bool line_reserve(struct fmt *f, size_t n)
{
	struct text_state *st = f->priv;
	size_t cap = st->line_cap ? st->line_cap : 256;
	char *p;

	if (st->line_cap - st->line_len >= n)
		return true;
	while (cap - st->line_len < n)
		cap *= 2;
	p = realloc(st->line, cap);
	if (!p) {
		fmt_set_err(f, -ENOMEM);
		return false;
	}
	st->line = p;
	st->line_cap = cap;
	return true;
}

static void line_put(struct fmt *f, const void *s, size_t n)
{
	struct text_state *st = f->priv;

	if (!line_reserve(f, n))
		return;
	memcpy(st->line + st->line_len, s, n);
	st->line_len += n;
}

/* As text_put_as, into the line. */
static void line_escaped(struct fmt *f, const char *s, bool lines)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s, *run = p;
	size_t n = strlen(s);

	while (n) {
		bool escape;
		size_t len = lines ? lines_seq(p, n, &escape) : text_seq(p, n, &escape);

		if (escape) {
			line_put(f, run, (size_t)(p - run));
			for (size_t i = 0; i < len; i++) {
				char e[4] = { '\\', 'x', hex[p[i] >> 4], hex[p[i] & 15] };

				line_put(f, e, sizeof(e));
			}
			run = p + len;
		}
		p += len;
		n -= len;
	}
	line_put(f, run, (size_t)(p - run));
}

static void line_text(struct text_line *l, const char *s, bool lines)
{
	struct text_state *st = l->f->priv;
	size_t n;

	if (!*s)
		return;
	if (l->pad && line_reserve(l->f, l->pad)) {
		memset(st->line + st->line_len, ' ', l->pad);
		st->line_len += l->pad;
	}
	l->pad = 0;
	/* plain text needs no escaping, lines or not: the common case stays one copy */
	n = plain_len(s);
	if (n != SIZE_MAX)
		line_put(l->f, s, n);
	else
		line_escaped(l->f, s, lines);
}

static void line_end(struct text_line *l)
{
	struct text_state *st = l->f->priv;

	line_put(l->f, "\n", 1);
	fwrite(st->line, 1, st->line_len, l->f->out);
	st->line_len = 0;
	l->pad = 0;
}

/* Starts a title, header or first row: blocks are separated by one blank line. */
static void block_begin(struct fmt *f)
{
	struct text_state *st = f->priv;

	if (st->printed)
		fputc('\n', f->out);
	st->printed = true;
}

/* Strings are shown whole; other types go through fmt_cell_text into buf. */
static const char *cell_text(const struct fmt *f, size_t col, const struct fmt_cell *cell,
			     char *buf, size_t len)
{
	if (cell->set && cell->str)
		return cell->str;
	fmt_cell_text(&f->view->cols[col], cell, f->opts.numeric, buf, len);
	return buf;
}

/* One line of the current view: the header when row is NULL. */
static void print_line(struct fmt *f, const struct fmt_cell *row)
{
	struct text_state *st = f->priv;
	struct text_line l = { .f = f };
	bool first = true;
	char buf[512];

	for (size_t k = 0; k < st->nvis; k++) {
		size_t i = st->vis[k];
		const struct fmt_col *c = &f->view->cols[i];
		const char *s;
		size_t w, fill;

		s = row ? cell_text(f, i, &row[i], buf, sizeof(buf)) : c->header;
		/* A last column aligned left pads nothing: skip measuring it (sniff's long lines). */
		w = k + 1 == st->nvis && c->align != FMT_RIGHT ? 0 : text_width(s);
		fill = st->widths[i] > w ? st->widths[i] - w : 0;
		if (!first)
			l.pad += 2;
		first = false;
		if (c->align == FMT_RIGHT)
			l.pad += fill;
		line_text(&l, s, row && c->type == FMT_LINES);
		if (c->align != FMT_RIGHT)
			l.pad += fill;
	}
	line_end(&l);
}

static void print_title(struct fmt *f)
{
	if (!f->view->title)
		return;
	fputs("-- ", f->out);
	text_put(f->out, f->view->title);
	fputs(" --\n", f->out);
}

static int text_init(struct fmt *f)
{
	f->priv = calloc(1, sizeof(struct text_state));
	return f->priv ? 0 : -ENOMEM;
}

static void text_fini(struct fmt *f)
{
	struct text_state *st = f->priv;

	fmt_table_fini(&st->table);
	free(st->widths);
	free(st->vis);
	free(st->line);
	free(st);
	f->priv = NULL;
}

/* Text needs no document framing: each block separates itself (block_begin). */
static void text_doc_begin(struct fmt *f, const char *type)
{
}

static void text_doc_end(struct fmt *f)
{
}

static void text_table_begin(struct fmt *f)
{
	struct text_state *st = f->priv;
	const struct fmt_view *v = f->view;

	fmt_table_fini(&st->table);
	fmt_table_init(&st->table, v, f->groups);
	st->stream_started = false;
	st->sized = false;
	free(st->widths);
	free(st->vis);
	st->widths = calloc(v->ncols + 1, sizeof(*st->widths));
	st->vis = calloc(v->ncols + 1, sizeof(*st->vis));
	if (!st->widths || !st->vis) {
		free(st->widths);
		st->widths = NULL;
		fmt_set_err(f, -ENOMEM);
		return;
	}
	st->nvis = 0;
	for (size_t i = 0; i < v->ncols; i++)
		if (fmt_col_is_visible(&v->cols[i], f->groups))
			st->vis[st->nvis++] = i;
	if (!v->streaming)
		return;
	/* Streaming rows cannot be measured ahead: the declared width, widened to the header. */
	for (size_t i = 0; i < v->ncols; i++) {
		size_t hw = text_width(v->cols[i].header);

		st->widths[i] = hw > v->cols[i].width ? hw : v->cols[i].width;
	}
}

/* Two passes like ss: measure every visible cell of the rows held, then print them. */
static void print_buffered(struct fmt *f)
{
	struct text_state *st = f->priv;
	const struct fmt_view *v = f->view;
	char buf[512];

	for (size_t i = 0; i < v->ncols; i++) {
		const struct fmt_col *c = &v->cols[i];
		size_t w = text_width(c->header);

		if (!fmt_col_is_visible(c, f->groups))
			continue;
		if (w < c->width)
			w = c->width;
		for (size_t r = 0; r < st->table.nrows; r++) {
			const struct fmt_cell *row = fmt_table_row(&st->table, r);
			size_t cw = text_width(cell_text(f, i, &row[i], buf, sizeof(buf)));

			if (cw > w)
				w = cw;
		}
		st->widths[i] = w;
	}
	block_begin(f);
	if (!f->opts.no_header) {
		print_title(f);
		print_line(f, NULL);
	}
	for (size_t r = 0; r < st->table.nrows; r++)
		print_line(f, fmt_table_row(&st->table, r));
	fmt_table_clear(&st->table);
	st->sized = true;
}

static void text_row(struct fmt *f, const struct fmt_cell *cells)
{
	struct text_state *st = f->priv;
	int err;

	if (!st->widths)
		return;
	if (st->sized) {
		print_line(f, cells);
		return;
	}
	if (!f->view->streaming) {
		err = fmt_table_append(&st->table, cells);
		if (err)
			fmt_set_err(f, err);
		else if (f->view->measure_rows && st->table.nrows >= f->view->measure_rows)
			print_buffered(f);
		return;
	}
	if (!st->stream_started) {
		st->stream_started = true;
		block_begin(f);
		if (!f->opts.no_header)
			print_line(f, NULL);
	}
	print_line(f, cells);
	if (!f->opts.manual_flush)
		fflush(f->out);
}

static void text_note(struct fmt *f, const char *line)
{
	struct text_state *st = f->priv;
	int err = fmt_table_add_note(&st->table, line);

	if (err)
		fmt_set_err(f, err);
}

static void text_table_end(struct fmt *f)
{
	struct text_state *st = f->priv;

	if (st->widths && !st->sized && !f->view->streaming &&
	    !(f->opts.no_header && !st->table.nrows))
		print_buffered(f);
	/* Under the rows; a table that printed nothing (--no-header, no rows) has none. */
	for (size_t i = 0; st->sized && i < st->table.nnotes; i++) {
		text_put(f->out, st->table.notes[i]);
		fputc('\n', f->out);
	}
	fmt_table_fini(&st->table);
}

const struct fmt_ops fmt_text_ops = {
	.init = text_init,
	.fini = text_fini,
	.doc_begin = text_doc_begin,
	.doc_end = text_doc_end,
	.table_begin = text_table_begin,
	.row = text_row,
	.table_end = text_table_end,
	.note = text_note,
};
