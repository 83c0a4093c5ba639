/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_mfr.h: the JSON fields of FRF.16 multilink Frame Relay. */
#ifndef SOCKEYE_VIEW_PACKET_MFR_H
#define SOCKEYE_VIEW_PACKET_MFR_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/* The fields of layer ly when it is an FRF.16 header; false, writing nothing, for another. */
bool view_packet_mfr(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data);

#endif
