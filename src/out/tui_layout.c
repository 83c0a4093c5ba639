/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui_layout.c: a frame laid out as lines of cells: panels, column widths, titles, status, help. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/tui_layout.h"
#include "out/tui_layout_impl.h"
#include "util/utf8.h"

#define COL_GAP 2

/* The status line's key hints; the panel keys between them depend on the frame (panel_keys). */
static const char hints_head[] = "q quit  space pause  tab next  s/</> sort  ";
static const char hints_tail[] = "h help  / filter";

static const char *const help_text[] = {
	"q                quit",
	"space            pause / resume the display",
	"tab, shift-tab   focus the next / previous panel",
	"up, down         scroll the focused panel",
	"PgUp, PgDn       scroll by a page",
	"Home, End        first / last rows",
	"left, right      scroll sideways",
	"s, >             sort by the next column",
	"<                sort by the previous column",
	"r                reverse the sort order",
	NULL,	/* the panel keys: panel_keys() knows how many */
	"/                filter rows by interface, process, pid or cgroup (Enter: apply)",
	"h, ?             show / hide this help",
};

static size_t min_sz(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Code points that would move the cursor or reorder the text around them on a terminal. */
static bool cp_is_printable(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return false;
	if (cp == 0x061c || cp == 0x200e || cp == 0x200f || cp == 0x2028 || cp == 0x2029 ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return false;
	return true;
}

/* The code point of a well-formed sequence of n bytes. */
static uint32_t cp_decode(const unsigned char *s, size_t n)
{
	static const unsigned char lead_bits[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	uint32_t cp = s[0] & lead_bits[n];

	for (size_t i = 1; i < n; i++)
		cp = cp << 6 | (s[i] & 0x3f);
	return cp;
}

/*
 * Makes s safe for a terminal, in place: each control character, each bidi
 * control and each byte of invalid UTF-8 becomes "?", never longer than what
 * it replaces.  Returns the code points left; each counts as one cell.
 */
static size_t text_clean(char *s)
{
	unsigned char *in = (unsigned char *)s, *out = in;
	size_t left = strlen(s), cells = 0;

	while (left) {
		size_t n = utf8_seq_len(in, left);

		if (n && cp_is_printable(cp_decode(in, n))) {
			memmove(out, in, n);
			out += n;
		} else {
			*out++ = '?';
			n = n ? n : 1;
		}
		in += n;
		left -= n;
		cells++;
	}
	*out = '\0';
	return cells;
}

/* A bounded copy of s made safe; its cell count in *cells. */
static void text_copy(char buf[TUI_LAYOUT_CELL_MAX], const char *s, size_t *cells)
{
	snprintf(buf, TUI_LAYOUT_CELL_MAX, "%s", s ? s : "");
	*cells = text_clean(buf);
}

/* One line being built: cells before skip and from skip + w on are counted, not kept. */
struct lb {
	char *buf;
	size_t len;	/* bytes kept */
	size_t pos;	/* cells appended so far */
	size_t skip;
	size_t w;
};

static int lb_init(struct lb *b, size_t w, size_t skip)
{
	memset(b, 0, sizeof(*b));
	b->buf = malloc(4 * w + 1);	/* a code point is at most 4 bytes */
	if (!b->buf)
		return -ENOMEM;
	b->skip = skip;
	b->w = w;
	return 0;
}

static void lb_cp(struct lb *b, const char *p, size_t n)
{
	if (b->pos >= b->skip && b->pos - b->skip < b->w) {
		memcpy(b->buf + b->len, p, n);
		b->len += n;
	}
	b->pos++;
}

/* Appends clean text (the output of text_clean). */
static void lb_str(struct lb *b, const char *s)
{
	while (*s) {
		size_t n = 1;

		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		lb_cp(b, s, n);
		s += n;
	}
}

static void lb_fill(struct lb *b, char c, size_t n)
{
	for (; n && b->pos < b->skip + b->w; n--)
		lb_cp(b, &c, 1);
	b->pos += n;
}

/* Moves the text into l, blanks trimmed. */
static void lb_finish(struct lb *b, struct tui_line *l, enum tui_attr attr)
{
	while (b->len && b->buf[b->len - 1] == ' ')
		b->len--;
	b->buf[b->len] = '\0';
	l->text = b->buf;
	l->len = b->len;
	l->width = 0;
	for (size_t i = 0; i < b->len; i++)
		l->width += ((unsigned char)b->buf[i] & 0xc0) != 0x80;
	l->attr = attr;
	b->buf = NULL;
}

/* A table as laid out: its rows in display order and its visible columns. */
struct lpanel {
	const struct fmt_table *t;	/* the frame's table, or sorted */
	struct fmt_table sorted;	/* the rows kept, reordered; cells share the frame's strings */
	bool filtered;			/* the filter left rows out */
	size_t *cols;			/* visible column indexes */
	size_t *widths;
	size_t ncols;
	size_t width;			/* cells of a full row */
	size_t lines;			/* screen lines given */
};

/*
 * The columns a filter looks at: names of interfaces and processes, the
 * processes' cgroups and containers (substrings), and a process id (whole).
 */
static bool col_is_filtered(const struct fmt_col *c)
{
	static const char *const keys[] = { "iface", "dev", "comm", "process", "cgroup",
					    "container_id" };

	if (c->type == FMT_U64)
		return !strcmp(c->key, "pid");
	if (c->type != FMT_STR)
		return false;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(c->key, keys[i]))
			return true;
	return false;
}

static bool table_is_filtered(const struct fmt_table *t)
{
	for (size_t c = 0; c < t->view->ncols; c++)
		if (col_is_filtered(&t->view->cols[c]))
			return true;
	return false;
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether needle occurs in hay, ASCII case ignored. */
static bool contains(const char *hay, const char *needle)
{
	for (; *hay; hay++) {
		size_t i = 0;

		while (needle[i] && ascii_lower(hay[i]) == ascii_lower(needle[i]))
			i++;
		if (!needle[i])
			return true;
	}
	return !*needle;
}

/* Whether a number cell is the filter's number: "12" is not pid 1234's. */
static bool is_number(uint64_t v, const char *filter)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v);
	return !strcmp(buf, filter);
}

static bool row_matches(const struct fmt_table *t, const struct fmt_cell *row, const char *filter)
{
	for (size_t c = 0; c < t->view->ncols; c++) {
		const struct fmt_col *col = &t->view->cols[c];

		if (!col_is_filtered(col) || !row[c].set)
			continue;
		if (col->type == FMT_U64 ? is_number(row[c].u, filter) :
					   row[c].str && contains(row[c].str, filter))
			return true;
	}
	return false;
}

/*
 * The rows to show: a shallow copy of t's, filtered and sorted, so the frame
 * keeps the rows and the order the command emitted.
 */
static int panel_rows(struct lpanel *p, const struct fmt_table *t, const struct tui_panel_view *pv,
		      const char *filter)
{
	size_t ncols = t->view->ncols, n = 0;
	bool sort = pv->sorted && pv->sort_col < ncols && t->nrows >= 2;

	p->t = t;
	p->filtered = filter && *filter && t->nrows && table_is_filtered(t);
	if (!sort && !p->filtered)
		return 0;
	p->sorted = *t;
	p->sorted.cells = reallocarray(NULL, t->nrows * ncols, sizeof(*t->cells));
	if (!p->sorted.cells)
		return -ENOMEM;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct fmt_cell *row = fmt_table_row(t, r);

		if (p->filtered && !row_matches(t, row, filter))
			continue;
		memcpy(&p->sorted.cells[n * ncols], row, ncols * sizeof(*row));
		n++;
	}
	p->sorted.nrows = n;
	p->sorted.cap = t->nrows;
	if (sort)
		fmt_table_sort(&p->sorted, pv->sort_col, pv->sort_desc);
	p->t = &p->sorted;
	return 0;
}

