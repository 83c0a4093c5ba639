/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stdout_check.h: the one report of a failed write to stdout, checked when main returns. */
#ifndef SOCKEYE_STDOUT_CHECK_H
#define SOCKEYE_STDOUT_CHECK_H

/*
 * A command saw a write to stdout fail with err (-errno, e.g. from fmt_flush):
 * stdio forgets why once it drops the buffer, so the reason is kept for
 * stdout_check_close() to report.  The first one counts.
 */
void stdout_check_note(int err);

/*
 * What every return of main goes through: flushes and closes stdout, and when
 * any write to it failed says so once ("write error: No space left on device")
 * and turns a status of 0 into EXIT_RUNTIME.  A reader that went away (EPIPE:
 * `| head`) is no error, as for tcpdump and the tools SIGPIPE ends quietly.
 * Returns the exit status.
 */
int stdout_check_close(int status);

#endif
