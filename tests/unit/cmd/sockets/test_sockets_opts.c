/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sockets_opts.c: unit tests for sockets' options: tables, filter words, groups, errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cmd.h"
#include "cmd/opts_test.h"
#include "cmd/sockets/opts.h"
#include "cmd/sockets/view_sockets.h"

#define T(x) (1u << SOCKTAB_##x)

static char err_buf[512];

/* sockets_opts_parse of "sockets ARGS..." (NULL-ended), stderr kept in err_buf. */
static int parse(struct sockets_opts *o, ...)
{
	char *argv[OPTS_TEST_MAX_ARGS + 1];
	struct opts_capture err;
	va_list ap;
	int argc, rc;

	va_start(ap, o);
	argc = opts_test_argv(argv, "sockets", ap);
	va_end(ap);
	opts_test_reset("sockets");
	opts_capture_begin(&err, stderr);
	rc = sockets_opts_parse(o, argc, argv);
	opts_capture_end(&err, err_buf, sizeof(err_buf));
	return rc;
}

/* The scan and column groups o selects, from a fresh scan. */
static unsigned selected(struct sockets_opts *o, struct sockscan *s)
{
	unsigned groups = 0;

	sockscan_init(s);
	sockets_opts_select(o, s, &groups);
	return groups;
}

/* -t and -u name two tables, both required; -m and -i add their groups. */
static void test_tables_groups(void **state)
{
	struct sockets_opts o;
	struct sockscan s;
	unsigned g;

	assert_int_equal(parse(&o, "-tu", "-m", "-i", NULL), 0);
	assert_int_equal(o.tables, T(TCP) | T(UDP));
	g = selected(&o, &s);
	assert_int_equal(s.tables, T(TCP) | T(UDP));
	assert_int_equal(s.required, T(TCP) | T(UDP));
	assert_int_equal(g, SOCK_GRP_NETID | SOCK_GRP_MEM | SOCK_GRP_INFO);
	assert_true(s.want & SOCKDIAG_WANT_MEM);
	assert_true(s.want & SOCKDIAG_WANT_INFO);
	/* ss's default: connected sockets only. */
	assert_false(s.states & 1u << SOCK_ST_LISTEN);
	assert_true(s.states & 1u << SOCK_ST_ESTABLISHED);
	assert_false(s.states & 1u << SOCK_ST_CLOSE);
	sockscan_fini(&s);
	sockets_opts_free(&o);
}

/* Packet sockets have no state: named, their UNCONN joins the default selection (ss -0). */
static void test_packet_default(void **state)
{
	struct sockets_opts o;
	struct sockscan s;

	assert_int_equal(parse(&o, "-0", NULL), 0);
	selected(&o, &s);
	assert_true(s.states & 1u << SOCK_ST_CLOSE);
	assert_true(s.states & 1u << SOCK_ST_ESTABLISHED);
	assert_false(s.states & 1u << SOCK_ST_LISTEN);
	sockscan_fini(&s);
	sockets_opts_free(&o);
	/* Not named (the default tables): connected sockets only, as ss. */
	assert_int_equal(parse(&o, NULL), 0);
	selected(&o, &s);
	assert_false(s.states & 1u << SOCK_ST_CLOSE);
	sockscan_fini(&s);
	sockets_opts_free(&o);
	/* A state word still decides alone. */
	assert_int_equal(parse(&o, "-0", "state", "established", NULL), 0);
	selected(&o, &s);
	assert_int_equal(s.states, 1u << SOCK_ST_ESTABLISHED);
	sockscan_fini(&s);
	sockets_opts_free(&o);
}

