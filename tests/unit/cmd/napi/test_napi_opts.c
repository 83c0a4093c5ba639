/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_napi_opts.c: unit tests for napi's options (those of cli/bpf_opts.c): letters and errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#ifdef HAVE_BPF
#include "cli/cmd.h"
#include "cmd/napi/opts.h"
#include "cmd/opts_test.h"

static char err_buf[512];

/* napi_opts_parse of "napi ARGS..." (NULL-ended), stderr kept in err_buf. */
static int parse(struct cmd_bpf_opts *o, ...)
{
	char *argv[OPTS_TEST_MAX_ARGS + 1];
	struct opts_capture err;
	va_list ap;
	int argc, rc;

	va_start(ap, o);
	argc = opts_test_argv(argv, "napi", ap);
	va_end(ap);
	opts_test_reset("napi");
	opts_capture_begin(&err, stderr);
	rc = napi_opts_parse(o, argc, argv);
	opts_capture_end(&err, err_buf, sizeof(err_buf));
	return rc;
}

/* Every global letter after the name: napi gives none its own meaning. */
static void test_global_letters(void **state)
{
	struct cmd_bpf_opts o;

	assert_int_equal(parse(&o, "-c", "2", "-j", "-p", "-N", "blue", "-n", "-v", "-e", NULL), 0);
	assert_true(cmd_globals.json);
	assert_true(cmd_globals.pretty);
	assert_string_equal(cmd_globals.netns, "blue");
	assert_true(cmd_globals.numeric);
	assert_int_equal(cmd_globals.verbose, 1);
	assert_int_equal(o.iv.count, 2);
	assert_true(o.groups != 0);
	assert_string_equal(err_buf, "");
}

/* Each error: the usage status and one line naming the option. */
static void test_errors(void **state)
{
	struct cmd_bpf_opts o;

	assert_int_equal(parse(&o, "-i", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: napi: -i: needs a value\n");
	assert_int_equal(parse(&o, "-ec", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: napi: -c: needs a value\n");
	assert_int_equal(parse(&o, "--iface", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: napi: --iface: needs a value\n");
	assert_int_equal(parse(&o, "-z", NULL), EXIT_USAGE);
	assert_string_equal(err_buf,
			    "sockeye: napi: -z: unknown option (see sockeye napi --help)\n");
	/* napi takes no operands, before or after its options. */
	assert_int_equal(parse(&o, "extra", "-c", "1", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: napi: extra: unexpected argument\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_global_letters),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
#else
int main(void)
{
	puts("SKIP: a build without BPF has no napi options to parse");
	return 77;
}
#endif
