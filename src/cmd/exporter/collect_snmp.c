/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_snmp.c: the snmp collector: socket queue pressure the stack counts (/proc/net/snmp, netstat). */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/exporter/collector.h"
#include "kstat/kstat.h"
#include "kstat/snmp.h"

/* A counter of /proc/net/snmp, netstat (prefix and column) or snmp6 (the key): see kstat/snmp.h. */
struct snmp_counter {
	const char *family;	/* the metric, without _total */
	const char *help;
	const char *prefix;	/* "Udp", "TcpExt" (snmp6: NULL) */
	const char *field;	/* "RcvbufErrors"; snmp6: the whole key */
	const char *ip;		/* the ip label: "4" or "6" */
};

static const struct snmp_counter counters[] = {
	{ "sockeye_udp_receive_buffer_errors",
	  "UDP datagrams dropped because the socket's receive buffer was full.",
	  "Udp", "RcvbufErrors", "4" },
	{ "sockeye_udp_receive_buffer_errors", NULL, NULL, "Udp6RcvbufErrors", "6" },
	{ "sockeye_udp_send_buffer_errors",
	  "UDP datagrams not sent because the socket's send buffer was full.",
	  "Udp", "SndbufErrors", "4" },
	{ "sockeye_udp_send_buffer_errors", NULL, NULL, "Udp6SndbufErrors", "6" },
	{ "sockeye_udp_no_ports", "UDP datagrams to a port no socket is bound to.",
	  "Udp", "NoPorts", "4" },
	{ "sockeye_udp_no_ports", NULL, NULL, "Udp6NoPorts", "6" },
	{ "sockeye_tcp_listen_overflows",
	  "Connections dropped because a listener's accept queue was full.",
	  "TcpExt", "ListenOverflows", NULL },
	{ "sockeye_tcp_listen_drops", "Connection requests a listener dropped, for any reason.",
	  "TcpExt", "ListenDrops", NULL },
	{ "sockeye_tcp_backlog_drops",
	  "TCP segments dropped because the socket's backlog was over its limit.",
	  "TcpExt", "TCPBacklogDrop", NULL },
	{ "sockeye_tcp_receive_queue_drops",
	  "TCP segments dropped because the receive queue could not take them (TCPRcvQDrop).",
	  "TcpExt", "TCPRcvQDrop", NULL },
	{ "sockeye_tcp_prune_calls",
	  "Times a TCP receive queue was pruned for memory (PruneCalled).",
	  "TcpExt", "PruneCalled", NULL },
};
#define NCOUNTERS (sizeof(counters) / sizeof(counters[0]))

static int snmp_collect(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
			size_t len)
{
	char *snmp = NULL, *netstat = NULL, *snmp6 = NULL;
	size_t n;
	int err;

	/*
	 * thread-self: /proc/net is the thread group leader's namespace, and the
	 * scrape runs in the HTTP thread, which --all-netns moves from one to another.
	 */
	err = kstat_read_file("/proc/thread-self/net/snmp", &snmp, &n);
	if (err) {
		snprintf(why, len, "/proc/thread-self/net/snmp: %s", strerror(-err));
		return err;
	}
	/* netstat and snmp6 may be missing (no IPv6): their series are then absent. */
	kstat_read_file("/proc/thread-self/net/netstat", &netstat, &n);
	kstat_read_file("/proc/thread-self/net/snmp6", &snmp6, &n);
	for (size_t i = 0; i < NCOUNTERS; i++) {
		const struct snmp_counter *c = &counters[i];
		const char *l[2] = { "ip", c->ip };
		const char *text = c->prefix ? (strcmp(c->prefix, "TcpExt") ? snmp : netstat) : snmp6;
		uint64_t v;
		bool found;

		if (c->help)
			prom_family(p, c->family, PROM_COUNTER, c->help);
		if (!text)
			continue;
		found = c->prefix ? snmp_pair_value(text, c->prefix, c->field, &v)
				  : snmp_line_value(text, c->field, &v);
		if (found)
			prom_sample_u64(p, NULL, l, c->ip ? 1 : 0, v);
	}
	free(snmp);
	free(netstat);
	free(snmp6);
	return 0;
}

const struct collector collector_snmp = {
	.name = "snmp",
	.per_netns = true,
	.summary = "socket queue pressure: UDP buffer errors, TCP listen overflows and backlog drops",
	.collect = snmp_collect,
};
