/* SPDX-License-Identifier: GPL-2.0-or-later */
/* process.h: sniff's process attribution: the engine's start and report, and --exec's child. */
#ifndef SOCKEYE_SNIFF_PROCESS_H
#define SOCKEYE_SNIFF_PROCESS_H

#include "cmd/sniff/run_state.h"

/*
 * Starts attribution when the options ask for it (sniff_opts_attrib): BPF
 * attached, then the scan of the sockets that exist, the filters, and with
 * --exec the child made (in its cgroup, waiting).  Call it with the rings
 * open, before the writer.  0 or an exit status.
 */
int sniff_process_start(struct sniff_run *r);
/* --exec: lets the child run the command (call it as the capture loop begins). */
void sniff_process_go(struct sniff_run *r);
/*
 * The end: --exec's child waited for (ended with SIGTERM if the capture
 * stopped first), its cgroup removed, the table's limits said on stderr.
 * Returns ret, or with --exec and ret 0 the command's exit status.
 */
int sniff_process_finish(struct sniff_run *r, int ret);
/* Frees the engine. */
void sniff_process_fini(struct sniff_run *r);

#endif
