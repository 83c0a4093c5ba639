/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_why_opts.c: unit tests for why's options: values, the filter, global letters, errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cmd.h"
#include "cmd/opts_test.h"
#include "cmd/why/opts.h"

static char err_buf[512];
static char out_buf[8192];

/* why_opts_parse of "why ARGS..." (NULL-ended) into o; stdout and stderr kept. */
static int parse(struct why_opts *o, ...)
{
	char *argv[OPTS_TEST_MAX_ARGS + 1];
	struct opts_capture out, err;
	va_list ap;
	int argc, rc;

	va_start(ap, o);
	argc = opts_test_argv(argv, "why", ap);
	va_end(ap);
	opts_test_reset("why");
	opts_capture_begin(&out, stdout);
	opts_capture_begin(&err, stderr);
	rc = why_opts_parse(o, argc, argv);
	opts_capture_end(&out, out_buf, sizeof(out_buf));
	opts_capture_end(&err, err_buf, sizeof(err_buf));
	return rc;
}

static void test_values(void **state)
{
	struct why_opts o;

	assert_int_equal(parse(&o, NULL), 0);
	assert_int_equal(o.duration_ns, 1000000000ull);
	assert_null(o.iface);
	assert_false(o.has_filter);
	why_opts_free(&o);
	assert_int_equal(parse(&o, "-i", "eth0", "-d", "5", "--pid", "42", "-e", NULL), 0);
	assert_string_equal(o.iface, "eth0");
	assert_int_equal(o.duration_ns, 5000000000ull);
	assert_int_equal(o.pid, 42);
	assert_true(o.extended);
	why_opts_free(&o);
	assert_int_equal(parse(&o, "--watch", "-c", "3", "-d", "250ms", NULL), 0);
	assert_true(o.watch);
	assert_int_equal(o.count, 3);
	assert_int_equal(o.duration_ns, 250000000ull);
	why_opts_free(&o);
	/* A sockets filter, options around it; the global letters after the name. */
	assert_int_equal(parse(&o, "sport", "=", ":53", "-j", "-N", "blue", NULL), 0);
	assert_true(o.has_filter);
	assert_true(cmd_globals.json);
	assert_string_equal(cmd_globals.netns, "blue");
	why_opts_free(&o);
	assert_int_equal(parse(&o, "-h", NULL), -1);
	assert_non_null(strstr(out_buf, "why [-i IFACE]"));
	why_opts_free(&o);
}

static void test_errors(void **state)
{
	static const struct {
		const char *args[4];
		const char *err;
	} bad[] = {
		{ { "-d", "0", NULL }, "sockeye: why: -d 0: a duration from 0.01 s to a day\n" },
		{ { "-c", "2", NULL }, "sockeye: why: -c goes with --watch\n" },
		{ { "--pid", "x", NULL }, "sockeye: why: --pid x: not a process id\n" },
		{ { "-i", "a/b", NULL }, "sockeye: why: -i a/b: not an interface name\n" },
		{ { "--pid", "7", "sport", NULL },
		  "sockeye: why: --pid and a FILTER exclude each other\n" },
		{ { "--bogus", NULL }, NULL },
	};
	struct why_opts o;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *const *a = bad[i].args;
		int rc = parse(&o, a[0], a[1], a[2], a[3]);

		if (rc != EXIT_USAGE)
			fail_msg("%s: %d, want the usage status", a[0], rc);
		if (bad[i].err)
			assert_string_equal(err_buf, bad[i].err);
		why_opts_free(&o);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
