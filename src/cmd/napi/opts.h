/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: napi's command line: the BPF commands' options (cli/bpf_opts.h), nothing more. */
#ifndef SOCKEYE_CMD_NAPI_OPTS_H
#define SOCKEYE_CMD_NAPI_OPTS_H

#include "cli/bpf_opts.h"

/* Parses napi's options into o (defaults first).  0 to go on, -1 help printed, or EXIT_USAGE. */
int napi_opts_parse(struct cmd_bpf_opts *o, int argc, char **argv);

#endif
