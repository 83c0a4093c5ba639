/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: top's run: snapshots in batches (text or JSON) or the live view, until done. */
#ifndef SOCKEYE_CMD_TOP_RUN_H
#define SOCKEYE_CMD_TOP_RUN_H

#include "cli/panel.h"

/* Runs top as o asks (entering -N first, but for a replay).  The exit status (errors said). */
int top_run(const struct top_opts *o);

#endif
