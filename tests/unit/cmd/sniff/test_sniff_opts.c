/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sniff_opts.c: unit tests for sniff's option parser: values, combinations and errors. */
#include "config.h"

#include <linux/if_packet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/cmd.h"
#include "cmd/opts_test.h"
#include "cmd/sniff/opts.h"

/* Parses "sniff" and the NULL-terminated arguments after it, as main hands them over. */
static int parse(struct sniff_opts *o, ...)
{
	char *argv[OPTS_TEST_MAX_ARGS + 1];
	va_list ap;
	int argc;

	va_start(ap, o);
	argc = opts_test_argv(argv, "sniff", ap);
	va_end(ap);
	opts_test_reset("sniff");
	return sniff_opts_parse(o, argc, argv);
}

static void test_defaults(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, NULL), 0);
	assert_int_equal(o.snaplen, SAVEFILE_MAX_SNAPLEN);
	assert_int_equal(o.fanout_mode, PACKET_FANOUT_HASH);
	assert_int_equal(o.n_ifnames, 0);
	assert_null(o.wfile);
	assert_null(o.rfile);
	assert_int_equal(o.count, 0);
	assert_string_equal(o.expr, "");
	sniff_opts_free(&o);
}

/* -c, repeated -i, and the trailing words joined into one expression, as tcpdump. */
static void test_count_ifaces_expr(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-c", "5", "-i", "veth0", "--interface", "lo", "tcp", "port",
			       "80", NULL), 0);
	assert_int_equal(o.count, 5);
	assert_int_equal(o.n_ifnames, 2);
	assert_string_equal(o.ifnames[0], "veth0");
	assert_string_equal(o.ifnames[1], "lo");
	assert_string_equal(o.expr, "tcp port 80");
	sniff_opts_free(&o);
}

/* A parse starts from the defaults: nothing of an earlier one leaks into it. */
static void test_reparse_resets(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-c", "7", "-i", "lo", "-s", "100", NULL), 0);
	assert_int_equal(o.snaplen, 100);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-s", "0", NULL), 0);
	assert_int_equal(o.count, 0);
	assert_int_equal(o.n_ifnames, 0);
	assert_int_equal(o.snaplen, SAVEFILE_MAX_SNAPLEN);
	sniff_opts_free(&o);
}

static void test_write_read(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-w", "cap.pcap", "-C", "10", "-W", "3", NULL), 0);
	assert_string_equal(o.wfile, "cap.pcap");
	assert_int_equal(o.wo.rotate_bytes, 10000000);
	assert_int_equal(o.wo.max_files, 3);
	assert_int_equal(o.wo.format, SAVEFILE_PCAP);
	sniff_opts_free(&o);

	assert_int_equal(parse(&o, "-r", "in.pcapng", "-w", "out.pcap", "--nano", NULL), 0);
	assert_string_equal(o.rfile, "in.pcapng");
	assert_int_equal(o.wo.format, SAVEFILE_PCAP_NANO);
	sniff_opts_free(&o);

	/* pcapng carries nanoseconds itself: --nano keeps it. */
	assert_int_equal(parse(&o, "-w", "out", "--pcapng", "--nano", NULL), 0);
	assert_int_equal(o.wo.format, SAVEFILE_PCAPNG);
	sniff_opts_free(&o);
}

static void test_combination_errors(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-r", "f.pcap", "-i", "lo", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-C", "1", NULL), EXIT_USAGE);		/* no -w */
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-w", "f", "-W", "2", NULL), EXIT_USAGE);	/* no -C/-G */
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-w", "-", "-G", "60", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-w", "-", "--print", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--fanout-files", "-w", "f", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--fanout", "2", "--fanout-files", "-w", "-", NULL),
			 EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--fanout", "2", "--fanout-files", "-r", "f", "-w", "x",
			       NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--fanout", "2", "--fanout-files", "-w", "cap.pcap", NULL), 0);
	assert_true(o.fanout_files);
	assert_int_equal(o.fanout, 2);
	sniff_opts_free(&o);
}

