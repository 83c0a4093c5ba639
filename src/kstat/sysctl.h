/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysctl.h: reading a sysctl by its dotted name, in the scope it lives in. */
#ifndef SOCKEYE_SYSCTL_H
#define SOCKEYE_SYSCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Where a setting lives.  /proc/sys/net follows the network namespace of the
 * reader, and a namespace other than the host's has only the per-namespace
 * settings (net.core.somaxconn, rmem_*): the host-wide ones
 * (netdev_max_backlog, netdev_budget) must be read before entering -N.
 */
enum sysctl_scope { SYSCTL_HOST, SYSCTL_NETNS };

/* The first number of /proc/sys/NAME (dots as slashes): 0, or -errno (-ENOENT: none). */
int sysctl_read_u64(const char *name, uint64_t *v);
/*
 * Whether the current namespace may change NAME: a namespace may show a
 * setting it cannot set (rmem_max is read-only outside the host's since 6.x).
 */
bool sysctl_is_writable(const char *name);
/* The path of a dotted name under root ("/proc/sys"); false when buf is too short. */
bool sysctl_path(const char *root, const char *name, char *buf, size_t len);

#endif
