/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_formats.c: the table of capture-file formats, probed in turn on the first bytes. */
#include "config.h"

#include <stdio.h>

#include "capture/savefile_formats.h"

static const struct savefile_fmt *const formats[] = {
	&savefile_pcap,
	&savefile_pcapng,
};

#define N_FORMATS (sizeof(formats) / sizeof(formats[0]))

const struct savefile_fmt *savefile_formats_probe(const uint8_t *head, enum savefile_format *format,
						  char *errbuf)
{
	size_t n = 0;

	for (size_t i = 0; i < N_FORMATS; i++) {
		int f = formats[i]->probe(head);

		if (f >= 0) {
			*format = (enum savefile_format)f;
			return formats[i];
		}
	}
	/* "not a pcap or pcapng file": the names come from the table, so a new one shows. */
	n += (size_t)snprintf(errbuf, SAVEFILE_ERRLEN, "not a");
	for (size_t i = 0; i < N_FORMATS && n < SAVEFILE_ERRLEN; i++) {
		const char *sep = i == 0 ? "" : i + 1 < N_FORMATS ? "," : " or";

		n += (size_t)snprintf(errbuf + n, SAVEFILE_ERRLEN - n, "%s %s", sep,
				      formats[i]->name);
	}
	if (n < SAVEFILE_ERRLEN)
		snprintf(errbuf + n, SAVEFILE_ERRLEN - n, " file (magic 0x%02x%02x%02x%02x)",
			 head[0], head[1], head[2], head[3]);
	return NULL;
}
