/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_savefile_write.c: unit tests for the capture-file writer: bytes, round trips, rotation. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "capture/savefile.h"

#define NSEC 1000000000ull
#define T0 (1700000000ull * NSEC)

static const struct savefile_wif eth_ifs[] = { { "eth0", 1 }, { "veth-long-name1", 1 } };
static const struct savefile_wif mixed_ifs[] = { { "eth0", 1 }, { "any", 113 } };

static char tmpdir[] = "/tmp/test_savefile_write.XXXXXX";

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int setup(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	return nftw(tmpdir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static const char *tmp_path(const char *name)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	return path;
}

static uint8_t *read_file(const char *path, size_t *len)
{
	static uint8_t buf[1 << 16];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	assert_true(fd >= 0);
	n = read(fd, buf, sizeof(buf));
	assert_true(n >= 0);
	close(fd);
	*len = (size_t)n;
	return buf;
}

/* Packet I: assorted sizes and nanosecond times; its bytes come from a pattern. */
static struct savefile_pkt make_pkt(unsigned i, unsigned n_ifs)
{
	static uint8_t data[2048];
	struct savefile_pkt p = {
		.ts_ns = T0 + i * 1000000123ull + i % 7,
		.caplen = (i * 131) % 1600,
		.ifindex = i % n_ifs,
		.dir = (enum savefile_dir)(i % 3),
		.data = data,
	};

	p.wirelen = p.caplen + i % 2 * 40;
	for (size_t b = 0; b < sizeof(data); b++)
		data[b] = (uint8_t)(b * 3 + i);
	return p;
}

static struct savefile_writer *open_w(const char *path, const struct savefile_write_opts *o)
{
	struct savefile_writer *w;
	int err = savefile_write_open(&w, path, o);

	if (err)
		fail_msg("open %s: %s", path, strerror(-err));
	return w;
}

static struct savefile_reader *open_r(const char *path)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r;

	if (savefile_read_open(&r, path, errbuf))
		fail_msg("read %s: %s", path, errbuf);
	return r;
}

/* The next record of R must be WANT as FORMAT keeps it. */
static void expect_pkt(struct savefile_reader *r, const struct savefile_pkt *want,
		       enum savefile_format format, const struct savefile_wif *ifs,
		       uint32_t snaplen)
{
	uint32_t caplen = want->caplen < snaplen ? want->caplen : snaplen;
	struct savefile_pkt p;
	int ret = savefile_read_next(r, &p);

	if (ret != 1)
		fail_msg("next: %d %s", ret, savefile_read_error(r));
	if (format == SAVEFILE_PCAP)
		assert_int_equal(p.ts_ns, want->ts_ns / 1000 * 1000);
	else
		assert_int_equal(p.ts_ns, want->ts_ns);
	assert_int_equal(p.caplen, caplen);
	assert_int_equal(p.wirelen, want->wirelen);
	assert_memory_equal(p.data, want->data, caplen);
	if (format == SAVEFILE_PCAPNG) {
		assert_int_equal(p.ifindex, want->ifindex);
		assert_int_equal(p.dir, want->dir);
	} else {
		assert_int_equal(p.ifindex, 0);
		assert_int_equal(p.dir, SAVEFILE_DIR_UNKNOWN);
	}
	assert_int_equal(p.linktype, ifs[p.ifindex].linktype);
}

static void expect_end(struct savefile_reader *r)
{
	struct savefile_pkt p;
	int ret = savefile_read_next(r, &p);

	if (ret != 0)
		fail_msg("end: %d %s", ret, savefile_read_error(r));
}

/* ---- exact bytes ---- */

static void test_pcap_bytes(void **state)
{
	static const uint8_t want[] = {
		0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0xff, 0xff, 0, 0, 1, 0, 0, 0,
		0x00, 0xf1, 0x53, 0x65, 0x40, 0xe2, 0x01, 0x00, 3, 0, 0, 0, 60, 0, 0, 0,
		'a', 'b', 'c',
	};
	static const uint8_t want_nano[] = { 0x4d, 0x3c, 0xb2, 0xa1 };
	struct savefile_write_opts o = {
		.format = SAVEFILE_PCAP, .snaplen = 65535, .ifs = eth_ifs, .n_ifs = 1,
	};
	struct savefile_pkt p = { .ts_ns = T0 + 123456789, .caplen = 3, .wirelen = 60,
				  .data = (const uint8_t *)"abc" };
	struct savefile_writer *w;
	const uint8_t *got;
	size_t len;

	if (*(const uint8_t *)&(uint16_t){ 1 } != 1)
		skip();		/* the expected bytes are little-endian */
	w = open_w(tmp_path("b.pcap"), &o);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	got = read_file(tmp_path("b.pcap"), &len);
	assert_int_equal(len, sizeof(want));
	assert_memory_equal(got, want, sizeof(want));

	/* Nanoseconds: another magic, the sub-second field in ns. */
	o.format = SAVEFILE_PCAP_NANO;
	w = open_w(tmp_path("b.pcap"), &o);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	got = read_file(tmp_path("b.pcap"), &len);
	assert_int_equal(len, sizeof(want));
	assert_memory_equal(got, want_nano, 4);
	assert_memory_equal(got + 28, "\x15\xcd\x5b\x07", 4);	/* 123456789 */
}

