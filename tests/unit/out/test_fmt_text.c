/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt_text.c: unit tests for cell text and the text renderer, against golden files. */
#include "config.h"

#include <errno.h>
#include <math.h>

#include "fmt_sample.h"

struct cell_case {
	enum fmt_type type;
	bool numeric;
	struct fmt_cell cell;
	const char *want;
};

#define U(t, v, n, w) { t, n, { .set = true, .u = (v) }, w }
#define S(v, w) { FMT_S64, false, { .set = true, .s = (v) }, w }
#define D(t, v, n, w) { t, n, { .set = true, .d = (v) }, w }

static const struct cell_case cell_cases[] = {
	U(FMT_U64, 0, false, "0"),
	U(FMT_U64, UINT64_MAX, false, "18446744073709551615"),
	U(FMT_U64, 1234567, true, "1234567"),
	S(-5, "-5"),
	S(INT64_MIN, "-9223372036854775808"),
	D(FMT_DOUBLE, 2.0, false, "2.0"),
	D(FMT_DOUBLE, 1.0 / 3, true, "0.3"),
	D(FMT_DOUBLE, -37.26, false, "-37.3"),
	D(FMT_PERCENT, 12.5, false, "12.5%"),
	D(FMT_PERCENT, 100, true, "100.0%"),
	{ FMT_BOOL, false, { .set = true, .b = true }, "yes" },
	{ FMT_BOOL, true, { .set = true, .b = false }, "no" },
	/* bytes: 1024-based, one decimal under 100 of the unit, rounding moves up a unit */
	U(FMT_BYTES, 0, false, "0"),
	U(FMT_BYTES, 1023, false, "1023"),
	U(FMT_BYTES, 1024, false, "1.0K"),
	U(FMT_BYTES, 1536, false, "1.5K"),
	U(FMT_BYTES, 102399, false, "100K"),
	U(FMT_BYTES, 102400, false, "100K"),
	U(FMT_BYTES, 1048575, false, "1.0M"),
	U(FMT_BYTES, 12897485, false, "12.3M"),
	U(FMT_BYTES, 851443712, false, "812M"),
	U(FMT_BYTES, 1073741824, false, "1.0G"),
	U(FMT_BYTES, 1125899906842624ull, false, "1.0P"),
	U(FMT_BYTES, UINT64_MAX, false, "16384P"),
	U(FMT_BYTES, 1536, true, "1536"),
	/* rates: 1000-based; whole numbers under 1000 without decimals */
	D(FMT_RATE, 0, false, "0"),
	D(FMT_RATE, 0.5, false, "0.5"),
	D(FMT_RATE, 12, false, "12"),
	D(FMT_RATE, 12.04, false, "12.0"),
	D(FMT_RATE, 999, false, "999"),
	D(FMT_RATE, 999.94, false, "999.9"),
	D(FMT_RATE, 999.96, false, "1.0k"),
	D(FMT_RATE, 1000, false, "1.0k"),
	D(FMT_RATE, 8100, false, "8.1k"),
	D(FMT_RATE, 99999, false, "100k"),
	D(FMT_RATE, 999999, false, "1.0M"),
	D(FMT_RATE, 812e6, false, "812M"),
	D(FMT_RATE, 1e12, false, "1.0T"),
	D(FMT_RATE, 5e15, false, "5000T"),
	D(FMT_RATE, -8100, false, "-8.1k"),
	D(FMT_RATE, -0.5, false, "-0.5"),
	D(FMT_RATE, NAN, false, "nan"),
	D(FMT_RATE, INFINITY, false, "inf"),
	D(FMT_RATE, 8112, true, "8112"),
	D(FMT_RATE, 0.5, true, "0.5"),
	D(FMT_RATE, 1.0 / 3, true, "0.33"),
	D(FMT_RATE, 2.999, true, "3"),
	D(FMT_RATE, 1.1, true, "1.1"),
	D(FMT_RATE, -0.001, true, "0"),
	D(FMT_RATE, 812e6, true, "812000000"),
	/* durations: ns, us, ms, s */
	U(FMT_DURATION, 0, false, "0ns"),
	U(FMT_DURATION, 850, false, "850ns"),
	U(FMT_DURATION, 999, false, "999ns"),
	U(FMT_DURATION, 1000, false, "1.0us"),
	U(FMT_DURATION, 12300, false, "12.3us"),
	U(FMT_DURATION, 999999, false, "1.0ms"),
	U(FMT_DURATION, 1200000, false, "1.2ms"),
	U(FMT_DURATION, 250000000, false, "250ms"),
	U(FMT_DURATION, 3400000000ull, false, "3.4s"),
	U(FMT_DURATION, 3600000000000ull, false, "3600s"),
	U(FMT_DURATION, 1200000, true, "1200000"),
	/* timestamps: UTC with microseconds; -n seconds.nanoseconds */
	U(FMT_TIMESTAMP, 1700000000123456789ull, false, "2023-11-14T22:13:20.123456Z"),
	U(FMT_TIMESTAMP, 0, false, "1970-01-01T00:00:00.000000Z"),
	U(FMT_TIMESTAMP, 1700000000123456789ull, true, "1700000000.123456789"),
	U(FMT_TIMESTAMP, 5, true, "0.000000005"),
	/* strings as they are; unset cells of any type */
	{ FMT_STR, false, { .set = true, .str = (char *)"eth0" }, "eth0" },
	{ FMT_IPPORT, true, { .set = true, .str = (char *)"[::1]:22" }, "[::1]:22" },
	{ FMT_U64, false, { .set = false }, "-" },
	{ FMT_STR, false, { .set = false }, "-" },
	{ FMT_BYTES, true, { .set = false }, "-" },
};

