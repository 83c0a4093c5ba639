/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rps.h: receive packet steering of a device (sysfs) and where its interrupts land (/proc). */
#ifndef SOCKEYE_RPS_H
#define SOCKEYE_RPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rps_info {
	unsigned rx_queues;		/* rx-N folders under queues/ */
	unsigned rps_queues;		/* those whose rps_cpus names a CPU */
	char rps_cpus[64];		/* rx-0's mask as the file says it ("0", "3") */
	uint64_t flow_cnt;		/* rps_flow_cnt summed: RFS's per-queue table */
};

/*
 * Reads /sys/class/net/IFNAME/queues/rx-*: 0, or -errno (-ENOENT: no such
 * device in the sysfs this process sees; under -N that is the namespace's
 * only when sysfs was mounted there, see why's run).
 */
int rps_read(const char *sysfs, const char *ifname, struct rps_info *r);
/* Whether a hex CPU mask ("00000000,00000001") names any CPU. */
bool rps_mask_is_set(const char *mask);

/* The interrupts of a device, as /proc/interrupts counts them per CPU. */
struct irq_use {
	unsigned nirqs;			/* lines naming the device */
	unsigned first_irq;		/* the first of them, for the command that moves it */
	unsigned ncpus;
	uint64_t *per_cpu;		/* their counts summed per CPU column */
};

/*
 * Parses /proc/interrupts for the lines whose name holds one of the names
 * (the interface, its driver's device such as "virtio0"; NULL-terminated).
 * 0, -EBADMSG (no CPU header), -ENOMEM; call irq_use_free whatever it returns.
 */
int irq_use_parse(const char *text, size_t len, const char *const *names, struct irq_use *u);
void irq_use_free(struct irq_use *u);

#endif
