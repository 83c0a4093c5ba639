/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.h: the sockets panel sockets lends top: the fullest socket queues. */
#ifndef SOCKEYE_CMD_SOCKETS_PANEL_H
#define SOCKEYE_CMD_SOCKETS_PANEL_H

#include <stddef.h>

#include "cli/panel.h"
#include "diag/sockdiag.h"

/* The panel keeps the fullest few: a top view, not a listing (sockeye sockets is). */
#define SOCKETS_PANEL_ROWS 25

/* Starts the scan (opens no socket yet).  0, or -errno with why set. */
int sockets_panel_open(struct panel_ctx *c, char *why, size_t len);
/* Dumps the sockets (at most once a second) and looks up the owners of the fullest. */
int sockets_panel_collect(struct panel_ctx *c, char *why, size_t len);
void sockets_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups);
void sockets_panel_close(struct panel_ctx *c);
/*
 * Top's drops by process: the drops each owner's sockets counted themselves
 * (sk_drops) between the panel's last two dumps, most first; a table of its
 * own ("drops_by_process"), emitted after every panel so the digit keys stay.
 */
void sockets_panel_emit_drops(struct fmt *f, const struct panel_ctx *c, unsigned groups);
/* The struct panel callbacks, for top's table. */
#define SOCKETS_PANEL_FNS .open = sockets_panel_open, .collect = sockets_panel_collect, \
			  .emit = sockets_panel_emit, .close = sockets_panel_close

/*
 * Keeps r among the fullest SOCKETS_PANEL_ROWS, fullest first (bytes queued:
 * Recv-Q, and Send-Q but on listeners; then drops); a socket with nothing
 * queued nor dropped never.  The dump's callback, apart for the tests.
 */
void sockets_panel_keep(struct sockets_panel *x, const struct sock_rec *r);
/* Forgets the kept sockets (a new dump begins). */
void sockets_panel_clear(struct sockets_panel *x);

#endif
