/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_savefile_read.c: unit tests for the pcap/pcapng reader on hand-made bytes of both orders. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "capture/savefile.h"

#define NSEC 1000000000ull
#define T0 1700000000ull

/* ---- a byte builder with an explicit byte order ---- */

struct bb {
	uint8_t *b;
	size_t n, cap;
	bool be;
};

static void bb_init(struct bb *b, bool be)
{
	b->cap = 64 << 20;
	b->b = malloc(b->cap);
	assert_non_null(b->b);
	b->n = 0;
	b->be = be;
}

static void bb_put(struct bb *b, const void *p, size_t n)
{
	assert_true(b->n + n <= b->cap);
	memcpy(b->b + b->n, p, n);
	b->n += n;
}

static void bb_uint(struct bb *b, uint64_t v, unsigned bytes)
{
	for (unsigned i = 0; i < bytes; i++) {
		unsigned shift = b->be ? 8 * (bytes - 1 - i) : 8 * i;

		b->b[b->n + i] = (uint8_t)(v >> shift);
	}
	b->n += bytes;
}

static void u16(struct bb *b, uint16_t v) { bb_uint(b, v, 2); }
static void u32(struct bb *b, uint32_t v) { bb_uint(b, v, 4); }
static void u64(struct bb *b, uint64_t v) { bb_uint(b, v, 8); }

static void bb_pad4(struct bb *b)
{
	while (b->n % 4)
		b->b[b->n++] = 0;
}

/* pcapng: a block starts with its type and a length filled in by blk_end. */
static size_t blk_begin(struct bb *b, uint32_t type)
{
	size_t start = b->n;

	u32(b, type);
	u32(b, 0);
	return start;
}

static void blk_end(struct bb *b, size_t start)
{
	size_t save;
	uint32_t len;

	bb_pad4(b);
	len = (uint32_t)(b->n - start + 4);
	u32(b, len);
	save = b->n;
	b->n = start + 4;
	u32(b, len);
	b->n = save;
}

static void opt(struct bb *b, uint16_t code, const void *val, uint16_t len)
{
	u16(b, code);
	u16(b, len);
	bb_put(b, val, len);
	bb_pad4(b);
}

static void opt_u32(struct bb *b, uint16_t code, uint32_t v)
{
	u16(b, code);
	u16(b, 4);
	u32(b, v);
}

static void opt_u64(struct bb *b, uint16_t code, uint64_t v)
{
	u16(b, code);
	u16(b, 8);
	u64(b, v);
}

static void shb(struct bb *b, uint16_t major)
{
	size_t s = blk_begin(b, 0x0a0d0d0a);

	u32(b, 0x1a2b3c4d);
	u16(b, major);
	u16(b, 0);
	u64(b, UINT64_MAX);
	blk_end(b, s);
}

static void idb(struct bb *b, uint16_t linktype, uint32_t snaplen, const char *name, int tsresol,
		int64_t tsoffset)
{
	size_t s = blk_begin(b, 1);

	u16(b, linktype);
	u16(b, 0);
	u32(b, snaplen);
	if (name)
		opt(b, 2, name, (uint16_t)strlen(name));
	if (tsresol >= 0) {
		uint8_t v = (uint8_t)tsresol;

		opt(b, 9, &v, 1);
	}
	if (tsoffset)
		opt_u64(b, 14, (uint64_t)tsoffset);
	u32(b, 0);
	blk_end(b, s);
}

/* An EPB; flags < 0: no epb_flags option. */
static void epb(struct bb *b, uint32_t ifid, uint64_t ts, const void *data, uint32_t caplen,
		uint32_t wirelen, int64_t flags)
{
	size_t s = blk_begin(b, 6);

	u32(b, ifid);
	u32(b, (uint32_t)(ts >> 32));
	u32(b, (uint32_t)ts);
	u32(b, caplen);
	u32(b, wirelen);
	bb_put(b, data, caplen);
	bb_pad4(b);
	if (flags >= 0) {
		opt(b, 3, "\x02\x01\x02\x03\x04", 5);	/* an epb_hash first, to be skipped */
		opt_u32(b, 2, (uint32_t)flags);
		u32(b, 0);
	}
	blk_end(b, s);
}

static void pcap_hdr(struct bb *b, bool nano, uint16_t major, uint32_t snaplen, uint32_t lt)
{
	u32(b, nano ? 0xa1b23c4d : 0xa1b2c3d4);
	u16(b, major);
	u16(b, 4);
	u32(b, 0);
	u32(b, 0);
	u32(b, snaplen);
	u32(b, lt);
}

static void pcap_rec(struct bb *b, uint32_t sec, uint32_t frac, const void *data, uint32_t caplen,
		     uint32_t wirelen)
{
	u32(b, sec);
	u32(b, frac);
	u32(b, caplen);
	u32(b, wirelen);
	bb_put(b, data, caplen);
}

