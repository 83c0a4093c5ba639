/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qdisc.h: queueing discipline counters per device (tc -s qdisc) from an RTM_GETQDISC dump. */
#ifndef SOCKEYE_QDISC_H
#define SOCKEYE_QDISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One qdisc of one device, as `tc -s qdisc show` prints it. */
struct qdisc_stat {
	int ifindex;
	uint32_t handle, parent;	/* TC_H_ROOT for the root qdisc */
	char kind[16];			/* "pfifo", "tbf", "mq", "noqueue" ... */
	uint64_t bytes, packets;	/* sent */
	uint32_t drops, overlimits, requeues;
	uint32_t backlog, qlen;		/* bytes and packets queued now */
	uint32_t limit;			/* pfifo: packets, bfifo and tbf: bytes; has_limit */
	bool has_limit;
	bool has_stats;
};

struct qdisc_snap {
	struct qdisc_stat *qs;
	unsigned n;
};

/* Dumps RTM_GETQDISC of every device of the current network namespace as raw replies. */
int qdisc_dump(void **buf, size_t *len);
/*
 * Parses those replies (lengths checked): 0, -EBADMSG, -ENOMEM, -EINVAL when
 * buf is not 4-byte aligned.  Call qdisc_free whatever it returns.
 */
int qdisc_parse(const void *buf, size_t len, struct qdisc_snap *s);
void qdisc_free(struct qdisc_snap *s);
/* The qdisc of ifindex with handle and parent in s, or NULL. */
const struct qdisc_stat *qdisc_find(const struct qdisc_snap *s, int ifindex, uint32_t handle,
				    uint32_t parent);

#endif
