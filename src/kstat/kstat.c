/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kstat.c: takes a sample of the kernel's network counters, saves its raw sources, replays them. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag/packet_owners.h"
#include "kstat/kstat.h"
#include "util/parse.h"

/* Far above /proc/softirqs of an 8192-CPU machine (about 1 MiB): a bound, not a size. */
#define KSTAT_FILE_MAX (64u << 20)

#define SOFTIRQS_PATH "/proc/softirqs"
/* /proc/net is /proc/self/net: it follows the calling thread's network namespace (-N). */
#define SOFTNET_PATH "/proc/net/softnet_stat"
#define STAT_PATH "/proc/stat"
#define UPTIME_PATH "/proc/uptime"
#define LOADAVG_PATH "/proc/loadavg"

/* Written last and read first: a directory without it holds no complete sample. */
#define FILE_TIME "time"

/* The raw sources of a sample, each saved as one file. */
enum raw_id {
	RAW_SOFTIRQS, RAW_SOFTNET, RAW_LINKS, RAW_STAT, RAW_HOSTNAME, RAW_UPTIME, RAW_LOADAVG,
	RAW_ETHTOOL, RAW_ETHTOOL_STATS, RAW_PACKET, RAW_OWNERS, RAW_NR,
};

static const struct {
	const char *file;
	unsigned part;
} raw_files[RAW_NR] = {
	[RAW_SOFTIRQS] = { "softirqs", KSTAT_SOFTIRQS },
	[RAW_SOFTNET] = { "softnet_stat", KSTAT_SOFTNET },
	[RAW_LINKS] = { "rtnl_link.bin", KSTAT_LINKS },
	[RAW_STAT] = { "stat", KSTAT_CPUSTAT },
	[RAW_HOSTNAME] = { "hostname", KSTAT_HOST },
	[RAW_UPTIME] = { "uptime", KSTAT_HOST },
	[RAW_LOADAVG] = { "loadavg", KSTAT_HOST },
	[RAW_ETHTOOL] = { "ethtool.bin", KSTAT_RINGS },
	[RAW_ETHTOOL_STATS] = { "ethtool_stats", KSTAT_QUEUES },
	[RAW_PACKET] = { "packet_diag.bin", KSTAT_PACKET },
	[RAW_OWNERS] = { "packet_owners", KSTAT_PACKET },
};

/* The raw bytes a sample is parsed from; have[i] when source i was read. */
struct kstat_raw {
	char *buf[RAW_NR];
	size_t len[RAW_NR];
	bool have[RAW_NR];
};

static void kstat_raw_free(struct kstat_raw *r)
{
	for (int i = 0; i < RAW_NR; i++)
		free(r->buf[i]);
}

static unsigned part_bit(unsigned part)
{
	return (unsigned)__builtin_ctz(part);
}

static void part_fail(struct kstat_sample *s, unsigned part, int err)
{
	s->parts &= ~part;
	s->part_err[part_bit(part)] = err;
}

