/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_in.c: the format readers' shared input: big buffered reads, errors, interfaces. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/savefile_in.h"

#define READ_BUF	(1u << 20)
/* Every IDB takes at least 20 bytes of file, but cap the table so a file cannot grow it. */
#define MAX_IFS		65536u

int savefile_in_stop_fd = -1;

int savefile_in_open_fd(struct savefile_in *in, int fd)
{
	struct stat st;

	memset(in, 0, sizeof(*in));
	in->fd = fd;
	/* A regular file's read never blocks for long; anything else may wait for its writer. */
	in->wait = fstat(fd, &st) < 0 || !S_ISREG(st.st_mode);
	in->stop_fd = savefile_in_stop_fd;
	in->buf = malloc(READ_BUF);
	in->p = in->buf;
	in->cap = READ_BUF;
	return in->buf ? 0 : -ENOMEM;
}

void savefile_in_open_mem(struct savefile_in *in, const void *mem, size_t len)
{
	/* A valid pointer even for an empty buffer: p + pos is computed before any check. */
	static const uint8_t empty[1];

	memset(in, 0, sizeof(*in));
	in->fd = -1;
	in->stop_fd = -1;
	in->p = mem ? mem : empty;
	in->len = len;
	in->eof = true;
}

void savefile_in_close(struct savefile_in *in)
{
	free(in->buf);
	free(in->ifs);
	in->buf = NULL;
	in->ifs = NULL;
}

int savefile_in_fail(struct savefile_in *in, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(in->msg, sizeof(in->msg), fmt, ap);
	va_end(ap);
	in->err = err;
	return err;
}

int savefile_in_short(struct savefile_in *in, int ret, const char *what, uint64_t off,
		      size_t want)
{
	if (ret < 0)
		return savefile_in_fail(in, ret, "read failed at offset %llu: %s",
					SAVEFILE_OFF(in->base + in->len), strerror(-ret));
	return savefile_in_fail(in, -EINVAL, "truncated %s at offset %llu (%zu of %zu bytes)",
				what, SAVEFILE_OFF(off), in->len - in->pos, want);
}

/*
 * Sleeps until fd has bytes (or its end) or the stop descriptor is readable:
 * 0, -ECANCELED, or -errno.  A signal only sets a flag and writes the stop
 * descriptor, so EINTR just polls again; a plain read could sleep past the
 * signal forever, and in a thread that blocks signals it is never interrupted.
 */
static int wait_input(const struct savefile_in *in)
{
	struct pollfd pfd[2] = {
		{ .fd = in->fd, .events = POLLIN },
		{ .fd = in->stop_fd, .events = POLLIN },
	};

	for (;;) {
		if (poll(pfd, in->stop_fd >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (in->stop_fd >= 0 && (pfd[1].revents & POLLIN))
			return -ECANCELED;
		if (pfd[0].revents)
			return 0;	/* data, the end (POLLHUP) or an error: read says which */
	}
}

/* savefile_in_need()'s slow path.  Callers bound N by SAVEFILE_MAX_BLOCK, and so the buffer. */
int savefile_in_fill(struct savefile_in *in, size_t n)
{
	if (in->eof)
		return 1;
	if (in->pos) {
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->base += in->pos;
		in->len -= in->pos;
		in->pos = 0;
	}
	if (n > in->cap) {
		size_t cap = in->cap * 2 < SAVEFILE_MAX_BLOCK ? in->cap * 2 : SAVEFILE_MAX_BLOCK;
		uint8_t *nb;

		if (cap < n)
			cap = n;
		nb = realloc(in->buf, cap);
		if (!nb)
			return -ENOMEM;
		in->buf = nb;
		in->p = nb;
		in->cap = cap;
	}
	while (in->len < n) {
		ssize_t got;
		int err = in->wait ? wait_input(in) : 0;

		if (err)
			return err;
		/* Fill the whole buffer: one syscall covers many records. */
		got = read(in->fd, in->buf + in->len, in->cap - in->len);
		if (got < 0) {
			/* EAGAIN: a FIFO opened non-blocking, or a shared stdin; wait again. */
			if (errno == EINTR || (errno == EAGAIN && in->wait))
				continue;
			return -errno;
		}
		if (got == 0) {
			in->eof = true;
			return 1;
		}
		in->len += (size_t)got;
	}
	return 0;
}

struct savefile_iface *savefile_in_add_if(struct savefile_in *in, unsigned section, uint64_t off)
{
	struct savefile_iface *ifc;

	if (in->n_ifs == MAX_IFS) {
		savefile_in_fail(in, -EINVAL, "more than %u interfaces at offset %llu", MAX_IFS,
				 SAVEFILE_OFF(off));
		return NULL;
	}
	if (in->n_ifs == in->cap_ifs) {
		unsigned cap = in->cap_ifs ? in->cap_ifs * 2 : 4;
		struct savefile_iface *n = realloc(in->ifs, cap * sizeof(*n));

		if (!n) {
			savefile_in_fail(in, -ENOMEM, "out of memory for interfaces at offset %llu",
					 SAVEFILE_OFF(off));
			return NULL;
		}
		in->ifs = n;
		in->cap_ifs = cap;
	}
	ifc = &in->ifs[in->n_ifs++];
	memset(ifc, 0, sizeof(*ifc));
	ifc->pub.section = section;
	return ifc;
}
