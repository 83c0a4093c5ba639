/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kstat.c: takes a sample of the kernel's network counters, saves its raw sources, replays them. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kstat/kstat.h"
#include "util/parse.h"

/* Far above /proc/softirqs of an 8192-CPU machine (about 1 MiB): a bound, not a size. */
#define KSTAT_FILE_MAX (64u << 20)

#define SOFTIRQS_PATH "/proc/softirqs"
/* /proc/net is /proc/self/net: it follows the calling thread's network namespace (-N). */
#define SOFTNET_PATH "/proc/net/softnet_stat"

#define FILE_SOFTIRQS "softirqs"
#define FILE_SOFTNET "softnet_stat"
#define FILE_LINKS "rtnl_link.bin"
/* Written last and read first: a directory without it holds no complete sample. */
#define FILE_TIME "time"

/* The raw bytes a sample is parsed from. */
struct kstat_raw {
	char *softirqs;
	size_t softirqs_len;
	char *softnet;
	size_t softnet_len;
	void *links;
	size_t links_len;
};

static void kstat_raw_free(struct kstat_raw *r)
{
	free(r->softirqs);
	free(r->softnet);
	free(r->links);
}

int kstat_read_file(const char *path, char **buf, size_t *len)
{
	size_t cap = 16384, n = 0;
	char *b = NULL, *p;
	ssize_t r;
	int fd, err = 0;

	*buf = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	b = malloc(cap);
	if (!b) {
		err = -ENOMEM;
		goto out;
	}
	/* /proc files report st_size 0: read until EOF, growing the buffer. */
	for (;;) {
		if (cap - n < 2) {
			if (cap >= KSTAT_FILE_MAX) {
				err = -EFBIG;
				goto out;
			}
			cap *= 2;
			p = realloc(b, cap);
			if (!p) {
				err = -ENOMEM;
				goto out;
			}
			b = p;
		}
		r = read(fd, b + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = -errno;
			goto out;
		}
		if (!r)
			break;
		n += (size_t)r;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	b = NULL;
out:
	free(b);
	close(fd);
	return err;
}

static int path_join(char *out, size_t size, const char *dir, const char *name)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static int read_in(const char *dir, const char *name, char **buf, size_t *len)
{
	char path[PATH_MAX];
	int err = path_join(path, sizeof(path), dir, name);

	return err ? err : kstat_read_file(path, buf, len);
}

static int write_out(const char *dir, const char *name, const void *buf, size_t len)
{
	char path[PATH_MAX];
	const char *p = buf;
	ssize_t r;
	int fd, err;

	err = path_join(path, sizeof(path), dir, name);
	if (err)
		return err;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	while (len) {
		r = write(fd, p, len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = -errno;
			goto out;
		}
		p += r;
		len -= (size_t)r;
	}
out:
	if (close(fd) && !err)
		err = -errno;
	return err;
}

/* mkdir -p: every missing component, each 0755. */
static int mkdir_p(const char *dir)
{
	char path[PATH_MAX];
	size_t n = strlen(dir);

	if (!n || n >= sizeof(path))
		return n ? -ENAMETOOLONG : -ENOENT;
	memcpy(path, dir, n + 1);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(path, 0755) && errno != EEXIST)
		return -errno;
	return 0;
}

static int kstat_save(const struct kstat_sample *s, const struct kstat_raw *r, const char *dir)
{
	char line[64], path[PATH_MAX];
	int n, err;

	err = mkdir_p(dir);
	if (err)
		return err;
	/* Drop an older sample's marker first, so a half-overwritten one never looks whole. */
	err = path_join(path, sizeof(path), dir, FILE_TIME);
	if (err)
		return err;
	if (unlink(path) && errno != ENOENT)
		return -errno;
	err = write_out(dir, FILE_SOFTIRQS, r->softirqs, r->softirqs_len);
	if (!err)
		err = write_out(dir, FILE_SOFTNET, r->softnet, r->softnet_len);
	if (!err)
		err = write_out(dir, FILE_LINKS, r->links, r->links_len);
	if (err)
		return err;
	n = snprintf(line, sizeof(line), "%llu %llu\n", (unsigned long long)s->mono_ns,
		     (unsigned long long)s->real_ns);
	return write_out(dir, FILE_TIME, line, (size_t)n);
}

/* "MONO_NS REAL_NS\n", nothing else. */
static int parse_time(char *text, size_t len, struct kstat_sample *s)
{
	char *sp;

	if (strlen(text) != len || !len || text[len - 1] != '\n')
		return -EBADMSG;
	text[len - 1] = '\0';
	sp = strchr(text, ' ');
	if (!sp)
		return -EBADMSG;
	*sp = '\0';
	if (parse_u64(text, 0, UINT64_MAX, &s->mono_ns) ||
	    parse_u64(sp + 1, 0, UINT64_MAX, &s->real_ns))
		return -EBADMSG;
	return 0;
}

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int kstat_parse(struct kstat_sample *s, const struct kstat_raw *r)
{
	int err;

	err = softirqs_parse(r->softirqs, r->softirqs_len, &s->softirqs);
	if (!err)
		err = softnet_parse(r->softnet, r->softnet_len, &s->softnet);
	if (!err)
		err = links_parse(r->links, r->links_len, &s->links);
	return err;
}

int kstat_sample_take(struct kstat_sample *s, const char *save_dir)
{
	struct kstat_raw r = { 0 };
	int err;

	memset(s, 0, sizeof(*s));
	s->mono_ns = clock_ns(CLOCK_MONOTONIC);
	s->real_ns = clock_ns(CLOCK_REALTIME);
	err = kstat_read_file(SOFTIRQS_PATH, &r.softirqs, &r.softirqs_len);
	if (!err)
		err = kstat_read_file(SOFTNET_PATH, &r.softnet, &r.softnet_len);
	if (!err)
		err = links_dump(&r.links, &r.links_len);
	if (err)
		goto out;
	/* Saved before parsing: text we cannot parse is exactly what a bug report needs. */
	if (save_dir) {
		err = kstat_save(s, &r, save_dir);
		if (err)
			goto out;
	}
	err = kstat_parse(s, &r);
out:
	if (err)
		kstat_sample_free(s);
	kstat_raw_free(&r);
	return err;
}

int kstat_sample_load(struct kstat_sample *s, const char *dir)
{
	struct kstat_raw r = { 0 };
	char *time_text = NULL, *links_raw = NULL;
	size_t time_len;
	int err;

	memset(s, 0, sizeof(*s));
	err = read_in(dir, FILE_TIME, &time_text, &time_len);
	if (err)
		goto out;
	err = parse_time(time_text, time_len, s);
	if (!err)
		err = read_in(dir, FILE_SOFTIRQS, &r.softirqs, &r.softirqs_len);
	if (!err)
		err = read_in(dir, FILE_SOFTNET, &r.softnet, &r.softnet_len);
	if (!err)
		err = read_in(dir, FILE_LINKS, &links_raw, &r.links_len);
	r.links = links_raw;
	if (!err)
		err = kstat_parse(s, &r);
out:
	if (err)
		kstat_sample_free(s);
	free(time_text);
	kstat_raw_free(&r);
	return err;
}

void kstat_sample_free(struct kstat_sample *s)
{
	softirqs_free(&s->softirqs);
	softnet_free(&s->softnet);
	links_free(&s->links);
	s->mono_ns = 0;
	s->real_ns = 0;
}
