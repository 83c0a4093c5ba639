/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockfarm.c: sockets whose queues the netns tests and the sockets benchmark know exactly. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * Each mode sets its sockets up, prints "ROLE FD" lines naming them, then
 * "ready PID", and holds them until SIGTERM.  Every failure exits 1 with a
 * message, so a test never waits on a half-built setup.
 */

static void die(const char *what)
{
	fprintf(stderr, "sockfarm: %s: %s\n", what, strerror(errno));
	exit(1);
}

static unsigned long num(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || !*s || *end) {
		fprintf(stderr, "sockfarm: %s: not a number\n", s);
		exit(2);
	}
	return v;
}

/* An IPv4 or IPv6 address and port; *len receives the sockaddr's size. */
static int addr_of(const char *ip, unsigned port, struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in *in = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, ip, &in->sin_addr) == 1) {
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)port);
		*len = sizeof(*in);
		return AF_INET;
	}
	if (inet_pton(AF_INET6, ip, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		*len = sizeof(*in6);
		return AF_INET6;
	}
	fprintf(stderr, "sockfarm: %s: not an address\n", ip);
	exit(2);
}

static int tcp_listener(const char *ip, unsigned port, int backlog)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int af = addr_of(ip, port, &ss, &len), one = 1;
	int fd = socket(af, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len) || listen(fd, backlog))
		die("bind/listen");
	return fd;
}

static int tcp_connect(const char *ip, unsigned port)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int af = addr_of(ip, port, &ss, &len);
	int fd = socket(af, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	if (connect(fd, (struct sockaddr *)&ss, len))
		die("connect");
	return fd;
}

static void write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0)
			die("write");
		buf += w;
		n -= (size_t)w;
	}
}

static void hold(void)
{
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;)
		pause();
}

/* A listener with K connected clients it never accepts: Recv-Q K, Send-Q BACKLOG. */
static void mode_backlog(const char *ip, unsigned port, int backlog, unsigned long k)
{
	int l = tcp_listener(ip, port, backlog);

	printf("listener %d\n", l);
	for (unsigned long i = 0; i < k; i++)
		printf("client %d\n", tcp_connect(ip, port));
	hold();
}

/* A connection whose server end never reads: its Recv-Q holds exactly N bytes. */
static void mode_recvq(const char *ip, unsigned port, size_t n)
{
	int l = tcp_listener(ip, port, 16), c, s;
	char *buf = calloc(1, n + 1);

	if (!buf)
		die("calloc");
	c = tcp_connect(ip, port);
	s = accept(l, NULL, NULL);
	if (s < 0)
		die("accept");
	write_all(c, buf, n);
	printf("listener %d\nclient %d\nserver %d\n", l, c, s);
	hold();
}

/* A client writing until its send buffer is full, to a server that never reads. */
static void mode_sendq(const char *ip, unsigned port)
{
	int l = tcp_listener(ip, port, 16), c, s, rcvbuf = 4096;
	static char buf[65536];

	/* A small receive window on the server fills (and blocks the sender) quickly. */
	if (setsockopt(l, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf)))
		die("SO_RCVBUF");
	c = tcp_connect(ip, port);
	s = accept(l, NULL, NULL);
	if (s < 0)
		die("accept");
	fcntl(c, F_SETFL, O_NONBLOCK);
	/* Full when a write would block; the last writes wait out delayed ACKs. */
	for (int idle = 0; idle < 20;) {
		if (write(c, buf, sizeof(buf)) < 0) {
			if (errno != EAGAIN)
				die("write");
			idle++;
			usleep(20000);
		} else {
			idle = 0;
		}
	}
	printf("listener %d\nclient %d\nserver %d\n", l, c, s);
	hold();
}

/* A UDP receiver with K datagrams of SIZE bytes waiting. */
static void mode_udp(const char *ip, unsigned port, unsigned long k, size_t size)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int af = addr_of(ip, port, &ss, &len);
	int r = socket(af, SOCK_DGRAM, 0), s = socket(af, SOCK_DGRAM, 0);
	char *buf = calloc(1, size + 1);

	if (r < 0 || s < 0 || !buf)
		die("socket");
	if (bind(r, (struct sockaddr *)&ss, len) || connect(s, (struct sockaddr *)&ss, len))
		die("bind/connect");
	for (unsigned long i = 0; i < k; i++)
		if (send(s, buf, size, 0) != (ssize_t)size)
			die("send");
	printf("receiver %d\nsender %d\n", r, s);
	hold();
}

/* A listener bound to device DEV (SO_BINDTODEVICE): its address shows the device. */
static void mode_bound(const char *ip, unsigned port, const char *dev)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int af = addr_of(ip, port, &ss, &len);
	int fd = socket(af, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	if (setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, (socklen_t)strlen(dev) + 1))
		die("SO_BINDTODEVICE");
	if (bind(fd, (struct sockaddr *)&ss, len) || listen(fd, 4))
		die("bind/listen");
	printf("listener %d\n", fd);
	hold();
}

/* A listener shared with a forked child: two processes hold the same socket. */
static void mode_shared(const char *ip, unsigned port)
{
	int l = tcp_listener(ip, port, 4);
	pid_t child = fork();

	if (child < 0)
		die("fork");
	if (!child) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		for (;;)
			pause();
	}
	printf("listener %d\nchild %d\n", l, (int)child);
	hold();
}