static void test_value_errors(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-c", "0", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-c", "12x", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-c", NULL), EXIT_USAGE);			/* needs a value */
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-s", "262145", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-Q", "sideways", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-B", "63", NULL), EXIT_USAGE);		/* 63 KiB */
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--fanout", "65", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--fanout-mode", "fastest", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-z", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--no-such-option", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
}

static void test_values(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-Q", "in", "-B", "64", "--fanout", "4", "--fanout-mode", "cpu",
			       "--immediate", "-p", "-xx", "-tttt", "-e", NULL), 0);
	assert_int_equal(o.dir, RING_RX_IN);
	assert_int_equal(o.ring_bytes, 64 * 1024);
	assert_int_equal(o.fanout, 4);
	assert_int_equal(o.fanout_mode, PACKET_FANOUT_CPU);
	assert_int_equal(o.latency_ms, 1);
	assert_true(o.no_promisc);
	assert_int_equal(o.show.dump, HEXDUMP_HEX);
	assert_true(o.show.dump_link);
	assert_true(o.show.link);
	assert_int_equal(o.t_count, 4);
	assert_int_equal(sniff_opts_time_style(o.t_count), TIMEFMT_DATE);
	assert_int_equal(sniff_opts_time_style(0), TIMEFMT_LOCAL);
	assert_int_equal(sniff_opts_time_style(9), TIMEFMT_DELTA_FIRST);
	sniff_opts_free(&o);
}

/* -x, -X and -A as tcpdump weighs them: -X over -x over -A in any order; twice, the link too. */
static void test_dump_precedence(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-AA", NULL), 0);
	assert_int_equal(o.show.dump, HEXDUMP_ASCII);
	assert_true(o.show.dump_link);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-x", "-A", NULL), 0);
	assert_int_equal(o.show.dump, HEXDUMP_HEX);
	assert_false(o.show.dump_link);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-xX", "-AA", NULL), 0);
	assert_int_equal(o.show.dump, HEXDUMP_HEX_ASCII);
	assert_false(o.show.dump_link);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-A", "-XX", NULL), 0);
	assert_int_equal(o.show.dump, HEXDUMP_HEX_ASCII);
	assert_true(o.show.dump_link);
	sniff_opts_free(&o);
}

/* -F: the expression from a file, '#' comments dropped; not with one on the command line. */
static void test_filter_file(void **state)
{
	char path[] = "/tmp/test_sniff_opts.XXXXXX";
	struct sniff_opts o;
	int fd = mkstemp(path);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("udp # the protocol\nand port 53\n", f);
	fclose(f);
	assert_int_equal(parse(&o, "-F", path, NULL), 0);
	/* The comment takes its line's newline with it. */
	assert_string_equal(o.expr, "udp and port 53\n");
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-F", path, "tcp", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	unlink(path);
	assert_int_equal(parse(&o, "-F", path, NULL), EXIT_RUNTIME);	/* gone */
	sniff_opts_free(&o);
}

