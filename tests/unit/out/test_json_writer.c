/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_json_writer.c: unit tests for the JSON writer: layout, numbers, hostile strings, errors. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>

#include "golden.h"
#include "out/json_writer.h"

struct jw {
	struct capture c;
	struct json_writer w;
};

static void jw_begin(struct jw *j, bool pretty)
{
	capture_begin(&j->c);
	json_writer_init(&j->w, j->c.f, pretty);
}

/* Ends the capture, checks the text and that it parses, and the recorded error. */
static void jw_end(struct jw *j, const char *want, int err)
{
	capture_end(&j->c);
	assert_int_equal(json_writer_err(&j->w), err);
	assert_int_equal(j->c.len, strlen(want));
	assert_memory_equal(j->c.buf, want, j->c.len);
	golden_json_check(j->c.buf, j->c.len);
	capture_free(&j->c);
}

/* {"a":1,"b":[1,2,{}],"c":{"d":null},"e":[],"f":true} */
static void write_sample(struct json_writer *w)
{
	json_writer_object_begin(w);
	json_writer_key(w, "a");
	json_writer_u64(w, 1);
	json_writer_key(w, "b");
	json_writer_array_begin(w);
	json_writer_u64(w, 1);
	json_writer_s64(w, 2);
	json_writer_object_begin(w);
	json_writer_object_end(w);
	json_writer_array_end(w);
	json_writer_key(w, "c");
	json_writer_object_begin(w);
	json_writer_key(w, "d");
	json_writer_null(w);
	json_writer_object_end(w);
	json_writer_key(w, "e");
	json_writer_array_begin(w);
	json_writer_array_end(w);
	json_writer_key(w, "f");
	json_writer_bool(w, true);
	json_writer_object_end(w);
	json_writer_newline(w);
}

static void test_compact(void **state)
{
	struct jw j;

	jw_begin(&j, false);
	write_sample(&j.w);
	write_sample(&j.w);
	jw_end(&j, "{\"a\":1,\"b\":[1,2,{}],\"c\":{\"d\":null},\"e\":[],\"f\":true}\n"
		   "{\"a\":1,\"b\":[1,2,{}],\"c\":{\"d\":null},\"e\":[],\"f\":true}\n", 0);
}

static void test_pretty(void **state)
{
	struct jw j;

	jw_begin(&j, true);
	write_sample(&j.w);
	jw_end(&j,
	       "{\n"
	       "  \"a\": 1,\n"
	       "  \"b\": [\n"
	       "    1,\n"
	       "    2,\n"
	       "    {}\n"
	       "  ],\n"
	       "  \"c\": {\n"
	       "    \"d\": null\n"
	       "  },\n"
	       "  \"e\": [],\n"
	       "  \"f\": true\n"
	       "}\n", 0);
}

static void test_integers(void **state)
{
	struct jw j;

	jw_begin(&j, false);
	json_writer_array_begin(&j.w);
	json_writer_u64(&j.w, 0);
	json_writer_u64(&j.w, UINT64_MAX);
	json_writer_s64(&j.w, INT64_MIN);
	json_writer_s64(&j.w, INT64_MAX);
	json_writer_s64(&j.w, -1);
	json_writer_bool(&j.w, false);
	json_writer_array_end(&j.w);
	jw_end(&j, "[0,18446744073709551615,-9223372036854775808,9223372036854775807,-1,false]", 0);
}

static void test_doubles(void **state)
{
	static const double in[] = {
		12.5, 1.0 / 3, 2.0, 0.0, -0.0, -2.5, 1e-9, -1e-9, 0.1, 1234567.891, 99.9999,
		1e15, NAN, INFINITY, -INFINITY,
	};
	struct jw j;

	jw_begin(&j, false);
	json_writer_array_begin(&j.w);
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		json_writer_double(&j.w, in[i]);
	json_writer_array_end(&j.w);
	jw_end(&j, "[12.5,0.333,2,0,0,-2.5,0,0,0.1,1234567.891,100,1000000000000000,"
		   "null,null,null]", 0);
}

static void test_huge_double(void **state)
{
	struct jw j;
	char want[400];

	jw_begin(&j, false);
	json_writer_double(&j.w, -1.7976931348623157e308);
	snprintf(want, sizeof(want), "%.0f", -1.7976931348623157e308);
	jw_end(&j, want, 0);
}

