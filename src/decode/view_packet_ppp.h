/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_ppp.h: the JSON fields of PPP and DLT_PPP_SERIAL (issue 13's PPP family). */
#ifndef SOCKEYE_VIEW_PACKET_PPP_H
#define SOCKEYE_VIEW_PACKET_PPP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly in an object named after its protocol, walking the
 * frame again in data; false (nothing written) for a layer of another protocol.
 */
bool view_packet_ppp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data);

#endif
