/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_savefile_pcapng.c: unit tests for the reader's pcapng side, on bytes of both orders. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "savefile_bytes.h"

/* ---- pcapng ---- */

/* Two sections, the first little-endian, the second big-endian, every block kind. */
static void build_pcapng(struct bb *b)
{
	static const uint8_t spb_data[10] = "0123456789";
	size_t s;

	b->be = false;
	shb(b, 1);
	idb(b, 1, 0, "eth0", 9, 0);
	idb(b, 113, 128, "any", 0x8a, 100);		/* 2^-10 s, 100 s later */
	s = blk_begin(b, 0xbad);			/* unknown: skipped */
	u32(b, 42);
	blk_end(b, s);
	epb(b, 0, T0 * NSEC + 123456789, "in", 2, 2, 1);
	epb(b, 1, 5 * 1024 + 512, "out!!", 5, 1500, 2);
	epb(b, 0, 7, "none", 4, 4, -1);
	s = blk_begin(b, 3);				/* SPB: interface 0, no time */
	u32(b, 10);
	bb_put(b, spb_data, 10);
	blk_end(b, s);
	s = blk_begin(b, 3);				/* SPB: cut by its block */
	u32(b, 100);
	bb_put(b, spb_data, 8);
	blk_end(b, s);
	s = blk_begin(b, 2);				/* obsolete PB on interface 1 */
	u16(b, 1);
	u16(b, 0);
	u32(b, 0);
	u32(b, 1024);
	u32(b, 3);
	u32(b, 3);
	bb_put(b, "old", 3);
	bb_pad4(b);
	opt_u32(b, 2, 1);
	u32(b, 0);
	blk_end(b, s);
	s = blk_begin(b, 5);				/* ISB for interface 0 */
	u32(b, 0);
	u32(b, 1);
	u32(b, 0);
	opt_u64(b, 4, 1000);
	opt_u64(b, 5, 5);
	opt_u64(b, 7, 7);
	u16(b, 3);					/* isb_endtime: high, low */
	u16(b, 8);
	u32(b, 0);
	u32(b, 3000000000u);
	u32(b, 0);
	blk_end(b, s);

	b->be = true;
	shb(b, 1);
	idb(b, 1, 65535, "lo", 3, 0);			/* milliseconds */
	idb(b, 147, 65535, NULL, 12, -10);		/* picoseconds, 10 s earlier */
	epb(b, 0, 1500, "ms", 2, 2, 2);
	epb(b, 1, 12000000000123ull, "ps", 2, 2, -1);
}

static void test_pcapng(void **state)
{
	struct bb b;
	struct savefile_reader *r;
	const struct savefile_if *f;

	bb_init(&b, false);
	build_pcapng(&b);
	r = open_ok(&b);
	assert_int_equal(savefile_read_format(r), SAVEFILE_PCAPNG);
	/* Open read the interfaces before the first packet. */
	assert_int_equal(savefile_read_if_count(r), 2);
	f = savefile_read_if(r, 1);
	assert_int_equal(f->linktype, 113);
	assert_int_equal(f->snaplen, 128);
	assert_string_equal(f->name, "any");
	assert_int_equal(f->tsresol, 0x8a);
	assert_int_equal(f->tsoffset, 100);

	next_pkt(r, T0 * NSEC + 123456789, 0, 1, SAVEFILE_DIR_IN, "in", 2, 2);
	next_pkt(r, 105 * NSEC + NSEC / 2, 1, 113, SAVEFILE_DIR_OUT, "out!!", 5, 1500);
	next_pkt(r, 7, 0, 1, SAVEFILE_DIR_UNKNOWN, "none", 4, 4);
	next_pkt(r, 0, 0, 1, SAVEFILE_DIR_UNKNOWN, "0123456789", 10, 10);
	next_pkt(r, 0, 0, 1, SAVEFILE_DIR_UNKNOWN, "01234567", 8, 100);
	next_pkt(r, 101 * NSEC, 1, 113, SAVEFILE_DIR_IN, "old", 3, 3);
	/* The second section numbers its interfaces from 0 again: 2 and 3 here. */
	next_pkt(r, 1500000000, 2, 1, SAVEFILE_DIR_OUT, "ms", 2, 2);
	f = savefile_read_if(r, 0);
	assert_int_equal(f->stats.present, SAVEFILE_STAT_RECV | SAVEFILE_STAT_DROP |
					   SAVEFILE_STAT_OS_DROP | SAVEFILE_STAT_END);
	assert_int_equal(f->stats.ts_ns, 1ull << 32);
	assert_int_equal(f->stats.recv, 1000);
	assert_int_equal(f->stats.drop, 5);
	assert_int_equal(f->stats.os_drop, 7);
	assert_int_equal(f->stats.end_ns, 3000000000ull);
	next_pkt(r, 2 * NSEC, 3, 147, SAVEFILE_DIR_UNKNOWN, "ps", 2, 2);
	next_end(r);
	assert_int_equal(savefile_read_if_count(r), 4);
	assert_int_equal(savefile_read_if(r, 2)->section, 1);
	assert_string_equal(savefile_read_if(r, 2)->name, "lo");
	assert_string_equal(savefile_read_if(r, 3)->name, "");
	assert_int_equal(savefile_read_if(r, 3)->tsoffset, -10);
	assert_int_equal(savefile_read_if(r, 1)->stats.present, 0);
	savefile_read_close(r);
	free(b.b);
}

