/* SPDX-License-Identifier: GPL-2.0-or-later */
/* snmp.h: counters of /proc/net/snmp, /proc/net/netstat ("Prefix: Name ..." pairs) and snmp6. */
#ifndef SOCKEYE_SNMP_H
#define SOCKEYE_SNMP_H

#include <stdbool.h>
#include <stdint.h>

/*
 * /proc/net/snmp and /proc/net/netstat hold pairs of lines, "Udp: Name Name
 * ..." then "Udp: 1 2 ...": a counter is the prefix and the column's name.
 * true with *out set when text (NUL-terminated) has it.
 */
bool snmp_pair_value(const char *text, const char *prefix, const char *field, uint64_t *out);
/* snmp6's "Udp6RcvbufErrors   3" lines: true with *out set when text has key. */
bool snmp_line_value(const char *text, const char *key, uint64_t *out);

#endif