static void test_string_controls(void **state)
{
	char in[33];
	struct jw j;

	for (int i = 0; i < 32; i++)
		in[i] = (char)i;
	in[32] = 0x7f;
	jw_begin(&j, false);
	json_writer_string_len(&j.w, in, sizeof(in));
	jw_end(&j, "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
		   "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
		   "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
		   "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\u007f\"", 0);
}

static void test_string_specials(void **state)
{
	struct jw j;

	jw_begin(&j, false);
	json_writer_array_begin(&j.w);
	json_writer_string(&j.w, "a\"b\\c/d 'e'");
	json_writer_string(&j.w, "");
	json_writer_string(&j.w, NULL);
	json_writer_string_len(&j.w, "x\0y", 3);
	json_writer_string_len(&j.w, "cut", 2);
	json_writer_array_end(&j.w);
	jw_end(&j, "[\"a\\\"b\\\\c/d 'e'\",\"\",null,\"x\\u0000y\",\"cu\"]", 0);
}

static void test_string_valid_utf8(void **state)
{
	/* 2, 3 and 4 bytes, the edges of each range, a C1 control and U+2028. */
	static const char in[] = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xc2\x80\xdf\xbf"
				 "\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf"
				 "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\xc2\x9b\xe2\x80\xa8";
	char want[sizeof(in) + 2];
	struct jw j;

	snprintf(want, sizeof(want), "\"%s\"", in);
	jw_begin(&j, false);
	json_writer_string(&j.w, in);
	jw_end(&j, want, 0);
}

