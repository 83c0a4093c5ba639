/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_softirqs.c: libFuzzer harness feeding arbitrary bytes to the /proc/softirqs parser. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "kstat/softirqs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct softirqs_snap s;

	/* The input is not NUL-terminated: the parser must stay within size. */
	if (!softirqs_parse((const char *)data, size, &s))
		softirqs_free(&s);
	return 0;
}
