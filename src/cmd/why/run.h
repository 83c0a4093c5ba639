/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: why's run: the settings read in their scopes, two samples, the funnel and the verdict. */
#ifndef SOCKEYE_CMD_WHY_RUN_H
#define SOCKEYE_CMD_WHY_RUN_H

#include "cmd/why/opts.h"

/* Runs why as o asks (entering -N itself).  The exit status (errors said). */
int why_run(struct why_opts *o);

#endif
