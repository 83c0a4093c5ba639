/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_drops_opts.c: unit tests for drops' options: filter words, reasons, letters, errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#ifdef HAVE_BPF
#include "bpf/drop_reasons.h"
#include "cli/cmd.h"
#include "cmd/drops/opts.h"
#include "cmd/opts_test.h"

static char err_buf[512];
static char out_buf[8192];

/* drops_opts_parse of "drops ARGS..." (NULL-ended) into c; stdout and stderr kept. */
static int parse(struct drops_cmd *c, ...)
{
	char *argv[OPTS_TEST_MAX_ARGS + 1];
	struct opts_capture out, err;
	va_list ap;
	int argc, rc;

	va_start(ap, c);
	argc = opts_test_argv(argv, "drops", ap);
	va_end(ap);
	opts_test_reset("drops");
	opts_capture_begin(&out, stdout);
	opts_capture_begin(&err, stderr);
	rc = drops_opts_parse(c, argc, argv);
	opts_capture_end(&out, out_buf, sizeof(out_buf));
	opts_capture_end(&err, err_buf, sizeof(err_buf));
	return rc;
}

/* The filter as tcpdump reads it: one quoted word or many, options before, among or after. */
static void test_filter_words(void **state)
{
	struct drops_cmd c;

	assert_int_equal(parse(&c, "--proto", "udp", "dst port 6888", NULL), 0);
	assert_int_equal(c.o.cfg.nports, 1);
	assert_int_equal(c.o.cfg.ports[0].port, 6888);
	assert_int_equal(c.o.cfg.ports[0].dir, DROPS_DIR_DST);
	assert_int_equal(c.o.cfg.ip_proto, 17);
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "src host 10.0.0.1 and", "port", "9", NULL), 0);
	assert_int_equal(c.o.cfg.nhosts, 1);
	assert_int_equal(c.o.cfg.hosts[0].dir, DROPS_DIR_SRC);
	assert_int_equal(c.o.cfg.nports, 1);
	assert_int_equal(c.o.cfg.ports[0].port, 9);
	drops_opts_free(&c);
	/* Options after the filter, as in tcpdump. */
	assert_int_equal(parse(&c, "dst", "port", "53", "-c", "2", "--events", NULL), 0);
	assert_int_equal(c.o.cfg.nports, 1);
	assert_int_equal(c.opts.iv.count, 2);
	assert_true(c.o.cfg.events);
	drops_opts_free(&c);
	/* Spaces alone are no filter. */
	assert_int_equal(parse(&c, " ", NULL), 0);
	assert_int_equal(c.o.cfg.nports + c.o.cfg.nhosts, 0);
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "port 9 or port 10", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: drops: or: terms join with \"and\" (no or, not, "
				     "parentheses)\n");
	drops_opts_free(&c);
}

/* Every global letter after the name: drops gives none its own meaning. */
static void test_global_letters(void **state)
{
	struct drops_cmd c;

	assert_int_equal(parse(&c, "-j", "-p", "-N", "blue", "-n", "-v", "port", "9", NULL), 0);
	assert_true(cmd_globals.json);
	assert_true(cmd_globals.pretty);
	assert_string_equal(cmd_globals.netns, "blue");
	assert_true(cmd_globals.numeric);
	assert_int_equal(cmd_globals.verbose, 1);
	drops_opts_free(&c);
}

static void test_errors(void **state)
{
	struct drops_cmd c;

	assert_int_equal(parse(&c, "-c", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: drops: -c: needs a value\n");
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "--reason", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: drops: --reason: needs a value\n");
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "--bogus", NULL), EXIT_USAGE);
	assert_string_equal(err_buf,
			    "sockeye: drops: --bogus: unknown option (see sockeye drops --help)\n");
	drops_opts_free(&c);
}

/* -w: each drop as an event with its bytes (-s), shown only with --events; what it excludes. */
static void test_write(void **state)
{
	struct drops_cmd c;

	assert_int_equal(parse(&c, "-w", "d.pcapng", "udp", NULL), 0);
	assert_string_equal(c.write_path, "d.pcapng");
	assert_int_equal(c.o.cfg.events, 1);
	assert_int_equal(c.o.cfg.snaplen, DROPS_SNAP_MAX);
	assert_false(c.show_events);
	assert_true(drops_opts_attrib(&c));
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "--events", "-s", "64", "--write=d.pcapng", NULL), 0);
	assert_int_equal(c.o.cfg.snaplen, 64);
	assert_true(c.show_events);
	drops_opts_free(&c);
	/* --pid needs per-drop events: -w has them. */
	assert_int_equal(parse(&c, "-w", "d.pcapng", "--pid", "1", NULL), 0);
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "-s", "64", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: drops: -s goes with -w\n");
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "-w", "d.pcapng", "-s", "257", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: drops: -s 257: not from 1 to 256\n");
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "-w", "d.pcapng", "--by", "process", NULL), EXIT_USAGE);
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "-w", "-", "--events", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: drops: -w - writes the file to standard output: "
			    "not with --events\n");
	drops_opts_free(&c);
}

/*
 * --reason with the kernel's prefix in any case, and --list-reasons: both
 * need the running kernel's reason names (skipped without its BTF).
 */
static void test_reasons(void **state)
{
	struct drop_reasons r = { 0 };
	struct drops_cmd c;
	uint32_t v;

	if (drop_reasons_btf_load_vmlinux(&r) || drop_reasons_value(&r, "NO_SOCKET", &v)) {
		drop_reasons_free(&r);
		skip();
	}
	assert_int_equal(parse(&c, "--reason", "skb_drop_reason_no_socket", NULL), 0);
	assert_true(c.o.cfg.reason_mask[v / 64] & (1ull << (v % 64)));
	drops_opts_free(&c);
	assert_int_equal(parse(&c, "--exclude-reason", "Skb_Drop_Reason_NO_SOCKET", NULL), 0);
	drops_opts_free(&c);
	/* One name a line, as the completions read them, and exit status 0. */
	assert_int_equal(parse(&c, "--list-reasons", NULL), -1);
	assert_non_null(strstr(out_buf, "\nNO_SOCKET\n"));
	assert_string_equal(err_buf, "");
	drops_opts_free(&c);
	drop_reasons_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filter_words),
		cmocka_unit_test(test_global_letters),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_reasons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
#else
int main(void)
{
	puts("SKIP: a build without BPF has no drops options to parse");
	return 77;
}
#endif
