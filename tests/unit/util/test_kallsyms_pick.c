/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_kallsyms_pick.c: unit tests for picking the symbols of some addresses out of kallsyms. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/kallsyms_pick.h"

static char path[64];

static void write_fixture(const char *text)
{
	FILE *f;

	strcpy(path, "/tmp/test_kallsyms.XXXXXX");
	assert_int_not_equal(mkstemp(path), -1);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static const char fixture[] =
	"ffffffff81000000 T _stext\n"
	"ffffffff81000000 T startup_64\n"			/* an alias: the first one wins */
	"ffffffff81000100 t secondary_startup\n"
	"ffffffff81002000 D some_data\n"			/* not text: never picked */
	"ffffffff81003000 T kfree_skb_reason\n"
	"ffffffff81003400 W weak_fn\n"
	"junk line\n"
	"ffffffffc0a00000 t nf_hook_slow\t[nf_tables]\n"	/* a module, after the core */
	"ffffffff81001000 t late_core_symbol\n";		/* out of order */

static void test_pick(void **state)
{
	uint64_t addrs[] = {
		0xffffffff81003412ull,	/* weak_fn+0x12 */
		0xffffffff81000000ull,	/* _stext itself */
		0xffffffffc0a00044ull,	/* nf_hook_slow+0x44 [nf_tables] */
		0xffffffff81002010ull,	/* in some_data's place: the text before it */
		0xffffffff81003410ull,	/* weak_fn again: listed once */
		0x1000ull,		/* below everything: nothing */
	};
	static const char want[] =
		"ffffffff81000000 t _stext\n"
		"ffffffff81001000 t late_core_symbol\n"
		"ffffffff81003400 t weak_fn\n"
		"ffffffffc0a00000 t nf_hook_slow\t[nf_tables]\n";
	char *text;
	size_t len;

	write_fixture(fixture);
	assert_int_equal(kallsyms_pick(path, addrs, sizeof(addrs) / sizeof(addrs[0]), &text, &len),
			 0);
	assert_non_null(text);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(text, want, len);
	free(text);
	/* No addresses: no read at all. */
	assert_int_equal(kallsyms_pick("/nonexistent", addrs, 0, &text, &len), 0);
	assert_null(text);
	assert_int_equal(kallsyms_pick("/nonexistent", addrs, 1, &text, &len), -ENOENT);
	assert_null(text);
	unlink(path);
}

/* kptr_restrict: every address reads 0, so nothing can be named. */
static void test_hidden(void **state)
{
	uint64_t addr = 0xffffffff81003412ull;
	char *text = (char *)1;
	size_t len = 1;

	write_fixture("0000000000000000 T _stext\n0000000000000000 T kfree_skb_reason\n");
	assert_int_equal(kallsyms_pick(path, &addr, 1, &text, &len), 0);
	assert_null(text);
	assert_int_equal(len, 0);
	unlink(path);
}

/* Long names are cut, the module kept. */
static void test_long_name(void **state)
{
	char fx[600], want[300];
	uint64_t addr = 0xffffffff81000010ull;
	char *text;
	size_t len;

	snprintf(fx, sizeof(fx), "ffffffff81000000 t %0300d\t[mod]\n", 7);
	write_fixture(fx);
	assert_int_equal(kallsyms_pick(path, &addr, 1, &text, &len), 0);
	snprintf(want, sizeof(want), "ffffffff81000000 t %0128d\t[mod]\n", 0);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(text, want, len);
	free(text);
	unlink(path);
}

/* The live kallsyms: whatever it names, it names as whole lines. */
static void test_live(void **state)
{
	uint64_t addr = (uint64_t)(uintptr_t)&test_live;
	char *text;
	size_t len;

	assert_int_equal(kallsyms_pick("/proc/kallsyms", &addr, 1, &text, &len), 0);
	if (text)
		assert_int_equal(text[len - 1], '\n');
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_long_name),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
