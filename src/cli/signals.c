/* SPDX-License-Identifier: GPL-2.0-or-later */
/* signals.c: the one stop-signal handler every command installs. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include "cli/signals.h"

volatile sig_atomic_t signals_stop;
static volatile int wake_fd = -1;

static void on_stop(int sig)
{
	uint64_t one = 1;
	int saved = errno;
	int fd = wake_fd;

	(void)sig;
	signals_stop = 1;
	/* write is async-signal-safe; a full eventfd already wakes its readers. */
	if (fd >= 0 && write(fd, &one, sizeof(one)) < 0)
		(void)0;
	errno = saved;
}

void signals_catch_stop(void)
{
	struct sigaction sa = { .sa_handler = on_stop };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void signals_set_wake_fd(int fd)
{
	wake_fd = fd;
}
