/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_mptcp.h: the Multipath TCP option's text, for the TCP printer. */
#ifndef SOCKEYE_PROTO_MPTCP_H
#define SOCKEYE_PROTO_MPTCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"

/*
 * " 20 dss ack 1 seq 2 subseq 3 len 4" after "mptcp": o is the whole option
 * (kind and length first), len its length, flags the segment's PKT_TCP_*
 * (the subtypes' lengths depend on SYN and ACK).  False when tcpdump finds
 * the option malformed and prints "[bad opt]", which ends its line.
 */
bool proto_mptcp_print(struct pbuf *b, const uint8_t *o, size_t len, uint16_t flags);

#endif /* SOCKEYE_PROTO_MPTCP_H */
