/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_ctx.c: the device include/exclude patterns every collector applies. */
#include "config.h"

#include <stddef.h>

#include "cmd/exporter/collect_ctx.h"

bool collect_device_wanted(const struct collect_ctx *ctx, const char *name)
{
	if (ctx->dev_include && regexec(ctx->dev_include, name, 0, NULL, 0))
		return false;
	if (ctx->dev_exclude && !regexec(ctx->dev_exclude, name, 0, NULL, 0))
		return false;
	return true;
}