int kstat_part_err(const struct kstat_sample *s, enum kstat_part part)
{
	return s->part_err[part_bit(part)];
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

int kstat_save_dir_prepare(const char *dir)
{
	struct stat st;
	int err = mkdir_p(dir);

	if (err)
		return err;
	/* mkdir_p takes an existing file for an existing directory: EEXIST either way. */
	if (stat(dir, &st))
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	return access(dir, W_OK | X_OK) ? -errno : 0;
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
	for (int i = 0; i < RAW_NR && !err; i++) {
		err = path_join(path, sizeof(path), dir, raw_files[i].file);
		if (err)
			break;
		/* A part this sample lacks must not be read back from an older one. */
		if (!r->have[i])
			err = unlink(path) && errno != ENOENT ? -errno : 0;
		else
			err = write_out(dir, raw_files[i].file, r->buf[i], r->len[i]);
	}
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

/* Parses the optional part `part` from its raw sources; 0 or -errno. */
static int parse_part(struct kstat_sample *s, const struct kstat_raw *r, unsigned part)
{
	int err;

	switch (part) {
	case KSTAT_CPUSTAT:
		return cpustat_parse(r->buf[RAW_STAT], r->len[RAW_STAT], &s->cpustat);
	case KSTAT_HOST:
		err = host_parse_name(r->buf[RAW_HOSTNAME], r->len[RAW_HOSTNAME], &s->host);
		if (!err)
			err = host_parse_uptime(r->buf[RAW_UPTIME], r->len[RAW_UPTIME], &s->host);
		if (!err)
			err = host_parse_loadavg(r->buf[RAW_LOADAVG], r->len[RAW_LOADAVG], &s->host);
		return err;
	case KSTAT_RINGS:
		return rings_parse(r->buf[RAW_ETHTOOL], r->len[RAW_ETHTOOL], &s->rings);
	case KSTAT_QUEUES:
		return queues_parse(r->buf[RAW_ETHTOOL_STATS], r->len[RAW_ETHTOOL_STATS], &s->queues);
	case KSTAT_PACKET:
		err = packet_diag_parse(r->buf[RAW_PACKET], r->len[RAW_PACKET], &s->packet);
		if (!err && r->have[RAW_OWNERS])
			err = packet_owners_apply(&s->packet, r->buf[RAW_OWNERS], r->len[RAW_OWNERS]);
		return err;
	default:
		return 0;
	}
}

/* Frees what part holds. */
static void free_part(struct kstat_sample *s, unsigned part)
{
	switch (part) {
	case KSTAT_SOFTIRQS:
		softirqs_free(&s->softirqs);
		break;
	case KSTAT_SOFTNET:
		softnet_free(&s->softnet);
		break;
	case KSTAT_LINKS:
		links_free(&s->links);
		break;
	case KSTAT_CPUSTAT:
		cpustat_free(&s->cpustat);
		break;
	case KSTAT_HOST:
		memset(&s->host, 0, sizeof(s->host));
		break;
	case KSTAT_RINGS:
		rings_free(&s->rings);
		break;
	case KSTAT_QUEUES:
		queues_free(&s->queues);
		break;
	case KSTAT_PACKET:
		packet_diag_free(&s->packet);
		break;
	}
}

/* Whether every raw source of part is there (the owners are optional). */
static bool raw_has_part(const struct kstat_raw *r, unsigned part)
{
	bool any = false;

	for (int i = 0; i < RAW_NR; i++) {
		if (raw_files[i].part != part || i == RAW_OWNERS)
			continue;
		if (!r->have[i])
			return false;
		any = true;
	}
	return any;
}

/*
 * Parses every part whose sources r has.  strict (loading a recording): any
 * parse error fails the sample.  Otherwise (live) an optional part that does
 * not parse is only left out.
 */
static int kstat_parse(struct kstat_sample *s, const struct kstat_raw *r, bool strict)
{
	int err;

	err = softirqs_parse(r->buf[RAW_SOFTIRQS], r->len[RAW_SOFTIRQS], &s->softirqs);
	if (!err)
		err = softnet_parse(r->buf[RAW_SOFTNET], r->len[RAW_SOFTNET], &s->softnet);
	if (!err && !s->links.links)
		err = links_parse(r->buf[RAW_LINKS], r->len[RAW_LINKS], &s->links);
	if (err)
		return err;
	s->parts |= KSTAT_CORE;
	for (unsigned part = KSTAT_CPUSTAT; part <= KSTAT_PACKET; part <<= 1) {
		if (!raw_has_part(r, part))
			continue;
		err = parse_part(s, r, part);
		if (err && strict)
			return err;
		if (err) {
			free_part(s, part);
			part_fail(s, part, err);
			continue;
		}
		s->parts |= part;
	}
	return 0;
}

/* Reads source id from the file at path; on failure part goes without it. */
static void take_file(struct kstat_sample *s, struct kstat_raw *r, enum raw_id id,
		      const char *path)
{
	int err;

	if (s->part_err[part_bit(raw_files[id].part)])
		return;
	err = kstat_read_file(path, &r->buf[id], &r->len[id]);
	if (err)
		part_fail(s, raw_files[id].part, err);
	else
		r->have[id] = true;
}

static int take_host_name(struct kstat_raw *r)
{
	char line[HOST_NAME_LEN + 1];
	int err = host_name_text(line);

	if (err)
		return err;
	r->buf[RAW_HOSTNAME] = strdup(line);
	if (!r->buf[RAW_HOSTNAME])
		return -ENOMEM;
	r->len[RAW_HOSTNAME] = strlen(line);
	r->have[RAW_HOSTNAME] = true;
	return 0;
}

/* The packet sockets and their owners: the dump parsed here, the owners looked up if new. */
static int take_packet(struct kstat_sample *s, const struct kstat_sample *prev,
		       struct kstat_raw *r)
{
	void *dump;
	int err;

	err = packet_diag_dump(&dump, &r->len[RAW_PACKET]);
	if (err)
		return err;
	r->buf[RAW_PACKET] = dump;
	r->have[RAW_PACKET] = true;
	err = packet_diag_parse(dump, r->len[RAW_PACKET], &s->packet);
	if (!err) {
		err = packet_owners_reuse(prev && (prev->parts & KSTAT_PACKET) ? &prev->packet : NULL,
					  &s->packet, &r->buf[RAW_OWNERS], &r->len[RAW_OWNERS]);
		if (!err)
			err = packet_owners_scan("/proc", &s->packet, &r->buf[RAW_OWNERS],
						 &r->len[RAW_OWNERS]);
		else if (err == 1)
			err = 0;
	}
	packet_diag_free(&s->packet);
	r->have[RAW_OWNERS] = !err;
	return err;
}

static void take_optional(struct kstat_sample *s, const struct kstat_sample *prev,
			  struct kstat_raw *r, unsigned parts)
{
	void *bin;
	int err;

	if (parts & KSTAT_CPUSTAT)
		take_file(s, r, RAW_STAT, STAT_PATH);
	if (parts & KSTAT_HOST) {
		err = take_host_name(r);
		if (err)
			part_fail(s, KSTAT_HOST, err);
		take_file(s, r, RAW_UPTIME, UPTIME_PATH);
		take_file(s, r, RAW_LOADAVG, LOADAVG_PATH);
	}
	if (parts & KSTAT_RINGS) {
		err = rings_dump(&s->links, &bin, &r->len[RAW_ETHTOOL]);
		r->buf[RAW_ETHTOOL] = bin;
		r->have[RAW_ETHTOOL] = !err;
		if (err)
			part_fail(s, KSTAT_RINGS, err);
	}
	if (parts & KSTAT_QUEUES) {
		err = queues_read(&s->links, &r->buf[RAW_ETHTOOL_STATS], &r->len[RAW_ETHTOOL_STATS]);
		r->have[RAW_ETHTOOL_STATS] = !err;
		if (err)
			part_fail(s, KSTAT_QUEUES, err);
	}
	if (parts & KSTAT_PACKET) {
		err = take_packet(s, prev, r);
		if (err)
			part_fail(s, KSTAT_PACKET, err);
	}
}

int kstat_sample_take(struct kstat_sample *s, const struct kstat_sample *prev, unsigned parts,
		      const char *save_dir, struct kstat_take_error *e)
{
	struct kstat_take_error unused;
	struct kstat_raw r = { 0 };
	void *links;
	int err;

	if (!e)
		e = &unused;
	*e = (struct kstat_take_error){ .source = SOFTIRQS_PATH };
	memset(s, 0, sizeof(*s));
	s->mono_ns = clock_ns(CLOCK_MONOTONIC);
	s->real_ns = clock_ns(CLOCK_REALTIME);
	err = kstat_read_file(SOFTIRQS_PATH, &r.buf[RAW_SOFTIRQS], &r.len[RAW_SOFTIRQS]);
	if (!err) {
		e->source = SOFTNET_PATH;
		err = kstat_read_file(SOFTNET_PATH, &r.buf[RAW_SOFTNET], &r.len[RAW_SOFTNET]);
	}
	if (!err) {
		e->source = "RTM_GETLINK";
		err = links_dump(&links, &r.len[RAW_LINKS]);
		r.buf[RAW_LINKS] = links;
	}
	if (err)
		goto out;
	r.have[RAW_SOFTIRQS] = r.have[RAW_SOFTNET] = r.have[RAW_LINKS] = true;
	/* The ethtool parts go by the links: those need parsing first. */
	if (parts & (KSTAT_RINGS | KSTAT_QUEUES)) {
		/* A bad dump is reported by the parse below, which gets to try again. */
		if (links_parse(r.buf[RAW_LINKS], r.len[RAW_LINKS], &s->links)) {
			links_free(&s->links);
			parts &= ~(KSTAT_RINGS | KSTAT_QUEUES);
		}
	}
	take_optional(s, prev, &r, parts & ~KSTAT_CORE);
	/* Saved before parsing: text we cannot parse is exactly what a bug report needs. */
	if (save_dir) {
		err = kstat_save(s, &r, save_dir);
		if (err) {
			*e = (struct kstat_take_error){ .saving = true, .source = save_dir };
			goto out;
		}
	}
	/* What was read does not parse: no one source to name. */
	e->source = NULL;
	err = kstat_parse(s, &r, false);
out:
	if (err)
		kstat_sample_free(s);
	kstat_raw_free(&r);
	return err;
}

int kstat_sample_load(struct kstat_sample *s, const char *dir)
{
	struct kstat_raw r = { 0 };
	char *time_text = NULL;
	size_t time_len;
	int err;

	memset(s, 0, sizeof(*s));
	err = read_in(dir, FILE_TIME, &time_text, &time_len);
	if (err)
		goto out;
	err = parse_time(time_text, time_len, s);
	for (int i = 0; i < RAW_NR && !err; i++) {
		err = read_in(dir, raw_files[i].file, &r.buf[i], &r.len[i]);
		r.have[i] = !err;
		/* Older recordings lack the optional parts. */
		if (err == -ENOENT && !(raw_files[i].part & KSTAT_CORE))
			err = 0;
	}
	if (!err)
		err = kstat_parse(s, &r, true);
out:
	if (err)
		kstat_sample_free(s);
	free(time_text);
	kstat_raw_free(&r);
	return err;
}

void kstat_sample_free(struct kstat_sample *s)
{
	for (unsigned part = 1; part <= KSTAT_PACKET; part <<= 1)
		free_part(s, part);
	memset(s, 0, sizeof(*s));
}
