/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_cgroup.h: cgroup v2 ids -> paths under the v2 mount, and the container id a path names. */
#ifndef SOCKEYE_ATTRIB_CGROUP_H
#define SOCKEYE_ATTRIB_CGROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The v2 hierarchy's mount point, from a mountinfo file (normally
 * /proc/self/mountinfo): "/sys/fs/cgroup" on a unified host,
 * "/sys/fs/cgroup/unified" on a hybrid one.  0, -ENOENT (no cgroup2 mount)
 * or -errno reading the file.
 */
int attrib_cgroup_find_v2(const char *mountinfo, char *buf, size_t len);

/*
 * The container id a cgroup path names, into buf: the hex id of the last
 * component that is docker-ID.scope, cri-containerd-ID.scope, crio-ID.scope,
 * libpod-ID.scope, or ID alone (/docker/ID, cgroupfs-driven Kubernetes), ID
 * being 12 to 64 hex digits.  false when none does (a systemd service, a
 * session).
 */
bool attrib_cgroup_container_id(const char *path, char *buf, size_t len);

/*
 * The v2 cgroup path of process pid ("/system.slice/x.service", relative to
 * the v2 mount as the other paths here are) from the "0::" line of
 * PROC_ROOT/PID/cgroup, into buf.  0, -ENOENT (the process is gone, or a
 * v1-only host has no such line) or -errno.
 */
int attrib_cgroup_of_pid(const char *proc_root, int pid, char *buf, size_t len);

struct attrib_cgroup;

/* The v2 hierarchy at root (attrib_cgroup_find_v2's), not yet walked.  NULL with errno. */
struct attrib_cgroup *attrib_cgroup_new(const char *root);
void attrib_cgroup_free(struct attrib_cgroup *c);
const char *attrib_cgroup_root(const struct attrib_cgroup *c);

/*
 * The path ("/system.slice/x.service", "/" for the root) and container id (or
 * NULL) of cgroup id; a cgroup not seen yet walks the hierarchy again (ids grow:
 * a newer id than any known walks at once, an older unknown one, a cgroup
 * already removed, at most every 50 ms).  The strings live as long as c.  false when unknown.
 */
bool attrib_cgroup_lookup(struct attrib_cgroup *c, uint64_t id, const char **path,
			  const char **container);
/* The id (the directory's inode) of PATH under the v2 mount.  0 or -errno. */
int attrib_cgroup_id_of(const struct attrib_cgroup *c, const char *path, uint64_t *id);
/* How many cgroups were looked up in vain (removed before they were walked). */
uint64_t attrib_cgroup_unknown(const struct attrib_cgroup *c);

#endif
