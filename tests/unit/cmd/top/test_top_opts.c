/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_top_opts.c: unit tests for top's option parser: values, defaults, errors and --help. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "cli/cmd.h"
#include "cmd/opts_test.h"
#include "cmd/top/opts.h"

static char err_buf[512];
static char out_buf[4096];

/* top_opts_parse of "top ARGS..." (NULL-ended), stdout and stderr kept in out_buf and err_buf. */
static int parse(struct top_opts *o, ...)
{
	char *argv[OPTS_TEST_MAX_ARGS + 1];
	struct opts_capture out, err;
	va_list ap;
	int argc, rc;

	va_start(ap, o);
	argc = opts_test_argv(argv, "top", ap);
	va_end(ap);
	opts_test_reset("top");
	opts_capture_begin(&out, stdout);
	opts_capture_begin(&err, stderr);
	rc = top_opts_parse(o, argc, argv);
	opts_capture_end(&out, out_buf, sizeof(out_buf));
	opts_capture_end(&err, err_buf, sizeof(err_buf));
	return rc;
}

static void test_values(void **state)
{
	struct top_opts o;

	assert_int_equal(parse(&o, "-b", "-n", "3", "-d", "0.25", "--no-header", "--record",
			       "/tmp/rec", NULL), 0);
	assert_true(o.batch);
	assert_true(o.no_header);
	assert_int_equal(o.iterations, 3);
	assert_int_equal(o.delay_ns, 250000000ull);
	assert_string_equal(o.record_dir, "/tmp/rec");
	assert_null(o.replay_dir);
	assert_string_equal(err_buf, "");
}

/* Batches print one snapshot unless -n says; the delay is a second. */
static void test_defaults(void **state)
{
	struct top_opts o;

	assert_int_equal(parse(&o, "-b", NULL), 0);
	assert_true(o.batch);
	assert_int_equal(o.iterations, 1);
	assert_int_equal(o.delay_ns, 1000000000ull);
	assert_false(o.no_header);
	assert_null(o.record_dir);
}

/* A replay, or JSON, has no live view to draw: batches. */
static void test_batch_forced(void **state)
{
	struct top_opts o;

	assert_int_equal(parse(&o, "--replay", "dir", NULL), 0);
	assert_true(o.batch);
	assert_int_equal(o.iterations, 1);
	assert_string_equal(o.replay_dir, "dir");
	assert_int_equal(parse(&o, "--json", "-n", "2", NULL), 0);
	assert_true(cmd_globals.json);
	assert_true(o.batch);
	assert_int_equal(o.iterations, 2);
}

/* Each error: the usage status and one line that names what is wrong. */
static void test_errors(void **state)
{
	struct top_opts o;

	assert_int_equal(parse(&o, "-n", "0", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: -n 0: not a count from 1 to 4294967295\n");
	assert_int_equal(parse(&o, "-d", "0.001", NULL), EXIT_USAGE);
	assert_string_equal(err_buf,
			    "sockeye: top: -d 0.001: not a delay from 0.01 to 86400 seconds\n");
	assert_int_equal(parse(&o, "-d", "soon", NULL), EXIT_USAGE);
	assert_int_equal(parse(&o, "--record", "a", "--replay", "b", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: --record and --replay exclude each other\n");
	assert_int_equal(parse(&o, "extra", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: extra: unexpected argument\n");
	assert_int_equal(parse(&o, "--bogus", NULL), EXIT_USAGE);
	assert_string_equal(err_buf,
			    "sockeye: top: --bogus: unknown option (see sockeye top --help)\n");
	assert_string_equal(out_buf, "");
}

/* -j -p -N -v after the name are the global ones; -n stays top's iteration count. */
static void test_global_letters(void **state)
{
	struct top_opts o;

	assert_int_equal(parse(&o, "-b", "-j", "-N", "blue", "-v", "-n", "2", NULL), 0);
	assert_true(cmd_globals.json);
	assert_false(cmd_globals.pretty);
	assert_string_equal(cmd_globals.netns, "blue");
	assert_int_equal(cmd_globals.verbose, 1);
	assert_false(cmd_globals.numeric);
	assert_int_equal(o.iterations, 2);
	assert_int_equal(parse(&o, "-bp", NULL), 0);
	assert_true(cmd_globals.pretty);
	assert_true(cmd_globals.json);
	assert_string_equal(err_buf, "");
}

/* A missing value names the option, short, in a group or long, and says so. */
static void test_missing_value(void **state)
{
	struct top_opts o;

	assert_int_equal(parse(&o, "-d", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: -d: needs a value\n");
	assert_int_equal(parse(&o, "-bn", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: -n: needs a value\n");
	assert_int_equal(parse(&o, "-N", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: -N: needs a value\n");
	assert_int_equal(parse(&o, "--replay", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: --replay: needs a value\n");
	assert_int_equal(parse(&o, "-bz", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: top: -z: unknown option (see sockeye top --help)\n");
}

/* --help and -h: the usage on stdout, -1 (exit 0), nothing on stderr. */
static void test_help(void **state)
{
	char want[4096];
	struct top_opts o;

	snprintf(want, sizeof(want), "usage: sockeye [global options] %s\n", cmd_top_usage);
	assert_int_equal(parse(&o, "--help", NULL), -1);
	assert_string_equal(out_buf, want);
	assert_string_equal(err_buf, "");
	assert_int_equal(parse(&o, "-b", "-h", NULL), -1);
	assert_string_equal(out_buf, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_batch_forced),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_global_letters),
		cmocka_unit_test(test_missing_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
