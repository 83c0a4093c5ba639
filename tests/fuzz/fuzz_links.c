/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_links.c: libFuzzer harness feeding arbitrary bytes to the RTM_NEWLINK dump parser. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guarded.h"
#include "kstat/links.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const void *in = guarded_copy(data, size);
	struct links_snap s;

	if (!in)
		return 0;
	links_parse(in, size, &s);
	/* Every record found must be findable and hold a terminated name. */
	for (unsigned i = 0; i < s.nlinks; i++)
		if (links_find(&s, s.links[i].ifindex)->name[sizeof(s.links[i].name) - 1])
			__builtin_trap();
	links_free(&s);
	return 0;
}
