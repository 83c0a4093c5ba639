/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: one sniff run from parsed options to exit status: live, from a file, or -d. */
#ifndef SOCKEYE_SNIFF_RUN_H
#define SOCKEYE_SNIFF_RUN_H

#include "cmd/sniff/opts.h"

/*
 * Captures (or reads -r FILE, or prints -d's programs) as o asks, until the
 * end: -c reached, the file's end, a stop signal, a lost device.  Handles
 * SIGINT, SIGTERM and SIGHUP meanwhile.  The exit status.
 */
int sniff_run(struct sniff_opts *o);

#endif