/* ---- checks ---- */

static struct savefile_reader *open_ok(const struct bb *b)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r;
	int err = savefile_read_open_mem(&r, b->b, b->n, errbuf);

	if (err)
		fail_msg("open: %d %s", err, errbuf);
	return r;
}

static void next_pkt(struct savefile_reader *r, uint64_t ts_ns, uint32_t ifindex, uint32_t lt,
		     enum savefile_dir dir, const char *data, uint32_t caplen, uint32_t wirelen)
{
	struct savefile_pkt p;
	int ret = savefile_read_next(r, &p);

	if (ret != 1)
		fail_msg("next: %d %s", ret, savefile_read_error(r));
	assert_int_equal(p.ts_ns, ts_ns);
	assert_int_equal(p.ifindex, ifindex);
	assert_int_equal(p.linktype, lt);
	assert_int_equal(p.dir, dir);
	assert_int_equal(p.caplen, caplen);
	assert_int_equal(p.wirelen, wirelen);
	assert_memory_equal(p.data, data, caplen);
}

static void next_end(struct savefile_reader *r)
{
	struct savefile_pkt p;

	assert_int_equal(savefile_read_next(r, &p), 0);
	assert_int_equal(savefile_read_next(r, &p), 0);
}

/* Reads NPKTS records, then expects the error MSG (twice: it sticks). */
static void expect_error(const struct bb *b, unsigned npkts, const char *msg)
{
	struct savefile_reader *r = open_ok(b);
	struct savefile_pkt p;

	for (unsigned i = 0; i < npkts; i++)
		if (savefile_read_next(r, &p) != 1)
			fail_msg("record %u: %s", i, savefile_read_error(r));
	assert_int_equal(savefile_read_next(r, &p), -EINVAL);
	assert_string_equal(savefile_read_error(r), msg);
	assert_int_equal(savefile_read_next(r, &p), -EINVAL);
	savefile_read_close(r);
}

static void expect_open_error(const struct bb *b, const char *msg)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r = (void *)1;

	assert_int_equal(savefile_read_open_mem(&r, b->b, b->n, errbuf), -EINVAL);
	assert_null(r);
	assert_string_equal(errbuf, msg);
}

/* ---- pcap ---- */

static void check_pcap(bool be, bool nano)
{
	struct bb b;
	struct savefile_reader *r;
	const struct savefile_if *f;

	bb_init(&b, be);
	/* The upper bits of the link type hold FCS details and are not part of it. */
	pcap_hdr(&b, nano, 2, 65535, 1 | 0x14000000);
	pcap_rec(&b, T0, 123456, "abcd", 4, 60);
	pcap_rec(&b, T0 + 1, 999999, "", 0, 0);
	pcap_rec(&b, UINT32_MAX, 5, "hello", 5, 5);
	r = open_ok(&b);
	assert_int_equal(savefile_read_format(r), nano ? SAVEFILE_PCAP_NANO : SAVEFILE_PCAP);
	assert_int_equal(savefile_read_if_count(r), 1);
	f = savefile_read_if(r, 0);
	assert_int_equal(f->linktype, 1);
	assert_int_equal(f->snaplen, 65535);
	assert_int_equal(f->tsresol, nano ? 9 : 6);
	assert_string_equal(f->name, "");
	assert_null(savefile_read_if(r, 1));
	next_pkt(r, T0 * NSEC + (nano ? 123456 : 123456000), 0, 1, SAVEFILE_DIR_UNKNOWN, "abcd", 4, 60);
	next_pkt(r, (T0 + 1) * NSEC + (nano ? 999999 : 999999000), 0, 1, SAVEFILE_DIR_UNKNOWN, "", 0,
		 0);
	next_pkt(r, UINT32_MAX * NSEC + (nano ? 5 : 5000), 0, 1, SAVEFILE_DIR_UNKNOWN, "hello", 5, 5);
	next_end(r);
	savefile_read_close(r);
	free(b.b);
}

static void test_pcap_micro(void **state)
{
	check_pcap(false, false);
	check_pcap(true, false);
}

static void test_pcap_nano(void **state)
{
	check_pcap(false, true);
	check_pcap(true, true);
}

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

struct unit {
	size_t start, end;
	bool packet;
};

