/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_view_napi.c: golden text and JSON of the NAPI panels from two hand-made samples. */
/* The backlog is ifindex 0 and flagged, as napi.bpf.c makes it; eth1 has NAPI id 0 too. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "golden.h"
#include "cmd/napi/view_napi.h"

static struct napi_entry entry(uint32_t ifindex, uint32_t id, uint32_t cpu, const char *name,
			       uint64_t polls, uint64_t packets, const uint64_t hist[NAPI_HIST_NR])
{
	struct napi_entry e = { .key = { .ifindex = ifindex, .netns_ino = ifindex ? 4026532177 : 0,
					 .napi_id = id, .cpu = cpu },
				.val = { .polls = polls, .packets = packets, .budget = 64 } };

	for (int i = 0; i < NAPI_HIST_NR; i++) {
		e.val.hist[i] = hist[i];
		e.val.budget_polls += hist[i];
	}
	snprintf(e.val.ifname, sizeof(e.val.ifname), "%s", name);
	if (!ifindex)
		e.val.flags = NAPI_F_BACKLOG;
	return e;
}

/* Sample at t seconds; the entries go in unsorted, as a map hands them out. */
static void make(struct napi_sample *s, uint64_t t, const struct napi_entry *e, size_t n,
		 uint64_t softirqs)
{
	memset(s, 0, sizeof(*s));
	s->mono_ns = t * 1000000000ull;
	s->entries = malloc(n * sizeof(*e));
	assert_non_null(s->entries);
	memcpy(s->entries, e, n * sizeof(*e));
	s->n = n;
	napi_sample_sort(s);
	s->ncpus = 2;
	s->cpus = calloc(2, sizeof(*s->cpus));
	assert_non_null(s->cpus);
	s->has_softirq = true;
	for (unsigned c = 0; c < 2; c++) {
		s->cpus[c].cpu = c;
		s->cpus[c].softirq_count = softirqs * (c + 1);
		s->cpus[c].softirq_ns = softirqs * (c + 1) * 2500;
	}
}

static void render(enum fmt_mode mode, bool first, unsigned groups, const char *golden)
{
	static const uint64_t h0[NAPI_HIST_NR] = { 1, 2, 0, 0, 0, 1 };
	static const uint64_t h1[NAPI_HIST_NR] = { 1, 40, 10, 5, 3, 41 };
	static const uint64_t hb[NAPI_HIST_NR] = { 0, 7, 0, 0, 0, 0 };
	const struct napi_entry p[] = {
		entry(2, 8193, 1, "vb", 4, 70, h0),
		entry(0, 0, 0, "", 7, 7, hb),
	};
	const struct napi_entry c[] = {
		entry(0, 0, 0, "", 7, 7, hb),
		entry(5, 8200, 0, "eth0", 10, 10, (const uint64_t[NAPI_HIST_NR]){ 0, 10 }),
		entry(2, 8193, 1, "vb", 100, 3000, h1),
		/* virtio_net: a device whose instances have no NAPI id, not the backlog. */
		entry(3, 0, 1, "eth1", 2, 3, (const uint64_t[NAPI_HIST_NR]){ 0, 2 }),
	};
	struct napi_sample prev, cur;
	struct capture cap;
	struct fmt *f;

	make(&prev, 10, p, 2, 100);
	make(&cur, 12, c, 4, 300);
	capture_begin(&cap);
	f = fmt_new(mode, cap.f, NULL);
	assert_non_null(f);
	fmt_doc_begin(f, "napi");
	view_napi_emit(f, first ? NULL : &prev, &cur, false, groups);
	view_napi_cpus_emit(f, first ? NULL : &prev, &cur, groups);
	fmt_doc_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&cap);
	if (mode == FMT_JSON)
		golden_json_check(cap.buf, cap.len);
	golden_check(golden, cap.buf, cap.len);
	capture_free(&cap);
	napi_sample_free(&prev);
	napi_sample_free(&cur);
	assert_null(cur.entries);
}

/* The backlog is the entry without a device, whatever the NAPI id says. */
static void test_backlog(void **state)
{
	static const uint64_t h[NAPI_HIST_NR] = { 0 };
	struct napi_entry b = entry(0, 0, 0, "", 1, 1, h);
	struct napi_entry virtio = entry(3, 0, 0, "eth1", 1, 1, h);

	(void)state;
	assert_true(napi_entry_is_backlog(&b));
	assert_false(napi_entry_is_backlog(&virtio));
}

static void test_napi(void **state)
{
	render(FMT_TEXT, false, 0, "napi.txt");
	render(FMT_TEXT, false, FMT_GROUP_DETAIL, "napi_detail.txt");
	render(FMT_JSON, false, 0, "napi.json");
	/* A live view's first frame: totals since attach, no rates. */
	render(FMT_TEXT, true, 0, "napi_first.txt");
}

/*
 * 20 instances, instance i on CPU i % 4 moving 100 * (i % 7) packets a second:
 * top folds them into the 16 busiest, a total and a heat row by CPU; `sockeye
 * napi` (fold false) shows all 20.
 */
static void render_many(enum fmt_mode mode, bool fold, const char *golden)
{
	static const uint64_t h[NAPI_HIST_NR] = { 0, 1 };
	struct napi_entry p[20], c[20];
	struct napi_sample prev, cur;
	struct capture cap;
	struct fmt *f;

	for (uint32_t i = 0; i < 20; i++) {
		p[i] = entry(2 + i / 8, 8193 + i, i % 4, "eth", 10, 1000, h);
		c[i] = entry(2 + i / 8, 8193 + i, i % 4, "eth", 20, 1000 + 200 * (i % 7), h);
	}
	make(&prev, 10, p, 20, 100);
	make(&cur, 12, c, 20, 300);
	capture_begin(&cap);
	f = fmt_new(mode, cap.f, NULL);
	assert_non_null(f);
	fmt_doc_begin(f, "napi");
	view_napi_emit(f, &prev, &cur, fold, 0);
	fmt_doc_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&cap);
	if (mode == FMT_JSON)
		golden_json_check(cap.buf, cap.len);
	golden_check(golden, cap.buf, cap.len);
	capture_free(&cap);
	napi_sample_free(&prev);
	napi_sample_free(&cur);
}

static void test_fold(void **state)
{
	(void)state;
	render_many(FMT_TEXT, true, "napi_fold.txt");
	render_many(FMT_JSON, true, "napi_fold.json");
	render_many(FMT_TEXT, false, "napi_unfolded.txt");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backlog),
		cmocka_unit_test(test_napi),
		cmocka_unit_test(test_fold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
