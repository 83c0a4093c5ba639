/* SPDX-License-Identifier: GPL-2.0-or-later */
/* words.h: inject --list-words: the template words that may come next, for the completions. */
#ifndef SOCKEYE_CMD_INJECT_WORDS_H
#define SOCKEYE_CMD_INJECT_WORDS_H

#include <stdio.h>

/*
 * Writes to out, one a line, the words that may follow the template words
 * argv[0..argc): the protocol words first, then the keywords that apply to
 * that protocol; nothing where a keyword's value comes next, or after a
 * first word that names no protocol.  0, or -EIO when out fails.
 */
int inject_words_next(FILE *out, int argc, char **argv);

#endif
