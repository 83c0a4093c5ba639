/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_l2.h: the JSON fields of the link-layer control protocols and tunnels' layers. */
#ifndef SOCKEYE_VIEW_PACKET_L2_H
#define SOCKEYE_VIEW_PACKET_L2_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is one of issue 13's L2 slice (LLC, STP,
 * LLDP ...), as one object named after the protocol; false for another layer.
 */
bool view_packet_l2(struct fmt_details *d, const struct pkt_meta *m, const uint8_t *data,
		    const struct pkt_layer *ly);

#endif /* SOCKEYE_VIEW_PACKET_L2_H */
