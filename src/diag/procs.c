/* SPDX-License-Identifier: GPL-2.0-or-later */
/* procs.c: socket inode -> owning processes: an open-addressing hash filled by one /proc walk. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag/procs.h"

#define NONE UINT32_MAX

/* One wanted inode: key 0 marks a free slot (no socket has inode 0). */
struct slot {
	uint64_t inode;
	uint32_t head, tail;	/* its owners in owners[], linked by next */
};

struct owner {
	int pid, fd;
	uint32_t comm;		/* offset in the string pool */
	uint32_t next;
};

struct procs {
	struct slot *slots;
	size_t cap, n;		/* cap is a power of two, kept at most half full */
	struct owner *owners;
	size_t nowners, owners_cap;
	char *pool;		/* NUL-terminated comms */
	size_t pool_len, pool_cap;
};

struct procs *procs_new(void)
{
	return calloc(1, sizeof(struct procs));
}

void procs_free(struct procs *p)
{
	if (!p)
		return;
	free(p->slots);
	free(p->owners);
	free(p->pool);
	free(p);
}

void procs_clear(struct procs *p)
{
	if (p->slots)
		memset(p->slots, 0, p->cap * sizeof(*p->slots));
	p->n = 0;
	p->nowners = 0;
	p->pool_len = 0;
}

size_t procs_nwanted(const struct procs *p)
{
	return p->n;
}

/* Fibonacci hashing spreads sequential inode numbers over the table. */
static size_t slot_of(const struct procs *p, uint64_t inode)
{
	size_t i = (size_t)((inode * 0x9e3779b97f4a7c15ull) >> 32) & (p->cap - 1);

	while (p->slots[i].inode && p->slots[i].inode != inode)
		i = (i + 1) & (p->cap - 1);
	return i;
}

static int grow(struct procs *p)
{
	size_t ncap = p->cap ? p->cap * 2 : 1024;
	struct slot *old = p->slots, *ns = calloc(ncap, sizeof(*ns));
	size_t ocap = p->cap;

	if (!ns)
		return -ENOMEM;
	p->slots = ns;
	p->cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].inode)
			p->slots[slot_of(p, old[i].inode)] = old[i];
	free(old);
	return 0;
}

int procs_want(struct procs *p, uint64_t inode)
{
	size_t i;

	if (!inode)
		return 0;
	if ((p->n + 1) * 2 > p->cap && grow(p))
		return -ENOMEM;
	i = slot_of(p, inode);
	if (p->slots[i].inode)
		return 0;
	p->slots[i] = (struct slot){ .inode = inode, .head = NONE, .tail = NONE };
	p->n++;
	return 0;
}

static struct slot *find(const struct procs *p, uint64_t inode)
{
	size_t i;

	if (!p->cap || !inode)
		return NULL;
	i = slot_of(p, inode);
	return p->slots[i].inode ? &p->slots[i] : NULL;
}

/* Appends s to the pool; its offset, or NONE without memory. */
static uint32_t pool_add(struct procs *p, const char *s)
{
	size_t n = strlen(s) + 1;
	uint32_t off;

	if (p->pool_cap - p->pool_len < n) {
		size_t ncap = p->pool_cap ? p->pool_cap * 2 : 4096;
		char *np;

		while (ncap - p->pool_len < n)
			ncap *= 2;
		if (ncap > NONE)
			return NONE;
		np = realloc(p->pool, ncap);
		if (!np)
			return NONE;
		p->pool = np;
		p->pool_cap = ncap;
	}
	off = (uint32_t)p->pool_len;
	memcpy(p->pool + off, s, n);
	p->pool_len += n;
	return off;
}

/* The comm of process dir pid (read once, at its first owned socket). */
static uint32_t read_comm(struct procs *p, int rootfd, const char *pid)
{
	char path[300], comm[64];
	ssize_t n = -1;
	int fd;

	snprintf(path, sizeof(path), "%s/comm", pid);
	fd = openat(rootfd, path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, comm, sizeof(comm) - 1);
		close(fd);
	}
	if (n <= 0)
		return pool_add(p, "?");
	comm[n] = '\0';
	comm[strcspn(comm, "\n")] = '\0';
	return pool_add(p, comm);
}

static int add_owner(struct procs *p, struct slot *s, int pid, int fd, uint32_t comm)
{
	struct owner *o;

	if (p->nowners == p->owners_cap) {
		size_t ncap = p->owners_cap ? p->owners_cap * 2 : 256;
		struct owner *no;

		if (ncap >= NONE)
			return -ENOMEM;
		no = reallocarray(p->owners, ncap, sizeof(*no));
		if (!no)
			return -ENOMEM;
		p->owners = no;
		p->owners_cap = ncap;
	}
	o = &p->owners[p->nowners];
	*o = (struct owner){ .pid = pid, .fd = fd, .comm = comm, .next = NONE };
	if (s->tail == NONE)
		s->head = (uint32_t)p->nowners;
	else
		p->owners[s->tail].next = (uint32_t)p->nowners;
	s->tail = (uint32_t)p->nowners;
	p->nowners++;
	return 0;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* "socket:[12345]" -> 12345; 0 for any other link. */
static uint64_t socket_inode(const char *link, ssize_t n)
{
	uint64_t v = 0;

	if (n < 10 || memcmp(link, "socket:[", 8) || link[n - 1] != ']')
		return 0;
	for (ssize_t i = 8; i < n - 1; i++) {
		if (link[i] < '0' || link[i] > '9' || v > UINT64_MAX / 10)
			return 0;
		v = v * 10 + (uint64_t)(link[i] - '0');
	}
	return v;
}

/* Every fd of one process; a process gone or unreadable is simply skipped. */
static int scan_process(struct procs *p, int rootfd, const char *pid)
{
	char path[300], link[64];
	uint32_t comm = NONE;
	struct dirent *de;
	int dfd, err = 0;
	DIR *d;

	snprintf(path, sizeof(path), "%s/fd", pid);
	dfd = openat(rootfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return 0;
	d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return 0;
	}
	while ((de = readdir(d))) {
		ssize_t n;
		struct slot *s;

		if (de->d_name[0] == '.')
			continue;
		n = readlinkat(dfd, de->d_name, link, sizeof(link));
		if (n <= 0 || n == sizeof(link))
			continue;
		s = find(p, socket_inode(link, n));
		if (!s)
			continue;
		if (comm == NONE)
			comm = read_comm(p, rootfd, pid);
		if (comm == NONE || add_owner(p, s, atoi(pid), atoi(de->d_name), comm)) {
			err = -ENOMEM;
			break;
		}
	}
	closedir(d);
	return err;
}

int procs_scan(struct procs *p, const char *root)
{
	struct dirent *de;
	int rootfd, err = 0;
	DIR *d;

	rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		return -errno;
	d = fdopendir(rootfd);
	if (!d) {
		err = -errno;
		close(rootfd);
		return err;
	}
	/* Nothing asked for: nothing to walk. */
	while (p->n && !err && (de = readdir(d)))
		if (all_digits(de->d_name))
			err = scan_process(p, rootfd, de->d_name);
	closedir(d);
	return err;
}

bool procs_owner(const struct procs *p, uint64_t inode, size_t i, struct proc_owner *o)
{
	const struct slot *s = find(p, inode);
	uint32_t k = s ? s->head : NONE;

	for (; k != NONE && i; i--)
		k = p->owners[k].next;
	if (k == NONE)
		return false;
	o->pid = p->owners[k].pid;
	o->fd = p->owners[k].fd;
	o->comm = p->pool + p->owners[k].comm;
	return true;
}
