/* SPDX-License-Identifier: GPL-2.0-or-later */
/* signals.c: the one stop-signal handler every command installs, and the descriptor it wakes. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "cli/signals.h"

volatile sig_atomic_t signals_stop;
static int stop_fd = -1;		/* ours: made once, readable after the first stop signal */
static volatile int wake_fd = -1;	/* a command's own, also written */

static void wake(int fd)
{
	uint64_t one = 1;

	/* write is async-signal-safe; a full eventfd already wakes its readers. */
	if (fd >= 0 && write(fd, &one, sizeof(one)) < 0)
		(void)0;
}

static void on_stop(int sig)
{
	int saved = errno;

	(void)sig;
	signals_stop = 1;
	wake(stop_fd);
	wake(wake_fd);
	errno = saved;
}

void signals_catch_stop(void)
{
	struct sigaction sa = { .sa_handler = on_stop };

	/* Non-blocking: the handler's write must never wait.  Without one the flag still works. */
	if (stop_fd < 0)
		stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int signals_stop_fd(void)
{
	return stop_fd;
}

void signals_set_wake_fd(int fd)
{
	wake_fd = fd;
}
