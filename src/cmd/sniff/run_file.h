/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_file.h: sniff -r FILE: the file-reading loop, and -d for a file's link type. */
#ifndef SOCKEYE_SNIFF_RUN_FILE_H
#define SOCKEYE_SNIFF_RUN_FILE_H

#include <stdbool.h>

#include "cmd/sniff/run_state.h"

/*
 * Reads -r FILE through the same per-packet path as a live capture; the
 * interfaces come from the file.  *started once the first packet opened the
 * stream (and the -w file).  0 or an exit status.
 */
int sniff_run_file(struct sniff_run *r, bool *started);
/* -d -r FILE: the program for the file's (first interface's) link type, as tcpdump -d -r. */
int sniff_run_file_dump_filter(struct sniff_run *r);

#endif
