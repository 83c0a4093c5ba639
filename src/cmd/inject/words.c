/* SPDX-License-Identifier: GPL-2.0-or-later */
/* words.c: inject --list-words: what the shell completions offer next, from template.c's tables. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "cmd/inject/template.h"
#include "cmd/inject/words.h"

/* The protocol a first word names; false for none. */
static bool proto_of(const char *word, enum template_proto *proto)
{
	const char *name;

	for (size_t i = 0; (name = template_proto_word(i, proto)); i++)
		if (!strcmp(name, word))
			return true;
	return false;
}

/* Whether word is a keyword followed by a value. */
static bool takes_value(const char *word)
{
	const char *name;
	unsigned protos;
	bool value;

	for (size_t i = 0; (name = template_keyword(i, &protos, &value)); i++)
		if (!strcmp(name, word))
			return value;
	return false;
}

int inject_words_next(FILE *out, int argc, char **argv)
{
	enum template_proto proto;
	const char *name;
	unsigned protos;
	bool value;

	if (!argc) {
		for (size_t i = 0; (name = template_proto_word(i, &proto)); i++)
			fprintf(out, "%s\n", name);
		return ferror(out) ? -EIO : 0;
	}
	if (!proto_of(argv[0], &proto))
		return 0;
	/* A keyword's value is free text: nothing to offer while one is due. */
	for (int i = 1; i < argc; i++)
		if (takes_value(argv[i]) && ++i == argc)
			return 0;
	for (size_t i = 0; (name = template_keyword(i, &protos, &value)); i++)
		if (protos & (1u << proto))
			fprintf(out, "%s\n", name);
	return ferror(out) ? -EIO : 0;
}
