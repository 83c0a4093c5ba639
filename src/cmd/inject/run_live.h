/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_live.h: inject on a device: the TX workers started, watched for --stats, joined. */
#ifndef SOCKEYE_INJECT_RUN_LIVE_H
#define SOCKEYE_INJECT_RUN_LIVE_H

#include "cmd/inject/run_state.h"

/* Sends through --cpus TX rings until the source ends, -c, --duration or a signal; exit status. */
int inject_run_live(struct inject_run *r);

#endif
