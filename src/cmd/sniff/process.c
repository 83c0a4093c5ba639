/* SPDX-License-Identifier: GPL-2.0-or-later */
/* process.c: sniff's process attribution: the engine's start and report, and --exec's child. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cmd/sniff/process.h"
#include "util/log.h"
#include "util/parse.h"

/* After --exec's command exits: time for the closing packets of its connections to arrive. */
#define EXEC_GRACE_MS 200

/* The SUDO_UID or SUDO_GID sudo set, when run through it as root; false otherwise. */
static bool sudo_id(const char *name, uint32_t *id)
{
	const char *v = getenv(name);
	uint64_t n;

	if (!v || geteuid() != 0 || parse_u64(v, 1, UINT32_MAX - 1, &n))
		return false;
	*id = (uint32_t)n;
	return true;
}

/* In the child: waits for the capture, becomes the invoking user, runs the command. */
static void run_child(struct sniff_run *r, int go_rd)
{
	char **argv = r->o->exec_argv;
	uint32_t uid, gid;
	char c;

	signal(SIGPIPE, SIG_DFL);
	if (read(go_rd, &c, 1) != 1)
		_exit(127);	/* sniff ended before the capture began */
	close(go_rd);
	if (sudo_id("SUDO_GID", &gid) && (setgroups(0, NULL) || setgid(gid))) {
		log_error("--exec %s: cannot become group %u: %s", argv[0], gid, strerror(errno));
		_exit(127);
	}
	if (sudo_id("SUDO_UID", &uid) && setuid(uid)) {
		log_error("--exec %s: cannot become user %u: %s", argv[0], uid, strerror(errno));
		_exit(127);
	}
	execvp(argv[0], argv);
	log_error("--exec %s: %s", argv[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

static void *wait_child(void *arg)
{
	struct sniff_run *r = arg;
	struct timespec grace = { 0, EXEC_GRACE_MS * 1000000L };
	int st;

	while (waitpid(r->child, &st, 0) < 0 && errno == EINTR)
		;
	nanosleep(&grace, NULL);
	r->child_status = st;
	__atomic_store_n(&r->child_done, true, __ATOMIC_RELEASE);
	sniff_run_request_stop(r);
	return NULL;
}

/* A cgroup for the command, the child in it waiting; 0 or an exit status. */
static int start_child(struct sniff_run *r, const char *mount)
{
	char procs[4200], pid[16];
	int go[2], fd, n;

	if (!*mount) {
		log_error("--exec: no cgroup v2 mount (cgroup2 in /proc/self/mountinfo)");
		return EXIT_RUNTIME;
	}
	snprintf(r->exec_cgroup, sizeof(r->exec_cgroup), "/sockeye-exec.%d", (int)getpid());
	snprintf(r->exec_dir, sizeof(r->exec_dir), "%s%s", mount, r->exec_cgroup);
	if (mkdir(r->exec_dir, 0755)) {
		log_error("--exec: %s: %s", r->exec_dir, strerror(errno));
		r->exec_cgroup[0] = '\0';
		return EXIT_RUNTIME;
	}
	if (pipe2(go, O_CLOEXEC)) {
		log_error("--exec: pipe: %s", strerror(errno));
		return EXIT_RUNTIME;
	}
	fflush(NULL);
	r->child = fork();
	if (r->child < 0) {
		log_error("--exec: fork: %s", strerror(errno));
		r->child = 0;
		close(go[0]);
		close(go[1]);
		return EXIT_RUNTIME;
	}
	if (!r->child) {
		close(go[1]);
		run_child(r, go[0]);
	}
	close(go[0]);
	r->go_fd = go[1];
	/* Moved in by the parent before it may run: every socket it makes is in the cgroup. */
	snprintf(procs, sizeof(procs), "%s/cgroup.procs", r->exec_dir);
	n = snprintf(pid, sizeof(pid), "%d", (int)r->child);
	fd = open(procs, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, pid, (size_t)n) != n) {
		log_error("--exec: %s: %s", procs, strerror(errno));
		if (fd >= 0)
			close(fd);
		return EXIT_RUNTIME;
	}
	close(fd);
	if (pthread_create(&r->waiter, NULL, wait_child, r)) {
		log_error("--exec: cannot start a thread");
		return EXIT_RUNTIME;
	}
	r->has_waiter = true;
	r->o->pf.cgroups[r->o->pf.n_cgroups++] = r->exec_cgroup;
	return 0;
}

/* The section header of a pcapng file with comments: whose capture this is. */
static void describe_section(struct sniff_run *r)
{
	static char comment[160], os[160];
	struct utsname u;

	if (uname(&u))
		return;
	snprintf(comment, sizeof(comment), "captured on %.64s; packet comments: "
		 "pid=N comm=NAME cgroup=PATH [container=ID]", u.nodename);
	snprintf(os, sizeof(os), "%.40s %.64s", u.sysname, u.release);
	r->o->wo.shb_comment = comment;
	r->o->wo.shb_hardware = u.machine[0] ? strdup(u.machine) : NULL;
	r->o->wo.shb_os = os;
}

int sniff_process_start(struct sniff_run *r)
{
	struct sniff_opts *o = r->o;
	struct attrib *a;
	char why[256] = "";
	uint32_t bad;
	int err, ret;

	if (!sniff_opts_attrib(o))
		return 0;
	err = attrib_new(&a, &(struct attrib_opts){ 0 });
	if (err) {
		log_error("process attribution: %s", strerror(-err));
		return EXIT_RUNTIME;
	}
	r->s.attrib = a;
	err = attrib_follow(a, why, sizeof(why));
	if (err) {
		/* Asked for by name it must work; -j alone goes on with the sockets of the start. */
		if (o->process || attrib_filter_active(&o->pf) || o->exec_argv) {
			log_error("process attribution: %s", why);
			return EXIT_RUNTIME;
		}
		log_error("process attribution: sockets made from now on are not followed: %s", why);
	}
	if (o->exec_argv && (ret = start_child(r, attrib_cgroup_mount(a))))
		return ret;
	err = attrib_filter_prepare(&o->pf, &bad);
	if (err == -ESRCH) {
		log_error("--pid %u: no such process", bad);
		return EXIT_RUNTIME;
	}
	if (err) {
		log_error("--pid: %s", strerror(-err));
		return EXIT_RUNTIME;
	}
	attrib_set_filter(a, &o->pf);
	r->s.attrib_filtering = attrib_filter_active(&o->pf);
	err = attrib_scan(a, why, sizeof(why));
	if (err) {
		log_error("process attribution: socket scan: %s", why);
		return EXIT_RUNTIME;
	}
	if (o->process && o->wo.format == SAVEFILE_PCAPNG && o->wfile) {
		r->s.w_comments = true;
		describe_section(r);
	}
	return 0;
}

void sniff_process_go(struct sniff_run *r)
{
	if (r->go_fd < 0)
		return;
	if (write(r->go_fd, "g", 1) != 1)
		log_error("--exec: the command could not be started: %s", strerror(errno));
	close(r->go_fd);
	r->go_fd = -1;
}

/* The limits the table met: never silent. */
static void report_limits(struct sniff_run *r)
{
	struct attrib_stats st;

	attrib_stats(r->s.attrib, &st);
	if (st.table.evicted)
		log_error("process attribution: the table of %zu sockets was full: %llu least "
			  "recently used were dropped (their later packets may show no process)",
			  st.table.capacity, (unsigned long long)st.table.evicted);
	if (st.events_lost)
		log_error("process attribution: %llu socket events lost (the kernel's ring buffer "
			  "was full): their packets may show no process",
			  (unsigned long long)st.events_lost);
}

int sniff_process_finish(struct sniff_run *r, int ret)
{
	int st;

	if (r->s.attrib)
		report_limits(r);
	/* Closing the pipe unstarted ends a child that never ran the command. */
	if (r->go_fd >= 0) {
		close(r->go_fd);
		r->go_fd = -1;
	}
	if (r->child && !__atomic_load_n(&r->child_done, __ATOMIC_ACQUIRE))
		kill(r->child, SIGTERM);
	if (r->has_waiter) {
		pthread_join(r->waiter, NULL);
		r->has_waiter = false;
	} else if (r->child) {
		while (waitpid(r->child, &r->child_status, 0) < 0 && errno == EINTR)
			;
	}
	if (r->exec_cgroup[0] && rmdir(r->exec_dir))
		log_error("--exec: %s left behind: %s", r->exec_dir,
			  errno == EBUSY ? "processes of the command still run in it" : strerror(errno));
	r->exec_cgroup[0] = '\0';
	if (!r->child)
		return ret;
	st = r->child_status;
	r->child = 0;
	if (WIFSIGNALED(st)) {
		log_error("--exec %s: killed by signal %d", r->o->exec_argv[0], WTERMSIG(st));
		return ret ? ret : 128 + WTERMSIG(st);
	}
	if (WEXITSTATUS(st))
		log_error("--exec %s: exited with status %d", r->o->exec_argv[0], WEXITSTATUS(st));
	return ret ? ret : WEXITSTATUS(st);
}

void sniff_process_fini(struct sniff_run *r)
{
	if (r->child)
		sniff_process_finish(r, 0);
	attrib_free(r->s.attrib);
	r->s.attrib = NULL;
	free((char *)r->o->wo.shb_hardware);
	r->o->wo.shb_hardware = NULL;
}
