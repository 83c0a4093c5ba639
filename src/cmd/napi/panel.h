/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.h: the NAPI panel napi lends top: the polls of each instance since the last sample. */
#ifndef SOCKEYE_CMD_NAPI_PANEL_H
#define SOCKEYE_CMD_NAPI_PANEL_H

#include <stddef.h>

#include "cli/panel.h"

#ifdef HAVE_BPF
int napi_panel_open(struct panel_ctx *c, char *why, size_t len);
int napi_panel_collect(struct panel_ctx *c, char *why, size_t len);
void napi_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups);
void napi_panel_close(struct panel_ctx *c);
/* The struct panel callbacks, for top's table. */
#define NAPI_PANEL_FNS .open = napi_panel_open, .collect = napi_panel_collect, \
		       .emit = napi_panel_emit, .close = napi_panel_close
#else
/* No BPF in this build: the panel only ever says so. */
#define NAPI_PANEL_FNS .open = NULL
#endif

#endif
