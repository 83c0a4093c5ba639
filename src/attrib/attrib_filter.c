/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_filter.c: owner filters: pids and their descendants, command names, cgroups, containers. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib_filter.h"

/* Parents followed up from a process before giving up (a loop cannot happen, a deep tree can). */
#define MAX_DEPTH 64

static const char *proc_root(const struct attrib_filter *f)
{
	return f->proc_root ? f->proc_root : "/proc";
}

/* A field of /proc/PID/status ("Tgid:", "PPid:") as a number; 0 when unreadable. */
static uint32_t status_field(const struct attrib_filter *f, uint32_t pid, const char *name)
{
	char path[128], line[256];
	size_t n = strlen(name);
	uint32_t v = 0;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%u/status", proc_root(f), pid);
	fp = fopen(path, "re");
	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp))
		if (!strncmp(line, name, n)) {
			v = (uint32_t)strtoul(line + n, NULL, 10);
			break;
		}
	fclose(fp);
	return v;
}

static bool in_family(const struct attrib_filter *f, uint32_t pid)
{
	for (size_t i = 0; i < f->n_family; i++)
		if (f->family[i] == pid)
			return true;
	return false;
}

static int family_add(struct attrib_filter *f, uint32_t pid)
{
	if (in_family(f, pid))
		return 0;
	if (f->n_family == f->family_cap) {
		size_t cap = f->family_cap ? f->family_cap * 2 : 64;
		uint32_t *v = realloc(f->family, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		f->family = v;
		f->family_cap = cap;
	}
	f->family[f->n_family++] = pid;
	return 0;
}

/* Whether pid descends from the family, by its parents in /proc; it joins when it does. */
static bool descends(struct attrib_filter *f, uint32_t pid, uint32_t ppid)
{
	uint32_t p = ppid;

	for (int depth = 0; p > 1 && depth < MAX_DEPTH; depth++) {
		if (in_family(f, p)) {
			family_add(f, pid);
			return true;
		}
		p = status_field(f, p, "PPid:");
	}
	return false;
}

int attrib_filter_prepare(struct attrib_filter *f, uint32_t *bad)
{
	DIR *d;
	struct dirent *de;
	bool grew = true;

	for (unsigned i = 0; i < f->n_pids; i++) {
		uint32_t tgid = status_field(f, f->pids[i], "Tgid:");

		if (!tgid) {
			*bad = f->pids[i];
			return -ESRCH;
		}
		f->pids[i] = tgid;
		if (family_add(f, tgid))
			return -ENOMEM;
	}
	if (!f->children || !f->n_pids)
		return 0;
	/* Descendants living now; later ones join when their parent chain is read. */
	while (grew) {
		grew = false;
		d = opendir(proc_root(f));
		if (!d)
			return -errno;
		while ((de = readdir(d))) {
			uint32_t pid = (uint32_t)strtoul(de->d_name, NULL, 10);
			uint32_t ppid;

			if (!pid || in_family(f, pid))
				continue;
			ppid = status_field(f, pid, "PPid:");
			if (ppid && in_family(f, ppid)) {
				if (family_add(f, pid)) {
					closedir(d);
					return -ENOMEM;
				}
				grew = true;
			}
		}
		closedir(d);
	}
	return 0;
}

static bool pid_matches(struct attrib_filter *f, const struct attrib_proc *p)
{
	uint32_t ppid;

	for (unsigned i = 0; i < f->n_pids; i++)
		if (f->pids[i] == p->pid)
			return true;
	if (!f->children)
		return false;
	if (in_family(f, p->pid))
		return true;
	ppid = p->ppid ? p->ppid : status_field(f, p->pid, "PPid:");
	return descends(f, p->pid, ppid);
}

static bool under(const char *path, const char *top)
{
	size_t n = strlen(top);

	while (n > 1 && top[n - 1] == '/')
		n--;
	if (n == 1 && top[0] == '/')
		return true;
	return !strncmp(path, top, n) && (path[n] == '\0' || path[n] == '/');
}

bool attrib_filter_match(struct attrib_filter *f, const struct attrib_proc *p)
{
	bool ok;

	if (f->n_pids && !pid_matches(f, p))
		return false;
	if (f->n_comms) {
		ok = false;
		for (unsigned i = 0; !ok && i < f->n_comms; i++)
			ok = !strncmp(p->comm, f->comms[i], ATTRIB_COMM_LEN - 1);
		if (!ok)
			return false;
	}
	if (f->n_cgroups) {
		ok = false;
		for (unsigned i = 0; !ok && p->cgroup && i < f->n_cgroups; i++)
			ok = under(p->cgroup, f->cgroups[i]);
		if (!ok)
			return false;
	}
	if (f->n_containers) {
		ok = false;
		for (unsigned i = 0; !ok && p->container && i < f->n_containers; i++)
			ok = !strncmp(p->container, f->containers[i], strlen(f->containers[i]));
		if (!ok)
			return false;
	}
	return true;
}

void attrib_filter_fini(struct attrib_filter *f)
{
	free(f->family);
	f->family = NULL;
	f->n_family = f->family_cap = 0;
}
