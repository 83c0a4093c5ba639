/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_filter_sandbox.c: the child-process compile: same program, errors, memory bound, stop. */
#include "config.h"

#include <errno.h>
#include <pcap/dlt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "capture/filter_sandbox.h"

/* "host A or host B or ...": n terms, seconds and tens of MiB for libpcap at a few hundred. */
static char *many_hosts(unsigned n)
{
	size_t len = (size_t)n * 32 + 1;
	char *s = malloc(len), *p = s;

	assert_non_null(s);
	for (unsigned i = 0; i < n; i++)
		p += sprintf(p, "%shost 10.%u.%u.%u", i ? " or " : "", i >> 16, (i >> 8) & 255,
			     i & 255);
	return s;
}

static void test_same_program(void **state)
{
	struct filter in, out;
	char err[PCAP_ERRBUF_SIZE + 64];

	(void)state;
	assert_int_equal(filter_compile(&in, "udp port 53 or icmp", DLT_EN10MB, 262144, err,
					sizeof(err)), 0);
	assert_int_equal(filter_sandbox_compile(&out, "udp port 53 or icmp", DLT_EN10MB, 262144,
						-1, err, sizeof(err)), 0);
	assert_int_equal(out.prog.bf_len, in.prog.bf_len);
	assert_memory_equal(out.prog.bf_insns, in.prog.bf_insns,
			    in.prog.bf_len * sizeof(*in.prog.bf_insns));
	assert_int_equal(out.kernel_ok, in.kernel_ok);
	assert_int_equal(out.kernel.len, in.kernel.len);
	filter_free(&in);
	filter_free(&out);
	/* The empty expression takes everything, compiled in place. */
	assert_int_equal(filter_sandbox_compile(&out, "", DLT_EN10MB, 100, -1, err, sizeof(err)), 0);
	assert_int_equal(out.prog.bf_len, 1);
	filter_free(&out);
}

static void test_syntax_error(void **state)
{
	struct filter f;
	char err[PCAP_ERRBUF_SIZE + 64];

	(void)state;
	assert_int_equal(filter_sandbox_compile(&f, "udp and", DLT_EN10MB, 262144, -1, err,
						sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "syntax error"));
	assert_null(f.prog.bf_insns);
}

static void test_memory_bound(void **state)
{
	struct filter f;
	char err[PCAP_ERRBUF_SIZE + 64];
	char *expr = many_hosts(300);

	(void)state;
	setenv(FILTER_SANDBOX_ENV, "4", 1);
	assert_int_equal(filter_sandbox_limit_mib(), 4);
	/* ASan builds compile unbounded (filter_sandbox.h says why): the limit is all they check. */
	if (filter_sandbox_bounded()) {
		assert_int_equal(filter_sandbox_compile(&f, expr, DLT_EN10MB, 262144, -1, err,
							sizeof(err)), -ENOMEM);
		assert_string_equal(err, "filter needs more than 4 MiB to compile");
	}
	setenv(FILTER_SANDBOX_ENV, "0", 1);
	assert_int_equal(filter_sandbox_limit_mib(), FILTER_SANDBOX_DEFAULT_MIB);
	unsetenv(FILTER_SANDBOX_ENV);
	free(expr);
}

static void test_stop(void **state)
{
	struct filter f;
	char err[PCAP_ERRBUF_SIZE + 64];
	char *expr = many_hosts(1000);	/* a minute of compiling, unstopped */
	int efd = eventfd(1, EFD_CLOEXEC);
	struct timespec t0, t1;

	(void)state;
	assert_true(efd >= 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(filter_sandbox_compile(&f, expr, DLT_EN10MB, 262144, efd, err,
						sizeof(err)), -ECANCELED);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(t1.tv_sec - t0.tv_sec < 2);
	assert_null(f.prog.bf_insns);
	close(efd);
	free(expr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_program),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_memory_bound),
		cmocka_unit_test(test_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
