/* SPDX-License-Identifier: GPL-2.0-or-later */
/* schema_texts.h: the JSON Schema of each record type, built in from schema/ (schema/embed.sh). */
#ifndef SOCKEYE_SCHEMA_TEXTS_H
#define SOCKEYE_SCHEMA_TEXTS_H

#include <stddef.h>

struct schema_text {
	const char *type;	/* the file's stem: "packet" for schema/packet.schema.json */
	const char *text;	/* the file as it is */
};

/* Sorted by type, as schema/local.mk lists the files. */
extern const struct schema_text schema_texts[];
extern const size_t schema_ntexts;

#endif
