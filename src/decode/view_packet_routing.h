/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_routing.h: the JSON fields of the routing layers (issue 13): BGP, sFlow. */
#ifndef SOCKEYE_VIEW_PACKET_ROUTING_H
#define SOCKEYE_VIEW_PACKET_ROUTING_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly in an object named after its protocol, walking its
 * messages again in data (caplen bytes captured); false for a layer of
 * another protocol (nothing written).
 */
bool view_packet_routing(struct fmt_details *fd, const struct pkt_meta *m,
			 const struct pkt_layer *ly, const uint8_t *data);

#endif
