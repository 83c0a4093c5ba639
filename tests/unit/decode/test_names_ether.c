/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_names_ether.c: MAC addresses named as tcpdump names them without -n, and not with it. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "decode/names_ether.h"
#include "decode/names_host.h"
#include "decode/pbuf.h"

static int no_names(unsigned family, const uint8_t *a, char *name, size_t len, void *arg)
{
	(void)family, (void)a, (void)name, (void)len, (void)arg;
	return -1;
}

/* mac printed into a fresh buffer, with host names (no -n) or without (-n) */
static const char *mac_text(const uint8_t mac[6], struct host_names *hosts)
{
	static char buf[128];
	struct pbuf b;

	pbuf_init(&b, buf, sizeof(buf));
	b.hosts = hosts;
	pbuf_mac(&b, mac);
	pbuf_finish(&b, sizeof(buf));
	return buf;
}

static void test_names(void **state)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t named[6] = { 0x02, 0, 0, 0, 0, 0x2a };
	static const uint8_t cisco[6] = { 0x00, 0x00, 0x0c, 0x07, 0xac, 0x01 };
	static const uint8_t other[6] = { 0x00, 0x1f, 0x29, 0xda, 0x2d, 0x79 };
	char path[] = "/tmp/test_names_ether.XXXXXX";
	int fd = mkstemp(path);
	struct host_names *hosts = host_names_new(no_names, NULL);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("# a comment\n2:0:0:0:0:2a  gateway\nnot a line\n", f);
	fclose(f);
	assert_int_equal(names_ether_load(path), 0);
	unlink(path);
	assert_int_equal(names_ether_load("/nonexistent/ethers"), -1);
	assert_non_null(hosts);

	assert_string_equal(mac_text(bcast, hosts), "Broadcast");
	assert_string_equal(mac_text(named, hosts), "gateway");
	assert_string_equal(mac_text(cisco, hosts), "00:00:0c:07:ac:01 (oui Cisco)");
	assert_string_equal(mac_text(other, hosts), "00:1f:29:da:2d:79 (oui Unknown)");
	/* -n: the numbers alone */
	assert_string_equal(mac_text(bcast, NULL), "ff:ff:ff:ff:ff:ff");
	assert_string_equal(mac_text(named, NULL), "02:00:00:00:00:2a");
	assert_string_equal(mac_text(cisco, NULL), "00:00:0c:07:ac:01");
	assert_string_equal(names_oui(0x00000c), "Cisco");
	assert_null(names_oui(0x001f29));
	host_names_free(hosts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
