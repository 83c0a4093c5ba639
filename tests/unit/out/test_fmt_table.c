/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_fmt_table.c: unit tests for retained rows: deep copies, typed stable sorting, clearing. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "out/fmt_table.h"

enum { C_ID, C_U, C_S, C_D, C_B, C_STR, C_BYTES, NCOLS };

static const struct fmt_col cols[] = {
	[C_ID] = { "id", "ID", FMT_U64, FMT_RIGHT, 0, 0 },
	[C_U] = { "u", "U", FMT_U64, FMT_RIGHT, 0, 0 },
	[C_S] = { "s", "S", FMT_S64, FMT_RIGHT, 0, 0 },
	[C_D] = { "d", "D", FMT_RATE, FMT_RIGHT, 0, 0 },
	[C_B] = { "b", "B", FMT_BOOL, FMT_LEFT, 0, 0 },
	[C_STR] = { "str", "STR", FMT_STR, FMT_LEFT, 0, 0 },
	[C_BYTES] = { "bytes", "BYTES", FMT_BYTES, FMT_RIGHT, 0, 0 },
};
static const struct fmt_view view = { .name = "t", .cols = FMT_VIEW_COLS(cols) };

/* Test rows: id always set, every other column set unless unset is true. */
struct spec {
	uint64_t id, u;
	int64_t s;
	double d;
	bool b;
	const char *str;
	bool unset;	/* all but id unset */
};

static void append(struct fmt_table *t, const struct spec *sp)
{
	struct fmt_cell row[NCOLS];

	memset(row, 0, sizeof(row));
	row[C_ID].set = true;
	row[C_ID].u = sp->id;
	if (!sp->unset) {
		row[C_U] = (struct fmt_cell){ .set = true, .u = sp->u };
		row[C_S] = (struct fmt_cell){ .set = true, .s = sp->s };
		row[C_D] = (struct fmt_cell){ .set = true, .d = sp->d };
		row[C_B] = (struct fmt_cell){ .set = true, .b = sp->b };
		row[C_STR] = (struct fmt_cell){ .set = true, .str = (char *)sp->str };
		row[C_BYTES] = (struct fmt_cell){ .set = true, .u = sp->u };
	}
	assert_int_equal(fmt_table_append(t, row), 0);
}

static const struct spec specs[] = {
	{ .id = 0, .u = 5, .s = -3, .d = 0.5, .b = true, .str = "beta" },
	{ .id = 1, .unset = true },
	{ .id = 2, .u = UINT64_MAX, .s = INT64_MIN, .d = 1e12, .b = false, .str = "alpha" },
	{ .id = 3, .u = 5, .s = 7, .d = -2.0, .b = true, .str = "Zulu" },
	{ .id = 4, .u = 0, .s = INT64_MAX, .d = 0.5, .b = false, .str = "" },
	{ .id = 5, .unset = true },
	{ .id = 6, .u = 1, .s = -3, .d = 3.25, .b = true, .str = "beta" },
};
#define NSPECS (sizeof(specs) / sizeof(specs[0]))

static void fill(struct fmt_table *t)
{
	fmt_table_init(t, &view, 0);
	for (size_t i = 0; i < NSPECS; i++)
		append(t, &specs[i]);
}

/* The ids in table order, as a string like "0 1 2". */
static void assert_order(const struct fmt_table *t, const char *want)
{
	char got[128] = "";
	size_t n = 0;

	for (size_t i = 0; i < t->nrows; i++)
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%llu", i ? " " : "",
				      (unsigned long long)fmt_table_row(t, i)[C_ID].u);
	assert_string_equal(got, want);
}

static void check_sort(size_t col, const char *asc, const char *desc)
{
	struct fmt_table t;

	fill(&t);
	fmt_table_sort(&t, col, false);
	assert_order(&t, asc);
	fmt_table_sort(&t, col, true);
	assert_order(&t, desc);
	fmt_table_fini(&t);
}

