/* SPDX-License-Identifier: GPL-2.0-or-later */
/* log.h: the one place that writes "sockeye: COMMAND: THING: why" lines to stderr. */
#ifndef SOCKEYE_LOG_H
#define SOCKEYE_LOG_H

#include <stdarg.h>

/* The command named in every message from now on (NULL: none). */
void log_set_command(const char *name);
void log_set_verbosity(int level);
int log_verbosity(void);

/* "sockeye: CMD: " + message + "\n". */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Printed only with -v (level 1) or -vv (level 2). */
void log_debug(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vmsg(const char *fmt, va_list ap);

#endif
