/* SPDX-License-Identifier: GPL-2.0-or-later */
/* udpflood.c: a local socket's UDP datagrams as fast as sendmmsg goes, or a socket that reads them. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 64

/*
 * usage: udpflood send ADDR PORT COUNT   (COUNT 18-byte datagrams from one connected socket)
 *        udpflood recv PORT              (reads and discards until killed)
 * The attribution benchmark's hit case: every datagram is a local socket's at both ends,
 * and COUNT, unlike iperf3's rate, gives each capture a user time of many clock ticks.
 * The sender prints "datagrams".
 */
static int do_send(const char *addr, int port, unsigned long long count)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	static char payload[18];
	struct iovec iov = { .iov_base = payload, .iov_len = sizeof(payload) };
	struct mmsghdr msgs[BATCH];
	unsigned long long sent = 0;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0 || inet_pton(AF_INET, addr, &to.sin_addr) != 1 ||
	    connect(fd, (struct sockaddr *)&to, sizeof(to))) {
		perror("udpflood send");
		return 1;
	}
	memset(payload, 0x41, sizeof(payload));
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < BATCH; i++) {
		msgs[i].msg_hdr.msg_iov = &iov;
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	while (sent < count) {
		unsigned n = count - sent < BATCH ? (unsigned)(count - sent) : BATCH;
		int got = sendmmsg(fd, msgs, n, 0);

		if (got > 0)
			sent += (unsigned long long)got;
	}
	printf("%llu\n", sent);
	return 0;
}

static int do_recv(int port)
{
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	static char bufs[BATCH][64];
	struct iovec iov[BATCH];
	struct mmsghdr msgs[BATCH];
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0 || bind(fd, (struct sockaddr *)&me, sizeof(me))) {
		perror("udpflood recv");
		return 1;
	}
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < BATCH; i++) {
		iov[i] = (struct iovec){ .iov_base = bufs[i], .iov_len = sizeof(bufs[i]) };
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	for (;;)
		if (recvmmsg(fd, msgs, BATCH, MSG_WAITFORONE, NULL) < 0)
			return 1;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "send"))
		return do_send(argv[2], atoi(argv[3]), strtoull(argv[4], NULL, 10));
	if (argc == 3 && !strcmp(argv[1], "recv"))
		return do_recv(atoi(argv[2]));
	fprintf(stderr, "usage: udpflood send ADDR PORT COUNT | udpflood recv PORT\n");
	return 2;
}
