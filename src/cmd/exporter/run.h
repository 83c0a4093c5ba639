/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: the exporter's run: collectors opened, the HTTP server up until a stop signal. */
#ifndef SOCKEYE_CMD_EXPORTER_RUN_H
#define SOCKEYE_CMD_EXPORTER_RUN_H

#include "cmd/exporter/opts.h"

/* Runs the exporter as o asks (entering -N first).  The exit status (errors said). */
int exporter_run(struct exporter_opts *o);

#endif
