/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print_opts.h: what a summary line shows, shared by the print driver and the protocol printers. */
#ifndef SOCKEYE_PRINT_OPTS_H
#define SOCKEYE_PRINT_OPTS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Apart from print.h so that the printers' helpers (line.h) can read the
 * options without depending on the driver that calls them.
 */
struct print_opts {
	bool link;    /* -e: link-layer headers first */
	bool verbose; /* -v: IPv4 tos/ttl/id/offset/flags, IPv6 hlim/flowlabel */
	bool quiet;   /* -q: fewer protocol details */
	/*
	 * How many -v were given (0 to 3): -vv and -vvv add detail (DNS's
	 * other sections and record TTLs, ICMPv6 and IGMP option bytes).
	 */
	uint8_t verbosity;
	/*
	 * The captured bytes the packet was dissected from (m->caplen of
	 * them): application layers keep only where their message lies and
	 * walk its records again when printed, as do IPv6 extension headers
	 * and an ICMP error's quote and extensions.  NULL prints those as
	 * truncated.
	 */
	const uint8_t *data;
	/*
	 * Relative TCP sequence numbers: the caller, which keeps the per-flow
	 * state, sets the bases for this packet (seq and SACK/ack numbers are
	 * printed minus them, modulo 2^32).
	 */
	bool tcp_relative;
	uint32_t tcp_seq_base;
	uint32_t tcp_ack_base;
	/*
	 * -x, -X or -A: the caller dumps the packet, so the printers leave out
	 * tcpdump's default dump of a payload they do not decode (an unknown
	 * ethertype, an LLC frame of an unknown SAP).
	 */
	bool dump;
	/*
	 * --decode-more: print what tcpdump 4.99 does not decode (TLS
	 * records, QUIC headers, WireGuard); without it the text stays
	 * tcpdump's and those fields are in JSON only.
	 */
	bool decode_more;
	/* -b: BGP's 4-byte AS numbers in asdot notation (RFC 5396), as tcpdump's -b */
	bool asdot;
	/*
	 * Names as tcpdump prints them without -n: TCP and UDP ports by
	 * service name (decode/names_service.h, loaded by the caller), and
	 * addresses by the host names this cache knows already (NULL: numbers).
	 */
	bool port_names;
	struct host_names *hosts;
};

#endif /* SOCKEYE_PRINT_OPTS_H */
