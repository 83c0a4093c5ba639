/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_packet.c: the packet collector: capture sockets and their drops, per device they bind. */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/exporter/collector.h"
#include "diag/packet_diag.h"

/*
 * Per device, not per socket: a socket's inode or owner would be a label
 * without bound.  The drops are the sockets' sk_drops summed, so a socket
 * that closes takes its drops with it (Prometheus sees a reset, as it
 * should: the count it rated is gone).
 */
struct packet_dev {
	uint32_t ifindex;
	uint64_t sockets, drops, queued;
};

static int packet_collect(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
			  size_t len)
{
	struct packet_diag_snap s = { 0 };
	struct packet_dev *devs = NULL;
	unsigned ndevs = 0;
	char name[IF_NAMESIZE];
	const char *l[2] = { "device", name };
	void *buf = NULL;
	size_t blen;
	int err;

	err = packet_diag_dump(&buf, &blen);
	if (!err)
		err = packet_diag_parse(buf, blen, &s);
	free(buf);
	if (err) {
		snprintf(why, len, "packet_diag: %s", strerror(-err));
		packet_diag_free(&s);
		return err;
	}
	devs = calloc(s.n + 1, sizeof(*devs));
	if (!devs) {
		packet_diag_free(&s);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	for (unsigned i = 0; i < s.n; i++) {
		unsigned d;

		for (d = 0; d < ndevs && devs[d].ifindex != s.socks[i].ifindex; d++)
			;
		if (d == ndevs)
			devs[ndevs++].ifindex = s.socks[i].ifindex;
		devs[d].sockets++;
		devs[d].drops += s.socks[i].drops;
		devs[d].queued += s.socks[i].rmem_alloc;
	}
	for (unsigned k = 0; k < 3; k++) {
		static const char *const fam[] = { "sockeye_packet_sockets",
						   "sockeye_packet_socket_drops",
						   "sockeye_packet_socket_queued_bytes" };
		static const char *const help[] = {
			"Packet (capture) sockets bound to the device (device any: to every one).",
			"Packets the device's packet sockets dropped (sk_drops summed over the open sockets).",
			"Bytes waiting in the device's packet sockets' receive queues.",
		};

		prom_family(p, fam[k], k == 1 ? PROM_COUNTER : PROM_GAUGE, help[k]);
		for (unsigned d = 0; d < ndevs; d++) {
			if (!devs[d].ifindex)
				snprintf(name, sizeof(name), "any");
			else if (!if_indextoname(devs[d].ifindex, name))
				snprintf(name, sizeof(name), "if%u", devs[d].ifindex);
			if (!collect_device_wanted(ctx, name))
				continue;
			prom_sample_u64(p, NULL, l, 1,
					k == 0 ? devs[d].sockets : k == 1 ? devs[d].drops : devs[d].queued);
		}
	}
	free(devs);
	packet_diag_free(&s);
	return 0;
}

const struct collector collector_packet = {
	.name = "packet",
	.per_netns = true,
	.summary = "packet (capture) sockets and their drops per device (packet_diag)",
	.collect = packet_collect,
};
