/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_read.c: the capture-file reader's API: open, probe the format, hand records on. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/savefile_formats.h"
#include "capture/savefile_in.h"

struct savefile_reader {
	struct savefile_in in;
	bool own_fd;
	const struct savefile_fmt *fmt;	/* NULL until probed */
	void *state;			/* fmt's, fmt->state_size bytes */
	enum savefile_format format;
};

/* Picks the format from the first bytes and lets it read its header. */
static int rd_header(struct savefile_reader *r)
{
	struct savefile_in *in = &r->in;
	char why[SAVEFILE_ERRLEN];
	int ret = savefile_in_need(in, SAVEFILE_PROBE_LEN);

	if (ret) {
		if (savefile_in_at_end(in, ret) && in->len == 0)
			return savefile_in_fail(in, -EINVAL, "empty file");
		return savefile_in_short(in, ret, "file header", 0, SAVEFILE_PROBE_LEN);
	}
	r->fmt = savefile_formats_probe(in->p + in->pos, &r->format, why);
	if (!r->fmt)
		return savefile_in_fail(in, -EINVAL, "%s", why);
	/* calloc(1, 0) may be NULL: ask for a byte at least. */
	r->state = calloc(1, r->fmt->state_size ? r->fmt->state_size : 1);
	if (!r->state)
		return savefile_in_fail(in, -ENOMEM, "%s", strerror(ENOMEM));
	return r->fmt->open(in, r->state);
}

static int rd_open(struct savefile_reader **rp, int fd, bool own_fd, const void *mem, size_t len,
		   char *errbuf)
{
	struct savefile_reader *r;
	int err;

	*rp = NULL;
	r = calloc(1, sizeof(*r));
	if (!r) {
		err = -ENOMEM;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(ENOMEM));
		if (own_fd)
			close(fd);
		goto out;
	}
	r->own_fd = own_fd;
	if (fd < 0) {
		savefile_in_open_mem(&r->in, mem, len);
		err = 0;
	} else {
		err = savefile_in_open_fd(&r->in, fd);
	}
	if (err)
		err = savefile_in_fail(&r->in, err, "%s", strerror(-err));
	else
		err = rd_header(r);
	if (err) {
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", r->in.msg);
		savefile_read_close(r);
		goto out;
	}
	*rp = r;
out:
	return err;
}

int savefile_read_open(struct savefile_reader **rp, const char *path, char *errbuf)
{
	int fd;

	if (strcmp(path, "-") == 0)
		return rd_open(rp, STDIN_FILENO, false, NULL, 0, errbuf);
	/*
	 * Non-blocking: a FIFO's open would wait for a writer where no stop can
	 * reach it; its reads wait in poll instead (savefile_in_fill).
	 */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		int err = -errno;

		*rp = NULL;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(-err));
		return err;
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	return rd_open(rp, fd, true, NULL, 0, errbuf);
}

void savefile_read_set_stop_fd(int fd)
{
	savefile_in_stop_fd = fd;
}

int savefile_read_open_fd(struct savefile_reader **rp, int fd, char *errbuf)
{
	if (fd < 0) {
		*rp = NULL;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(EBADF));
		return -EBADF;
	}
	return rd_open(rp, fd, false, NULL, 0, errbuf);
}

int savefile_read_open_mem(struct savefile_reader **rp, const void *buf, size_t len, char *errbuf)
{
	return rd_open(rp, -1, false, buf, len, errbuf);
}

void savefile_read_close(struct savefile_reader *r)
{
	if (!r)
		return;
	if (r->fmt && r->fmt->close && r->state)
		r->fmt->close(r->state);
	if (r->own_fd)
		close(r->in.fd);
	savefile_in_close(&r->in);
	free(r->state);
	free(r);
}

int savefile_read_next(struct savefile_reader *r, struct savefile_pkt *pkt)
{
	/* What no format sets (the writer's comments) is none, as savefile.h promises. */
	memset(pkt->comments, 0, sizeof(pkt->comments));
	memset(pkt->comment_lens, 0, sizeof(pkt->comment_lens));
	pkt->options = NULL;
	pkt->options_len = 0;
	pkt->ts_odd_ns = 0; /* the pcap reader alone sets it */
	if (r->in.err)
		return r->in.err;
	return r->fmt->next(&r->in, r->state, pkt);
}

const char *savefile_read_error(const struct savefile_reader *r)
{
	return r->in.err ? r->in.msg : "";
}

enum savefile_format savefile_read_format(const struct savefile_reader *r)
{
	return r->format;
}

unsigned savefile_read_if_count(const struct savefile_reader *r)
{
	return r->in.n_ifs;
}

const struct savefile_if *savefile_read_if(const struct savefile_reader *r, unsigned i)
{
	return i < r->in.n_ifs ? &r->in.ifs[i].pub : NULL;
}

bool savefile_read_id(const struct savefile_reader *r, uint64_t *dev, uint64_t *ino)
{
	struct stat st;

	/* Only a regular file is lost to O_TRUNC; /dev/null or a pipe may well be both. */
	if (r->in.fd < 0 || fstat(r->in.fd, &st) || !S_ISREG(st.st_mode))
		return false;
	*dev = (uint64_t)st.st_dev;
	*ino = (uint64_t)st.st_ino;
	return true;
}
