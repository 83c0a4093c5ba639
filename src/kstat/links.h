/* SPDX-License-Identifier: GPL-2.0-or-later */
/* links.h: interface counters from an RTM_GETLINK dump (IFLA_STATS64) through libmnl. */
#ifndef SOCKEYE_LINKS_H
#define SOCKEYE_LINKS_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct link_stat {
	int ifindex;
	char name[IF_NAMESIZE];
	unsigned flags;		/* IFF_UP, IFF_LOOPBACK, ... */
	uint8_t operstate;	/* IF_OPER_* */
	uint32_t mtu;
	uint64_t rx_packets, tx_packets;
	uint64_t rx_bytes, tx_bytes;
	uint64_t rx_errors, tx_errors;
	uint64_t rx_dropped, tx_dropped;
	uint64_t rx_missed, rx_fifo, tx_fifo;
	bool has_stats;		/* false when the message had no IFLA_STATS64 */
};

struct links_snap {
	struct link_stat *links;
	unsigned nlinks;
};

/*
 * Dumps RTM_GETLINK in the current network namespace and returns the raw
 * reply bytes (every netlink message of the dump, NLMSG_DONE excluded) in a
 * malloc'd buffer.  0 or -errno; -EAGAIN when link changes kept interrupting the dump.
 */
int links_dump(void **buf, size_t *len);
/*
 * Parses a buffer of RTM_NEWLINK messages as links_dump returns them.  Every
 * message and attribute length is checked; 0, -EBADMSG on a malformed
 * message (links parsed before it are kept), -ENOMEM, -EINVAL when buf is not
 * 4-byte aligned (malloc'd memory is).  Call links_free whatever it returns.
 */
int links_parse(const void *buf, size_t len, struct links_snap *s);
void links_free(struct links_snap *s);
/* The link with this ifindex in s, or NULL. */
const struct link_stat *links_find(const struct links_snap *s, int ifindex);

#endif
