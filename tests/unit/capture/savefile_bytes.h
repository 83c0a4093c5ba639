/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_bytes.h: test helpers: pcap and pcapng bytes built by hand in either byte order. */
#ifndef SOCKEYE_TEST_SAVEFILE_BYTES_H
#define SOCKEYE_TEST_SAVEFILE_BYTES_H

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

static inline void bb_init(struct bb *b, bool be)
{
	b->cap = 64 << 20;
	b->b = malloc(b->cap);
	assert_non_null(b->b);
	b->n = 0;
	b->be = be;
}

static inline void bb_put(struct bb *b, const void *p, size_t n)
{
	assert_true(b->n + n <= b->cap);
	memcpy(b->b + b->n, p, n);
	b->n += n;
}

static inline void bb_uint(struct bb *b, uint64_t v, unsigned bytes)
{
	for (unsigned i = 0; i < bytes; i++) {
		unsigned shift = b->be ? 8 * (bytes - 1 - i) : 8 * i;

		b->b[b->n + i] = (uint8_t)(v >> shift);
	}
	b->n += bytes;
}

static inline void u16(struct bb *b, uint16_t v)
{
	bb_uint(b, v, 2);
}

static inline void u32(struct bb *b, uint32_t v)
{
	bb_uint(b, v, 4);
}

static inline void u64(struct bb *b, uint64_t v)
{
	bb_uint(b, v, 8);
}

static inline void bb_pad4(struct bb *b)
{
	while (b->n % 4)
		b->b[b->n++] = 0;
}

/* pcapng: a block starts with its type and a length filled in by blk_end. */
static inline size_t blk_begin(struct bb *b, uint32_t type)
{
	size_t start = b->n;

	u32(b, type);
	u32(b, 0);
	return start;
}

static inline void blk_end(struct bb *b, size_t start)
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

static inline void opt(struct bb *b, uint16_t code, const void *val, uint16_t len)
{
	u16(b, code);
	u16(b, len);
	bb_put(b, val, len);
	bb_pad4(b);
}

static inline void opt_u32(struct bb *b, uint16_t code, uint32_t v)
{
	u16(b, code);
	u16(b, 4);
	u32(b, v);
}

static inline void opt_u64(struct bb *b, uint16_t code, uint64_t v)
{
	u16(b, code);
	u16(b, 8);
	u64(b, v);
}

static inline void shb(struct bb *b, uint16_t major)
{
	size_t s = blk_begin(b, 0x0a0d0d0a);

	u32(b, 0x1a2b3c4d);
	u16(b, major);
	u16(b, 0);
	u64(b, UINT64_MAX);
	blk_end(b, s);
}

static inline void idb(struct bb *b, uint16_t linktype, uint32_t snaplen, const char *name,
		       int tsresol, int64_t tsoffset)
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
static inline void epb(struct bb *b, uint32_t ifid, uint64_t ts, const void *data, uint32_t caplen,
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

static inline void pcap_hdr(struct bb *b, bool nano, uint16_t major, uint32_t snaplen, uint32_t lt)
{
	u32(b, nano ? 0xa1b23c4d : 0xa1b2c3d4);
	u16(b, major);
	u16(b, 4);
	u32(b, 0);
	u32(b, 0);
	u32(b, snaplen);
	u32(b, lt);
}

static inline void pcap_rec(struct bb *b, uint32_t sec, uint32_t frac, const void *data,
			    uint32_t caplen, uint32_t wirelen)
{
	u32(b, sec);
	u32(b, frac);
	u32(b, caplen);
	u32(b, wirelen);
	bb_put(b, data, caplen);
}

/* ---- checks ---- */

static inline struct savefile_reader *open_ok(const struct bb *b)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r;
	int err = savefile_read_open_mem(&r, b->b, b->n, errbuf);

	if (err)
		fail_msg("open: %d %s", err, errbuf);
	return r;
}

static inline void next_pkt(struct savefile_reader *r, uint64_t ts_ns, uint32_t ifindex,
			    uint32_t lt, enum savefile_dir dir, const char *data, uint32_t caplen,
			    uint32_t wirelen)
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

static inline void next_end(struct savefile_reader *r)
{
	struct savefile_pkt p;

	assert_int_equal(savefile_read_next(r, &p), 0);
	assert_int_equal(savefile_read_next(r, &p), 0);
}

/* Reads NPKTS records, then expects the error MSG (twice: it sticks). */
static inline void expect_error(const struct bb *b, unsigned npkts, const char *msg)
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

static inline void expect_open_error(const struct bb *b, const char *msg)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r = (void *)1;

	assert_int_equal(savefile_read_open_mem(&r, b->b, b->n, errbuf), -EINVAL);
	assert_null(r);
	assert_string_equal(errbuf, msg);
}

/* ---- truncated at every byte ---- */

struct unit {
	size_t start, end;
	bool packet;
};

/* Opens the first LEN bytes of B in memory and from a file and checks both stop as they should. */
static inline void check_cut(const struct bb *b, size_t len, const struct unit *u, size_t nu,
			     bool ng)
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
			snprintf(want, sizeof(want),
				 "truncated record%s at offset %zu (%zu of %zu bytes)",
				 k < 16 ? " header" : "", u[bad].start, k,
				 k < 16 ? (size_t)16 : full);
		else if (k < 8)
			snprintf(want, sizeof(want),
				 "truncated block header at offset %zu (%zu of 8 bytes)",
				 u[bad].start, k);
		else if (u[bad].start == 0 && k < 12)
			snprintf(want, sizeof(want),
				 "truncated section header at offset 0 (%zu of 12 bytes)", k);
		else
			snprintf(want, sizeof(want),
				 "truncated block at offset %zu (%zu of %zu bytes)", u[bad].start,
				 k, full);
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
					 "truncated pcap file header at offset 0 (%zu of 24 bytes)",
					 len);
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
			fail_msg("cut %zu mode %d: %zu records, want %zu", len, mode, got,
				 want_pkts);
		if (bad == nu) {
			if (ret != 0)
				fail_msg("cut %zu: %d %s", len, ret, savefile_read_error(r));
		} else {
			if (ret != -EINVAL)
				fail_msg("cut %zu mode %d: %d, want -EINVAL", len, mode, ret);
			if (strcmp(savefile_read_error(r), want))
				fail_msg("cut %zu: \"%s\", want \"%s\"", len,
					 savefile_read_error(r), want);
		}
		savefile_read_close(r);
	}
	close(fd);
}

#endif