static size_t cell_text(const struct fmt_table *t, size_t row, size_t col, bool numeric,
			char buf[TUI_LAYOUT_CELL_MAX])
{
	fmt_cell_text(&t->view->cols[col], &fmt_table_row(t, row)[col], numeric, buf,
		      TUI_LAYOUT_CELL_MAX);
	buf[TUI_LAYOUT_CELL_MAX - 1] = '\0';
	return text_clean(buf);
}

/* Two-pass widths like the text renderer: header, minimum width and every row. */
static int panel_measure(struct lpanel *p, bool numeric)
{
	const struct fmt_view *view = p->t->view;
	char buf[TUI_LAYOUT_CELL_MAX];
	size_t cells;

	p->cols = calloc(view->ncols ? view->ncols : 1, sizeof(*p->cols));
	p->widths = calloc(view->ncols ? view->ncols : 1, sizeof(*p->widths));
	if (!p->cols || !p->widths)
		return -ENOMEM;
	for (size_t c = 0; c < view->ncols; c++) {
		if (!fmt_col_is_visible(&view->cols[c], p->t->groups))
			continue;
		text_copy(buf, view->cols[c].header, &cells);
		p->cols[p->ncols] = c;
		p->widths[p->ncols++] = cells > view->cols[c].width ? cells :
				       min_sz(view->cols[c].width, TUI_LAYOUT_CELL_MAX);
	}
	for (size_t r = 0; r < p->t->nrows; r++) {
		for (size_t k = 0; k < p->ncols; k++) {
			cells = cell_text(p->t, r, p->cols[k], numeric, buf);
			if (cells > p->widths[k])
				p->widths[k] = cells;
		}
	}
	for (size_t k = 0; k < p->ncols; k++)
		p->width += p->widths[k] + (k ? COL_GAP : 0);
	return 0;
}

