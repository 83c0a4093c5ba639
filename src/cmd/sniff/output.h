/* SPDX-License-Identifier: GPL-2.0-or-later */
/* output.h: where sniff's packets and stats go: the formatters, the -w files, the end report. */
#ifndef SOCKEYE_SNIFF_OUTPUT_H
#define SOCKEYE_SNIFF_OUTPUT_H

#include <stdbool.h>

#include "capture/sniff.h"
#include "cmd/sniff/run_state.h"

/* How a run captured, which decides what its end closes and reports. */
enum sniff_output_mode {
	SNIFF_OUTPUT_FILE,		/* -r FILE */
	SNIFF_OUTPUT_LIVE,		/* live, the merged stream */
	SNIFF_OUTPUT_WORKERS,		/* live, --fanout-files (the workers closed their files) */
};

/*
 * The packet formatter (stdout, or stderr with -w -) in the mode the global
 * options ask for, and the stats formatter (stderr text, or the packet
 * formatter with -j).  0 or EXIT_RUNTIME; sniff_output_close() either way.
 */
int sniff_output_open(struct sniff_run *r);
void sniff_output_close(struct sniff_run *r);

/*
 * Makes the merged stream's first -w file (into r->wfd) before -Z gives up root and
 * before the interfaces are known, and so checks early that it is not the -r file.
 * Nothing for -w - or --fanout-files.  0 or an exit status.
 */
int sniff_output_create_file(struct sniff_run *r);
/*
 * Opens the writer of s (the merged stream, or one worker's) on path, in r->wfd when
 * sniff_output_create_file made it; 0 or an exit status.
 */
int sniff_output_open_writer(struct sniff_run *r, struct sniff *s, const char *path);

/*
 * The end of every run: files closed with their statistics, the stats
 * printed, losses and the reason of an early end said on stderr.  started:
 * the capture began (its stats are worth a table).  Returns ret, or the exit
 * status of a failure found at the end.
 */
int sniff_output_finish(struct sniff_run *r, enum sniff_output_mode mode, bool started, int ret);

#endif
