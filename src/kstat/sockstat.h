/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockstat.h: /proc/net/sockstat and sockstat6, the namespace's sockets counted by protocol. */
#ifndef SOCKEYE_SOCKSTAT_H
#define SOCKEYE_SOCKSTAT_H

#include <stdbool.h>
#include <stdint.h>

/*
 * sockstat's "TCP: inuse 5 orphan 0 tw 2 alloc 7 mem 1" lines: key and value
 * pairs after the protocol.  true with *out set when text (NUL-terminated)
 * has the protocol's line and the key on it.  The kernel keeps these per
 * namespace and per CPU: reading them costs no walk of any socket table.
 */
bool sockstat_value(const char *text, const char *proto, const char *key, uint64_t *out);

#endif
