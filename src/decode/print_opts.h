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
	 * Relative TCP sequence numbers: the caller, which keeps the per-flow
	 * state, sets the bases for this packet (seq and SACK/ack numbers are
	 * printed minus them, modulo 2^32).
	 */
	bool tcp_relative;
	uint32_t tcp_seq_base;
	uint32_t tcp_ack_base;
	uint8_t vlevel; /* how many -v (0-3): verbose is vlevel > 0; -vv and -vvv say more */
};

#endif /* SOCKEYE_PRINT_OPTS_H */
