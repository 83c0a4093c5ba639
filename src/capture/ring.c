/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ring.c: what the RX and TX rings share: the AF_PACKET socket, its mapping, device queries. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "capture/ring.h"

int ring_socket(int type)
{
	int fd = socket(AF_PACKET, type | SOCK_CLOEXEC, 0);

	return fd < 0 ? -errno : fd;
}

void *ring_map(int fd, size_t len)
{
	void *map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_LOCKED | MAP_POPULATE,
			 fd, 0);

	if (map == MAP_FAILED)	/* MAP_LOCKED needs RLIMIT_MEMLOCK room: try without */
		map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0);
	return map == MAP_FAILED ? NULL : map;
}

void ring_unmap_close(int fd, void *map, size_t len)
{
	if (map)
		munmap(map, len);
	if (fd >= 0)
		close(fd);
}

int ring_dev_ioctl(int ifindex, unsigned long req, struct ifreq *ifr)
{
	int fd, err = 0;

	memset(ifr, 0, sizeof(*ifr));
	if (!if_indextoname((unsigned)ifindex, ifr->ifr_name))
		return -ENODEV;
	/* Any socket takes the device ioctls; an INET datagram one needs no privilege. */
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, req, ifr) < 0)
		err = -errno;
	close(fd);
	return err;
}