static void panel_free(struct lpanel *p)
{
	free(p->cols);
	free(p->widths);
	free(p->sorted.cells);	/* only the copy's array: its strings are the frame's */
}

/* Gives p lines up to upto from *avail. */
static void give(struct lpanel *p, size_t upto, size_t *avail)
{
	size_t n;

	if (p->lines >= upto)
		return;
	n = min_sz(upto - p->lines, *avail);
	p->lines += n;
	*avail -= n;
}

/* The lines a panel wants: title, header, its rows and the notes under them. */
static size_t wanted(const struct lpanel *p)
{
	return 2 + p->t->nrows + p->t->nnotes;
}

/*
 * Shares avail lines among the shown panels.  A panel wants title + header +
 * its rows + its notes.  First the focused one gets title, header and a row, then every
 * other one a title, then header and a row each, then the focused one all it
 * wants, then the others in order.
 */
static void share_lines(struct lpanel *ps, const struct tui_view *v, size_t n, size_t avail)
{
	const size_t min_lines = 3;

	if (v->focus < n && ps[v->focus].t)
		give(&ps[v->focus], min_sz(2 + ps[v->focus].t->nrows, min_lines), &avail);
	for (size_t pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++)
			if (ps[i].t && i != v->focus)
				give(&ps[i], pass ? min_sz(2 + ps[i].t->nrows, min_lines) : 1,
				     &avail);
	}
	if (v->focus < n && ps[v->focus].t)
		give(&ps[v->focus], wanted(&ps[v->focus]), &avail);
	for (size_t i = 0; i < n; i++)
		if (ps[i].t)
			give(&ps[i], wanted(&ps[i]), &avail);
}

/* "-- 2 softirqs per CPU [sort NET_RX desc] [rows 1-10 of 40] -----" */
static int title_line(struct tui_line *l, size_t idx, const struct lpanel *p,
		      const struct tui_panel_view *pv, size_t rows, bool focused, size_t w,
		      size_t total)
{
	const struct fmt_view *view = p->t->view;
	char fill = focused ? '=' : '-';
	char buf[TUI_LAYOUT_CELL_MAX], num[96];
	size_t cells, nrows = p->t->nrows;
	struct lb b;

	if (lb_init(&b, w, 0))
		return -ENOMEM;
	lb_fill(&b, fill, 2);
	snprintf(num, sizeof(num), " %zu ", idx + 1);
	lb_str(&b, num);
	text_copy(buf, view->title ? view->title : view->name, &cells);
	lb_str(&b, buf);
	if (pv->sorted && pv->sort_col < view->ncols) {
		text_copy(buf, view->cols[pv->sort_col].header, &cells);
		lb_str(&b, " [sort ");
		lb_str(&b, buf);
		lb_str(&b, pv->sort_desc ? " desc]" : " asc]");
	}
	if (rows && rows < nrows)
		snprintf(num, sizeof(num), " [rows %zu-%zu of %zu]", pv->scroll + 1,
			 pv->scroll + rows, nrows);
	else if (!rows && nrows)
		snprintf(num, sizeof(num), " [%zu rows]", nrows);
	else
		num[0] = '\0';
	lb_str(&b, num);
	if (p->filtered) {
		snprintf(num, sizeof(num), " [filter: %zu of %zu]", nrows, total);
		lb_str(&b, num);
	}
	lb_fill(&b, ' ', 1);
	lb_fill(&b, fill, b.pos < w ? w - b.pos : 0);
	lb_finish(&b, l, focused ? TUI_ATTR_TITLE_FOCUS : TUI_ATTR_TITLE);
	return 0;
}