/* Options anywhere before "--", as in tcpdump: the filter's words around them. */
static void test_options_after_filter(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-r", "f.pcap", "icmp", "-c", "1", NULL), 0);
	assert_string_equal(o.rfile, "f.pcap");
	assert_int_equal(o.count, 1);
	assert_string_equal(o.expr, "icmp");
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "tcp", "-i", "lo", "port", "80", "-e", NULL), 0);
	assert_string_equal(o.expr, "tcp port 80");
	assert_int_equal(o.n_ifnames, 1);
	assert_true(o.show.link);
	sniff_opts_free(&o);
	/* "--" ends the options: what follows is the filter's, dashes and all. */
	assert_int_equal(parse(&o, "-r", "f.pcap", "--", "icmp", "-c", "1", NULL), 0);
	assert_int_equal(o.count, 0);
	assert_string_equal(o.expr, "icmp -c 1");
	sniff_opts_free(&o);
	/* -F and a filter still exclude each other with the filter first. */
	assert_int_equal(parse(&o, "tcp", "-F", "/nonexistent", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
}

/* -j and -N after the name are the global ones; -p, -n and -v stay tcpdump's. */
static void test_global_letters(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-r", "f.pcap", "-j", "-N", "blue", "-p", "-n", "-v", NULL), 0);
	assert_true(cmd_globals.json);
	assert_string_equal(cmd_globals.netns, "blue");
	assert_false(cmd_globals.pretty);
	assert_false(cmd_globals.numeric);
	assert_int_equal(cmd_globals.verbose, 0);
	assert_true(o.no_promisc);
	assert_true(o.show.verbose);
	sniff_opts_free(&o);
}

/* A missing value, short or long: one line naming the option, not "unknown option". */
static void test_missing_value(void **state)
{
	struct opts_capture err;
	struct sniff_opts o;
	char buf[256];
	int rc;

	(void)state;
	opts_capture_begin(&err, stderr);
	rc = parse(&o, "-r", "f.pcap", "-c", NULL);
	opts_capture_end(&err, buf, sizeof(buf));
	assert_int_equal(rc, EXIT_USAGE);
	assert_string_equal(buf, "sockeye: sniff: -c: needs a value\n");
	sniff_opts_free(&o);
	opts_capture_begin(&err, stderr);
	rc = parse(&o, "-N", NULL);
	opts_capture_end(&err, buf, sizeof(buf));
	assert_int_equal(rc, EXIT_USAGE);
	assert_string_equal(buf, "sockeye: sniff: -N: needs a value\n");
	sniff_opts_free(&o);
	opts_capture_begin(&err, stderr);
	rc = parse(&o, "--read", NULL);
	opts_capture_end(&err, buf, sizeof(buf));
	assert_int_equal(rc, EXIT_USAGE);
	assert_string_equal(buf, "sockeye: sniff: --read: needs a value\n");
	sniff_opts_free(&o);
}

/* --help prints the usage and says so with -1, which the entry turns into exit status 0. */
/* -T as tcpdump's (case-insensitive names), -# and --decode-more; a type sockeye cannot decode is refused. */
static void test_packettype_number(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, NULL), 0);
	assert_int_equal(o.show.packettype, 0);
	assert_false(o.show.number);
	assert_false(o.show.decode_more);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-T", "tftp", "-#", "--decode-more", NULL), 0);
	assert_int_not_equal(o.show.packettype, 0);
	assert_true(o.show.number);
	assert_true(o.show.decode_more);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "--type", "DOMAIN", "--number", NULL), 0);
	assert_int_not_equal(o.show.packettype, 0);
	assert_true(o.show.number);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-T", "nosuchtype", NULL), EXIT_USAGE);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-T", "cnfp", NULL), EXIT_USAGE);	/* tcpdump's, not decoded */
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-T", "radius", NULL), 0); /* issue 13: decoded */
	assert_int_not_equal(o.show.packettype, 0);
	sniff_opts_free(&o);
	/* issue 13: PGM, EPGM and ZMTP/1.0 decoded */
	assert_int_equal(parse(&o, "-T", "zmtp1", NULL), 0);
	assert_int_not_equal(o.show.packettype, 0);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-T", "pgm", NULL), 0);
	assert_int_not_equal(o.show.packettype, 0);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-T", "PGM_ZMTP1", NULL), 0);
	assert_int_not_equal(o.show.packettype, 0);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-T", NULL), EXIT_USAGE);		/* needs a value */
	sniff_opts_free(&o);
}

static void test_help(void **state)
{
	struct sniff_opts o;

	(void)state;
	assert_int_equal(parse(&o, "--help", NULL), -1);
	sniff_opts_free(&o);
	assert_int_equal(parse(&o, "-h", NULL), -1);
	sniff_opts_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_count_ifaces_expr),
		cmocka_unit_test(test_reparse_resets),
		cmocka_unit_test(test_write_read),
		cmocka_unit_test(test_combination_errors),
		cmocka_unit_test(test_value_errors),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_dump_precedence),
		cmocka_unit_test(test_filter_file),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_options_after_filter),
		cmocka_unit_test(test_global_letters),
		cmocka_unit_test(test_missing_value),
		cmocka_unit_test(test_packettype_number),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
