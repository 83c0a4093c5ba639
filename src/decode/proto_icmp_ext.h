/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp_ext.h: what tcpdump -v prints after an ICMP error: the quote, the RFC 4884 extensions. */
#ifndef SOCKEYE_PROTO_ICMP_EXT_H
#define SOCKEYE_PROTO_ICMP_EXT_H

#include <stdbool.h>

#include "decode/line.h"

/*
 * -v on an error (unreachable, source quench, redirect, time exceeded,
 * parameter problem): the quoted datagram decoded on a line of its own,
 * then the multi-part extension (RFC 4884: MPLS label stack RFC 4950,
 * interface information RFC 5837) when the message is long enough to hold
 * one.  x is at the ICMP layer; returns true.
 */
bool icmp_ext_print(struct line *x);

#endif /* SOCKEYE_PROTO_ICMP_EXT_H */
