/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_ksyms.c: unit tests for kallsyms parsing and address lookup from a fixture text. */
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

#include "bpf/ksyms.h"

/* Out of order as modules make it, with data symbols, aliases and a module. */
static const char fixture[] =
	"ffffffff81000000 T _stext\n"
	"ffffffff81000000 T _text\n"
	"ffffffff82043650 T __udp4_lib_rcv\n"
	"ffffffff82043f00 t udp_queue_rcv_skb\n"
	"ffffffff83000000 D some_data\n"
	"ffffffffc0a01000 t nft_do_chain\t[nf_tables]\n"
	"ffffffff81f00000 T ip_rcv_core\n"
	"ffffffff81f00400 W weak_fn\n"
	"ffffffff82043650 T udp_alias\n";

static struct ksyms *parse(const char *text)
{
	struct ksyms *k = NULL;
	size_t len = strlen(text);
	char *copy = malloc(len + 1);

	assert_non_null(copy);
	memcpy(copy, text, len);
	assert_int_equal(ksyms_parse(copy, len, &k), 0);
	free(copy);
	return k;
}

static void expect_format(const struct ksyms *k, uint64_t addr, const char *want)
{
	char buf[128];

	ksyms_format(k, addr, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

static void test_lookup(void **state)
{
	struct ksyms *k = parse(fixture);

	/* Text and weak symbols only: the data symbol is not a function. */
	assert_int_equal(ksyms_count(k), 8);
	assert_false(ksyms_is_hidden(k));
	expect_format(k, 0xffffffff82043b0c, "__udp4_lib_rcv+0x4bc");
	/* At a symbol's first byte: offset 0; of aliases, the first in the file. */
	expect_format(k, 0xffffffff82043650, "__udp4_lib_rcv+0x0");
	expect_format(k, 0xffffffff82043f01, "udp_queue_rcv_skb+0x1");
	expect_format(k, 0xffffffff81f0022c, "ip_rcv_core+0x22c");
	expect_format(k, 0xffffffff81f00400, "weak_fn+0x0");
	expect_format(k, 0xffffffff81000010, "_stext+0x10");
	/* A module's function says which module. */
	expect_format(k, 0xffffffffc0a013e8, "nft_do_chain+0x3e8 [nf_tables]");
	/* Below the first symbol: the bare address. */
	expect_format(k, 0xffffffff80000000, "0xffffffff80000000");
	assert_null(ksyms_find(k, 0x1000));
	assert_string_equal(ksyms_find(k, 0xffffffff83000010)->name, "udp_queue_rcv_skb");
	ksyms_free(k);
}

/* kptr_restrict: every address reads as zero, nothing can be symbolized. */
static void test_hidden(void **state)
{
	struct ksyms *k = parse("0000000000000000 T _stext\n0000000000000000 t foo\n");

	assert_true(ksyms_is_hidden(k));
	assert_null(ksyms_find(k, 0xffffffff81000010));
	expect_format(k, 0xffffffff81000010, "0xffffffff81000010");
	ksyms_free(k);
	/* NULL symbols (none loaded): addresses too. */
	expect_format(NULL, 0xabc, "0xabc");
}

static void test_malformed(void **state)
{
	struct ksyms *k = NULL;

	assert_int_equal(ksyms_parse("zz T foo\n", 9, &k), -EINVAL);
	assert_int_equal(ksyms_parse("ffffffff81000000 T\n", 19, &k), -EINVAL);
	assert_int_equal(ksyms_parse("ffffffff81000000Tfoo\n", 21, &k), -EINVAL);
	assert_null(k);
	/* Empty text: no symbols, not hidden. */
	assert_int_equal(ksyms_parse("", 0, &k), 0);
	assert_int_equal(ksyms_count(k), 0);
	assert_false(ksyms_is_hidden(k));
	assert_null(ksyms_find(k, 1));
	ksyms_free(k);
	/* The last line may lack its newline. */
	k = parse("ffffffff81000000 T a\nffffffff81000100 T b");
	expect_format(k, 0xffffffff81000101, "b+0x1");
	ksyms_free(k);
}

static void test_load_file(void **state)
{
	char path[] = "/tmp/test_ksyms.XXXXXX";
	struct ksyms *k = NULL;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, fixture, strlen(fixture)), (ssize_t)strlen(fixture));
	close(fd);
	assert_int_equal(ksyms_load(path, &k), 0);
	expect_format(k, 0xffffffff82043b0c, "__udp4_lib_rcv+0x4bc");
	ksyms_free(k);
	unlink(path);
	assert_int_equal(ksyms_load(path, &k), -ENOENT);
	/* The real one parses (its addresses may be hidden to this user). */
	if (ksyms_load("/proc/kallsyms", &k) == 0) {
		assert_true(ksyms_count(k) > 1000);
		ksyms_free(k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_load_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
