/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_procnet.c: /proc/net/raw{,6} lines turned into sock_diag replies. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "diag/procnet.h"
#include "diag/sockdiag.h"

static const char raw4[] =
	"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
	"   1: 0100007F:0011 0200007F:0000 01 0000000A:00000300 00:00000000 00000000  1000        0 564439 2 0000000015b04ca2 0\n"
	"  92: 00000000:0001 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 77 2 0000000032bfe8e3 5\n";
static const char raw6[] =
	"  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
	"  92: 000080FE000000000000000001000000:003A 00000000000000000000000000000000:0000 07 00000000:00000010 00:00000000 00000000     0        0 564438 2 0000000032bfe8e3 0\n";

struct got {
	int n;
	struct sock_rec r[4];
};

static int collect(const struct sock_rec *r, void *arg)
{
	struct got *g = arg;

	if (g->n < 4)
		g->r[g->n] = *r;
	g->n++;
	return 0;
}

static int parse(const char *text, int af, struct got *g)
{
	struct sockdiag_req req = { .family = (uint8_t)af, .protocol = IPPROTO_RAW };
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	void *buf;
	size_t len;
	int err;

	assert_non_null(f);
	memset(g, 0, sizeof(*g));
	err = procnet_raw_datagram(f, af, &buf, &len);
	fclose(f);
	if (err)
		return err;
	err = sockdiag_parse(&req, buf, len, 0, 0, collect, g);
	free(buf);
	return err;
}

static void test_raw4(void **state)
{
	static const uint8_t lo[4] = { 127, 0, 0, 1 }, lo2[4] = { 127, 0, 0, 2 };
	struct got g;

	assert_int_equal(parse(raw4, AF_INET, &g), 1);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.r[0].table, SOCKTAB_RAW);
	assert_int_equal(g.r[0].family, AF_INET);
	assert_memory_equal(g.r[0].src, lo, 4);
	assert_memory_equal(g.r[0].dst, lo2, 4);
	assert_int_equal(g.r[0].sport, 17);
	assert_int_equal(g.r[0].state, SOCK_ST_ESTABLISHED);
	assert_int_equal(g.r[0].wqueue, 10);
	assert_int_equal(g.r[0].rqueue, 0x300);
	assert_int_equal(g.r[0].uid, 1000);
	assert_int_equal(g.r[0].inode, 564439);
	assert_int_equal(g.r[1].state, SOCK_ST_CLOSE);
	assert_int_equal(g.r[1].sport, 1);
	assert_int_equal(g.r[1].inode, 77);
}

static void test_raw6(void **state)
{
	uint8_t want[16];
	struct got g;

	inet_pton(AF_INET6, "fe80::1", want);
	assert_int_equal(parse(raw6, AF_INET6, &g), 1);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.r[0].family, AF_INET6);
	assert_memory_equal(g.r[0].src, want, 16);
	assert_int_equal(g.r[0].sport, 58);
	assert_int_equal(g.r[0].rqueue, 16);
}

static void test_malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"header\n   1: 0100007F:0011\n",
		"header\n   1: 0100007F 0200007F:0000 01 0:0 00:0 0 0 0 1 2 0 0\n",
		"header\n   1: 0100Z07F:0011 0200007F:0000 01 0:0 00:0 0 0 0 1 2 0 0\n",
		"header\n   1: 0100007F:0011 0200007F:0000 01 0:0 00:0 0 0 0 1 2 0 0\n",
	};
	struct got g;

	assert_int_equal(parse(bad[0], AF_INET, &g), -EBADMSG);
	assert_int_equal(parse(bad[1], AF_INET, &g), -EBADMSG);
	assert_int_equal(parse(bad[2], AF_INET, &g), -EBADMSG);
	assert_int_equal(parse(bad[3], AF_INET, &g), -EBADMSG);
	/* An IPv4 line read as IPv6 is too short for its addresses. */
	assert_int_equal(parse(bad[4], AF_INET6, &g), -EBADMSG);
	/* A table with only its header: no sockets, a clean end. */
	assert_int_equal(parse("header\n", AF_INET, &g), 1);
	assert_int_equal(g.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raw4),
		cmocka_unit_test(test_raw6),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