/* -A takes ss's names, comma-separated; one table: no Netid column. */
static void test_query(void **state)
{
	struct sockets_opts o;
	struct sockscan s;

	assert_int_equal(parse(&o, "-A", "unix_stream,packet", "-l", NULL), 0);
	assert_int_equal(o.tables, T(UNIX_STREAM) | T(PACKET_RAW) | T(PACKET_DGRAM));
	assert_true(o.listening);
	assert_int_equal(parse(&o, "-A", "udp", NULL), 0);
	assert_int_equal(selected(&o, &s) & SOCK_GRP_NETID, 0);
	assert_int_equal(s.tables, T(UDP));
	sockscan_fini(&s);
	assert_int_equal(parse(&o, "-A", "tcp,nope", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: sockets: -A nope: unknown socket table "
				     "(see sockeye sockets --help)\n");
	sockets_opts_free(&o);
}

/* Filter words after the options: a state word overrides -l and -a; an expression is kept. */
static void test_filter(void **state)
{
	struct sockets_opts o;
	struct sockscan s;

	assert_int_equal(parse(&o, "-a", "state", "listening", "dport", "=", "22", NULL), 0);
	assert_true(o.filter.has_states);
	assert_non_null(o.filter.expr);
	selected(&o, &s);
	assert_int_equal(s.states, o.filter.states);
	assert_ptr_equal(s.filter, &o.filter);
	sockscan_fini(&s);
	sockets_opts_free(&o);
	assert_null(o.filter.expr);
	assert_int_equal(parse(&o, "dport", "=", NULL), EXIT_USAGE);
	assert_true(strncmp(err_buf, "sockeye: sockets: ", 18) == 0);
	sockets_opts_free(&o);
}

/* Combinations that cannot work: the usage status and why. */
static void test_errors(void **state)
{
	static const struct {
		const char *args[4];
		const char *msg;
	} cases[] = {
		{ { "--replay", "f", "--dump-raw", "g" }, "--dump-raw and --replay exclude each other" },
		{ { "--replay", "f", "-p" }, "-p: a recording holds no processes (drop -p or --replay)" },
		{ { "--watch", "--dump-raw", "g" }, "--dump-raw records one snapshot (drop --watch)" },
		{ { "--count", "3" }, "--count goes with --watch" },
		{ { "--count", "0", "--watch" }, "--count 0: not a count from 1 to 4294967295" },
		{ { "--watch=0.001" }, "--watch=0.001: not an interval from 0.01 to 86400 seconds" },
		{ { "--all-netns", "-N", "x" }, "--all-netns and --netns exclude each other" },
		{ { "--bogus" }, "--bogus: unknown option (see sockeye sockets --help)" },
		{ { "-A" }, "-A: needs a value" },
		{ { "-t", "-N" }, "-N: needs a value" },
		{ { "--query" }, "--query: needs a value" },
	};
	struct sockets_opts o;
	char want[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *const *a = cases[i].args;

		assert_int_equal(parse(&o, a[0], a[1], a[2], a[3], NULL), EXIT_USAGE);
		snprintf(want, sizeof(want), "sockeye: sockets: %s\n", cases[i].msg);
		assert_string_equal(err_buf, want);
		sockets_opts_free(&o);
	}
}

/*
 * -j -v -N -n after the name are the global ones, before or after the filter
 * words; -p stays sockets' processes.
 */
static void test_global_letters(void **state)
{
	struct sockets_opts o;

	assert_int_equal(parse(&o, "-t", "-j", "dport", "=", "22", "-v", "-N", "blue", "-n", "-p",
			       NULL), 0);
	assert_true(cmd_globals.json);
	assert_false(cmd_globals.pretty);
	assert_int_equal(cmd_globals.verbose, 1);
	assert_string_equal(cmd_globals.netns, "blue");
	assert_true(cmd_globals.numeric);
	assert_true(o.procs);
	assert_non_null(o.filter.expr);
	assert_string_equal(err_buf, "");
	sockets_opts_free(&o);
}

/* --watch alone: a second between snapshots, and no end. */
static void test_watch(void **state)
{
	struct sockets_opts o;

	assert_int_equal(parse(&o, "--watch", "--count", "2", NULL), 0);
	assert_true(o.watch);
	assert_int_equal(o.watch_ns, 1000000000ull);
	assert_int_equal(o.count, 2);
	assert_int_equal(parse(&o, "--watch=0.5", NULL), 0);
	assert_int_equal(o.watch_ns, 500000000ull);
	assert_int_equal(o.count, 0);
	sockets_opts_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_groups),
		cmocka_unit_test(test_packet_default),
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_watch),
		cmocka_unit_test(test_global_letters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
