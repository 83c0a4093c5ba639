/* SPDX-License-Identifier: GPL-2.0-or-later */
/* workers.h: sniff --fanout-files: a thread per fanout worker, each with its own file. */
#ifndef SOCKEYE_SNIFF_WORKERS_H
#define SOCKEYE_SNIFF_WORKERS_H

#include <stdbool.h>

#include "cmd/sniff/run_state.h"

/*
 * --fanout-files: a thread per fanout worker with its own rings (opened in
 * r->slots) and file, from start to the files closed; r->ifaces get the sums.
 * *started once the threads run (the stats are printed then).  An exit status.
 */
int sniff_workers_run(struct sniff_run *r, bool *started);

#endif
