/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collector.c: the table of collectors and the device pattern they all apply. */
#include "config.h"

#include <string.h>

#include "cmd/exporter/collector.h"

const struct collector *const collector_table[] = {
	&collector_softnet,
	&collector_softirqs,
	&collector_netdev,
	&collector_snmp,
	&collector_packet,
#ifdef HAVE_BPF
	&collector_drops,
	&collector_napi,
#endif
};
const unsigned collector_count = sizeof(collector_table) / sizeof(collector_table[0]);

int collector_find(const char *name)
{
	for (unsigned i = 0; i < collector_count; i++)
		if (!strcmp(collector_table[i]->name, name))
			return (int)i;
	return -1;
}

bool collect_device_wanted(const struct collect_ctx *ctx, const char *name)
{
	if (ctx->dev_include && regexec(ctx->dev_include, name, 0, NULL, 0))
		return false;
	if (ctx->dev_exclude && !regexec(ctx->dev_exclude, name, 0, NULL, 0))
		return false;
	return true;
}
