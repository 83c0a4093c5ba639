/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.h: napi's run: attach, a snapshot per interval, detach. */
#ifndef SOCKEYE_CMD_NAPI_RUN_H
#define SOCKEYE_CMD_NAPI_RUN_H

#include "cli/bpf_opts.h"

/* Runs napi as o asks (entering -N first).  The exit status (errors said). */
int napi_run(struct cmd_bpf_opts *o);

#endif