static void test_append_deep_copies(void **state)
{
	struct fmt_table t;
	struct fmt_cell row[NCOLS];
	char name[] = "eth0";
	const struct fmt_cell *got;

	fmt_table_init(&t, &view, 3);
	assert_ptr_equal(t.view, &view);
	assert_int_equal(t.groups, 3);
	memset(row, 0, sizeof(row));
	row[C_STR] = (struct fmt_cell){ .set = true, .str = name };
	row[C_U] = (struct fmt_cell){ .set = true, .u = 42 };
	assert_int_equal(fmt_table_append(&t, row), 0);
	name[0] = 'X';
	got = fmt_table_row(&t, 0);
	assert_non_null(got);
	assert_ptr_not_equal(got[C_STR].str, name);
	assert_string_equal(got[C_STR].str, "eth0");
	assert_true(got[C_U].set);
	assert_int_equal(got[C_U].u, 42);
	assert_false(got[C_S].set);
	assert_null(fmt_table_row(&t, 1));
	fmt_table_fini(&t);
}

static void test_append_grows(void **state)
{
	struct fmt_table t;
	char buf[16];

	fmt_table_init(&t, &view, 0);
	for (uint64_t i = 0; i < 1000; i++) {
		struct spec sp = { .id = i, .u = i * 3, .str = buf };

		snprintf(buf, sizeof(buf), "row%llu", (unsigned long long)i);
		append(&t, &sp);
	}
	assert_int_equal(t.nrows, 1000);
	for (size_t i = 0; i < 1000; i++) {
		snprintf(buf, sizeof(buf), "row%zu", i);
		assert_int_equal(fmt_table_row(&t, i)[C_U].u, i * 3);
		assert_string_equal(fmt_table_row(&t, i)[C_STR].str, buf);
	}
	fmt_table_fini(&t);
}

/* Equal keys keep input order in both directions; unset cells (ids 1 and 5) go last. */
static void test_sort_u64(void **state)
{
	check_sort(C_U, "4 6 0 3 2 1 5", "2 0 3 6 4 1 5");
}

static void test_sort_bytes(void **state)
{
	check_sort(C_BYTES, "4 6 0 3 2 1 5", "2 0 3 6 4 1 5");
}

static void test_sort_s64(void **state)
{
	check_sort(C_S, "2 0 6 3 4 1 5", "4 3 0 6 2 1 5");
}

static void test_sort_double(void **state)
{
	check_sort(C_D, "3 0 4 6 2 1 5", "2 6 0 4 3 1 5");
}

static void test_sort_bool(void **state)
{
	check_sort(C_B, "2 4 0 3 6 1 5", "0 3 6 2 4 1 5");
}

/* Byte order: "" < "Zulu" < "alpha" < "beta". */
static void test_sort_str(void **state)
{
	check_sort(C_STR, "4 3 2 0 6 1 5", "0 6 2 3 4 1 5");
}

static void test_sort_keeps_strings_with_rows(void **state)
{
	struct fmt_table t;

	fill(&t);
	fmt_table_sort(&t, C_S, true);
	assert_int_equal(fmt_table_row(&t, 0)[C_ID].u, 4);
	assert_string_equal(fmt_table_row(&t, 0)[C_STR].str, "");
	assert_string_equal(fmt_table_row(&t, 1)[C_STR].str, "Zulu");
	assert_null(fmt_table_row(&t, 6)[C_STR].str);
	fmt_table_fini(&t);
}

static void test_sort_bad_column_is_noop(void **state)
{
	struct fmt_table t;

	fill(&t);
	fmt_table_sort(&t, NCOLS, true);
	assert_order(&t, "0 1 2 3 4 5 6");
	fmt_table_fini(&t);
}

/* Address cells sort by value: family, address, scope, then port, as numbers. */
static const struct fmt_col addr_cols[] = {
	{ "id", "ID", FMT_U64, FMT_RIGHT, 0, 0 },
	{ "local", "Local", FMT_IPPORT, FMT_LEFT, 0, 0 },
};
static const struct fmt_view addr_view = { .name = "a", .cols = FMT_VIEW_COLS(addr_cols) };

static int cmp_addr(const char *a, const char *b)
{
	struct fmt_cell ca = { .set = true, .str = (char *)a }, cb = { .set = true, .str = (char *)b };

	return fmt_cell_cmp(&addr_cols[1], &ca, &cb);
}