/* if_tsresol: powers of 2 and 10 at their limits. */
static void test_tsresol(void **state)
{
	static const struct {
		int tsresol;
		uint64_t ts, want_ns;
	} cases[] = {
		{ -1, 1234567, 1234567000 },			/* default: microseconds */
		{ 0, 3, 3 * NSEC },
		{ 9, 42, 42 },
		{ 19, 10000000000ull * 77, 77 },
		{ 0x80, 5, 5 * NSEC },				/* 2^0 */
		{ 0x81, 3, NSEC + NSEC / 2 },			/* 2^-1 */
		{ 0x9e, (3ull << 30) + (1ull << 29), 3 * NSEC + NSEC / 2 },	/* 2^-30 */
		{ 0x80 | 63, 1ull << 62, NSEC / 2 },		/* 2^-63: 1/2 s */
		{ 0x80 | 40, (7ull << 40) | (1ull << 38), 7 * NSEC + NSEC / 4 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct bb b;
		struct savefile_reader *r;

		bb_init(&b, i % 2);
		shb(&b, 1);
		idb(&b, 1, 0, NULL, cases[i].tsresol, 0);
		epb(&b, 0, cases[i].ts, "x", 1, 1, -1);
		r = open_ok(&b);
		next_pkt(r, cases[i].want_ns, 0, 1, SAVEFILE_DIR_UNKNOWN, "x", 1, 1);
		next_end(r);
		savefile_read_close(r);
		free(b.b);
	}
}

/* ---- truncated at every byte ---- */

/* The bytes built since the last unit make unit *NU; the first starts at 0. */
static void unit_end(struct unit *u, size_t *nu, const struct bb *b, bool packet)
{
	u[*nu].start = *nu ? u[*nu - 1].end : 0;
	u[*nu].end = b->n;
	u[*nu].packet = packet;
	(*nu)++;
}

static void test_truncated_pcapng(void **state)
{
	struct unit u[8];
	size_t nu = 0, s;
	struct bb b;

	bb_init(&b, false);
	shb(&b, 1);
	unit_end(u, &nu, &b, false);
	idb(&b, 1, 0, "eth0", 9, 0);
	unit_end(u, &nu, &b, false);
	epb(&b, 0, 1, "abcdef", 6, 6, 1);
	unit_end(u, &nu, &b, true);
	epb(&b, 0, 2, "", 0, 0, -1);
	unit_end(u, &nu, &b, true);
	s = blk_begin(&b, 5);
	u32(&b, 0);
	u64(&b, 0);
	opt_u64(&b, 4, 9);
	u32(&b, 0);
	blk_end(&b, s);
	unit_end(u, &nu, &b, false);
	epb(&b, 0, 3, "xyz", 3, 3, 2);
	unit_end(u, &nu, &b, true);
	for (size_t len = 4; len <= b.n; len++)
		check_cut(&b, len, u, nu, true);
	free(b.b);
}

/* ---- corrupt lengths and fields ---- */

static void ng_start(struct bb *b, bool be)
{
	b->n = 0;
	b->be = be;
	shb(b, 1);
	idb(b, 1, 0, NULL, -1, 0);
	assert_int_equal(b->n, 52);
}

static void test_corrupt_pcapng(void **state)
{
	struct savefile_reader *r;
	struct bb b;
	size_t s;

	bb_init(&b, false);
	for (int be = 0; be < 2; be++) {
		ng_start(&b, be);
		epb(&b, 0, 1, "a", 1, 1, -1);
		u32(&b, 6);
		u32(&b, 7);
		u32(&b, 0);
		expect_error(&b, 1, "block length 7 too short at offset 88");

		ng_start(&b, be);
		u32(&b, 6);
		u32(&b, 13);
		u64(&b, 0);
		expect_error(&b, 0, "block length 13 not a multiple of 4 at offset 52");

		ng_start(&b, be);
		u32(&b, 6);
		u32(&b, 0x7ffffff0);
		expect_error(&b, 0,
			     "block length 2147483632 exceeds maximum 16777216 at offset 52");

		ng_start(&b, be);
		u32(&b, 0xbad);
		u32(&b, 16);
		u32(&b, 0);
		u32(&b, 20);
		expect_error(&b, 0, "block length 16 differs from trailing length 20 at offset 52");

		ng_start(&b, be);
		s = blk_begin(&b, 6);
		u32(&b, 0);
		u64(&b, 0);
		u32(&b, 100);
		u32(&b, 100);
		u32(&b, 0);
		blk_end(&b, s);
		expect_error(&b, 0, "caplen 100 exceeds block length 36 at offset 52");

		ng_start(&b, be);
		s = blk_begin(&b, 6);
		u32(&b, 0);
		blk_end(&b, s);
		expect_error(&b, 0, "enhanced packet block length 16 too short at offset 52");

		ng_start(&b, be);
		epb(&b, 3, 1, "a", 1, 1, -1);
		expect_error(&b, 0, "packet for undescribed interface 3 at offset 52");

		ng_start(&b, be);
		s = blk_begin(&b, 6);
		u32(&b, 0);
		u64(&b, 0);
		u32(&b, 0);
		u32(&b, 0);
		u16(&b, 2);
		u16(&b, 200);
		u32(&b, 0);
		blk_end(&b, s);
		expect_error(&b, 0, "option 2 length 200 overruns its block at offset 52");

		ng_start(&b, be);
		idb(&b, 1, 0, NULL, 0x80 | 64, 0);
		expect_error(&b, 0, "bad if_tsresol at offset 52");
		ng_start(&b, be);
		idb(&b, 1, 0, NULL, 20, 0);
		expect_error(&b, 0, "bad if_tsresol at offset 52");

		ng_start(&b, be);
		s = blk_begin(&b, 1);
		u32(&b, 1);
		blk_end(&b, s);
		expect_error(&b, 0, "interface description block length 16 too short at offset 52");

		/* A bad section header after good packets: they come first. */
		ng_start(&b, be);
		epb(&b, 0, 1, "a", 1, 1, -1);
		shb(&b, 2);
		expect_error(&b, 1, "unsupported pcapng version 2.0 at offset 88");

		/* ISBs for unknown interfaces carry nothing usable and are skipped. */
		ng_start(&b, be);
		s = blk_begin(&b, 5);
		u32(&b, 9);
		u64(&b, 0);
		blk_end(&b, s);
		epb(&b, 0, 1, "a", 1, 1, -1);
		r = open_ok(&b);
		next_pkt(r, 1000, 0, 1, SAVEFILE_DIR_UNKNOWN, "a", 1, 1);
		next_end(r);
		savefile_read_close(r);
	}
	free(b.b);
}

static void test_corrupt_pcapng_open(void **state)
{
	struct bb b;

	bb_init(&b, true);
	shb(&b, 2);
	expect_open_error(&b, "unsupported pcapng version 2.0 at offset 0");
	b.n = 0;
	shb(&b, 1);
	b.b[8] = 0x11;
	expect_open_error(&b, "bad byte-order magic 0x112b3c4d at offset 8");
	b.n = 0;
	u32(&b, 0x0a0d0d0a);
	u32(&b, 16);
	u32(&b, 0x1a2b3c4d);
	u32(&b, 16);
	expect_open_error(&b, "section header block length 16 too short at offset 0");
	free(b.b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcapng),
		cmocka_unit_test(test_tsresol),
		cmocka_unit_test(test_truncated_pcapng),
		cmocka_unit_test(test_corrupt_pcapng),
		cmocka_unit_test(test_corrupt_pcapng_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
