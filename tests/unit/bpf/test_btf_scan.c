/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_btf_scan.c: unit tests for the streaming BTF reader, against blobs libbpf writes. */
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

#include <bpf/btf.h>

#include "bpf/btf_scan.h"
#include "bpf/drop_reasons.h"

/* Enough filler that both sections span several of the reader's 64 KiB buffers. */
#define FILLER 6000

static char path[64];

static void write_file(const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Every kind with trailing data, the filler, then the types looked up, last. */
static struct btf *make_btf(void)
{
	struct btf *b = btf__new_empty();
	char name[32];
	int i32, s, proto;

	assert_non_null(b);
	i32 = btf__add_int(b, "int", 4, BTF_INT_SIGNED);
	assert_true(i32 > 0);
	assert_true(btf__add_ptr(b, i32) > 0);
	assert_true(btf__add_array(b, i32, i32, 4) > 0);
	proto = btf__add_func_proto(b, i32);
	assert_true(proto > 0);
	assert_int_equal(btf__add_func_param(b, "skb", i32), 0);
	assert_int_equal(btf__add_func_param(b, "reason", i32), 0);
	assert_true(btf__add_var(b, "a_var", BTF_VAR_GLOBAL_ALLOCATED, i32) > 0);
	assert_true(btf__add_datasec(b, ".data", 4) > 0);
	assert_int_equal(btf__add_datasec_var_info(b, i32 + 4, 0, 4), 0);
	assert_true(btf__add_decl_tag(b, "tag", i32, -1) > 0);
	for (int i = 0; i < FILLER; i++) {
		snprintf(name, sizeof(name), "filler_struct_%d", i);
		s = btf__add_struct(b, name, 8);
		assert_true(s > 0);
		assert_int_equal(btf__add_field(b, "lo", i32, 0, 0), 0);
		assert_int_equal(btf__add_field(b, "hi", i32, 32, 0), 0);
	}
	/* A decoy of another kind under the looked-up name, and a decoy enum. */
	assert_true(btf__add_struct(b, "kfree_skb_reason", 0) > 0);
	assert_true(btf__add_enum(b, "other_enum", 4) > 0);
	assert_int_equal(btf__add_enum_value(b, "SKB_DROP_REASON_DECOY", 99), 0);
	assert_true(btf__add_func(b, "kfree_skb_reason", BTF_FUNC_GLOBAL, proto) > 0);
	assert_true(btf__add_enum(b, "skb_drop_reason", 4) > 0);
	assert_int_equal(btf__add_enum_value(b, "SKB_NOT_DROPPED_YET", 0), 0);
	assert_int_equal(btf__add_enum_value(b, "SKB_CONSUMED", 1), 0);
	assert_int_equal(btf__add_enum_value(b, "SKB_DROP_REASON_NO_SOCKET", 3), 0);
	assert_int_equal(btf__add_enum_value(b, "SKB_DROP_REASON_IP_CSUM", 40), 0);
	assert_int_equal(btf__add_enum_value(b, "SKB_DROP_REASON_MAX", 41), 0);
	assert_true(btf__add_enum(b, "signed_enum", 4) > 0);
	assert_int_equal(btf__add_enum_value(b, "MINUS_TWO", -2), 0);
	assert_true(btf__add_enum64(b, "wide_enum", 8, false) > 0);
	assert_int_equal(btf__add_enum64_value(b, "WIDE", 0x123456789aull), 0);
	return b;
}

static int setup(void **state)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/test_btf_scan.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int teardown(void **state)
{
	unlink(path);
	return 0;
}

struct seen {
	char names[8][32];
	int64_t values[8];
	size_t n;
};

static int collect(void *arg, const char *name, int64_t value)
{
	struct seen *s = arg;

	if (s->n == 8)
		return -E2BIG;
	snprintf(s->names[s->n], sizeof(s->names[0]), "%s", name);
	s->values[s->n++] = value;
	return 0;
}

static void test_blob(void **state)
{
	struct btf *b = make_btf();
	struct drop_reasons r = { 0 };
	struct seen s = { .n = 0 };
	const void *raw;
	uint32_t size;

	raw = btf__raw_data(b, &size);
	assert_non_null(raw);
	assert_true(size > 3 * 65536);
	write_file(raw, size);

	assert_int_equal(btf_scan_has(path, "kfree_skb_reason", BTF_KIND_FUNC), 1);
	assert_int_equal(btf_scan_has(path, "kfree_skb_reason", BTF_KIND_STRUCT), 1);
	assert_int_equal(btf_scan_has(path, "kfree_skb_reason", BTF_KIND_UNION), 0);
	/* A prefix of a name, and a name only a member has, are no type. */
	assert_int_equal(btf_scan_has(path, "kfree_skb", BTF_KIND_FUNC), 0);
	assert_int_equal(btf_scan_has(path, "reason", BTF_KIND_FUNC), 0);
	assert_int_equal(btf_scan_has(path, "filler_struct_5999", BTF_KIND_STRUCT), 1);
	assert_int_equal(btf_scan_has(path, "filler_struct_6000", BTF_KIND_STRUCT), 0);

	assert_int_equal(btf_scan_enum(path, "skb_drop_reason", collect, &s), 0);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.names[0], "SKB_NOT_DROPPED_YET");
	assert_string_equal(s.names[3], "SKB_DROP_REASON_IP_CSUM");
	assert_int_equal(s.values[3], 40);
	s.n = 0;
	assert_int_equal(btf_scan_enum(path, "signed_enum", collect, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.values[0], -2);
	s.n = 0;
	assert_int_equal(btf_scan_enum(path, "wide_enum", collect, &s), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.names[0], "WIDE");
	assert_true(s.values[0] == 0x123456789all);
	assert_int_equal(btf_scan_enum(path, "no_such_enum", collect, &s), -ENOENT);
	/* A struct is not an enum. */
	assert_int_equal(btf_scan_enum(path, "filler_struct_7", collect, &s), -ENOENT);

	/* The reason table as the libbpf parse builds it: MAX and the decoy left out. */
	assert_int_equal(drop_reasons_btf_scan(path, &r), 0);
	assert_int_equal(r.n, 4);
	assert_string_equal(drop_reasons_name(&r, 40), "IP_CSUM");
	assert_string_equal(drop_reasons_name(&r, 0), "NOT_DROPPED_YET");
	assert_null(drop_reasons_name(&r, 41));
	assert_null(drop_reasons_name(&r, 99));
	drop_reasons_free(&r);
	btf__free(b);
}

static void test_bad_files(void **state)
{
	struct btf *b = make_btf();
	struct seen s = { .n = 0 };
	const void *raw;
	unsigned char *copy;
	uint32_t size;

	raw = btf__raw_data(b, &size);
	assert_non_null(raw);
	copy = malloc(size);
	assert_non_null(copy);
	memcpy(copy, raw, size);

	/* Cut inside the type section: the walk runs off its end. */
	write_file(copy, 100000);
	assert_int_equal(btf_scan_has(path, "kfree_skb_reason", BTF_KIND_FUNC), -EPROTO);
	/* Not BTF at all, and empty. */
	copy[0] ^= 0xff;
	write_file(copy, size);
	assert_int_equal(btf_scan_enum(path, "skb_drop_reason", collect, &s), -EPROTO);
	write_file(copy, 0);
	assert_int_equal(btf_scan_has(path, "int", BTF_KIND_INT), -EPROTO);
	free(copy);

	/* The other byte order: left to libbpf. */
	assert_int_equal(btf__set_endianness(b, BTF_BIG_ENDIAN), 0);
	raw = btf__raw_data(b, &size);
	assert_non_null(raw);
	write_file(raw, size);
	assert_int_equal(btf_scan_has(path, "int", BTF_KIND_INT), -EPROTO);
	btf__free(b);

	assert_int_equal(btf_scan_has("/nonexistent/vmlinux", "int", BTF_KIND_INT), -ENOENT);
	assert_int_equal(s.n, 0);
}

/* The running kernel's BTF: the scan finds what libbpf's full parse finds. */
static void test_vmlinux(void **state)
{
	static const char *const funcs[] = { "sk_skb_reason_drop", "kfree_skb_reason",
					     "kfree_skb", "no_such_function_here" };
	struct drop_reasons scanned = { 0 }, parsed = { 0 };
	struct btf *b;

	if (access("/sys/kernel/btf/vmlinux", R_OK))
		skip();
	b = btf__parse("/sys/kernel/btf/vmlinux", NULL);
	assert_non_null(b);
	for (size_t i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++)
		assert_int_equal(btf_scan_has("/sys/kernel/btf/vmlinux", funcs[i], BTF_KIND_FUNC),
				 btf__find_by_name_kind(b, funcs[i], BTF_KIND_FUNC) > 0);
	if (drop_reasons_btf_load(b, &parsed) == 0) {
		assert_int_equal(drop_reasons_btf_scan("/sys/kernel/btf/vmlinux", &scanned), 0);
		assert_true(parsed.n > 10);
		assert_int_equal(scanned.n, parsed.n);
		for (size_t i = 0; i < parsed.n; i++) {
			assert_int_equal(scanned.v[i].value, parsed.v[i].value);
			assert_string_equal(scanned.v[i].name, parsed.v[i].name);
		}
	} else {
		assert_int_equal(drop_reasons_btf_scan("/sys/kernel/btf/vmlinux", &scanned),
				 -ENOENT);
	}
	drop_reasons_free(&scanned);
	drop_reasons_free(&parsed);
	btf__free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_blob, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_files, setup, teardown),
		cmocka_unit_test(test_vmlinux),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
