/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockdiag_file.c: writes and reads recorded sock_diag dumps, every length checked on the way in. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diag/sockdiag_file.h"

static const char magic[8] = { 'S', 'K', 'Y', 'S', 'D', 'I', 'A', 'G' };
#define FILE_VERSION 1
#define BOM 0x01020304u
#define DUMP_HDR 4	/* family, flags, protocol */

static int stream_err(FILE *f)
{
	return ferror(f) ? (errno ? -errno : -EIO) : 0;
}

static int write_rec(FILE *f, uint32_t type, const void *a, size_t alen, const void *b,
		     size_t blen)
{
	static const char pad[4];
	uint32_t hdr[2];
	size_t len = alen + blen;

	if (len > SOCKDIAG_FILE_MAX_REC)
		return -E2BIG;
	hdr[0] = type;
	hdr[1] = (uint32_t)len;
	errno = 0;
	if (fwrite(hdr, sizeof(hdr), 1, f) != 1 || (alen && fwrite(a, alen, 1, f) != 1) ||
	    (blen && fwrite(b, blen, 1, f) != 1) ||
	    (len % 4 && fwrite(pad, 4 - len % 4, 1, f) != 1))
		return stream_err(f) ? stream_err(f) : -EIO;
	return 0;
}

int sockdiag_file_write_header(FILE *f)
{
	uint32_t v[2] = { FILE_VERSION, BOM };

	errno = 0;
	if (fwrite(magic, sizeof(magic), 1, f) != 1 || fwrite(v, sizeof(v), 1, f) != 1)
		return stream_err(f) ? stream_err(f) : -EIO;
	return 0;
}

int sockdiag_file_write_netns(FILE *f, const char *name)
{
	return write_rec(f, SOCKDIAG_FILE_NETNS, name, strlen(name), NULL, 0);
}

int sockdiag_file_write_link(FILE *f, uint32_t ifindex, const char *name)
{
	return write_rec(f, SOCKDIAG_FILE_LINK, &ifindex, sizeof(ifindex), name, strlen(name));
}

int sockdiag_file_write_dump(FILE *f, const struct sockdiag_req *req, unsigned flags,
			     const void *buf, size_t len)
{
	uint8_t hdr[DUMP_HDR] = { req->family, (uint8_t)flags };

	memcpy(hdr + 2, &req->protocol, 2);
	return write_rec(f, SOCKDIAG_FILE_DUMP, hdr, sizeof(hdr), buf, len);
}

/* Reads exactly n bytes; -EBADMSG when the file ends first. */
static int read_exact(FILE *f, void *p, size_t n)
{
	if (!n || fread(p, n, 1, f) == 1)
		return 0;
	return ferror(f) ? -EIO : -EBADMSG;
}

int sockdiag_file_open(struct sockdiag_reader *r, FILE *f)
{
	char m[sizeof(magic)];
	uint32_t v[2];
	int err;

	memset(r, 0, sizeof(*r));
	r->f = f;
	err = read_exact(f, m, sizeof(m));
	if (!err && memcmp(m, magic, sizeof(m)))
		err = -EBADMSG;
	if (!err)
		err = read_exact(f, v, sizeof(v));
	if (!err && (v[0] != FILE_VERSION || v[1] != BOM))
		err = -EPROTO;
	return err;
}

void sockdiag_file_close(struct sockdiag_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}

/* Makes room for n payload bytes and a NUL after them. */
static int reserve(struct sockdiag_reader *r, size_t n)
{
	size_t need = n + 4;
	uint32_t *b;

	if (need <= r->cap)
		return 0;
	b = realloc(r->buf, need);
	if (!b)
		return -ENOMEM;
	r->buf = b;
	r->cap = need;
	return 0;
}

/* A name: non-empty, no NUL inside (the terminating one is added). */
static bool name_ok(const char *s, size_t n)
{
	return n && !memchr(s, '\0', n);
}

int sockdiag_file_next(struct sockdiag_reader *r, struct sockdiag_file_rec *rec)
{
	uint32_t hdr[2];
	size_t len, padded;
	char *p;
	int err;

	for (;;) {
		size_t got = fread(hdr, 1, sizeof(hdr), r->f);

		if (got != sizeof(hdr)) {
			if (ferror(r->f))
				return -EIO;
			return got ? -EBADMSG : 0;
		}
		len = hdr[1];
		if (len > SOCKDIAG_FILE_MAX_REC)
			return -EBADMSG;
		padded = (len + 3) & ~(size_t)3;
		err = reserve(r, padded);
		if (err)
			return err;
		err = read_exact(r->f, r->buf, padded);
		if (err)
			return err;
		p = (char *)r->buf;
		p[len] = '\0';
		memset(rec, 0, sizeof(*rec));
		rec->type = hdr[0];
		switch (hdr[0]) {
		case SOCKDIAG_FILE_NETNS:
			if (!name_ok(p, len))
				return -EBADMSG;
			rec->name = p;
			return 1;
		case SOCKDIAG_FILE_LINK:
			if (len < 4 || !name_ok(p + 4, len - 4))
				return -EBADMSG;
			memcpy(&rec->ifindex, p, 4);
			rec->name = p + 4;
			return 1;
		case SOCKDIAG_FILE_DUMP:
			if (len < DUMP_HDR)
				return -EBADMSG;
			rec->req.family = (uint8_t)p[0];
			rec->flags = (uint8_t)p[1];
			memcpy(&rec->req.protocol, p + 2, 2);
			rec->data = p + DUMP_HDR;
			rec->len = len - DUMP_HDR;
			return 1;
		}
	}
}