/* Every byte of an ill-formed sequence becomes one U+FFFD; what follows is kept. */
static void test_string_invalid_utf8(void **state)
{
	static const struct {
		const char *in;
		size_t len;
		const char *want;
	} cases[] = {
		{ "\xc0\xaf", 2, "\"\\ufffd\\ufffd\"" },		/* overlong, 2 bytes */
		{ "\xe0\x80\xaf", 3, "\"\\ufffd\\ufffd\\ufffd\"" },	/* overlong, 3 bytes */
		{ "\xf0\x80\x80\xaf", 4, "\"\\ufffd\\ufffd\\ufffd\\ufffd\"" },	/* overlong, 4 */
		{ "\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"" },	/* high surrogate */
		{ "\xed\xbf\xbf", 3, "\"\\ufffd\\ufffd\\ufffd\"" },	/* low surrogate */
		{ "\xf4\x90\x80\x80", 4, "\"\\ufffd\\ufffd\\ufffd\\ufffd\"" },	/* > U+10FFFF */
		{ "\xf7\xbf\xbf\xbf", 4, "\"\\ufffd\\ufffd\\ufffd\\ufffd\"" },
		{ "\xfe\xff", 2, "\"\\ufffd\\ufffd\"" },
		{ "a\xe2\x82", 3, "\"a\\ufffd\\ufffd\"" },		/* truncated at the end */
		{ "\xe2\x82z", 3, "\"\\ufffd\\ufffdz\"" },		/* cut short by ASCII */
		{ "\xf0\x9f\x98\"", 4, "\"\\ufffd\\ufffd\\ufffd\\\"\"" },
		{ "\x80x\xbf", 3, "\"\\ufffdx\\ufffd\"" },		/* stray continuations */
		{ "\xc3\xa9\xa9", 3, "\"\xc3\xa9\\ufffd\"" },		/* one too many */
		{ "\xc3\xc3\xa9", 3, "\"\\ufffd\xc3\xa9\"" },		/* a lead cut by a lead */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct jw j;

		jw_begin(&j, false);
		json_writer_string_len(&j.w, cases[i].in, cases[i].len);
		jw_end(&j, cases[i].want, 0);
	}
}

static void test_string_escaped_key(void **state)
{
	struct jw j;

	jw_begin(&j, false);
	json_writer_object_begin(&j.w);
	json_writer_key(&j.w, "k\"\n\xff");
	json_writer_u64(&j.w, 1);
	json_writer_object_end(&j.w);
	jw_end(&j, "{\"k\\\"\\n\\ufffd\":1}", 0);
}

/* 64 KiB of one byte b comes out as 64 Ki copies of esc. */
static void check_long(unsigned char b, const char *esc)
{
	size_t n = 64 * 1024, elen = strlen(esc);
	char *in = malloc(n), *want = malloc(n * elen + 3);
	struct jw j;

	assert_non_null(in);
	assert_non_null(want);
	memset(in, b, n);
	want[0] = '"';
	for (size_t i = 0; i < n; i++)
		memcpy(want + 1 + i * elen, esc, elen);
	memcpy(want + 1 + n * elen, "\"", 2);
	jw_begin(&j, false);
	json_writer_string_len(&j.w, in, n);
	jw_end(&j, want, 0);
	free(in);
	free(want);
}

static void test_string_64k(void **state)
{
	check_long('a', "a");
	check_long(0x01, "\\u0001");
	check_long(0xff, "\\ufffd");
	check_long('"', "\\\"");
}

/* 64 KiB mixing multi-byte characters, with one cut short at the very end. */
static void test_string_64k_utf8(void **state)
{
	static const char unit[] = "\xe2\x82\xac\xf0\x9f\x98\x80" "ab\xc3\xa9";
	size_t ulen = sizeof(unit) - 1, n = 64 * 1024 / ulen * ulen;
	char *in = malloc(n + 2), *want = malloc(n + 32);
	struct jw j;

	assert_non_null(in);
	assert_non_null(want);
	for (size_t i = 0; i < n; i += ulen)
		memcpy(in + i, unit, ulen);
	memcpy(in + n, "\xf0\x9f", 2);
	want[0] = '"';
	memcpy(want + 1, in, n);
	strcpy(want + 1 + n, "\\ufffd\\ufffd\"");
	jw_begin(&j, false);
	json_writer_string_len(&j.w, in, n + 2);
	jw_end(&j, want, 0);
	free(in);
	free(want);
}

/* Misuse is refused with -EINVAL, and the output stays valid JSON. */
static void test_misuse_value_without_key(void **state)
{
	struct jw j;

	jw_begin(&j, false);
	json_writer_object_begin(&j.w);
	json_writer_u64(&j.w, 1);
	json_writer_array_begin(&j.w);	/* refused with everything inside it */
	json_writer_u64(&j.w, 2);
	json_writer_object_begin(&j.w);
	json_writer_object_end(&j.w);
	json_writer_array_end(&j.w);
	json_writer_key(&j.w, "ok");
	json_writer_bool(&j.w, true);
	json_writer_object_end(&j.w);
	jw_end(&j, "{\"ok\":true}", -EINVAL);
}

static void test_misuse_keys(void **state)
{
	struct jw j;

	jw_begin(&j, false);
	json_writer_array_begin(&j.w);
	json_writer_key(&j.w, "no");	/* not in an object */
	json_writer_object_begin(&j.w);
	json_writer_key(&j.w, "a");	/* dangling: gets null */
	json_writer_key(&j.w, "b");
	json_writer_u64(&j.w, 1);
	json_writer_key(&j.w, "c");	/* dangling at the end */
	json_writer_array_end(&j.w);	/* mismatched: still closes the object */
	json_writer_object_end(&j.w);
	json_writer_array_end(&j.w);	/* nothing open: refused */
	jw_end(&j, "[{\"a\":null,\"b\":1,\"c\":null}]", -EINVAL);
}

static void test_misuse_too_deep(void **state)
{
	char want[2 * JSON_WRITER_MAX_DEPTH + 1];
	struct jw j;

	for (int i = 0; i < JSON_WRITER_MAX_DEPTH; i++) {
		want[i] = '[';
		want[2 * JSON_WRITER_MAX_DEPTH - 1 - i] = ']';
	}
	want[2 * JSON_WRITER_MAX_DEPTH] = '\0';
	jw_begin(&j, false);
	for (int i = 0; i < JSON_WRITER_MAX_DEPTH + 5; i++)
		json_writer_array_begin(&j.w);
	json_writer_u64(&j.w, 7);
	for (int i = 0; i < JSON_WRITER_MAX_DEPTH + 5; i++)
		json_writer_array_end(&j.w);
	jw_end(&j, want, -EINVAL);
}

static void test_write_error(void **state)
{
	struct json_writer w;
	FILE *full = fopen("/dev/full", "w");

	if (!full)
		skip();
	json_writer_init(&w, full, false);
	write_sample(&w);
	assert_int_equal(json_writer_err(&w), -ENOSPC);
	fclose(full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_doubles),
		cmocka_unit_test(test_huge_double),
		cmocka_unit_test(test_string_controls),
		cmocka_unit_test(test_string_specials),
		cmocka_unit_test(test_string_valid_utf8),
		cmocka_unit_test(test_string_invalid_utf8),
		cmocka_unit_test(test_string_escaped_key),
		cmocka_unit_test(test_string_64k),
		cmocka_unit_test(test_string_64k_utf8),
		cmocka_unit_test(test_misuse_value_without_key),
		cmocka_unit_test(test_misuse_keys),
		cmocka_unit_test(test_misuse_too_deep),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
