/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt_json.c: unit tests for the JSON renderer, against golden files and jq. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "fmt_sample.h"

static void check_golden(const char *name, const struct fmt_opts *o, void (*emit)(struct fmt *f))
{
	struct capture c;

	sample_render(&c, FMT_JSON, o, emit);
	golden_json_check(c.buf, c.len);
	golden_check(name, c.buf, c.len);
	capture_free(&c);
}

static void test_types(void **state)
{
	check_golden("fmt_json_types.json", &(struct fmt_opts){ 0 }, sample_emit_types);
}

static void test_types_pretty(void **state)
{
	check_golden("fmt_json_types_pretty.json", &(struct fmt_opts){ .pretty = true },
		     sample_emit_types);
}

/* -n changes nothing: JSON always carries raw values. */
static void test_numeric_ignored(void **state)
{
	check_golden("fmt_json_types.json", &(struct fmt_opts){ .numeric = true },
		     sample_emit_types);
}

/* Detail columns are always in JSON; other groups only when enabled. */
static void test_groups(void **state)
{
	check_golden("fmt_json_groups.json", &(struct fmt_opts){ 0 }, sample_emit_groups);
}

/* One line per document (NDJSON); a lone table is its own document. */
static void test_multi(void **state)
{
	check_golden("fmt_json_multi.json", &(struct fmt_opts){ 0 }, sample_emit_multi);
}

static void test_multi_pretty(void **state)
{
	check_golden("fmt_json_multi_pretty.json", &(struct fmt_opts){ .pretty = true },
		     sample_emit_multi);
}

static void test_hostile(void **state)
{
	check_golden("fmt_json_hostile.json", &(struct fmt_opts){ 0 }, sample_emit_hostile);
}

static void emit_stream(struct fmt *f)
{
	sample_group_table(f, 0);
	fmt_table_begin(f, &sample_stream_view, 1u);
	for (unsigned i = 0; i < 4; i++)
		sample_stream_row(f, i);
	fmt_table_end(f);
}

static void test_stream(void **state)
{
	check_golden("fmt_json_stream.json", &(struct fmt_opts){ 0 }, emit_stream);
}

/* Inside a document a streaming view is written as one of its tables. */
static void emit_stream_in_doc(struct fmt *f)
{
	fmt_doc_begin(f, NULL);
	fmt_table_begin(f, &sample_stream_view, 0);
	sample_stream_row(f, 0);
	fmt_table_end(f);
	fmt_doc_end(f);
}

static void test_stream_in_doc(void **state)
{
	check_golden("fmt_json_stream_in_doc.json", &(struct fmt_opts){ 0 }, emit_stream_in_doc);
}

/* Each streaming record and each document is a whole line on the stream at once. */
static void test_flushes(void **state)
{
	struct capture c;
	struct fmt *f;
	size_t last;

	capture_begin(&c);
	f = fmt_new(FMT_JSON, c.f, NULL);
	assert_non_null(f);
	fmt_table_begin(f, &sample_stream_view, 0);
	for (unsigned i = 0; i < 3; i++) {
		last = c.len;
		sample_stream_row(f, i);
		assert_true(c.len > last);
		assert_int_equal(c.buf[c.len - 1], '\n');
	}
	fmt_table_end(f);
	last = c.len;
	fmt_doc_begin(f, "d");
	sample_group_table(f, 0);
	fmt_doc_end(f);
	assert_true(c.len > last);
	assert_int_equal(c.buf[c.len - 1], '\n');
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&c);
	golden_json_check(c.buf, c.len);
	capture_free(&c);
}

/* A run cut short (no table or document end) still leaves a complete document. */
static void test_free_closes_document(void **state)
{
	static const char want[] = "{\"type\":\"cut\",\"groups\":[{\"id\":1,\"detail\":null,"
				   "\"tail\":null}]}\n";
	struct capture c;
	struct fmt *f;

	capture_begin(&c);
	f = fmt_new(FMT_JSON, c.f, NULL);
	assert_non_null(f);
	fmt_doc_begin(f, "cut");
	fmt_table_begin(f, &sample_group_view, 0);
	fmt_row_begin(f);
	fmt_u64(f, 0, 1);
	fmt_row_end(f);
	fmt_free(f);
	capture_end(&c);
	assert_int_equal(c.len, sizeof(want) - 1);
	assert_memory_equal(c.buf, want, c.len);
	golden_json_check(c.buf, c.len);
	capture_free(&c);
}

static const struct fmt_col long_cols[] = {
	{ "name", "NAME", FMT_STR, FMT_LEFT, 0, 0 },
};
static const struct fmt_view long_view = { .name = "long", .cols = FMT_VIEW_COLS(long_cols) };
static char *long_value;

static void emit_long(struct fmt *f)
{
	fmt_table_begin(f, &long_view, 0);
	fmt_row_begin(f);
	fmt_str(f, 0, long_value);
	fmt_row_end(f);
	fmt_table_end(f);
}

