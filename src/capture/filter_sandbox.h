/* SPDX-License-Identifier: GPL-2.0-or-later */
/* filter_sandbox.h: pcap_compile in a child process: bounded memory, and a stop ends it at once. */
#ifndef SOCKEYE_FILTER_SANDBOX_H
#define SOCKEYE_FILTER_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "capture/filter.h"

/* The environment variable that sets the compile's memory bound in MiB (tests make it small). */
#define FILTER_SANDBOX_ENV "SOCKEYE_FILTER_MEMORY_MIB"
/* The bound without it: every filter tcpdump compiles on a usual machine fits. */
#define FILTER_SANDBOX_DEFAULT_MIB 1024u

/*
 * filter_compile() in a child process whose address space may grow by the
 * bound above at most, the program sent back over a pipe.  libpcap's compiler
 * cannot be interrupted and its memory grows with the expression (a thousand
 * "host" terms: minutes and gigabytes), so the parent waits on the pipe and on
 * stop_fd (-1: none) together and kills the child when stop_fd becomes
 * readable.  0; -EINVAL with libpcap's message in err; -ENOMEM with "filter
 * needs more than N MiB to compile" in err; -ECANCELED when stop_fd ended it
 * (err empty); another -errno with its reason in err (fork, pipe).
 */
int filter_sandbox_compile(struct filter *f, const char *expr, int linktype, unsigned snaplen,
			   int stop_fd, char *err, size_t errlen);

/* The memory bound in MiB: FILTER_SANDBOX_ENV when it holds a positive number, else the default. */
unsigned filter_sandbox_limit_mib(void);

/*
 * Whether this build applies the bound.  AddressSanitizer maps memory of its
 * own as it goes and, when an mmap fails, hangs in its own error report (its
 * symbolizer maps again): its builds compile without the bound; a stop still
 * ends the compile.
 */
bool filter_sandbox_bounded(void);

#endif
