/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: drops' run: attach, a summary per interval or a record per drop, detach. */
#ifndef SOCKEYE_CMD_DROPS_RUN_H
#define SOCKEYE_CMD_DROPS_RUN_H

#ifdef HAVE_BPF
#include "cmd/drops/opts.h"

/* Runs drops as c asks (entering -N first).  The exit status (errors said). */
int drops_run(struct drops_cmd *c);
#endif

#endif
