/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.h: the funnel panel why lends top: the loss per layer since the last frame. */
#ifndef SOCKEYE_CMD_WHY_PANEL_H
#define SOCKEYE_CMD_WHY_PANEL_H

#include <stddef.h>

#include "cli/panel.h"
#include "cmd/why/sample.h"

/*
 * Starts the funnel's readers (not the drop reasons: top's drops panel has
 * them; nor the kstat parts: top's sample has them, the panel's parts).
 */
int why_panel_open(struct panel_ctx *c, char *why, size_t len);
/* Reads every layer and builds the funnel since the last frame (none on the first). */
int why_panel_collect(struct panel_ctx *c, char *why, size_t len);
void why_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups);
void why_panel_close(struct panel_ctx *c);
/* The struct panel callbacks, for top's table. */
#define WHY_PANEL_FNS .open = why_panel_open, .collect = why_panel_collect, \
		      .emit = why_panel_emit, .close = why_panel_close, .parts = WHY_KSTAT_PARTS

#endif
