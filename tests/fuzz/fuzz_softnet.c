/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_softnet.c: libFuzzer harness feeding arbitrary bytes to the softnet_stat parser. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "kstat/softnet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct softnet_snap s;

	/* The input is not NUL-terminated: the parser must stay within size. */
	if (!softnet_parse((const char *)data, size, &s))
		softnet_free(&s);
	return 0;
}
