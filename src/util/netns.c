/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netns.c: setns() into a named network namespace (the ip-netns convention). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/netns.h"

int netns_enter(const char *name)
{
	char path[4096];
	int fd, err = 0;

	if (!name || !*name)
		return -EINVAL;
	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else if (snprintf(path, sizeof(path), "/run/netns/%s", name) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (setns(fd, CLONE_NEWNET) < 0)
		err = errno == EINVAL ? -ENOTSUP : -errno;
	close(fd);
	return err;
}
