/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netinfo.h: what inject needs to know of a device: state, MTU, MAC, addresses, neighbours. */
#ifndef SOCKEYE_NETINFO_H
#define SOCKEYE_NETINFO_H

#include <stdint.h>

struct netinfo_link {
	int ifindex;
	unsigned flags;		/* IFF_UP, IFF_LOOPBACK, ... */
	unsigned mtu;
	int hatype;		/* ARPHRD_ETHER, ARPHRD_LOOPBACK, ... */
	uint8_t mac[6];
};

/* The device NAME in the current network namespace.  0, -ENODEV or -errno. */
int netinfo_link(const char *name, struct netinfo_link *l);
/* NAME's first address of FAMILY (AF_INET: 4 bytes, AF_INET6: 16).  0 or -ENOENT. */
int netinfo_addr(const char *name, int family, uint8_t addr[16]);
/*
 * The link address the neighbour table (RTM_GETNEIGH) holds for ADDR on
 * IFINDEX, in a usable state (reachable, stale, delay, probe, permanent).
 * 0, -ENOENT (no entry: the caller falls back to broadcast) or -errno.
 */
int netinfo_neigh(int ifindex, int family, const uint8_t *addr, uint8_t mac[6]);

#endif
