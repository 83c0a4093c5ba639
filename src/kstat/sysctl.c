/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysctl.c: a sysctl's value from /proc/sys by its dotted name. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kstat/kstat.h"
#include "kstat/sysctl.h"

bool sysctl_path(const char *root, const char *name, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/%s", root, name);

	if (n < 0 || (size_t)n >= len)
		return false;
	/* Dots are separators, as sysctl(8) reads them (no name here has a dot of its own). */
	for (char *p = buf + strlen(root) + 1; *p; p++)
		if (*p == '.')
			*p = '/';
	return true;
}

int sysctl_read_u64(const char *name, uint64_t *v)
{
	char path[256], *text = NULL, *end;
	size_t len;
	int err;

	if (!sysctl_path("/proc/sys", name, path, sizeof(path)))
		return -ENAMETOOLONG;
	err = kstat_read_file(path, &text, &len);
	if (err)
		return err;
	errno = 0;
	*v = strtoull(text, &end, 10);
	if (errno || end == text)
		err = -EBADMSG;
	free(text);
	return err;
}

bool sysctl_is_writable(const char *name)
{
	char path[256];
	struct stat st;

	return sysctl_path("/proc/sys", name, path, sizeof(path)) && !stat(path, &st) &&
	       (st.st_mode & S_IWUSR);
}
