/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stdout_check.c: the one report of a failed write to stdout, checked when main returns. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/stdout_check.h"
#include "util/log.h"

static int noted;	/* the first -errno a command saw; 0: none */

void stdout_check_note(int err)
{
	if (!noted)
		noted = err;
}

int stdout_check_close(int status)
{
	bool failed;
	int err = noted ? -noted : 0;

	errno = 0;
	if (fflush(stdout) == EOF && !err)
		err = errno;
	failed = err || ferror(stdout);
	/* close(2) itself can report a late error (NFS): the file is only complete after it. */
	errno = 0;
	if (fclose(stdout) == EOF) {
		failed = true;
		if (!err)
			err = errno;
	}
	if (!failed || err == EPIPE)
		return status;
	if (err)
		log_error("write error: %s", strerror(err));
	else
		log_error("write error");
	return status ? status : EXIT_RUNTIME;
}
