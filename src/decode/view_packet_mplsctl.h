/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_mplsctl.h: the JSON fields of the MPLS control protocols (LDP, LSP ping) (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_MPLSCTL_H
#define SOCKEYE_VIEW_PACKET_MPLSCTL_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is LDP or LSP ping, in an object named after
 * its protocol, read again from data; false (nothing written) for a layer of
 * another protocol.
 */
bool view_packet_mplsctl(struct fmt_details *d, const struct pkt_meta *m,
			 const struct pkt_layer *ly, const uint8_t *data);

#endif