/* A UNIX stream pair, one end bound to PATH, with N bytes waiting at the other. */
static void mode_unix(const char *path, size_t n)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int l = socket(AF_UNIX, SOCK_STREAM, 0), c = socket(AF_UNIX, SOCK_STREAM, 0), s;
	char *buf = calloc(1, n + 1);

	if (l < 0 || c < 0 || !buf)
		die("socket");
	if (strlen(path) >= sizeof(sun.sun_path)) {
		fprintf(stderr, "sockfarm: %s: path too long\n", path);
		exit(2);
	}
	strcpy(sun.sun_path, path);
	unlink(path);
	if (bind(l, (struct sockaddr *)&sun, sizeof(sun)) || listen(l, 8) ||
	    connect(c, (struct sockaddr *)&sun, sizeof(sun)))
		die("bind/listen/connect");
	s = accept(l, NULL, NULL);
	if (s < 0)
		die("accept");
	write_all(c, buf, n);
	printf("listener %d\nclient %d\nserver %d\n", l, c, s);
	hold();
}

/* One farm process: NCONN connections to its own listener, 2 * NCONN + 1 sockets. */
static void farm_child(const char *ip, unsigned port, unsigned long nconn, int ready_fd)
{
	struct rlimit rl;
	int l;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* Raise the soft limit only: the hard one may be fixed (no CAP_SYS_RESOURCE). */
	if (getrlimit(RLIMIT_NOFILE, &rl))
		die("getrlimit");
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < nconn * 2 + 64) {
		fprintf(stderr, "sockfarm: %lu sockets need more fds than the limit %lu: use more processes\n",
			nconn * 2 + 1, (unsigned long)rl.rlim_max);
		exit(1);
	}
	rl.rlim_cur = nconn * 2 + 64;
	if (setrlimit(RLIMIT_NOFILE, &rl))
		die("setrlimit RLIMIT_NOFILE");
	l = tcp_listener(ip, port, 4096);
	/* Batches below the backlog: every connect completes without waiting on accept. */
	for (unsigned long done = 0; done < nconn;) {
		unsigned long batch = nconn - done < 1024 ? nconn - done : 1024;

		for (unsigned long i = 0; i < batch; i++)
			tcp_connect(ip, port);
		for (unsigned long i = 0; i < batch; i++)
			if (accept(l, NULL, NULL) < 0)
				die("accept");
		done += batch;
	}
	if (write(ready_fd, "r", 1) != 1)
		die("write");
	for (;;)
		pause();
}

static volatile sig_atomic_t farm_stop;

static void on_term(int sig)
{
	(void)sig;
	farm_stop = 1;
}

/* NSOCK TCP sockets in NPROC processes, listeners on PORT, PORT+1, ... */
static void mode_farm(const char *ip, unsigned port, unsigned long nsock, unsigned long nproc)
{
	unsigned long nconn = nsock / 2, each = (nconn + nproc - 1) / nproc;
	struct sigaction sa = { .sa_handler = on_term };
	pid_t *pids = calloc(nproc, sizeof(*pids));
	int pfd[2];
	char c;

	if (!pids || pipe(pfd))
		die("pipe");
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (unsigned long i = 0; i < nproc; i++) {
		unsigned long n = nconn - i * each < each ? nconn - i * each : each;

		pids[i] = fork();
		if (pids[i] < 0)
			die("fork");
		if (!pids[i]) {
			close(pfd[0]);
			farm_child(ip, port + (unsigned)i, n, pfd[1]);
		}
	}
	close(pfd[1]);
	for (unsigned long i = 0; i < nproc; i++)
		if (read(pfd[0], &c, 1) != 1) {
			fprintf(stderr, "sockfarm: a farm process failed\n");
			farm_stop = 1;
			break;
		}
	if (!farm_stop) {
		printf("ready %d\n", (int)getpid());
		fflush(stdout);
	}
	while (!farm_stop)
		pause();
	for (unsigned long i = 0; i < nproc; i++)
		kill(pids[i], SIGKILL);
	while (wait(NULL) > 0)
		;
	exit(0);
}

static void usage(void)
{
	fputs("usage: sockfarm backlog ADDR PORT BACKLOG K\n"
	      "       sockfarm recvq ADDR PORT NBYTES\n"
	      "       sockfarm sendq ADDR PORT\n"
	      "       sockfarm udp ADDR PORT COUNT SIZE\n"
	      "       sockfarm bound ADDR PORT DEV\n"
	      "       sockfarm shared ADDR PORT\n"
	      "       sockfarm unix PATH NBYTES\n"
	      "       sockfarm farm ADDR PORT NSOCKETS NPROCS\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *m = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(m, "backlog") && argc == 6)
		mode_backlog(argv[2], (unsigned)num(argv[3]), (int)num(argv[4]), num(argv[5]));
	else if (!strcmp(m, "recvq") && argc == 5)
		mode_recvq(argv[2], (unsigned)num(argv[3]), num(argv[4]));
	else if (!strcmp(m, "sendq") && argc == 4)
		mode_sendq(argv[2], (unsigned)num(argv[3]));
	else if (!strcmp(m, "udp") && argc == 6)
		mode_udp(argv[2], (unsigned)num(argv[3]), num(argv[4]), num(argv[5]));
	else if (!strcmp(m, "bound") && argc == 5)
		mode_bound(argv[2], (unsigned)num(argv[3]), argv[4]);
	else if (!strcmp(m, "shared") && argc == 4)
		mode_shared(argv[2], (unsigned)num(argv[3]));
	else if (!strcmp(m, "unix") && argc == 4)
		mode_unix(argv[2], num(argv[3]));
	else if (!strcmp(m, "farm") && argc == 6)
		mode_farm(argv[2], (unsigned)num(argv[3]), num(argv[4]), num(argv[5]));
	usage();
	return 2;
}
