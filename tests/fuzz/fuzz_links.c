/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_links.c: libFuzzer harness feeding arbitrary bytes to the RTM_NEWLINK dump parser. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kstat/links.h"

/* Inputs up to this size are also checked against a guard page; past it, ASan alone. */
#define GUARDED_MAX (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * libmnl is not built with ASan, so a read past the input inside it (an
 * attribute length check done wrong) would go unseen.  Each input is copied
 * to end right before a PROT_NONE page, so such a read faults.  The copy
 * starts 4-byte aligned as a recv buffer does, leaving at most 3 bytes unguarded.
 */
static const void *guarded_copy(const uint8_t *data, size_t size)
{
	static char *end;

	if (size > GUARDED_MAX)
		return data;
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct links_snap s;

	links_parse(guarded_copy(data, size), size, &s);
	/* Every record found must be findable and hold a terminated name. */
	for (unsigned i = 0; i < s.nlinks; i++)
		if (links_find(&s, s.links[i].ifindex)->name[sizeof(s.links[i].name) - 1])
			__builtin_trap();
	links_free(&s);
	return 0;
}
