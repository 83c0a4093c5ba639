/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: sockets' run: one snapshot, a snapshot per interval, or the live view. */
#ifndef SOCKEYE_CMD_SOCKETS_RUN_H
#define SOCKEYE_CMD_SOCKETS_RUN_H

#include "cmd/sockets/opts.h"

/* Runs sockets as o asks (entering -N first, but for a replay).  The exit status (errors said). */
int sockets_run(struct sockets_opts *o);

#endif