static void test_pcapng_bytes(void **state)
{
	static const uint8_t want[] = {
		/* SHB: byte-order magic, 1.0, length -1, shb_userappl "sockeye" */
		0x0a, 0x0d, 0x0d, 0x0a, 44, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		4, 0, 7, 0, 's', 'o', 'c', 'k', 'e', 'y', 'e', 0, 0, 0, 0, 0, 44, 0, 0, 0,
		/* IDB: Ethernet, snaplen 96, if_name "eth0", if_tsresol 9 */
		1, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 96, 0, 0, 0,
		2, 0, 4, 0, 'e', 't', 'h', '0', 9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 0,
		/* EPB: interface 0, ns time high then low, caplen 3, len 60, epb_flags outbound */
		6, 0, 0, 0, 48, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0x9c, 0x97, 0x17, 0x15, 0xcd, 0x85, 0x3d,
		3, 0, 0, 0, 60, 0, 0, 0, 'a', 'b', 'c', 0, 2, 0, 4, 0, 2, 0, 0, 0, 0, 0, 0, 0,
		48, 0, 0, 0,
		/* ISB: interface 0, time, isb_ifrecv 7, isb_ifdrop 1 */
		5, 0, 0, 0, 52, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0x9c, 0x97, 0x17, 0x15, 0xcd, 0x85, 0x3d,
		4, 0, 8, 0, 7, 0, 0, 0, 0, 0, 0, 0, 5, 0, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 52, 0, 0, 0,
	};
	struct savefile_write_opts o = {
		.format = SAVEFILE_PCAPNG, .snaplen = 96, .ifs = eth_ifs, .n_ifs = 1,
	};
	struct savefile_pkt p = { .ts_ns = T0 + 123456789, .caplen = 3, .wirelen = 60,
				  .dir = SAVEFILE_DIR_OUT, .data = (const uint8_t *)"abc" };
	struct savefile_stats st = { .present = SAVEFILE_STAT_RECV | SAVEFILE_STAT_DROP,
				     .ts_ns = T0 + 123456789, .recv = 7, .drop = 1 };
	struct savefile_writer *w;
	const uint8_t *got;
	size_t len;

	if (*(const uint8_t *)&(uint16_t){ 1 } != 1)
		skip();
	w = open_w(tmp_path("b.pcapng"), &o);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	savefile_write_set_stats(w, 0, &st);
	savefile_write_set_stats(w, 5, &st);	/* no such interface: ignored */
	assert_int_equal(savefile_write_close(w), 0);
	got = read_file(tmp_path("b.pcapng"), &len);
	assert_int_equal(len, sizeof(want));
	assert_memory_equal(got, want, sizeof(want));
}

/* An EPB with opt_comment: after epb_flags, padded to 4, then opt_endofopt; and alone. */
static void test_pcapng_comment(void **state)
{
	static const uint8_t epbs[] = {
		/* caplen 3, epb_flags outbound, opt_comment "hop!x" (5 bytes, 3 of padding) */
		6, 0, 0, 0, 60, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0x9c, 0x97, 0x17, 0x15, 0xcd, 0x85, 0x3d,
		3, 0, 0, 0, 60, 0, 0, 0, 'a', 'b', 'c', 0, 2, 0, 4, 0, 2, 0, 0, 0,
		1, 0, 5, 0, 'h', 'o', 'p', '!', 'x', 0, 0, 0, 0, 0, 0, 0, 60, 0, 0, 0,
		/* no direction: opt_comment "ab" alone */
		6, 0, 0, 0, 48, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0x9c, 0x97, 0x17, 0x15, 0xcd, 0x85, 0x3d,
		3, 0, 0, 0, 60, 0, 0, 0, 'a', 'b', 'c', 0, 1, 0, 2, 0, 'a', 'b', 0, 0,
		0, 0, 0, 0, 48, 0, 0, 0,
	};
	struct savefile_write_opts o = {
		.format = SAVEFILE_PCAPNG, .snaplen = 96, .ifs = eth_ifs, .n_ifs = 1,
	};
	struct savefile_pkt p = { .ts_ns = T0 + 123456789, .caplen = 3, .wirelen = 60,
				  .dir = SAVEFILE_DIR_OUT, .data = (const uint8_t *)"abc" };
	struct savefile_writer *w;
	struct savefile_reader *r;
	const uint8_t *got;
	size_t len;

	if (*(const uint8_t *)&(uint16_t){ 1 } != 1)
		skip();
	w = open_w(tmp_path("c.pcapng"), &o);
	p.comments[0] = "hop!x";
	assert_int_equal(savefile_write_packet(w, &p), 0);
	p.dir = SAVEFILE_DIR_UNKNOWN;
	p.comments[0] = "ab";
	assert_int_equal(savefile_write_packet(w, &p), 0);
	p.comments[0] = NULL;
	assert_int_equal(savefile_write_close(w), 0);
	got = read_file(tmp_path("c.pcapng"), &len);
	/* After the SHB (44 bytes) and IDB (40), before nothing: no statistics were set. */
	assert_int_equal(len, 44 + 40 + sizeof(epbs));
	assert_memory_equal(got + 84, epbs, sizeof(epbs));
	/* The reader skips the option: the packets come back whole. */
	r = open_r(tmp_path("c.pcapng"));
	p.dir = SAVEFILE_DIR_OUT;
	expect_pkt(r, &p, SAVEFILE_PCAPNG, eth_ifs, 96);
	p.dir = SAVEFILE_DIR_UNKNOWN;
	expect_pkt(r, &p, SAVEFILE_PCAPNG, eth_ifs, 96);
	expect_end(r);
	savefile_read_close(r);
}

/* ---- round trips ---- */

