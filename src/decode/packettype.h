/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packettype.h: tcpdump's -T TYPE: a decoder forced on every UDP and TCP payload. */
#ifndef SOCKEYE_PACKETTYPE_H
#define SOCKEYE_PACKETTYPE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * PKT_FORCE_SILENT as a forced protocol: the payload is taken and nothing of
 * the transport is printed, not even its ports (tcpdump's udp_print has no
 * case for -T zmtp1, resp or carp and returns before its addresses).
 */
#define PKT_FORCE_SILENT 0xff

/* One -T type: what it forces on UDP and on TCP payloads (enum pkt_proto, 0 for none). */
struct packettype {
	const char *name;
	uint8_t udp;
	uint8_t tcp;
	bool decoded; /* sockeye has every decoder the type needs */
};

/*
 * The type tcpdump knows by name (case-insensitive, as tcpdump), or NULL.
 * A type sockeye cannot decode has decoded false: the caller refuses it
 * rather than print something tcpdump would not.
 */
const struct packettype *packettype_find(const char *name);

/* The -T index (pkt_meta.packettype, 1-based; 0: no -T) of t. */
uint8_t packettype_index(const struct packettype *t);

/* The protocol forced on a UDP (udp true) or TCP payload by -T index i, or 0 when none is. */
uint8_t packettype_app(uint8_t i, bool udp);

/* "domain, ptp, ..." : the types sockeye decodes, for the usage error. */
const char *packettype_decoded_list(void);

#endif
