/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_webconfig.c: libFuzzer harness feeding arbitrary bytes to the exporter's web-config parser. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/exporter/webconfig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The files a config names, never opened (a fuzzed name could be /dev/zero):
 * "missing" ones fail as a missing file would, the others read as a short
 * text standing for a PEM.
 */
static int fake_read(const char *path, char **out, size_t *len)
{
	static const char pem[] = "-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n";

	if (strstr(path, "missing"))
		return -ENOENT;
	*out = malloc(sizeof(pem));
	if (!*out)
		return -ENOMEM;
	memcpy(*out, pem, sizeof(pem));
	*len = sizeof(pem) - 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct web_config c;
	char why[256];

	/* The input is not NUL-terminated: the parser must stay within size. */
	if (!web_config_parse((const char *)data, size, "/nonexistent", fake_read, &c, why,
			      sizeof(why)))
		web_config_free(&c);
	return 0;
}
