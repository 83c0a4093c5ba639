/* SPDX-License-Identifier: GPL-2.0-or-later */
/* btf_scan.h: one type looked up in a raw BTF file by a streaming pass, in constant memory. */
#ifndef SOCKEYE_BTF_SCAN_H
#define SOCKEYE_BTF_SCAN_H

#include <stdint.h>

/*
 * libbpf's btf__parse() holds the whole file twice while it parses (the read
 * buffer and its own copy, 11 MB for a 5.5 MB vmlinux) plus an index of every
 * type, to answer what one pass with a 64 KiB buffer answers: whether a name
 * exists, or the values of one enum.  That transient cost is what set the peak
 * RSS of `sockeye top`.
 *
 * path is a raw BTF file in this machine's byte order (/sys/kernel/btf/vmlinux).
 * The errors: -errno of open/read; -EPROTO for a file this reader does not
 * know (other byte order, a kind newer than it): callers fall back to libbpf.
 */

/* 1 when path has a type of BTF kind (BTF_KIND_FUNC, ...) called name, 0 when not. */
int btf_scan_has(const char *path, const char *name, unsigned kind);

/*
 * Calls fn for each enumerator of the enum (32 or 64 bit) called name, in the
 * file's order.  0, -ENOENT when there is no such enum (or no file), or fn's
 * non-zero return.
 */
int btf_scan_enum(const char *path, const char *name,
		  int (*fn)(void *arg, const char *enumerator, int64_t value), void *arg);

#endif
