/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ring.h: what the RX and TX rings share: the AF_PACKET socket, its mapping, device queries. */
#ifndef SOCKEYE_RING_H
#define SOCKEYE_RING_H

#include <net/if.h>
#include <stddef.h>

/*
 * An AF_PACKET socket of TYPE (SOCK_RAW or SOCK_DGRAM), close-on-exec, with
 * protocol 0: it receives nothing before bind, so a filter and a ring can be
 * set up first.  The descriptor, or -errno.
 */
int ring_socket(int type);
/*
 * Maps the LEN-byte ring set up on FD (PACKET_RX_RING or PACKET_TX_RING),
 * populated, and locked in memory when RLIMIT_MEMLOCK leaves room.  The
 * mapping, or NULL with errno set.
 */
void *ring_map(int fd, size_t len);
/* Unmaps MAP (NULL: nothing mapped) and closes FD (< 0: none). */
void ring_unmap_close(int fd, void *map, size_t len);
/* The device ioctl REQ (SIOCGIFHWADDR, SIOCGIFMTU, ...) on IFINDEX into *ifr.  0 or -errno. */
int ring_dev_ioctl(int ifindex, unsigned long req, struct ifreq *ifr);

#endif
