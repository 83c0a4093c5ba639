/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_l2tags.h: the JSON fields of the switch tags in Ethernet frames (Marvell DSA, EDSA, Broadcom). */
#ifndef SOCKEYE_VIEW_PACKET_L2TAGS_H
#define SOCKEYE_VIEW_PACKET_L2TAGS_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The tag's fields of layer ly when its Ethernet header carries a switch tag;
 * false, writing nothing, for a layer of another protocol.
 */
bool view_packet_l2tags(struct fmt_details *fd, const struct pkt_meta *m,
			const struct pkt_layer *ly, const uint8_t *data);

#endif