static void test_cmp_addresses(void **state)
{
	/* Each before the next: the string order gets every pair but the last two wrong. */
	static const char *const pairs[][2] = {
		{ "10.98.0.1:7000", "10.98.0.1:47830" },
		{ "9.0.0.1:80", "10.0.0.1:80" },
		{ "0.0.0.0:*", "0.0.0.0:1" },
		{ "[fd00::2]:1", "[fd00::10]:1" },
		{ "[fe80::1]:22", "[fe80::1%eth0]:21" },
		{ "[fe80::1%eth2]:22", "[fe80::1%eth10]:21" },
		{ "10.0.0.1%vb:7000", "10.0.0.1%vb:10000" },
		{ "10.0.0.1%eth0:1:9", "10.0.0.1%eth0:1:10" },
		{ "fd00::2", "fd00::10" },
		{ "*:9", "*:10" },
		{ "255.255.255.255:65535", "[::]:0" },
		{ "[::1]:22", "*" },
		{ "/tmp/a.sock:99", "/tmp/b.sock:1" },
	};

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		if (cmp_addr(pairs[i][0], pairs[i][1]) >= 0 || cmp_addr(pairs[i][1], pairs[i][0]) <= 0)
			fail_msg("'%s' does not sort before '%s'", pairs[i][0], pairs[i][1]);
	}
	assert_int_equal(cmp_addr("10.0.0.1:80", "10.0.0.1:80"), 0);
	assert_true(cmp_addr("[::1]:x", "[::1]:8") > 0);	/* not an address: after them */
}

static void test_sort_addresses(void **state)
{
	static const char *const in[] = {
		"10.98.0.1:47830", "*:100", "[::1]:22", "10.98.0.1:7000", "9.9.9.9:1", "*:20",
		"10.98.0.1:*",
	};
	struct fmt_table t;
	struct fmt_cell row[2];
	char got[256] = "";
	size_t n = 0;

	fmt_table_init(&t, &addr_view, 0);
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		row[0] = (struct fmt_cell){ .set = true, .u = i };
		row[1] = (struct fmt_cell){ .set = true, .str = (char *)in[i] };
		assert_int_equal(fmt_table_append(&t, row), 0);
	}
	fmt_table_sort(&t, 1, false);
	for (size_t i = 0; i < t.nrows; i++)
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s", i ? " " : "",
				      fmt_table_row(&t, i)[1].str);
	assert_string_equal(got, "9.9.9.9:1 10.98.0.1:* 10.98.0.1:7000 10.98.0.1:47830 [::1]:22 "
				 "*:20 *:100");
	fmt_table_fini(&t);
}

static void test_clear_keeps_view(void **state)
{
	struct fmt_table t;

	fill(&t);
	fmt_table_clear(&t);
	assert_int_equal(t.nrows, 0);
	assert_ptr_equal(t.view, &view);
	assert_null(fmt_table_row(&t, 0));
	append(&t, &specs[2]);
	append(&t, &specs[0]);
	assert_order(&t, "2 0");
	assert_string_equal(fmt_table_row(&t, 0)[C_STR].str, "alpha");
	fmt_table_fini(&t);
	assert_int_equal(t.nrows, 0);
	assert_null(t.cells);
}

static void test_cells_reset(void **state)
{
	struct fmt_cell row[2] = {
		{ .set = true, .u = 9 },
		{ .set = true, .str = strdup("owned") },
	};

	fmt_cells_reset(row, 2);
	assert_false(row[0].set);
	assert_int_equal(row[0].u, 0);
	assert_false(row[1].set);
	assert_null(row[1].str);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append_deep_copies),
		cmocka_unit_test(test_append_grows),
		cmocka_unit_test(test_sort_u64),
		cmocka_unit_test(test_sort_bytes),
		cmocka_unit_test(test_sort_s64),
		cmocka_unit_test(test_sort_double),
		cmocka_unit_test(test_sort_bool),
		cmocka_unit_test(test_sort_str),
		cmocka_unit_test(test_sort_keeps_strings_with_rows),
		cmocka_unit_test(test_sort_bad_column_is_noop),
		cmocka_unit_test(test_cmp_addresses),
		cmocka_unit_test(test_sort_addresses),
		cmocka_unit_test(test_clear_keeps_view),
		cmocka_unit_test(test_cells_reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