static void round_trip(enum savefile_format format, const struct savefile_wif *ifs, unsigned n_ifs,
		       uint32_t snaplen)
{
	enum { N = 2000 };
	struct savefile_write_opts o = {
		.format = format, .snaplen = snaplen, .ifs = ifs, .n_ifs = n_ifs,
	};
	struct savefile_writer *w = open_w(tmp_path("rt"), &o);
	struct savefile_reader *r;

	for (unsigned i = 0; i < N; i++) {
		struct savefile_pkt p = make_pkt(i, n_ifs);

		assert_int_equal(savefile_write_packet(w, &p), 0);
	}
	assert_string_equal(savefile_write_path(w), tmp_path("rt"));
	assert_int_equal(savefile_write_close(w), 0);

	r = open_r(tmp_path("rt"));
	assert_int_equal(savefile_read_format(r), format);
	assert_int_equal(savefile_read_if_count(r), format == SAVEFILE_PCAPNG ? n_ifs : 1);
	for (unsigned i = 0; i < savefile_read_if_count(r); i++) {
		const struct savefile_if *f = savefile_read_if(r, i);

		assert_int_equal(f->linktype, ifs[i].linktype);
		assert_int_equal(f->snaplen, snaplen ? snaplen : SAVEFILE_MAX_SNAPLEN);
		assert_string_equal(f->name, format == SAVEFILE_PCAPNG ? ifs[i].name : "");
	}
	for (unsigned i = 0; i < N; i++) {
		struct savefile_pkt p = make_pkt(i, n_ifs);

		expect_pkt(r, &p, format, ifs, snaplen ? snaplen : SAVEFILE_MAX_SNAPLEN);
	}
	expect_end(r);
	savefile_read_close(r);
}

static void test_round_trip(void **state)
{
	round_trip(SAVEFILE_PCAP, eth_ifs, 1, 0);
	round_trip(SAVEFILE_PCAP, eth_ifs, 2, 0);	/* one link type: pcap can hold both */
	round_trip(SAVEFILE_PCAP_NANO, eth_ifs, 1, 0);
	round_trip(SAVEFILE_PCAP_NANO, eth_ifs, 1, 100);	/* cut to the snaplen */
	round_trip(SAVEFILE_PCAPNG, mixed_ifs, 2, 0);
	round_trip(SAVEFILE_PCAPNG, eth_ifs, 2, 1001);
}

/* Records larger than the 1 MiB buffer go out in pieces. */
static void test_big_records(void **state)
{
	enum { BIG = 3 << 20 };
	static const struct savefile_wif ifs[] = { { NULL, 1 } };
	uint8_t *data = malloc(BIG);

	assert_non_null(data);
	for (size_t i = 0; i < BIG; i++)
		data[i] = (uint8_t)(i ^ i >> 12);
	for (int f = SAVEFILE_PCAP; f <= SAVEFILE_PCAPNG; f++) {
		struct savefile_write_opts o = {
			.format = f, .snaplen = BIG, .ifs = ifs, .n_ifs = 1,
		};
		struct savefile_writer *w = open_w(tmp_path("big"), &o);
		struct savefile_reader *r;

		for (unsigned i = 0; i < 3; i++) {
			struct savefile_pkt p = {
				.ts_ns = i * NSEC, .caplen = BIG - i, .wirelen = BIG,
				.data = data + i,
			};

			assert_int_equal(savefile_write_packet(w, &p), 0);
		}
		assert_int_equal(savefile_write_close(w), 0);
		r = open_r(tmp_path("big"));
		for (unsigned i = 0; i < 3; i++) {
			struct savefile_pkt p = {
				.ts_ns = i * NSEC, .caplen = BIG - i, .wirelen = BIG,
				.data = data + i,
			};

			expect_pkt(r, &p, f, ifs, BIG);
		}
		expect_end(r);
		savefile_read_close(r);
	}
	free(data);
}

/* ISBs carry the counters given last, on each interface that has some. */
static void test_stats(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAPNG, .ifs = mixed_ifs, .n_ifs = 2 };
	struct savefile_stats st = {
		.present = SAVEFILE_STAT_RECV | SAVEFILE_STAT_DROP | SAVEFILE_STAT_OS_DROP |
			   SAVEFILE_STAT_START | SAVEFILE_STAT_END | SAVEFILE_STAT_FILTER_ACCEPT |
			   SAVEFILE_STAT_USR_DELIV,
		.ts_ns = T0 + 5, .start_ns = T0, .end_ns = T0 + 5, .recv = 100, .drop = 2,
		.os_drop = 3, .filter_accept = 90, .usr_deliv = 88,
	};
	struct savefile_writer *w = open_w(tmp_path("st"), &o);
	struct savefile_pkt p = make_pkt(1, 2);
	struct savefile_reader *r;
	const struct savefile_if *f;

	assert_int_equal(savefile_write_packet(w, &p), 0);
	savefile_write_set_stats(w, 1, &(struct savefile_stats){ .present = SAVEFILE_STAT_RECV });
	savefile_write_set_stats(w, 1, &st);
	assert_int_equal(savefile_write_close(w), 0);
	r = open_r(tmp_path("st"));
	expect_pkt(r, &p, SAVEFILE_PCAPNG, mixed_ifs, SAVEFILE_MAX_SNAPLEN);
	expect_end(r);
	assert_int_equal(savefile_read_if(r, 0)->stats.present, 0);
	f = savefile_read_if(r, 1);
	assert_int_equal(f->stats.present, st.present);
	assert_int_equal(f->stats.ts_ns, st.ts_ns);
	assert_int_equal(f->stats.start_ns, st.start_ns);
	assert_int_equal(f->stats.end_ns, st.end_ns);
	assert_int_equal(f->stats.recv, 100);
	assert_int_equal(f->stats.drop, 2);
	assert_int_equal(f->stats.os_drop, 3);
	assert_int_equal(f->stats.filter_accept, 90);
	assert_int_equal(f->stats.usr_deliv, 88);
	savefile_read_close(r);
}

/* ---- errors ---- */

