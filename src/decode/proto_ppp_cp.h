/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ppp_cp.h: the PPP control protocols' packet header (LCP, IPCP ...), as tcpdump prints it. */
#ifndef SOCKEYE_PROTO_PPP_CP_H
#define SOCKEYE_PROTO_PPP_CP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/* Whether proto (a PPP protocol number) is a control protocol printed here. */
bool proto_ppp_cp_is(uint16_t proto);
/*
 * "LCP, Echo-Request (0x09), id 106, length 14" for the packet at off in g
 * (after the protocol field); length is the frame's from the protocol field on.
 */
void proto_ppp_cp_print(struct pbuf *b, const struct msg *g, size_t off, uint16_t proto,
			uint32_t length, unsigned verbosity);

#endif /* SOCKEYE_PROTO_PPP_CP_H */
