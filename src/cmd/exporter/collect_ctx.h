/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_ctx.h: what every collector is given: device patterns, the collection's number. */
#ifndef SOCKEYE_CMD_EXPORTER_COLLECT_CTX_H
#define SOCKEYE_CMD_EXPORTER_COLLECT_CTX_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>

/*
 * What every collector is given: the devices to leave out (hosts with
 * thousands of veths), and which collection this is, the same in every
 * namespace of one scrape (--all-netns): work done once per scrape for all
 * namespaces is not done again.
 */
struct collect_ctx {
	const regex_t *dev_include;	/* NULL: every device */
	const regex_t *dev_exclude;	/* NULL: none */
	uint64_t collection;		/* 1 for the first, then counted up */
};

/* Whether a device's series are served under ctx's include/exclude patterns. */
bool collect_device_wanted(const struct collect_ctx *ctx, const char *name);

#endif
