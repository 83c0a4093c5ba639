/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collector.c: the table of collectors. */
#include "config.h"

#include <string.h>

#include "cmd/exporter/collector.h"

const struct collector *const collector_table[] = {
	&collector_softnet,
	&collector_softirqs,
	&collector_netdev,
	&collector_snmp,
	&collector_sockets,
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