/* Opens the first LEN bytes of B in memory and from a file and checks both stop as they should. */
static void check_cut(const struct bb *b, size_t len, const struct unit *u, size_t nu, bool ng)
{
	size_t hdr_end = u[0].start, want_pkts = 0, bad = nu;
	char errbuf[SAVEFILE_ERRLEN], want[SAVEFILE_ERRLEN] = "";
	int fd = memfd_create("cut", MFD_CLOEXEC);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, b->b, len), (ssize_t)len);
	for (size_t i = 0; i < nu; i++) {
		if (u[i].end <= len) {
			want_pkts += u[i].packet;
			continue;
		}
		/* A cut between two units is a clean end; one inside a unit is an error. */
		if (u[i].start < len || (len == 0 && i == 0))
			bad = i;
		break;
	}
	if (bad < nu) {
		size_t k = len - u[bad].start, full = u[bad].end - u[bad].start;

		if (!ng)
			snprintf(want, sizeof(want), "truncated record%s at offset %zu (%zu of %zu bytes)",
				 k < 16 ? " header" : "", u[bad].start, k, k < 16 ? (size_t)16 : full);
		else if (k < 8)
			snprintf(want, sizeof(want), "truncated block header at offset %zu (%zu of 8 bytes)",
				 u[bad].start, k);
		else if (u[bad].start == 0 && k < 12)
			snprintf(want, sizeof(want), "truncated section header at offset 0 (%zu of 12 bytes)",
				 k);
		else
			snprintf(want, sizeof(want), "truncated block at offset %zu (%zu of %zu bytes)",
				 u[bad].start, k, full);
	}
	for (int mode = 0; mode < 2; mode++) {
		struct savefile_reader *r;
		struct savefile_pkt p;
		size_t got = 0;
		int ret;

		if (mode == 0) {
			ret = savefile_read_open_mem(&r, b->b, len, errbuf);
		} else {
			assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
			ret = savefile_read_open_fd(&r, fd, errbuf);
		}
		if (len < hdr_end || (ng && bad == 0)) {
			/* The file header itself is cut: open fails. */
			if (ret != -EINVAL)
				fail_msg("cut %zu: open %d", len, ret);
			if (len == 0)
				assert_string_equal(errbuf, "empty file");
			else if (!ng) {
				snprintf(want, sizeof(want),
					 "truncated pcap file header at offset 0 (%zu of 24 bytes)", len);
				assert_string_equal(errbuf, want);
			} else {
				assert_string_equal(errbuf, want);
			}
			continue;
		}
		if (ret)
			fail_msg("cut %zu: open %d %s", len, ret, errbuf);
		while ((ret = savefile_read_next(r, &p)) == 1)
			got++;
		if (got != want_pkts)
			fail_msg("cut %zu mode %d: %zu records, want %zu", len, mode, got, want_pkts);
		if (bad == nu) {
			if (ret != 0)
				fail_msg("cut %zu: %d %s", len, ret, savefile_read_error(r));
		} else {
			if (ret != -EINVAL)
				fail_msg("cut %zu mode %d: %d, want -EINVAL", len, mode, ret);
			if (strcmp(savefile_read_error(r), want))
				fail_msg("cut %zu: \"%s\", want \"%s\"", len, savefile_read_error(r),
					 want);
		}
		savefile_read_close(r);
	}
	close(fd);
}

static void test_truncated_pcap(void **state)
{
	struct unit u[4];
	struct bb b;

	bb_init(&b, true);
	pcap_hdr(&b, false, 2, 262144, 1);
	for (int i = 0; i < 4; i++) {
		u[i].start = b.n;
		pcap_rec(&b, (uint32_t)T0 + i, i, "0123456789", i * 3, 10);
		u[i].end = b.n;
		u[i].packet = true;
	}
	for (size_t len = 0; len <= b.n; len++) {
		if (len > 0 && len < 4)
			continue;	/* checked below: the message names the byte count */
		check_cut(&b, len, u, 4, false);
	}
	for (size_t len = 1; len < 4; len++) {
		char errbuf[SAVEFILE_ERRLEN], want[80];
		struct savefile_reader *r;

		snprintf(want, sizeof(want), "truncated file header at offset 0 (%zu of 4 bytes)",
			 len);
		assert_int_equal(savefile_read_open_mem(&r, b.b, len, errbuf), -EINVAL);
		assert_string_equal(errbuf, want);
	}
	free(b.b);
}

static void test_truncated_pcapng(void **state)
{
	struct unit u[8];
	size_t nu = 0, s;
	struct bb b;

	bb_init(&b, false);
#define UNIT(pkt, body) do { u[nu].start = b.n; body; u[nu].end = b.n; u[nu++].packet = pkt; } while (0)
	UNIT(false, shb(&b, 1));
	UNIT(false, idb(&b, 1, 0, "eth0", 9, 0));
	UNIT(true, epb(&b, 0, 1, "abcdef", 6, 6, 1));
	UNIT(true, epb(&b, 0, 2, "", 0, 0, -1));
	UNIT(false, { s = blk_begin(&b, 5); u32(&b, 0); u64(&b, 0); opt_u64(&b, 4, 9); u32(&b, 0);
		      blk_end(&b, s); });
	UNIT(true, epb(&b, 0, 3, "xyz", 3, 3, 2));
#undef UNIT
	for (size_t len = 4; len <= b.n; len++)
		check_cut(&b, len, u, nu, true);
	free(b.b);
}

