/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_igp.h: the JSON fields of the interior routing protocols and PIM (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_IGP_H
#define SOCKEYE_VIEW_PACKET_IGP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is PIM, OSPF, EIGRP, RIP, RIPng, Babel or
 * auto-RP, in an object named after its protocol, read again from data;
 * false (nothing written) for a layer of another protocol.
 */
bool view_packet_igp(struct fmt_details *d, const struct pkt_meta *m, const uint8_t *data,
			 const struct pkt_layer *ly);

#endif
