/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_prom.c: unit tests for the exposition writer: both formats' names, escaping, Accept. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/exporter/prom.h"

/* The 0.0.4 text format names a counter family with _total; OpenMetrics without. */
static void test_counter_names(void **state)
{
	const char *l[2] = { "reason", "NO_SOCKET" };
	struct prom p;

	prom_init(&p, false);
	prom_family(&p, "sockeye_drops", PROM_COUNTER, "Drops.");
	prom_sample_u64(&p, NULL, l, 1, 18446744073709551615ull);
	assert_int_equal(prom_end(&p), 0);
	assert_string_equal(p.buf, "# HELP sockeye_drops_total Drops.\n"
				   "# TYPE sockeye_drops_total counter\n"
				   "sockeye_drops_total{reason=\"NO_SOCKET\"} 18446744073709551615\n");
	prom_free(&p);

	prom_init(&p, true);
	prom_family(&p, "sockeye_drops", PROM_COUNTER, "Drops.");
	prom_sample_u64(&p, NULL, l, 1, 3);
	assert_int_equal(prom_end(&p), 0);
	assert_string_equal(p.buf, "# HELP sockeye_drops Drops.\n"
				   "# TYPE sockeye_drops counter\n"
				   "sockeye_drops_total{reason=\"NO_SOCKET\"} 3\n"
				   "# EOF\n");
	prom_free(&p);
}

/* Gauges and histogram parts keep their names; doubles print exactly enough. */
static void test_gauge_histogram(void **state)
{
	const char *l[4] = { "device", "eth0", "le", "+Inf" };
	struct prom p;

	prom_init(&p, false);
	prom_family(&p, "g", PROM_GAUGE, "G.");
	prom_sample(&p, NULL, NULL, 0, 0.25);
	prom_family(&p, "h", PROM_HISTOGRAM, "H.");
	prom_sample_u64(&p, "_bucket", l, 2, 7);
	prom_sample(&p, "_sum", l, 1, 1.5);
	prom_sample_u64(&p, "_count", l, 1, 7);
	assert_int_equal(prom_end(&p), 0);
	assert_string_equal(p.buf, "# HELP g G.\n# TYPE g gauge\ng 0.25\n"
				   "# HELP h H.\n# TYPE h histogram\n"
				   "h_bucket{device=\"eth0\",le=\"+Inf\"} 7\n"
				   "h_sum{device=\"eth0\"} 1.5\n"
				   "h_count{device=\"eth0\"} 7\n");
	prom_free(&p);
}

/* A label value with a quote, a backslash and a newline (a device may be named so). */
static void test_escaping(void **state)
{
	const char *l[2] = { "device", "a\"b\\c\nd" };
	struct prom p;

	prom_init(&p, false);
	prom_family(&p, "g", PROM_GAUGE, "G.");
	prom_sample_u64(&p, NULL, l, 1, 1);
	assert_int_equal(prom_end(&p), 0);
	assert_non_null(strstr(p.buf, "g{device=\"a\\\"b\\\\c\\nd\"} 1\n"));
	prom_free(&p);
}

/* One namespace's exposition of a collector: its tag last on every sample. */
static void ns_expo(struct prom *p, const char *ns, bool with_b)
{
	const char *l[2] = { "device", "lo" };

	prom_init(p, false);
	p->tag[0] = "netns";
	p->tag[1] = ns;
	prom_family(p, "a", PROM_COUNTER, "A.");
	prom_sample_u64(p, NULL, l, 1, 1);
	prom_sample_u64(p, NULL, NULL, 0, 2);
	if (with_b) {
		prom_family(p, "b", PROM_GAUGE, "B.");
		prom_sample_u64(p, NULL, NULL, 0, 3);
	}
	prom_family(p, "c", PROM_GAUGE, "C.");
	prom_sample_u64(p, NULL, NULL, 0, 4);
}

/*
 * Namespaces merged: each family's HELP and TYPE once, the samples of every
 * namespace under it, a family only some namespaces have served from those.
 */
static void test_merge(void **state)
{
	struct prom x, y, z, out;
	struct prom *src[3] = { &x, &y, &z };

	ns_expo(&x, "root", false);
	ns_expo(&y, "n\"1", true);
	ns_expo(&z, "n2", false);
	prom_init(&out, false);
	prom_family(&out, "first", PROM_GAUGE, "F.");
	prom_sample_u64(&out, NULL, NULL, 0, 0);
	prom_merge(&out, src, 3);
	assert_int_equal(prom_end(&out), 0);
	assert_string_equal(out.buf,
		"# HELP first F.\n# TYPE first gauge\nfirst 0\n"
		"# HELP a_total A.\n# TYPE a_total counter\n"
		"a_total{device=\"lo\",netns=\"root\"} 1\na_total{netns=\"root\"} 2\n"
		"a_total{device=\"lo\",netns=\"n\\\"1\"} 1\na_total{netns=\"n\\\"1\"} 2\n"
		"a_total{device=\"lo\",netns=\"n2\"} 1\na_total{netns=\"n2\"} 2\n"
		"# HELP c C.\n# TYPE c gauge\n"
		"c{netns=\"root\"} 4\nc{netns=\"n\\\"1\"} 4\nc{netns=\"n2\"} 4\n"
		"# HELP b B.\n# TYPE b gauge\nb{netns=\"n\\\"1\"} 3\n");
	/* The merged families are indexed too. */
	assert_int_equal(out.nfams, 4);
	prom_free(&x);
	prom_free(&y);
	prom_free(&z);
	prom_free(&out);
}

static void test_accept(void **state)
{
	/* What Prometheus 2.42 sends. */
	assert_true(prom_accepts_openmetrics(
		"application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
		"version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
	assert_true(prom_accepts_openmetrics("Application/OpenMetrics-Text"));
	assert_false(prom_accepts_openmetrics(NULL));
	assert_false(prom_accepts_openmetrics("*/*"));
	assert_false(prom_accepts_openmetrics("text/plain"));
	assert_false(prom_accepts_openmetrics("text/plain, application/openmetrics-text;q=0.5"));
	assert_false(prom_accepts_openmetrics("application/openmetrics-text;q=0"));
	assert_true(prom_accepts_openmetrics("text/plain;q=0.5 , application/openmetrics-text ; q=0.9"));
	assert_false(prom_accepts_openmetrics("application/openmetrics-textile"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counter_names),
		cmocka_unit_test(test_gauge_histogram),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_accept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