static void test_bad_opts(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAP, .ifs = mixed_ifs, .n_ifs = 2 };
	static const struct savefile_wif wide[] = { { "x", 70000 } };
	struct savefile_writer *w = (void *)1;
	struct savefile_pkt p = make_pkt(1, 1);

	/* pcap has one link type for the file. */
	assert_int_equal(savefile_write_open(&w, tmp_path("bad"), &o), -EINVAL);
	assert_null(w);
	o.n_ifs = 0;
	assert_int_equal(savefile_write_open(&w, tmp_path("bad"), &o), -EINVAL);
	o = (struct savefile_write_opts){ .format = SAVEFILE_PCAPNG, .ifs = eth_ifs, .n_ifs = 1,
					  .snaplen = SAVEFILE_MAX_CAPLEN + 1 };
	assert_int_equal(savefile_write_open(&w, tmp_path("bad"), &o), -EINVAL);
	o = (struct savefile_write_opts){ .format = SAVEFILE_PCAPNG, .ifs = wide, .n_ifs = 1 };
	assert_int_equal(savefile_write_open(&w, tmp_path("bad"), &o), -EINVAL);
	o = (struct savefile_write_opts){ .format = SAVEFILE_PCAP, .ifs = eth_ifs, .n_ifs = 1,
					  .rotate_bytes = 1000 };
	assert_int_equal(savefile_write_open(&w, "-", &o), -EINVAL);
	o.rotate_bytes = 0;
	o.max_files = 3;
	assert_int_equal(savefile_write_open(&w, tmp_path("bad"), &o), -EINVAL);
	o.max_files = 0;
	assert_int_equal(savefile_write_open(&w, "/nonexistent/dir/x", &o), -ENOENT);

	w = open_w(tmp_path("bad"), &o);
	p.ifindex = 1;
	assert_int_equal(savefile_write_packet(w, &p), -EINVAL);
	p.ifindex = 0;
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
}

/* A full disk is reported on flush, on the packet that fills the buffer, and on close. */
static void test_enospc(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAPNG, .ifs = eth_ifs, .n_ifs = 2 };
	struct savefile_writer *w = open_w("/dev/full", &o);
	struct savefile_pkt p = make_pkt(3, 2);
	unsigned i;
	int ret = 0;

	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_flush(w), -ENOSPC);
	assert_int_equal(savefile_write_packet(w, &p), -ENOSPC);
	assert_int_equal(savefile_write_close(w), -ENOSPC);

	w = open_w("/dev/full", &o);
	for (i = 0; i < 100000 && ret == 0; i++)
		ret = savefile_write_packet(w, &p);
	assert_int_equal(ret, -ENOSPC);
	/* The buffer is 1 MiB: the error comes when it fills, not at close. */
	assert_in_range(i, 1000, 1 << 20);
	assert_int_equal(savefile_write_close(w), -ENOSPC);

	/* Nothing but the close itself writes: still reported. */
	w = open_w("/dev/full", &o);
	assert_int_equal(savefile_write_close(w), -ENOSPC);
}

/*
 * The file size limit cuts a write short: the failure after it counts, and the file is
 * cut back to its last whole record or block, so readers see a complete capture.
 * In a child: the limit stays there.  0, or what failed.
 */
static int short_write_child(enum savefile_format format, const char *name)
{
	struct rlimit rl = { 100000, 100000 };
	struct savefile_write_opts o = { .format = format, .ifs = eth_ifs, .n_ifs = 2 };
	struct savefile_pkt p = make_pkt(7, 1), got;
	struct savefile_writer *w;
	struct savefile_reader *r;
	char errbuf[SAVEFILE_ERRLEN];
	uint64_t stored;
	int ret = 0, n;

	signal(SIGXFSZ, SIG_IGN);
	if (setrlimit(RLIMIT_FSIZE, &rl) || savefile_write_open(&w, tmp_path(name), &o))
		return 10;
	for (unsigned i = 0; i < 2000 && ret == 0; i++)
		ret = savefile_write_packet(w, &p);
	if (ret != -EFBIG)
		return 11;
	stored = savefile_write_stored(w, 0);
	if (savefile_write_close(w) != -EFBIG)
		return 12;
	/* Most of the 100000 bytes hold records, and the file ends after the last whole one. */
	if (stored < 90)
		return 13;
	if (savefile_read_open(&r, tmp_path(name), errbuf))
		return 14;
	for (n = 0; (ret = savefile_read_next(r, &got)) == 1; n++)
		if (got.caplen != p.caplen || memcmp(got.data, p.data, p.caplen))
			return 15;
	savefile_read_close(r);
	if (ret != 0)
		return 16;	/* "truncated record": the file was not cut back */
	return (uint64_t)n == stored ? 0 : 17;
}

static void test_short_write(void **state)
{
	static const struct {
		enum savefile_format format;
		const char *name;
	} cases[] = { { SAVEFILE_PCAP, "short.pcap" }, { SAVEFILE_PCAPNG, "short.pcapng" } };

	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		pid_t pid = fork();
		int status;

		assert_true(pid >= 0);
		if (pid == 0)
			_exit(short_write_child(cases[c].format, cases[c].name));
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		if (WEXITSTATUS(status))
			fail_msg("%s: child step %d failed", cases[c].name, WEXITSTATUS(status));
	}
}

/*
 * A header block cut short leaves an empty file, not half a header; with -C, the
 * ring's file that fails is the one cut back, and the one savefile_write_path names.
 */
