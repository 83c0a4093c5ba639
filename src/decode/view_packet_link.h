/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_link.h: the JSON fields of the serial link types (Cisco HDLC, Frame Relay). */
#ifndef SOCKEYE_VIEW_PACKET_LINK_H
#define SOCKEYE_VIEW_PACKET_LINK_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is a serial link type's header; false,
 * writing nothing, for a layer of another protocol.
 */
bool view_packet_link(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data);

#endif
