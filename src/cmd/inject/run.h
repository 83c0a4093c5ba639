/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: one inject run from parsed options to exit status: the device, the source, the loop. */
#ifndef SOCKEYE_INJECT_RUN_H
#define SOCKEYE_INJECT_RUN_H

#include "cmd/inject/opts.h"

/*
 * Sends (or with --dump, -w prints or writes) what o asks for, until the
 * source ends, -c, --duration or a stop signal.  The exit status.
 */
int inject_run(struct inject_opts *o);

#endif
