/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_netns_list.c: namespaces from a run directory and /proc, once each. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/netns_list.h"

static void test_own_namespace(void **state)
{
	char dir[] = "/tmp/test_netns_list.XXXXXX", stale[64], want[64];
	struct netns_list l;
	struct stat self;
	size_t found = 0;
	FILE *f;

	/* A run directory with a stale name: a plain file, not a namespace mount. */
	assert_non_null(mkdtemp(dir));
	snprintf(stale, sizeof(stale), "%s/stale", dir);
	f = fopen(stale, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(stat("/proc/self/ns/net", &self), 0);
	snprintf(want, sizeof(want), "net:[%llu]", (unsigned long long)self.st_ino);

	assert_int_equal(netns_list_collect(&l, dir, "/proc"), 0);
	assert_true(l.n >= 1);
	for (size_t i = 0; i < l.n; i++) {
		assert_string_not_equal(l.v[i].name, "stale");
		for (size_t k = 0; k < i; k++)
			assert_true(l.v[k].inode != l.v[i].inode);
		if (l.v[i].inode == self.st_ino) {
			found++;
			assert_string_equal(l.v[i].name, want);
			assert_int_equal(strncmp(l.v[i].path, "/proc/", 6), 0);
		}
		/* Unnamed ones come in inode order. */
		if (i)
			assert_true(l.v[i - 1].inode < l.v[i].inode);
	}
	assert_int_equal(found, 1);
	netns_list_free(&l);
	assert_int_equal(l.n, 0);
	unlink(stale);
	rmdir(dir);

	/* A missing run directory is no named namespace; a missing /proc is an error. */
	assert_int_equal(netns_list_collect(&l, "/nonexistent/run", "/proc"), 0);
	assert_true(l.n >= 1);
	netns_list_free(&l);
	assert_int_equal(netns_list_collect(&l, "/nonexistent/run", "/nonexistent/proc"), -ENOENT);
	assert_int_equal(l.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_namespace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