static void test_short_write_rotate(void **state)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 3000, 3000 };
		struct savefile_write_opts o = {
			.format = SAVEFILE_PCAP, .ifs = eth_ifs, .n_ifs = 1,
			.rotate_bytes = 2000, .max_files = 3,
		};
		struct savefile_pkt p = make_pkt(7, 1);	/* 933 bytes a record */
		struct savefile_writer *w;
		struct stat st;
		int ret = 0;
		unsigned i;

		signal(SIGXFSZ, SIG_IGN);
		if (savefile_write_open(&w, tmp_path("sr"), &o))
			_exit(10);
		/* Two records a file: 24 + 2 x 933 = 1890.  Six fill sr0 sr1 sr2. */
		for (i = 0; i < 6; i++)
			if (savefile_write_packet(w, &p))
				_exit(11);
		if (savefile_write_flush(w))
			_exit(11);
		/* The seventh starts sr0 again, which the limit now cuts in its second record. */
		rl.rlim_cur = rl.rlim_max = 24 + 933 + 500;
		if (setrlimit(RLIMIT_FSIZE, &rl))
			_exit(12);
		for (i = 0; i < 2 && ret == 0; i++)
			ret = savefile_write_packet(w, &p);
		if (ret == 0)
			ret = savefile_write_flush(w);
		if (ret != -EFBIG || strcmp(savefile_write_path(w), tmp_path("sr0")))
			_exit(13);
		if (savefile_write_stored(w, 0) != 7)
			_exit(14);
		savefile_write_close(w);
		if (stat(tmp_path("sr0"), &st) || st.st_size != 24 + 933)
			_exit(15);
		if (stat(tmp_path("sr2"), &st) || st.st_size != 24 + 2 * 933)
			_exit(16);
		/* A file header the limit cuts: nothing of it stays. */
		rl.rlim_cur = rl.rlim_max = 10;
		if (setrlimit(RLIMIT_FSIZE, &rl))
			_exit(17);
		o = (struct savefile_write_opts){ .format = SAVEFILE_PCAPNG, .ifs = eth_ifs,
						  .n_ifs = 1 };
		if (savefile_write_open(&w, tmp_path("hdr"), &o) ||
		    savefile_write_close(w) != -EFBIG)
			_exit(18);
		if (stat(tmp_path("hdr"), &st) || st.st_size != 0)
			_exit(19);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status))
		fail_msg("child step %d failed", WEXITSTATUS(status));
}

/* pcap's seconds are 32 bits: a later record is refused, not wrapped to 1970. */
static void test_time_past_2106(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAP, .ifs = eth_ifs, .n_ifs = 1 };
	struct savefile_pkt p = make_pkt(3, 1), late = p;
	struct savefile_writer *w;
	struct savefile_reader *r;

	late.ts_ns = (UINT32_MAX + 1ull) * NSEC;	/* 2106-02-07 06:28:16 UTC */
	for (int f = SAVEFILE_PCAP; f <= SAVEFILE_PCAP_NANO; f++) {
		o.format = f;
		w = open_w(tmp_path("late"), &o);
		assert_int_equal(savefile_write_packet(w, &p), 0);
		assert_int_equal(savefile_write_packet(w, &late), -ERANGE);
		/* Not sticky: what came before is written, and the last second still fits. */
		late.ts_ns--;
		assert_int_equal(savefile_write_packet(w, &late), 0);
		late.ts_ns++;
		assert_int_equal(savefile_write_close(w), 0);
		r = open_r(tmp_path("late"));
		expect_pkt(r, &p, f, eth_ifs, SAVEFILE_MAX_SNAPLEN);
		late.ts_ns--;
		expect_pkt(r, &late, f, eth_ifs, SAVEFILE_MAX_SNAPLEN);
		late.ts_ns++;
		expect_end(r);
		savefile_read_close(r);
	}
	/* pcapng's 64-bit times hold it. */
	o.format = SAVEFILE_PCAPNG;
	w = open_w(tmp_path("late"), &o);
	assert_int_equal(savefile_write_packet(w, &late), 0);
	assert_int_equal(savefile_write_close(w), 0);
	r = open_r(tmp_path("late"));
	expect_pkt(r, &late, SAVEFILE_PCAPNG, eth_ifs, SAVEFILE_MAX_SNAPLEN);
	savefile_read_close(r);
	assert_string_equal(savefile_write_strerror(-ERANGE),
			    "a timestamp past 2106: pcap cannot hold it (write --pcapng)");
}

/* The file being read is never opened for writing: by its name, a link to it, or a rotation. */
static void test_not_input(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAP, .ifs = eth_ifs, .n_ifs = 1 };
	struct savefile_pkt p = make_pkt(3, 1);
	struct savefile_writer *w = (void *)1;
	struct savefile_reader *r;
	size_t len;
	uint8_t before[4096];
	const uint8_t *got;
	char in[PATH_MAX];	/* tmp_path's buffer is one: two names need a copy */

	snprintf(in, sizeof(in), "%s", tmp_path("in.pcap"));
	w = open_w(in, &o);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	got = read_file(tmp_path("in.pcap"), &len);
	assert_true(len < sizeof(before));
	memcpy(before, got, len);
	assert_int_equal(symlink(in, tmp_path("link.pcap")), 0);

	r = open_r(tmp_path("in.pcap"));
	o.has_input = savefile_read_id(r, &o.input_dev, &o.input_ino);
	assert_true(o.has_input);
	assert_int_equal(savefile_write_open(&w, tmp_path("in.pcap"), &o), -EEXIST);
	assert_null(w);
	assert_int_equal(savefile_write_open(&w, tmp_path("link.pcap"), &o), -EEXIST);
	assert_int_equal(savefile_write_create(tmp_path("link.pcap"), &o), -EEXIST);
	/* -C 1000 -W 2 of in.pcap when the input is in.pcap1: in.pcap0 is made, in.pcap1 not. */
	assert_int_equal(rename(in, tmp_path("in.pcap1")), 0);
	o.rotate_bytes = 1000;
	o.max_files = 2;
	w = open_w(in, &o);
	p = make_pkt(7, 1);	/* 933 bytes a record: the second passes 1000 */
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_packet(w, &p), -EEXIST);
	assert_string_equal(savefile_write_path(w), tmp_path("in.pcap1"));
	assert_int_equal(savefile_write_close(w), -EEXIST);
	got = read_file(tmp_path("in.pcap1"), &len);
	assert_memory_equal(got, before, len);
	savefile_read_close(r);
	assert_string_equal(savefile_write_strerror(-EEXIST),
			    "is the input file; refusing to overwrite it");
	assert_string_equal(savefile_write_strerror(-ENOSPC), strerror(ENOSPC));
}

