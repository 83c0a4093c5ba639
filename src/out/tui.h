/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui.h: the single owner of curses state: open, draw a frame, read keys, restore. */
#ifndef SOCKEYE_TUI_H
#define SOCKEYE_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "out/fmt_table.h"

/* What fmt's TUI renderer collects between fmt_doc_begin and fmt_doc_end. */
struct tui_frame {
	struct fmt_table *tables;	/* one per fmt_table_begin, in order */
	size_t ntables;
	bool numeric;			/* -n: cells show raw numbers */
};

enum tui_event {
	TUI_TIMEOUT,	/* the wait ran out: time to sample again */
	TUI_REDRAW,	/* space toggled pause: draw again (other keys redraw inside tui_wait) */
	TUI_QUIT,	/* q, or SIGINT/SIGTERM/SIGHUP */
};

struct tui;

/* Starts curses on the terminal.  NULL with errno ENOTTY when stdin/stdout is not one. */
struct tui *tui_open(void);
/* Restores the terminal and frees t; safe to call more than once (it also runs atexit). */
void tui_close(struct tui *t);
/*
 * Draws the frame; status is the bottom line's left part (may be NULL).  tui_wait
 * redraws the same frame, so it must live until the next tui_draw: the one from
 * fmt_tui_frame does (fmt_doc_end swaps it, never frees the struct).
 */
void tui_draw(struct tui *t, struct tui_frame *frame, const char *status);
/*
 * Waits up to timeout_ms (< 0: no limit) for a key, a resize or a signal.  View
 * keys (tab, arrows, sort, 1-9, h) and resizes redraw the last frame and the
 * wait goes on; q and SIGINT/SIGTERM/SIGHUP return TUI_QUIT.
 */
enum tui_event tui_wait(struct tui *t, int timeout_ms);
/* Space toggles pause: the caller keeps sampling but does not replace the frame. */
bool tui_is_paused(const struct tui *t);
/* Whether the user hid the panel of view_name (its collector may rest). */
bool tui_panel_is_hidden(const struct tui *t, const char *view_name);
/* Sorts view_name's panel by column col until the user picks another order. */
void tui_set_default_sort(struct tui *t, const char *view_name, size_t col, bool descending);
/* The line above the panels (uptime, load...); NULL for none. */
void tui_set_header(struct tui *t, const char *line);

#endif
