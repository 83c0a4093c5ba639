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
};

enum tui_event {
	TUI_TIMEOUT,	/* the wait ran out: time to sample again */
	TUI_REDRAW,	/* a key or a resize changed the view: draw the same frame again */
	TUI_QUIT,	/* q, or SIGINT/SIGTERM/SIGHUP */
};

struct tui;

/* Starts curses on the terminal.  NULL with errno ENOTTY when stdin/stdout is not one. */
struct tui *tui_open(void);
/* Restores the terminal; safe to call more than once (it also runs atexit). */
void tui_close(struct tui *t);
/* Draws the frame; status is the bottom line's left part (may be NULL). */
void tui_draw(struct tui *t, struct tui_frame *frame, const char *status);
/* Waits up to timeout_ms for a key, a resize or a signal, handling view keys itself. */
enum tui_event tui_wait(struct tui *t, int timeout_ms);
/* Space toggles pause: the caller keeps sampling but does not replace the frame. */
bool tui_is_paused(const struct tui *t);

#endif
