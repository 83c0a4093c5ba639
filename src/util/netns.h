/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netns.h: entering a named network namespace before any socket opens. */
#ifndef SOCKEYE_NETNS_H
#define SOCKEYE_NETNS_H

/*
 * NAME is looked up in /run/netns like `ip netns`; a NAME with a slash is taken
 * as a path (/proc/PID/ns/net).  0, -ENOENT (no such namespace), -EPERM, -errno.
 */
int netns_enter(const char *name);

#endif
