/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.h: the drops panel drops lends top: drops per reason and place since the last sample. */
#ifndef SOCKEYE_CMD_DROPS_PANEL_H
#define SOCKEYE_CMD_DROPS_PANEL_H

#include <stddef.h>

#include "cli/panel.h"

#ifdef HAVE_BPF
int drops_panel_open(struct panel_ctx *c, char *why, size_t len);
/* Also sets c->bpf_drops_per_s, the header's drop rate, from the second reading on. */
int drops_panel_collect(struct panel_ctx *c, char *why, size_t len);
void drops_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups);
void drops_panel_close(struct panel_ctx *c);
/* The struct panel callbacks, for top's table. */
#define DROPS_PANEL_FNS .open = drops_panel_open, .collect = drops_panel_collect, \
			.emit = drops_panel_emit, .close = drops_panel_close
#else
/* No BPF in this build: the panel only ever says so. */
#define DROPS_PANEL_FNS .open = NULL
#endif

#endif
