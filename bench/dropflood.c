/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dropflood.c: frames the receiver drops (a bad IPv4 header checksum), sent as fast as it goes. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>

#define BATCH 256

/*
 * usage: dropflood IFACE DST_MAC SECONDS
 * Sends Ethernet/IPv4/UDP frames with a spoiled IP checksum through a packet socket that
 * bypasses the qdisc; prints "frames seconds cpu_seconds".  On a veth each frame is received and
 * dropped (IP_CSUM) on the sending CPU, in the softirq the send raises, so that softirq's time
 * (the tracepoints' cost included) is charged to this process: cpu_seconds per frame is the
 * cost of a frame whatever else the machine runs, where seconds per frame also holds the time
 * other processes took the CPU.
 */
int main(int argc, char **argv)
{
	static const unsigned char ip_udp[] = {
		0x45, 0x00, 0x00, 0x1c, 0x00, 0x01, 0x40, 0x00, 0x40, 0x11, 0xde, 0xad, /* bad csum */
		10, 94, 0, 1, 10, 94, 0, 2,
		0x9c, 0x40, 0x00, 0x09, 0x00, 0x08, 0x00, 0x00,
	};
	unsigned char frame[ETH_HLEN + sizeof(ip_udp)];
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	struct mmsghdr msgs[BATCH];
	struct iovec iov = { .iov_base = frame, .iov_len = sizeof(frame) };
	unsigned long long sent = 0;
	unsigned mac[6];
	struct timespec t0, t;
	double secs, limit;
	int fd, one = 1;

	if (argc != 4 || sscanf(argv[2], "%x:%x:%x:%x:%x:%x", &mac[0], &mac[1], &mac[2], &mac[3],
				&mac[4], &mac[5]) != 6) {
		fprintf(stderr, "usage: dropflood IFACE DST_MAC SECONDS\n");
		return 2;
	}
	limit = atof(argv[3]);
	for (int i = 0; i < 6; i++)
		frame[i] = (unsigned char)mac[i];
	memset(frame + 6, 0x02, 6);
	frame[12] = 0x08;
	frame[13] = 0x00;
	memcpy(frame + ETH_HLEN, ip_udp, sizeof(ip_udp));
	fd = socket(AF_PACKET, SOCK_RAW, 0);
	sll.sll_ifindex = (int)if_nametoindex(argv[1]);
	if (fd < 0 || !sll.sll_ifindex || bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		perror("dropflood");
		return 1;
	}
	setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof(one));
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < BATCH; i++) {
		msgs[i].msg_hdr.msg_iov = &iov;
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		int n = sendmmsg(fd, msgs, BATCH, 0);

		if (n > 0)
			sent += (unsigned long long)n;
		clock_gettime(CLOCK_MONOTONIC, &t);
		secs = (double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9;
	} while (secs < limit);
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	printf("%llu %.6f %.6f\n", sent, secs,
	       (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
		       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	return 0;
}
