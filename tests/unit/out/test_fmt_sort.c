/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt_sort.c: sorted text and JSON tables: held rows come out in the TUI's order, details intact. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "fmt_sample.h"

enum { S_NAME, S_QUEUE, S_LOCAL, S_NCOLS };

static const struct fmt_col sort_cols[] = {
	[S_NAME] = { "name", "Name", FMT_STR, FMT_LEFT, 0, 0 },
	[S_QUEUE] = { "queue", "Queue", FMT_U64, FMT_RIGHT, 0, 0 },
	[S_LOCAL] = { "local", "Local", FMT_IPPORT, FMT_LEFT, 0, 0 },
};
static const struct fmt_view sort_view = { .name = "socks", .cols = FMT_VIEW_COLS(sort_cols) };
static const struct fmt_view other_view = { .name = "other", .cols = FMT_VIEW_COLS(sort_cols) };

struct sort_row {
	const char *name;
	uint64_t queue;
	bool has_queue;
	const char *local;
};

/* In the order a dump gives them; by queue, descending: c a e d b (b has none: last). */
static const struct sort_row rows[] = {
	{ "a", 5, true, "10.0.0.1:47830" },
	{ "b", 0, false, "10.0.0.1:7000" },
	{ "c", 9, true, "[::1]:22" },
	{ "d", 1, true, "10.0.0.1:*" },
	{ "e", 5, true, "9.0.0.1:80" },
};
static const size_t by_queue[] = { 2, 0, 4, 3, 1 };

/* Details of every kind the JSON renderer writes, which a held row must give back as they were. */
static void details(struct fmt_details *d, const void *ctx)
{
	const struct sort_row *r = ctx;

	fmt_details_str(d, "row", r->name);
	fmt_details_array_begin(d, "list");
	fmt_details_object_begin(d, NULL);
	fmt_details_u64(d, "max", UINT64_MAX);
	fmt_details_s64(d, "min", INT64_MIN);
	fmt_details_s64(d, "neg", -7);
	fmt_details_double(d, "half", 0.5);
	fmt_details_double(d, "whole", -2.0);
	fmt_details_double(d, "huge", 1e25);
	fmt_details_bool(d, "yes", true);
	fmt_details_bool(d, "no", false);
	fmt_details_null(d, "none");
	fmt_details_object_end(d);
	fmt_details_str_len(d, NULL, "q\"b\\s/\n\t\x01\x7f\xc3\xa9\xff\0z", 15);
	fmt_details_array_end(d);
	fmt_details_object_begin(d, "empty");
	fmt_details_object_end(d);
}

static void emit_row(struct fmt *f, const struct sort_row *r, bool with_details)
{
	fmt_row_begin(f);
	fmt_str(f, S_NAME, r->name);
	if (r->has_queue)
		fmt_u64(f, S_QUEUE, r->queue);
	fmt_str(f, S_LOCAL, r->local);
	if (with_details)
		fmt_row_end_details(f, details, r);
	else
		fmt_row_end(f);
}

/* rows in order (NULL: as listed) into view v, with details or not. */
static void emit(struct fmt *f, const struct fmt_view *v, const size_t *order, bool with_details)
{
	fmt_doc_begin(f, "t");
	fmt_table_begin(f, v, 0);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		emit_row(f, &rows[order ? order[i] : i], with_details);
	fmt_table_end(f);
	fmt_doc_end(f);
}

/* What f renders of emit(view, order, with_details), as a string to free. */
static char *render(enum fmt_mode mode, const struct fmt_opts *o, const struct fmt_view *v,
		    const size_t *order, bool with_details)
{
	struct capture c;
	struct fmt *f;
	char *s;

	capture_begin(&c);
	f = fmt_new(mode, c.f, o);
	assert_non_null(f);
	emit(f, v, order, with_details);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&c);
	s = strndup(c.buf, c.len);
	capture_free(&c);
	return s;
}

/* Sorted output is the output of the rows given in sorted order, byte for byte. */
static void check_same(enum fmt_mode mode, bool pretty, bool with_details, size_t col,
		       bool desc, const size_t *want)
{
	struct fmt_opts sorted = { .pretty = pretty, .sort_view = "socks", .sort_col = col,
				   .sort_desc = desc };
	struct fmt_opts plain = { .pretty = pretty };
	char *got = render(mode, &sorted, &sort_view, NULL, with_details);
	char *exp = render(mode, &plain, &sort_view, want, with_details);

	assert_string_equal(got, exp);
	free(got);
	free(exp);
}

static void test_text_by_queue(void **state)
{
	check_same(FMT_TEXT, false, false, S_QUEUE, true, by_queue);
}

static void test_json_by_queue(void **state)
{
	check_same(FMT_JSON, false, false, S_QUEUE, true, by_queue);
	check_same(FMT_JSON, true, false, S_QUEUE, true, by_queue);
}

/* Details are captured when the row ends and written back at the table's end. */
static void test_json_details(void **state)
{
	char *got;

	check_same(FMT_JSON, false, true, S_QUEUE, true, by_queue);
	check_same(FMT_JSON, true, true, S_QUEUE, true, by_queue);
	got = render(FMT_JSON, &(struct fmt_opts){ .sort_view = "socks", .sort_col = S_QUEUE },
		     &sort_view, NULL, true);
	golden_json_check(got, strlen(got));
	free(got);
}

/* Addresses by value: 9.0.0.1 < 10.0.0.1:* < 10.0.0.1:7000 < 10.0.0.1:47830 < [::1]. */
static void test_text_by_address(void **state)
{
	static const size_t by_local[] = { 4, 3, 1, 0, 2 };

	check_same(FMT_TEXT, false, false, S_LOCAL, false, by_local);
}

/* Other views, and no sort_view, keep the order the rows came in. */
static void test_other_view_unsorted(void **state)
{
	static const size_t as_given[] = { 0, 1, 2, 3, 4 };
	struct fmt_opts o = { .sort_view = "socks", .sort_col = S_QUEUE, .sort_desc = true };
	char *got = render(FMT_TEXT, &o, &other_view, NULL, false);
	char *exp = render(FMT_TEXT, &(struct fmt_opts){ 0 }, &other_view, as_given, false);

	assert_string_equal(got, exp);
	free(got);
	free(exp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_by_queue),
		cmocka_unit_test(test_json_by_queue),
		cmocka_unit_test(test_json_details),
		cmocka_unit_test(test_text_by_address),
		cmocka_unit_test(test_other_view_unsorted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
