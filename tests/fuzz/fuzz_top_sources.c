/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_top_sources.c: libFuzzer harness for top's raw sources: /proc/stat, uptime, loadavg,
 * nodename, ethtool statistics, ethtool and packet_diag replies, packet socket owners. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guarded.h"
#include "diag/packet_diag.h"
#include "diag/packet_owners.h"
#include "kstat/cpustat.h"
#include "kstat/host.h"
#include "kstat/qstats.h"
#include "kstat/queues.h"
#include "kstat/rings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every row a queue statistics reply yields names a device. */
static int qstats_row_check(const struct qstat_row *q, void *arg)
{
	(void)arg;
	if (q->ifindex <= 0 || (!q->has_packets && !q->has_bytes))
		__builtin_trap();
	return 0;
}

/* The first byte picks the parser; the rest is its input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct packet_diag_snap ps;
	struct cpustat_snap cs;
	struct queues_snap qs;
	struct rings_snap rs;
	struct host_info h;
	const char *in;
	size_t half;

	if (!size)
		return 0;
	in = guarded_copy(data + 1, size - 1);
	if (!in)
		return 0;
	size--;
	switch (data[0] % 8) {
	case 0:
		cpustat_parse(in, size, &cs);
		cpustat_free(&cs);
		break;
	case 1:
		host_parse_uptime(in, size, &h);
		break;
	case 2:
		host_parse_loadavg(in, size, &h);
		break;
	case 3:
		if (!host_parse_name(in, size, &h) && strlen(h.name) >= HOST_NAME_LEN)
			__builtin_trap();
		break;
	case 4:
		queues_parse(in, size, &qs);
		for (unsigned i = 0; i < qs.n; i++)
			if (qs.qs[i].ifname[IF_NAMESIZE - 1] || qs.qs[i].queue >= QUEUES_MAX_INDEX)
				__builtin_trap();
		queues_free(&qs);
		break;
	case 5:
		rings_parse(in, size, &rs);
		rings_free(&rs);
		break;
	case 7:
		qstats_walk(in, size, qstats_row_check, NULL);
		break;
	default:
		/* The dump in the first three quarters (aligned), the owners' text after it. */
		half = size * 3 / 4 & ~(size_t)3;
		if (!packet_diag_parse(in, half, &ps)) {
			packet_owners_apply(&ps, in + half, size - half);
			for (unsigned i = 0; i < ps.n; i++)
				if (ps.socks[i].comm[sizeof(ps.socks[i].comm) - 1])
					__builtin_trap();
		}
		packet_diag_free(&ps);
		break;
	}
	return 0;
}
