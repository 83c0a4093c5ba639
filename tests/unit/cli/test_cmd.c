/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_cmd.c: unit tests for command lookup by name or prefix and the shared options. */
#include "config.h"

#include <getopt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/cmd.h"
#include "util/log.h"

static int dummy_fn(int argc, char **argv)
{
	return 0;
}

/*
 * A local table: "sniff" and "sockets" share "s" and "so", "top" stands alone.
 * "sockets" has the alias "ss"; "soc" is an ambiguous prefix (sockets, sock)
 * and the alias of "drops" (the alias wins: it is exact).
 */
static const struct cmd table[] = {
	{ "sniff", dummy_fn, "capture", "sniff", NULL },
	{ "sockets", dummy_fn, "list sockets", "sockets", "ss" },
	{ "sock", dummy_fn, "a name that is a prefix of another", "sock", NULL },
	{ "top", dummy_fn, "live view", "top", NULL },
	{ "drops", dummy_fn, "drops", "drops", "soc" },
};
static const unsigned ntable = sizeof(table) / sizeof(table[0]);

static void test_find_exact(void **state)
{
	bool ambiguous = true;

	assert_ptr_equal(cmd_find(table, ntable, "sniff", &ambiguous), &table[0]);
	assert_false(ambiguous);
	assert_ptr_equal(cmd_find(table, ntable, "top", &ambiguous), &table[3]);
	assert_false(ambiguous);
}

static void test_find_exact_beats_longer(void **state)
{
	bool ambiguous = true;

	/* "sock" is both a full name and a prefix of "sockets": the exact name wins. */
	assert_ptr_equal(cmd_find(table, ntable, "sock", &ambiguous), &table[2]);
	assert_false(ambiguous);
}

static void test_find_unique_prefix(void **state)
{
	bool ambiguous = true;

	assert_ptr_equal(cmd_find(table, ntable, "t", &ambiguous), &table[3]);
	assert_false(ambiguous);
	ambiguous = true;
	assert_ptr_equal(cmd_find(table, ntable, "sn", &ambiguous), &table[0]);
	assert_false(ambiguous);
	ambiguous = true;
	assert_ptr_equal(cmd_find(table, ntable, "socke", &ambiguous), &table[1]);
	assert_false(ambiguous);
}

static void test_find_ambiguous(void **state)
{
	bool ambiguous = false;

	assert_null(cmd_find(table, ntable, "s", &ambiguous));
	assert_true(ambiguous);
	ambiguous = false;
	assert_null(cmd_find(table, ntable, "so", &ambiguous));
	assert_true(ambiguous);
}

static void test_find_empty(void **state)
{
	bool ambiguous = true;

	assert_null(cmd_find(table, ntable, "", &ambiguous));
	assert_false(ambiguous);
}

static void test_find_alias(void **state)
{
	bool ambiguous = true;

	assert_ptr_equal(cmd_find(table, ntable, "ss", &ambiguous), &table[1]);
	assert_false(ambiguous);
	/* An exact alias beats a prefix match, even an ambiguous one. */
	ambiguous = true;
	assert_ptr_equal(cmd_find(table, ntable, "soc", &ambiguous), &table[4]);
	assert_false(ambiguous);
	/* Aliases are exact: no prefix of one selects anything by itself. */
	assert_null(cmd_find(table, ntable, "s", &ambiguous));
	assert_true(ambiguous);
	/* The names still win over nothing: "sniff" is "sniff". */
	assert_ptr_equal(cmd_find(table, ntable, "sniff", &ambiguous), &table[0]);
	assert_false(ambiguous);
}

static void test_find_unknown(void **state)
{
	bool ambiguous = true;

	assert_null(cmd_find(table, ntable, "nosuch", &ambiguous));
	assert_false(ambiguous);
	ambiguous = true;
	/* Longer than every name, with a name as its prefix: still unknown. */
	assert_null(cmd_find(table, ntable, "topx", &ambiguous));
	assert_false(ambiguous);
	ambiguous = true;
	assert_null(cmd_find(table, ntable, "Top", &ambiguous));
	assert_false(ambiguous);
	ambiguous = true;
	assert_null(cmd_find(table, 0, "top", &ambiguous));
	assert_false(ambiguous);
}