/*
 * Records a marked cell's text at cells [pos, pos + n) of the full row as a
 * span of the screen line, which shows cells [skip, skip + w).  *marks has
 * room for one span per column.  0 or -ENOMEM.
 */
static int mark_add(struct tui_span **marks, size_t *nmarks, size_t ncols, size_t pos, size_t n,
		    size_t skip, size_t w)
{
	size_t from = pos > skip ? pos : skip, to = pos + n < skip + w ? pos + n : skip + w;

	if (from >= to)
		return 0;
	if (!*marks) {
		*marks = calloc(ncols, sizeof(**marks));
		if (!*marks)
			return -ENOMEM;
	}
	(*marks)[*nmarks].start = from - skip;
	(*marks)[(*nmarks)++].len = to - from;
	return 0;
}

/* The column headers (row SIZE_MAX) or one row, scrolled sideways by skip. */
static int row_line(struct tui_line *l, const struct lpanel *p, const struct tui_panel_view *pv,
		    size_t row, bool numeric, size_t w, size_t skip)
{
	const struct fmt_view *view = p->t->view;
	bool header = row == SIZE_MAX;
	const struct fmt_cell *cells = header ? NULL : fmt_table_row(p->t, row);
	size_t hl_from = 0, hl_to = 0, nmarks = 0;
	char buf[TUI_LAYOUT_CELL_MAX];
	struct tui_span *marks = NULL;
	struct lb b;

	if (lb_init(&b, w, skip))
		return -ENOMEM;
	for (size_t k = 0; k < p->ncols; k++) {
		const struct fmt_col *col = &view->cols[p->cols[k]];
		size_t n, pad;

		if (header)
			text_copy(buf, col->header, &n);
		else
			n = cell_text(p->t, row, p->cols[k], numeric, buf);
		pad = p->widths[k] - n;
		if (k)
			lb_fill(&b, ' ', COL_GAP);
		if (col->align == FMT_RIGHT)
			lb_fill(&b, ' ', pad);
		if (header && pv->sorted && pv->sort_col == p->cols[k]) {
			hl_from = b.pos;
			hl_to = b.pos + n;
		}
		if (!header && cells[p->cols[k]].mark &&
		    mark_add(&marks, &nmarks, p->ncols, b.pos, n, skip, w)) {
			free(b.buf);
			return -ENOMEM;
		}
		lb_str(&b, buf);
		if (col->align != FMT_RIGHT && k + 1 < p->ncols)
			lb_fill(&b, ' ', pad);
	}
	lb_finish(&b, l, header ? TUI_ATTR_HEADER : TUI_ATTR_NORMAL);
	l->marks = marks;
	l->nmarks = nmarks;
	/* A mark past the trimmed end (blank cells) shrinks to what is left. */
	while (l->nmarks && l->marks[l->nmarks - 1].start >= l->width)
		l->nmarks--;
	if (l->nmarks && l->marks[l->nmarks - 1].start + l->marks[l->nmarks - 1].len > l->width)
		l->marks[l->nmarks - 1].len = l->width - l->marks[l->nmarks - 1].start;
	if (hl_from < skip)
		hl_from = skip;
	if (hl_to > skip + l->width)
		hl_to = skip + l->width;
	if (hl_from < hl_to) {
		l->hl_start = hl_from - skip;
		l->hl_len = hl_to - hl_from;
	}
	return 0;
}

static int lb_text(struct lb *b, const char *text);

/* A note under a panel's rows, scrolled sideways with them. */
static int note_line(struct tui_line *l, const char *text, size_t w, size_t skip)
{
	struct lb b;
	int err;

	if (lb_init(&b, w, skip))
		return -ENOMEM;
	err = lb_text(&b, text);
	if (err) {
		free(b.buf);
		return err;
	}
	lb_finish(&b, l, TUI_ATTR_NORMAL);
	return 0;
}

