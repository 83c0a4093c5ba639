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
	struct stat self, root;
	size_t found = 0;
	FILE *f;

	/* A run directory with a stale name: a plain file, not a namespace mount. */
	assert_non_null(mkdtemp(dir));
	snprintf(stale, sizeof(stale), "%s/stale", dir);
	f = fopen(stale, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(stat("/proc/self/ns/net", &self), 0);
	/* The root namespace is init's (the kernel's init_net where /proc/1 is hidden). */
	if (stat("/proc/1/ns/net", &root))
		root.st_ino = 0xEFFFFFF9;
	if (self.st_ino == root.st_ino)
		snprintf(want, sizeof(want), "root");
	else
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

/* A /proc of symbolic links: PID's ns/net pointing at target. */
static void fake_ns(const char *proc, const char *pid, const char *target)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", proc, pid);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/%s/ns", proc, pid);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/%s/ns/net", proc, pid);
	assert_int_equal(symlink(target, path), 0);
}

static void fake_free(const char *proc, const char *pid)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s/ns/net", proc, pid);
	unlink(path);
	snprintf(path, sizeof(path), "%s/%s/ns", proc, pid);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/%s", proc, pid);
	rmdir(path);
}

/* The namespace pid 1 is in is "root", whatever namespace we are in; the others keep inodes. */
static void test_root_is_init(void **state)
{
	char proc[] = "/tmp/test_netns_proc.XXXXXX", want[64];
	struct netns_list l;
	struct stat net, other;

	assert_non_null(mkdtemp(proc));
	assert_int_equal(stat("/proc/self/ns/net", &net), 0);
	/* Another nsfs file stands in for a namespace we are not in (the list reads inodes only). */
	assert_int_equal(stat("/proc/self/ns/uts", &other), 0);

	/* Init and a process in our namespace: one entry, "root". */
	fake_ns(proc, "self", "/proc/self/ns/net");
	fake_ns(proc, "1", "/proc/self/ns/net");
	fake_ns(proc, "42", "/proc/self/ns/net");
	assert_int_equal(netns_list_collect(&l, "/nonexistent/run", proc), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].name, "root");
	assert_int_equal(l.v[0].inode, net.st_ino);
	netns_list_free(&l);

	/* Init elsewhere: that one is "root", ours is named by its inode. */
	fake_free(proc, "1");
	fake_ns(proc, "1", "/proc/self/ns/uts");
	assert_int_equal(netns_list_collect(&l, "/nonexistent/run", proc), 0);
	assert_int_equal(l.n, 2);
	snprintf(want, sizeof(want), "net:[%llu]", (unsigned long long)net.st_ino);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.v[i].name, l.v[i].inode == other.st_ino ? "root" : want);
	netns_list_free(&l);

	/* No /proc/1 to read: the kernel's init_net inode decides. */
	fake_free(proc, "1");
	assert_int_equal(netns_list_collect(&l, "/nonexistent/run", proc), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].name, net.st_ino == 0xEFFFFFF9 ? "root" : want);
	netns_list_free(&l);

	fake_free(proc, "42");
	fake_free(proc, "self");
	rmdir(proc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_namespace),
		cmocka_unit_test(test_root_is_init),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
