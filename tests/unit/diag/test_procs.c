/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_procs.c: socket owners from a fake /proc tree and from the real one. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag/procs.h"

static char root[64];

static void mk(const char *rel)
{
	char p[256];

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	assert_int_equal(mkdir(p, 0755), 0);
}

static void ln(const char *target, const char *rel)
{
	char p[256];

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	assert_int_equal(symlink(target, p), 0);
}

static void put(const char *rel, const char *text)
{
	char p[256];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/*
 * pid 100 (web) holds sockets 1000 (fd 3) and 2000 (fd 5) and a file; pid 200
 * (worker) shares 1000 as fd 7; pid 300 has no fd directory (it exited); pid
 * 400 (idle) holds only 9999, which nobody asks for; "self" and "net" are
 * not processes; pid 500 lost its comm before it was read.
 */
static int setup(void **state)
{
	snprintf(root, sizeof(root), "/tmp/test_procs.XXXXXX");
	assert_non_null(mkdtemp(root));
	mk("100");
	mk("100/fd");
	put("100/comm", "web\n");
	ln("socket:[1000]", "100/fd/3");
	ln("/dev/null", "100/fd/4");
	ln("socket:[2000]", "100/fd/5");
	ln("socket:[20x0]", "100/fd/6");
	ln("pipe:[2000]", "100/fd/8");
	mk("200");
	mk("200/fd");
	put("200/comm", "worker\n");
	ln("socket:[1000]", "200/fd/7");
	mk("300");
	put("300/comm", "gone\n");
	mk("400");
	mk("400/fd");
	put("400/comm", "idle\n");
	ln("socket:[9999]", "400/fd/1");
	mk("500");
	mk("500/fd");
	ln("socket:[2000]", "500/fd/9");
	mk("net");
	ln("100", "self");
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static void test_fake_proc(void **state)
{
	struct procs *p = procs_new();
	struct proc_owner o[3];
	int pid_of_1000[2];

	assert_non_null(p);
	assert_int_equal(procs_want(p, 1000), 0);
	assert_int_equal(procs_want(p, 2000), 0);
	assert_int_equal(procs_want(p, 2000), 0);	/* twice is once */
	assert_int_equal(procs_want(p, 0), 0);		/* ignored */
	assert_int_equal(procs_want(p, 3000), 0);	/* nobody holds it */
	assert_int_equal(procs_nwanted(p), 3);
	assert_int_equal(procs_scan(p, root), 0);

	/* 1000: web fd 3 and worker fd 7, in whichever order readdir gave the pids. */
	assert_true(procs_owner(p, 1000, 0, &o[0]));
	assert_true(procs_owner(p, 1000, 1, &o[1]));
	assert_false(procs_owner(p, 1000, 2, &o[2]));
	for (int i = 0; i < 2; i++)
		pid_of_1000[i] = o[i].pid;
	assert_true((pid_of_1000[0] == 100 && pid_of_1000[1] == 200) ||
		    (pid_of_1000[0] == 200 && pid_of_1000[1] == 100));
	for (int i = 0; i < 2; i++) {
		if (o[i].pid == 100) {
			assert_int_equal(o[i].fd, 3);
			assert_string_equal(o[i].comm, "web");
		} else {
			assert_int_equal(o[i].fd, 7);
			assert_string_equal(o[i].comm, "worker");
		}
	}
	/* 2000: web fd 5, and pid 500 whose comm could not be read. */
	assert_true(procs_owner(p, 2000, 0, &o[0]));
	assert_true(procs_owner(p, 2000, 1, &o[1]));
	assert_false(procs_owner(p, 2000, 2, &o[2]));
	for (int i = 0; i < 2; i++)
		assert_string_equal(o[i].comm, o[i].pid == 100 ? "web" : "?");
	assert_false(procs_owner(p, 3000, 0, &o[0]));
	assert_false(procs_owner(p, 9999, 0, &o[0]));

	/* A cleared table finds nothing until asked again. */
	procs_clear(p);
	assert_int_equal(procs_nwanted(p), 0);
	assert_int_equal(procs_scan(p, root), 0);
	assert_false(procs_owner(p, 1000, 0, &o[0]));
	assert_int_equal(procs_want(p, 9999), 0);
	assert_int_equal(procs_scan(p, root), 0);
	assert_true(procs_owner(p, 9999, 0, &o[0]));
	assert_int_equal(o[0].pid, 400);
	assert_int_equal(o[0].fd, 1);
	assert_string_equal(o[0].comm, "idle");
	procs_free(p);
}

static void test_many_inodes(void **state)
{
	struct procs *p = procs_new();
	struct proc_owner o;

	/* Growth past the first table keeps every inode findable. */
	for (uint64_t i = 1; i <= 50000; i++)
		assert_int_equal(procs_want(p, i * 7919), 0);
	assert_int_equal(procs_want(p, 1000), 0);
	assert_int_equal(procs_nwanted(p), 50001);
	assert_int_equal(procs_scan(p, root), 0);
	assert_true(procs_owner(p, 1000, 0, &o));
	assert_false(procs_owner(p, 7919, 0, &o));
	procs_free(p);
}

static void test_no_root(void **state)
{
	struct procs *p = procs_new();

	assert_int_equal(procs_want(p, 1), 0);
	assert_int_equal(procs_scan(p, "/nonexistent/proc"), -ENOENT);
	procs_free(p);
}

/* The real /proc: this process and the fd of its own socket. */
static void test_real_proc(void **state)
{
	struct procs *p = procs_new();
	struct proc_owner o;
	struct stat st;
	int fds[2];

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
	assert_int_equal(fstat(fds[1], &st), 0);
	assert_int_equal(procs_want(p, st.st_ino), 0);
	assert_int_equal(procs_scan(p, "/proc"), 0);
	assert_true(procs_owner(p, st.st_ino, 0, &o));
	assert_int_equal(o.pid, getpid());
	assert_int_equal(o.fd, fds[1]);
	assert_false(procs_owner(p, st.st_ino, 1, &o));
	close(fds[0]);
	close(fds[1]);
	procs_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fake_proc),
		cmocka_unit_test(test_many_inodes),
		cmocka_unit_test(test_no_root),
		cmocka_unit_test(test_real_proc),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
