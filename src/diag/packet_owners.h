/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packet_owners.h: which process holds each packet socket, from /proc/PID/fd. */
#ifndef SOCKEYE_PACKET_OWNERS_H
#define SOCKEYE_PACKET_OWNERS_H

#include <stddef.h>

#include "diag/packet_diag.h"

/*
 * Looks for the sockets of s in /proc/PID/fd (only their inodes: a readlink
 * per descriptor, no more) and returns the owners as text, the raw source
 * packet_owners_apply reads: "INODE PID COMM\n" per socket found, the first
 * process in /proc order when several share one.  proc is the procfs mount
 * ("/proc"; tests pass a tree of their own).  Processes that vanish or hide
 * their descriptors (no ptrace access) are skipped.  0 or -errno; *text is
 * malloc'd, NULL when nothing was found.
 */
int packet_owners_scan(const char *proc, const struct packet_diag_snap *s, char **text,
		       size_t *len);
/*
 * The owners prev already knows, as that text, when prev was looked up and
 * has every socket of cur (no new socket since): the caller then skips the
 * scan, which reads every descriptor of every process.  1 with *text set
 * (malloc'd; NULL when no owner is known), 0 when a scan is needed, -ENOMEM.
 * Apply the text to cur with packet_owners_apply.
 */
int packet_owners_reuse(const struct packet_diag_snap *prev, const struct packet_diag_snap *cur,
			char **text, size_t *len);
/* Sets pid and comm of the sockets of s the text names.  0, -EBADMSG, -ENOMEM. */
int packet_owners_apply(struct packet_diag_snap *s, const char *text, size_t len);

#endif