static void test_cell_text(void **state)
{
	for (size_t i = 0; i < sizeof(cell_cases) / sizeof(cell_cases[0]); i++) {
		const struct cell_case *cc = &cell_cases[i];
		struct fmt_col col = { "k", "K", cc->type, FMT_LEFT, 0, 0 };
		char buf[64];
		size_t n = fmt_cell_text(&col, &cc->cell, cc->numeric, buf, sizeof(buf));

		if (strcmp(buf, cc->want))
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, buf, cc->want);
		assert_int_equal(n, strlen(cc->want));
	}
}

/* Like snprintf: the full length back, the buffer cut and terminated. */
static void test_cell_text_truncates(void **state)
{
	struct fmt_col col = { "k", "K", FMT_U64, FMT_LEFT, 0, 0 };
	struct fmt_cell cell = { .set = true, .u = 123456 };
	char buf[4] = "zzz";

	assert_int_equal(fmt_cell_text(&col, &cell, false, buf, sizeof(buf)), 6);
	assert_string_equal(buf, "123");
	assert_int_equal(fmt_cell_text(&col, &cell, false, NULL, 0), 6);
}

/* Text lines never end in a space, and no raw control byte but '\n' (and FMT_LINES' '\t') gets out. */
static void check_text(const struct capture *c)
{
	for (size_t i = 0; i < c->len; i++) {
		unsigned char b = (unsigned char)c->buf[i];

		if (b == '\n' && i && c->buf[i - 1] == ' ')
			fail_msg("trailing space before byte %zu", i);
		if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f)
			fail_msg("raw control byte 0x%02x at %zu", b, i);
	}
	assert_true(c->len == 0 || c->buf[c->len - 1] == '\n');
	assert_true(utf8_is_valid(c->buf, c->len));
}

static void check_golden(const char *name, const struct fmt_opts *o, void (*emit)(struct fmt *f))
{
	struct capture c;

	sample_render(&c, FMT_TEXT, o, emit);
	check_text(&c);
	golden_check(name, c.buf, c.len);
	capture_free(&c);
}

static void test_types(void **state)
{
	check_golden("fmt_text_types.txt", &(struct fmt_opts){ 0 }, sample_emit_types);
}

static void test_types_numeric(void **state)
{
	check_golden("fmt_text_types_numeric.txt", &(struct fmt_opts){ .numeric = true },
		     sample_emit_types);
}

static void test_groups(void **state)
{
	check_golden("fmt_text_groups.txt", &(struct fmt_opts){ 0 }, sample_emit_groups);
}

static void test_multi(void **state)
{
	check_golden("fmt_text_multi.txt", &(struct fmt_opts){ 0 }, sample_emit_multi);
}

static void test_multi_no_header(void **state)
{
	check_golden("fmt_text_multi_no_header.txt", &(struct fmt_opts){ .no_header = true },
		     sample_emit_multi);
}

static void test_hostile(void **state)
{
	check_golden("fmt_text_hostile.txt", &(struct fmt_opts){ 0 }, sample_emit_hostile);
}

/* A snapshot table, then a stream: a blank line between, the header once. */
static void emit_stream(struct fmt *f)
{
	sample_group_table(f, 0);
	fmt_table_begin(f, &sample_stream_view, 0);
	for (unsigned i = 0; i < 4; i++)
		sample_stream_row(f, i);
	fmt_table_end(f);
}

static void test_stream(void **state)
{
	check_golden("fmt_text_stream.txt", &(struct fmt_opts){ 0 }, emit_stream);
}

static void test_stream_no_header(void **state)
{
	check_golden("fmt_text_stream_no_header.txt", &(struct fmt_opts){ .no_header = true },
		     emit_stream);
}