/* ---- corrupt lengths and fields ---- */

static void test_corrupt_pcap(void **state)
{
	struct bb b;

	bb_init(&b, false);
	pcap_hdr(&b, false, 2, 65535, 1);
	pcap_rec(&b, 1, 0, "ok", 2, 2);
	u32(&b, 1);
	u32(&b, 0);
	u32(&b, 300000);
	u32(&b, 300000);
	expect_error(&b, 1, "caplen 300000 exceeds snaplen/max 262144 at offset 42");

	/* A huge snaplen raises the limit, but never past the block cap. */
	b.n = 0;
	pcap_hdr(&b, true, 2, 0x7fffffff, 1);
	u32(&b, 1);
	u32(&b, 0);
	u32(&b, 20000000);
	u32(&b, 20000000);
	expect_error(&b, 0, "caplen 20000000 exceeds snaplen/max 16777200 at offset 24");

	b.n = 0;
	pcap_hdr(&b, false, 1, 65535, 1);
	expect_open_error(&b, "unsupported pcap version 1.4");

	b.n = 0;
	bb_put(&b, "\x7f" "ELF\x02\x01\x01\x00", 8);
	expect_open_error(&b, "not a pcap or pcapng file (magic 0x7f454c46)");

	b.n = 0;
	expect_open_error(&b, "empty file");
	free(b.b);
}

/* A section with one interface (microseconds): what the test adds starts at offset 52. */
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
		expect_error(&b, 0, "block length 2147483632 exceeds maximum 16777216 at offset 52");

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

/* ---- big files through the buffer, from a pipe fed in odd chunks ---- */

static void test_stream(void **state)
{
	enum { N = 3000, BIG = 3 << 20 };
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r;
	struct savefile_pkt p;
	uint8_t *big = malloc(BIG);
	int fds[2], status;
	struct bb b;
	pid_t pid;

	assert_non_null(big);
	for (size_t i = 0; i < BIG; i++)
		big[i] = (uint8_t)(i * 7 + i / 251);
	bb_init(&b, true);
	shb(&b, 1);
	idb(&b, 1, 0, "big", 9, 0);
	for (uint32_t i = 0; i < N; i++)
		epb(&b, 0, i, big + i, i % 1500, 1500, i % 3);
	/* Larger than the 1 MiB buffer: it has to grow. */
	epb(&b, 0, N, big, BIG, BIG, 1);
	epb(&b, 0, N + 1, big + 1, 1499, 1500, 2);

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		for (size_t off = 0; off < b.n;) {
			size_t n = b.n - off < 7777 ? b.n - off : 7777;
			ssize_t w = write(fds[1], b.b + off, n);

			if (w <= 0)
				_exit(1);
			off += (size_t)w;
		}
		_exit(0);
	}
	close(fds[1]);
	assert_int_equal(savefile_read_open_fd(&r, fds[0], errbuf), 0);
	for (uint32_t i = 0; i < N; i++) {
		assert_int_equal(savefile_read_next(r, &p), 1);
		assert_int_equal(p.ts_ns, i);
		assert_int_equal(p.caplen, i % 1500);
		assert_int_equal(p.dir, i % 3);
		assert_memory_equal(p.data, big + i, p.caplen);
	}
	assert_int_equal(savefile_read_next(r, &p), 1);
	assert_int_equal(p.caplen, BIG);
	assert_memory_equal(p.data, big, BIG);
	assert_int_equal(savefile_read_next(r, &p), 1);
	assert_int_equal(p.ts_ns, N + 1);
	assert_memory_equal(p.data, big + 1, 1499);
	next_end(r);
	savefile_read_close(r);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	free(big);
	free(b.b);
}

static void test_open_errors(void **state)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r;

	assert_int_equal(savefile_read_open(&r, "/nonexistent/x.pcap", errbuf), -ENOENT);
	assert_null(r);
	assert_string_equal(errbuf, strerror(ENOENT));
	assert_int_equal(savefile_read_open(&r, "/", errbuf), -EISDIR);
	assert_int_equal(savefile_read_open_fd(&r, -1, errbuf), -EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcap_micro),
		cmocka_unit_test(test_pcap_nano),
		cmocka_unit_test(test_pcapng),
		cmocka_unit_test(test_tsresol),
		cmocka_unit_test(test_truncated_pcap),
		cmocka_unit_test(test_truncated_pcapng),
		cmocka_unit_test(test_corrupt_pcap),
		cmocka_unit_test(test_corrupt_pcapng),
		cmocka_unit_test(test_corrupt_pcapng_open),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_open_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