/* A 64 KiB value, with a control byte and a bad byte inside, comes out whole and escaped. */
static void test_64k_value(void **state)
{
	size_t n = 64 * 1024;
	char *want = malloc(n + 64);
	struct capture c;
	int len;

	long_value = malloc(n + 1);
	assert_non_null(long_value);
	assert_non_null(want);
	memset(long_value, 'v', n);
	long_value[100] = '\n';
	long_value[200] = '\xff';
	long_value[n] = '\0';
	len = sprintf(want, "{\"long\":[{\"name\":\"");
	memcpy(want + len, long_value, 100);
	len += 100;
	len += sprintf(want + len, "\\n");
	memcpy(want + len, long_value + 101, 99);
	len += 99;
	len += sprintf(want + len, "\\ufffd");
	memcpy(want + len, long_value + 201, n - 201);
	len += (int)(n - 201);
	len += sprintf(want + len, "\"}]}\n");
	sample_render(&c, FMT_JSON, NULL, emit_long);
	golden_json_check(c.buf, c.len);
	assert_int_equal(c.len, (size_t)len);
	assert_memory_equal(c.buf, want, c.len);
	capture_free(&c);
	free(want);
	free(long_value);
}

static void test_write_error(void **state)
{
	FILE *full = fopen("/dev/full", "w");
	struct fmt *f;

	if (!full)
		skip();
	f = fmt_new(FMT_JSON, full, NULL);
	assert_non_null(f);
	sample_emit_types(f);
	assert_int_equal(fmt_flush(f), -ENOSPC);
	fmt_free(f);
	fclose(full);
}

/* Text-only columns stay out of JSON; details appear only in JSON, nested and typed. */
static void test_details(void **state)
{
	check_golden("fmt_json_details.json", &(struct fmt_opts){ 0 }, sample_emit_packets);
}

/*
 * An array of objects in a row (a socket's owning processes): row details in
 * JSON; the text-only column that says the same shows only in text, and only
 * with its own group enabled too.
 */
enum { OW_NAME, OW_OWNERS };
#define OW_GROUP (1u << 3)
static const struct fmt_col owner_cols[] = {
	[OW_NAME] = { "name", "NAME", FMT_STR, FMT_LEFT, 0, 0 },
	[OW_OWNERS] = { "owners", "OWNERS", FMT_STR, FMT_LEFT, OW_GROUP | FMT_GROUP_TEXT, 0 },
};
static const struct fmt_view owner_view = {
	.name = "socks", .cols = owner_cols, .ncols = 2,
};

static void owner_details(struct fmt_details *d, const void *ctx)
{
	unsigned n = *(const unsigned *)ctx;

	fmt_details_array_begin(d, "processes");
	for (unsigned i = 0; i < n; i++) {
		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "pid", 100 + i);
		fmt_details_str(d, "comm", i ? "b" : "a");
		fmt_details_u64(d, "fd", 3);
		fmt_details_object_end(d);
	}
	fmt_details_array_end(d);
}

static unsigned owner_groups;

static void emit_owners(struct fmt *f)
{
	static const unsigned two = 2, none = 0;

	fmt_table_begin(f, &owner_view, owner_groups);
	fmt_row_begin(f);
	fmt_str(f, OW_NAME, "x");
	fmt_str(f, OW_OWNERS, "a,b");
	fmt_row_end_details(f, owner_details, &two);
	fmt_row_begin(f);
	fmt_str(f, OW_NAME, "y");
	fmt_row_end_details(f, owner_details, &none);
	fmt_table_end(f);
}

static void test_array_of_objects(void **state)
{
	static const char want[] =
		"{\"socks\":[{\"name\":\"x\",\"processes\":[{\"pid\":100,\"comm\":\"a\",\"fd\":3},"
		"{\"pid\":101,\"comm\":\"b\",\"fd\":3}]},{\"name\":\"y\",\"processes\":[]}]}\n";
	struct capture c;

	for (owner_groups = 0; owner_groups <= OW_GROUP; owner_groups += OW_GROUP) {
		sample_render(&c, FMT_JSON, &(struct fmt_opts){ 0 }, emit_owners);
		golden_json_check(c.buf, c.len);
		assert_int_equal(c.len, strlen(want));
		assert_memory_equal(c.buf, want, c.len);
		capture_free(&c);
	}
	/* Text: the owners column only with its group. */
	owner_groups = 0;
	sample_render(&c, FMT_TEXT, &(struct fmt_opts){ 0 }, emit_owners);
	assert_null(memmem(c.buf, c.len, "OWNERS", 6));
	capture_free(&c);
	owner_groups = OW_GROUP;
	sample_render(&c, FMT_TEXT, &(struct fmt_opts){ 0 }, emit_owners);
	assert_non_null(memmem(c.buf, c.len, "a,b", 3));
	capture_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_details),
		cmocka_unit_test(test_array_of_objects),
		cmocka_unit_test(test_types_pretty),
		cmocka_unit_test(test_numeric_ignored),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_multi),
		cmocka_unit_test(test_multi_pretty),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_stream_in_doc),
		cmocka_unit_test(test_flushes),
		cmocka_unit_test(test_free_closes_document),
		cmocka_unit_test(test_64k_value),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