/* Each streaming row reaches the stream at once (open_memstream updates len on flush). */
static void test_stream_flushes_rows(void **state)
{
	struct capture c;
	struct fmt *f;
	size_t last;

	capture_begin(&c);
	f = fmt_new(FMT_TEXT, c.f, NULL);
	assert_non_null(f);
	fmt_table_begin(f, &sample_stream_view, 0);
	assert_int_equal(c.len, 0);
	for (unsigned i = 0; i < 3; i++) {
		last = c.len;
		sample_stream_row(f, i);
		assert_true(c.len > last);
		assert_int_equal(c.buf[c.len - 1], '\n');
	}
	fmt_table_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&c);
	capture_free(&c);
}

/* A 300-column value is printed whole and the next column still lines up. */
static const struct fmt_col wide_cols[] = {
	{ "name", "NAME", FMT_STR, FMT_LEFT, 0, 0 },
	{ "path", "PATH", FMT_STR, FMT_LEFT, 0, 0 },
	{ "n", "N", FMT_U64, FMT_RIGHT, 0, 0 },
};
static const struct fmt_view wide_view = { .name = "wide", .cols = FMT_VIEW_COLS(wide_cols) };

static void emit_wide(struct fmt *f)
{
	char path[301];

	for (size_t i = 0; i < 300; i++)
		path[i] = (char)('a' + i % 26);
	path[300] = '\0';
	fmt_table_begin(f, &wide_view, 0);
	fmt_row_begin(f);
	fmt_str(f, 0, "x");
	fmt_str(f, 1, path);
	fmt_u64(f, 2, 1);
	fmt_row_end(f);
	fmt_row_begin(f);
	fmt_str(f, 0, "longer");
	fmt_str(f, 1, "/short");
	fmt_u64(f, 2, 22222);
	fmt_row_end(f);
	fmt_table_end(f);
}

static void test_wide_column(void **state)
{
	check_golden("fmt_text_wide.txt", &(struct fmt_opts){ 0 }, emit_wide);
}

/* The same table in a document or alone prints the same bytes. */
static void emit_alone(struct fmt *f)
{
	sample_emit_hostile(f);
	sample_group_table(f, 1u);
}

static void emit_in_doc(struct fmt *f)
{
	fmt_doc_begin(f, "x");
	sample_emit_hostile(f);
	fmt_doc_end(f);
	fmt_doc_begin(f, "x");
	sample_group_table(f, 1u);
	fmt_doc_end(f);
}

static void test_table_outside_doc(void **state)
{
	struct capture a, b;

	sample_render(&a, FMT_TEXT, NULL, emit_alone);
	sample_render(&b, FMT_TEXT, NULL, emit_in_doc);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	capture_free(&a);
	capture_free(&b);
}

/* A 64 KiB value, with a control byte and UTF-8 inside, comes out whole and escaped. */
static char *long_value;

static void emit_long(struct fmt *f)
{
	fmt_table_begin(f, &wide_view, 0);
	fmt_row_begin(f);
	fmt_str(f, 0, "big");
	fmt_str(f, 1, long_value);
	fmt_u64(f, 2, 7);
	fmt_row_end(f);
	fmt_table_end(f);
}

static void test_64k_value(void **state)
{
	size_t n = 64 * 1024;
	char *want = malloc(2 * n + 64);
	struct capture c;
	int len;

	long_value = malloc(n + 1);
	assert_non_null(long_value);
	assert_non_null(want);
	memset(long_value, 'v', n);
	memcpy(long_value + 100, "\x1b", 1);
	memcpy(long_value + 200, "\xc3\xa9", 2);
	long_value[n] = '\0';
	/* 65536 bytes: one escaped (+3 columns), one 2-byte character (-1 column) */
	len = snprintf(want, 2 * n + 64, "NAME  %-*s  N\nbig   ", (int)(n + 2), "PATH");
	memcpy(want + len, long_value, 100);
	len += 100;
	len += sprintf(want + len, "\\x1b");
	memcpy(want + len, long_value + 101, n - 101);
	len += (int)(n - 101);
	len += sprintf(want + len, "  7\n");
	sample_render(&c, FMT_TEXT, NULL, emit_long);
	check_text(&c);
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
	f = fmt_new(FMT_TEXT, full, NULL);
	assert_non_null(f);
	sample_emit_types(f);
	assert_int_equal(fmt_flush(f), -ENOSPC);
	fmt_free(f);
	fclose(full);
}

/* Text-only columns stay out of JSON; details appear only in JSON, nested and typed. */
static void test_details(void **state)
{
	check_golden("fmt_text_details.txt", &(struct fmt_opts){ 0 }, sample_emit_packets);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_text),
		cmocka_unit_test(test_cell_text_truncates),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_details),
		cmocka_unit_test(test_types_numeric),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_multi),
		cmocka_unit_test(test_multi_no_header),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_stream_no_header),
		cmocka_unit_test(test_stream_flushes_rows),
		cmocka_unit_test(test_wide_column),
		cmocka_unit_test(test_table_outside_doc),
		cmocka_unit_test(test_64k_value),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
