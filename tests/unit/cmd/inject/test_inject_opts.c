/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_inject_opts.c: unit tests for inject's option parser: values, combinations and errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cmd.h"
#include "cmd/inject/opts.h"
#include "cmd/opts_test.h"

static char err_buf[512];

/* Parses "inject" and the NULL-terminated arguments after it, stderr kept in err_buf. */
static int parse(struct inject_opts *o, ...)
{
	char *argv[OPTS_TEST_MAX_ARGS + 1];
	struct opts_capture err;
	va_list ap;
	int argc, rc;

	va_start(ap, o);
	argc = opts_test_argv(argv, "inject", ap);
	va_end(ap);
	opts_test_reset("inject");
	opts_capture_begin(&err, stderr);
	rc = inject_opts_parse(o, argc, argv);
	opts_capture_end(&err, err_buf, sizeof(err_buf));
	return rc;
}

/* Expects a usage error from the arguments (o is freed either way). */
#define assert_usage(...)                                                       \
	do {                                                                    \
		struct inject_opts bad_;                                        \
		assert_int_equal(parse(&bad_, __VA_ARGS__, NULL), EXIT_USAGE);  \
		inject_opts_free(&bad_);                                        \
	} while (0)

static void test_template_defaults(void **state)
{
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-i", "veth0", "udp", "dst", "10.0.0.2:9", NULL), 0);
	assert_string_equal(o.ifname, "veth0");
	assert_string_equal(o.words, "udp dst 10.0.0.2:9");
	assert_null(o.rfile);
	assert_int_equal(o.pace, PACE_TOPSPEED);
	assert_false(o.pace_set);
	assert_int_equal(o.vlan, -1);
	assert_int_equal(o.loops, 1);
	assert_int_equal(o.cpus, 1);
	assert_false(o.count_set);
	inject_opts_free(&o);
}

/* A replay keeps the recorded timing unless a rate says otherwise; its words are a filter. */
static void test_replay(void **state)
{
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-i", "lo", "-r", "in.pcap", "--loop", "3", "tcp", NULL), 0);
	assert_string_equal(o.rfile, "in.pcap");
	assert_string_equal(o.words, "tcp");
	assert_int_equal(o.pace, PACE_RECORDED);
	assert_true(o.rate == 1.0);
	assert_int_equal(o.loops, 3);
	inject_opts_free(&o);

	assert_int_equal(parse(&o, "-i", "lo", "-r", "in.pcap", "--mbps", "5", NULL), 0);
	assert_int_equal(o.pace, PACE_BPS);
	assert_true(o.rate == 5e6);
	assert_string_equal(o.words, "");
	inject_opts_free(&o);
}

/* A parse starts from the defaults: nothing of an earlier one leaks into it. */
static void test_reparse_resets(void **state)
{
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-i", "lo", "--vlan", "10", "--cpus", "2", "-c", "3", "udp",
			       NULL), 0);
	assert_int_equal(o.vlan, 10);
	assert_int_equal(o.cpus, 2);
	assert_int_equal(o.count, 3);
	assert_true(o.count_set);
	inject_opts_free(&o);
	assert_int_equal(parse(&o, "--dump", "udp", NULL), 0);
	assert_int_equal(o.vlan, -1);
	assert_int_equal(o.cpus, 1);
	assert_false(o.count_set);
	assert_null(o.ifname);
	assert_true(o.dump);
	inject_opts_free(&o);
}

static void test_values(void **state)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, 0x01 };
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-i", "lo", "--src-mac", "02:00:00:00:00:01", "-B", "64",
			       "--tpacket-version", "3", "--qdisc-bypass", "--pps", "1000",
			       "--duration", "2", "--stats", "0.5", "udp", NULL), 0);
	assert_true(o.src_mac_set);
	assert_false(o.dst_mac_set);
	assert_memory_equal(o.src_mac, mac, 6);
	assert_int_equal(o.ring_bytes, 64 * 1024);
	assert_int_equal(o.tpacket_version, 3);
	assert_true(o.qdisc_bypass);
	assert_int_equal(o.pace, PACE_PPS);
	assert_true(o.rate == 1000);
	assert_int_equal(o.duration_ns, 2000000000ull);
	assert_int_equal(o.stats_ns, 500000000ull);
	inject_opts_free(&o);

	assert_int_equal(parse(&o, "--dump", "-x", "-w", "out.pcap", "icmp", NULL), 0);
	assert_true(o.hex);
	assert_string_equal(o.wfile, "out.pcap");
	inject_opts_free(&o);
}