/*
 * Draws p on lines [y, y + p->lines) and clamps its scroll offset to what fits.
 * The notes take the last lines when there is room for them and a row.
 */
static int panel_draw(struct tui_screen *s, size_t y, size_t idx, const struct lpanel *p,
		      struct tui_panel_view *pv, bool focused, bool numeric, size_t skip,
		      size_t total)
{
	size_t nrows = p->t->nrows, rows = p->lines > 2 ? p->lines - 2 : 0;
	size_t notes = p->t->nnotes && rows > p->t->nnotes ? p->t->nnotes : 0;
	int err;

	rows -= notes;

	if (rows || !nrows)
		pv->scroll = min_sz(pv->scroll, nrows > rows ? nrows - rows : 0);
	pv->page = rows;
	err = title_line(&s->lines[y], idx, p, pv, rows, focused, s->w, total);
	if (!err && p->lines > 1)
		err = row_line(&s->lines[y + 1], p, pv, SIZE_MAX, numeric, s->w, skip);
	for (size_t r = 0; !err && r < rows && pv->scroll + r < nrows; r++)
		err = row_line(&s->lines[y + 2 + r], p, pv, pv->scroll + r, numeric, s->w, skip);
	for (size_t k = 0; !err && k < notes; k++)
		err = note_line(&s->lines[y + p->lines - notes + k], p->t->notes[k], s->w, skip);
	return err;
}

/* Appends caller text made safe.  0 or -ENOMEM. */
static int lb_text(struct lb *b, const char *text)
{
	char *copy = strdup(text);

	if (!copy)
		return -ENOMEM;
	text_clean(copy);
	lb_str(b, copy);
	free(copy);
	return 0;
}

/* A line of caller text (the header or a help line) made safe. */
static int text_line(struct tui_line *l, const char *text, size_t w, enum tui_attr attr)
{
	char *copy = strdup(text ? text : "");
	struct lb b;

	if (!copy || lb_init(&b, w, 0)) {
		free(copy);
		return -ENOMEM;
	}
	text_clean(copy);
	lb_str(&b, copy);
	lb_finish(&b, l, attr);
	free(copy);
	return 0;
}

/*
 * The digit keys that toggle a panel: one per panel shown, up to 9 (tui.c reads
 * only 1-9), so a view of 8 panels says "1-8" and one of a single panel "1".
 * Empty when there is no panel.
 */
static void panel_keys(char *buf, size_t len, size_t n)
{
	if (n > 9)
		n = 9;
	if (n == 0)
		*buf = '\0';
	else if (n == 1)
		snprintf(buf, len, "1");
	else
		snprintf(buf, len, "1-%zu", n);
}

/* "status [paused] [hidden 1 3]  q quit  space pause ..." */
static int status_line(struct tui_line *l, const struct tui_view *v, size_t n, size_t w)
{
	bool any = false;
	char num[48];
	struct lb b;
	int err;

	if (lb_init(&b, w, 0))
		return -ENOMEM;
	if (v->prompt) {
		lb_str(&b, "filter: ");
		err = lb_text(&b, v->prompt);
		lb_str(&b, "_  (Enter applies, empty shows all, Esc cancels)");
		goto out;
	}
	err = lb_text(&b, v->status ? v->status : "");
	if (v->paused)
		lb_str(&b, b.pos ? " [paused]" : "[paused]");
	for (size_t i = 0; i < n; i++) {
		if (!v->panels[i]->hidden)
			continue;
		snprintf(num, sizeof(num), "%s%zu", any ? " " : b.pos ? " [hidden " : "[hidden ",
			 i + 1);
		lb_str(&b, num);
		any = true;
	}
	if (any)
		lb_str(&b, "]");
	if (!err && v->filter && *v->filter) {
		lb_str(&b, b.pos ? " [filter " : "[filter ");
		err = lb_text(&b, v->filter);
		lb_str(&b, "]");
	}
	if (b.pos)
		lb_fill(&b, ' ', COL_GAP);
	lb_str(&b, hints_head);
	panel_keys(num, sizeof(num), n);
	if (*num) {
		lb_str(&b, num);
		lb_str(&b, n == 1 ? " panel  " : " panels  ");
	}
	lb_str(&b, hints_tail);
out:
	if (err) {
		free(b.buf);
		return err;
	}
	lb_finish(&b, l, TUI_ATTR_STATUS);
	return 0;
}

