/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_attrib_cgroup.c: the v2 mount from mountinfo, container ids from paths, owner filters. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "attrib/attrib_cgroup.h"
#include "attrib/attrib_filter.h"

static int find_in(const char *text, char *buf, size_t len)
{
	char path[] = "/tmp/test_attrib_cgroup.XXXXXX";
	int fd = mkstemp(path), err;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	err = attrib_cgroup_find_v2(path, buf, len);
	unlink(path);
	return err;
}

static void test_find_v2(void **state)
{
	char buf[256];

	(void)state;
	/* A hybrid host: v1 controllers, v2 at unified. */
	assert_int_equal(find_in("25 30 0:23 / /sys rw - sysfs sysfs rw\n"
				 "35 25 0:31 / /sys/fs/cgroup ro shared:9 - tmpfs tmpfs ro\n"
				 "40 35 0:37 / /sys/fs/cgroup/unified rw,relatime shared:10 - cgroup2 "
				 "cgroup2 rw\n"
				 "41 35 0:38 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n",
				 buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/sys/fs/cgroup/unified");
	assert_int_equal(find_in("36 25 0:31 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n", buf,
				 sizeof(buf)), 0);
	assert_string_equal(buf, "/sys/fs/cgroup");
	assert_int_equal(find_in("41 35 0:38 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n", buf,
				 sizeof(buf)), -ENOENT);
	assert_int_equal(attrib_cgroup_find_v2("/nonexistent/mountinfo", buf, sizeof(buf)), -ENOENT);
}

/* PID/cgroup under the fake proc root, holding text. */
static void fake_proc(char *root, int pid, const char *text)
{
	char dir[300], file[320];
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/%d", root, pid);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(file, sizeof(file), "%s/cgroup", dir);
	f = fopen(file, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_of_pid(void **state)
{
	char root[] = "/tmp/test_attrib_cgproc.XXXXXX", buf[64], path[320];

	(void)state;
	assert_non_null(mkdtemp(root));
	/* A hybrid host: the v1 lines first, the v2 one last. */
	fake_proc(root, 10, "12:cpu,cpuacct:/a\n1:name=systemd:/user.slice\n"
		  "0::/sky-top-a/x.scope\n");
	fake_proc(root, 11, "12:cpu,cpuacct:/\n");	/* v1 only */
	fake_proc(root, 12, "0::/\n");
	fake_proc(root, 13, "0::/a/very/long/path/past/the/buffer/of/sixty/four/bytes/given/here\n");
	assert_int_equal(attrib_cgroup_of_pid(root, 10, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/sky-top-a/x.scope");
	assert_int_equal(attrib_cgroup_of_pid(root, 11, buf, sizeof(buf)), -ENOENT);
	assert_int_equal(attrib_cgroup_of_pid(root, 12, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/");
	assert_int_equal(attrib_cgroup_of_pid(root, 13, buf, sizeof(buf)), -ENAMETOOLONG);
	assert_int_equal(attrib_cgroup_of_pid(root, 14, buf, sizeof(buf)), -ENOENT);
	for (int pid = 10; pid <= 13; pid++) {
		snprintf(path, sizeof(path), "%s/%d/cgroup", root, pid);
		unlink(path);
		snprintf(path, sizeof(path), "%s/%d", root, pid);
		rmdir(path);
	}
	rmdir(root);
}

static void test_container_id(void **state)
{
	static const char id[] = "3f2a9c0d1e2b3f2a9c0d1e2b3f2a9c0d1e2b3f2a9c0d1e2b3f2a9c0d1e2b7788";
	char path[256], buf[80];

	(void)state;
	snprintf(path, sizeof(path), "/system.slice/docker-%s.scope", id);
	assert_true(attrib_cgroup_container_id(path, buf, sizeof(buf)));
	assert_string_equal(buf, id);
	snprintf(path, sizeof(path), "/kubepods.slice/kubepods-pod1.slice/cri-containerd-%s.scope",
		 id);
	assert_true(attrib_cgroup_container_id(path, buf, sizeof(buf)));
	assert_string_equal(buf, id);
	snprintf(path, sizeof(path), "/machine.slice/libpod-%s.scope/container", id);
	assert_true(attrib_cgroup_container_id(path, buf, sizeof(buf)));
	assert_string_equal(buf, id);
	snprintf(path, sizeof(path), "/docker/%s", id);
	assert_true(attrib_cgroup_container_id(path, buf, sizeof(buf)));
	assert_string_equal(buf, id);
	assert_false(attrib_cgroup_container_id("/system.slice/ssh.service", buf, sizeof(buf)));
	assert_false(attrib_cgroup_container_id("/user.slice/session-3.scope", buf, sizeof(buf)));
	assert_false(attrib_cgroup_container_id("/", buf, sizeof(buf)));
	assert_false(attrib_cgroup_container_id("/docker/NOTHEX0123456789", buf, sizeof(buf)));
	/* No room: not cut. */
	snprintf(path, sizeof(path), "/docker/%s", id);
	assert_false(attrib_cgroup_container_id(path, buf, 20));
}

static void test_filter(void **state)
{
	struct attrib_filter f = { 0 };
	struct attrib_proc p = { .pid = 10, .comm = "curl", .cgroup = "/a/b", .container = "abcdef" };

	(void)state;
	assert_false(attrib_filter_active(&f));
	f.comms[f.n_comms++] = "curl";
	assert_true(attrib_filter_active(&f));
	assert_true(attrib_filter_match(&f, &p));
	f.cgroups[f.n_cgroups++] = "/a";
	assert_true(attrib_filter_match(&f, &p));
	f.cgroups[0] = "/a/bc";
	assert_false(attrib_filter_match(&f, &p));	/* not a path prefix */
	f.cgroups[0] = "/a/b/";
	assert_true(attrib_filter_match(&f, &p));
	f.containers[f.n_containers++] = "abc";
	assert_true(attrib_filter_match(&f, &p));
	p.container = NULL;
	assert_false(attrib_filter_match(&f, &p));	/* no container matches no --container */
	p.container = "abcdef";
	f.pids[f.n_pids++] = 11;
	assert_false(attrib_filter_match(&f, &p));
	f.pids[f.n_pids++] = 10;
	assert_true(attrib_filter_match(&f, &p));
	attrib_filter_fini(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_v2),
		cmocka_unit_test(test_of_pid),
		cmocka_unit_test(test_container_id),
		cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
