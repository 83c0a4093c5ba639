/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_live.h: sniff's live capture: the interfaces, their rings, and the merged-stream loop. */
#ifndef SOCKEYE_SNIFF_RUN_LIVE_H
#define SOCKEYE_SNIFF_RUN_LIVE_H

#include "cmd/sniff/run_state.h"

/* The interfaces to capture on: the -i list, or tcpdump's default.  0 or an exit status. */
int sniff_run_live_setup(struct sniff_run *r);
/*
 * -d: the program compiled for each interface's link type, no ring opened.  One
 * interface prints exactly what tcpdump -d prints; with several (tcpdump takes
 * one -i) a "# IFACE (LINKTYPE)" line says which program is whose.
 */
int sniff_run_live_dump_filters(struct sniff_run *r);
/*
 * Opens a ring per interface (and per fanout worker) into r->slots, the filter
 * attached before bind.  0 or an exit status; sniff_run_fini closes them.
 */
int sniff_run_live_open(struct sniff_run *r);
/* The merged stream: this thread polls every ring until the end.  0 or an exit status. */
int sniff_run_live(struct sniff_run *r);

#endif
