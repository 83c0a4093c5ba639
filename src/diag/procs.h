/* SPDX-License-Identifier: GPL-2.0-or-later */
/* procs.h: the processes (pid, fd, comm) that hold given socket inodes, from one pass over /proc. */
#ifndef SOCKEYE_PROCS_H
#define SOCKEYE_PROCS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct procs;

struct proc_owner {
	int pid;
	int fd;
	const char *comm;	/* the process's name, "?" when it exited before it was read */
};

struct procs *procs_new(void);
void procs_free(struct procs *p);
/* Forgets the inodes and owners, keeps the memory (the next snapshot). */
void procs_clear(struct procs *p);

/* Asks for the owners of inode (0 is ignored).  0 or -ENOMEM. */
int procs_want(struct procs *p, uint64_t inode);
/* How many inodes were asked for. */
size_t procs_nwanted(const struct procs *p);

/*
 * One pass over root (normally "/proc"): every process's fd directory is
 * read once and each "socket:[N]" link whose N was asked for records an
 * owner.  Processes that exit during the pass, or whose fds are not
 * readable, are skipped.  0, or -errno when root itself cannot be read.
 */
int procs_scan(struct procs *p, const char *root);

/* The i-th owner of inode in the order the scan found them; false past the last. */
bool procs_owner(const struct procs *p, uint64_t inode, size_t i, struct proc_owner *o);

#endif
