/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ksyms.h: kernel addresses to function+offset, from /proc/kallsyms sorted for binary search. */
#ifndef SOCKEYE_KSYMS_H
#define SOCKEYE_KSYMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ksyms;

/*
 * Reads a kallsyms text ("ADDR TYPE NAME [MODULE]" lines): /proc/kallsyms, or
 * a fixture.  Only text symbols count.  0 or -errno; on 0 *out is set.
 */
int ksyms_load(const char *path, struct ksyms **out);
/* The same from text in memory (len bytes). */
int ksyms_parse(const char *text, size_t len, struct ksyms **out);
void ksyms_free(struct ksyms *k);

/*
 * Whether every address read as 0: kernel.kptr_restrict hides them from this
 * reader (then nothing can be symbolized).
 */
bool ksyms_is_hidden(const struct ksyms *k);
size_t ksyms_count(const struct ksyms *k);

struct ksym {
	const char *name;
	const char *module;	/* NULL: built into the kernel */
	uint64_t addr;		/* the symbol's start */
};

/* The symbol addr falls in (the last one starting at or below it), or NULL. */
const struct ksym *ksyms_find(const struct ksyms *k, uint64_t addr);

/*
 * "name+0x1a" (with " [module]" for a module), or "0xffffffff8123abcd" when
 * addr has no symbol.  Returns the length snprintf would write.
 */
int ksyms_format(const struct ksyms *k, uint64_t addr, char *buf, size_t len);

#endif
