/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_ctx.h: what every collector is given: the device patterns that bound its work. */
#ifndef SOCKEYE_CMD_EXPORTER_COLLECT_CTX_H
#define SOCKEYE_CMD_EXPORTER_COLLECT_CTX_H

#include <regex.h>
#include <stdbool.h>

/* What every collector is given: the devices to leave out (hosts with thousands of veths). */
struct collect_ctx {
	const regex_t *dev_include;	/* NULL: every device */
	const regex_t *dev_exclude;	/* NULL: none */
};

/* Whether a device's series are served under ctx's include/exclude patterns. */
bool collect_device_wanted(const struct collect_ctx *ctx, const char *name);

#endif
