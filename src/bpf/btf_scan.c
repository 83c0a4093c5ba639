/* SPDX-License-Identifier: GPL-2.0-or-later */
/* btf_scan.c: a raw BTF file read section by section through one small buffer, never held whole. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/btf.h>

#include "bpf/btf_scan.h"

#define SCAN_BUF 65536
/* The longest name read back (the kernel's KSYM_NAME_LEN). */
#define SCAN_NAME 512

struct scan {
	int fd;
	uint64_t type_start, str_start;	/* file offsets of the sections */
	uint32_t type_len, str_len;
	/* The section being read: buf holds [next - len, next), pos is the reader's place. */
	uint64_t next, end;
	size_t pos, len;
	unsigned char *buf;
};

static int scan_open(struct scan *s, const char *path)
{
	struct btf_header h;
	ssize_t n;

	memset(s, 0, sizeof(*s));
	s->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->fd < 0)
		return -errno;
	s->buf = malloc(SCAN_BUF);
	if (!s->buf)
		return -ENOMEM;
	do
		n = pread(s->fd, &h, sizeof(h), 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	/* A swapped magic is BTF of the other byte order: libbpf converts it, this does not. */
	if ((size_t)n < sizeof(h) || h.magic != BTF_MAGIC || h.hdr_len < sizeof(h))
		return -EPROTO;
	s->type_start = (uint64_t)h.hdr_len + h.type_off;
	s->type_len = h.type_len;
	s->str_start = (uint64_t)h.hdr_len + h.str_off;
	s->str_len = h.str_len;
	return 0;
}

static void scan_close(struct scan *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->buf);
}

static void scan_section(struct scan *s, uint64_t start, uint32_t len)
{
	s->next = start;
	s->end = start + len;
	s->pos = s->len = 0;
}

static bool scan_at_end(const struct scan *s)
{
	return s->pos == s->len && s->next == s->end;
}

/* The next piece of the section into buf; a file shorter than its header says is -EPROTO. */
static int scan_fill(struct scan *s)
{
	size_t want = s->end - s->next < SCAN_BUF ? (size_t)(s->end - s->next) : SCAN_BUF;
	ssize_t n;

	if (!want)
		return -EPROTO;
	do
		n = pread(s->fd, s->buf, want, (off_t)s->next);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if (!n)
		return -EPROTO;
	s->pos = 0;
	s->len = (size_t)n;
	s->next += (uint64_t)n;
	return 0;
}

/* Copies the next n bytes of the section (dst NULL: skips them). */
static int scan_take(struct scan *s, void *dst, size_t n)
{
	unsigned char *d = dst;

	while (n) {
		size_t k;
		int err;

		if (s->pos == s->len) {
			/* Skipping past what the buffer holds needs no read. */
			if (!d && n > 0 && s->end - s->next >= n) {
				s->next += n;
				return 0;
			}
			err = scan_fill(s);
			if (err)
				return err;
		}
		k = s->len - s->pos < n ? s->len - s->pos : n;
		if (d) {
			memcpy(d, s->buf + s->pos, k);
			d += k;
		}
		s->pos += k;
		n -= k;
	}
	return 0;
}

/* The offset of name in the string section: each string starts after the previous NUL. */
static int scan_find_string(struct scan *s, const char *name, uint32_t *off)
{
	size_t want = strlen(name), matched = 0;
	uint64_t at = 0, start = 0;
	bool alive = true;

	scan_section(s, s->str_start, s->str_len);
	while (!scan_at_end(s)) {
		int err = s->pos == s->len ? scan_fill(s) : 0;

		if (err)
			return err;
		for (; s->pos < s->len; s->pos++, at++) {
			char c = (char)s->buf[s->pos];

			if (!c) {
				if (alive && matched == want) {
					*off = (uint32_t)start;
					return 0;
				}
				start = at + 1;
				matched = 0;
				alive = true;
			} else if (alive && matched < want && name[matched] == c) {
				matched++;
			} else {
				alive = false;
			}
		}
	}
	return -ENOENT;
}

