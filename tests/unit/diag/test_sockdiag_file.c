/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sockdiag_file.c: recordings written and read back, and cut or corrupt ones. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "diag/sockdiag_file.h"

struct rec {
	char *buf;
	size_t len;
};

/* A recording: header, NETNS "blue", LINK 2 eth0, a DUMP of 5 bytes, an unknown record. */
static struct rec record(void)
{
	struct sockdiag_req req = { .family = AF_INET6, .protocol = 262 };
	struct rec r = { 0 };
	uint32_t unknown[3] = { 99, 4, 0x41424344 };
	FILE *f = open_memstream(&r.buf, &r.len);

	assert_non_null(f);
	assert_int_equal(sockdiag_file_write_header(f), 0);
	assert_int_equal(sockdiag_file_write_netns(f, "blue"), 0);
	assert_int_equal(sockdiag_file_write_link(f, 2, "eth0"), 0);
	assert_int_equal(sockdiag_file_write_dump(f, &req, SOCKDIAG_FILE_FILTERED, "hello", 5), 0);
	assert_int_equal(fwrite(unknown, sizeof(unknown), 1, f), 1);
	assert_int_equal(sockdiag_file_write_link(f, 7, "veth-long-name1"), 0);
	assert_int_equal(fclose(f), 0);
	return r;
}

static int read_all(const char *buf, size_t len, int *nrec)
{
	struct sockdiag_reader rd;
	struct sockdiag_file_rec rec;
	FILE *f = fmemopen((void *)buf, len, "r");
	int err;

	assert_non_null(f);
	*nrec = 0;
	err = sockdiag_file_open(&rd, f);
	while (!err && (err = sockdiag_file_next(&rd, &rec)) > 0) {
		(*nrec)++;
		err = 0;
	}
	sockdiag_file_close(&rd);
	fclose(f);
	return err;
}

static void test_roundtrip(void **state)
{
	struct rec r = record();
	struct sockdiag_reader rd;
	struct sockdiag_file_rec rec;
	FILE *f = fmemopen(r.buf, r.len, "r");

	assert_int_equal(sockdiag_file_open(&rd, f), 0);
	assert_int_equal(sockdiag_file_next(&rd, &rec), 1);
	assert_int_equal(rec.type, SOCKDIAG_FILE_NETNS);
	assert_string_equal(rec.name, "blue");
	assert_int_equal(sockdiag_file_next(&rd, &rec), 1);
	assert_int_equal(rec.type, SOCKDIAG_FILE_LINK);
	assert_int_equal(rec.ifindex, 2);
	assert_string_equal(rec.name, "eth0");
	assert_int_equal(sockdiag_file_next(&rd, &rec), 1);
	assert_int_equal(rec.type, SOCKDIAG_FILE_DUMP);
	assert_int_equal(rec.req.family, AF_INET6);
	assert_int_equal(rec.req.protocol, 262);
	assert_int_equal(rec.flags, SOCKDIAG_FILE_FILTERED);
	assert_int_equal(rec.len, 5);
	assert_memory_equal(rec.data, "hello", 5);
	assert_int_equal((uintptr_t)rec.data % 4, 0);
	/* The unknown record is skipped. */
	assert_int_equal(sockdiag_file_next(&rd, &rec), 1);
	assert_int_equal(rec.type, SOCKDIAG_FILE_LINK);
	assert_string_equal(rec.name, "veth-long-name1");
	assert_int_equal(sockdiag_file_next(&rd, &rec), 0);
	assert_int_equal(sockdiag_file_next(&rd, &rec), 0);
	sockdiag_file_close(&rd);
	fclose(f);
	free(r.buf);
}

/*
 * Every cut: records end at 16 (the header), 28, 44, 64, 76 and 112; a cut
 * anywhere else (inside the header, a record or its padding) is -EBADMSG.
 */
static void test_cuts(void **state)
{
	struct rec r = record();
	static const size_t ends[] = { 16, 28, 44, 64, 76, 0 };
	int n;

	for (size_t len = 0; len < r.len; len++) {
		int err = read_all(r.buf, len, &n);
		bool at_end = false;

		for (int i = 0; ends[i]; i++)
			at_end |= len == ends[i];
		if (at_end)
			assert_int_equal(err, 0);
		else if (err != -EBADMSG)
			fail_msg("cut at %zu: %d", len, err);
	}
	assert_int_equal(read_all(r.buf, r.len, &n), 0);
	assert_int_equal(n, 4);
	free(r.buf);
}

static void test_corrupt(void **state)
{
	struct rec r = record();
	uint32_t v;
	int n;

	/* Not a recording; another version; the other byte order. */
	r.buf[0] = 'X';
	assert_int_equal(read_all(r.buf, r.len, &n), -EBADMSG);
	r.buf[0] = 'S';
	v = 2;
	memcpy(r.buf + 8, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), -EPROTO);
	v = 1;
	memcpy(r.buf + 8, &v, 4);
	v = 0x04030201;
	memcpy(r.buf + 12, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), -EPROTO);
	v = 0x01020304;
	memcpy(r.buf + 12, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), 0);

	/* A record longer than the limit, or than the file. */
	v = SOCKDIAG_FILE_MAX_REC + 1;
	memcpy(r.buf + 20, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), -EBADMSG);
	v = 1000;
	memcpy(r.buf + 20, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), -EBADMSG);
	/* An empty name; a NUL inside one; a LINK too short for its index; a short DUMP. */
	v = 0;
	memcpy(r.buf + 20, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), -EBADMSG);
	v = 4;
	memcpy(r.buf + 20, &v, 4);
	r.buf[25] = '\0';
	assert_int_equal(read_all(r.buf, r.len, &n), -EBADMSG);
	r.buf[25] = 'l';
	assert_int_equal(read_all(r.buf, r.len, &n), 0);
	v = 3;
	memcpy(r.buf + 32, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), -EBADMSG);
	v = 8;
	memcpy(r.buf + 32, &v, 4);
	v = 3;
	memcpy(r.buf + 48, &v, 4);
	assert_int_equal(read_all(r.buf, r.len, &n), -EBADMSG);
	free(r.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_cuts),
		cmocka_unit_test(test_corrupt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