static int help_lines(struct tui_screen *s, size_t y0, size_t y1, size_t n)
{
	char keys[8], line[64];
	size_t y = y0 + 1;
	struct lb b;

	if (y0 >= y1)
		return 0;
	if (lb_init(&b, s->w, 0))
		return -ENOMEM;
	lb_str(&b, "== help (h closes) ");
	lb_fill(&b, '=', b.pos < s->w ? s->w - b.pos : 0);
	lb_finish(&b, &s->lines[y0], TUI_ATTR_TITLE_FOCUS);
	for (size_t i = 0; i < sizeof(help_text) / sizeof(help_text[0]) && y < y1; i++) {
		const char *text = help_text[i];

		if (!text) {
			panel_keys(keys, sizeof(keys), n);
			if (!*keys)
				continue;	/* no panel to toggle */
			snprintf(line, sizeof(line), "%-17sshow / hide panel N", keys);
			text = line;
		}
		if (text_line(&s->lines[y++], text, s->w, TUI_ATTR_HELP))
			return -ENOMEM;
	}
	return 0;
}

/* Lays the panels out on [y0, y1); returns 0 or -ENOMEM. */
static int panels_lay(struct tui_screen *s, const struct tui_frame *frame, struct tui_view *v,
		      struct lpanel *ps, size_t n, size_t y0, size_t y1)
{
	size_t maxw = 0, y = y0;
	int err = 0;

	for (size_t i = 0; i < n && !err; i++) {
		v->panels[i]->page = 0;
		if (v->panels[i]->hidden)
			continue;
		err = panel_rows(&ps[i], &frame->tables[i], v->panels[i], v->filter);
		if (!err)
			err = panel_measure(&ps[i], frame->numeric);
	}
	if (err)
		return err;
	share_lines(ps, v, n, y1 - y0);
	for (size_t i = 0; i < n; i++)
		if (ps[i].lines > 1 && ps[i].width > maxw)
			maxw = ps[i].width;
	v->hscroll = min_sz(v->hscroll, maxw > s->w ? maxw - s->w : 0);
	for (size_t i = 0; i < n && !err; i++) {
		if (!ps[i].lines)
			continue;
		err = panel_draw(s, y, i, &ps[i], v->panels[i], i == v->focus, frame->numeric,
				 v->hscroll, frame->tables[i].nrows);
		y += ps[i].lines;
	}
	return err;
}

int tui_layout(struct tui_screen *s, const struct tui_frame *frame, struct tui_view *v,
	       unsigned w, unsigned h)
{
	size_t n = frame ? min_sz(frame->ntables, v->npanels) : 0;
	size_t y0 = 0, y1 = h ? h - 1 : 0;
	struct lpanel *ps;
	int err = -ENOMEM;

	s->w = w;
	s->h = h;
	s->lines = calloc(h ? h : 1, sizeof(*s->lines));
	ps = calloc(n ? n : 1, sizeof(*ps));
	if (!s->lines || !ps)
		goto out;
	tui_focus_fix(v, n);
	/* The status line goes last to go: it holds the keys' hints. */
	if (h && status_line(&s->lines[h - 1], v, n, w))
		goto out;
	if (v->header && h >= 3) {
		if (text_line(&s->lines[0], v->header, w, TUI_ATTR_TOP))
			goto out;
		y0 = 1;
	}
	if (v->help)
		err = help_lines(s, y0, y1, n);
	else
		err = panels_lay(s, frame, v, ps, n, y0, y1);
	for (size_t y = 0; !err && y < h; y++) {
		struct lb b;

		if (s->lines[y].text)
			continue;
		if (lb_init(&b, w, 0))
			err = -ENOMEM;
		else
			lb_finish(&b, &s->lines[y], TUI_ATTR_NORMAL);
	}
out:
	for (size_t i = 0; ps && i < n; i++)
		panel_free(&ps[i]);
	free(ps);
	if (err)
		tui_layout_free(s);
	return err;
}

void tui_layout_free(struct tui_screen *s)
{
	for (size_t y = 0; s->lines && y < s->h; y++) {
		free(s->lines[y].text);
		free(s->lines[y].marks);
	}
	free(s->lines);
	s->lines = NULL;
}
