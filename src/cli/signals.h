/* SPDX-License-Identifier: GPL-2.0-or-later */
/* signals.h: how every command is stopped: one flag for SIGINT, SIGTERM and SIGHUP. */
#ifndef SOCKEYE_SIGNALS_H
#define SOCKEYE_SIGNALS_H

#include <signal.h>

/* Set by the first stop signal (SIGINT, SIGTERM, SIGHUP); the loops look at it. */
extern volatile sig_atomic_t signals_stop;

/*
 * Installs the stop handlers without SA_RESTART, so a blocked poll, read or
 * sleep returns EINTR and its loop sees the flag at once; ignores SIGPIPE so a
 * closed pipe is an EPIPE error, handled where the write is.
 */
void signals_catch_stop(void);

/*
 * An eventfd that becomes readable with the first stop signal (and stays so),
 * made by signals_catch_stop; -1 before.  Blocking waits poll it beside their
 * descriptor (a pipe, a child's answer), which a signal delivered to another
 * thread, or between the flag's check and the wait, would not interrupt.
 */
int signals_stop_fd(void);

/*
 * An eventfd (or pipe) the handler also writes to, or -1: it wakes polls in
 * other threads, which a signal delivered to one thread does not interrupt.
 */
void signals_set_wake_fd(int fd);

#endif
