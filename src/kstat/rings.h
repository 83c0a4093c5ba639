/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rings.h: NIC ring sizes and channel counts per device, from ethtool netlink or SIOCETHTOOL. */
#ifndef SOCKEYE_RINGS_H
#define SOCKEYE_RINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kstat/links.h"

/*
 * What `ethtool -g` and `ethtool -l` show.  The kernel leaves out a ring or
 * channel kind the driver does not have (its maximum is 0): those stay 0 here.
 */
struct ring_info {
	int ifindex;
	bool has_rings;		/* the driver reports ring parameters */
	bool has_channels;	/* the driver reports channels */
	uint32_t rx, rx_max, tx, tx_max;
	uint32_t ch_rx, ch_tx, ch_other, ch_combined;
	uint32_t ch_rx_max, ch_tx_max, ch_other_max, ch_combined_max;
};

struct rings_snap {
	struct ring_info *ifs;
	unsigned n;
};

/*
 * Reads the ring parameters and channels of every device of the current
 * network namespace as raw ethtool netlink replies (ETHTOOL_MSG_RINGS_GET
 * and ETHTOOL_MSG_CHANNELS_GET dumps) in a malloc'd buffer.  A kernel
 * without ethtool netlink (before 5.6) is asked with SIOCETHTOOL for each
 * link of links instead, and the answers are written as the same replies, so
 * recordings and rings_parse do not care which way they came.  0 or -errno.
 */
int rings_dump(const struct links_snap *links, void **buf, size_t *len);
/* The SIOCETHTOOL way alone, whatever the kernel has (the tests compare the two). */
int rings_dump_ioctl(const struct links_snap *links, void **buf, size_t *len);
/*
 * Parses the replies rings_dump returns; other ethtool messages are skipped.
 * 0, -EBADMSG on a malformed message, -ENOMEM, -EINVAL when buf is not
 * 4-byte aligned.  Call rings_free whatever it returns.
 */
int rings_parse(const void *buf, size_t len, struct rings_snap *s);
void rings_free(struct rings_snap *s);
const struct ring_info *rings_find(const struct rings_snap *s, int ifindex);

#endif
