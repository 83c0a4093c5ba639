/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_cgroup.c: the v2 mount from mountinfo, a walk of it for id -> path, container ids. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attrib/attrib_cgroup.h"
#include "util/clock.h"

#define RESCAN_NS (50 * 1000000ull)

struct cg_entry {
	uint64_t id;		/* 0: empty slot */
	char *path;
	char *container;
};

struct attrib_cgroup {
	char *root;
	size_t root_len;
	struct cg_entry *slots;	/* open addressing on id */
	size_t cap, n;
	uint64_t last_walk_ns;
	uint64_t max_id;	/* the newest cgroup the walks found */
	uint64_t unknown;
};

int attrib_cgroup_find_v2(const char *mountinfo, char *buf, size_t len)
{
	FILE *f = fopen(mountinfo, "re");
	char *line = NULL;
	size_t cap = 0;
	int err = -ENOENT;

	if (!f)
		return -errno;
	/* "36 25 0:31 / /sys/fs/cgroup rw,... shared:9 - cgroup2 cgroup2 rw": fields 5 and after " - ". */
	while (err == -ENOENT && getline(&line, &cap, f) > 0) {
		char mnt[4096], fstype[64];
		const char *dash = strstr(line, " - ");

		if (!dash || sscanf(dash + 3, "%63s", fstype) != 1 || strcmp(fstype, "cgroup2"))
			continue;
		if (sscanf(line, "%*s %*s %*s %*s %4095s", mnt) != 1)
			continue;
		/* mountinfo escapes spaces as \040: cgroup mounts do not have them; refuse any. */
		if (strchr(mnt, '\\') || strlen(mnt) >= len)
			continue;
		snprintf(buf, len, "%s", mnt);
		err = 0;
	}
	free(line);
	fclose(f);
	return err;
}

