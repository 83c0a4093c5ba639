/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_scrape.c: unit tests for the exporter's own metrics over collectors of
 * the test's own (this file's collector_table stands in for the real one):
 * sockeye_collector_up, the per-collector duration and error count, a failed
 * collection serving none of its series, a collector that never opened.
 */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/exporter/collector.h"
#include "cmd/exporter/scrape.h"

static int flaky_calls;

/* Serves its call count; the second call fails after writing a family (which must not show). */
static int flaky_collect(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
			 size_t len)
{
	flaky_calls++;
	prom_family(p, "fake_calls", PROM_GAUGE, "Calls.");
	prom_sample_u64(p, NULL, NULL, 0, (uint64_t)flaky_calls);
	if (flaky_calls == 2) {
		snprintf(why, len, "broken on purpose");
		return -EIO;
	}
	return 0;
}

static int never_open(void **state, const struct collect_ctx *ctx, char *why, size_t len)
{
	snprintf(why, len, "needs CAP_BPF");
	return -EPERM;
}

static const struct collector flaky = { .name = "flaky", .collect = flaky_collect };
static const struct collector closed = { .name = "closed", .open = never_open,
					 .collect = flaky_collect };

const struct collector *const collector_table[] = { &flaky, &closed };
const unsigned collector_count = 2;

int collector_find(const char *name)
{
	for (unsigned i = 0; i < collector_count; i++)
		if (!strcmp(collector_table[i]->name, name))
			return (int)i;
	return -1;
}

/* Whether the exposition has the line (whole). */
static bool has_line(const struct prom *p, const char *line)
{
	size_t n = strlen(line);

	for (const char *s = p->buf; (s = strstr(s, line)); s += n)
		if ((s == p->buf || s[-1] == '\n') && s[n] == '\n')
			return true;
	return false;
}

static void test_own_metrics(void **state)
{
	struct collect_ctx ctx = { 0 };
	const struct prom *p;
	struct scrape s;

	assert_int_equal(scrape_open(&s, 3, &ctx, 0, false), 0);

	assert_int_equal(scrape_get(&s, false, &p), 0);
	assert_true(has_line(p, "fake_calls 1"));
	assert_true(has_line(p, "sockeye_collector_up{collector=\"flaky\"} 1"));
	assert_true(has_line(p, "sockeye_collector_up{collector=\"closed\"} 0"));
	assert_true(has_line(p, "sockeye_scrape_collector_errors_total{collector=\"flaky\"} 0"));
	assert_true(has_line(p, "sockeye_scrape_collector_errors_total{collector=\"closed\"} 0"));
	assert_non_null(strstr(p->buf, "sockeye_scrape_collector_duration_seconds{collector=\"flaky\"} "));
	/* One that never opened has no collection to time. */
	assert_null(strstr(p->buf, "sockeye_scrape_collector_duration_seconds{collector=\"closed\"}"));
	assert_true(has_line(p, "sockeye_exporter_collections_total 1"));
	assert_non_null(strstr(p->buf, "\nsockeye_scrape_duration_seconds "));

	/* The failed collection: down, counted, none of its series (not even the half written). */
	assert_int_equal(scrape_get(&s, false, &p), 0);
	assert_null(strstr(p->buf, "fake_calls"));
	assert_true(has_line(p, "sockeye_collector_up{collector=\"flaky\"} 0"));
	assert_true(has_line(p, "sockeye_scrape_collector_errors_total{collector=\"flaky\"} 1"));

	/* Back: up again, the error count kept (a counter). */
	assert_int_equal(scrape_get(&s, false, &p), 0);
	assert_true(has_line(p, "fake_calls 3"));
	assert_true(has_line(p, "sockeye_collector_up{collector=\"flaky\"} 1"));
	assert_true(has_line(p, "sockeye_scrape_collector_errors_total{collector=\"flaky\"} 1"));
	assert_true(has_line(p, "sockeye_exporter_collections_total 3"));
	scrape_close(&s);
}

/* Within the cache time the same exposition is served, not collected again. */
static void test_cache(void **state)
{
	struct collect_ctx ctx = { 0 };
	const struct prom *p;
	struct scrape s;

	flaky_calls = 10;
	assert_int_equal(scrape_open(&s, 1, &ctx, 60000000000ull, false), 0);
	assert_int_equal(scrape_get(&s, false, &p), 0);
	assert_int_equal(scrape_get(&s, false, &p), 0);
	assert_int_equal(flaky_calls, 11);
	assert_true(has_line(p, "sockeye_exporter_collections_total 1"));
	/* The other format is a collection of its own. */
	assert_int_equal(scrape_get(&s, true, &p), 0);
	assert_int_equal(flaky_calls, 12);
	assert_non_null(strstr(p->buf, "# EOF\n"));
	scrape_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_metrics),
		cmocka_unit_test(test_cache),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
