/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qstats.h: per-queue packet and byte counters from the netdev generic netlink family. */
#ifndef SOCKEYE_QSTATS_H
#define SOCKEYE_QSTATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One queue's counters as a qstats reply gives them; has_* clear when the driver left one out. */
struct qstat_row {
	int ifindex;
	bool tx;
	unsigned queue;
	bool has_packets, has_bytes;
	uint64_t packets, bytes;
};

/*
 * Dumps the queue-scope statistics of every device of the current network
 * namespace (NETDEV_CMD_QSTATS_GET, kernels 6.10 and later; drivers with
 * netdev_stat_ops, such as virtio_net, mlx5, bnxt, fbnic).  0 with *buf NULL
 * when the kernel has no netdev family or no driver answers; -errno otherwise.
 */
int qstats_dump(void **buf, size_t *len);

/*
 * Calls cb for each queue of a dump (the replies as qstats_dump returns
 * them).  Messages that are not queue-scope replies are skipped; a reply
 * that does not parse is -EBADMSG; otherwise the first nonzero cb return.
 */
int qstats_walk(const void *buf, size_t len, int (*cb)(const struct qstat_row *q, void *arg),
		void *arg);

#endif