/* A file made first (before giving up root) is the one the writer then fills. */
static void test_create_first(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAP, .ifs = eth_ifs, .n_ifs = 1,
					 .rotate_secs = 60 };
	struct savefile_pkt p = make_pkt(3, 1);
	struct savefile_writer *w;
	struct savefile_reader *r;
	char name[PATH_MAX];
	struct stat st;
	int fd;

	p.ts_ns = 0;	/* before the interval: no rotation */
	fd = savefile_write_create(tmp_path("first-%s"), &o);
	assert_true(fd >= 0);
	assert_true(o.start_ns > 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(st.st_size, 0);
	assert_int_equal(savefile_write_filename(name, sizeof(name), tmp_path("first-%s"), &o,
						 o.start_ns, 0), 0);
	assert_int_equal(savefile_write_open_fd(&w, fd, tmp_path("first-%s"), &o), 0);
	assert_string_equal(savefile_write_path(w), name);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	r = open_r(name);
	expect_pkt(r, &p, SAVEFILE_PCAP, eth_ifs, SAVEFILE_MAX_SNAPLEN);
	expect_end(r);
	savefile_read_close(r);
	assert_int_equal(savefile_write_create("-", &o), -EINVAL);
	/* Bad options: the descriptor is closed all the same. */
	fd = savefile_write_create(tmp_path("first2"), &o);
	assert_true(fd >= 0);
	o.n_ifs = 0;
	assert_int_equal(savefile_write_open_fd(&w, fd, tmp_path("first2"), &o), -EINVAL);
	assert_int_equal(fcntl(fd, F_GETFD), -1);
}

/* "-" writes to standard output. */
static void test_stdout(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAP_NANO, .ifs = eth_ifs, .n_ifs = 1 };
	int fd = open(tmp_path("stdout"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int saved = dup(STDOUT_FILENO);
	struct savefile_pkt p = make_pkt(5, 1);
	struct savefile_writer *w;
	struct savefile_reader *r;

	assert_true(fd >= 0 && saved >= 0);
	assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	w = open_w("-", &o);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	/* stdout stays open */
	assert_int_equal(fcntl(STDOUT_FILENO, F_GETFD), 0);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
	r = open_r(tmp_path("stdout"));
	expect_pkt(r, &p, SAVEFILE_PCAP_NANO, eth_ifs, SAVEFILE_MAX_SNAPLEN);
	expect_end(r);
	savefile_read_close(r);
}

/* ---- rotation ---- */

static void test_filenames(void **state)
{
	static const struct {
		uint64_t c;
		uint32_t g;
		unsigned w, count;
		const char *pattern, *want;
	} cases[] = {
		{ 1000, 0, 0, 0, "f.pcap", "f.pcap" },
		{ 1000, 0, 0, 1, "f.pcap", "f.pcap1" },
		{ 1000, 0, 0, 12, "f.pcap", "f.pcap12" },
		{ 1000, 0, 3, 0, "f", "f0" },
		{ 1000, 0, 10, 9, "f", "f9" },
		{ 1000, 0, 11, 7, "f", "f07" },
		{ 1000, 0, 1, 0, "f", "f" },
		{ 0, 60, 0, 0, "cap-%Y%m%d-%H%M%S.pcap", "cap-20231114-221320.pcap" },
		{ 0, 60, 5, 0, "cap-%H%M", "cap-2213" },
		{ 1000, 60, 0, 0, "cap-%H%M", "cap-2213" },
		{ 1000, 60, 0, 2, "cap-%H%M", "cap-22132" },
		{ 1000, 60, 100, 2, "cap-%H%M", "cap-221302" },
	};
	char buf[PATH_MAX], small[8];
	char *tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;

	setenv("TZ", "UTC", 1);
	tzset();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct savefile_write_opts o = {
			.rotate_bytes = cases[i].c, .rotate_secs = cases[i].g,
			.max_files = cases[i].w,
		};

		assert_int_equal(savefile_write_filename(buf, sizeof(buf), cases[i].pattern, &o,
							 T0, cases[i].count), 0);
		assert_string_equal(buf, cases[i].want);
		assert_int_equal(savefile_write_filename(small, sizeof(small), cases[i].pattern, &o,
							 T0, cases[i].count),
				 strlen(cases[i].want) < sizeof(small) ? 0 : -ENAMETOOLONG);
	}
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(tz);
}

static bool exists(const char *name)
{
	return access(tmp_path(name), F_OK) == 0;
}

/* Reads NAME and checks it holds exactly packets FIRST..LAST of make_pkt. */
static void expect_file(const char *name, enum savefile_format format, unsigned first,
			unsigned last, size_t max_size)
{
	struct savefile_reader *r = open_r(tmp_path(name));
	struct stat st;

	for (unsigned i = first; i <= last; i++) {
		struct savefile_pkt p = make_pkt(i, 2);

		expect_pkt(r, &p, format, eth_ifs, SAVEFILE_MAX_SNAPLEN);
	}
	expect_end(r);
	savefile_read_close(r);
	assert_int_equal(stat(tmp_path(name), &st), 0);
	assert_true((size_t)st.st_size <= max_size);
}

