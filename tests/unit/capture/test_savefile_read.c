/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_savefile_read.c: unit tests for the reader: its buffering, the API and the pcap format. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "savefile_bytes.h"

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
	next_pkt(r, T0 * NSEC + (nano ? 123456 : 123456000), 0, 1, SAVEFILE_DIR_UNKNOWN, "abcd", 4,
		 60);
	next_pkt(r, (T0 + 1) * NSEC + (nano ? 999999 : 999999000), 0, 1, SAVEFILE_DIR_UNKNOWN, "",
		 0, 0);
	next_pkt(r, UINT32_MAX * NSEC + (nano ? 5 : 5000), 0, 1, SAVEFILE_DIR_UNKNOWN, "hello", 5,
		 5);
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

/* ---- truncated at every byte ---- */

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

/* ---- corrupt lengths and fields ---- */

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

/* A pipe whose writer holds it open: the stop descriptor ends the wait, at the header or a record. */
static void test_stop_fd(void **state)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r;
	struct savefile_pkt p;
	int fds[2], efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	uint64_t one = 1;
	struct bb b;

	(void)state;
	assert_true(efd >= 0);
	savefile_read_set_stop_fd(efd);
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(efd, &one, sizeof(one)), sizeof(one));
	/* Nothing written yet: the header's wait ends. */
	assert_int_equal(savefile_read_open_fd(&r, fds[0], errbuf), -ECANCELED);
	assert_null(r);
	/* A header and half a record: the record's wait ends; the packet before it came through. */
	assert_int_equal(read(efd, &one, sizeof(one)), sizeof(one));
	bb_init(&b, true);
	shb(&b, 1);
	idb(&b, 1, 0, "x", 1, 0);
	epb(&b, 0, 1, (const uint8_t *)"abcdefgh", 8, 8, 0);
	assert_int_equal(write(fds[1], b.b, b.n), (ssize_t)b.n);
	assert_int_equal(write(fds[1], "\x06\0\0\0", 4), 4);	/* half the next block's header */
	assert_int_equal(savefile_read_open_fd(&r, fds[0], errbuf), 0);
	assert_int_equal(savefile_read_next(r, &p), 1);
	assert_int_equal(write(efd, &one, sizeof(one)), sizeof(one));
	assert_int_equal(savefile_read_next(r, &p), -ECANCELED);
	savefile_read_close(r);
	savefile_read_set_stop_fd(-1);
	free(b.b);
	close(fds[0]);
	close(fds[1]);
	close(efd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcap_micro),
		cmocka_unit_test(test_pcap_nano),
		cmocka_unit_test(test_truncated_pcap),
		cmocka_unit_test(test_corrupt_pcap),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_stop_fd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
