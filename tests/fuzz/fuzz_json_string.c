/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_json_string.c: libFuzzer harness: arbitrary bytes as a JSON string must give valid JSON text. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/json_writer.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "fuzz_json_string: check failed: %s\n", #cond); \
			abort();                                                 \
		}                                                                \
	} while (0)

static unsigned hex_digit(char c)
{
	CHECK((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
	return c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
}

/*
 * Decodes the JSON string at *p (just past its opening quote) into out and
 * moves *p past the closing quote.  The writer only escapes bytes below
 * U+0080 and U+FFFD, so no other \u form is accepted.
 */
static size_t decode(const char **p, const char *end, uint8_t *out)
{
	const char *s = *p;
	size_t n = 0;

	while (s < end && *s != '"') {
		unsigned cp;

		if (*s != '\\') {
			out[n++] = (uint8_t)*s++;
			continue;
		}
		CHECK(end - s >= 2);
		switch (s[1]) {
		case '"':
		case '\\':
			out[n++] = (uint8_t)s[1];
			break;
		case 'b':
			out[n++] = '\b';
			break;
		case 'f':
			out[n++] = '\f';
			break;
		case 'n':
			out[n++] = '\n';
			break;
		case 'r':
			out[n++] = '\r';
			break;
		case 't':
			out[n++] = '\t';
			break;
		case 'u':
			CHECK(end - s >= 6);
			cp = hex_digit(s[2]) << 12 | hex_digit(s[3]) << 8 | hex_digit(s[4]) << 4 |
			     hex_digit(s[5]);
			if (cp == 0xfffd) {
				memcpy(out + n, "\xef\xbf\xbd", 3);
				n += 3;
			} else {
				CHECK(cp < 0x20 || cp == 0x7f);
				out[n++] = (uint8_t)cp;
			}
			s += 4;
			break;
		default:
			CHECK(!"unknown escape");
		}
		s += 2;
	}
	CHECK(s < end);
	*p = s + 1;
	return n;
}

/* The input with every byte of an ill-formed sequence replaced by U+FFFD. */
static size_t repaired(const uint8_t *data, size_t size, uint8_t *out)
{
	size_t n = 0;

	for (size_t i = 0; i < size; ) {
		size_t len = utf8_seq_len(data + i, size - i);

		if (len) {
			memcpy(out + n, data + i, len);
			n += len;
			i += len;
		} else {
			memcpy(out + n, "\xef\xbf\xbd", 3);
			n += 3;
			i++;
		}
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *got = malloc(3 * size + 1), *want = malloc(3 * size + 1);
	struct json_writer w;
	char *buf = NULL;
	size_t len = 0, n;
	const char *p, *end;
	FILE *f;

	CHECK(got && want);
	f = open_memstream(&buf, &len);
	CHECK(f);
	json_writer_init(&w, f, false);
	json_writer_array_begin(&w);
	json_writer_string_len(&w, data, size);
	json_writer_array_end(&w);
	json_writer_newline(&w);
	CHECK(json_writer_err(&w) == 0);
	CHECK(fclose(f) == 0);

	/* Valid UTF-8, no raw control byte but the final newline. */
	CHECK(utf8_is_valid(buf, len));
	CHECK(len >= 5 && memcmp(buf, "[\"", 2) == 0 && memcmp(buf + len - 3, "\"]\n", 3) == 0);
	for (size_t i = 0; i + 1 < len; i++)
		CHECK((uint8_t)buf[i] >= 0x20 && buf[i] != 0x7f);

	/* Nothing lost: decoding gives the input back, bad bytes as U+FFFD. */
	p = buf + 2;
	end = buf + len;
	n = repaired(data, size, want);
	CHECK(decode(&p, end, got) == n);
	CHECK(memcmp(got, want, n) == 0);
	CHECK(p == end - 2);

	free(buf);
	free(got);
	free(want);
	return 0;
}
