/* SPDX-License-Identifier: GPL-2.0-or-later */
/* filter_sandbox.c: pcap_compile in a child process: bounded memory, and a stop ends it at once. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "capture/filter_sandbox.h"

/* What the child sends first; then n instructions (status 0) or an n-byte message. */
struct reply_head {
	int32_t status;		/* 0, -EINVAL (libpcap's error) or -ENOMEM */
	uint32_t n;
};

unsigned filter_sandbox_limit_mib(void)
{
	const char *v = getenv(FILTER_SANDBOX_ENV);
	char *end;
	unsigned long mib;

	if (!v || !*v)
		return FILTER_SANDBOX_DEFAULT_MIB;
	errno = 0;
	mib = strtoul(v, &end, 10);
	if (errno || *end || !mib || mib > (1ul << 20))
		return FILTER_SANDBOX_DEFAULT_MIB;
	return (unsigned)mib;
}

static int write_all(int fd, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The address space the process has mapped now: the bound is added to it, not to zero. */
static uint64_t mapped_bytes(void)
{
	unsigned long long pages = 0;
	FILE *f = fopen("/proc/self/statm", "re");

	if (f) {
		if (fscanf(f, "%llu", &pages) != 1)
			pages = 0;
		fclose(f);
	}
	return pages * (uint64_t)sysconf(_SC_PAGESIZE);
}

/*
 * libpcap reports a failed allocation in its own words ("out of memory",
 * "malloc: Cannot allocate memory", ...); the bound is the only likely cause.
 */
static bool is_memory_error(const char *msg)
{
	return strstr(msg, "memory") || strstr(msg, "alloc");
}

#if defined(__SANITIZE_ADDRESS__)
#define SANDBOX_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANDBOX_UNDER_ASAN 1
#endif
#endif

bool filter_sandbox_bounded(void)
{
#ifdef SANDBOX_UNDER_ASAN
	return false;
#else
	return true;
#endif
}

static _Noreturn void child_main(int fd, const char *expr, int linktype, unsigned snaplen,
				 unsigned limit_mib)
{
	struct rlimit rl;
	struct filter f;
	struct reply_head h = { 0 };
	char err[PCAP_ERRBUF_SIZE + 64];
	int ret;

	/* It must not outlive the parent, and a stop signal ends it too (no handler of ours here). */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	rl.rlim_cur = rl.rlim_max = mapped_bytes() + ((uint64_t)limit_mib << 20);
	if (filter_sandbox_bounded())
		setrlimit(RLIMIT_AS, &rl);
	ret = filter_compile(&f, expr, linktype, snaplen, err, sizeof(err));
	if (ret) {
		h.status = ret == -ENOMEM || is_memory_error(err) ? -ENOMEM : -EINVAL;
		h.n = (uint32_t)strlen(err);
		ret = write_all(fd, &h, sizeof(h)) || write_all(fd, err, h.n);
	} else {
		h.n = f.prog.bf_len;
		ret = write_all(fd, &h, sizeof(h)) ||
		      write_all(fd, f.prog.bf_insns, (size_t)h.n * sizeof(*f.prog.bf_insns));
	}
	/* _exit: no atexit handler, no flush of stdio buffers the parent still owns. */
	_exit(ret ? 1 : 0);
}

/* Reads exactly len bytes from fd, or stops when stop_fd is readable: 0, -ECANCELED, -errno. */
static int read_all(int fd, int stop_fd, void *buf, size_t len)
{
	struct pollfd pfd[2] = {
		{ .fd = fd, .events = POLLIN },
		{ .fd = stop_fd, .events = POLLIN },
	};
	uint8_t *p = buf;

	while (len) {
		ssize_t n;

		if (poll(pfd, stop_fd >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;	/* the handler wrote stop_fd: the next poll sees it */
			return -errno;
		}
		if (stop_fd >= 0 && (pfd[1].revents & POLLIN))
			return -ECANCELED;
		n = read(fd, p, len);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -errno;
		}
		if (n == 0)
			return -EPIPE;	/* the child died without answering */
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The child's answer into f or err; 0 or the status filter_sandbox_compile returns. */
static int read_reply(int fd, int stop_fd, struct filter *f, int linktype, unsigned limit_mib,
		      char *err, size_t errlen)
{
	struct reply_head h;
	char msg[PCAP_ERRBUF_SIZE + 64];
	size_t max_insns = ((size_t)limit_mib << 20) / sizeof(struct bpf_insn);
	int ret = read_all(fd, stop_fd, &h, sizeof(h));

	if (ret)
		return ret;
	if (h.status) {
		if (h.n >= sizeof(msg))
			return -EPROTO;
		ret = read_all(fd, stop_fd, msg, h.n);
		if (ret)
			return ret;
		msg[h.n] = '\0';
		if (h.status == -ENOMEM) {
			snprintf(err, errlen, "filter needs more than %u MiB to compile", limit_mib);
			return -ENOMEM;
		}
		snprintf(err, errlen, "%s", msg);
		return -EINVAL;
	}
	if (h.n > max_insns)
		return -EPROTO;
	/* libpcap frees a program's instructions with free(): pcap_freecode() takes this one. */
	f->prog.bf_insns = calloc(h.n ? h.n : 1, sizeof(*f->prog.bf_insns));
	if (!f->prog.bf_insns)
		return -ENOMEM;
	f->prog.bf_len = h.n;
	ret = read_all(fd, stop_fd, f->prog.bf_insns, (size_t)h.n * sizeof(*f->prog.bf_insns));
	if (ret)
		return ret;
	filter_for_kernel(f, linktype);
	return 0;
}

int filter_sandbox_compile(struct filter *f, const char *expr, int linktype, unsigned snaplen,
			   int stop_fd, char *err, size_t errlen)
{
	unsigned limit_mib = filter_sandbox_limit_mib();
	int pfd[2], status = 0, ret;
	pid_t pid;

	/* Nothing to bound in the empty expression (accept all): no child for it. */
	if (!expr || !*expr)
		return filter_compile(f, "", linktype, snaplen, err, errlen);
	memset(f, 0, sizeof(*f));
	err[0] = '\0';
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		ret = -errno;
		snprintf(err, errlen, "pipe: %s", strerror(-ret));
		return ret;
	}
	/* stdio buffers are copied into the child: _exit there keeps them from being written twice. */
	pid = fork();
	if (pid < 0) {
		ret = -errno;
		snprintf(err, errlen, "fork: %s", strerror(-ret));
		close(pfd[0]);
		close(pfd[1]);
		return ret;
	}
	if (pid == 0) {
		close(pfd[0]);
		child_main(pfd[1], expr, linktype, snaplen, limit_mib);
	}
	close(pfd[1]);
	ret = read_reply(pfd[0], stop_fd, f, linktype, limit_mib, err, errlen);
	close(pfd[0]);
	/* Stopped, or the answer was not read to its end: the child has nothing more to do. */
	if (ret && ret != -EPIPE)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (ret == -EPIPE) {
		/*
		 * No answer: the bound stopped it where libpcap checks no allocation (a
		 * crash), or the kernel's OOM killer did.
		 */
		if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGSEGV || WTERMSIG(status) == SIGABRT ||
					    WTERMSIG(status) == SIGKILL || WTERMSIG(status) == SIGBUS)) {
			snprintf(err, errlen, "filter needs more than %u MiB to compile", limit_mib);
			ret = -ENOMEM;
		} else {
			snprintf(err, errlen, "the filter compiler ended without an answer (status %d)",
				 status);
			ret = -EIO;
		}
	} else if (ret == -EPROTO) {
		snprintf(err, errlen, "the filter compiler's answer is malformed");
	} else if (ret && ret != -ECANCELED && !err[0]) {
		snprintf(err, errlen, "filter: %s", strerror(-ret));
	}
	if (ret)
		filter_free(f);
	return ret;
}