static bool is_hex_id(const char *s, size_t n)
{
	if (n < 12 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
			return false;
	return true;
}

bool attrib_cgroup_container_id(const char *path, char *buf, size_t len)
{
	static const char *const prefixes[] = { "docker-", "cri-containerd-", "crio-", "libpod-", "" };
	bool found = false;

	for (const char *c = path; c && *c;) {
		const char *end = strchr(c, '/');
		size_t n = end ? (size_t)(end - c) : strlen(c);

		for (size_t p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
			size_t pl = strlen(prefixes[p]);
			const char *id = c + pl;
			size_t idn;

			if (n <= pl || strncmp(c, prefixes[p], pl))
				continue;
			idn = n - pl;
			if (idn > 6 && !strncmp(id + idn - 6, ".scope", 6))
				idn -= 6;
			if (is_hex_id(id, idn) && idn < len) {
				memcpy(buf, id, idn);
				buf[idn] = '\0';
				found = true;
				break;
			}
		}
		c = end ? end + 1 : NULL;
	}
	return found;
}

int attrib_cgroup_of_pid(const char *proc_root, int pid, char *buf, size_t len)
{
	char file[4096], *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int err = -ENOENT;
	FILE *f;

	snprintf(file, sizeof(file), "%s/%d/cgroup", proc_root, pid);
	f = fopen(file, "re");
	if (!f)
		return -errno;
	/* "0::/user.slice/x.scope": the v2 line; v1 hierarchies have a number and controllers. */
	while (err == -ENOENT && (n = getline(&line, &cap, f)) > 0) {
		if (strncmp(line, "0::", 3))
			continue;
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if ((size_t)n - 3 >= len) {
			err = -ENAMETOOLONG;
			break;
		}
		memcpy(buf, line + 3, (size_t)n - 2);
		err = 0;
	}
	free(line);
	fclose(f);
	return err;
}

struct attrib_cgroup *attrib_cgroup_new(const char *root)
{
	struct attrib_cgroup *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->root = strdup(root);
	c->cap = 256;
	c->slots = calloc(c->cap, sizeof(*c->slots));
	if (!c->root || !c->slots) {
		attrib_cgroup_free(c);
		errno = ENOMEM;
		return NULL;
	}
	c->root_len = strlen(root);
	while (c->root_len > 1 && c->root[c->root_len - 1] == '/')
		c->root[--c->root_len] = '\0';
	return c;
}

void attrib_cgroup_free(struct attrib_cgroup *c)
{
	if (!c)
		return;
	for (size_t i = 0; c->slots && i < c->cap; i++) {
		free(c->slots[i].path);
		free(c->slots[i].container);
	}
	free(c->slots);
	free(c->root);
	free(c);
}

const char *attrib_cgroup_root(const struct attrib_cgroup *c)
{
	return c->root;
}

static struct cg_entry *slot_of(struct cg_entry *slots, size_t cap, uint64_t id)
{
	size_t i = (size_t)(id * 0x9e3779b97f4a7c15ull) & (cap - 1);

	while (slots[i].id && slots[i].id != id)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(struct attrib_cgroup *c)
{
	size_t cap = c->cap * 2;
	struct cg_entry *s = calloc(cap, sizeof(*s));

	if (!s)
		return -ENOMEM;
	for (size_t i = 0; i < c->cap; i++)
		if (c->slots[i].id)
			*slot_of(s, cap, c->slots[i].id) = c->slots[i];
	free(c->slots);
	c->slots = s;
	c->cap = cap;
	return 0;
}

static int add(struct attrib_cgroup *c, uint64_t id, const char *rel)
{
	struct cg_entry *e;
	char cid[80];

	if ((c->n + 1) * 2 > c->cap && grow(c))
		return -ENOMEM;
	e = slot_of(c->slots, c->cap, id);
	if (e->id)
		return 0;	/* known: its strings are handed out, they stay */
	e->path = strdup(*rel ? rel : "/");
	e->container = attrib_cgroup_container_id(rel, cid, sizeof(cid)) ? strdup(cid) : NULL;
	if (!e->path)
		return -ENOMEM;
	e->id = id;
	c->n++;
	if (id > c->max_id)
		c->max_id = id;
	return 0;
}

/* nftw has no context argument: the walk in progress (one at a time, single-threaded). */
static struct attrib_cgroup *walking;

static int on_dir(const char *fpath, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	if (type != FTW_D)
		return 0;
	return add(walking, (uint64_t)st->st_ino, fpath + walking->root_len) ? FTW_STOP : 0;
}

static void walk(struct attrib_cgroup *c)
{
	walking = c;
	nftw(c->root, on_dir, 16, FTW_PHYS | FTW_MOUNT | FTW_ACTIONRETVAL);
	walking = NULL;
	c->last_walk_ns = clock_ns(CLOCK_MONOTONIC);
}

bool attrib_cgroup_lookup(struct attrib_cgroup *c, uint64_t id, const char **path,
			  const char **container)
{
	struct cg_entry *e;

	if (!id)
		return false;
	e = slot_of(c->slots, c->cap, id);
	/*
	 * Ids only grow: one past the newest known is a cgroup made since the last
	 * walk, found at once; an older unknown one was removed, and walks for it
	 * are spaced.
	 */
	if (!e->id && (id > c->max_id || !c->last_walk_ns ||
		       clock_ns(CLOCK_MONOTONIC) - c->last_walk_ns >= RESCAN_NS)) {
		walk(c);
		e = slot_of(c->slots, c->cap, id);
	}
	if (!e->id) {
		c->unknown++;
		return false;
	}
	*path = e->path;
	*container = e->container;
	return true;
}

int attrib_cgroup_id_of(const struct attrib_cgroup *c, const char *path, uint64_t *id)
{
	char full[4096];
	struct stat st;

	if ((size_t)snprintf(full, sizeof(full), "%s/%s", c->root, path[0] == '/' ? path + 1 : path) >=
	    sizeof(full))
		return -ENAMETOOLONG;
	if (stat(full, &st))
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	*id = (uint64_t)st.st_ino;
	return 0;
}

uint64_t attrib_cgroup_unknown(const struct attrib_cgroup *c)
{
	return c->unknown;
}