static void write_pkts(struct savefile_writer *w, unsigned first, unsigned last)
{
	for (unsigned i = first; i <= last; i++) {
		struct savefile_pkt p = make_pkt(i, 1);

		/* All of 500 bytes, for file sizes easy to predict. */
		p.caplen = 500;
		p.wirelen = 500;
		assert_int_equal(savefile_write_packet(w, &p), 0);
	}
}

static void expect_file500(const char *name, unsigned first, unsigned last, size_t max_size)
{
	struct savefile_reader *r = open_r(tmp_path(name));
	struct savefile_pkt p;
	struct stat st;

	for (unsigned i = first; i <= last; i++) {
		assert_int_equal(savefile_read_next(r, &p), 1);
		assert_int_equal(p.ts_ns / 1000, make_pkt(i, 1).ts_ns / 1000);
		assert_int_equal(p.caplen, 500);
	}
	expect_end(r);
	savefile_read_close(r);
	assert_int_equal(stat(tmp_path(name), &st), 0);
	assert_true((size_t)st.st_size <= max_size);
}

/* -C: a record that would pass the size starts the next file: f, f1, f2, ... */
static void test_rotate_size(void **state)
{
	/* 24-byte header + 3 records of 516 bytes = 1572 <= 2000; a 4th would not fit. */
	struct savefile_write_opts o = { .format = SAVEFILE_PCAP_NANO, .ifs = eth_ifs, .n_ifs = 1,
					 .rotate_bytes = 2000 };
	struct savefile_writer *w = open_w(tmp_path("c.pcap"), &o);

	write_pkts(w, 0, 7);
	assert_string_equal(savefile_write_path(w), tmp_path("c.pcap2"));
	assert_int_equal(savefile_write_close(w), 0);
	expect_file500("c.pcap", 0, 2, 2000);
	expect_file500("c.pcap1", 3, 5, 2000);
	expect_file500("c.pcap2", 6, 7, 2000);
	assert_false(exists("c.pcap3"));

	/* A file may reach the size exactly. */
	o.rotate_bytes = 24 + 3 * 516;
	w = open_w(tmp_path("exact"), &o);
	write_pkts(w, 0, 3);
	assert_int_equal(savefile_write_close(w), 0);
	expect_file500("exact", 0, 2, 24 + 3 * 516);
	expect_file500("exact1", 3, 3, 24 + 516);

	/* A packet bigger than the limit still gets written, alone in its file. */
	o.rotate_bytes = 100;
	w = open_w(tmp_path("one"), &o);
	write_pkts(w, 0, 1);
	assert_int_equal(savefile_write_close(w), 0);
	expect_file500("one", 0, 0, 540);
	expect_file500("one1", 1, 1, 540);

	/* -W 2: a ring of two files, the oldest overwritten. */
	o.rotate_bytes = 2000;
	o.max_files = 2;
	w = open_w(tmp_path("ring"), &o);
	write_pkts(w, 0, 10);
	assert_int_equal(savefile_write_close(w), 0);
	assert_false(exists("ring"));
	expect_file500("ring0", 6, 8, 2000);
	expect_file500("ring1", 9, 10, 2000);
	assert_false(exists("ring2"));
}

/* -G: a new file when packet time enters a new interval, named by strftime of its start. */
static void test_rotate_time(void **state)
{
	struct savefile_write_opts o = { .format = SAVEFILE_PCAPNG, .ifs = eth_ifs, .n_ifs = 2,
					 .rotate_secs = 10, .start_ns = T0 };
	char *tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	struct savefile_writer *w;
	struct savefile_stats st = { .present = SAVEFILE_STAT_RECV, .ts_ns = T0, .recv = 1 };
	struct savefile_pkt late = { 0 };
	struct savefile_reader *r;

	setenv("TZ", "UTC", 1);
	tzset();
	/* make_pkt(i) is about i seconds after T0 (22:13:20). */
	w = open_w(tmp_path("g-%H%M%S"), &o);
	savefile_write_set_stats(w, 0, &st);
	for (unsigned i = 0; i <= 35; i++) {
		struct savefile_pkt p = make_pkt(i, 2);

		if (i >= 12 && i < 31)
			continue;	/* an interval with nothing gets no file */
		assert_int_equal(savefile_write_packet(w, &p), 0);
	}
	assert_int_equal(savefile_write_close(w), 0);
	expect_file("g-221320", SAVEFILE_PCAPNG, 0, 9, 1 << 20);
	expect_file("g-221330", SAVEFILE_PCAPNG, 10, 11, 1 << 20);
	assert_false(exists("g-221340"));
	expect_file("g-221350", SAVEFILE_PCAPNG, 31, 35, 1 << 20);
	/* Each file ends with the counters known when it closed. */
	r = open_r(tmp_path("g-221330"));
	while (savefile_read_next(r, &(struct savefile_pkt){ 0 }) == 1)
		;
	assert_int_equal(savefile_read_if(r, 0)->stats.recv, 1);
	savefile_read_close(r);

	/* -W 2 without -C: stop once two files are written. */
	o.max_files = 2;
	w = open_w(tmp_path("h-%M%S"), &o);
	for (unsigned i = 0; i < 20; i++) {
		struct savefile_pkt p = make_pkt(i, 2);

		assert_int_equal(savefile_write_packet(w, &p), 0);
	}
	late.ts_ns = T0 + 21 * NSEC;
	assert_int_equal(savefile_write_packet(w, &late), SAVEFILE_DONE);
	late.ts_ns = T0;
	assert_int_equal(savefile_write_packet(w, &late), SAVEFILE_DONE);
	assert_int_equal(savefile_write_close(w), 0);
	expect_file("h-1320", SAVEFILE_PCAPNG, 0, 9, 1 << 20);
	expect_file("h-1330", SAVEFILE_PCAPNG, 10, 19, 1 << 20);
	assert_false(exists("h-1340"));

	/* -G with -C: numbered files within each interval. */
	o = (struct savefile_write_opts){ .format = SAVEFILE_PCAP, .ifs = eth_ifs, .n_ifs = 1,
					  .rotate_secs = 10, .rotate_bytes = 2000, .start_ns = T0 };
	w = open_w(tmp_path("gc-%S-"), &o);
	write_pkts(w, 0, 13);
	assert_int_equal(savefile_write_close(w), 0);
	expect_file500("gc-20-", 0, 2, 2000);
	expect_file500("gc-20-1", 3, 5, 2000);
	expect_file500("gc-20-2", 6, 8, 2000);
	expect_file500("gc-20-3", 9, 9, 2000);
	expect_file500("gc-30-", 10, 12, 2000);
	expect_file500("gc-30-1", 13, 13, 2000);

	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(tz);
}

