/* SPDX-License-Identifier: GPL-2.0-or-later */
/* queues.h: per-queue packet, byte, drop and error counters from the drivers' ethtool statistics. */
#ifndef SOCKEYE_QUEUES_H
#define SOCKEYE_QUEUES_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kstat/links.h"

enum queue_counter { QUEUE_PACKETS, QUEUE_BYTES, QUEUE_DROPS, QUEUE_ERRORS, QUEUE_NCOUNTERS };

/* One queue of one device; a counter the driver names nowhere stays unset (has bit clear). */
struct queue_stat {
	int ifindex;
	char ifname[IF_NAMESIZE];
	bool tx;
	unsigned queue;
	unsigned has;			/* bit (1 << enum queue_counter) per counter found */
	uint64_t v[QUEUE_NCOUNTERS];	/* drops and errors sum every such counter of the queue */
	/*
	 * The part of v[QUEUE_DROPS] from counters naming XDP ("rx_queue_0_xdp_drops"):
	 * packets an XDP program chose to drop (XDP_DROP), not a full ring.
	 */
	uint64_t xdp_drops;
};

struct queues_snap {
	struct queue_stat *qs;	/* in the order the text names them */
	unsigned n;
};

/* At most this many queues are kept, and queue numbers stay below QUEUES_MAX_INDEX. */
#define QUEUES_MAX 1024
#define QUEUES_MAX_INDEX 4096

/*
 * The ethtool statistics (what `ethtool -S` prints) of every link of links
 * but loopback, as text: one "IFINDEX\tIFNAME\tNAME\tVALUE\n" line each, the
 * raw source queues_parse reads.  Links whose driver has none are skipped.
 * 0 or -errno; *text is malloc'd (NULL and 0 when there is nothing).
 */
int queues_read(const struct links_snap *links, char **text, size_t *len);
/* Parses that text into per-queue rows.  0, -EBADMSG, -ENOMEM; call queues_free anyway. */
int queues_parse(const char *text, size_t len, struct queues_snap *s);
void queues_free(struct queues_snap *s);

/*
 * Whether a driver's statistic name is a counter of one queue that top
 * shows, and which: "rx_queue_0_packets" (ixgbe, ice, ifb, veth),
 * "rx0_bytes" (mlx5, virtio_net), "tx-3.tx_packets" (i40e, sfc),
 * "queue_2_rx_drops" (ena), "rxq1_errors".  Names holding "drop" count as
 * drops, "err" as errors; packets and bytes must be exactly that.
 */
bool queues_classify(const char *name, bool *tx, unsigned *queue, enum queue_counter *c);

#endif
