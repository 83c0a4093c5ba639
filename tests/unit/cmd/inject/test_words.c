/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_words.c: unit tests for inject --list-words: the template words offered next. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/inject/words.h"

static char *words_buf;

/* The words inject_words_next offers after ARGS... (NULL-ended), one a line. */
static const char *next(char *first, ...)
{
	char *argv[16];
	size_t len;
	va_list ap;
	FILE *out;
	int argc = 0;

	va_start(ap, first);
	for (char *a = first; a && argc < 15; a = va_arg(ap, char *))
		argv[argc++] = a;
	va_end(ap);
	free(words_buf);
	out = open_memstream(&words_buf, &len);
	assert_non_null(out);
	assert_int_equal(inject_words_next(out, argc, argv), 0);
	fclose(out);
	return words_buf;
}

static void test_next_words(void **state)
{
	(void)state;
	/* First the protocols, then only what applies to the one given: never a protocol again. */
	assert_string_equal(next(NULL), "udp\ntcp\nicmp\nicmpv6\nicmp6\n");
	assert_string_equal(next("udp", NULL), "src\ndst\nsport\ndport\nlen\npayload\nfill\n"
						"ttl\ntos\nipid\ninc\nrandom\n");
	assert_string_equal(next("icmp", "dst", "10.0.0.2", NULL),
			    "src\ndst\nlen\npayload\nfill\nttl\ntos\nipid\nseq\nid\necho\n"
			    "echo-reply\ninc\nrandom\n");
	/* A keyword's value is due: nothing; after a flag, the keywords again. */
	assert_string_equal(next("udp", "dst", NULL), "");
	assert_string_equal(next("tcp", "dst", "10.0.0.2", "sport", NULL), "");
	assert_non_null(strstr(next("tcp", "syn", NULL), "\nack\n"));
	/* No protocol first: nothing to offer. */
	assert_string_equal(next("dst", NULL), "");
	free(words_buf);
	words_buf = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
