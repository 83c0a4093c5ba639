/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_sctp.h: the JSON fields of SCTP and L2TP layers (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_SCTP_H
#define SOCKEYE_VIEW_PACKET_SCTP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is SCTP (the common header and each chunk)
 * or L2TP (the header, a control message's AVPs), walking the message again
 * in data; false, writing nothing, for a layer of another protocol.
 */
bool view_packet_sctp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data);

#endif