/* The bytes that follow a type's struct btf_type, by its kind. */
static int extra_bytes(uint32_t info, size_t *n)
{
	size_t vlen = BTF_INFO_VLEN(info);

	switch (BTF_INFO_KIND(info)) {
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		*n = 0;
		return 0;
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		*n = 4;
		return 0;
	case BTF_KIND_ARRAY:
		*n = sizeof(struct btf_array);
		return 0;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		*n = vlen * sizeof(struct btf_member);
		return 0;
	case BTF_KIND_ENUM:
		*n = vlen * sizeof(struct btf_enum);
		return 0;
	case BTF_KIND_FUNC_PROTO:
		*n = vlen * sizeof(struct btf_param);
		return 0;
	case BTF_KIND_DATASEC:
		*n = vlen * sizeof(struct btf_var_secinfo);
		return 0;
	case BTF_KIND_ENUM64:
		*n = vlen * sizeof(struct btf_enum64);
		return 0;
	}
	/* A kind from a newer kernel: its size is unknown, so is where the next type starts. */
	return -EPROTO;
}

static bool kind_matches(unsigned want, unsigned kind)
{
	if (want == BTF_KIND_ENUM || want == BTF_KIND_ENUM64)
		return kind == BTF_KIND_ENUM || kind == BTF_KIND_ENUM64;
	return want == kind;
}

/*
 * Stops at the type of kind called name (the reader at its trailing data, *t
 * filled): 0, 1 when there is none, or -errno.
 */
static int scan_find_type(struct scan *s, const char *name, unsigned kind, struct btf_type *t)
{
	uint32_t name_off;
	int err = scan_find_string(s, name, &name_off);

	if (err)
		return err == -ENOENT ? 1 : err;
	scan_section(s, s->type_start, s->type_len);
	while (!scan_at_end(s)) {
		size_t extra;

		err = scan_take(s, t, sizeof(*t));
		if (!err)
			err = extra_bytes(t->info, &extra);
		if (err)
			return err;
		if (t->name_off == name_off && kind_matches(kind, BTF_INFO_KIND(t->info)))
			return 0;
		err = scan_take(s, NULL, extra);
		if (err)
			return err;
	}
	return 1;
}

/* The string at off, read on its own (the reader's buffer stays as it is). */
static int scan_string(struct scan *s, uint32_t off, char *buf, size_t len)
{
	ssize_t n;

	if (off >= s->str_len)
		return -EPROTO;
	if (len > s->str_len - off)
		len = s->str_len - off;
	do
		n = pread(s->fd, buf, len, (off_t)(s->str_start + off));
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if (!memchr(buf, '\0', (size_t)n))
		return -EPROTO;
	return 0;
}

int btf_scan_has(const char *path, const char *name, unsigned kind)
{
	struct scan s;
	struct btf_type t;
	int err = scan_open(&s, path);

	if (!err)
		err = scan_find_type(&s, name, kind, &t);
	scan_close(&s);
	return err < 0 ? err : !err;
}

int btf_scan_enum(const char *path, const char *name,
		  int (*fn)(void *arg, const char *enumerator, int64_t value), void *arg)
{
	char ename[SCAN_NAME];
	struct btf_type t;
	struct scan s;
	int err = scan_open(&s, path);

	if (!err)
		err = scan_find_type(&s, name, BTF_KIND_ENUM, &t);
	if (err == 1)
		err = -ENOENT;
	for (unsigned i = 0; !err && i < BTF_INFO_VLEN(t.info); i++) {
		/* kind_flag: the values are signed. */
		bool is_signed = BTF_INFO_KFLAG(t.info);
		int64_t v;

		if (BTF_INFO_KIND(t.info) == BTF_KIND_ENUM64) {
			struct btf_enum64 e;

			err = scan_take(&s, &e, sizeof(e));
			v = (int64_t)((uint64_t)e.val_hi32 << 32 | e.val_lo32);
			if (!err)
				err = scan_string(&s, e.name_off, ename, sizeof(ename));
		} else {
			struct btf_enum e;

			err = scan_take(&s, &e, sizeof(e));
			v = is_signed ? (int64_t)e.val : (int64_t)(uint32_t)e.val;
			if (!err)
				err = scan_string(&s, e.name_off, ename, sizeof(ename));
		}
		if (!err)
			err = fn(arg, ename, v);
	}
	scan_close(&s);
	return err;
}
