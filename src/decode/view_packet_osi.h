/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_osi.h: the JSON fields of the OSI network layer (IS-IS, ES-IS, CLNP) and CDP. */
#ifndef SOCKEYE_VIEW_PACKET_OSI_H
#define SOCKEYE_VIEW_PACKET_OSI_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is the OSI layer ("isoclns" with its NLPID,
 * then "isis", "clnp" or "esis") or CDP ("cdp"), read again from data;
 * false for a layer of another protocol.
 */
bool view_packet_osi(struct fmt_details *d, const struct pkt_meta *m, const uint8_t *data,
		     const struct pkt_layer *ly);

#endif /* SOCKEYE_VIEW_PACKET_OSI_H */
