/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: top's command line: the options into struct top_opts (cli/panel.h). */
#ifndef SOCKEYE_CMD_TOP_OPTS_H
#define SOCKEYE_CMD_TOP_OPTS_H

#include "cli/panel.h"

/*
 * Parses top's options into o (defaults first).  Without a terminal, with
 * JSON or with --replay, top runs in batches (one snapshot unless -n says).
 * 0 to go on, -1 when --help was printed (exit 0), or EXIT_USAGE (said).
 */
int top_opts_parse(struct top_opts *o, int argc, char **argv);

#endif
