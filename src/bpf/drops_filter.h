/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops_filter.h: the pcap-style host/port filter on a drop's parsed tuple, for drops.bpf.c. */
#ifndef SOCKEYE_DROPS_FILTER_H
#define SOCKEYE_DROPS_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "bpf/drops.h"

/*
 * Parses words such as "src host 10.0.0.1 and port 53" into cfg's host, port
 * and protocol filters.  Terms: [src|dst] host ADDR, [src|dst] port N, and a
 * protocol name (tcp, udp, icmp, icmpv6, ipv4, ipv6, arp...), joined by "and";
 * at most DROPS_MAX_HOSTS hosts and DROPS_MAX_PORTS ports.  0, or -EINVAL with
 * a one-line reason in why.
 */
int drops_filter_parse(int argc, char *const *argv, struct drops_config *cfg, char *why,
		       size_t len);

/* "udp", "icmpv6", "ipv4", "arp", "0x88cc": the protocol of a key or event. */
void drops_filter_proto_name(uint16_t ethertype, uint8_t ip_proto, char *buf, size_t len);
/* The reverse for --proto: 0, or -EINVAL for an unknown name. */
int drops_filter_proto_parse(const char *name, uint16_t *ethertype, uint8_t *ip_proto);

#endif