static void test_combination_errors(void **state)
{
	(void)state;
	assert_usage("udp");						/* no -i, no --dump */
	assert_usage("-i", "lo");					/* no template, no -r */
	assert_usage("-i", "lo", "--speed", "2", "udp");		/* no recorded timing */
	assert_usage("-i", "lo", "--loop", "2", "udp");
	assert_usage("-i", "lo", "-r", "f", "--vlan", "3");
	assert_usage("-i", "lo", "-r", "f", "--dst-mac", "02:00:00:00:00:02");
	assert_usage("-i", "lo", "-r", "-", "--loop", "2");
	assert_usage("-i", "lo", "-r", "-", "--cpus", "2");
	assert_usage("-i", "lo", "-x", "udp");				/* -x needs --dump */
	assert_usage("--dump", "-w", "-", "udp");
	assert_usage("--dump", "--cpus", "2", "udp");
	assert_usage("-w", "f", "--qdisc-bypass", "udp");
	assert_usage("-i", "lo", "--pps", "10", "--mbps", "1", "udp");	/* one rate */
	assert_usage("-i", "lo", "--topspeed", "--topspeed", "udp");
}

static void test_value_errors(void **state)
{
	(void)state;
	assert_usage("-i", "lo", "-c", "0", "udp");
	assert_usage("-i", "lo", "--vlan", "4096", "udp");
	assert_usage("-i", "lo", "--src-mac", "02:00:00:00:00", "udp");
	assert_usage("-i", "lo", "--dst-mac", "zz:00:00:00:00:01", "udp");
	assert_usage("-i", "lo", "-B", "63", "udp");
	assert_usage("-i", "lo", "-B", "5G", "udp");
	assert_usage("-i", "lo", "--tpacket-version", "1", "udp");
	assert_usage("-i", "lo", "--pps", "0", "udp");
	assert_usage("-i", "lo", "--pps", "-5", "udp");
	assert_usage("-i", "lo", "--cpus", "0", "udp");
	assert_usage("-i", "lo", "--no-such-option", "udp");
	assert_usage("-i", "lo", "-c");					/* needs a value */
}

/* Every global letter after the name (inject gives none its own meaning), options after words. */
static void test_global_letters(void **state)
{
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-w", "out.pcap", "udp", "dst", "10.0.0.2", "-j", "-p", "-N",
			       "blue", "-n", "-v", "-c", "3", NULL), 0);
	assert_true(cmd_globals.json);
	assert_true(cmd_globals.pretty);
	assert_string_equal(cmd_globals.netns, "blue");
	assert_true(cmd_globals.numeric);
	assert_int_equal(cmd_globals.verbose, 1);
	assert_int_equal(o.count, 3);
	assert_string_equal(o.words, "udp dst 10.0.0.2");
	inject_opts_free(&o);
}

/* A missing value names the option and says so (it used to be "unknown option"). */
static void test_missing_value(void **state)
{
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-i", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: inject: -i: needs a value\n");
	inject_opts_free(&o);
	assert_int_equal(parse(&o, "-i", "lo", "udp", "--pps", NULL), EXIT_USAGE);
	assert_string_equal(err_buf, "sockeye: inject: --pps: needs a value\n");
	inject_opts_free(&o);
}

/* --preload SIZE: a size (0: never); only where a file is sent. */
static void test_preload(void **state)
{
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "-i", "lo", "-r", "f.pcap", "--loop", "3", NULL), 0);
	assert_false(o.preload_set);
	inject_opts_free(&o);
	assert_int_equal(parse(&o, "-i", "lo", "-r", "f.pcap", "--preload", "16M", NULL), 0);
	assert_true(o.preload_set);
	assert_int_equal(o.preload_bytes, 16ull << 20);
	inject_opts_free(&o);
	assert_int_equal(parse(&o, "-i", "lo", "-r", "f.pcap", "--preload", "0", NULL), 0);
	assert_true(o.preload_set);
	assert_int_equal(o.preload_bytes, 0);
	inject_opts_free(&o);
	assert_usage("-i", "lo", "-r", "f.pcap", "--preload", "lots");
	assert_usage("-i", "lo", "-r", "f.pcap", "--preload", "2T");
	assert_usage("-i", "lo", "--preload", "1M", "udp");		/* no file */
	assert_usage("--dump", "-r", "f.pcap", "--preload", "1M");	/* nothing sent */
}

static void test_help(void **state)
{
	struct inject_opts o;

	(void)state;
	assert_int_equal(parse(&o, "--help", NULL), -1);
	inject_opts_free(&o);
	assert_int_equal(parse(&o, "-h", NULL), -1);
	inject_opts_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_template_defaults),
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_reparse_resets),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_combination_errors),
		cmocka_unit_test(test_value_errors),
		cmocka_unit_test(test_preload),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_global_letters),
		cmocka_unit_test(test_missing_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
