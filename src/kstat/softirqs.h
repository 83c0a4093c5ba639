/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirqs.h: NET_RX and NET_TX softirq counts per CPU, from /proc/softirqs. */
#ifndef SOCKEYE_SOFTIRQS_H
#define SOCKEYE_SOFTIRQS_H

#include <stddef.h>
#include <stdint.h>

struct softirqs_cpu {
	unsigned cpu;		/* from the CPUn header */
	uint64_t net_rx;
	uint64_t net_tx;
};

struct softirqs_snap {
	struct softirqs_cpu *cpus;
	unsigned ncpus;
};

/* Parses the text of /proc/softirqs.  0, -EBADMSG (no CPU header or NET_RX/NET_TX rows), -ENOMEM. */
int softirqs_parse(const char *text, size_t len, struct softirqs_snap *s);
void softirqs_free(struct softirqs_snap *s);

#endif
