/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_savefile_formats.c: unit tests for the format table: which format the probe picks. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "capture/savefile_formats.h"
#include "savefile_bytes.h"

/* Probes the first SAVEFILE_PROBE_LEN bytes of B, copied so nothing past them is read. */
static const struct savefile_fmt *probe(const struct bb *b, enum savefile_format *format,
					char *errbuf)
{
	uint8_t head[SAVEFILE_PROBE_LEN];

	assert_true(b->n >= sizeof(head));
	memcpy(head, b->b, sizeof(head));
	return savefile_formats_probe(head, format, errbuf);
}

/* The probe and the open agree: the reader reports what the probe said. */
static void check_pick(const struct bb *b, const struct savefile_fmt *want_fmt,
		       enum savefile_format want)
{
	enum savefile_format format = (enum savefile_format)-1;
	char errbuf[SAVEFILE_ERRLEN] = "";
	struct savefile_reader *r;

	assert_ptr_equal(probe(b, &format, errbuf), want_fmt);
	assert_int_equal(format, want);
	r = open_ok(b);
	assert_int_equal(savefile_read_format(r), want);
	assert_int_equal(savefile_read_if_count(r), 1);
	next_end(r);
	savefile_read_close(r);
}

static void test_pcap(void **state)
{
	for (int be = 0; be < 2; be++) {
		for (int nano = 0; nano < 2; nano++) {
			struct bb b;

			bb_init(&b, be);
			pcap_hdr(&b, nano, 2, 65535, 1);
			check_pick(&b, &savefile_pcap, nano ? SAVEFILE_PCAP_NANO : SAVEFILE_PCAP);
			free(b.b);
		}
	}
}

static void test_pcapng(void **state)
{
	for (int be = 0; be < 2; be++) {
		struct bb b;

		bb_init(&b, be);
		shb(&b, 1);
		idb(&b, 1, 0, "eth0", 6, 0);
		check_pick(&b, &savefile_pcapng, SAVEFILE_PCAPNG);
		free(b.b);
	}
}

/* Each probe takes only its own magics, so the order of the table does not matter. */
static void test_disjoint(void **state)
{
	static const uint8_t pcap_le[] = { 0xd4, 0xc3, 0xb2, 0xa1 };
	static const uint8_t pcap_ns_be[] = { 0xa1, 0xb2, 0x3c, 0x4d };
	static const uint8_t ng[] = { 0x0a, 0x0d, 0x0d, 0x0a };

	assert_int_equal(savefile_pcap.probe(pcap_le), SAVEFILE_PCAP);
	assert_int_equal(savefile_pcap.probe(pcap_ns_be), SAVEFILE_PCAP_NANO);
	assert_int_equal(savefile_pcap.probe(ng), -1);
	assert_int_equal(savefile_pcapng.probe(ng), SAVEFILE_PCAPNG);
	assert_int_equal(savefile_pcapng.probe(pcap_le), -1);
	assert_int_equal(savefile_pcapng.probe(pcap_ns_be), -1);
	assert_string_equal(savefile_pcap.name, "pcap");
	assert_string_equal(savefile_pcapng.name, "pcapng");
}

static void test_garbage(void **state)
{
	static const struct {
		const char *bytes;
		const char *msg;
	} cases[] = {
		{ "\x7f" "ELF", "not a pcap or pcapng file (magic 0x7f454c46)" },
		{ "\0\0\0\0", "not a pcap or pcapng file (magic 0x00000000)" },
		/* A pcap magic one bit off, and pcapng's with the bytes of a Windows newline. */
		{ "\xd4\xc3\xb2\xa0", "not a pcap or pcapng file (magic 0xd4c3b2a0)" },
		{ "\x0a\x0d\x0a\x0d", "not a pcap or pcapng file (magic 0x0a0d0a0d)" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum savefile_format format = SAVEFILE_PCAPNG;
		char errbuf[SAVEFILE_ERRLEN];
		struct bb b;

		bb_init(&b, false);
		bb_put(&b, cases[i].bytes, 4);
		assert_null(probe(&b, &format, errbuf));
		assert_string_equal(errbuf, cases[i].msg);
		/* The reader says the same, and opens nothing. */
		u32(&b, 0);
		expect_open_error(&b, cases[i].msg);
		free(b.b);
	}
}

/* Fewer bytes than a probe needs: a truncated header, not a wrong magic. */
static void test_short(void **state)
{
	struct bb b;

	bb_init(&b, false);
	bb_put(&b, "\xd4\xc3\xb2", 3);
	expect_open_error(&b, "truncated file header at offset 0 (3 of 4 bytes)");
	free(b.b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcap),
		cmocka_unit_test(test_pcapng),
		cmocka_unit_test(test_disjoint),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