static int reset_globals(void **state)
{
	memset(&cmd_globals, 0, sizeof(cmd_globals));
	log_set_verbosity(0);
	log_set_command(NULL);
	return 0;
}

static void test_common_json_pretty(void **state)
{
	assert_true(cmd_common_option(CMD_OPT_JSON, NULL));
	assert_true(cmd_globals.json);
	assert_false(cmd_globals.pretty);
	reset_globals(state);
	/* --pretty implies --json. */
	assert_true(cmd_common_option(CMD_OPT_PRETTY, NULL));
	assert_true(cmd_globals.json);
	assert_true(cmd_globals.pretty);
}

static void test_common_numeric_netns(void **state)
{
	assert_true(cmd_common_option(CMD_OPT_NUMERIC, NULL));
	assert_true(cmd_globals.numeric);
	assert_true(cmd_common_option(CMD_OPT_NETNS, "blue"));
	assert_string_equal(cmd_globals.netns, "blue");
	assert_false(cmd_globals.json);
}

static void test_common_verbose(void **state)
{
	assert_true(cmd_common_option(CMD_OPT_VERBOSE, NULL));
	assert_int_equal(cmd_globals.verbose, 1);
	assert_int_equal(log_verbosity(), 1);
	assert_true(cmd_common_option(CMD_OPT_VERBOSE, NULL));
	assert_int_equal(cmd_globals.verbose, 2);
	assert_int_equal(log_verbosity(), 2);
}

static void test_common_not_ours(void **state)
{
	static const struct cmd_globals zero;

	assert_false(cmd_common_option('b', NULL));
	assert_false(cmd_common_option('?', NULL));
	assert_false(cmd_common_option(0, NULL));
	assert_false(cmd_common_option(CMD_OPT_FIRST_PRIVATE, "x"));
	assert_memory_equal(&cmd_globals, &zero, sizeof(zero));
}

/* The global letters, after a command's name too: -j -p -N -n -v as their long forms. */
static void test_common_letters(void **state)
{
	assert_true(cmd_common_option('j', NULL));
	assert_true(cmd_globals.json);
	assert_false(cmd_globals.pretty);
	assert_true(cmd_common_option('p', NULL));
	assert_true(cmd_globals.pretty);
	assert_true(cmd_common_option('n', NULL));
	assert_true(cmd_globals.numeric);
	assert_true(cmd_common_option('N', "blue"));
	assert_string_equal(cmd_globals.netns, "blue");
	assert_true(cmd_common_option('v', NULL));
	assert_int_equal(cmd_globals.verbose, 1);
	/* -V and -h stay the program's and each command's own. */
	assert_false(cmd_common_option('V', NULL));
	assert_false(cmd_common_option('h', NULL));
}

/*
 * A command's getopt string: ':' first (missing values come back as ':'),
 * its letters, then the global letters it leaves free; never '+', so
 * options may follow the filter's words.
 */
static void test_shortopts(void **state)
{
	char buf[CMD_SHORTOPTS_LEN];

	assert_string_equal(cmd_shortopts(buf, sizeof(buf), "i:c:eh"), ":i:c:ehjpN:nv");
	assert_string_equal(cmd_shortopts(buf, sizeof(buf), "bn:d:h"), ":bn:d:hjpN:v");
	assert_string_equal(cmd_shortopts(buf, sizeof(buf),
					  "i:ps:c:Q:F:dB:Z:w:r:C:G:W:teqvSxXAnlh"),
			    ":i:ps:c:Q:F:dB:Z:w:r:C:G:W:teqvSxXAnlhjN:");
	assert_string_equal(cmd_shortopts(buf, sizeof(buf), "tuwx046laA:peomisbHh"),
			    ":tuwx046laA:peomisbHhjN:nv");
	assert_string_equal(cmd_shortopts(buf, sizeof(buf), ""), ":jpN:nv");
}

