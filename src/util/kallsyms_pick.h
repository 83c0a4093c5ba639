/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kallsyms_pick.h: the kernel symbols some addresses fall in, without keeping all of kallsyms. */
#ifndef SOCKEYE_KALLSYMS_PICK_H
#define SOCKEYE_KALLSYMS_PICK_H

#include <stddef.h>
#include <stdint.h>

/*
 * Reads a kallsyms text ("ADDR TYPE NAME[\t[MODULE]]" lines: /proc/kallsyms,
 * or a fixture) once, as a stream, and keeps for each of the n addresses the
 * text symbol (t, T, w, W) it falls in: the last one starting at or below it,
 * the first in the file among symbols at one address.  Returns those symbols
 * as kallsyms lines, sorted by address, for ksyms_parse: a table of the
 * symbols a view needs instead of the whole kernel's (some 8 MiB for
 * 120,000).  When every address in the file reads 0 (kptr_restrict), nothing
 * is kept.  0 or -errno; *text is malloc'd, NULL (and *len 0) when nothing
 * was found.
 */
int kallsyms_pick(const char *path, const uint64_t *addrs, size_t n, char **text, size_t *len);

#endif
