/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packet_owners.c: packet socket inode -> pid and comm, by reading the links in /proc/PID/fd. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag/packet_owners.h"

struct owner {
	uint32_t ino;
	int32_t pid;
	char comm[16];
};

static int cmp_owner(const void *a, const void *b)
{
	const struct owner *x = a, *y = b;

	return (x->ino > y->ino) - (x->ino < y->ino);
}

static struct owner *owner_find(struct owner *o, size_t n, uint32_t ino)
{
	struct owner key = { .ino = ino };

	return bsearch(&key, o, n, sizeof(*o), cmp_owner);
}

/* comm without its newline, control bytes made '?': it goes on a line of text. */
static void read_comm(int procfd, const char *pid, char comm[16])
{
	char path[64];
	ssize_t n;
	int fd;

	comm[0] = '\0';
	snprintf(path, sizeof(path), "%s/comm", pid);
	fd = openat(procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, comm, 15);
	close(fd);
	if (n <= 0)
		return;
	comm[n] = '\0';
	if (comm[n - 1] == '\n')
		comm[--n] = '\0';
	for (ssize_t i = 0; i < n; i++)
		if ((unsigned char)comm[i] < 0x20 || comm[i] == 0x7f)
			comm[i] = '?';
}

/* The inode of "socket:[N]", or 0. */
static uint32_t socket_ino(const char *link)
{
	unsigned long long v = 0;
	const char *p;

	if (strncmp(link, "socket:[", 8))
		return 0;
	for (p = link + 8; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (unsigned long long)(*p - '0');
		if (v > UINT32_MAX)
			return 0;
	}
	return *p == ']' && !p[1] ? (uint32_t)v : 0;
}

/* Marks the sockets process pid holds; the number newly found. */
static size_t scan_pid(int procfd, const char *pid, struct owner *o, size_t n)
{
	char path[64], link[64];
	struct dirent *de;
	size_t found = 0;
	DIR *d;
	int fd;

	snprintf(path, sizeof(path), "%s/fd", pid);
	fd = openat(procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return 0;
	}
	while ((de = readdir(d))) {
		struct owner *w;
		ssize_t k;

		if (de->d_name[0] == '.')
			continue;
		k = readlinkat(fd, de->d_name, link, sizeof(link) - 1);
		if (k <= 0)
			continue;
		link[k] = '\0';
		w = owner_find(o, n, socket_ino(link));
		if (!w || w->pid)
			continue;
		w->pid = (int32_t)atoi(pid);
		read_comm(procfd, pid, w->comm);
		found++;
	}
	closedir(d);
	return found;
}

/* "INODE PID COMM\n" for each owner found, in o's order. */
static int owners_text(const struct owner *o, size_t n, char **text, size_t *len)
{
	size_t cap = n * (10 + 1 + 10 + 1 + 15 + 1) + 1, used = 0;
	char *b;

	*text = NULL;
	*len = 0;
	b = malloc(cap);
	if (!b)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		if (o[i].pid > 0)
			used += (size_t)snprintf(b + used, cap - used, "%u %d %s\n", o[i].ino,
						 o[i].pid, o[i].comm);
	if (!used) {
		free(b);
		return 0;
	}
	*text = b;
	*len = used;
	return 0;
}

int packet_owners_scan(const char *proc, const struct packet_diag_snap *s, char **text,
		       size_t *len)
{
	struct owner *o = NULL;
	size_t left = s->n;
	struct dirent *de;
	DIR *d = NULL;
	int err = 0;

	*text = NULL;
	*len = 0;
	if (!s->n)
		return 0;
	o = calloc(s->n, sizeof(*o));
	if (!o)
		return -ENOMEM;
	for (unsigned i = 0; i < s->n; i++)
		o[i].ino = s->socks[i].ino;
	qsort(o, s->n, sizeof(*o), cmp_owner);
	d = opendir(proc);
	if (!d) {
		err = -errno;
		goto out;
	}
	while (left && (de = readdir(d))) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9' ||
		    strspn(de->d_name, "0123456789") != strlen(de->d_name) || strlen(de->d_name) > 10)
			continue;
		left -= scan_pid(dirfd(d), de->d_name, o, s->n);
	}
	err = owners_text(o, s->n, text, len);
out:
	if (d)
		closedir(d);
	free(o);
	return err;
}

int packet_owners_reuse(const struct packet_diag_snap *prev, const struct packet_diag_snap *cur,
			char **text, size_t *len)
{
	struct owner *o;
	int err;

	*text = NULL;
	*len = 0;
	if (!prev || !prev->has_owners)
		return 0;
	for (unsigned i = 0; i < cur->n; i++)
		if (!packet_diag_find(prev, cur->socks[i].ino))
			return 0;
	if (!cur->n)
		return 1;
	o = calloc(cur->n, sizeof(*o));
	if (!o)
		return -ENOMEM;
	for (unsigned i = 0; i < cur->n; i++) {
		const struct packet_sock *p = packet_diag_find(prev, cur->socks[i].ino);

		o[i].ino = p->ino;
		o[i].pid = p->pid;
		memcpy(o[i].comm, p->comm, sizeof(o[i].comm));
	}
	err = owners_text(o, cur->n, text, len);
	free(o);
	return err ? err : 1;
}

/* "INODE PID COMM" (comm may hold spaces, up to 15 bytes). */
static int parse_line(const char *p, const char *eol, struct packet_diag_snap *s)
{
	unsigned long long ino = 0, pid = 0;
	const char *q = p;
	struct packet_sock *ps;
	size_t n;

	for (; q < eol && *q >= '0' && *q <= '9' && ino <= UINT32_MAX; q++)
		ino = ino * 10 + (unsigned long long)(*q - '0');
	if (q == p || q >= eol || *q != ' ' || !ino || ino > UINT32_MAX)
		return -EBADMSG;
	for (p = ++q; q < eol && *q >= '0' && *q <= '9' && pid <= INT32_MAX; q++)
		pid = pid * 10 + (unsigned long long)(*q - '0');
	if (q == p || q >= eol || *q != ' ' || !pid || pid > INT32_MAX)
		return -EBADMSG;
	n = (size_t)(eol - ++q);
	if (n > 15)
		return -EBADMSG;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)q[i] < 0x20 || q[i] == 0x7f)
			return -EBADMSG;
	/* An owner of a socket the dump does not have is stale, not an error. */
	ps = (struct packet_sock *)packet_diag_find(s, (uint32_t)ino);
	if (!ps)
		return 0;
	ps->pid = (int32_t)pid;
	memcpy(ps->comm, q, n);
	ps->comm[n] = '\0';
	return 0;
}

int packet_owners_apply(struct packet_diag_snap *s, const char *text, size_t len)
{
	const char *p = text, *end, *eol;
	int err;

	for (unsigned i = 0; i < s->n; i++) {
		s->socks[i].pid = 0;
		s->socks[i].comm[0] = '\0';
	}
	/* No owners found: no text at all. */
	end = len ? text + len : text;
	for (; p < end; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			return -EBADMSG;
		err = parse_line(p, eol, s);
		if (err)
			return err;
	}
	s->has_owners = true;
	return 0;
}