/* Runs cmd_option_error after getopt_long over "top ARGS..." stopped on what it could not take. */
static int option_error(char *buf, size_t len, ...)
{
	static const struct option longopts[] = {
		{ "delay", required_argument, NULL, 'd' },
		{ "batch", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	char *argv[8] = { "top" }, shortopts[CMD_SHORTOPTS_LEN];
	FILE *tmp = tmpfile();
	int argc = 1, c, rc = 0, saved = dup(STDERR_FILENO);
	va_list ap;
	size_t n;

	va_start(ap, len);
	for (char *a; (a = va_arg(ap, char *)) && argc < 7;)
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;
	cmd_shortopts(shortopts, sizeof(shortopts), "bd:h");
	assert_non_null(tmp);
	fflush(stderr);
	assert_true(dup2(fileno(tmp), STDERR_FILENO) >= 0);
	log_set_command("top");
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1)
		if (c == ':' || c == '?') {
			rc = cmd_option_error("top", shortopts, c, argv);
			break;
		}
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(buf, 1, len - 1, tmp);
	buf[n] = '\0';
	fclose(tmp);
	return rc;
}

/* Each: the usage status and the option as typed, a letter inside a group by itself. */
static void test_option_error(void **state)
{
	char buf[256];

	assert_int_equal(option_error(buf, sizeof(buf), "-d", NULL), EXIT_USAGE);
	assert_string_equal(buf, "sockeye: top: -d: needs a value\n");
	assert_int_equal(option_error(buf, sizeof(buf), "-bd", NULL), EXIT_USAGE);
	assert_string_equal(buf, "sockeye: top: -d: needs a value\n");
	assert_int_equal(option_error(buf, sizeof(buf), "--delay", NULL), EXIT_USAGE);
	assert_string_equal(buf, "sockeye: top: --delay: needs a value\n");
	assert_int_equal(option_error(buf, sizeof(buf), "-z", NULL), EXIT_USAGE);
	assert_string_equal(buf, "sockeye: top: -z: unknown option (see sockeye top --help)\n");
	/* The group's word is behind optind while the letter is not its last. */
	assert_int_equal(option_error(buf, sizeof(buf), "--batch", "-zb", NULL), EXIT_USAGE);
	assert_string_equal(buf, "sockeye: top: -z: unknown option (see sockeye top --help)\n");
	assert_int_equal(option_error(buf, sizeof(buf), "--bogus", NULL), EXIT_USAGE);
	assert_string_equal(buf,
			    "sockeye: top: --bogus: unknown option (see sockeye top --help)\n");
	assert_int_equal(option_error(buf, sizeof(buf), "--batch=1", NULL), EXIT_USAGE);
	assert_string_equal(buf,
			    "sockeye: top: --batch=1: unknown option (see sockeye top --help)\n");
}

/* cmd_usage_error: one stderr line naming the command, and the usage exit status. */
static void test_usage_error(void **state)
{
	char buf[256] = "";
	FILE *tmp = tmpfile();
	int saved = dup(STDERR_FILENO);
	size_t n;
	int rc;

	assert_non_null(tmp);
	assert_true(saved >= 0);
	fflush(stderr);
	assert_true(dup2(fileno(tmp), STDERR_FILENO) >= 0);
	log_set_command("top");
	rc = cmd_usage_error("%s: bad delay", "abc");
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(buf, 1, sizeof(buf) - 1, tmp);
	buf[n] = '\0';
	fclose(tmp);
	assert_int_equal(rc, EXIT_USAGE);
	assert_int_equal(EXIT_USAGE, 2);
	assert_string_equal(buf, "sockeye: top: abc: bad delay\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_exact),
		cmocka_unit_test(test_find_exact_beats_longer),
		cmocka_unit_test(test_find_unique_prefix),
		cmocka_unit_test(test_find_ambiguous),
		cmocka_unit_test(test_find_empty),
		cmocka_unit_test(test_find_alias),
		cmocka_unit_test(test_find_unknown),
		cmocka_unit_test_setup(test_common_json_pretty, reset_globals),
		cmocka_unit_test_setup(test_common_numeric_netns, reset_globals),
		cmocka_unit_test_setup(test_common_verbose, reset_globals),
		cmocka_unit_test_setup(test_common_not_ours, reset_globals),
		cmocka_unit_test_setup(test_usage_error, reset_globals),
		cmocka_unit_test_setup(test_common_letters, reset_globals),
		cmocka_unit_test(test_shortopts),
		cmocka_unit_test_setup(test_option_error, reset_globals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
