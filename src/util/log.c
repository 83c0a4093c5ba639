/* SPDX-License-Identifier: GPL-2.0-or-later */
/* log.c: error and debug lines on stderr, prefixed with the program and command. */
#include "config.h"

#include <stdio.h>

#include "util/log.h"

static const char *log_command;
static int log_level;

void log_set_command(const char *name)
{
	log_command = name;
}

void log_set_verbosity(int level)
{
	log_level = level;
}

int log_verbosity(void)
{
	return log_level;
}

void log_vmsg(const char *fmt, va_list ap)
{
	/* One fprintf per part; stderr is unbuffered, so build the line first. */
	char line[1024];
	int n;

	n = snprintf(line, sizeof(line), "sockeye: %s%s", log_command ? log_command : "",
		     log_command ? ": " : "");
	if (n < 0 || (size_t)n >= sizeof(line))
		n = 0;
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	fprintf(stderr, "%s\n", line);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vmsg(fmt, ap);
	va_end(ap);
}

void log_debug(int level, const char *fmt, ...)
{
	va_list ap;

	if (log_level < level)
		return;
	va_start(ap, fmt);
	log_vmsg(fmt, ap);
	va_end(ap);
}
