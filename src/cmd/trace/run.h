/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: trace's run: attach, each packet as its fate comes (or the summary), detach. */
#ifndef SOCKEYE_CMD_TRACE_RUN_H
#define SOCKEYE_CMD_TRACE_RUN_H

#ifdef HAVE_BPF
#include "cmd/trace/opts.h"

/* Runs trace as c asks (entering -N first).  The exit status (errors said). */
int trace_run(struct trace_cmd *c);
#endif

#endif
