/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_small.h: the JSON fields of GeoNetworking, CALM FAST, LISP, SOME/IP and VQP (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_SMALL_H
#define SOCKEYE_VIEW_PACKET_SMALL_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is one of these protocols, in an object
 * named after its protocol, read again from data; false (nothing written)
 * for a layer of another protocol.
 */
bool view_packet_small(struct fmt_details *d, const struct pkt_meta *m, const struct pkt_layer *ly,
		       const uint8_t *data);

#endif
