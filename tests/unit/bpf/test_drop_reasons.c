/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_drop_reasons.c: unit tests for the reason table and its builder fed a BTF blob. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#ifdef HAVE_BPF
#include <bpf/btf.h>
#endif

#include "bpf/drop_reasons.h"
#include "bpf/ksyms.h"
#include "bpf/drops.h"

static void test_table(void **state)
{
	struct drop_reasons r = { 0 };
	uint32_t v;
	char buf[64];

	/* Added out of order, with and without the kernel's prefixes. */
	assert_int_equal(drop_reasons_add(&r, 3, "SKB_DROP_REASON_NO_SOCKET"), 0);
	assert_int_equal(drop_reasons_add(&r, 1, "SKB_CONSUMED"), 0);
	assert_int_equal(drop_reasons_add(&r, 12, "SKB_DROP_REASON_NETFILTER_DROP"), 0);
	assert_int_equal(drop_reasons_add(&r, 0, "SKB_NOT_DROPPED_YET"), 0);
	assert_int_equal(drop_reasons_add(&r, 40, "SKB_DROP_REASON_SKB_CSUM"), 0);
	drop_reasons_sort(&r);
	assert_string_equal(drop_reasons_name(&r, 3), "NO_SOCKET");
	assert_string_equal(drop_reasons_name(&r, 1), "CONSUMED");
	assert_string_equal(drop_reasons_name(&r, 0), "NOT_DROPPED_YET");
	assert_null(drop_reasons_name(&r, 4));
	assert_int_equal(drop_reasons_value(&r, "netfilter_drop", &v), 0);
	assert_int_equal(v, 12);
	assert_int_equal(drop_reasons_value(&r, "SKB_DROP_REASON_NO_SOCKET", &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(drop_reasons_value(&r, "NO_SUCH", &v), -ENOENT);
	/* The prefix in any case, as the man page says. */
	assert_int_equal(drop_reasons_value(&r, "skb_drop_reason_netfilter_drop", &v), 0);
	assert_int_equal(v, 12);
	assert_int_equal(drop_reasons_value(&r, "skb_consumed", &v), 0);
	assert_int_equal(v, 1);
	/* A name that starts with SKB_ itself is not a prefix and a rest. */
	assert_string_equal(drop_reasons_name(&r, 40), "SKB_CSUM");
	assert_int_equal(drop_reasons_value(&r, "SKB_CSUM", &v), 0);
	assert_int_equal(v, 40);
	assert_int_equal(drop_reasons_value(&r, "skb_drop_reason_skb_csum", &v), 0);
	assert_int_equal(v, 40);
	drop_reasons_format(&r, 12, buf, sizeof(buf));
	assert_string_equal(buf, "NETFILTER_DROP");
	drop_reasons_format(&r, 77, buf, sizeof(buf));
	assert_string_equal(buf, "reason_77");
	drop_reasons_format(&r, (2u << 16) | 5, buf, sizeof(buf));
	assert_string_equal(buf, "subsys_2_5");
	drop_reasons_format(&r, DROPS_REASON_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "UNKNOWN");
	/* A packet comment's words (trace -w and drops -w): without symbols, the address. */
	drop_reasons_note(&r, NULL, 3, 0xffffffff81234567ull, buf, sizeof(buf));
	assert_string_equal(buf, "dropped: NO_SOCKET at 0xffffffff81234567");
	{
		static const char kallsyms[] = "ffffffff81234000 T udp_rcv\n";
		struct ksyms *k;

		assert_int_equal(ksyms_parse(kallsyms, sizeof(kallsyms) - 1, &k), 0);
		drop_reasons_note(&r, k, 12, 0xffffffff81234012ull, buf, sizeof(buf));
		assert_string_equal(buf, "dropped: NETFILTER_DROP at udp_rcv+0x12");
		ksyms_free(k);
	}
	drop_reasons_free(&r);
	assert_null(drop_reasons_name(&r, 3));
}

#ifdef HAVE_BPF
/* A BTF blob as a kernel would carry it: the enum among other types, then parsed back. */
static void test_btf_blob(void **state)
{
	struct btf *w = btf__new_empty(), *b;
	struct drop_reasons r = { 0 };
	const void *raw;
	uint32_t size;
	uint32_t v;

	assert_non_null(w);
	assert_true(btf__add_int(w, "int", 4, BTF_INT_SIGNED) > 0);
	assert_true(btf__add_enum(w, "other_enum", 4) > 0);
	assert_int_equal(btf__add_enum_value(w, "SKB_DROP_REASON_DECOY", 99), 0);
	assert_true(btf__add_enum(w, "skb_drop_reason", 4) > 0);
	assert_int_equal(btf__add_enum_value(w, "SKB_NOT_DROPPED_YET", 0), 0);
	assert_int_equal(btf__add_enum_value(w, "SKB_CONSUMED", 1), 0);
	assert_int_equal(btf__add_enum_value(w, "SKB_DROP_REASON_NO_SOCKET", 3), 0);
	/* A future kernel renumbers: the table follows the blob, not a compiled-in list. */
	assert_int_equal(btf__add_enum_value(w, "SKB_DROP_REASON_IP_CSUM", 40), 0);
	assert_int_equal(btf__add_enum_value(w, "SKB_DROP_REASON_MAX", 41), 0);
	raw = btf__raw_data(w, &size);
	assert_non_null(raw);
	b = btf__new(raw, size);
	assert_non_null(b);
	assert_int_equal(drop_reasons_btf_load(b, &r), 0);
	assert_int_equal(r.n, 4);
	assert_string_equal(drop_reasons_name(&r, 40), "IP_CSUM");
	assert_string_equal(drop_reasons_name(&r, 3), "NO_SOCKET");
	assert_null(drop_reasons_name(&r, 41));
	assert_null(drop_reasons_name(&r, 99));
	assert_int_equal(drop_reasons_value(&r, "ip_csum", &v), 0);
	assert_int_equal(v, 40);
	drop_reasons_free(&r);
	btf__free(b);
	btf__free(w);

	/* A BTF without the enum (a kernel before 5.17). */
	w = btf__new_empty();
	assert_true(btf__add_int(w, "int", 4, BTF_INT_SIGNED) > 0);
	assert_int_equal(drop_reasons_btf_load(w, &r), -ENOENT);
	assert_int_equal(r.n, 0);
	btf__free(w);
}

/* The running kernel's table, when it has BTF: NO_SOCKET is there under some number. */
static void test_vmlinux(void **state)
{
	struct drop_reasons r = { 0 };
	uint32_t v;

	if (drop_reasons_btf_load_vmlinux(&r))
		skip();
	assert_int_equal(drop_reasons_value(&r, "NO_SOCKET", &v), 0);
	assert_string_equal(drop_reasons_name(&r, v), "NO_SOCKET");
	drop_reasons_free(&r);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
#ifdef HAVE_BPF
		cmocka_unit_test(test_btf_blob),
		cmocka_unit_test(test_vmlinux),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
