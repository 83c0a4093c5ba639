/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print.h: the tcpdump-style one-line summary of a decoded packet. */
#ifndef SOCKEYE_PRINT_H
#define SOCKEYE_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "decode/print_opts.h"

/*
 * Enough for the longest summary print_packet writes: -e -v on two levels
 * of two VLAN tags, eight IPv6 extension headers each, and 40 bytes of odd
 * TCP options come to under 2k; with the widest IPv6 options (32 jumbo
 * payload options a level), routing addresses and MD5 signatures, about 4.2k
 * (see test_print's test_longest and test_longest_options).
 */
#define PRINT_PACKET_MAX 8192

/*
 * Write the summary that follows tcpdump's timestamp and interface, e.g.
 * "IP 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, length 0",
 * without a trailing newline (-v adds tcpdump's inner line breaks).  Numbers
 * only: nothing is resolved.  Returns the length of the whole summary; when
 * that is len or more the text was cut to fit (NUL-terminated if len > 0).
 */
size_t print_packet(char *buf, size_t len, const struct pkt_meta *m, const struct print_opts *o);

/*
 * Whether tcpdump dumps this packet whole with -x/-X/-A: its printer for the header the
 * capture cut stopped by a failed read (tcpdump's longjmp), which resets the link-layer length
 * the dump skips.  Printers that test the length first keep the link header out of the dump.
 */
bool print_dump_whole(const struct pkt_meta *m);

#endif /* SOCKEYE_PRINT_H */