/*
 * Comments encoded once (savefile_pcapng_comments, as sniff does per owner
 * pair) write the bytes the text comments write; and two comments at their
 * longest, after epb_flags and padding, stay whole (the trailer once held 640
 * bytes, less than that record's 715: the second comment ran past it).
 */
static void test_pcapng_options(void **state)
{
	static char longest[2][SAVEFILE_MAX_COMMENT_LEN + 1];
	struct savefile_write_opts o = {
		.format = SAVEFILE_PCAPNG, .snaplen = 96, .ifs = eth_ifs, .n_ifs = 1,
	};
	struct savefile_pkt p = { .ts_ns = T0 + 123456789, .caplen = 3, .wirelen = 60,
				  .dir = SAVEFILE_DIR_OUT, .data = (const uint8_t *)"abc" };
	const char *two[2] = { "pid=1 comm=a cgroup=/x", "pid=22 comm=bb cgroup=?" };
	uint8_t opts[SAVEFILE_MAX_OPTIONS], copy[512];
	const uint8_t *text, *pre;
	size_t tlen, plen, rec = 28 + 4 + 8 + SAVEFILE_MAX_OPTIONS + 4 + 4;
	struct savefile_writer *w;
	uint16_t n;

	if (*(const uint8_t *)&(uint16_t){ 1 } != 1)
		skip();
	(void)state;
	/* The same two records, as text and as encoded options. */
	w = open_w(tmp_path("t.pcapng"), &o);
	p.comments[0] = two[0];
	p.comments[1] = two[1];
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	p.comments[0] = p.comments[1] = NULL;
	n = savefile_pcapng_comments(opts, two, (const uint16_t[2]){ 0, 0 }, 2);
	/* 22 bytes (2 of padding) and 23 (1), each after its 4-byte header. */
	assert_int_equal(n, 4 + 24 + 4 + 24);
	p.options = opts;
	p.options_len = n;
	w = open_w(tmp_path("o.pcapng"), &o);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	/* read_file's buffer is one: the first file's bytes are copied out. */
	text = read_file(tmp_path("t.pcapng"), &tlen);
	assert_true(tlen <= sizeof(copy));
	memcpy(copy, text, tlen);
	pre = read_file(tmp_path("o.pcapng"), &plen);
	assert_int_equal(tlen, plen);
	assert_memory_equal(copy, pre, tlen);

	/* Both at their longest: the record holds both, then opt_endofopt and its length. */
	for (unsigned i = 0; i < 2; i++) {
		memset(longest[i], 'a' + (int)i, SAVEFILE_MAX_COMMENT_LEN);
		p.comments[i] = longest[i];
	}
	p.options = NULL;
	p.options_len = 0;
	w = open_w(tmp_path("l.pcapng"), &o);
	assert_int_equal(savefile_write_packet(w, &p), 0);
	assert_int_equal(savefile_write_close(w), 0);
	text = read_file(tmp_path("l.pcapng"), &tlen);
	assert_int_equal(tlen, 84 + rec);
	text += 84;
	assert_int_equal(text[4] | text[5] << 8, rec);
	/* data "abc" and a byte of padding at 28, epb_flags at 32, the comments at 40 */
	for (unsigned i = 0; i < 2; i++) {
		const uint8_t *c = text + 40 + i * (4 + SAVEFILE_MAX_COMMENT_LEN);

		assert_int_equal(c[0] | c[1] << 8, 1);
		assert_int_equal(c[2] | c[3] << 8, SAVEFILE_MAX_COMMENT_LEN);
		assert_memory_equal(c + 4, longest[i], SAVEFILE_MAX_COMMENT_LEN);
	}
	assert_memory_equal(text + rec - 8, (const uint8_t[4]){ 0 }, 4);
	assert_int_equal(text[rec - 4] | text[rec - 3] << 8, rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcap_bytes),
		cmocka_unit_test(test_pcapng_bytes),
		cmocka_unit_test(test_pcapng_comment),
		cmocka_unit_test(test_pcapng_options),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_big_records),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_bad_opts),
		cmocka_unit_test(test_enospc),
		cmocka_unit_test(test_short_write),
		cmocka_unit_test(test_short_write_rotate),
		cmocka_unit_test(test_time_past_2106),
		cmocka_unit_test(test_not_input),
		cmocka_unit_test(test_create_first),
		cmocka_unit_test(test_stdout),
		cmocka_unit_test(test_filenames),
		cmocka_unit_test(test_rotate_size),
		cmocka_unit_test(test_rotate_time),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
