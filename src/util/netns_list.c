/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netns_list.c: named namespaces from /run/netns and process namespaces from /proc, deduplicated. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/netns_list.h"

static bool has_inode(const struct netns_list *l, uint64_t ino)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].inode == ino)
			return true;
	return false;
}

static int add(struct netns_list *l, size_t *cap, const char *name, const char *path,
	       uint64_t ino)
{
	struct netns_entry *e;

	if (l->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;

		e = reallocarray(l->v, ncap, sizeof(*e));
		if (!e)
			return -ENOMEM;
		l->v = e;
		*cap = ncap;
	}
	e = &l->v[l->n++];
	snprintf(e->name, sizeof(e->name), "%s", name);
	snprintf(e->path, sizeof(e->path), "%s", path);
	e->inode = ino;
	return 0;
}

static int by_inode(const void *a, const void *b)
{
	const struct netns_entry *x = a, *y = b;

	return (x->inode > y->inode) - (x->inode < y->inode);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct netns_entry *)a)->name, ((const struct netns_entry *)b)->name);
}

/* Named namespaces: bind mounts of nsfs files, on the same device as our own ns link. */
static int collect_named(struct netns_list *l, size_t *cap, const char *run_dir, dev_t nsfs)
{
	char path[128];
	struct dirent *de;
	struct stat st;
	int err = 0;
	DIR *d = opendir(run_dir);

	if (!d)
		return 0;	/* no named namespaces */
	while (!err && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", run_dir, de->d_name) >= (int)sizeof(path))
			continue;
		if (stat(path, &st) || st.st_dev != nsfs || has_inode(l, st.st_ino))
			continue;
		err = add(l, cap, de->d_name, path, st.st_ino);
	}
	closedir(d);
	if (!err && l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), by_name);
	return err;
}

/*
 * The root namespace's inode: the one init (pid 1) is in, so a container's
 * own namespace is its root; where /proc/1 cannot be read (no
 * CAP_SYS_PTRACE over init, hidepid), the kernel's init_net, whose inode is
 * fixed (PROC_NET_INIT_INO).
 */
#define NETNS_INIT_INO 0xEFFFFFF9ull

static uint64_t root_inode(const char *proc)
{
	char path[128];
	struct stat st;

	snprintf(path, sizeof(path), "%s/1/ns/net", proc);
	return stat(path, &st) ? NETNS_INIT_INO : (uint64_t)st.st_ino;
}

int netns_list_collect(struct netns_list *l, const char *run_dir, const char *proc)
{
	char path[128], name[64];
	size_t cap = 0, named;
	struct dirent *de;
	struct stat self;
	uint64_t root;
	int err;
	DIR *d;

	l->v = NULL;
	l->n = 0;
	snprintf(path, sizeof(path), "%s/self/ns/net", proc);
	if (stat(path, &self))
		return -errno;
	root = root_inode(proc);
	err = collect_named(l, &cap, run_dir, self.st_dev);
	if (err)
		goto out;
	named = l->n;
	d = opendir(proc);
	if (!d) {
		err = -errno;
		goto out;
	}
	while (!err && (de = readdir(d))) {
		struct stat st;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		if (snprintf(path, sizeof(path), "%s/%s/ns/net", proc, de->d_name) >=
		    (int)sizeof(path))
			continue;
		if (stat(path, &st) || has_inode(l, st.st_ino))
			continue;
		/* ip netns has no name for the root namespace: it is "root". */
		if (st.st_ino == root)
			snprintf(name, sizeof(name), "%s", NETNS_ROOT_NAME);
		else
			snprintf(name, sizeof(name), "net:[%llu]", (unsigned long long)st.st_ino);
		err = add(l, &cap, name, path, st.st_ino);
	}
	closedir(d);
	if (!err && l->n - named > 1)
		qsort(l->v + named, l->n - named, sizeof(*l->v), by_inode);
out:
	if (err)
		netns_list_free(l);
	return err;
}

void netns_list_free(struct netns_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
