/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_why_view.c: why's tables on a big host: 128 CPUs fold into the busiest, a total and a heat line. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/why/view_why.h"
#include "golden.h"

#define NCPUS 128

/* A 2 s funnel of a 128-CPU host: NET_RX spread by CPU number, CPU 77 dropping, CPU 5 squeezed. */
static void big_funnel(struct why_funnel *fn, struct why_cpu *cpus)
{
	uint64_t total = 0;

	memset(fn, 0, sizeof(*fn));
	memset(cpus, 0, NCPUS * sizeof(*cpus));
	for (unsigned i = 0; i < NCPUS; i++) {
		cpus[i].cpu = i;
		cpus[i].processed = 1000 + 10 * i;
		cpus[i].net_rx = i % 16 ? 100 + i : 0;
		total += cpus[i].net_rx;
	}
	for (unsigned i = 0; i < NCPUS; i++)
		cpus[i].net_rx_pct = 100.0 * (double)cpus[i].net_rx / (double)total;
	cpus[77].dropped = 40;
	cpus[5].time_squeeze = 3;
	fn->secs = 2.0;
	fn->cpus = cpus;
	fn->ncpus = NCPUS;
}

static void render(struct capture *c, enum fmt_mode mode, const struct why_funnel *fn)
{
	struct fmt *f;

	capture_begin(c);
	f = fmt_new(mode, c->f, NULL);
	assert_non_null(f);
	fmt_doc_begin(f, "why");
	view_why_details_emit(f, fn, FMT_GROUP_DETAIL);
	fmt_doc_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(c);
}

static void test_cpus_fold(void **state)
{
	static struct why_cpu cpus[NCPUS];
	struct why_funnel fn;
	struct capture c;

	(void)state;
	big_funnel(&fn, cpus);
	render(&c, FMT_TEXT, &fn);
	/* The CPUs that lost come first, then the busiest; a total; one heat character a CPU. */
	golden_check("why_cpus_128.txt", c.buf, c.len);
	capture_free(&c);
	/* JSON: the same rows and total, no heat line. */
	render(&c, FMT_JSON, &fn);
	assert_null(strstr(c.buf, "NET_RX share"));
	assert_non_null(strstr(c.buf, "\"cpus\""));
	capture_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpus_fold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
