/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_zmtp1.h: ZMTP/1.0 frames, in a TCP stream (-T zmtp1) or a PGM datagram (-T pgm_zmtp1). */
#ifndef SOCKEYE_PROTO_ZMTP1_H
#define SOCKEYE_PROTO_ZMTP1_H

#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/*
 * tcpdump's zmtp1_datagram_print: the ZeroMQ datagram at off in g (the data
 * of a PGM ODATA or RDATA, len bytes by the PGM header): its first frame's
 * offset, the intermediate part before it, then the frames, each on a line
 * of its own; " [|zmtp1]" ends the text where the capture does.
 */
void proto_zmtp1_datagram(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t len,
			  unsigned verbosity);

#endif
