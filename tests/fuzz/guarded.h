/* SPDX-License-Identifier: GPL-2.0-or-later */
/* guarded.h: the fuzz input copied to end at a PROT_NONE page, for parsers using libmnl. */
#ifndef SOCKEYE_FUZZ_GUARDED_H
#define SOCKEYE_FUZZ_GUARDED_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Inputs up to this size are checked against the guard page; larger ones are skipped. */
#define GUARDED_MAX (1u << 20)

/*
 * libmnl is not built with ASan, so a read past the input inside it (an
 * attribute length check done wrong) would go unseen.  Each input is copied
 * to end right before a PROT_NONE page, so such a read faults.  The copy
 * starts 4-byte aligned as a recv buffer does, leaving at most 3 bytes
 * unguarded.  NULL for an input over GUARDED_MAX.
 */
static inline const void *guarded_copy(const uint8_t *data, size_t size)
{
	static char *end;

	if (size > GUARDED_MAX)
		return NULL;
	if (!end) {
		size_t page = (size_t)sysconf(_SC_PAGESIZE);
		char *map = mmap(NULL, GUARDED_MAX + page, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (map == MAP_FAILED || mprotect(map + GUARDED_MAX, page, PROT_NONE))
			__builtin_trap();
		end = map + GUARDED_MAX;
	}
	return memcpy(end - ((size + 3) & ~(size_t)3), data, size);
}

#endif
