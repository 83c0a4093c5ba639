/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui_layout.h: lays a frame out on a screen of W x H cells, without curses (testable). */
#ifndef SOCKEYE_TUI_LAYOUT_H
#define SOCKEYE_TUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "out/tui.h"

/* What a line (or a span of it) means; tui.c maps these to curses attributes. */
enum tui_attr {
	TUI_ATTR_NORMAL,
	TUI_ATTR_TOP,		/* the caller's header line */
	TUI_ATTR_TITLE,		/* a panel's title bar */
	TUI_ATTR_TITLE_FOCUS,	/* the focused panel's title bar */
	TUI_ATTR_HEADER,	/* column headers */
	TUI_ATTR_SORTED,	/* span: the header of the sort column */
	TUI_ATTR_STATUS,	/* the bottom line */
	TUI_ATTR_HELP,		/* the key list that h shows */
	TUI_ATTR_CHANGED,	/* span: a cell the command marked (fmt_mark): it changed */
};

/* One panel's view state; tui.c keeps it across frames, keyed by view name. */
struct tui_panel_view {
	bool hidden;
	bool sorted;		/* else rows keep the order the command emitted them in */
	size_t sort_col;	/* column index in the view */
	bool sort_desc;
	size_t scroll;		/* first row shown; the layout clamps it */
	size_t page;		/* out: rows the last layout showed (the PgUp/PgDn step) */
};

struct tui_view {
	struct tui_panel_view **panels;	/* one per frame table, in frame order */
	size_t npanels;
	size_t focus;		/* focused table; the layout moves it off hidden panels */
	size_t hscroll;		/* cells scrolled right; the layout clamps it */
	const char *header;	/* top line, or NULL */
	const char *status;	/* left part of the bottom line, or NULL */
	bool paused;
	bool help;
	/*
	 * Rows of a panel with an interface or process column (key iface, dev,
	 * comm or process) whose cells there do not contain filter (ASCII case
	 * ignored) are left out; NULL or "" shows every row.
	 */
	const char *filter;
	const char *prompt;	/* the filter being typed, shown on the status line; or NULL */
};

/* A span of a line's cells: [start, start + len). */
struct tui_span {
	size_t start;
	size_t len;
};

struct tui_line {
	char *text;		/* printable UTF-8 (one cell a code point), no trailing blanks */
	size_t len;		/* bytes */
	size_t width;		/* cells, at most the screen width */
	enum tui_attr attr;
	size_t hl_start;	/* a span of cells drawn with TUI_ATTR_SORTED ... */
	size_t hl_len;		/* ... none when 0 */
	struct tui_span *marks;	/* spans drawn with TUI_ATTR_CHANGED, left to right */
	size_t nmarks;
};

struct tui_screen {
	unsigned w, h;
	struct tui_line *lines;	/* h lines */
};

/* Longest cell text shown, in bytes: longer text is cut (a 64 KiB string stays one cell). */
#define TUI_LAYOUT_CELL_MAX 1024

/*
 * Lays frame (NULL: no panels) out on w x h cells into s, which the caller
 * frees with tui_layout_free.  Clamps v's scroll offsets and focus to what the
 * frame allows.  Never changes the frame: sorting works on a copy of the row
 * order.  0 or -ENOMEM.
 */
int tui_layout(struct tui_screen *s, const struct tui_frame *frame, struct tui_view *v,
	       unsigned w, unsigned h);
void tui_layout_free(struct tui_screen *s);

/* View commands the keys map to; tui_layout_act applies them to a view. */
enum tui_action {
	TUI_ACT_FOCUS_NEXT,
	TUI_ACT_FOCUS_PREV,
	TUI_ACT_UP,
	TUI_ACT_DOWN,
	TUI_ACT_PAGE_UP,
	TUI_ACT_PAGE_DOWN,
	TUI_ACT_HOME,
	TUI_ACT_END,
	TUI_ACT_LEFT,
	TUI_ACT_RIGHT,
	TUI_ACT_SORT_NEXT,	/* unsorted -> first column -> ... -> last column -> unsorted */
	TUI_ACT_SORT_PREV,
	TUI_ACT_SORT_REVERSE,
	TUI_ACT_TOGGLE_PANEL,	/* arg: panel index (0-based) */
	TUI_ACT_HELP,
};

void tui_layout_act(struct tui_view *v, const struct tui_frame *frame, enum tui_action a,
		    size_t arg);

#endif
